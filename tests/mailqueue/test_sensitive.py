"""E-mails carrying a sign-in link (password reset, account invitation): never shown, erased once sent, not re-sent.

And the outbox's retention: sent e-mails are deleted after MAIL_RETENTION_DAYS by the periodic sweep.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mailqueue import outbox
from mailqueue.models import OutboxMessage
from mailqueue.services import queue_mail
from mailqueue.tasks import sweep_outbox
from members.services import invite_member
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
WITHHELD = "Withheld: this e-mail carries a sign-in link."


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def broken_mail_server(monkeypatch):
    class Refusing:
        def send_messages(self, messages):
            raise ConnectionRefusedError("[Errno 111] Connection refused")

    monkeypatch.setattr(outbox, "get_connection", Refusing)


def _path(text: str, marker: str) -> str:
    """The path of the one-time link in `text` (…/<uidb64>/<token>/)."""
    return re.search(rf"https?://[^/\s]+(/\S*{marker}/\S+)", text).group(1)


def _admin_pages_do_not_show(client, row: OutboxMessage, secrets: list[str]) -> None:
    """Neither the change page, its history, the list nor a search for the secret shows or finds it."""
    change = client.get(reverse("admin:mailqueue_outboxmessage_change", args=[row.pk]))
    assert change.status_code == 200
    assert WITHHELD in change.content.decode()
    history = client.get(reverse("admin:mailqueue_outboxmessage_history", args=[row.pk]))
    changelist = reverse("admin:mailqueue_outboxmessage_changelist")
    listing = client.get(changelist)
    assert listing.status_code == history.status_code == 200
    assert listing.context["cl"].result_count == 1
    for secret in secrets:
        for response in (change, history, listing):
            assert secret not in response.content.decode()
        search = client.get(changelist, {"q": secret})
        # (The search box echoes the query itself; what matters is that nothing matches.)
        assert search.status_code == 200 and search.context["cl"].result_count == 0
        # Nor may a filter on the text tell whether a guess is right.
        assert client.get(changelist, {"body__contains": secret}).status_code == 400
        assert client.get(changelist, {"payload__icontains": secret}).status_code == 400


def _assert_erased(row: OutboxMessage, secrets: list[str]) -> None:
    row.refresh_from_db()
    assert row.body == "" and row.payload["alternatives"] == [] and row.payload["attachments"] == []
    assert row.subject and row.to  # The envelope stays: what was sent to whom, and when.
    for secret in secrets:
        assert secret not in str(row.payload)


def test_a_password_reset_is_never_shown_and_erased_once_delivered(client, secretariat, superuser, settings):
    settings.PORTAL_URL = "https://rec.example.org"
    UserFactory(username="amina", email="amina@example.org")
    # The request stores the e-mail; the test's transaction never commits, so it waits in the outbox.
    assert client.post(reverse("password_reset"), {"email": "amina@example.org"}).status_code == 302
    row = OutboxMessage.objects.get()
    assert row.sensitive and row.status == Status.QUEUED
    path = _path(row.body, "password/reset")
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) > 20

    for viewer in (secretariat, superuser):
        client.force_login(viewer)
        _admin_pages_do_not_show(client, row, [path, token])
    client.logout()

    assert outbox.deliver(row.pk) == "sent"
    _assert_erased(row, [path, token])
    assert row.status == Status.SENT and row.sent_at is not None
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.org"] and path in sent.body
    # The delivered link works: it opens the form to choose a new password.
    response = client.get(path, follow=True)
    assert response.status_code == 200 and response.context["validlink"] is True


def test_an_account_invitation_is_never_shown_and_erased_once_delivered(client, secretariat, superuser, settings):
    settings.PORTAL_URL = "https://rec.example.org"
    invitee = MemberFactory(user=None, first_name="Dilnoza", last_name="Karimova", email="d.karimova@example.uz")
    invite_member(member=invitee, by=secretariat)  # Not committed: the e-mail waits in the outbox.
    row = OutboxMessage.objects.get()
    assert row.sensitive and row.status == Status.QUEUED
    path = _path(row.body, "accounts/invitation")
    token = path.rstrip("/").rsplit("/", 1)[1]

    for viewer in (secretariat, superuser):
        client.force_login(viewer)
        _admin_pages_do_not_show(client, row, [path, token])
    client.logout()

    assert outbox.deliver(row.pk) == "sent"
    _assert_erased(row, [path, token])
    (sent,) = mail.outbox
    assert sent.to == ["d.karimova@example.uz"] and path in sent.body
    response = client.get(path, follow=True)
    assert response.status_code == 200 and response.context["validlink"] is True


def test_ordinary_e_mails_are_not_sensitive_and_stay_readable(client, secretariat):
    queue_mail([EmailMultiAlternatives(subject="[REC] Minutes", body="Read the minutes", to=["a@example.org"])])
    row = OutboxMessage.objects.get()
    assert not row.sensitive
    client.force_login(secretariat)
    page = client.get(reverse("admin:mailqueue_outboxmessage_change", args=[row.pk])).content.decode()
    assert "Read the minutes" in page and WITHHELD not in page
    assert outbox.deliver(row.pk) == "sent"
    row.refresh_from_db()
    assert row.body == "Read the minutes"


def _sensitive_message() -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="[REC] Reset", body="https://x.example/reset/MQ/secret-token/", to=["b@x.org"]
    )
    message.attach_alternative("<a href='https://x.example/reset/MQ/secret-token/'>link</a>", "text/html")
    message.attach("link.txt", "secret-token", "text/plain")
    return message


def test_a_failed_sensitive_e_mail_is_erased_and_its_resend_refused(
    committed, broken_mail_server, monkeypatch, settings, client, secretariat
):
    settings.MAIL_MAX_ATTEMPTS = 1
    committed(queue_mail, [_sensitive_message()], sensitive=True)
    committed(queue_mail, [EmailMultiAlternatives(subject="[REC] Agenda", body="Agenda", to=["c@x.org"])])
    secret, ordinary = OutboxMessage.objects.order_by("pk")
    _assert_erased(secret, ["secret-token"])
    assert secret.status == Status.FAILED and "Connection refused" in secret.last_error
    ordinary.refresh_from_db()
    assert ordinary.status == Status.FAILED and ordinary.body == "Agenda"

    monkeypatch.undo()
    client.force_login(secretariat)
    response = committed(
        client.post,
        reverse("admin:mailqueue_outboxmessage_changelist"),
        {"action": "resend", "_selected_action": [secret.pk, ordinary.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "1 e-mail queued to be sent again." in page
    assert "send a new password reset or account invitation instead" in page
    assert "Only failed e-mails are sent again" not in page
    secret.refresh_from_db()
    ordinary.refresh_from_db()
    assert (secret.status, ordinary.status) == (Status.FAILED, Status.SENT)
    assert [message.subject for message in mail.outbox] == ["[REC] Agenda"]
    assert outbox.requeue([secret.pk]) == []


def test_a_sensitive_e_mail_given_up_by_the_sweep_is_erased_too(committed, settings):
    settings.MAIL_MAX_ATTEMPTS = 1
    (pk,) = outbox.store([_sensitive_message()], sensitive=True)
    outbox.claim(pk, now=timezone.now())  # A worker took it, then died.
    OutboxMessage.objects.update(lease_until=timezone.now() - datetime.timedelta(minutes=1))
    committed(sweep_outbox.enqueue)
    row = OutboxMessage.objects.get()
    assert row.status == Status.FAILED
    _assert_erased(row, ["secret-token"])


def _row(status: str, days_ago: int, subject: str) -> None:
    (pk,) = outbox.store([EmailMultiAlternatives(subject=subject, body="text", to=["d@x.org"])])
    then = timezone.now() - datetime.timedelta(days=days_ago)
    sent_at = then if status == Status.SENT else None
    OutboxMessage.objects.filter(pk=pk).update(
        status=status, sent_at=sent_at, available_at=then + datetime.timedelta(days=9999)
    )
    OutboxMessage.objects.filter(pk=pk).update(created_at=then)


def test_the_sweep_deletes_only_sent_e_mails_past_the_retention_and_is_safe_twice(committed, settings):
    settings.MAIL_RETENTION_DAYS = 90
    _row(Status.SENT, 120, "old sent")
    _row(Status.SENT, 30, "recent sent")
    _row(Status.FAILED, 120, "old failed")
    _row(Status.QUEUED, 120, "old queued")
    committed(sweep_outbox.enqueue)
    remaining = set(OutboxMessage.objects.values_list("subject", flat=True))
    assert remaining == {"recent sent", "old failed", "old queued"}
    # Twice (cron on two machines): nothing more goes.
    committed(call_command, "run_periodic_jobs", "outbox", stdout=io.StringIO())
    assert set(OutboxMessage.objects.values_list("subject", flat=True)) == remaining
    assert outbox.purge_sent() == 0
    settings.MAIL_RETENTION_DAYS = 10
    assert outbox.purge_sent() == 1
