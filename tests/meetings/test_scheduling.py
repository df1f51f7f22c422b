"""Postpone, cancel, hold and duplicate: the steps, what participants are told, and what their calendars get."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings import access, clashes, scheduling, services
from meetings.models import (
    ActionItem,
    AgendaItem,
    Level,
    Meeting,
    MeetingOrganization,
    Participation,
)
from members.models import Member
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    OrganizationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
STARTS = datetime.datetime(2030, 5, 14, 10, tzinfo=TASHKENT)


@pytest.fixture
def meeting(group_a):
    meeting = MeetingFactory(
        title="Spring meeting",
        body=group_a,
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=3),
        online_url="https://video.example.org/spring-room",
    )
    AgendaItemFactory(meeting=meeting, order=1, title="Opening", level=Level.GROUP, minutes_allotted=20)
    return meeting


@pytest.fixture
def invited(meeting, wg_a_member):
    return ParticipationFactory(meeting=meeting, member=wg_a_member.member, invited_at=timezone.now()).member


def _event(message):
    (_name, content, mimetype), *_rest = message.attachments
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event, mimetype


def _sequence_now(meeting, person: Member, mailoutbox, committed) -> int:
    """Return the SEQUENCE the meeting's .ics carries right now, as a fresh invitation would."""
    from meetings import notifications

    committed(notifications.mail_invitations, meeting=meeting, people=[person])
    _calendar, event, _mimetype = _event(mailoutbox.pop())
    return int(event["SEQUENCE"])


# --- Postpone ------------------------------------------------------------------------------


def test_postponing_to_a_new_date_moves_everyones_calendar(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks, committed
):
    before = _sequence_now(meeting, invited, mailoutbox, committed)
    new_start = datetime.datetime(2030, 6, 2, 14, tzinfo=TASHKENT)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.postpone_meeting(meeting=meeting, by=secretariat, reason="The hall is flooded", starts_at=new_start)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.starts_at, meeting.ends_at) == (
        Meeting.Status.POSTPONED,
        new_start,
        new_start + datetime.timedelta(hours=3),  # The length is kept.
    )
    assert meeting.history.first().history_user == secretariat
    (message,) = mailoutbox
    assert message.subject == "[REC] Postponed: Spring meeting"
    assert "The hall is flooded" in message.body
    calendar, event, mimetype = _event(message)
    assert calendar["METHOD"] == "REQUEST" and "method=REQUEST" in mimetype
    assert event.decoded("DTSTART") == new_start
    assert event["DTSTART"].params["TZID"] == "Asia/Tashkent"
    assert int(event["SEQUENCE"]) > before


def test_postponing_to_a_date_to_be_announced_withdraws_the_old_date_until_the_new_one_is_set(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.postpone_meeting(meeting=meeting, by=secretariat, reason="Waiting for the ministry")
    (message,) = mailoutbox
    assert "the new date will be announced" in message.body
    assert "New date: to be announced" in message.body
    calendar, event, mimetype = _event(message)
    assert calendar["METHOD"] == "CANCEL" and "method=CANCEL" in mimetype
    withdrawn = int(event["SEQUENCE"])
    # Out of the calendar feeds (public and personal) while the date is unknown.
    assert meeting not in Meeting.objects.dated()

    new_start = datetime.datetime(2030, 9, 1, 9, tzinfo=TASHKENT)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.postpone_meeting(meeting=meeting, by=secretariat, reason="Agreed", starts_at=new_start)
    calendar, event, _mimetype = _event(mailoutbox[-1])
    assert calendar["METHOD"] == "REQUEST"
    assert event.decoded("DTSTART") == new_start
    assert int(event["SEQUENCE"]) > withdrawn
    meeting.refresh_from_db()
    assert not meeting.date_to_be_announced


def test_postponing_needs_a_reason_and_a_future_date(meeting, secretariat):
    with pytest.raises(services.WorkflowError, match="Say why"):
        scheduling.postpone_meeting(meeting=meeting, by=secretariat, reason="  ")
    with pytest.raises(services.WorkflowError, match="future"):
        scheduling.postpone_meeting(
            meeting=meeting, by=secretariat, reason="x", starts_at=timezone.now() - datetime.timedelta(days=1)
        )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_a_step_taken_from_a_stale_page_is_refused(meeting, secretariat, mailoutbox):
    opened = meeting.updated_at
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=opened + datetime.timedelta(seconds=5))
    with pytest.raises(services.WorkflowError, match="Someone else changed this meeting"):
        scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="x", version=opened)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


