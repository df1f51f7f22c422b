"""The Atom feed of summaries and the iCalendar feed of public meetings: content, stability, cost."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from meetings.models import Level, Meeting
from tests.factories import AgendaItemFactory, MeetingFactory, PublicSummaryFactory, VenueFactory

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(autouse=True)
def _in_english():
    # A request to /ru/ leaves Russian active in this thread; factories would then fill the Russian columns.
    translation.activate("en")
    yield
    translation.activate("en")


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 -- the portal's own output, parsed as a feed reader would.


def _entries(response) -> list[ET.Element]:
    return _xml(response.content).findall("atom:entry", ATOM)


def _calendar(client, language: str = "en") -> Calendar:
    response = client.get(f"/{language}/calendar/public.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def _event(calendar: Calendar, meeting: Meeting):
    (event,) = [event for event in calendar.events if str(event["UID"]) == f"meeting-{meeting.pk}@rec-portal"]
    return event


# --- The Atom feed of public summaries ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat"], indirect=True)
def test_the_summary_feed_answers_atom_to_everyone(client, persona):
    PublicSummaryFactory(title="Tashkent & the region")
    response = _client_for(client, persona).get(reverse("meetings:summary_feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = _xml(response.content)
    assert feed.findtext("atom:title", namespaces=ATOM)
    assert feed.find("atom:updated", ATOM) is not None
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == "http://testserver/en/summaries/"
    (entry,) = _entries(response)
    assert entry.findtext("atom:title", namespaces=ATOM) == "Tashkent & the region"  # Escaped once, not twice.


@pytest.mark.django_db
def test_the_summary_feed_lists_the_latest_twenty_published_summaries_newest_first(client):
    now = timezone.now()
    summaries = [PublicSummaryFactory(published_at=now - datetime.timedelta(days=day)) for day in range(1, 23)]
    PublicSummaryFactory(title="Draft", status="draft")
    PublicSummaryFactory(title="Scheduled", published_at=now + datetime.timedelta(days=1))
    entries = _entries(client.get(reverse("meetings:summary_feed")))
    assert [entry.findtext("atom:title", namespaces=ATOM) for entry in entries] == [s.title for s in summaries[:20]]
    first = entries[0]
    assert first.find("atom:link", ATOM).get("href") == f"http://testserver{summaries[0].get_absolute_url()}"
    assert first.findtext("atom:published", namespaces=ATOM) == summaries[0].published_at.isoformat()
    assert first.find("atom:updated", ATOM) is not None
    assert "What the meeting did." in first.findtext("atom:summary", namespaces=ATOM)
    ids = [entry.findtext("atom:id", namespaces=ATOM) for entry in entries]
    assert len(set(ids)) == 20
    assert ids[0].startswith("tag:testserver,") and ids[0].endswith(f":summary/{summaries[0].pk}/en")


@pytest.mark.django_db
def test_a_summary_keeps_its_entry_id_when_its_title_and_slug_change(client):
    summary = PublicSummaryFactory()
    before = _entries(client.get(reverse("meetings:summary_feed")))[0].findtext("atom:id", namespaces=ATOM)
    summary.title, summary.slug = "Renamed", "renamed"
    summary.save()
    after = _entries(client.get(reverse("meetings:summary_feed")))[0]
    assert after.findtext("atom:title", namespaces=ATOM) == "Renamed"
    assert after.findtext("atom:id", namespaces=ATOM) == before


@pytest.mark.django_db
def test_the_summary_feed_speaks_the_language_of_its_address(client):
    PublicSummaryFactory(title_en="Second meeting", title_ru="Второе заседание")
    PublicSummaryFactory(title_en="Third meeting", published_at=timezone.now() - datetime.timedelta(days=1))
    response = client.get("/ru/summaries/feed/")
    feed = _xml(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    entry, untranslated = _entries(response)
    assert entry.findtext("atom:title", namespaces=ATOM) == "Второе заседание"
    assert entry.find("atom:link", ATOM).get("href").startswith("http://testserver/ru/summaries/")
    assert entry.findtext("atom:id", namespaces=ATOM).endswith("/ru")
    assert untranslated.findtext("atom:title", namespaces=ATOM) == "Third meeting"  # English fills the gap.


@pytest.mark.django_db
def test_the_summary_feed_costs_one_query_however_many_summaries(client, django_assert_num_queries):
    url = reverse("meetings:summary_feed")
    for _ in range(2):
        PublicSummaryFactory()
    with django_assert_num_queries(1):  # The published summaries.
        client.get(url)
    for _ in range(10):
        PublicSummaryFactory()
    with django_assert_num_queries(1):
        assert len(_entries(client.get(url))) == 12


# --- The iCalendar feed of public meetings ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat"], indirect=True)
def test_the_calendar_answers_icalendar_to_everyone(client, persona, group_a):
    MeetingFactory(body=group_a, level=Level.PUBLIC)
    response = _client_for(client, persona).get(reverse("meetings:calendar_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="rec-public-meetings-en.ics"'
    # Every line ends in CRLF (RFC 5545 §3.1), and long lines are folded.
    assert response.content.endswith(b"\r\n")
    assert b"\n" not in response.content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    calendar = Calendar.from_ical(response.content)
    calendar.validate()
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]).startswith("-//")
    assert str(calendar["X-WR-CALNAME"]) == "Regional Expert Council: public meetings"


@pytest.mark.django_db
def test_a_meeting_is_in_its_own_time_zone_with_the_zone_defined(client, group_a):
    tashkent = MeetingFactory(
        body=group_a, level=Level.PUBLIC, starts_at=datetime.datetime(2027, 3, 10, 5, tzinfo=datetime.UTC)
    )
    berlin = MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        time_zone="Europe/Berlin",
        starts_at=datetime.datetime(2027, 7, 1, 8, tzinfo=datetime.UTC),
    )
    calendar = _calendar(client)
    assert {str(zone["TZID"]) for zone in calendar.timezones} == {"Asia/Tashkent", "Europe/Berlin"}
    assert calendar.get_missing_tzids() == set()
    event = _event(calendar, tashkent)
    assert event["DTSTART"].params["TZID"] == "Asia/Tashkent"
    assert event["DTEND"].params["TZID"] == "Asia/Tashkent"
    assert event.start == tashkent.starts_at
    assert (event.start.date(), event.start.hour) == (datetime.date(2027, 3, 10), 10)  # Wall-clock time there.
    assert event.end == tashkent.ends_at
    summer = _event(calendar, berlin)
    assert summer["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert (summer.start.date(), summer.start.hour) == (datetime.date(2027, 7, 1), 10)  # Summer time, UTC+2.


@pytest.mark.django_db
def test_an_event_says_what_where_and_when_it_was_changed(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, title="Regional workshop", status="confirmed")
    AgendaItemFactory(meeting=meeting, level=Level.PUBLIC, title="Opening", order=1)
    AgendaItemFactory(meeting=meeting, level=Level.COUNCIL, title="Members only", order=2)
    AgendaItemFactory(meeting=meeting, level=Level.PUBLIC, title="Adoption of the work plan", order=3)
    event = _event(_calendar(client), meeting)
    assert str(event["SUMMARY"]) == "Regional workshop"
    assert str(event["LOCATION"]) == "Tashkent, Uzbekistan"
    assert str(event["URL"]) == f"http://testserver{meeting.get_absolute_url()}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["LAST-MODIFIED"].dt == meeting.updated_at.replace(microsecond=0)
    assert "DTSTAMP" in event
    description = str(event["DESCRIPTION"])
    assert "• Opening\n• Adoption of the work plan" in description
    assert "Members only" not in description
    assert "Secret street" not in event.to_ical().decode()


@pytest.mark.django_db
def test_an_online_meeting_says_online_and_never_gives_the_link(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, venue=None)
    response = client.get(reverse("meetings:calendar_ics"))
    assert str(_event(Calendar.from_ical(response.content), meeting)["LOCATION"]) == "Online"
    assert b"video.example.org" not in response.content


@pytest.mark.django_db
def test_an_edit_keeps_the_uid_and_raises_the_sequence(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, title="Before")
    before = _event(_calendar(client), meeting)
    assert before.sequence == 0
    meeting.title = "After"
    meeting.starts_at += datetime.timedelta(hours=1)
    meeting.ends_at += datetime.timedelta(hours=1)
    meeting.save()
    after = _event(_calendar(client), meeting)
    assert str(after["SUMMARY"]) == "After"
    assert after.sequence == 1
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    assert _event(_calendar(client), meeting).sequence == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("planned", "TENTATIVE"),
        ("confirmed", "CONFIRMED"),
        ("held", "CONFIRMED"),
        ("postponed", "TENTATIVE"),
        ("cancelled", "CANCELLED"),
    ],
)
def test_a_meeting_status_becomes_an_event_status(client, group_a, status, expected):
    # A cancelled meeting stays in the feed so that calendar programs take it off.
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, status=status)
    assert str(_event(_calendar(client), meeting)["STATUS"]) == expected


@pytest.mark.django_db
def test_the_calendar_holds_a_year_of_past_meetings_and_everything_upcoming(client, group_a):
    now = timezone.now()
    old = MeetingFactory(body=group_a, level=Level.PUBLIC, starts_at=now - datetime.timedelta(days=400))
    recent = MeetingFactory(body=group_a, level=Level.PUBLIC, starts_at=now - datetime.timedelta(days=300))
    far = MeetingFactory(body=group_a, level=Level.PUBLIC, starts_at=now + datetime.timedelta(days=900))
    closed = MeetingFactory(body=group_a, level=Level.COUNCIL)
    uids = {str(event["UID"]) for event in _calendar(client).events}
    assert uids == {f"meeting-{m.pk}@rec-portal" for m in (recent, far)}
    assert f"meeting-{old.pk}@rec-portal" not in uids
    assert f"meeting-{closed.pk}@rec-portal" not in uids


@pytest.mark.django_db
def test_the_calendar_speaks_the_language_of_its_address(client, group_a, django_assert_num_queries):
    venue = VenueFactory(city_ru="Ташкент")
    venue.country.name_ru = "Узбекистан"
    venue.country.save()
    meeting = MeetingFactory(
        body=group_a, level=Level.PUBLIC, venue=venue, title_en="Annual meeting", title_ru="Ежегодное заседание"
    )
    for order in (1, 2):
        AgendaItemFactory(
            meeting=meeting, level=Level.PUBLIC, order=order, title_en="Opening", title_ru=f"Пункт {order}"
        )
    with django_assert_num_queries(2):  # The translated columns come with the same two queries.
        response = client.get("/ru/calendar/public.ics")
    assert response["Content-Disposition"] == 'attachment; filename="rec-public-meetings-ru.ics"'
    event = _event(Calendar.from_ical(response.content), meeting)
    assert str(event["SUMMARY"]) == "Ежегодное заседание"
    assert str(event["LOCATION"]) == "Ташкент, Узбекистан"
    assert "• Пункт 1\n• Пункт 2" in str(event["DESCRIPTION"])
    assert str(event["URL"]).startswith("http://testserver/ru/meetings/")
    assert str(event["UID"]) == f"meeting-{meeting.pk}@rec-portal"  # The same event in every language.


@pytest.mark.django_db
def test_an_empty_calendar_is_still_a_valid_calendar(client):
    calendar = _calendar(client)
    assert calendar.events == []
    assert [str(zone["TZID"]) for zone in calendar.timezones] == ["Asia/Tashkent"]
    calendar.validate()  # PRODID, VERSION and at least one component.


@pytest.mark.django_db
def test_the_calendar_refuses_to_be_posted_to(client):
    assert client.post(reverse("meetings:calendar_ics")).status_code == 405


@pytest.mark.django_db
def test_the_calendar_costs_two_queries_however_many_meetings(client, group_a, django_assert_num_queries):
    url = reverse("meetings:calendar_ics")

    def add_meetings(count: int) -> None:
        for _ in range(count):
            meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
            AgendaItemFactory(meeting=meeting, level=Level.PUBLIC)
            AgendaItemFactory(meeting=meeting, level=Level.PUBLIC)
            meeting.save()  # A second revision, counted in the same query.

    add_meetings(2)
    # 1. the meetings with venue, country and revision count; 2. their public agenda items.
    with django_assert_num_queries(2):
        client.get(url)
    add_meetings(10)
    with django_assert_num_queries(2):
        assert len(Calendar.from_ical(client.get(url).content).events) == 12
