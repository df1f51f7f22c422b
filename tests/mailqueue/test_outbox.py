"""The outbox: every e-mail stored first, delivered once after commit, retried, recorded, re-sendable."""

from __future__ import annotations

import datetime

import pytest
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mailqueue import outbox
from mailqueue.models import OutboxMessage
from mailqueue.services import queue_mail
from mailqueue.tasks import deliver_message, sweep_outbox
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def _message(to: str = "person@example.org") -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject="[REC] Hello", body="Body text", to=[to])
    message.attach("invitation.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=REQUEST")
    message.attach("note.bin", b"\x00\x01binary", "application/octet-stream")
    return message


@pytest.fixture
def broken_mail_server(monkeypatch):
    """Make the mail backend refuse every message, as an SMTP server that is down would."""

    class Refusing:
        def send_messages(self, messages):
            raise ConnectionRefusedError("[Errno 111] Connection refused")

    monkeypatch.setattr(outbox, "get_connection", Refusing)


def _in_the_past(**fields) -> None:
    """Move the outbox's clocks back, as if time had passed (leases, retry times, enqueue marks)."""
    past = timezone.now() - datetime.timedelta(hours=3)
    OutboxMessage.objects.update(**dict.fromkeys(fields, past))


def test_a_message_is_stored_and_delivered_whole_after_commit(committed, mailoutbox):
    with transaction.atomic():
        assert committed(queue_mail, [_message()]) == 1
    (row,) = OutboxMessage.objects.all()
    assert row.status == Status.SENT and row.attempts == 1 and row.sent_at is not None
    (sent,) = mailoutbox
    assert sent.to == ["person@example.org"] and sent.subject == "[REC] Hello"
    assert sent.extra_headers["Message-ID"] == row.message_id
    assert [(name, mimetype) for name, _content, mimetype in sent.attachments] == [
        ("invitation.ics", "text/calendar; method=REQUEST"),
        ("note.bin", "application/octet-stream"),
    ]
    assert sent.attachments[1][1] == b"\x00\x01binary"


def test_nothing_is_sent_before_commit_nor_after_a_rollback(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        queue_mail([_message()])
        assert mailoutbox == []
        raise RuntimeError("the caller's transaction fails")
    assert OutboxMessage.objects.count() == 0
    assert mailoutbox == []


def test_a_message_is_never_delivered_twice_by_two_workers(committed, mailoutbox):
    with transaction.atomic():
        ids = outbox.store([_message()])
    # Two workers got the same task (a sweep re-queued it, say): the conditional claim lets one through.
    assert outbox.deliver(ids[0]) == "sent"
    assert outbox.deliver(ids[0]) == "skipped"
    assert len(mailoutbox) == 1


def test_a_failed_delivery_is_recorded_and_retried_with_backoff(committed, broken_mail_server, monkeypatch, mailoutbox):
    committed(queue_mail, [_message()])
    row = OutboxMessage.objects.get()
    assert row.status == Status.QUEUED
    assert row.attempts == 1
    assert "Connection refused" in row.last_error
    # The next attempt a minute later (then 5, 30 minutes, 2 hours).
    assert abs(row.available_at - row.last_attempt_at - datetime.timedelta(minutes=1)) < datetime.timedelta(seconds=5)
    # Not due yet: the sweep leaves it alone.
    assert committed(sweep_outbox.enqueue).return_value == 0

    monkeypatch.undo()  # The mail server is back; the retry is due.
    _in_the_past(available_at=True, enqueued_at=True)
    assert committed(sweep_outbox.enqueue).return_value == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert len(mailoutbox) == 1


def test_after_the_last_attempt_it_is_failed_and_the_admin_sends_it_again(
    committed, broken_mail_server, monkeypatch, settings, client, secretariat, mailoutbox
):
    settings.MAIL_MAX_ATTEMPTS = 2
    committed(queue_mail, [_message()])
    _in_the_past(available_at=True, enqueued_at=True)
    committed(sweep_outbox.enqueue)
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == (Status.FAILED, 2)
    assert list(OutboxMessage.objects.failed()) == [row] and not OutboxMessage.objects.waiting().exists()

    client.force_login(secretariat)
    listing = client.get(reverse("admin:mailqueue_outboxmessage_changelist"), {"status__exact": "failed"})
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "person@example.org" in page and "Connection refused" in page
    detail = client.get(reverse("admin:mailqueue_outboxmessage_change", args=[row.pk]))
    assert detail.status_code == 200 and "Body text" in detail.content.decode()

    monkeypatch.undo()
    response = committed(
        client.post,
        reverse("admin:mailqueue_outboxmessage_changelist"),
        {"action": "resend", "_selected_action": [row.pk]},
        follow=True,
    )
    assert "1 e-mail queued to be sent again." in response.content.decode()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 1)
    assert len(mailoutbox) == 1


