"""Filters of the public calendar and the summaries list."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from meetings import access
from members.models import Country
from workinggroups.models import WorkingGroup

PLENARY = "plenary"
MAX_QUERY_LENGTH = 200


class BodyChoiceField(forms.ModelChoiceField):
    """A body chosen by its slug, or the plenary of the whole Council."""

    def to_python(self, value):
        if value == PLENARY:
            return PLENARY
        return super().to_python(value)

    def validate(self, value):
        if value != PLENARY:
            super().validate(value)


def _body_field() -> BodyChoiceField:
    field = BodyChoiceField(
        label=_("Body"),
        queryset=WorkingGroup.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All bodies"),
    )
    return field


class _BodyChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        # One query for the options; the plenary is offered beside the bodies.
        field.choices = [
            ("", field.empty_label),
            *((body.slug, str(body)) for body in field.queryset),
            (PLENARY, _("Plenary meetings of the Council")),
        ]


class CalendarFilterForm(_BodyChoicesMixin, forms.Form):
    """Narrow the public calendar by body and year."""

    body = _body_field()
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2024, max_value=2100)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filter(self, meetings: QuerySet) -> QuerySet:
        """Apply the chosen filters to `meetings`."""
        if not self.is_bound or not self.is_valid():
            return meetings
        body, year = self.cleaned_data.get("body"), self.cleaned_data.get("year")
        if body == PLENARY:
            meetings = meetings.filter(body__isnull=True)
        elif body:
            meetings = meetings.filter(body=body)
        if year:
            meetings = meetings.filter(starts_at__year=year)
        return meetings


class MonthFilterForm(_BodyChoicesMixin, forms.Form):
    """Narrow the month grid by body (the month itself is the year)."""

    body = _body_field()

    def filter(self, meetings: QuerySet) -> QuerySet:
        """Apply the chosen body to `meetings`."""
        if not self.is_bound or not self.is_valid():
            return meetings
        body = self.cleaned_data.get("body")
        if body == PLENARY:
            return meetings.filter(body__isnull=True)
        return meetings.filter(body=body) if body else meetings


class SummaryFilterForm(_BodyChoicesMixin, forms.Form):
    """Search the published summaries and narrow them by body, year and the venue's country."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": _("Words in the title or text")}),
    )
    body = _body_field()
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2024, max_value=2100)
    country = forms.ModelChoiceField(
        label=_("Country of the venue"),
        queryset=Country.objects.member_states(),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filter(self, summaries: QuerySet) -> QuerySet:
        """Apply the search and filters to `summaries`."""
        if not self.is_bound or not self.is_valid():
            return summaries
        data = self.cleaned_data
        if data.get("body") == PLENARY:
            summaries = summaries.filter(meeting__body__isnull=True)
        elif data.get("body"):
            summaries = summaries.filter(meeting__body=data["body"])
        # Year and place must not let anyone probe a closed meeting through its published summary:
        # the year is the summary's own, and the venue counts only for public meetings.
        if data.get("year"):
            summaries = summaries.filter(published_at__year=data["year"])
        if data.get("country"):
            public_meeting = access.meeting_q(access.ANONYMOUS, "meeting__")
            summaries = summaries.filter(public_meeting, meeting__venue__country=data["country"])
        if data.get("q", "").strip():
            summaries = summaries.search(data["q"].strip())
        return summaries
