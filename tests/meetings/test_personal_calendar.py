"""The personal calendar feed: one person's meetings at a secret address, through the policy."""

from __future__ import annotations

import datetime
import secrets

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings.models import Level, Meeting
from members.models import Member
from tests.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory


def _give_token(user) -> str:
    token = secrets.token_urlsafe(32)
    Member.objects.filter(user=user).update(calendar_token=token)
    return token


def _url(token: str, language: str = "en") -> str:
    return f"/{language}/calendar/personal/{token}.ics"


def _events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def token(wg_a_member) -> str:
    return _give_token(wg_a_member)


def test_the_url_name_builds_the_address(token):
    assert reverse("meetings:personal_calendar", kwargs={"token": token}) == _url(token)


def test_it_lists_my_bodys_meetings_and_those_i_am_named_on(client, token, wg_a_member, group_a, group_c):
    me = wg_a_member.member
    MeetingFactory(title="A group meeting", body=group_a)
    named = MeetingFactory(title="C restricted, invited", body=group_c, level=Level.RESTRICTED)
    ParticipationFactory(meeting=named, member=me)
    MeetingFactory(title="C group meeting marker", body=group_c)
    MeetingFactory(title="C council meeting marker", body=group_c, level=Level.COUNCIL)
    MeetingFactory(title="A restricted, not invited marker", body=group_a, level=Level.RESTRICTED)
    response = client.get(_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert sorted(_events(response)) == ["A group meeting", "C restricted, invited"]
    assert "marker" not in response.content.decode()


def test_the_online_link_is_only_for_meetings_i_am_named_on(client, token, wg_a_member, group_a):
    me = wg_a_member.member
    MeetingFactory(title="Not named", body=group_a, online_url="https://video.example.org/unnamed-link-marker")
    named = MeetingFactory(title="Named", body=group_a, online_url="https://video.example.org/named-room")
    ParticipationFactory(meeting=named, member=me)
    response = client.get(_url(token))
    body = response.content.decode()
    assert "unnamed-link-marker" not in body
    events = _events(response)
    assert "https://video.example.org/named-room" in str(events["Named"]["DESCRIPTION"])
    assert "CONFERENCE" in events["Named"]
    assert "CONFERENCE" not in events["Not named"]


def test_the_description_lists_only_the_agenda_items_i_may_see(client, token, group_a):
    meeting = MeetingFactory(title="With agenda", body=group_a)
    AgendaItemFactory(meeting=meeting, order=1, title="Group item visible", level=Level.GROUP)
    AgendaItemFactory(meeting=meeting, order=2, title="Restricted item marker", level=Level.RESTRICTED)
    response = client.get(_url(token))
    description = str(_events(response)["With agenda"]["DESCRIPTION"])
    assert "Group item visible" in description
    assert "marker" not in response.content.decode()
    assert meeting.get_absolute_url() in description


def test_it_keeps_a_year_of_past_meetings_and_everything_upcoming(client, token, group_a):
    now = timezone.now()
    MeetingFactory(title="Last month", body=group_a, starts_at=now - datetime.timedelta(days=30))
    MeetingFactory(title="Too old", body=group_a, starts_at=now - datetime.timedelta(days=400))
    MeetingFactory(title="Next year", body=group_a, starts_at=now + datetime.timedelta(days=300))
    assert sorted(_events(client.get(_url(token)))) == ["Last month", "Next year"]


def test_the_uid_is_the_public_feeds_uid(client, token, group_a):
    meeting = MeetingFactory(title="Open", body=group_a, level=Level.PUBLIC)
    meeting.title = "Open, edited"
    meeting.save()
    mine = _events(client.get(_url(token)))["Open, edited"]
    public = _events(client.get("/en/calendar/public.ics"))["Open, edited"]
    assert str(mine["UID"]) == str(public["UID"]) == f"meeting-{meeting.pk}@rec-portal"
    assert mine["SEQUENCE"] == public["SEQUENCE"] == 1
    assert str(mine["LOCATION"]) == str(public["LOCATION"]) == "Tashkent, Uzbekistan"


def test_a_cancelled_meeting_stays_as_cancelled(client, token, group_a):
    MeetingFactory(title="Off", body=group_a, status=Meeting.Status.CANCELLED)
    assert str(_events(client.get(_url(token)))["Off"]["STATUS"]) == "CANCELLED"


def test_it_is_private_and_never_stored(client, token):
    response = client.get(_url(token))
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_it_needs_no_session_and_ignores_anothers_session(client, token, exec_member, group_a, group_c):
    MeetingFactory(title="A meeting", body=group_a)
    MeetingFactory(title="C meeting marker", body=group_c)
    client.force_login(exec_member)  # Sees group (c) by the Executive Committee; the feed is wg-a's.
    response = client.get(_url(token))
    assert list(_events(response)) == ["A meeting"]


@pytest.mark.parametrize("bad", ["", "short", "x" * 40])
def test_an_unknown_or_short_token_is_404(client, token, bad):
    assert client.get(f"/en/calendar/personal/{bad}.ics").status_code == 404


def test_an_empty_token_never_matches_a_person_without_one(client, wg_c_member):
    assert Member.objects.filter(user=wg_c_member, calendar_token="").exists()
    assert client.get("/en/calendar/personal/.ics").status_code == 404


def test_a_revoked_or_regenerated_token_is_404(client, token, wg_a_member):
    assert client.get(_url(token)).status_code == 200
    new = _give_token(wg_a_member)
    assert client.get(_url(token)).status_code == 404
    assert client.get(_url(new)).status_code == 200
    Member.objects.filter(user=wg_a_member).update(calendar_token="")
    assert client.get(_url(new)).status_code == 404


def test_a_person_who_lost_access_gets_404(client, token, wg_a_member):
    Member.objects.filter(user=wg_a_member).update(is_active=False)
    assert client.get(_url(token)).status_code == 404
    Member.objects.filter(user=wg_a_member).update(is_active=True)
    wg_a_member.is_active = False
    wg_a_member.save(update_fields=["is_active"])
    assert client.get(_url(token)).status_code == 404


def test_a_person_without_an_account_has_no_feed(client, db):
    from tests.factories import MemberFactory

    person = MemberFactory(user=None, calendar_token=secrets.token_urlsafe(32))
    assert client.get(_url(person.calendar_token)).status_code == 404


def test_the_feed_refuses_to_be_posted_to(client, token):
    assert client.post(_url(token)).status_code == 405


def test_the_feed_costs_the_same_queries_however_many_meetings(
    client, token, wg_a_member, group_a, django_assert_num_queries
):
    def add(n: int) -> None:
        for _i in range(n):
            meeting = MeetingFactory(body=group_a)
            AgendaItemFactory(meeting=meeting)
            ParticipationFactory(meeting=meeting, member=wg_a_member.member)

    add(2)
    # 1 the person and account, 2-4 their clearance (secretariat role, person, seats),
    # 5 the meetings with revisions and participation, 6 the agenda items they may see.
    with django_assert_num_queries(6):
        assert len(_events(client.get(_url(token)))) == 2
    add(10)
    with django_assert_num_queries(6):
        assert len(_events(client.get(_url(token)))) == 12
