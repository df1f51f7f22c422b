"""Form helpers shared by the apps."""

from __future__ import annotations

from django import forms


class FilterForm(forms.Form):
    """A GET form of list filters, styled as Bootstrap controls."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
