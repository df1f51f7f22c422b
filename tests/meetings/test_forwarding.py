"""Forwarding to the Executive Committee: from a working group's item to the Committee's agenda and decision."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, ForwardedMatter, Level, Meeting
from tests.conftest import PERSONAS
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    ParticipationFactory,
    RecommendationFactory,
)
from workinggroups.models import Recommendation

pytestmark = pytest.mark.django_db

DAYS = datetime.timedelta(days=1)


@pytest.fixture
def group_meeting(group_a):
    start = timezone.now() - 5 * DAYS
    return MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)


@pytest.fixture
def source(group_meeting):
    return AgendaItemFactory(
        meeting=group_meeting,
        order=2,
        level=Level.GROUP,
        title_en="Shelters for returning families",
        title_ru="Приюты для возвращающихся семей",
        minutes_allotted=40,
    )


@pytest.fixture
def committee(executive):
    """The Executive Committee's next two meetings, group level, a week and a month from now."""
    start = timezone.now() + 7 * DAYS
    first = MeetingFactory(body=executive, level=Level.GROUP, starts_at=start, ends_at=start + DAYS / 8)
    AgendaItemFactory(meeting=first, order=1, title="Opening")
    AgendaItemFactory(meeting=first, order=2, title="Any other business")
    later = MeetingFactory(body=executive, level=Level.GROUP, starts_at=start + 21 * DAYS, ends_at=start + 22 * DAYS)
    return first, later


def _placed(source, secretariat, **kwargs) -> tuple[ForwardedMatter, AgendaItem]:
    matter = services.forward_matter(by=secretariat, source_item=source, note="Please decide on funding.")
    item = services.place_forwarded_matter(matter=matter, by=secretariat, **kwargs)
    matter.refresh_from_db()
    return matter, item


# --- Services -----------------------------------------------------------------------------------------


def test_a_working_groups_item_goes_on_the_list_of_forwarded_matters(source, secretariat, group_a):
    matter = services.forward_matter(by=secretariat, source_item=source, note="  Please decide.  ")
    assert (matter.status, matter.forwarded_by, matter.note) == (
        ForwardedMatter.Status.PENDING,
        group_a,
        "Please decide.",
    )
    assert matter.forwarded_on == timezone.localdate() and matter.created_by == secretariat
    assert matter.history.first().history_user == secretariat


def test_only_a_working_group_forwards_and_only_once(source, secretariat, committee, group_a):
    committee_item = committee[0].agenda_items.first()
    with pytest.raises(services.WorkflowError, match="Only a working group"):
        services.forward_matter(by=secretariat, source_item=committee_item)
    plenary = MeetingFactory(body=None, level=Level.COUNCIL)
    with pytest.raises(services.WorkflowError, match="Only a working group"):
        services.forward_matter(by=secretariat, source_item=AgendaItemFactory(meeting=plenary, level=Level.COUNCIL))
    matter = services.forward_matter(by=secretariat, source_item=source)
    with pytest.raises(services.WorkflowError, match="already been forwarded"):
        services.forward_matter(by=secretariat, source_item=source)
    with pytest.raises(IntegrityError), transaction.atomic():
        ForwardedMatter.objects.create(source_item=source, forwarded_by=group_a)
    # Withdrawn, it may be forwarded again.
    services.withdraw_forwarded_matter(matter=matter, by=secretariat)
    assert services.forward_matter(by=secretariat, source_item=source).status == ForwardedMatter.Status.PENDING


def test_only_a_draft_recommendation_is_forwarded(group_a, secretariat):
    adopted = RecommendationFactory(group=group_a)
    with pytest.raises(services.WorkflowError, match="draft"):
        services.forward_matter(by=secretariat, recommendation=adopted)
    with pytest.raises(services.WorkflowError, match="either"):
        services.forward_matter(by=secretariat)
    draft = RecommendationFactory(group=group_a, status=Recommendation.Status.DRAFT, adopted_on=None)
    assert services.forward_matter(by=secretariat, recommendation=draft).forwarded_by == group_a


def test_placing_adds_the_item_to_the_next_committee_meeting_linked_both_ways(source, secretariat, committee):
    matter, item = _placed(source, secretariat)
    assert item.meeting == committee[0] and item.order == 3  # At the end of the next meeting's agenda.
    assert (item.title_en, item.title_ru) == ("Shelters for returning families", "Приюты для возвращающихся семей")
    assert (item.level, item.minutes_allotted, item.description_en) == (Level.GROUP, 40, "Please decide on funding.")
    assert matter.placed_item == item and item.placed_from == matter and matter.source_item.forwards.get() == matter
    assert matter.status == ForwardedMatter.Status.PLACED and matter.placed_at is not None
    # The agenda item's history says where it came from, and who placed it.
    record = item.history.first()
    assert record.history_change_reason.startswith("Forwarded by Working Group (a)")
    assert record.history_user == secretariat


