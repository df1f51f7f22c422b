"""No e-mail is delivered while a web request is being handled: requests write rows and queue tasks only.

The guard is a mail backend that records every delivery made between Django's request_started and
request_finished signals. The tests commit for real (transaction=True), so that on_commit
callbacks run where they would in production: inside the request, at the end of its transaction.
The queue is in enqueue-only mode (django-tasks' DummyBackend); `_run_worker` then plays the
worker and the deliveries are checked.
"""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.signals import request_finished, request_started
from django.urls import reverse
from django_tasks import task_backends

from mailqueue.models import OutboxMessage
from meetings.models import Meeting, Minutes, Participation
from members.models import Member
from tests.factories import MeetingFactory, MemberFactory, MinutesFactory, ParticipationFactory
from tests.test_admin import _meeting_form

pytestmark = pytest.mark.django_db(transaction=True)

IN_REQUEST: list[bool] = []
DELIVERED_IN_REQUEST: list[list[str]] = []


class GuardedBackend(EmailBackend):
    """Django's test mail backend, noting every message delivered while a request is being handled."""

    def send_messages(self, messages):
        if IN_REQUEST:
            DELIVERED_IN_REQUEST.extend(message.to for message in messages)
        return super().send_messages(messages)


def _started(**kwargs) -> None:
    IN_REQUEST.append(True)


def _finished(**kwargs) -> None:
    if IN_REQUEST:
        IN_REQUEST.pop()


@pytest.fixture
def guard(settings):
    settings.EMAIL_BACKEND = f"{__name__}.GuardedBackend"
    request_started.connect(_started, dispatch_uid="mail-guard-start")
    request_finished.connect(_finished, dispatch_uid="mail-guard-end")
    IN_REQUEST.clear()
    DELIVERED_IN_REQUEST.clear()
    yield DELIVERED_IN_REQUEST
    request_started.disconnect(dispatch_uid="mail-guard-start")
    request_finished.disconnect(dispatch_uid="mail-guard-end")


@pytest.fixture
def enqueue_only(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    return task_backends["default"]


def _run_worker(backend) -> int:
    """Run every queued task, and those they queue, as a worker process would; return how many ran."""
    ran = 0
    while backend.results:
        result = backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)
        ran += 1
    return ran


def _addresses() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_mail_sending_flows_deliver_nothing_inside_the_request(
    client, guard, enqueue_only, secretariat, wg_a_member, chair, group_a, settings
):
    settings.PORTAL_URL = "https://rec.example.org"
    meeting = MeetingFactory(body=group_a, title="Planning", slug="planning")
    ParticipationFactory(meeting=meeting, member=Member.objects.get(user=wg_a_member))
    newcomer = MemberFactory(user=None, email="newcomer@example.org")
    client.force_login(secretariat)

    # Send the invitations (the meeting list's action).
    response = client.post(
        reverse("admin:meetings_meeting_changelist"), {"action": "send_invitations", "_selected_action": [meeting.pk]}
    )
    assert response.status_code == 302
    # Move the meeting (the change form).
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    loaded = client.get(url).context["adminform"].form["loaded_version"].value()
    response = client.post(
        url, _meeting_form(meeting, starts_at_0="2030-12-11", ends_at_0="2030-12-11", loaded_version=loaded)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Circulate draft minutes to the chairs.
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.DRAFT)
    response = client.post(
        reverse("admin:meetings_minutes_changelist"), {"action": "circulate", "_selected_action": [minutes.pk]}
    )
    assert response.status_code == 302
    # Invite a person to an account (the people list's action).
    response = client.post(
        reverse("admin:members_member_changelist"), {"action": "send_invitation", "_selected_action": [newcomer.pk]}
    )
    assert response.status_code == 302
    # A member replies to the invitation and asks for a new password.
    client.force_login(wg_a_member)
    response = client.post(
        reverse("meetings:rsvp", kwargs={"slug": meeting.slug}), {"rsvp": "accepted", "mode": "online"}
    )
    assert response.status_code in {200, 302}
    client.logout()
    response = client.post(reverse("password_reset"), {"email": wg_a_member.email})
    assert response.status_code == 302

    assert guard == []  # Nothing was delivered while a request was being handled...
    assert mail.outbox == []
    assert Participation.objects.get(meeting=meeting).rsvp == "accepted"
    assert Meeting.objects.get(pk=meeting.pk).starts_at.date() == datetime.date(2030, 12, 11)

    assert _run_worker(enqueue_only) > 0  # ...and everything is delivered by the worker.
    assert guard == []
    subjects = sorted(message.subject for message in mail.outbox)
    assert any(subject.startswith("[REC] Invitation: Planning") for subject in subjects)
    assert any(subject.startswith("[REC] Changed: Planning") for subject in subjects)
    assert any("Draft minutes" in subject for subject in subjects)
    assert "newcomer@example.org" in _addresses()
    person = Member.objects.get(user=wg_a_member)
    assert sum(1 for message in mail.outbox if person.email in message.to) == 2  # Invited, then told of the move.
    assert any(wg_a_member.email in message.to for message in mail.outbox)  # The password reset.
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxMessage.Status.SENT}
    # Every link, the account invitation's and the meetings', is on the portal's address.
    for message in mail.outbox:
        assert "testserver" not in message.body
        assert "https://rec.example.org/" in message.body, message.subject


def test_the_guard_catches_a_delivery_inside_a_request(client, guard, settings, secretariat):
    """The guard itself works: with tasks run immediately, the account invitation is delivered in the request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    newcomer = MemberFactory(user=None, email="newcomer@example.org")
    client.force_login(secretariat)
    client.post(
        reverse("admin:members_member_changelist"), {"action": "send_invitation", "_selected_action": [newcomer.pk]}
    )
    assert guard == [["newcomer@example.org"]]
