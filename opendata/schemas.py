"""The shapes the open-data API answers with, and the filters its lists accept.

An output schema names every field it prints: whatever a model holds besides
(online links, addresses, e-mails, phones, non-public items) cannot reach a response.
Public texts come in every interface language of the portal, keyed by code ({"en": …, …}).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any, Literal

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Field, Schema
from pydantic import create_model

from core.languages import CODES, INTERFACE_LANGUAGES
from meetings.models import Meeting, PublicSummary
from opendata.selectors import year_bounds
from workinggroups.models import Recommendation

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_MAX_LENGTH = 120
Q_MAX_LENGTH = 200
LANGUAGES = CODES
# The languages named in English for the documentation: "English, Russian and Uzbek".
LANGUAGE_NAMES = " and ".join(
    [", ".join(language.name for language in INTERFACE_LANGUAGES[:-1]), INTERFACE_LANGUAGES[-1].name]
)


# --- Helpers ---------------------------------------------------------------------------


def texts(obj: Any, field: str) -> dict[str, str | None]:
    """Return the translations of `obj.<field>` by language, None where a language has none."""
    return {language: getattr(obj, f"{field}_{language}", None) or None for language in LANGUAGES}


def page_url(context: Any, name: str, **kwargs: str) -> str:
    """Return the absolute address of a public page, in the portal's default language."""
    # The default language keeps the answer the same whatever the caller's browser says.
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(name, kwargs=kwargs)
    request = (context or {}).get("request")
    return request.build_absolute_uri(path) if request is not None else path


# --- Output ----------------------------------------------------------------------------


# One field per language, in their order: {"en": str | None, "ru": …}.
Texts = create_model(
    "Texts",
    __base__=Schema,
    __doc__=f"A public text in {LANGUAGE_NAMES}; null where it is not translated.",
    __module__=__name__,
    **dict.fromkeys(LANGUAGES, (str | None, None)),
)


class CountryOut(Schema):
    """A country by its ISO 3166-1 alpha-2 code."""

    code: str = Field(..., examples=["UZ"])
    name: Texts

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")


class BodyRef(Schema):
    """A body of the Council, as named in another record."""

    slug: str
    name: Texts

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")


class VenueOut(Schema):
    """Where a meeting takes place: the city and the country, never the address."""

    city: Texts
    country: CountryOut

    @staticmethod
    def resolve_city(obj: Any) -> dict[str, str | None]:
        return texts(obj, "city")


class AttendingOrganizationOut(Schema):
    """An organisation at a meeting and its part in it."""

    name: Texts
    acronym: str | None
    role: str = Field(..., examples=["organiser", "co_organiser", "attending"])

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj.organization, "name")

    @staticmethod
    def resolve_acronym(obj: Any) -> str | None:
        return obj.organization.acronym or None


class AgendaItemOut(Schema):
    """A public item of a meeting's agenda; `position` counts public items only, so hidden ones leave no gap."""

    position: int
    title: Texts
    minutes_allotted: int

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")


class MeetingOut(Schema):
    """A public meeting; times are in the meeting's own time zone, with its offset."""

    slug: str
    title: Texts
    kind: str = Field(..., examples=["plenary", "regular", "extraordinary", "workshop", "consultation"])
    status: str = Field(..., examples=["planned", "confirmed", "held", "postponed", "cancelled"])
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str = Field(..., examples=["Asia/Tashkent"])
    body: BodyRef | None = Field(..., description="The body that meets; null for a plenary meeting of the Council.")
    venue: VenueOut | None = Field(..., description="Null for a meeting held only online.")
    organizations: list[AttendingOrganizationOut]
    agenda: list[AgendaItemOut]
    summary_slug: str | None = Field(..., description="The published public summary of the meeting, if any.")
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_starts_at(obj: Any) -> datetime.datetime:
        return timezone.localtime(obj.starts_at, obj.zone)

    @staticmethod
    def resolve_ends_at(obj: Any) -> datetime.datetime:
        return timezone.localtime(obj.ends_at, obj.zone)

    @staticmethod
    def resolve_organizations(obj: Any) -> list[Any]:
        return obj.attending

    @staticmethod
    def resolve_agenda(obj: Any) -> list[Any]:
        items = list(obj.public_agenda)
        for position, item in enumerate(items, start=1):
            item.position = position
        return items

    @staticmethod
    def resolve_summary_slug(obj: Any) -> str | None:
        return obj.published_summary_slug

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return page_url(context, "meetings:detail", slug=obj.slug)


