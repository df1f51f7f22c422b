"""Accessible names for the admin's form controls that Django leaves unlabelled (axe-core: label, select-name).

A tabular inline names its columns in the table's header, not in a <label> per input, and a
split date-and-time field labels neither of its two inputs. `name_widgets` gives each such
control an `aria-label` from its field's label, so screen readers (and axe-core) find a name.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _


def name_widgets(form: forms.BaseForm, *, every_field: bool) -> None:
    """Give unlabelled controls an aria-label: the parts of a split field always, every field if `every_field`."""
    for field in form.fields.values():
        label = str(field.label or "")
        # The admin wraps a relation's widget (add/change links): the inner one renders the control.
        widget = getattr(field.widget, "widget", field.widget)
        if isinstance(widget, forms.MultiWidget):
            parts = [_("date"), _("time")] if isinstance(widget, forms.SplitDateTimeWidget) else None
            for index, subwidget in enumerate(widget.widgets):
                part = parts[index] if parts and index < len(parts) else str(index + 1)
                subwidget.attrs.setdefault("aria-label", f"{label} ({part})")
        elif every_field and not isinstance(widget, forms.HiddenInput):
            widget.attrs.setdefault("aria-label", label)


class NamedControlsAdminMixin:
    """A ModelAdmin whose split date-and-time inputs are named (each has its own aria-label)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)

        class Named(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                name_widgets(self, every_field=False)

        Named.__name__ = form_class.__name__
        return Named


class NamedControlsInlineMixin:
    """A tabular inline whose every input is named after its column (the delete box too)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset_class = super().get_formset(request, obj, **kwargs)

        class Named(formset_class):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                name_widgets(form, every_field=True)

        Named.__name__ = formset_class.__name__
        return Named
