"""Storing e-mails in the outbox and delivering one: claim, send, record. No task queue here (see tasks.py).

A message is claimed by a conditional UPDATE (`queued → sending`, only one worker can win it) and
holds a lease while it is being sent; a worker that dies leaves it `sending`, and `reclaim_stale`
queues it again once the lease has run out. Delivery is therefore at least once from the
database's point of view and, short of a crash between the mail server's acceptance and the
`sent` mark, exactly once; every attempt carries the same Message-ID.

A *sensitive* message (a password reset, an account invitation: a link that signs someone in)
keeps its text only while it waits: the UPDATE that marks it sent, or finally failed, blanks its
body, alternatives and attachments too, and it cannot be re-sent. Sent messages are deleted
after `MAIL_RETENTION_DAYS` by the sweep (`purge_sent`).
"""

from __future__ import annotations

import base64
import datetime
import email.utils
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from core.links import portal_host
from mailqueue.models import OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status


class DeliveryRefused(Exception):
    """The mail server took nothing."""


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.MAIL_LEASE_SECONDS)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Return how long to wait after the `attempts`-th failed attempt: 1, 5, 30 minutes, then 2 hours."""
    delays = settings.MAIL_RETRY_DELAYS
    return datetime.timedelta(seconds=delays[min(attempts, len(delays)) - 1])


# --- To and from the database -----------------------------------------------------------


def _attachment(attachment) -> dict:
    filename, content, mimetype = attachment  # MIMEBase parts are not used by the portal.
    if isinstance(content, bytes):
        return {"filename": filename, "base64": base64.b64encode(content).decode(), "mimetype": mimetype}
    return {"filename": filename, "content": content, "mimetype": mimetype}


def row_from_message(message: EmailMessage, *, now: datetime.datetime, sensitive: bool = False) -> OutboxMessage:
    """Return an unsaved outbox row holding everything `message` needs to be sent later."""
    headers = dict(message.extra_headers)
    message_id = headers.pop("Message-ID", None) or email.utils.make_msgid(domain=portal_host())
    return OutboxMessage(
        subject=str(message.subject)[:998],
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=[str(address) for address in message.to],
        body=message.body,
        payload={
            "cc": list(message.cc),
            "bcc": list(message.bcc),
            "reply_to": list(message.reply_to),
            "headers": headers,
            "alternatives": [list(alternative) for alternative in getattr(message, "alternatives", [])],
            "attachments": [_attachment(attachment) for attachment in message.attachments],
        },
        message_id=message_id,
        max_attempts=settings.MAIL_MAX_ATTEMPTS,
        available_at=now,
        sensitive=sensitive,
    )


def erased_fields(row: OutboxMessage) -> dict:
    """Return the field values that blank a sensitive message's text (keeping its envelope), or {} for others."""
    if not row.sensitive:
        return {}
    payload = {**(row.payload or {}), "alternatives": [], "attachments": []}
    return {"body": "", "payload": payload}


def message_from_row(row: OutboxMessage) -> EmailMultiAlternatives:
    """Return the e-mail stored in `row`, with its Message-ID, ready to send."""
    payload = row.payload or {}
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=row.to,
        cc=payload.get("cc", []),
        bcc=payload.get("bcc", []),
        reply_to=payload.get("reply_to", []),
        headers={**payload.get("headers", {}), "Message-ID": row.message_id},
    )
    for content, mimetype in payload.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    for part in payload.get("attachments", []):
        content = part["content"] if "content" in part else base64.b64decode(part["base64"])
        message.attach(part["filename"], content, part["mimetype"])
    return message


def store(messages: Iterable[EmailMessage], *, sensitive: bool = False) -> list[int]:
    """Write `messages` to the outbox (in the caller's transaction); return the new rows' ids."""
    now = timezone.now()
    rows = [row_from_message(message, now=now, sensitive=sensitive) for message in messages]
    if not rows:
        return []
    return [row.pk for row in OutboxMessage.objects.bulk_create(rows)]


# --- Delivery ------------------------------------------------------------------------------


def claim(pk: int, *, now: datetime.datetime) -> OutboxMessage | None:
    """Mark a due, queued message as being sent by this worker; return it, or None if another has it or it is done."""
    claimed = OutboxMessage.objects.filter(pk=pk, status=Status.QUEUED, available_at__lte=now).update(
        status=Status.SENDING, attempts=F("attempts") + 1, lease_until=now + _lease(), last_attempt_at=now
    )
    return OutboxMessage.objects.get(pk=pk) if claimed else None


