"""Background tasks of the outbox: deliver one message, sweep up what was forgotten (Django's Tasks API)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.utils import timezone
from django_tasks import task

from mailqueue import outbox
from mailqueue.models import OutboxMessage

logger = logging.getLogger(__name__)


@task()
def deliver_message(message_id: int) -> str:
    """Deliver one outbox message; on a failure, schedule the next attempt where the backend can defer."""
    outcome = outbox.deliver(message_id)
    if outcome == "retry" and deliver_message.get_backend().supports_defer:
        available_at = OutboxMessage.objects.filter(pk=message_id).values_list("available_at", flat=True).first()
        if available_at is not None:
            OutboxMessage.objects.filter(pk=message_id).update(enqueued_at=timezone.now())
            deliver_message.using(run_after=available_at).enqueue(message_id)
    # Without deferral (the immediate backend), the next sweep retries it once it is due.
    return outcome


def enqueue_delivery(message_ids: Iterable[int]) -> None:
    """Queue one delivery task per message (after the messages are committed)."""
    message_ids = list(message_ids)
    OutboxMessage.objects.filter(pk__in=message_ids).update(enqueued_at=timezone.now())
    for message_id in message_ids:
        deliver_message.enqueue(message_id)


@task()
def sweep_outbox() -> int:
    """Queue again what a dead worker left half-sent and what is due without a task; return how many were queued.

    It also deletes the sent messages older than `MAIL_RETENTION_DAYS` (the outbox is not an archive).
    """
    now = timezone.now()
    purged = outbox.purge_sent(now=now)
    if purged:
        logger.info("outbox sweep: %d sent message(s) past the retention period deleted", purged)
    reclaimed = outbox.reclaim_stale(now=now)
    if reclaimed:
        logger.warning("outbox sweep: %d message(s) left half-sent by a stopped worker queued again", reclaimed)
    due = outbox.due_for_delivery(now=now)
    enqueue_delivery(due)
    return len(due)