def test_the_secretariat_may_choose_another_committee_meeting(source, secretariat, committee):
    _matter, item = _placed(source, secretariat, meeting=committee[1])
    assert item.meeting == committee[1] and item.order == 1


def test_a_matter_is_placed_once_and_only_on_a_committee_meeting_to_come(source, secretariat, committee, group_meeting):
    matter = services.forward_matter(by=secretariat, source_item=source)
    with pytest.raises(services.WorkflowError, match="still to come"):
        services.place_forwarded_matter(matter=matter, by=secretariat, meeting=group_meeting)
    committee[1].status = Meeting.Status.CANCELLED
    committee[1].save()
    with pytest.raises(services.WorkflowError, match="still to come"):
        services.place_forwarded_matter(matter=matter, by=secretariat, meeting=committee[1])
    services.place_forwarded_matter(matter=matter, by=secretariat)
    with pytest.raises(services.WorkflowError, match="Only a pending matter"):
        services.place_forwarded_matter(matter=matter, by=secretariat)
    with pytest.raises(services.WorkflowError, match="Only a pending matter"):
        services.withdraw_forwarded_matter(matter=matter, by=secretariat)


def test_without_a_committee_meeting_to_come_placing_says_so(source, secretariat, executive):
    matter = services.forward_matter(by=secretariat, source_item=source)
    with pytest.raises(services.WorkflowError, match="no meeting to come"):
        services.place_forwarded_matter(matter=matter, by=secretariat)
    assert ForwardedMatter.objects.get(pk=matter.pk).status == ForwardedMatter.Status.PENDING


def test_a_draft_recommendation_goes_on_the_agenda_at_group_level(group_a, secretariat, committee):
    draft = RecommendationFactory(group=group_a, status="draft", adopted_on=None, title_en="Draft on shelters")
    matter = services.forward_matter(by=secretariat, recommendation=draft)
    item = services.place_forwarded_matter(matter=matter, by=secretariat)
    assert (item.title_en, item.level) == ("Draft on shelters", Level.GROUP)


def test_the_decision_is_recorded_once_the_committee_has_met(source, secretariat, committee):
    matter = services.forward_matter(by=secretariat, source_item=source)
    with pytest.raises(services.WorkflowError, match="Place the matter"):
        services.record_decision(matter=matter, by=secretariat, decision="Agreed.")
    matter, item = matter, services.place_forwarded_matter(matter=matter, by=secretariat)
    with pytest.raises(services.WorkflowError, match="has not met on it yet"):
        services.record_decision(matter=matter, by=secretariat, decision="Agreed.")
    Meeting.objects.filter(pk=item.meeting_id).update(
        starts_at=timezone.now() - DAYS, ends_at=timezone.now() - DAYS + DAYS / 8
    )
    with pytest.raises(services.WorkflowError, match="Write what"):
        services.record_decision(matter=matter, by=secretariat, decision="  ")
    services.record_decision(matter=matter, by=secretariat, decision="Funding agreed.")
    services.record_decision(matter=matter, by=secretariat, decision="Funding agreed for 2026.")
    matter.refresh_from_db()
    assert (matter.status, matter.decision) == (ForwardedMatter.Status.DECIDED, "Funding agreed for 2026.")
    assert [h.decision for h in matter.history.all()[:2]] == ["Funding agreed for 2026.", "Funding agreed."]


