"""Sending e-mail: every message goes through the outbox and is delivered by a background task after commit."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction

from mailqueue import outbox, tasks


def queue_mail(messages: Iterable[EmailMessage], *, sensitive: bool = False) -> int:
    """Store `messages` in the outbox within the caller's transaction and deliver them once it commits.

    A rolled-back transaction sends nothing; a mail server that fails, or a worker that dies,
    loses nothing (see mailqueue.outbox). Return how many messages were queued.

    `sensitive=True` for every message carrying a credential (a password reset, an account
    invitation: any link that signs someone in): the admin never shows its text, and its text is
    erased from the database once it is sent or finally failed (it cannot be re-sent then).
    """
    with transaction.atomic():
        ids = outbox.store(messages, sensitive=sensitive)
        if ids:
            # Robust: if the queue cannot be reached, the rows stay queued and the sweep sends them.
            transaction.on_commit(partial(tasks.enqueue_delivery, ids), robust=True)
    return len(ids)


def resend_failed(message_ids: Iterable[int]) -> int:
    """Queue failed messages again with a fresh allowance of attempts; return how many (never sensitive ones)."""
    with transaction.atomic():
        chosen = outbox.requeue(message_ids)
        if chosen:
            transaction.on_commit(partial(tasks.enqueue_delivery, chosen), robust=True)
    return len(chosen)