# --- Cancel --------------------------------------------------------------------------------


def test_cancelling_removes_the_online_link_everywhere(
    meeting, invited, wg_a_member, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="No quorum")
    meeting.refresh_from_db()
    assert meeting.cancellation_reason == "No quorum"
    (message,) = mailoutbox
    assert message.subject == "[REC] Cancelled: Spring meeting"
    assert "No quorum" in message.body
    calendar, event, _mimetype = _event(message)
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert "spring-room" not in message.body + calendar.to_ical().decode()
    # The policy gives the link to no one, not even the secretariat.
    for user in (wg_a_member, secretariat):
        assert access.online_url_for(access.clearance_for(user), meeting, is_participant=True) == ""
    client = Client()
    client.force_login(wg_a_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Join the meeting online" not in page
    assert "spring-room" not in page
    assert "This meeting has been cancelled." in page
    assert "No quorum" in page


def test_a_cancelled_or_held_meeting_is_not_cancelled_or_postponed_again(meeting, secretariat):
    scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="No quorum")
    with pytest.raises(services.WorkflowError):
        scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="again")
    with pytest.raises(services.WorkflowError):
        scheduling.postpone_meeting(meeting=meeting, by=secretariat, reason="again")


# --- Held, and what is worth an e-mail -------------------------------------------------------


def test_held_cannot_be_set_before_the_meeting_ends(meeting, secretariat):
    meeting.status = Meeting.Status.HELD
    with pytest.raises(services.WorkflowError, match="only once it has ended"):
        services.save_meeting(meeting=meeting, by=secretariat)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED


