"""Filters of the public calendar and the summaries list."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import IntegerFilter, PageFilter
from meetings import access
from members.models import Country
from workinggroups.models import WorkingGroup

PLENARY = "plenary"
MAX_QUERY_LENGTH = 200


def body_filter(field_name: str) -> django_filters.ModelChoiceFilter:
    """Return a filter on the active body by its slug, or on the Council's plenary (no body)."""
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        label=_("Body"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        empty_label=_("All bodies"),
        null_label=_("Plenary meetings of the Council"),
        null_value=PLENARY,
    )


class CalendarFilterSet(django_filters.FilterSet):
    """Narrow the public calendar by body and year."""

    body = body_filter("body")
    year = IntegerFilter(field_name="starts_at", lookup_expr="year", label=_("Year"), min_value=2024, max_value=2100)
    page = PageFilter()


class MonthFilterSet(django_filters.FilterSet):
    """Narrow the month grid by body (the month itself is the year)."""

    body = body_filter("body")


class SummaryFilterSet(django_filters.FilterSet):
    """Search the published summaries and narrow them by body, year and the venue's country."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": _("Words in the title or text")}),
    )
    body = body_filter("meeting__body")
    # Year and place must not let anyone probe a closed meeting through its published summary:
    # the year is the summary's own, and the venue counts only for public meetings.
    year = IntegerFilter(field_name="published_at", lookup_expr="year", label=_("Year"), min_value=2024, max_value=2100)
    country = django_filters.ModelChoiceFilter(
        label=_("Country of the venue"),
        queryset=Country.objects.member_states(),
        to_field_name="code",
        empty_label=_("All countries"),
        method="venue_country",
    )
    page = PageFilter()

    def search(self, summaries: QuerySet, name: str, text: str) -> QuerySet:
        """Return the summaries matching `text` in any language, best first."""
        return summaries.search(text)

    def venue_country(self, summaries: QuerySet, name: str, country: Country) -> QuerySet:
        """Return the summaries of public meetings held in `country`."""
        public_meeting = access.meeting_q(access.ANONYMOUS, "meeting__")
        return summaries.filter(public_meeting, meeting__venue__country=country)
