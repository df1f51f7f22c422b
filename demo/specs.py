"""Read the demo data from the YAML files in `data/` into typed, validated specs; no database access.

A translated text is a mapping from language code to text (`{en: …, ru: …, uz: …}`); a
missing language means "not translated yet", and the site then shows the English text with
a note. A text of several paragraphs may be written as a list of them. Times of day are
quoted ("10:00": YAML would read 10:00 as the number 600), and fixed moments carry their
zone ("2024-05-14 18:00 Asia/Tashkent").
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import yaml
from django.conf import settings
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator

DATA_DIR = Path(__file__).resolve().parent / "data"

LEVELS = ("public", "council", "group", "restricted")  # From open to closed.
COUNCIL_LAUNCH = datetime.date(2024, 5, 14)  # The Council's First Meeting: where every seeded term starts.


def _paragraphs(value: Any) -> Any:
    """Join a list of paragraphs with blank lines; leave anything else to the str validator."""
    return "\n\n".join(value) if isinstance(value, list) else value


def _content_languages(texts: dict[str, str]) -> dict[str, str]:
    unknown = texts.keys() - set(settings.MODELTRANSLATION_LANGUAGES)
    if unknown:
        raise ValueError(f"not a content language: {', '.join(sorted(unknown))}")
    if texts and settings.MODELTRANSLATION_DEFAULT_LANGUAGE not in texts:
        raise ValueError(f"the {settings.MODELTRANSLATION_DEFAULT_LANGUAGE!r} text is missing")
    return texts


def _clock(value: Any) -> datetime.time:
    if not isinstance(value, str):
        raise ValueError('write the time of day in quotes, as "10:00"')
    return datetime.time.fromisoformat(value)


def _local_time(value: Any) -> datetime.datetime:
    if not isinstance(value, str):
        raise ValueError('write a moment as "2024-05-14 18:00 Asia/Tashkent"')
    moment, zone = value.rsplit(" ", 1)
    return datetime.datetime.strptime(moment, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))


Texts = Annotated[dict[str, Annotated[str, BeforeValidator(_paragraphs)]], AfterValidator(_content_languages)]
Clock = Annotated[datetime.time, BeforeValidator(_clock)]
LocalTime = Annotated[datetime.datetime, BeforeValidator(_local_time)]


class Spec(BaseModel):
    """A record read from the data files: frozen, and a key it does not know is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --- The Council ---------------------------------------------------------------------------


class CountrySpec(Spec):
    """A country, keyed on its ISO code."""

    code: str
    name: Texts
    member_state: bool


class OrganizationSpec(Spec):
    """An organisation, keyed on its slug."""

    slug: str
    name: Texts
    acronym: str = ""
    kind: str
    country: str | None = None
    partner_role: str = ""
    website: str = ""
    description: Texts


class BodySpec(Spec):
    """A body of the Council, keyed on its slug."""

    slug: str
    kind: str
    letter: str
    order: int
    name: Texts
    short_name: Texts
    mandate: Texts


class VenueSpec(Spec):
    """A venue, keyed on its English name and city."""

    name: Texts
    city: Texts
    country: str
    time_zone: str
    address: str = ""


# --- People ----------------------------------------------------------------------------


class Seat(Spec):
    """A membership of a body; terms start on the day the Council was launched unless told otherwise."""

    body: str
    role: str = "member"
    start: datetime.date = COUNCIL_LAUNCH
    end: datetime.date | None = None


class PersonSpec(Spec):
    """A sample person; `key` names them in the data files and builds their e-mail address."""

    key: str
    first_name: str
    last_name: str
    kind: str
    country: str | None = None
    time_zone: str
    position: str
    organization: str | None = None
    expertise: str = ""
    bio: str = ""
    languages: tuple[str, ...] = ("ru", "en")
    preferred_language: str = "en"
    public_profile: bool = False
    seats: tuple[Seat, ...] = ()

    @property
    def email(self) -> str:
        return f"{self.key}@demo.invalid"


