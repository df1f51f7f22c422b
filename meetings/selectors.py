"""Reads shared by a meeting's page and its exports, always through the visibility policy."""

from __future__ import annotations

import datetime

from meetings.models import AgendaItem, Meeting, Minutes


def visible_agenda(user, meeting: Meeting) -> list[AgendaItem]:
    """Return the meeting's agenda items `user` may see, in order, with their presenters (one query)."""
    return list(AgendaItem.objects.visible_to(user).filter(meeting=meeting).select_related("presenter"))


def timetable(meeting: Meeting, agenda: list[AgendaItem]) -> dict[int, datetime.datetime]:
    """Return each visible item's start, placing it after every earlier item, visible or not (one query)."""
    lengths = AgendaItem.objects.filter(meeting=meeting).order_by("order").values_list("order", "minutes_allotted")
    starts, moment = {}, meeting.starts_at
    for order, minutes in lengths:
        starts[order] = moment
        moment += datetime.timedelta(minutes=minutes)
    return {item.pk: starts.get(item.order, meeting.starts_at) for item in agenda}


def minutes_of_record(user, meeting: Meeting) -> Minutes | None:
    """Return the latest approved edition of the meeting's minutes that `user` may read, or None (one query)."""
    return Minutes.objects.visible_to(user).approved().filter(meeting=meeting).order_by("-edition").first()
