"""The read helpers on the models' querysets answer the question their name asks."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from meetings.models import ActionItem, Level, Meeting, Minutes, PublicSummary
from members.models import Country, Member
from tests.factories import (
    ActionItemFactory,
    CountryFactory,
    MeetingFactory,
    MemberFactory,
    MinutesFactory,
    PublicSummaryFactory,
)


@pytest.mark.django_db
def test_upcoming_past_and_public_meetings(group_a):
    now = timezone.now()
    past = MeetingFactory(body=group_a, starts_at=now - datetime.timedelta(days=2), level=Level.PUBLIC)
    running = MeetingFactory(body=group_a, starts_at=now - datetime.timedelta(hours=1))
    later = MeetingFactory(body=group_a, starts_at=now + datetime.timedelta(days=3))
    assert list(Meeting.objects.upcoming(now)) == [running, later]
    assert list(Meeting.objects.past(now)) == [past]
    assert list(Meeting.objects.public()) == [past]


@pytest.mark.django_db
def test_published_summaries_exclude_drafts_and_future_publication():
    published = PublicSummaryFactory()
    PublicSummaryFactory(status="draft")
    PublicSummaryFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert list(PublicSummary.objects.published()) == [published]


@pytest.mark.django_db
def test_member_states_active_people_and_public_profiles():
    CountryFactory(code="UZ")
    CountryFactory(code="FR", name="France", is_member_state=False)
    assert list(Country.objects.member_states().values_list("code", flat=True)) == ["UZ"]
    shown = MemberFactory(public_profile=True)
    MemberFactory(public_profile=True, is_active=False)
    hidden = MemberFactory()
    assert set(Member.objects.active()) == {shown, hidden}
    assert list(Member.objects.with_public_profile()) == [shown]


@pytest.mark.django_db
def test_approved_minutes_and_open_actions(group_a):
    approved = MinutesFactory(meeting=MeetingFactory(body=group_a))
    MinutesFactory(meeting=MeetingFactory(body=group_a), status="circulated")
    assert list(Minutes.objects.approved()) == [approved]
    meeting = MeetingFactory(body=group_a)
    open_task = ActionItemFactory(meeting=meeting)
    ActionItemFactory(meeting=meeting, status="done", completed_at=timezone.now())
    assert list(ActionItem.objects.open()) == [open_task]