class MeetingRef(Schema):
    """A public meeting, as named in another record."""

    slug: str
    title: Texts
    starts_at: datetime.datetime

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_starts_at(obj: Any) -> datetime.datetime:
        return timezone.localtime(obj.starts_at, obj.zone)


class SummaryOut(Schema):
    """A published public summary of a meeting."""

    slug: str
    title: Texts
    text: Texts
    published_at: datetime.datetime
    meeting: MeetingRef | None = Field(..., description="Null unless the meeting itself is public.")
    body: BodyRef | None = Field(..., description="The body that met; null for a plenary meeting.")
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_text(obj: Any) -> dict[str, str | None]:
        return texts(obj, "text")

    @staticmethod
    def resolve_meeting(obj: Any) -> Any:
        return obj.meeting if obj.meeting_is_public else None

    @staticmethod
    def resolve_body(obj: Any) -> Any:
        return obj.meeting.body

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return page_url(context, "meetings:summary", slug=obj.slug)


class ChairOut(Schema):
    """A chair or co-chair of a body who agreed to be named publicly."""

    name: str
    role: str = Field(..., examples=["chair", "co_chair"])
    country: CountryOut | None

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return obj.member.full_name

    @staticmethod
    def resolve_country(obj: Any) -> Any:
        return obj.member.country


class WorkingGroupOut(Schema):
    """A working body of the Council: the Executive Committee or a lettered working group."""

    slug: str
    letter: str | None = Field(..., description="a to d; null for the Executive Committee.")
    kind: str = Field(..., examples=["executive", "working_group"])
    name: Texts
    short_name: Texts
    mandate: Texts
    chairs: list[ChairOut]
    adopted_recommendations: int
    url: str

    @staticmethod
    def resolve_letter(obj: Any) -> str | None:
        return obj.letter or None

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")

    @staticmethod
    def resolve_short_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "short_name")

    @staticmethod
    def resolve_mandate(obj: Any) -> dict[str, str | None]:
        return texts(obj, "mandate")

    @staticmethod
    def resolve_chairs(obj: Any) -> list[Any]:
        return obj.public_chairs

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return page_url(context, "publicsite:group", slug=obj.slug)


class PillarOut(Schema):
    """A pillar of the UN Global Counter-Terrorism Strategy."""

    number: int
    name: Texts

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")


class ThemeOut(Schema):
    """A theme of the Council's work."""

    slug: str
    name: Texts

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")


class ImplementationReportOut(Schema):
    """One report of a country's implementation, as of a day."""

    status: str = Field(..., examples=["not_started", "in_progress", "implemented"])
    as_of: datetime.date = Field(..., description="The day the country was at this status, as reported.")
    reported_by: str = Field(..., examples=["representative", "secretariat"])
    source: str | None = Field(..., description="Where the status comes from; null if not given.")
    source_url: str | None
    note: Texts

    @staticmethod
    def resolve_source(obj: Any) -> str | None:
        return obj.source or None

    @staticmethod
    def resolve_source_url(obj: Any) -> str | None:
        return obj.source_url or None

    @staticmethod
    def resolve_note(obj: Any) -> dict[str, str | None]:
        return texts(obj, "note")


class ImplementationOut(Schema):
    """How far one country has implemented a recommendation: its latest report, and every report, newest first."""

    country: CountryOut
    status: str = Field(..., examples=["no_information", "not_started", "in_progress", "implemented"])
    as_of: datetime.date = Field(..., description="The day of the latest report.")
    note: Texts
    history: list[ImplementationReportOut]

    @staticmethod
    def resolve_note(obj: Any) -> dict[str, str | None]:
        return texts(obj, "note")