class AccountSpec(Spec):
    """A demo login, one per role; `person` is the Member behind it (None for the secretariat)."""

    username: str
    first_name: str
    last_name: str
    is_secretariat: bool = False
    person: PersonSpec | None = None

    @property
    def email(self) -> str:
        return f"{self.username}@demo.invalid"


# --- Meetings ------------------------------------------------------------------------------


class AgendaSpec(Spec):
    """An agenda item; its order is its position in the meeting's agenda."""

    title: Texts
    level: str
    minutes: int = 15
    description: Texts = {}
    presenter: str | None = None
    presenter_name: str = ""


class SampleAgendaItem(Spec):
    """An item of every sample agenda, never more open than the meeting nor than its `floor`."""

    title: Texts
    description: Texts = {}
    minutes: int
    floor: str = "public"
    needs_body: bool = False  # A plenary has no body, so nothing in it can be at Group level.
    closed_session_only: bool = False

    def belongs_in(self, meeting: MeetingSpec) -> bool:
        """Return whether the item is on the sample agenda of `meeting`."""
        if self.needs_body and meeting.body is None:
            return False
        return not self.closed_session_only or (
            meeting.sample_agenda is not None and meeting.sample_agenda.closed_session
        )


class SampleAgenda(Spec):
    """A meeting's agenda built from the sample items around its topic."""

    topic: Texts
    closed_session: bool = False


class MinutesSpec(Spec):
    """A meeting's minutes in one state of the draft → circulated → approved workflow."""

    status: str
    level: str
    version: int = 1


class DocumentSpec(Spec):
    """A sample document; a translation names the title of its original in the same meeting or body."""

    title: str
    file: str
    language: str
    level: str
    translation_of: str | None = None
    translation_status: str = "original"
    agenda_order: int | None = None


class BodyDocumentSpec(DocumentSpec):
    """A document that belongs to a body (or to nobody) rather than to a meeting."""

    body: str | None = None


class ActionSpec(Spec):
    """An action item; `due_days` counts from the meeting's day."""

    title: str
    owner: str
    level: str
    status: str
    due_days: int
    description: str = ""


class SummarySpec(Spec):
    """A published public summary."""

    slug: str
    published_at: LocalTime
    title: Texts
    text: Texts