def test_marking_a_past_meeting_held_tells_nobody(
    group_a, wg_a_member, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    start = timezone.now() - datetime.timedelta(days=2)
    past = MeetingFactory(body=group_a, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    ParticipationFactory(meeting=past, member=wg_a_member.member, invited_at=start)
    past.status = Meeting.Status.HELD
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.save_meeting(meeting=past, by=secretariat) == []
    assert callbacks == []
    assert mailoutbox == []
    assert Meeting.objects.get(pk=past.pk).status == Meeting.Status.HELD


def test_a_description_edit_tells_nobody_a_confirmation_does(
    meeting, invited, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    meeting.description = "Better words"
    with django_capture_on_commit_callbacks(execute=True):
        services.save_meeting(meeting=meeting, by=secretariat)
    assert mailoutbox == []
    meeting.status = Meeting.Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        services.save_meeting(meeting=meeting, by=secretariat)
    (message,) = mailoutbox
    _calendar, event, _mimetype = _event(message)
    assert event["STATUS"] == "CONFIRMED"


@pytest.mark.parametrize("status", [Meeting.Status.POSTPONED, Meeting.Status.CANCELLED])
def test_the_meeting_form_cannot_postpone_or_cancel(meeting, secretariat, status):
    meeting.status = status
    with pytest.raises(services.WorkflowError, match="its own button"):
        services.save_meeting(meeting=meeting, by=secretariat)


def test_a_cancelled_meeting_stays_cancelled_in_the_form(meeting, secretariat):
    scheduling.cancel_meeting(meeting=meeting, by=secretariat, reason="No quorum")
    meeting.refresh_from_db()
    meeting.status = Meeting.Status.PLANNED
    with pytest.raises(services.WorkflowError, match="stays cancelled"):
        services.save_meeting(meeting=meeting, by=secretariat)


# --- Duplicate -----------------------------------------------------------------------------


def test_duplicating_schedules_the_next_meeting_without_its_record(meeting, wg_a_member, chair, secretariat):
    replied = ParticipationFactory(
        meeting=meeting,
        member=chair.member,
        role=Participation.Role.CHAIR,
        invited_at=timezone.now(),
        rsvp=Participation.Rsvp.ACCEPTED,
        rsvp_mode=Participation.Mode.ONLINE,
        attendance=Participation.Attendance.ONLINE,
    )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    organiser, attending = OrganizationFactory(), OrganizationFactory()
    MeetingOrganization.objects.create(meeting=meeting, organization=organiser, role="organiser")
    MeetingOrganization.objects.create(meeting=meeting, organization=attending, role="attending")
    MinutesFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    ActionItemFactory(meeting=meeting)
    new_start = datetime.datetime(2030, 11, 3, 9, tzinfo=TASHKENT)

    new = scheduling.duplicate_meeting(meeting=meeting, by=secretariat, starts_at=new_start)

    assert new.pk != meeting.pk
    assert new.slug == f"{meeting.slug}-2030-11-03"
    assert (new.title, new.body, new.venue, new.level, new.kind, new.time_zone, new.online_url) == (
        meeting.title,
        meeting.body,
        meeting.venue,
        meeting.level,
        meeting.kind,
        meeting.time_zone,
        meeting.online_url,
    )
    assert (new.status, new.starts_at, new.ends_at) == (
        Meeting.Status.PLANNED,
        new_start,
        new_start + datetime.timedelta(hours=3),
    )
    assert list(AgendaItem.objects.filter(meeting=new).values_list("order", "title", "minutes_allotted")) == [
        (1, "Opening", 20)
    ]
    copied = {p.member_id: p for p in Participation.objects.filter(meeting=new)}
    assert set(copied) == {chair.member.pk, wg_a_member.member.pk}
    chair_copy = copied[chair.member.pk]
    assert chair_copy.role == replied.role
    assert (chair_copy.invited_at, chair_copy.rsvp, chair_copy.rsvp_mode, chair_copy.attendance) == (
        None,
        Participation.Rsvp.PENDING,
        "",
        Participation.Attendance.UNKNOWN,
    )
    assert list(new.organizations.values_list("organization", flat=True)) == [organiser.pk]
    assert not new.minutes.exists()
    assert not new.documents.exists()
    assert not ActionItem.objects.filter(meeting=new).exists()
    # The original keeps everything.
    assert meeting.participations.count() == 2 and meeting.organizations.count() == 2


def test_a_duplicate_gets_a_free_slug_and_its_venue_must_be_free(meeting, secretariat):
    later = datetime.datetime(2030, 11, 4, 9, tzinfo=TASHKENT)
    MeetingFactory(slug=f"{meeting.slug}-2030-11-04", venue=None)
    again = scheduling.duplicate_meeting(meeting=meeting, by=secretariat, starts_at=later, copy_online_url=False)
    assert again.slug == f"{meeting.slug}-2030-11-04-2"
    assert again.online_url == ""
    with pytest.raises(clashes.VenueClash, match="Spring meeting"):
        scheduling.duplicate_meeting(meeting=meeting, by=secretariat, starts_at=later + datetime.timedelta(hours=1))


# --- What the pages say ----------------------------------------------------------------------


def test_the_pages_say_postponed_with_the_new_date_and_the_reason_for_members(group_a, wg_a_member, secretariat):
    public = MeetingFactory(
        title="Open forum",
        body=group_a,
        level=Level.PUBLIC,
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=2),
    )
    scheduling.postpone_meeting(
        meeting=public, by=secretariat, reason="Minister unavailable", starts_at=STARTS + datetime.timedelta(days=30)
    )
    anonymous_page = Client().get(public.get_absolute_url()).content.decode()
    assert "This meeting has been postponed to a new date:" in anonymous_page
    assert "13 June 2030" in anonymous_page
    assert "Minister unavailable" not in anonymous_page  # The reason is for members.
    member = Client()
    member.force_login(wg_a_member)
    assert "Minister unavailable" in member.get(public.get_absolute_url()).content.decode()

    scheduling.postpone_meeting(meeting=public, by=secretariat, reason="Again")
    page = Client().get(public.get_absolute_url()).content.decode()
    assert "the new date will be announced" in page
    assert "New date to be announced" in page
    assert "13 June 2030" not in page
    # Out of the public calendar until the new date is set.
    calendar = Client().get(reverse("meetings:calendar_ics")).content.decode()
    assert "Open forum" not in calendar


def test_the_public_calendar_moves_a_postponed_meeting_with_a_higher_sequence(group_a, secretariat):
    public = MeetingFactory(
        title="Open forum",
        body=group_a,
        level=Level.PUBLIC,
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=2),
    )

    def event():
        calendar = Calendar.from_ical(Client().get(reverse("meetings:calendar_ics")).content)
        (found,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == f"meeting-{public.pk}@rec-portal"]
        return found

    before = event()
    new_start = STARTS + datetime.timedelta(days=3)
    scheduling.postpone_meeting(meeting=public, by=secretariat, reason="Rain", starts_at=new_start)
    after = event()
    assert after.decoded("DTSTART") == new_start
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    scheduling.cancel_meeting(meeting=public, by=secretariat, reason="Storm")
    cancelled = event()
    assert cancelled["STATUS"] == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(after["SEQUENCE"])