class OrganizationRef(Schema):
    """An organisation, as named in another record."""

    name: Texts
    acronym: str | None

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str | None]:
        return texts(obj, "name")

    @staticmethod
    def resolve_acronym(obj: Any) -> str | None:
        return obj.acronym or None


class ReservationOut(Schema):
    """A public reservation or statement made when consensus was reached, by a country or an organisation."""

    kind: str = Field(..., examples=["reservation", "statement", "interpretation"])
    country: CountryOut | None = Field(..., description="The state that made it; null when an organisation did.")
    organization: OrganizationRef | None = Field(
        ..., description="The organisation that made it; null when a state did."
    )
    text: Texts

    @staticmethod
    def resolve_text(obj: Any) -> dict[str, str | None]:
        return texts(obj, "text")


class RecommendationOut(Schema):
    """A recommendation a body adopted by consensus."""

    code: str = Field(..., examples=["REC-A-2024-01"])
    title: Texts
    text: Texts
    group: BodyRef
    adopted_on: datetime.date
    adopted_at: MeetingRef | None = Field(..., description="The meeting of adoption; null unless it is public.")
    pillars: list[PillarOut]
    themes: list[ThemeOut]
    reservations: list[ReservationOut] = Field(..., description="The public reservations and statements only.")
    implementation: list[ImplementationOut]
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_text(obj: Any) -> dict[str, str | None]:
        return texts(obj, "text")

    @staticmethod
    def resolve_adopted_at(obj: Any) -> Any:
        return obj.adopted_at if obj.adopted_at_is_public else None

    @staticmethod
    def resolve_pillars(obj: Any) -> list[Any]:
        return list(obj.pillars.all())

    @staticmethod
    def resolve_themes(obj: Any) -> list[Any]:
        return list(obj.themes.all())

    @staticmethod
    def resolve_reservations(obj: Any) -> list[Any]:
        return obj.public_reservations

    @staticmethod
    def resolve_implementation(obj: Any) -> list[Any]:
        history = defaultdict(list)
        for report in obj.implementation_reports.all():
            history[report.country_id].append(report)
        statuses = list(obj.implementations.all())
        for status in statuses:
            status.history = history[status.country_id]
        return statuses

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return page_url(context, "publicsite:recommendation", code=obj.code)


class WorkPlanItemRef(Schema):
    """A task of a working body's work plan, as named in a roadmap."""

    title: Texts
    status: str = Field(..., examples=["planned", "in_progress", "done", "dropped"])
    due_year: int | None
    due_quarter: int | None
    body: BodyRef

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_body(obj: Any) -> Any:
        return obj.plan.group


class RoadmapItemOut(Schema):
    """An item of a roadmap, with the working groups' tasks that carry it and the public meetings that advanced it."""

    position: int
    title: Texts
    description: Texts
    status: str = Field(..., examples=["planned", "in_progress", "done", "dropped"])
    due_year: int | None
    due_quarter: int | None
    work_plan_items: list[WorkPlanItemRef]
    meetings: list[MeetingRef] = Field(..., description="Public meetings only.")

    @staticmethod
    def resolve_position(obj: Any) -> int:
        return obj.order

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_description(obj: Any) -> dict[str, str | None]:
        return texts(obj, "description")

    @staticmethod
    def resolve_work_plan_items(obj: Any) -> list[Any]:
        return obj.public_work_plan_items

    @staticmethod
    def resolve_meetings(obj: Any) -> list[Any]:
        return obj.public_meetings


class RoadmapPartiesOut(Schema):
    """The states and organisations that agreed a roadmap."""

    countries: list[CountryOut]
    organizations: list[OrganizationRef]


