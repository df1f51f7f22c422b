"""The agenda builder: the timetable, reordering without breaking the unique order, matters arising, status history.

Matters arising are *computed*, not copied: the open action items of the body's earlier
meetings are listed on every later meeting of the same body until they are done or
cancelled. A copied agenda item would go stale the moment the action closes (someone
would have to remember to delete it from every later agenda), would need its own
level kept in step with the action's, and would be renumbered and timed like an item
though nobody presents it. Computed, the list is always the current truth and passes
through the same policy filter as the action items themselves (`ActionItem.visible_to`).
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from meetings.models import ActionItem, AgendaItem, Meeting


class AgendaError(Exception):
    """An agenda could not be reordered as asked; `message` says why, for the secretariat."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------- timetable


@dataclass(frozen=True)
class Slot:
    """One item placed on the clock: when it starts and ends in the meeting's zone, and the time used so far."""

    key: Any
    order: int
    title: str
    minutes: int
    starts: datetime.datetime
    ends: datetime.datetime
    elapsed: int
    overruns: bool


@dataclass(frozen=True)
class Timetable:
    """The agenda laid out from the meeting's start, against the meeting's length."""

    zone_name: str
    starts: datetime.datetime
    ends: datetime.datetime
    length_minutes: int
    slots: list[Slot] = field(default_factory=list)

    @property
    def total_minutes(self) -> int:
        return self.slots[-1].elapsed if self.slots else 0

    @property
    def overrun_minutes(self) -> int:
        return max(0, self.total_minutes - self.length_minutes)

    @property
    def is_overrun(self) -> bool:
        return self.overrun_minutes > 0

    @property
    def planned_ends(self) -> datetime.datetime:
        return self.slots[-1].ends if self.slots else self.starts


