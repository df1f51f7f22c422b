"""Actions that are chased: overdue in the meeting's zone, marked in words, with their status history kept."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings import agenda
from meetings.models import ActionItem, Level
from meetings.overdue import council_today, overdue_q
from tests.conftest import PERSONAS
from tests.factories import ActionItemFactory, MeetingFactory, MemberFactory, ParticipationFactory

UTC = datetime.UTC


def _titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


@pytest.mark.django_db
def test_due_today_is_not_overdue_and_due_yesterday_is(group_a):
    today = council_today()
    meeting = MeetingFactory(body=group_a, time_zone="Asia/Tashkent")
    ActionItemFactory(meeting=meeting, title="today", due_date=today)
    ActionItemFactory(meeting=meeting, title="yesterday", due_date=today - datetime.timedelta(days=1))
    ActionItemFactory(
        meeting=meeting, title="in progress", due_date=today - datetime.timedelta(days=9), status="in_progress"
    )
    ActionItemFactory(
        meeting=meeting,
        title="done",
        due_date=today - datetime.timedelta(days=9),
        status="done",
        completed_at=timezone.now(),
    )
    ActionItemFactory(
        meeting=meeting, title="cancelled", due_date=today - datetime.timedelta(days=9), status="cancelled"
    )
    ActionItemFactory(meeting=meeting, title="no date", due_date=None)
    assert _titles(ActionItem.objects.overdue()) == {"yesterday", "in progress"}
    assert _titles(ActionItem.objects.overdue(today=today + datetime.timedelta(days=1))) == {
        "today",
        "yesterday",
        "in progress",
    }
    for action in ActionItem.objects.select_related("meeting"):
        assert action.is_overdue == (action.title in {"yesterday", "in progress"}), action.title


@pytest.mark.django_db
def test_overdue_is_decided_on_the_meetings_own_clock(group_a):
    # 20:00 UTC on 10 May is 01:00 on the 11th in Tashkent and Almaty (UTC+5), 10:00 on the 11th in
    # Kiritimati (UTC+14), and 10:00 on the 10th in Honolulu (UTC-10): a task due on the 10th is late but there.
    now = datetime.datetime(2030, 5, 10, 20, 0, tzinfo=UTC)
    due = datetime.date(2030, 5, 10)
    for zone in ("Asia/Almaty", "Pacific/Kiritimati", "Pacific/Honolulu", "Asia/Tashkent"):
        ActionItemFactory(meeting=MeetingFactory(body=group_a, time_zone=zone), title=zone, due_date=due)
    late = _titles(ActionItem.objects.filter(overdue_q(now=now)))
    assert late == {"Asia/Almaty", "Pacific/Kiritimati", "Asia/Tashkent"}
    # At 18:30 UTC it is still 23:30 on the 10th in Tashkent and Almaty, but 08:30 on the 11th in Kiritimati.
    now = datetime.datetime(2030, 5, 10, 18, 30, tzinfo=UTC)
    assert _titles(ActionItem.objects.filter(overdue_q(now=now))) == {"Pacific/Kiritimati"}
    # Honolulu's day ends at 10:00 UTC the next day.
    assert "Pacific/Honolulu" in _titles(
        ActionItem.objects.filter(overdue_q(now=datetime.datetime(2030, 5, 11, 10, 30, tzinfo=UTC)))
    )


# ---------------------------------------------------------------- the admin


@pytest.fixture
def late_and_on_time(group_a, wg_a_member):
    meeting = MeetingFactory(body=group_a, title="Spring meeting of (a)")
    today = council_today()
    late = ActionItemFactory(
        meeting=meeting, title="Late report", owner=wg_a_member.member, due_date=today - datetime.timedelta(days=3)
    )
    fine = ActionItemFactory(
        meeting=meeting, title="Report on time", owner=wg_a_member.member, due_date=today + datetime.timedelta(days=3)
    )
    return meeting, late, fine


@pytest.mark.django_db
def test_the_admin_list_marks_overdue_actions_in_words_and_filters_them(client, secretariat, late_and_on_time):
    client.force_login(secretariat)
    url = reverse("admin:meetings_actionitem_changelist")
    html = client.get(url).content.decode()
    assert html.count('<span class="overdue-badge"><span aria-hidden="true">⚠</span> Overdue</span>') == 1
    overdue_only = client.get(url, {"overdue": "yes"}).content.decode()
    assert "Late report" in overdue_only and "Report on time" not in overdue_only
    on_time = client.get(url, {"overdue": "no"}).content.decode()
    assert "Report on time" in on_time and "Late report" not in on_time


@pytest.mark.django_db
def test_the_meetings_inline_marks_overdue_rows(client, secretariat, late_and_on_time):
    meeting, _late, _fine = late_and_on_time
    client.force_login(secretariat)
    html = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert html.count('<span class="overdue-badge"><span aria-hidden="true">⚠</span> Overdue</span>') == 1


@pytest.mark.django_db
def test_the_admin_change_page_shows_who_changed_the_status_when(client, secretariat, late_and_on_time):
    _meeting, late, _fine = late_and_on_time
    client.force_login(secretariat)
    url = reverse("admin:meetings_actionitem_change", args=[late.pk])
    late.status = ActionItem.Status.IN_PROGRESS
    late._history_user = secretariat
    late.save()
    html = client.get(url).content.decode()
    assert "Status history" in html or "status history" in html
    assert "<td>(created)</td><td>Open</td>" in html
    assert "<td>the secretariat</td><td>Open</td><td>In progress</td>" in html  # Named, never by login.


def test_status_history_records_each_change_from_and_to(db, secretariat):
    action = ActionItemFactory(title="Chased")
    action.title = "Chased, renamed"  # Not a status change: not listed.
    action.save()
    action.status = ActionItem.Status.DONE
    action.completed_at = timezone.now()
    action._history_user = secretariat
    action.save()
    changes = agenda.status_histories([action.pk])[action.pk]
    assert [(c.old, c.new) for c in changes] == [(None, "Open"), ("Open", "Done")]
    assert changes[-1].who == "the secretariat"  # No full name: the role, never the login.


# ---------------------------------------------------------------- the members' pages


OWNERS = {"wg_a_member"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_dashboard_marks_my_overdue_actions(client, persona, request, group_a, wg_a_member):
    name = request.node.callspec.params["persona"]
    meeting = MeetingFactory(body=group_a)
    ActionItemFactory(
        meeting=meeting,
        title="Late task",
        owner=wg_a_member.member,
        due_date=council_today() - datetime.timedelta(days=1),
    )
    if not persona.is_authenticated:
        assert client.get(reverse("meetings:dashboard")).status_code == 302
        return
    client.force_login(persona)
    html = client.get(reverse("meetings:dashboard")).content.decode()
    assert ("Late task" in html) == (name in OWNERS)
    assert ('<span aria-hidden="true">⚠</span> Overdue' in html) == (name in OWNERS)


MEETING_PAGE = {
    "anonymous": 404,
    "partner": 404,
    "wg_c_member": 404,
    "inactive": 404,
    "expired": 404,
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_meeting_page_marks_my_overdue_action_with_its_history(client, persona, request, late_and_on_time):
    name = request.node.callspec.params["persona"]
    meeting, late, _fine = late_and_on_time
    late.status = ActionItem.Status.IN_PROGRESS
    late.save()
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.get(meeting.get_absolute_url())
    if MEETING_PAGE.get(name) == 404:
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert response.status_code == 200
    mine = name in OWNERS
    assert ("Late report" in html) == mine
    assert ('<span aria-hidden="true">⚠</span> Overdue' in html) == mine
    assert ("<summary>History</summary>" in html) == mine
    if mine:
        assert "Open → In progress" in html and "created as Open" in html


@pytest.mark.django_db
def test_a_restricted_action_is_not_listed_to_its_owner_when_they_may_not_see_it(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a)
    ActionItemFactory(
        meeting=meeting,
        owner=wg_a_member.member,
        level=Level.RESTRICTED,
        title="Secret task",
        due_date=council_today() - datetime.timedelta(days=2),
    )
    client.force_login(wg_a_member)
    assert "Secret task" not in client.get(meeting.get_absolute_url()).content.decode()
    assert "Secret task" not in client.get(reverse("meetings:dashboard")).content.decode()
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    assert "Secret task" in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_admin_action_list_costs_the_same_queries_with_more_actions(client, secretariat, group_a):
    client.force_login(secretariat)
    url = reverse("admin:meetings_actionitem_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    ActionItemFactory(meeting=MeetingFactory(body=group_a), due_date=council_today() - datetime.timedelta(days=1))
    client.get(url)
    before = count()
    for _ in range(5):
        ActionItemFactory(
            meeting=MeetingFactory(body=group_a),
            owner=MemberFactory(),
            due_date=council_today() - datetime.timedelta(days=1),
        )
    assert count() == before
