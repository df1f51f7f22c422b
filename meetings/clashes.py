"""Clashes between meetings: a venue booked twice is refused; a body or a person booked twice is warned about.

The venue rule is the database's on PostgreSQL (an exclusion constraint, migration 0014) and
this module's everywhere: the form and the services ask `venue_clash` first, so the message
names the other meeting, and `save_booking` turns the constraint's refusal of a race between
two saves into the same message. A cancelled meeting, or one postponed to a date still to be
announced, books nothing.
"""

from __future__ import annotations

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from core import zones
from meetings.models import Meeting, Participation

# The name of the exclusion constraint (meetings/migrations/0014_clashes_and_postponement.py).
VENUE_CONSTRAINT = "meetings_meeting_venue_no_overlap"
# Meetings that book no time: cancelled, or postponed with no new date yet.
BOOKS_NOTHING = Q(status=Meeting.Status.CANCELLED) | Q(status=Meeting.Status.POSTPONED, date_to_be_announced=True)
# How many double-booked people one warning names before it counts the rest.
NAMED_PEOPLE = 5


class VenueClash(Exception):
    """The meeting's venue is booked by another meeting at an overlapping time; nothing was saved."""

    def __init__(self, meeting: Meeting, other: Meeting | None) -> None:
        self.other = other
        self.message = venue_clash_message(meeting, other)
        super().__init__(self.message)


def books_time(meeting: Meeting) -> bool:
    """Return whether `meeting` holds its time: not cancelled, not postponed to a date to be announced."""
    if meeting.status == Meeting.Status.CANCELLED:
        return False
    return not (meeting.status == Meeting.Status.POSTPONED and meeting.date_to_be_announced)


def overlapping(meeting: Meeting, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """Return the other meetings that hold time overlapping `meeting`'s ([start, end): back to back is no clash)."""
    queryset = Meeting.objects.all() if queryset is None else queryset
    others = queryset.filter(starts_at__lt=meeting.ends_at, ends_at__gt=meeting.starts_at).exclude(BOOKS_NOTHING)
    if meeting.pk is not None:
        others = others.exclude(pk=meeting.pk)
    return others.order_by("starts_at", "pk")


def _when(other: Meeting, zone_name: str) -> str:
    start = zones.format_moment(other.starts_at, zone_name, with_zone=False)
    end = zones.clock(zones.local_moment(other.ends_at, zone_name))
    return f"{start}–{end} {zones.zone_label(zone_name, other.starts_at)}"


def venue_clash(meeting: Meeting) -> Meeting | None:
    """Return the first other meeting booked at `meeting`'s venue at an overlapping time, if any."""
    if meeting.venue_id is None or not books_time(meeting) or not meeting.starts_at or not meeting.ends_at:
        return None
    return overlapping(meeting, Meeting.objects.filter(venue_id=meeting.venue_id)).first()


def venue_clash_message(meeting: Meeting, other: Meeting | None) -> str:
    """Return the refusal of a double booking, naming the other meeting and its time."""
    if other is None:
        return _("The venue is already booked at that time by another meeting. Choose another time or venue.")
    return _(
        "%(venue)s is already booked at that time for “%(other)s” (%(when)s). Choose another time or venue, "
        "or move the other meeting first."
    ) % {"venue": other.venue, "other": other.title, "when": _when(other, meeting.time_zone or other.time_zone)}


def refuse_venue_clash(meeting: Meeting) -> None:
    """Raise VenueClash if `meeting`'s venue is booked by another meeting at that time."""
    other = venue_clash(meeting)
    if other is not None:
        raise VenueClash(meeting, other)


def save_booking(meeting: Meeting, **save_kwargs) -> None:
    """Save `meeting` unless its venue is booked at that time; a race lost to the database says the same.

    On PostgreSQL, two saves that both passed the check at once are decided by the exclusion
    constraint: the second waits for the first to commit, then fails; its savepoint is rolled
    back and the meeting that won is named.
    """
    refuse_venue_clash(meeting)
    for attempt in range(2):
        try:
            with transaction.atomic():
                meeting.save(**save_kwargs)
            return
        except IntegrityError as error:
            if VENUE_CONSTRAINT not in str(error):
                raise
            raise VenueClash(meeting, venue_clash(meeting)) from error
        except OperationalError as error:
            # Two inserts checking the exclusion constraint at once may deadlock; PostgreSQL aborts
            # one (its savepoint only). Saved again, it waits for the other and meets the constraint.
            if attempt or getattr(error.__cause__, "pgcode", None) != "40P01" or "exclusion" not in str(error):
                raise


def clash_warnings(meeting: Meeting) -> list[str]:
    """Return warnings (not refusals) for `meeting`: its body meets at the same time, its people are booked twice."""
    if meeting.pk is None or not books_time(meeting):
        return []
    warnings = []
    if meeting.body_id is not None:
        # Query 1: the body's other meetings at that time.
        for other in overlapping(meeting, Meeting.objects.filter(body_id=meeting.body_id)):
            warnings.append(
                _("%(body)s also meets at that time: “%(other)s” (%(when)s).")
                % {"body": meeting.body, "other": other.title, "when": _when(other, meeting.time_zone)}
            )
    # Query 2: this meeting's people invited to another meeting at that time (not those who declined it).
    booked = (
        Participation.objects.filter(
            meeting__in=overlapping(meeting),
            member_id__in=Participation.objects.filter(meeting=meeting).values("member_id"),
        )
        .exclude(rsvp=Participation.Rsvp.DECLINED)
        .select_related("member", "meeting")
        .order_by("meeting__starts_at", "meeting_id", "member__last_name", "member__first_name")
    )
    by_meeting: dict[int, tuple[Meeting, list[str]]] = {}
    for participation in booked:
        other, names = by_meeting.setdefault(participation.meeting_id, (participation.meeting, []))
        names.append(participation.member.full_name)
    for other, names in by_meeting.values():
        shown = ", ".join(names[:NAMED_PEOPLE])
        if len(names) > NAMED_PEOPLE:
            shown = _("%(names)s and %(count)d more") % {"names": shown, "count": len(names) - NAMED_PEOPLE}
        warnings.append(
            _("Also invited to “%(other)s” at that time (%(when)s): %(names)s.")
            % {"other": other.title, "when": _when(other, meeting.time_zone), "names": shown}
        )
    return warnings
