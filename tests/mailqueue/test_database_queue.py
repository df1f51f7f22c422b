"""The database queue (production's default): requests queue rows; `manage.py db_worker` delivers them."""

from __future__ import annotations

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from mailqueue.models import OutboxMessage
from mailqueue.services import queue_mail

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_db_worker_delivers_what_was_queued(settings, mailoutbox):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend", "QUEUES": ["default"]}}
    queue_mail(EmailMessage(subject=f"Message {n}", body="Text", to=[f"p{n}@example.org"]) for n in range(3))
    assert DBTaskResult.objects.count() == 3
    assert mailoutbox == []
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert sorted(message.subject for message in mailoutbox) == ["Message 0", "Message 1", "Message 2"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
