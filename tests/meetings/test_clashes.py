"""Clashes: a venue booked twice is refused (form, service, and PostgreSQL under concurrent inserts); a body or a
person booked twice is warned about, naming the other meeting."""

from __future__ import annotations

import datetime
import threading
import zoneinfo

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.urls import reverse

from meetings import clashes, scheduling, services
from meetings.models import Level, Meeting
from tests.factories import MeetingFactory, MemberFactory, ParticipationFactory, VenueFactory, WorkingGroupFactory

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
TEN = datetime.datetime(2030, 4, 2, 10, tzinfo=ALMATY)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def hall(db):
    return VenueFactory(name="Almaty hall", city="Almaty", time_zone="Asia/Almaty")


def _booked(venue, start, hours=2, **kwargs) -> Meeting:
    return MeetingFactory(venue=venue, starts_at=start, ends_at=start + hours * HOUR, time_zone="Asia/Almaty", **kwargs)


def _meeting_form(**changes) -> dict:
    data = {
        "title_en": "Second booking",
        "slug": "second-booking",
        "body": "",
        "kind": Meeting.Kind.REGULAR,
        "status": Meeting.Status.PLANNED,
        "level": Level.COUNCIL,
        "starts_at_0": "2030-04-02",
        "starts_at_1": "11:00:00",
        "ends_at_0": "2030-04-02",
        "ends_at_1": "13:00:00",
        "venue": "",
        "time_zone": "Asia/Almaty",
        "online_url": "",
    }
    for prefix in ["agenda_items", "participations", "organizations", "documents", "action_items"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


# --- The venue: refused ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_form_refuses_a_venue_booked_at_that_time_naming_the_other_meeting(client, secretariat, hall):
    _booked(hall, TEN, title="First booking")
    client.force_login(secretariat)
    response = client.post(reverse("admin:meetings_meeting_add"), _meeting_form(venue=hall.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "is already booked at that time for “First booking”" in page
    assert not Meeting.objects.filter(slug="second-booking").exists()


@pytest.mark.django_db
def test_back_to_back_bookings_are_allowed_and_cancelled_ones_book_nothing(client, secretariat, hall, group_a):
    _booked(hall, TEN, title="Morning")  # 10:00-12:00
    gone = _booked(hall, TEN + 2 * HOUR, title="Cancelled one")  # 12:00-14:00
    scheduling.cancel_meeting(meeting=gone, by=secretariat, reason="No quorum")
    later = _booked(hall, TEN + 4 * HOUR, title="Postponed one")  # 14:00-16:00
    scheduling.postpone_meeting(meeting=later, by=secretariat, reason="Waiting")  # Date to be announced.
    client.force_login(secretariat)
    form = _meeting_form(venue=hall.pk, starts_at_1="12:00:00", ends_at_1="16:00:00")
    response = client.post(reverse("admin:meetings_meeting_add"), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    # Giving the postponed meeting a date at that time is refused, naming the booking.
    with pytest.raises(clashes.VenueClash, match="Second booking"):
        scheduling.postpone_meeting(meeting=later, by=secretariat, reason="Agreed", starts_at=TEN + 3 * HOUR)


@pytest.mark.django_db
def test_the_service_refuses_a_double_booking_whatever_calls_it(secretariat, hall):
    _booked(hall, TEN, title="First booking")
    second = MeetingFactory.build(
        venue=hall, starts_at=TEN + HOUR, ends_at=TEN + 3 * HOUR, time_zone="Asia/Almaty", body=None, level="council"
    )
    with pytest.raises(clashes.VenueClash, match="First booking"):
        services.save_meeting(meeting=second, by=secretariat)
    assert second.pk is None


# --- Under concurrent inserts, PostgreSQL decides --------------------------------------------


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The exclusion constraint is PostgreSQL's; SQLite has none (the form and service check there).",
)


def _race(hall, make) -> list[object]:
    """Run `make(n)` in two threads, each on its own connection, released at the same moment; return the outcomes."""
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(n: int) -> None:
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)
                outcomes[n] = make(n)
        except Exception as error:  # The outcome is what the test reads.
            outcomes[n] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_the_constraint_refuses_overlapping_bookings_inserted_at_once(hall):
    body = WorkingGroupFactory()

    def insert(n: int) -> Meeting:
        start = TEN + n * HOUR  # 10:00-12:00 and 11:00-13:00.
        return Meeting.objects.create(
            title=f"Racer {n}",
            slug=f"racer-{n}",
            body=body,
            venue=hall,
            starts_at=start,
            ends_at=start + 2 * HOUR,
            time_zone="Asia/Almaty",
        )

    outcomes = _race(hall, insert)
    assert sum(isinstance(outcome, Meeting) for outcome in outcomes) == 1, outcomes
    (error,) = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert isinstance(error, IntegrityError)
    assert clashes.VENUE_CONSTRAINT in str(error)
    assert Meeting.objects.count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_race_lost_in_the_service_names_the_winner(hall, monkeypatch):
    body = WorkingGroupFactory()
    # Both saves pass the check at the same moment, as two secretaries clicking at once would.
    monkeypatch.setattr(clashes, "refuse_venue_clash", lambda meeting: None)

    def save(n: int) -> Meeting:
        start = TEN + n * HOUR
        meeting = Meeting(
            title=f"Racer {n}",
            slug=f"racer-{n}",
            body=body,
            venue=hall,
            starts_at=start,
            ends_at=start + 2 * HOUR,
            time_zone="Asia/Almaty",
        )
        services.save_meeting(meeting=meeting, by=None)
        return meeting

    outcomes = _race(hall, save)
    winners = [outcome for outcome in outcomes if isinstance(outcome, Meeting)]
    losers = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], clashes.VenueClash)
    assert f"“{winners[0].title}”" in losers[0].message


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_the_constraint_lets_back_to_back_and_cancelled_bookings_be(hall):
    _booked(hall, TEN)
    _booked(hall, TEN + 2 * HOUR)  # Starts when the first ends.
    _booked(hall, TEN, status=Meeting.Status.CANCELLED)
    _booked(hall, TEN, status=Meeting.Status.POSTPONED, date_to_be_announced=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        _booked(hall, TEN + HOUR)


# --- The body and the people: warned ----------------------------------------------------------


@pytest.mark.django_db
def test_a_body_meeting_twice_and_a_person_booked_twice_are_warned_about(client, secretariat, group_a):
    person = MemberFactory(first_name="Aida", last_name="Sadykova")
    first = _booked(None, TEN, title="Budget talk", body=group_a)
    ParticipationFactory(meeting=first, member=person)
    other = _booked(None, TEN + HOUR, title="Workshop", body=WorkingGroupFactory(letter="b"))
    ParticipationFactory(meeting=other, member=person)
    second = _booked(None, TEN + HOUR, title="Second", body=group_a)
    ParticipationFactory(meeting=second, member=person)

    warnings = clashes.clash_warnings(second)
    assert any("also meets at that time: “Budget talk”" in warning for warning in warnings)
    assert any("“Workshop”" in warning and "Aida Sadykova" in warning for warning in warnings)

    client.force_login(secretariat)
    url = reverse("admin:meetings_meeting_change", args=[second.pk])
    page = client.get(url)
    assert "Budget talk" in page.content.decode()  # The warning box on the change form.
    from tests.admin_forms import change_page_data

    response = client.post(url, change_page_data(page), follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("“Workshop”" in message for message in shown), shown  # Saved, and warned.


@pytest.mark.django_db
def test_no_warning_for_a_declined_invitation_or_a_cancelled_meeting(secretariat, group_a):
    person = MemberFactory()
    declined = _booked(None, TEN, body=WorkingGroupFactory(letter="b"))
    ParticipationFactory(meeting=declined, member=person, rsvp="declined")
    called_off = _booked(None, TEN, body=group_a)
    scheduling.cancel_meeting(meeting=called_off, by=secretariat, reason="x")
    mine = _booked(None, TEN, body=group_a)
    ParticipationFactory(meeting=mine, member=person)
    assert clashes.clash_warnings(mine) == []


@pytest.mark.django_db
def test_a_race_lost_in_the_admin_is_a_message_not_a_500(client, secretariat, hall, monkeypatch):
    def lost(meeting):
        # What the constraint says when another save booked the hall after the form's check.
        raise clashes.VenueClash(meeting, None)

    monkeypatch.setattr(clashes, "refuse_venue_clash", lost)
    client.force_login(secretariat)
    url = reverse("admin:meetings_meeting_add")
    response = client.post(url, _meeting_form(venue=hall.pk))
    assert response.status_code == 302
    assert response["Location"] == url
    shown = [str(message) for message in client.get(url).context["messages"]]
    assert any("already booked at that time" in message for message in shown), shown
    assert not Meeting.objects.exists()
