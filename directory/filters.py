"""Filters of the members' directory."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import PageFilter
from directory.access import DIRECTORY_KINDS
from members.models import Country, Member, Organization
from workinggroups.models import Membership, WorkingGroup

MAX_QUERY_LENGTH = 200


class DirectoryFilterSet(django_filters.FilterSet):
    """Search the directory by name and narrow it by kind, country, organisation, body and expertise."""

    q = django_filters.CharFilter(
        label=_("Name"),
        method="search_names",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": _("First or last name")}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[(kind.value, kind.label) for kind in DIRECTORY_KINDS],
        empty_label=_("Everyone"),
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        empty_label=_("All countries"),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organization.objects.all(),
        to_field_name="slug",
        empty_label=_("All organisations"),
    )
    group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        empty_label=_("All bodies"),
        method="seated_on",
    )
    expertise = django_filters.CharFilter(
        label=_("Expertise"),
        lookup_expr="icontains",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. juvenile justice")}),
    )
    page = PageFilter()

    def search_names(self, people: QuerySet[Member], name: str, text: str) -> QuerySet[Member]:
        """Return the people whose first or last name contains every word of `text`."""
        for word in text.split():
            people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        return people

    def seated_on(self, people: QuerySet[Member], name: str, group: WorkingGroup) -> QuerySet[Member]:
        """Return the people with a current seat on `group`."""
        seats = Membership.objects.current().filter(member_id=OuterRef("pk"), group=group)
        return people.filter(Exists(seats))
