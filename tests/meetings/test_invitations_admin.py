"""Filling a meeting's list in one step, sending invitations from the meeting's page, warnings as the policy answers."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from meetings import invitations
from meetings.models import Level, Participation
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    OrganizationFactory,
    ParticipationFactory,
    UserFactory,
)
from workinggroups.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def body_b(group_a):
    """Working Group (a)'s seats: a chair, members, an observer, a former member and an inactive person."""
    chair = MemberFactory(last_name="Chair")
    MembershipFactory(member=chair, group=group_a, role=Membership.Role.CHAIR)
    members = [MemberFactory(last_name=f"Member{i}") for i in range(3)]
    for person in members:
        MembershipFactory(member=person, group=group_a)
    observer = MemberFactory(last_name="Observer")
    MembershipFactory(member=observer, group=group_a, role=Membership.Role.OBSERVER)
    former = MemberFactory(last_name="Former")
    MembershipFactory(member=former, group=group_a, end_date=timezone.localdate() - datetime.timedelta(days=1))
    inactive = MemberFactory(last_name="Inactive", is_active=False)
    MembershipFactory(member=inactive, group=group_a)
    return {"chair": chair, "members": members, "observer": observer, "former": former, "inactive": inactive}


def test_adding_the_body_adds_current_active_non_observers_once_with_chairs_as_chairs(group_a, body_b, secretariat):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    ParticipationFactory(meeting=meeting, member=body_b["members"][0])
    added = invitations.add_participants(meeting=meeting, source="body", by=secretariat)
    assert {p.pk for p in added.people} == {body_b["chair"].pk, body_b["members"][1].pk, body_b["members"][2].pk}
    assert added.already == 1
    assert Participation.objects.get(meeting=meeting, member=body_b["chair"]).role == "chair"
    assert Participation.history.filter(meeting_id=meeting.pk).count() == 4  # Each addition in the history.
    again = invitations.add_participants(meeting=meeting, source="body", by=secretariat)
    assert again.people == [] and again.already == 4


def test_observers_are_added_only_on_purpose_and_as_observers(group_a, body_b, secretariat):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    invitations.add_participants(meeting=meeting, source="body", by=secretariat, include_observers=True)
    assert Participation.objects.get(meeting=meeting, member=body_b["observer"]).role == "observer"


def test_adding_the_executive_committee_adds_its_current_members_as_participants(group_a, executive, exec_member):
    chair = MemberFactory()
    MembershipFactory(member=chair, group=executive, role=Membership.Role.CHAIR)
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    added = invitations.add_participants(meeting=meeting, source="executive", by=None)
    assert {p.pk for p in added.people} == {exec_member.member.pk, chair.pk}
    assert set(meeting.participations.values_list("role", flat=True)) == {"participant"}


def test_adding_an_organisations_representatives_adds_its_active_people(group_a):
    unicef = OrganizationFactory(name="UNICEF")
    people = [MemberFactory(organization=unicef) for _ in range(2)]
    MemberFactory(organization=unicef, is_active=False)
    MemberFactory(organization=OrganizationFactory())
    meeting = MeetingFactory(body=group_a)
    added = invitations.add_participants(meeting=meeting, source="organization", by=None, organization=unicef)
    assert {p.pk for p in added.people} == {p.pk for p in people}


def test_the_step_pages_preview_then_add_on_post_only(staff_client, group_a, body_b):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    url = f"/admin/meetings/meeting/{meeting.pk}/participants/add/body/"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "4 people would be added" in response.content.decode()
    assert not meeting.participations.exists()  # GET writes nothing.
    response = staff_client.post(url, {})
    assert response.status_code == 302
    assert meeting.participations.count() == 4
    unicef = OrganizationFactory(name="UNICEF")
    MemberFactory(organization=unicef, last_name="Unicefer")
    url = f"/admin/meetings/meeting/{meeting.pk}/participants/add/organization/"
    assert staff_client.get(url).status_code == 200
    preview = staff_client.get(url, {"organization": unicef.pk}).content.decode()
    assert "Unicefer" in preview
    staff_client.post(url, {"organization": unicef.pk})
    assert meeting.participations.count() == 5


def test_bad_step_input_gets_a_4xx(staff_client, group_a):
    meeting = MeetingFactory(body=None, level=Level.COUNCIL)
    base = f"/admin/meetings/meeting/{meeting.pk}"
    assert staff_client.get(f"{base}/participants/add/body/").status_code == 404  # A plenary has no body.
    assert staff_client.get(f"{base}/participants/add/nonsense/").status_code == 404
    assert staff_client.post(f"{base}/participants/add/organization/", {"organization": "x"}).status_code == 400
    assert staff_client.get("/admin/meetings/meeting/999999/invitations/send/").status_code in {302, 404}


