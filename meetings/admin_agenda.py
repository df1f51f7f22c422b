"""The agenda builder and chased actions in the admin: a reorder-safe agenda formset, overdue marks, status history."""

from __future__ import annotations

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from meetings import agenda
from meetings.models import ActionItem, AgendaItem, Meeting


class AgendaFormSet(BaseInlineFormSet):
    """The agenda inline's rows, saved so that swapped or renumbered items never meet on one order number.

    Rows are saved one by one (Django's formset); before that, every existing row whose
    number changes or that is being deleted is parked above all numbers in use
    (`agenda.make_room`), inside the admin's transaction. Duplicates among the rows
    themselves are refused by the formset's own unique check.
    """

    def clean(self) -> None:
        super().clean()
        if not self.instance.pk:
            return
        # An item added meanwhile from its own page is not among these rows: its number is taken too.
        shown = [form.instance.pk for form in self.initial_forms if form.instance.pk]
        taken = set(
            AgendaItem.objects.filter(meeting=self.instance).exclude(pk__in=shown).values_list("order", flat=True)
        )
        for form in self.forms:
            order = getattr(form, "cleaned_data", {}).get("order")
            if order in taken and form not in self.deleted_forms and form.has_changed():
                form.add_error(
                    "order",
                    _("Another item of this agenda, added meanwhile, has this order number; reload the page."),
                )

    def save(self, commit: bool = True):
        if commit and self.instance.pk:
            moving = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and (form in self.deleted_forms or (form.has_changed() and "order" in form.changed_data))
            ]
            final = [
                form.cleaned_data["order"]
                for form in self.forms
                if form.has_changed() and form not in self.deleted_forms and form.cleaned_data.get("order")
            ]
            agenda.make_room(meeting=self.instance, moving=moving, final_orders=final)
        return super().save(commit)


def warn_if_overrun(meeting: Meeting) -> str | None:
    """Return the overrun warning for the meeting's saved agenda, or None if it fits (one query)."""
    timetable = agenda.meeting_timetable(meeting)
    return agenda.overrun_message(meeting, timetable) if timetable.is_overrun else None


def overdue_badge(item: ActionItem) -> SafeString | str:
    """Mark an overdue action with a symbol and the word, never colour alone."""
    if not item.pk or not item.is_overdue:
        return ""
    return format_html('<span class="overdue-badge"><span aria-hidden="true">⚠</span> {}</span>', _("Overdue"))


class OverdueFilter(admin.SimpleListFilter):
    """Filter action items on whether they are overdue in their meeting's time zone."""

    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(pk__in=ActionItem.objects.overdue().values("pk"))
        return queryset


def status_history_html(item: ActionItem | None) -> str:
    """Render who changed the action's status when, from what to what (one query)."""
    if item is None or item.pk is None:
        return "—"
    changes = agenda.status_histories([item.pk])[item.pk]
    return render_to_string("admin/meetings/actionitem/_status_history.html", {"changes": changes})