def test_the_database_keeps_a_matter_consistent(source, group_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        ForwardedMatter.objects.create(forwarded_by=group_a)  # No source.
    with pytest.raises(IntegrityError), transaction.atomic():
        ForwardedMatter.objects.create(source_item=source, forwarded_by=group_a, status="placed")  # No agenda item.
    with pytest.raises(IntegrityError), transaction.atomic():
        ForwardedMatter.objects.create(
            source_item=source, forwarded_by=group_a, status="decided", placed_item=source, placed_at=timezone.now()
        )  # No decision.


# --- Members' pages -------------------------------------------------------------------------------------


def _client(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


SEE_COMMITTEE = {"exec_member", "secretariat"}  # Group level on the Executive Committee's meeting.
SEE_SOURCE = {"wg_a_member", "exec_member", "chair", "secretariat"}  # Group level on group (a)'s meeting.


@pytest.fixture
def decided(source, secretariat, committee):
    matter, item = _placed(source, secretariat)
    Meeting.objects.filter(pk=item.meeting_id).update(
        starts_at=timezone.now() - DAYS, ends_at=timezone.now() - DAYS + DAYS / 8
    )
    services.record_decision(matter=matter, by=secretariat, decision="DECISION-TEXT")
    matter.refresh_from_db()
    return matter


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_committees_item_says_where_it_came_from_to_those_who_see_it(persona, decided, request):
    name = request.node.callspec.params["persona"]
    response = _client(persona).get(decided.placed_item.meeting.get_absolute_url())
    assert response.status_code == (200 if name in SEE_COMMITTEE else 404)
    if response.status_code == 200:
        html = response.content.decode()
        assert "Forwarded by Working Group (a)" in html and "DECISION-TEXT" in html
        assert decided.source_item.get_absolute_url() in html  # Both may see the source item.


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_source_item_says_it_went_to_the_committee_and_what_was_decided(persona, decided, request):
    name = request.node.callspec.params["persona"]
    response = _client(persona).get(decided.source_item.meeting.get_absolute_url())
    assert response.status_code == (200 if name in SEE_SOURCE else 404)
    if response.status_code == 200:
        html = response.content.decode()
        assert "Forwarded to the Executive Committee" in html and "DECISION-TEXT" in html
        # The link to the Committee's agenda only for those who may follow it.
        assert (decided.placed_item.get_absolute_url() in html) is (name in SEE_COMMITTEE)


def test_the_link_back_is_shown_only_to_those_who_may_see_the_source(
    group_meeting, secretariat, committee, exec_member
):
    closed = AgendaItemFactory(meeting=group_meeting, level=Level.RESTRICTED, title="CLOSED-SOURCE")
    matter = services.forward_matter(by=secretariat, source_item=closed)
    item = services.place_forwarded_matter(matter=matter, by=secretariat)
    AgendaItem.objects.filter(pk=item.pk).update(level=Level.GROUP)  # The secretariat opened it to the Committee.
    html = _client(exec_member).get(item.meeting.get_absolute_url()).content.decode()
    assert "Forwarded by Working Group (a)" in html and "CLOSED-SOURCE" in html
    assert closed.get_absolute_url() not in html
    assert closed.get_absolute_url() in _client(secretariat).get(item.meeting.get_absolute_url()).content.decode()


def test_a_public_page_shows_nothing_of_forwarding(group_a, executive, secretariat, anonymous):
    start = timezone.now() - 5 * DAYS
    public = MeetingFactory(body=group_a, level=Level.PUBLIC, starts_at=start, ends_at=start + DAYS / 8)
    source = AgendaItemFactory(meeting=public, level=Level.PUBLIC, title="Open item")
    committee = MeetingFactory(body=executive, level=Level.PUBLIC, starts_at=timezone.now() + 3 * DAYS)
    matter = services.forward_matter(by=secretariat, source_item=source, note="NOTE-TEXT")
    services.place_forwarded_matter(matter=matter, by=secretariat, meeting=committee)
    for meeting in (public, committee):
        html = _client(anonymous).get(meeting.get_absolute_url()).content.decode()
        assert "Open item" in html and "Forwarded" not in html and "NOTE-TEXT" not in html


def test_a_forwarded_draft_links_back_to_its_members_page_for_those_who_may_read_it(
    group_a, secretariat, committee, exec_member
):
    draft = RecommendationFactory(group=group_a, status="draft", adopted_on=None)
    matter = services.forward_matter(by=secretariat, recommendation=draft)
    item = services.place_forwarded_matter(matter=matter, by=secretariat)
    html = _client(exec_member).get(item.meeting.get_absolute_url()).content.decode()
    assert f"/en/recommendations/{draft.code}/draft/" in html
    page = _client(exec_member).get(f"/en/recommendations/{draft.code}/draft/").content.decode()
    assert "Forwarded to the Executive Committee by Working Group (a)" in page and item.get_absolute_url() in page


def test_the_meeting_page_costs_the_same_queries_with_more_forwarded_items(source, secretariat, committee, exec_member):
    _matter, item = _placed(source, secretariat)
    ParticipationFactory(meeting=item.meeting, member=exec_member.member)
    client = _client(exec_member)
    urls = [item.meeting.get_absolute_url(), source.meeting.get_absolute_url()]
    for url in urls:
        client.get(url)

    def counts() -> list[int]:
        numbers = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            numbers.append(len(captured))
        return numbers

    before = counts()
    for order in range(10, 14):
        more = AgendaItemFactory(meeting=source.meeting, order=order, level=Level.GROUP)
        services.place_forwarded_matter(
            matter=services.forward_matter(by=secretariat, source_item=more), by=secretariat
        )
    # 15 as ever (matters arising included); the matters sent from this agenda (only where items were
    # forwarded from here) and which of the linked items I may open (only where there are links).
    assert counts() == before == [16, 17]
