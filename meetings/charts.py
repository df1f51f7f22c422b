"""The meetings' charts: replies and attendance counted by country, and a member's next 30 days.

Who may see what is the policy's answer (`meetings.access`); these functions only count and
place what the views hand them, or ask `visible_to` themselves.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.charts import Chart, Series, Strip, day_strip, stacked_bars
from meetings.attendance import SHORT_LABELS
from meetings.models import Meeting, Participation

Attendance = Participation.Attendance
Rsvp = Participation.Rsvp

STRIP_DAYS = 30
# On a meeting's page, members see replies and attendance by country, never a person's own: a
# country with fewer participants than this is counted among "Other countries", and a group that
# stays smaller is left out (its people are named just above the chart, with their countries).
SMALLEST_GROUP = 3


def attendance_series() -> list[Series]:
    """Return the attendance statuses as chart series, in the register's order."""
    tones = {
        Attendance.IN_PERSON: 0,
        Attendance.ONLINE: 5,
        Attendance.ABSENT: 2,
        Attendance.EXCUSED: 3,
        Attendance.UNKNOWN: 4,
    }
    return [Series(status, str(SHORT_LABELS[status]), tone) for status, tone in tones.items()]


def reply_series() -> list[Series]:
    """Return the replies to an invitation as chart series, the yeses first."""
    tones = {Rsvp.ACCEPTED: 0, Rsvp.TENTATIVE: 1, Rsvp.DECLINED: 2, Rsvp.PENDING: 4}
    return [Series(reply, str(reply.label), tone) for reply, tone in tones.items()]


def _by_country(participations: Iterable[Participation], field: str) -> list[tuple[str, dict[str, int]]]:
    counts: dict[str, dict[str, int]] = {}
    for participation in participations:
        member = participation.member
        country = member.country.name if member.country else _("No country")
        row = counts.setdefault(country, {})
        key = getattr(participation, field)
        row[key] = row.get(key, 0) + 1
    return sorted(counts.items())


def _grouped(rows: list[tuple[str, dict[str, int]]]) -> tuple[list[tuple[str, dict[str, int]]], bool]:
    """Return `rows` with the countries smaller than SMALLEST_GROUP merged, and whether any were left out."""
    kept, other = [], {}
    for country, counts in rows:
        if sum(counts.values()) >= SMALLEST_GROUP:
            kept.append((country, counts))
        else:
            for key, number in counts.items():
                other[key] = other.get(key, 0) + number
    if other and sum(other.values()) >= SMALLEST_GROUP:
        return [*kept, (_("Other countries"), other)], False
    return kept, bool(other)


def attendance_chart(participations: Iterable[Participation], *, chart_id: str = "attendance-chart") -> Chart:
    """Return a bar per country counting `participations` by attendance (members and countries loaded)."""
    return stacked_bars(
        chart_id=chart_id,
        title=_("Attendance by country"),
        series=attendance_series(),
        rows=_by_country(participations, "attendance"),
        row_heading=_("Country"),
    )


def participation_chart(meeting: Meeting, participations: Iterable[Participation], now: datetime.datetime) -> Chart:
    """Return the chart a meeting's page shows: the replies by country until it starts, then attendance.

    Countries with few participants are grouped (SMALLEST_GROUP), so that no one's reply or
    attendance can be read off a bar; the secretariat's register keeps the exact counts.
    """
    before = meeting.starts_at > now
    rows, left_out = _grouped(_by_country(participations, "rsvp" if before else "attendance"))
    note = _("Countries with fewer than %(number)d participants are grouped or left out.") % {"number": SMALLEST_GROUP}
    return stacked_bars(
        chart_id="participation-chart",
        title=_("Replies by country") if before else _("Attendance by country"),
        series=reply_series() if before else attendance_series(),
        rows=rows,
        row_heading=_("Country"),
        note=note if left_out or any(label == _("Other countries") for label, _counts in rows) else "",
    )


def next_30_days(user, today: datetime.date | None = None) -> Strip:
    """Return the next 30 days from `today`, each with the meetings `user` may see that start on it (one query)."""
    today = today or timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    # A day's margin either side: the day a meeting falls on is the day where it is held.
    meetings = (
        Meeting.objects.visible_to(user)
        .dated()
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(
            starts_at__gte=start - datetime.timedelta(days=1),
            starts_at__lt=start + datetime.timedelta(days=STRIP_DAYS + 1),
        )
        .select_related("body")
        .order_by("starts_at", "pk")
    )
    dated = []
    for meeting in meetings:
        day = meeting.starts_at.astimezone(meeting.zone).date()
        meeting.local_day = day
        meeting.strip_label = _("%(title)s, %(date)s") % {
            "title": meeting.title,
            "date": formats.date_format(day, "DATE_FORMAT"),
        }
        dated.append((day, meeting))
    return day_strip(today, STRIP_DAYS, dated)