class MeetingSpec(Spec):
    """A meeting keyed on its slug.

    It is held on a fixed `date`, or a number of `days_from_today` (negative: in the past)
    so that the demo always has recent and upcoming meetings. `participants` None invites
    everyone with a current seat on the body.
    """

    slug: str
    title: Texts
    body: str | None = None
    kind: str
    status: str
    level: str
    date: datetime.date | None = None
    days_from_today: int | None = None
    start: Clock
    end: Clock
    venue: str | None = None
    online: bool = False
    description: Texts = {}
    agenda: tuple[AgendaSpec, ...] = ()
    sample_agenda: SampleAgenda | None = None
    participants: tuple[str, ...] | None = None
    organisers: tuple[str, ...] = ()
    attending: tuple[str, ...] = ()
    minutes: MinutesSpec | None = None
    documents: tuple[DocumentSpec, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    summary: SummarySpec | None = None

    @model_validator(mode="after")
    def _one_day_and_one_agenda(self) -> MeetingSpec:
        if (self.date is None) == (self.days_from_today is None):
            raise ValueError("give either a date or days_from_today")
        if self.agenda and self.sample_agenda:
            raise ValueError("give either an agenda or a sample_agenda")
        return self


# --- Plans, recommendations and news ---------------------------------------------------------


class WorkPlanSpec(Spec):
    """What every body's work plan shares; `{body}` in the texts is the body's short name."""

    period_start: datetime.date
    period_end: datetime.date
    title: Texts
    summary: Texts


class PlanItemSpec(Spec):
    """A work plan item; its order is its position in the plan."""

    title: Texts
    status: str
    due_year: int
    due_quarter: int
    meetings: tuple[str, ...] = ()
    description: Texts = {}


class ReservationSpec(Spec):
    """A reservation or statement on the consensus, by a country (ISO code) or an organisation (slug), not both."""

    kind: str = "reservation"
    country: str | None = None
    organization: str | None = None
    public: bool
    text: Texts

    @model_validator(mode="after")
    def _one_author(self) -> ReservationSpec:
        if (self.country is None) == (self.organization is None):
            raise ValueError("give either a country or an organization")
        return self


class RecommendationSpec(Spec):
    """A recommendation keyed on its code; `adopted_at` is a meeting slug (None for a draft).

    Its reservations and statements are recorded in order, as they were made.
    """

    code: str
    body: str
    adopted_at: str | None
    pillars: tuple[int, ...]
    themes: tuple[str, ...]
    title: Texts
    text: Texts
    reservations: tuple[ReservationSpec, ...] = ()


class ReportSpec(Spec):
    """A report of a country's implementation, `days_after` the day of adoption; one not yet due is not recorded."""

    status: str
    days_after: int
    reported_by: str = "representative"
    source: str = ""
    note: Texts = {}


class TaskRef(Spec):
    """A body's work plan item, by the body's slug and the item's position in its plan."""

    body: str
    item: int


class RoadmapItemSpec(Spec):
    """A roadmap item; its order is its position in the roadmap."""

    title: Texts
    description: Texts = {}
    status: str
    due_year: int | None = None
    due_quarter: int | None = None
    tasks: tuple[TaskRef, ...] = ()
    meetings: tuple[str, ...] = ()


class RoadmapSpec(Spec):
    """A roadmap of cooperation keyed on its slug; its parties are countries by code and organisations by slug."""

    slug: str
    title: Texts
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    period_start: datetime.date
    period_end: datetime.date
    status: str
    description: Texts
    items: tuple[RoadmapItemSpec, ...]


class NewsSpec(Spec):
    """An announcement keyed on its slug.

    It is published at a fixed moment, or a number of `days_from_today` (negative: in the
    past) at `at` in the Council's zone; a moment to come schedules it: it is published but
    not shown before then. A draft has neither.
    """

    slug: str
    status: str = "published"
    published_at: LocalTime | None = None
    days_from_today: int | None = None
    at: Clock = datetime.time(10)
    title: Texts
    lead: Texts
    body: Texts

    @model_validator(mode="after")
    def _one_publication_time(self) -> NewsSpec:
        if self.published_at is not None and self.days_from_today is not None:
            raise ValueError("give either published_at or days_from_today")
        return self


# --- The record between meetings ---------------------------------------------------------------


class SilenceSpec(Spec):
    """A silence procedure on a meeting's minutes or on a recommendation; days count from today."""

    minutes_of: str | None = None
    recommendation: str | None = None
    status: str
    started_days: int
    deadline_days: int
    deadline_at: Clock = datetime.time(18)
    broken_by: str | None = None
    broken_days: int | None = None
    reason: str = ""

    @model_validator(mode="after")
    def _one_text_and_a_break_when_broken(self) -> SilenceSpec:
        if (self.minutes_of is None) == (self.recommendation is None):
            raise ValueError("name either minutes_of or recommendation")
        if (self.status == "broken") != (self.broken_by is not None and self.broken_days is not None):
            raise ValueError("a broken procedure, and only one, names who broke it and when")
        if self.status == "broken" and not self.reason:
            raise ValueError("a broken procedure gives the reason")
        if self.started_days >= self.deadline_days:
            raise ValueError("the deadline comes after the start")
        return self


class ForwardSpec(Spec):
    """An agenda item a working group forwarded to the Executive Committee, and where it went."""

    item_of: str
    agenda_order: int
    forwarded_days: int
    note: str
    placed_on: str | None = None
    decision: str = ""

    @model_validator(mode="after")
    def _decided_only_when_placed(self) -> ForwardSpec:
        if self.decision and self.placed_on is None:
            raise ValueError("a decision needs the meeting it was placed on")
        return self


class RedactionSpec(Spec):
    """A passage of a meeting's approved minutes marked never to reach the public; it must stand in the text."""

    minutes_of: str
    passage: str
    reason: str


class AmendmentSpec(Spec):
    """An approved amendment of a meeting's approved minutes: what it corrects, and the words it replaces."""

    minutes_of: str
    reason: str
    replace: str
    by: str
    approved_days: int


# --- All of it -----------------------------------------------------------------------------


class DemoData(Spec):
    """Everything `seed_demo` loads, in the order it loads it."""

    countries: tuple[CountrySpec, ...]
    organizations: tuple[OrganizationSpec, ...]
    bodies: tuple[BodySpec, ...]
    venues: dict[str, VenueSpec]
    people: tuple[PersonSpec, ...]
    accounts: tuple[AccountSpec, ...]
    online_time_zone: str
    sample_agenda: tuple[SampleAgendaItem, ...]
    sample_minutes: str
    sample_document: Texts
    meetings: tuple[MeetingSpec, ...]
    body_documents: tuple[BodyDocumentSpec, ...]
    work_plan: WorkPlanSpec
    work_plans: dict[str, tuple[PlanItemSpec, ...]]
    implementation_cycle: tuple[str, ...]
    implementation_notes: dict[str, str]
    implementation_report_days: int
    implementation_histories: dict[str, dict[str, tuple[ReportSpec, ...]]]
    recommendations: tuple[RecommendationSpec, ...]
    roadmaps: tuple[RoadmapSpec, ...]
    silence_procedures: tuple[SilenceSpec, ...]
    forwarded_matters: tuple[ForwardSpec, ...]
    redactions: tuple[RedactionSpec, ...]
    amendments: tuple[AmendmentSpec, ...]
    news: tuple[NewsSpec, ...]

    @property
    def member_states(self) -> tuple[str, ...]:
        return tuple(country.code for country in self.countries if country.member_state)

    def agenda_of(self, meeting: MeetingSpec) -> tuple[AgendaSpec, ...]:
        """Return the meeting's agenda, building a sample agenda around its topic."""
        if meeting.sample_agenda is None:
            return meeting.agenda
        return tuple(
            AgendaSpec(
                title=fill(item.title, "topic", meeting.sample_agenda.topic),
                level=max(meeting.level, item.floor, key=LEVELS.index),
                minutes=item.minutes,
                description=item.description,
            )
            for item in self.sample_agenda
            if item.belongs_in(meeting)
        )

    def minutes_text(self, meeting: MeetingSpec) -> str:
        """Return the body of the meeting's sample minutes."""
        return self.sample_minutes.replace("{title}", meeting.title[settings.MODELTRANSLATION_DEFAULT_LANGUAGE])

    def document_text(self, document: DocumentSpec) -> str:
        """Return the text of a sample document, in its language."""
        return self.sample_document[document.language].replace("{title}", document.title)


def columns(**fields: dict[str, str]) -> dict[str, str | None]:
    """Return the language columns of each translated field: `title_en`, `title_ru`, `title_uz` for `title`.

    An untranslated language is None; an absent text is empty in the default language.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return {
        f"{field}_{language}": texts.get(language, "" if language == default else None)
        for field, texts in fields.items()
        for language in settings.MODELTRANSLATION_LANGUAGES
    }


def fill(template: dict[str, str], slot: str, values: dict[str, str]) -> dict[str, str]:
    """Return `template` with `{slot}` replaced by `values` in each language; a missing value leaves the text out."""
    placeholder = "{" + slot + "}"
    return {
        language: text.replace(placeholder, values.get(language, ""))
        for language, text in template.items()
        if placeholder not in text or language in values
    }


@cache
def load() -> DemoData:
    """Read and check every data file; each holds some of DemoData's top-level keys."""
    raw: dict[str, Any] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8"))
        if repeated := raw.keys() & part.keys():
            raise ValueError(f"{path.name} repeats {', '.join(sorted(repeated))}")
        raw |= part
    return DemoData.model_validate(raw)
