"""Filters of the public recommendation list."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from workinggroups.models import Pillar, Theme, WorkingGroup


class RecommendationFilterForm(forms.Form):
    """Narrow the adopted recommendations by body, UN GCTS pillar and theme."""

    group = forms.ModelChoiceField(
        label=_("Body"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All bodies"),
    )
    pillar = forms.ModelChoiceField(
        label=_("UN GCTS pillar"),
        queryset=Pillar.objects.all(),
        to_field_name="number",
        required=False,
        empty_label=_("All pillars"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filter(self, queryset: QuerySet) -> QuerySet:
        """Apply the chosen filters to `queryset` (none when the form is unbound)."""
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("group"):
            queryset = queryset.filter(group=data["group"])
        if data.get("pillar"):
            queryset = queryset.filter(pillars=data["pillar"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        return queryset
