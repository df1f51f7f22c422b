"""When an action item is overdue: open or in progress, with a due date before today where its meeting was held.

"Today" is the meeting's own day (its time zone): an action agreed in Almaty is due by the end of
the day in Almaty. A date given by the caller (a report "as of" a day) is taken as the Council's
day for every item. The rule is written as one filter so lists, counts and badges agree, and so
that no page needs a query per item to know which are late.
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

OPEN_STATUSES = ("open", "in_progress")


@lru_cache(maxsize=1)
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def council_today(now: datetime.datetime | None = None) -> datetime.date:
    """Return today's date at the Council's seat (settings.TIME_ZONE)."""
    return timezone.localdate(now or timezone.now(), zoneinfo.ZoneInfo(settings.TIME_ZONE))


def local_today(time_zone: str, now: datetime.datetime | None = None) -> datetime.date:
    """Return today's date in `time_zone`."""
    return timezone.localdate(now or timezone.now(), zoneinfo.ZoneInfo(time_zone))


def overdue_q(today: datetime.date | None = None, *, now: datetime.datetime | None = None, prefix: str = "") -> Q:
    """Return the filter for overdue action items, `today` for all or each meeting's own today."""
    is_open = Q(**{f"{prefix}status__in": OPEN_STATUSES}, **{f"{prefix}due_date__isnull": False})
    due = f"{prefix}due_date"
    if today is not None:
        return is_open & Q(**{f"{due}__lt": today})
    now = now or timezone.now()
    council = council_today(now)
    # Every zone's day is the Council's, the day after or the day before: only the zones ahead of or
    # behind the Council's seat right now need naming.
    ahead, behind = [], []
    for name in _all_zones():
        day = local_today(name, now)
        if day > council:
            ahead.append(name)
        elif day < council:
            behind.append(name)
    zone = f"{prefix}meeting__time_zone"
    late = Q(**{f"{due}__lt": council})
    if behind:
        # Where it is still yesterday, yesterday's date is not yet late.
        late = (late & ~Q(**{f"{zone}__in": behind})) | Q(**{f"{due}__lt": council - datetime.timedelta(days=1)})
    if ahead:
        late |= Q(**{due: council, f"{zone}__in": ahead})
    return is_open & late
