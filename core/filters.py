"""Filters every list shares, on top of django-filter.

django-filter needs no INSTALLED_APPS entry here: the portal uses none of its templates,
views or translations, only its filter sets, which the include `_filter_form.html` renders.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet


class IntegerFilter(django_filters.Filter):
    """A filter on a whole number (django-filter's NumberFilter would take decimals)."""

    field_class = forms.IntegerField


class PageFilter(IntegerFilter):
    """Check the page number with the filters, so a malformed one answers 400; the paginator reads it."""

    def __init__(self) -> None:
        super().__init__(min_value=1, widget=forms.HiddenInput)

    def filter(self, qs: QuerySet, value: int | None) -> QuerySet:
        return qs
