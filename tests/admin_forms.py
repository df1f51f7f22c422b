"""Build the POST data of an admin change page from the page itself, as a browser would submit it unchanged."""

from __future__ import annotations

from typing import Any


def _field_data(form, data: dict[str, Any]) -> None:
    from django import forms

    for bound in form:
        value = bound.value()
        if value is None:
            continue
        widget = bound.field.widget
        widget = getattr(widget, "widget", widget)  # The admin's "add another" wrapper.
        if isinstance(bound.field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[bound.html_name] = [str(v) for v in value]
        elif isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
            for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=False)):
                data[f"{bound.html_name}_{index}"] = sub.format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        else:
            formatted = widget.format_value(value)
            if isinstance(formatted, (list, tuple)):
                if getattr(widget, "allow_multiple_selected", False):
                    data[bound.html_name] = [str(v) for v in formatted]
                elif formatted:
                    data[bound.html_name] = formatted[0]
            elif formatted is not None:
                data[bound.html_name] = formatted


def change_page_data(response) -> dict[str, Any]:
    """Return the form data an unchanged submit of this admin change page sends, inlines included."""
    data: dict[str, Any] = {}
    _field_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for form in formset.initial_forms:
            _field_data(form, data)
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
    return data


def inline_prefix(response, model) -> tuple[str, list]:
    """Return the prefix of the inline formset of `model` on this page, and its initial forms."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix, inline.formset.initial_forms
    raise LookupError(model)
