"""The agenda builder beside the agenda inline: its timetable and matters arising, computed on the server."""

from __future__ import annotations

from django import template

from meetings import agenda

register = template.Library()


def _row(form) -> tuple[int, str, int] | None:
    """Return (order, title, minutes) of a formset row as the page shows it, or None for an empty or deleted row."""
    if form.is_bound:
        if not form.has_changed() and not form.instance.pk:
            return None
        data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        if data.get("DELETE"):
            return None
        order, minutes = data.get("order"), data.get("minutes_allotted")
        title = next((str(value) for name, value in data.items() if name.startswith("title") and value), "")
        if order is None:
            return None
        return order, title or form.instance.title, minutes or 0
    if not form.instance.pk:
        return None
    return form.instance.order, form.instance.title, form.instance.minutes_allotted


@register.simple_tag(takes_context=True)
def agenda_builder(context, inline_admin_formset) -> dict:
    """Return the timetable of the rows on the page and the matters arising of the meeting (one query)."""
    meeting = inline_admin_formset.formset.instance
    if meeting is None or meeting.pk is None or meeting.starts_at is None or meeting.ends_at is None:
        return {"timetable": None, "matters": []}
    rows = []
    for form in inline_admin_formset.formset.forms:
        row = _row(form)
        if row is not None:
            rows.append((form.prefix, *row))
    timetable = agenda.compute_timetable(
        starts_at=meeting.starts_at, ends_at=meeting.ends_at, time_zone=meeting.time_zone, items=rows
    )
    return {
        "timetable": timetable,
        "total": agenda.duration_text(timetable.total_minutes),
        "length": agenda.duration_text(timetable.length_minutes),
        "over": agenda.duration_text(timetable.overrun_minutes),
        "matters": list(agenda.matters_arising(meeting, context["request"].user)),
    }


@register.filter
def duration(minutes: int) -> str:
    """Write minutes as hours and minutes."""
    return agenda.duration_text(minutes or 0)