def test_step_pages_need_both_permissions(client, group_a, body_b):
    meeting = MeetingFactory(body=group_a)
    user = UserFactory(username="clerk", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_meeting", "change_meeting"]))
    client.force_login(user)
    for url in (
        f"/admin/meetings/meeting/{meeting.pk}/participants/add/body/",
        f"/admin/meetings/meeting/{meeting.pk}/invitations/send/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    assert not meeting.participations.exists()


@pytest.mark.parametrize("persona", ["anonymous", "partner", "wg_a_member", "exec_member", "chair"], indirect=True)
def test_members_never_reach_the_step_pages(client, group_a, persona):
    meeting = MeetingFactory(body=group_a)
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/participants/add/body/", {})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_steps_are_csrf_protected(group_a, secretariat, body_b):
    from django.test import Client

    meeting = MeetingFactory(body=group_a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/participants/add/body/", {}).status_code == 403
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/invitations/send/", {}).status_code == 403
    assert not meeting.participations.exists()


def test_send_invitations_from_the_meeting_page_shows_the_count_and_warns(
    staff_client, group_a, wg_c_member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    ParticipationFactory(meeting=meeting, member=wg_c_member.member)
    blind = ParticipationFactory(meeting=meeting, member=MemberFactory(user=None, last_name="Accountless"))
    change = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "Send invitations (2)" in change
    assert "no portal account" in change  # The participant row says it.
    url = f"/admin/meetings/meeting/{meeting.pk}/invitations/send/"
    page = staff_client.get(url).content.decode()
    assert "2 participants not yet invited will be invited" in page and "no portal account" in page
    assert not mail.outbox  # GET sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, follow=True)
    assert "2 participants invited" in response.content.decode()
    assert len(mail.outbox) == 2
    blind.refresh_from_db()
    assert blind.invited_at is not None


def test_saving_a_participant_who_could_not_see_the_meeting_warns(staff_client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    person = MemberFactory(user=UserFactory(is_active=False), last_name="Closed")
    response = staff_client.post(
        "/admin/meetings/participation/add/",
        {"meeting": meeting.pk, "member": person.pk, "role": "participant", "rsvp": "pending", "attendance": "unknown"},
        follow=True,
    )
    assert response.status_code == 200
    assert "will not see the meeting on the portal" in response.content.decode()
    assert "deactivated" in response.content.decode()


def test_the_participant_rows_show_country_and_organisation_in_flat_queries(staff_client, group_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    org = OrganizationFactory(name="OSCE", acronym="OSCE")
    _queries = []

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
        _queries[:] = queries.captured_queries
        assert response.status_code == 200
        return len(queries), response.content.decode()

    for _ in range(2):
        ParticipationFactory(meeting=meeting, member=MemberFactory(organization=org))
    small, html = count()
    assert "OSCE" in html
    for _ in range(8):
        ParticipationFactory(meeting=meeting, member=MemberFactory(organization=org, user=None))
    large, _html = count()
    # The autocomplete widget of each row names its person (Django's own query a row); nothing else grows.
    assert large - small <= 8, "\n".join(q["sql"][:150] for q in _queries[-40:])


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql", reason="Simultaneous steps need a server database."
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_steps_add_each_person_once(group_a, body_b):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    runs = 4
    barrier = threading.Barrier(runs)

    def run(_n):
        try:
            barrier.wait()
            return len(invitations.add_participants(meeting=meeting, source="body", by=None).people)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=runs) as pool:
        added = list(pool.map(run, range(runs)))
    assert sum(added) == 4 and meeting.participations.count() == 4


@pytest.mark.parametrize("status", ["cancelled", "held"])
def test_no_invitations_go_out_for_a_cancelled_or_held_meeting(staff_client, group_a, wg_c_member, status, mailoutbox):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, status=status)
    participation = ParticipationFactory(meeting=meeting, member=wg_c_member.member)
    response = staff_client.post(f"/admin/meetings/meeting/{meeting.pk}/invitations/send/")
    assert response.status_code == 409
    assert "Invitations cannot be sent" in response.content.decode()
    participation.refresh_from_db()
    assert participation.invited_at is None
    assert mailoutbox == []
