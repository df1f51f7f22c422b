"""The meeting admin's scheduling pages: who may open them, what they do, and that bad input gets a 4xx."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import Level, Meeting, Participation
from tests.admin_forms import change_page_data
from tests.factories import MeetingFactory, MemberFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
STEPS = ["postpone", "cancel", "duplicate"]


@pytest.fixture
def meeting(group_a, wg_a_member):
    start = datetime.datetime(2030, 5, 14, 10, tzinfo=TASHKENT)
    meeting = MeetingFactory(
        title="Spring meeting",
        body=group_a,
        level=Level.GROUP,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member, invited_at=timezone.now())
    return meeting


def _url(step: str, meeting: Meeting) -> str:
    return reverse(f"admin:meetings_meeting_{step}", args=[meeting.pk])


def _secretariat_client(secretariat) -> Client:
    client = Client()
    client.force_login(secretariat)
    return client


# --- Who may open them -----------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize(
    "persona", ["anonymous", "partner", "wg_a_member", "wg_c_member", "exec_member", "chair"], indirect=True
)
def test_everyone_but_the_secretariat_is_sent_to_the_admin_login(meeting, persona, step):
    client = Client()
    if persona.is_authenticated:
        client.force_login(persona)
    for response in (client.get(_url(step, meeting)), client.post(_url(step, meeting), {"reason": "x"})):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED


@pytest.mark.parametrize("step", STEPS)
def test_staff_without_the_change_permission_are_refused(meeting, step):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client = Client()
    client.force_login(viewer)
    assert client.get(_url(step, meeting)).status_code == 403
    assert client.post(_url(step, meeting), {"reason": "x"}).status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED


@pytest.mark.parametrize("step", STEPS)
def test_the_secretariat_opens_each_step_and_a_get_changes_nothing(meeting, secretariat, step):
    client = _secretariat_client(secretariat)
    revisions = meeting.history.count()
    response = client.get(_url(step, meeting))
    assert response.status_code == 200
    assert "Spring meeting" in response.content.decode()
    assert meeting.history.count() == revisions
    assert Meeting.objects.count() == 1
    assert client.get(reverse(f"admin:meetings_meeting_{step}", args=[999999])).status_code == 404


@pytest.mark.parametrize("step", STEPS)
def test_a_step_needs_the_csrf_token(meeting, secretariat, step):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    data = {"reason": "x", "to_be_announced": "on", "starts_at_0": "2030-06-01", "starts_at_1": "10:00"}
    assert client.post(_url(step, meeting), data).status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED
    assert Meeting.objects.count() == 1


def test_a_step_page_costs_the_same_queries_however_many_participants(meeting, secretariat):
    client = _secretariat_client(secretariat)
    client.get(_url("postpone", meeting))  # Warm the session and caches.
    with CaptureQueriesContext(connection) as few:
        assert client.get(_url("postpone", meeting)).status_code == 200
    for _n in range(30):
        ParticipationFactory(meeting=meeting, member=MemberFactory())
    with CaptureQueriesContext(connection) as many:
        assert client.get(_url("postpone", meeting)).status_code == 200
    # Session, user, the meeting: nothing per participant.
    assert len(many) == len(few)


# --- What they do ----------------------------------------------------------------------------


def test_postponing_from_the_admin_takes_the_time_at_the_meetings_place(
    meeting, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    client = _secretariat_client(secretariat)
    page = client.get(_url("postpone", meeting))
    data = {
        "loaded_version": page.context["form"]["loaded_version"].value(),
        "starts_at_0": "2030-06-02",
        "starts_at_1": "14:00:00",
        "reason": "The hall is flooded",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("postpone", meeting), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:meetings_meeting_change", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2030, 6, 2, 14, tzinfo=TASHKENT)
    assert meeting.postponement_reason == "The hall is flooded"
    assert [m.subject for m in mailoutbox] == ["[REC] Postponed: Spring meeting"]


def test_a_step_from_a_stale_page_is_refused_with_a_message(meeting, secretariat, mailoutbox):
    client = _secretariat_client(secretariat)
    page = client.get(_url("cancel", meeting))
    loaded = page.context["form"]["loaded_version"].value()
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=meeting.updated_at + datetime.timedelta(seconds=3))
    response = client.post(_url("cancel", meeting), {"loaded_version": loaded, "reason": "No quorum"})
    assert response.status_code == 400
    assert "Someone else changed this meeting" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("postpone", {"reason": "x"}, "Give the new start"),
        (
            "postpone",
            {"reason": "x", "to_be_announced": "on", "starts_at_0": "2030-06-01", "starts_at_1": "10:00"},
            "not both",
        ),
        ("postpone", {"reason": "", "to_be_announced": "on"}, "This field is required"),
        ("postpone", {"reason": "x", "starts_at_0": "31.31.2030", "starts_at_1": "25:00"}, "Enter a valid date"),
        ("postpone", {"reason": "x", "starts_at_0": "2001-01-01", "starts_at_1": "10:00"}, "must be in the future"),
        ("cancel", {"reason": ""}, "This field is required"),
        ("duplicate", {}, "This field is required"),
        ("duplicate", {"starts_at_0": "garbage", "starts_at_1": "x"}, "Enter a valid date"),
        ("postpone", {"reason": "x", "starts_at_0": "9999-12-31", "starts_at_1": "23:00"}, "between 2000 and 2100"),
        ("duplicate", {"starts_at_0": "9999-12-31", "starts_at_1": "23:00"}, "between 2000 and 2100"),
        ("duplicate", {"starts_at_0": "0001-01-01", "starts_at_1": "00:00"}, "between 2000 and 2100"),
        ("postpone", {"reason": "x", "to_be_announced": "on", "loaded_version": "not a date" * 50}, None),
    ],
)
def test_bad_input_gets_a_message_and_a_4xx_never_a_500(meeting, secretariat, step, data, message):
    response = _secretariat_client(secretariat).post(_url(step, meeting), data)
    if message is None:
        assert response.status_code in {302, 400}
        return
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Meeting.objects.count() == 1


def test_duplicating_from_the_admin_opens_the_new_meeting(meeting, secretariat):
    client = _secretariat_client(secretariat)
    response = client.post(_url("duplicate", meeting), {"starts_at_0": "2030-11-03", "starts_at_1": "09:00:00"})
    assert response.status_code == 302
    new = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response["Location"] == reverse("admin:meetings_meeting_change", args=[new.pk])
    assert new.starts_at == datetime.datetime(2030, 11, 3, 9, tzinfo=TASHKENT)
    assert Participation.objects.filter(meeting=new, invited_at__isnull=True).count() == 1


def test_the_change_page_offers_the_steps_and_the_form_does_not_bypass_them(meeting, secretariat):
    client = _secretariat_client(secretariat)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = client.get(url)
    html = page.content.decode()
    for step in STEPS:
        assert _url(step, meeting) in html
    choices = [value for value, _label in page.context["adminform"].form.fields["status"].choices]
    assert "postponed" not in choices and "cancelled" not in choices
    for status, message in (("cancelled", "Select a valid choice"), ("held", "only once it has ended")):
        data = change_page_data(page) | {"status": status}
        response = client.post(url, data)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED
