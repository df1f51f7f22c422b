"""The Council's record: approved minutes are frozen; corrections are amendments with their own approval."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import Level, Minutes
from tests.factories import MeetingFactory, MinutesFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

TAKEN = "The meeting agreed to meet again in Almaty.\nIt thanked the hosts."
CORRECTED = "The meeting agreed to meet again in Bishkek in May.\nIt thanked the hosts."


@pytest.fixture
def meeting(group_a, wg_a_member):
    start = datetime.datetime(2025, 3, 5, 5, tzinfo=datetime.UTC)
    meeting = MeetingFactory(
        body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


@pytest.fixture
def approved(meeting, chair):
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, text=TAKEN)
    return services.approve_minutes(minutes=minutes, by=chair)


def _refused(statement: str, params: list) -> None:
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


# --- Frozen -----------------------------------------------------------------------------------


def test_the_database_refuses_any_change_to_approved_minutes(approved):
    """Raw SQL, on PostgreSQL and on SQLite alike: the trigger of migration 0009."""
    _refused("UPDATE meetings_minutes SET text = %s WHERE id = %s", ["Rewritten.", approved.pk])
    _refused("UPDATE meetings_minutes SET status = 'draft' WHERE id = %s", [approved.pk])
    _refused("UPDATE meetings_minutes SET approved_by_id = NULL WHERE id = %s", [approved.pk])
    approved.refresh_from_db()
    assert (approved.text, approved.status) == (TAKEN, Minutes.Status.APPROVED)


def test_the_orm_cannot_change_approved_minutes_either(approved):
    approved.text = "Rewritten through the ORM."
    with pytest.raises(IntegrityError), transaction.atomic():
        approved.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.filter(pk=approved.pk).update(level=Level.PUBLIC)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's flush deletes rows; PROTECT guards it there.")
def test_postgresql_refuses_deleting_approved_minutes(approved):
    _refused("DELETE FROM meetings_minutes WHERE id = %s", [approved.pk])


def test_saving_approved_minutes_unchanged_is_harmless(approved):
    approved.save()  # Only updated_at moves: nothing of the record changes.
    assert Minutes.objects.get(pk=approved.pk).text == TAKEN


def test_draft_and_circulated_minutes_can_still_be_edited(meeting):
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, text=TAKEN)
    Minutes.objects.filter(pk=minutes.pk).update(text=CORRECTED)
    minutes.refresh_from_db()
    assert minutes.text == CORRECTED


def test_the_services_do_not_move_approved_minutes(approved, secretariat):
    with pytest.raises(services.WorkflowError):
        services.circulate_minutes(minutes=approved, by=secretariat)
    with pytest.raises(services.WorkflowError):
        services.approve_minutes(minutes=approved, by=secretariat)


def test_the_admin_shows_approved_minutes_read_only_and_cannot_delete_them(client, secretariat, approved):
    client.force_login(secretariat)
    url = reverse("admin:meetings_minutes_change", args=[approved.pk])
    page = client.get(url).content.decode()
    assert 'name="text"' not in page  # No field to type into.
    assert "approved and frozen" in page
    posted = {"text": "Rewritten in the admin.", "level": "public", "meeting": approved.meeting_id}
    posted |= {"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"}
    posted |= {"redactions-TOTAL_FORMS": "0", "redactions-INITIAL_FORMS": "0"}
    response = client.post(url, posted)
    assert response.status_code == 302  # Saved as it was: the typed text was never a field.
    approved.refresh_from_db()
    assert approved.text == TAKEN
    assert client.get(reverse("admin:meetings_minutes_delete", args=[approved.pk])).status_code == 403


def test_a_meeting_with_approved_minutes_cannot_be_deleted(approved):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        approved.meeting.delete()


# --- Amendments ---------------------------------------------------------------------------------


def test_an_amendment_is_a_new_edition_with_its_own_approval(approved, chair, secretariat):
    amendment = services.start_amendment(minutes=approved, by=secretariat, reason="The venue of the next meeting.")
    assert (amendment.edition, amendment.amends, amendment.status) == (2, approved, Minutes.Status.DRAFT)
    assert amendment.text == TAKEN
    Minutes.objects.filter(pk=amendment.pk).update(text=CORRECTED)
    amendment.refresh_from_db()
    services.circulate_minutes(minutes=amendment, by=secretariat)
    services.approve_minutes(minutes=amendment, by=chair)
    approved.refresh_from_db()
    assert approved.text == TAKEN  # The first edition stays as it was approved.
    assert list(Minutes.objects.filter(meeting=approved.meeting).approved().order_by("edition")) == [
        approved,
        amendment,
    ]


def test_an_amendment_needs_a_reason_and_one_at_a_time(approved, secretariat):
    with pytest.raises(services.WorkflowError):
        services.start_amendment(minutes=approved, by=secretariat, reason="  ")
    services.start_amendment(minutes=approved, by=secretariat, reason="A date.")
    with pytest.raises(services.WorkflowError):
        services.start_amendment(minutes=approved, by=secretariat, reason="Another date.")


def test_only_approved_minutes_and_the_latest_edition_are_amended(meeting, approved, chair, secretariat):
    draft = services.start_amendment(minutes=approved, by=secretariat, reason="A date.")
    with pytest.raises(services.WorkflowError):
        services.start_amendment(minutes=draft, by=secretariat, reason="A draft is edited, not amended.")
    services.circulate_minutes(minutes=draft, by=secretariat)
    services.approve_minutes(minutes=draft, by=chair)
    with pytest.raises(services.WorkflowError):
        services.start_amendment(minutes=approved, by=secretariat, reason="Not the latest edition.")


def test_the_database_keeps_one_open_edition_and_numbered_editions(meeting, approved):
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesFactory(meeting=meeting, edition=1, status=Minutes.Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesFactory(meeting=meeting, edition=2, status=Minutes.Status.DRAFT)  # An amendment names its edition.


def test_the_secretariat_opens_an_amendment_from_the_admin(client, secretariat, approved):
    client.force_login(secretariat)
    url = reverse("admin:meetings_minutes_amend", args=[approved.pk])
    assert (
        "Start an amendment"
        in client.get(reverse("admin:meetings_minutes_change", args=[approved.pk])).content.decode()
    )
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "The venue of the next meeting."})
    amendment = Minutes.objects.get(amends=approved)
    assert response["Location"] == reverse("admin:meetings_minutes_change", args=[amendment.pk])
    page = client.get(response["Location"]).content.decode()
    assert 'name="text"' in page and "The venue of the next meeting." in page


def test_members_see_which_edition_they_read_and_what_changed(approved, chair, wg_a_member, secretariat):
    amendment = services.start_amendment(minutes=approved, by=secretariat, reason="The venue of the next meeting.")
    Minutes.objects.filter(pk=amendment.pk).update(text=CORRECTED)
    amendment.refresh_from_db()
    services.circulate_minutes(minutes=amendment, by=secretariat)

    member = Client()
    member.force_login(wg_a_member)
    url = approved.meeting.get_absolute_url()
    page = member.get(url).content.decode()
    assert "in Almaty" in page and "Bishkek" not in page  # The circulated amendment is the chairs' until approved.

    reviewer = Client()
    reviewer.force_login(chair)
    page = reviewer.get(url).content.decode()
    assert "Amendment under review" in page and "Approve these minutes" in page
    assert "<del>" in page and "Bishkek in May." in page
    reviewer.post(reverse("meetings:minutes_approve", args=[approved.meeting.slug]))

    page = member.get(url).content.decode()
    assert "amendment 1" in page and "The venue of the next meeting." in page
    assert "What changed from the edition it amends" in page
    assert '<ins><span class="visually-hidden">[inserted: </span>Bishkek in May.<span' in page
    assert "in Almaty" in page  # The earlier edition stays readable, folded below.


def test_a_diff_never_shows_an_edition_the_reader_may_not_see(approved, chair, wg_a_member, secretariat):
    amendment = services.start_amendment(minutes=approved, by=secretariat, reason="Made council-wide.")
    Minutes.objects.filter(pk=amendment.pk).update(level=Level.COUNCIL, text=CORRECTED)
    approved.meeting.__class__.objects.filter(pk=approved.meeting_id).update(level=Level.COUNCIL)
    amendment.refresh_from_db()
    services.circulate_minutes(minutes=amendment, by=secretariat)
    services.approve_minutes(minutes=amendment, by=chair)
    # The member of group (c) may read the council-level amendment, not the group-level edition it amends.
    from tests.factories import MemberFactory, UserFactory

    outsider = MemberFactory(user=UserFactory(username="council-only")).user
    client = Client()
    client.force_login(outsider)
    page = client.get(approved.meeting.get_absolute_url()).content.decode()
    assert "Bishkek in May." in page
    assert "in Almaty" not in page and "<del>" not in page


def test_the_meeting_page_costs_one_query_for_all_editions(
    approved, chair, secretariat, wg_a_member, django_assert_num_queries
):
    client = Client()
    client.force_login(wg_a_member)
    url = approved.meeting.get_absolute_url()
    client.get(url)
    with CaptureCount() as one_edition:
        client.get(url)
    amendment = services.start_amendment(minutes=approved, by=secretariat, reason="A date.")
    services.circulate_minutes(minutes=amendment, by=secretariat)
    services.approve_minutes(minutes=amendment, by=chair)
    with CaptureCount() as two_editions:
        client.get(url)
    assert two_editions.count == one_edition.count


class CaptureCount:
    """Count the queries of a block."""

    def __enter__(self):
        from django.test.utils import CaptureQueriesContext

        self._context = CaptureQueriesContext(connection)
        self._context.__enter__()
        return self

    def __exit__(self, *exc):
        self._context.__exit__(*exc)
        self.count = len(self._context.captured_queries)
