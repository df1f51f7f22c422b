"""Filters of the public recommendation list."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import PageFilter
from workinggroups.models import Pillar, Theme, WorkingGroup


class RecommendationFilterSet(django_filters.FilterSet):
    """Narrow the adopted recommendations by body, UN GCTS pillar and theme."""

    group = django_filters.ModelChoiceFilter(
        label=_("Body"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        empty_label=_("All bodies"),
    )
    pillar = django_filters.ModelChoiceFilter(
        field_name="pillars",
        label=_("UN GCTS pillar"),
        queryset=Pillar.objects.all(),
        to_field_name="number",
        empty_label=_("All pillars"),
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    page = PageFilter()
