"""Form helpers shared by the apps."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class ConcurrentEditForm(forms.ModelForm):
    """A model form that refuses to overwrite changes someone else saved after it was opened.

    The row's `updated_at` when the form was shown travels in a hidden field; if the
    row changed since, saving stops with a message and nothing is overwritten.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        loaded = (self.data.get(self.add_prefix("loaded_version")) or "").strip()
        if self.instance.pk and loaded:
            model = type(self.instance)
            current = model._default_manager.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
            if current is not None and current.isoformat() != loaded:
                raise ValidationError(
                    _(
                        "Someone else saved this record at %(time)s, after you opened it. Your changes were "
                        "not saved, so theirs are not lost: open the record again, then re-apply your changes."
                    ),
                    code="concurrent_edit",
                    params={"time": formats.date_format(timezone.localtime(current), "DATETIME_FORMAT")},
                )
        return cleaned