def compute_timetable(
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    time_zone: str,
    items: Iterable[tuple[Any, int, str, int]],
) -> Timetable:
    """Place `items` (key, order, title, minutes) one after another from `starts_at`, in order, in `time_zone`."""
    zone = zoneinfo.ZoneInfo(time_zone)
    # Arithmetic on absolute time, then shown on the local clock: right across a DST change too.
    moment = starts_at
    elapsed = 0
    slots = []
    for key, order, title, minutes in sorted(items, key=lambda item: item[1]):
        minutes = max(0, int(minutes or 0))
        ends = moment + datetime.timedelta(minutes=minutes)
        elapsed += minutes
        slots.append(
            Slot(
                key=key,
                order=order,
                title=title,
                minutes=minutes,
                starts=moment.astimezone(zone),
                ends=ends.astimezone(zone),
                elapsed=elapsed,
                overruns=ends > ends_at,
            )
        )
        moment = ends
    return Timetable(
        zone_name=time_zone,
        starts=starts_at.astimezone(zone),
        ends=ends_at.astimezone(zone),
        length_minutes=int((ends_at - starts_at).total_seconds() // 60),
        slots=slots,
    )


def meeting_timetable(meeting: Meeting, items: Iterable[AgendaItem] | None = None) -> Timetable:
    """Return the timetable of the meeting's whole agenda (one query unless `items` are given)."""
    if items is None:
        items = AgendaItem.objects.filter(meeting=meeting).only("pk", "order", "title", "minutes_allotted")
    return compute_timetable(
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        time_zone=meeting.time_zone,
        items=[(item.pk, item.order, item.title, item.minutes_allotted) for item in items],
    )


def duration_text(minutes: int) -> str:
    """Write a length of time as hours and minutes, e.g. "2 h 05 min"."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return _("%(minutes)d min") % {"minutes": rest}
    return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": rest}


def overrun_message(meeting: Meeting, timetable: Timetable) -> str:
    """Say by how much the agenda runs past the meeting's end, for the secretariat."""
    return _(
        "The agenda of “%(meeting)s” takes %(total)s, but the meeting lasts %(length)s: "
        "it runs %(over)s past its end. Shorten items or lengthen the meeting."
    ) % {
        "meeting": meeting,
        "total": duration_text(timetable.total_minutes),
        "length": duration_text(timetable.length_minutes),
        "over": duration_text(timetable.overrun_minutes),
    }


# ---------------------------------------------------------------- reordering


def make_room(*, meeting: Meeting, moving: Sequence[int], final_orders: Iterable[int] = ()) -> None:
    """Park the `moving` items on order numbers nobody uses, so rows saved one by one never meet on a number.

    The inline formset saves its rows one at a time; swapping items 1 and 2 would write a
    second "1" before the first one is gone, and the unique (meeting, order) constraint
    refuses it. Parked above every number in use or asked for, each row then takes its
    final number without meeting another. Runs inside the caller's transaction (the admin's save).
    """
    if not moving:
        return
    items = AgendaItem.objects.filter(meeting=meeting)
    highest = max([items.aggregate(top=Max("order"))["top"] or 0, *final_orders])
    # One UPDATE per parked row; `updated_at` is untouched, so the rows' version checks still hold.
    for offset, pk in enumerate(sorted(moving), start=1):
        items.filter(pk=pk).update(order=highest + offset)


@transaction.atomic
def reorder_agenda(*, meeting: Meeting, ordered_ids: Sequence[int], by) -> list[AgendaItem]:
    """Number the meeting's agenda items 1, 2, 3… in the order given, all of them, in one transaction."""
    items = {item.pk: item for item in AgendaItem.objects.select_for_update().filter(meeting=meeting)}
    if sorted(ordered_ids) != sorted(items) or len(set(ordered_ids)) != len(ordered_ids):
        raise AgendaError(_("The agenda changed while you were ordering it: reload the page and order it again."))
    moving = [pk for position, pk in enumerate(ordered_ids, start=1) if items[pk].order != position]
    make_room(meeting=meeting, moving=moving, final_orders=[len(ordered_ids)])
    for position, pk in enumerate(ordered_ids, start=1):
        item = items[pk]
        if pk in moving:
            item.order = position
            item._history_user = by
            item.save(update_fields=["order", "updated_at"])
    return [items[pk] for pk in ordered_ids]


# ---------------------------------------------------------------- matters arising


def matters_arising(meeting: Meeting, user) -> QuerySet[ActionItem]:
    """Return the open action items of the body's earlier meetings that `user` may see, oldest meeting first."""
    same_body = Q(meeting__body=meeting.body_id) if meeting.body_id else Q(meeting__body__isnull=True)
    return (
        ActionItem.objects.visible_to(user)
        .open()
        .filter(same_body, meeting__starts_at__lt=meeting.starts_at)
        .exclude(meeting=meeting)
        .select_related("meeting", "owner")
        .order_by("meeting__starts_at", "due_date", "pk")
    )


# ---------------------------------------------------------------- status history


@dataclass(frozen=True)
class StatusChange:
    """One change of an action item's status: when, by whom, from what to what (from is None at creation)."""

    when: datetime.datetime
    who: str
    old: str | None
    new: str


def _who(user) -> str:
    """Name who changed a status by their name, never by their login (members read the history too)."""
    if user is None:
        return _("the system")
    return user.get_full_name() or (_("the secretariat") if user.is_staff else _("a member"))


def status_histories(item_ids: Iterable[int]) -> dict[int, list[StatusChange]]:
    """Return each action item's status changes, oldest first, for all `item_ids` in one query."""
    ids = list(item_ids)
    if not ids:
        return {}
    labels = dict(ActionItem.Status.choices)
    records = (
        ActionItem.history.filter(id__in=ids)
        .order_by("id", "history_date", "history_id")
        .select_related("history_user")
        .only(
            "id",
            "status",
            "history_date",
            "history_type",
            "history_user__is_staff",
            "history_user__first_name",
            "history_user__last_name",
        )
    )
    histories: dict[int, list[StatusChange]] = {pk: [] for pk in ids}
    previous: dict[int, str | None] = {}
    for record in records:
        before = previous.get(record.id)
        if record.id not in previous or before != record.status:
            who = _who(record.history_user)
            histories[record.id].append(
                StatusChange(
                    when=record.history_date,
                    who=who,
                    old=None if record.id not in previous else str(labels.get(before, before)),
                    new=str(labels.get(record.status, record.status)),
                )
            )
        previous[record.id] = record.status
    return histories