class RoadmapOut(Schema):
    """A roadmap of cooperation the Council's work carries out, with its items."""

    slug: str
    title: Texts
    description: Texts
    status: str = Field(..., examples=["active", "completed"])
    period_start: datetime.date
    period_end: datetime.date
    parties: RoadmapPartiesOut
    items: list[RoadmapItemOut]
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> dict[str, str | None]:
        return texts(obj, "title")

    @staticmethod
    def resolve_description(obj: Any) -> dict[str, str | None]:
        return texts(obj, "description")

    @staticmethod
    def resolve_parties(obj: Any) -> dict[str, list[Any]]:
        return {"countries": list(obj.countries.all()), "organizations": list(obj.organizations.all())}

    @staticmethod
    def resolve_items(obj: Any) -> list[Any]:
        return list(obj.items.all())

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return page_url(context, "publicsite:roadmap", slug=obj.slug)


# --- Filters ---------------------------------------------------------------------------


class MeetingFilters(Schema):
    """Narrow the list of meetings."""

    body: str | None = Field(
        None, min_length=1, max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN, description="A body's slug."
    )
    year: int | None = Field(None, ge=1900, le=2999, description="The year it starts, in the Council's time zone.")
    status: Meeting.Status | None = None
    when: Literal["upcoming", "past"] | None = Field(
        None, description="`upcoming`: not ended yet, soonest first; `past`: ended, latest first."
    )

    def apply(self, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
        """Return `meetings` narrowed by these filters."""
        if self.body:
            meetings = meetings.filter(body__slug=self.body)
        if self.year is not None:
            start, end = year_bounds(self.year)
            meetings = meetings.filter(starts_at__gte=start, starts_at__lt=end)
        if self.status:
            meetings = meetings.filter(status=self.status)
        if self.when == "upcoming":
            meetings = meetings.upcoming().order_by("starts_at", "pk")
        elif self.when == "past":
            meetings = meetings.past().order_by("-starts_at", "-pk")
        return meetings


class SummaryFilters(Schema):
    """Narrow the list of published summaries."""

    body: str | None = Field(
        None, min_length=1, max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN, description="A body's slug."
    )
    year: int | None = Field(
        None, ge=1900, le=2999, description="The year of publication, counted in the Council's time zone."
    )
    country: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2}$",
        description="ISO code of the country of the venue; only summaries of public meetings match.",
    )
    q: str | None = Field(
        None,
        max_length=Q_MAX_LENGTH,
        # A NUL character is not text, and PostgreSQL refuses it in a query.
        pattern=r"^[^\x00]*$",
        description="Words to find in the title or text, in any language, also in longer forms; best matches first.",
    )

    def apply(self, summaries: QuerySet[PublicSummary]) -> QuerySet[PublicSummary]:
        """Return `summaries` narrowed by these filters."""
        if self.body:
            summaries = summaries.filter(meeting__body__slug=self.body)
        if self.year is not None:
            start, end = year_bounds(self.year)
            summaries = summaries.filter(published_at__gte=start, published_at__lt=end)
        if self.country:
            # The venue of a meeting the public may not see is not the public's business.
            summaries = summaries.filter(meeting_is_public=True, meeting__venue__country__code=self.country.upper())
        text = (self.q or "").strip()
        if text:
            # The same search as the summaries' page: word forms in every language, best match first.
            summaries = summaries.search(text)
        return summaries


class RecommendationFilters(Schema):
    """Narrow the list of adopted recommendations."""

    group: str | None = Field(
        None, min_length=1, max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN, description="A body's slug."
    )
    pillar: int | None = Field(None, ge=1, le=32767, description="The number of a UN GCTS pillar.")
    theme: str | None = Field(
        None, min_length=1, max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN, description="A theme's slug."
    )

    def apply(self, recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
        """Return `recommendations` narrowed by these filters."""
        # Pillar numbers and theme slugs are unique, so these joins never repeat a row.
        if self.group:
            recommendations = recommendations.filter(group__slug=self.group)
        if self.pillar is not None:
            recommendations = recommendations.filter(pillars__number=self.pillar)
        if self.theme:
            recommendations = recommendations.filter(themes__slug=self.theme)
        return recommendations
