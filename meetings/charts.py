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
    """Return the chart a meeting's page shows: the replies by country until it starts, then attendance."""
    if meeting.starts_at > now:
        return stacked_bars(
            chart_id="participation-chart",
            title=_("Replies by country"),
            series=reply_series(),
            rows=_by_country(participations, "rsvp"),
            row_heading=_("Country"),
        )
    return attendance_chart(participations, chart_id="participation-chart")


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