def test_a_sent_message_is_not_sent_again_by_the_action(committed, client, secretariat, mailoutbox):
    committed(queue_mail, [_message()])
    client.force_login(secretariat)
    response = committed(
        client.post,
        reverse("admin:mailqueue_outboxmessage_changelist"),
        {"action": "resend", "_selected_action": [OutboxMessage.objects.get().pk]},
        follow=True,
    )
    assert "Only failed e-mails are sent again" in response.content.decode()
    assert len(mailoutbox) == 1


def test_a_worker_killed_mid_send_loses_no_email_and_the_sweep_delivers_it_once(committed, monkeypatch, mailoutbox):
    with transaction.atomic():
        (pk,) = outbox.store([_message()])
    real_send = outbox.send_now

    def killed(row):
        raise SystemExit("worker killed after claiming the message")  # What SIGKILL/OOM would leave behind.

    monkeypatch.setattr(outbox, "send_now", killed)
    with pytest.raises(SystemExit):
        outbox.deliver(pk)
    row = OutboxMessage.objects.get()
    assert row.status == Status.SENDING and row.lease_until is not None
    assert mailoutbox == []

    monkeypatch.setattr(outbox, "send_now", real_send)
    # While the lease runs, nobody else may take it: the worker might still be alive.
    assert committed(sweep_outbox.enqueue).return_value == 0
    assert committed(deliver_message.enqueue, pk).return_value == "skipped"
    _in_the_past(lease_until=True, enqueued_at=True)
    committed(sweep_outbox.enqueue)
    committed(sweep_outbox.enqueue)  # A second sweep finds nothing left to do.
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("persona", ["wg_a_member", "exec_member", "chair", "partner"], indirect=True)
def test_members_are_sent_to_the_admin_login_from_the_outbox(client, persona):
    client.force_login(persona)
    response = client.get(reverse("admin:mailqueue_outboxmessage_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_secretariat_role_cannot_open_the_outbox_nor_resend(client, db):
    client.force_login(UserFactory(username="staff", is_staff=True))
    assert client.get(reverse("admin:mailqueue_outboxmessage_changelist")).status_code == 403
    with transaction.atomic():
        (pk,) = outbox.store([_message()])
    response = client.post(
        reverse("admin:mailqueue_outboxmessage_changelist"), {"action": "resend", "_selected_action": [pk]}
    )
    assert response.status_code == 403


def test_the_secretariat_may_read_the_outbox_and_resend_but_not_write_or_delete(secretariat):
    assert secretariat.has_perm("mailqueue.view_outboxmessage")
    assert secretariat.has_perm("mailqueue.change_outboxmessage")
    assert not secretariat.has_perm("mailqueue.add_outboxmessage")
    assert not secretariat.has_perm("mailqueue.delete_outboxmessage")


def test_the_outbox_list_costs_the_same_queries_however_many_messages(client, secretariat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(secretariat)
    url = reverse("admin:mailqueue_outboxmessage_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with transaction.atomic():
        outbox.store([_message()])
    count()  # The first request of a session also stamps it.
    few = count()
    with transaction.atomic():
        outbox.store([_message(f"p{n}@example.org") for n in range(25)])
    # Session, user, permissions, the count and the page of rows: no query per message.
    assert count() == few