def send_now(row: OutboxMessage) -> None:
    """Hand the stored e-mail to the configured mail backend (SMTP in production); raise if it is refused."""
    if not get_connection().send_messages([message_from_row(row)]):
        raise DeliveryRefused("The mail server accepted no recipient.")


def deliver(pk: int, *, now: datetime.datetime | None = None) -> str:
    """Try to deliver one message; return "sent", "retry", "failed" or "skipped" (claimed elsewhere or done)."""
    row = claim(pk, now=now or timezone.now())
    if row is None:
        return "skipped"
    try:
        send_now(row)
    except Exception as error:  # Whatever the mail backend raises is recorded and retried.
        return _record_failure(row, error)
    # Conditional on this attempt's claim: a row that was reclaimed meanwhile is not marked by a stale worker.
    # A sensitive message's text goes in the same UPDATE: no moment where it is sent and still readable.
    OutboxMessage.objects.filter(pk=row.pk, status=Status.SENDING, attempts=row.attempts).update(
        status=Status.SENT, sent_at=timezone.now(), lease_until=None, last_error="", **erased_fields(row)
    )
    return "sent"


def _record_failure(row: OutboxMessage, error: Exception) -> str:
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:4000]
    final = row.attempts >= row.max_attempts
    fields = {"lease_until": None, "last_error": text}
    if final:
        fields |= {"status": Status.FAILED, **erased_fields(row)}
    else:
        fields |= {"status": Status.QUEUED, "available_at": now + retry_delay(row.attempts)}
    OutboxMessage.objects.filter(pk=row.pk, status=Status.SENDING, attempts=row.attempts).update(**fields)
    logger.warning("e-mail %s to %s: attempt %d of %d failed: %s", row.pk, row.to, row.attempts, row.max_attempts, text)
    return "failed" if final else "retry"


# --- Sweep and re-send -------------------------------------------------------------------


def reclaim_stale(*, now: datetime.datetime) -> int:
    """Queue again the messages whose worker died while sending them (lease run out); return how many."""
    stale = OutboxMessage.objects.filter(status=Status.SENDING, lease_until__lt=now)
    note = "The worker sending it stopped before it finished (lease expired)."
    out_of_attempts = stale.filter(attempts__gte=F("max_attempts"))
    failed = 0
    # A sensitive one given up on loses its text in the same UPDATE (as in _record_failure); they are few.
    for row in out_of_attempts.filter(sensitive=True).only("pk", "sensitive", "payload"):
        failed += out_of_attempts.filter(pk=row.pk).update(
            status=Status.FAILED, lease_until=None, last_error=note, **erased_fields(row)
        )
    failed += out_of_attempts.update(status=Status.FAILED, lease_until=None, last_error=note)
    queued = stale.update(status=Status.QUEUED, lease_until=None, available_at=now, last_error=note)
    return failed + queued


def due_for_delivery(*, now: datetime.datetime) -> list[int]:
    """Return the queued messages that are due and whose delivery task is missing or overdue."""
    forgotten = Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - _lease())
    return list(
        OutboxMessage.objects.filter(forgotten, status=Status.QUEUED, available_at__lte=now)
        .order_by("available_at", "pk")
        .values_list("pk", flat=True)
    )


def requeue(pks: Iterable[int], *, now: datetime.datetime | None = None) -> list[int]:
    """Queue failed messages again with a fresh allowance of attempts; return those that were failed.

    Sensitive ones are left alone: their text (the sign-in link) was erased when they failed.
    """
    now = now or timezone.now()
    pks = list(pks)
    chosen = list(
        OutboxMessage.objects.filter(pk__in=pks, status=Status.FAILED, sensitive=False).values_list("pk", flat=True)
    )
    OutboxMessage.objects.filter(pk__in=chosen, status=Status.FAILED).update(
        status=Status.QUEUED, attempts=0, available_at=now, enqueued_at=None
    )
    return chosen


def purge_sent(*, now: datetime.datetime | None = None) -> int:
    """Delete the sent messages older than `MAIL_RETENTION_DAYS`; return how many (safe to run twice)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _by_model = OutboxMessage.objects.filter(status=Status.SENT, sent_at__lt=cutoff).delete()
    return deleted
