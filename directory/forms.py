"""Filters of the members' directory."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from directory.access import DIRECTORY_KINDS
from members.models import Country, Member, Organization
from workinggroups.models import Membership, WorkingGroup

MAX_QUERY_LENGTH = 200


class DirectoryFilterForm(forms.Form):
    """Search the directory by name and narrow it by kind, country, organisation, body and expertise."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": _("First or last name")}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Everyone")), *((kind.value, kind.label) for kind in DIRECTORY_KINDS)],
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All organisations"),
    )
    group = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All bodies"),
    )
    expertise = forms.CharField(
        label=_("Expertise"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. juvenile justice")}),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices by slug or code, so the options cost one query each and the addresses stay readable.
        for name, key in (("country", "code"), ("organization", "slug"), ("group", "slug")):
            field = self.fields[name]
            field.choices = [("", field.empty_label), *((getattr(obj, key), str(obj)) for obj in field.queryset)]

    def filter(self, people: QuerySet[Member]) -> QuerySet[Member]:
        """Apply the search and filters to `people`."""
        if not self.is_bound or not self.is_valid():
            return people
        data = self.cleaned_data
        for word in data.get("q", "").split():
            people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        if data.get("kind"):
            people = people.filter(kind=data["kind"])
        if data.get("country"):
            people = people.filter(country=data["country"])
        if data.get("organization"):
            people = people.filter(organization=data["organization"])
        if data.get("group"):
            seats = Membership.objects.current().filter(member_id=OuterRef("pk"), group=data["group"])
            people = people.filter(Exists(seats))
        if data.get("expertise", "").strip():
            people = people.filter(expertise__icontains=data["expertise"].strip())
        return people
