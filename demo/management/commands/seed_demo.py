"""Load the Council's public facts and clearly labelled sample data for a demo; safe to run again."""

from __future__ import annotations

import datetime
import hashlib
import os
import secrets
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.utils import timezone, translation
from modeltranslation.translator import NotRegistered, translator

from accounts.roles import sync_secretariat_group
from demo.specs import (
    AmendmentSpec,
    DemoData,
    DocumentSpec,
    ForwardSpec,
    MeetingSpec,
    MinutesSpec,
    PersonSpec,
    RedactionSpec,
    ReportSpec,
    SilenceSpec,
    columns,
    fill,
    load,
)
from meetings.models import (
    ActionItem,
    AgendaItem,
    Document,
    ForwardedMatter,
    Meeting,
    MeetingOrganization,
    Minutes,
    Participation,
    PublicSummary,
    Redaction,
    SilenceBreak,
    SilenceProcedure,
    Venue,
)
from members.models import Country, Member, Organization
from news.models import NewsItem
from workinggroups.models import (
    Implementation,
    ImplementationReport,
    Membership,
    Pillar,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
    Theme,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)
from workinggroups.services import report_implementation

M = TypeVar("M", bound=models.Model)

PASSWORD_FILE_NAME = ".demo-password"  # noqa: S105 - the name of the file, not a password.


class Seeder:
    """Create or update every demo row, counting what changed."""

    def __init__(self, *, data: DemoData, today: datetime.date) -> None:
        self.data = data
        self.today = today
        # Midnight today in the Council's zone: every "already happened" time is before it,
        # and it stays the same all day, so a second run on the same day changes nothing.
        self.anchor = datetime.datetime.combine(today, datetime.time(0), tzinfo=ZoneInfo(settings.TIME_ZONE))
        self.created = self.updated = self.unchanged = self.files = 0
        self.countries: dict[str, Country] = {}
        self.organizations: dict[str, Organization] = {}
        self.bodies: dict[str, WorkingGroup] = {}
        self.venues: dict[str, Venue] = {}
        self.people: dict[str, Member] = {}
        self.meetings: dict[str, Meeting] = {}
        self.tasks: dict[tuple[str, int], WorkPlanItem] = {}
        self.users: list[Any] = []
        self.new_users: list[Any] = []
        self.secretariat_user: Any = None

    # --- The generic write -----------------------------------------------------------

    def upsert(self, model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
        """Return the row matching `lookup` with `values` applied, saving only when something differs."""
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**{**lookup, **values})
            obj.full_clean()
            obj.save()
            self.created += 1
            return obj
        changed = [name for name, value in values.items() if _differs(obj, name, value)]
        if not changed:
            # No save, so no needless history rows or updated_at churn.
            self.unchanged += 1
            return obj
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        stamp = ["updated_at"] if any(f.name == "updated_at" for f in obj._meta.concrete_fields) else []
        obj.save(update_fields=[*changed, *_originals_of(model, changed), *stamp])
        self.updated += 1
        return obj

    # --- Steps, in dependency order --------------------------------------------------

    def run(self) -> None:
        """Load everything, in the default language so that untranslated columns and lookups use English."""
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            self._run()

    def _run(self) -> None:
        self.load_countries()
        self.load_organizations()
        self.load_bodies()
        self.load_venues()
        self.load_accounts()
        self.load_people()
        for spec in self.data.meetings:
            self.load_meeting(spec)
        self.load_body_documents()
        self.load_work_plans()
        self.load_recommendations()
        self.load_roadmaps()
        for silence in self.data.silence_procedures:
            self.load_silence_procedure(silence)
        for forward in self.data.forwarded_matters:
            self.load_forwarded_matter(forward)
        for redaction in self.data.redactions:
            self.load_redaction(redaction)
        for amendment in self.data.amendments:
            self.load_amendment(amendment)
        self.load_news()

    def load_countries(self) -> None:
        for spec in self.data.countries:
            self.countries[spec.code] = self.upsert(
                Country,
                {"code": spec.code},
                {**columns(name=spec.name), "is_member_state": spec.member_state},
            )

    def load_organizations(self) -> None:
        for spec in self.data.organizations:
            self.organizations[spec.slug] = self.upsert(
                Organization,
                {"slug": spec.slug},
                {
                    **columns(name=spec.name, description=spec.description),
                    "acronym": spec.acronym,
                    "kind": spec.kind,
                    "country": self.countries[spec.country] if spec.country else None,
                    "partner_role": spec.partner_role,
                    "website": spec.website,
                },
            )

    def load_bodies(self) -> None:
        for spec in self.data.bodies:
            self.bodies[spec.slug] = self.upsert(
                WorkingGroup,
                {"slug": spec.slug},
                {
                    **columns(name=spec.name, short_name=spec.short_name, mandate=spec.mandate),
                    "kind": spec.kind,
                    "letter": spec.letter,
                    "order": spec.order,
                    "is_active": True,
                },
            )

    def load_venues(self) -> None:
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE  # Venues are keyed on their English name and city.
        for key, spec in self.data.venues.items():
            self.venues[key] = self.upsert(
                Venue,
                {f"name_{default}": spec.name[default], f"city_{default}": spec.city[default]},
                {
                    **columns(name=spec.name, city=spec.city),
                    "country": self.countries[spec.country],
                    "time_zone": spec.time_zone,
                    "address": spec.address,
                },
            )

    def load_accounts(self) -> None:
        user_model = get_user_model()
        secretariat_group = sync_secretariat_group()
        for spec in self.data.accounts:
            values = {
                "email": spec.email,
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "is_staff": spec.is_secretariat,
                "is_superuser": False,
                "is_active": True,
            }
            user = user_model._default_manager.filter(username=spec.username).first()
            if user is None:
                user = user_model(username=spec.username, **values)
                user.set_unusable_password()  # The password step below gives it one.
                user.save()
                self.created += 1
                self.new_users.append(user)
            else:
                changed = [name for name, value in values.items() if getattr(user, name) != value]
                if changed:
                    for name in changed:
                        setattr(user, name, values[name])
                    user.save(update_fields=changed)
                    self.updated += 1
                else:
                    self.unchanged += 1
            self.users.append(user)
            if spec.is_secretariat:
                user.groups.add(secretariat_group)
                self.secretariat_user = user
            if spec.person is not None:
                self.people[spec.person.key] = self._member(spec.person, {"user": user}, email=spec.email)

    def load_people(self) -> None:
        for spec in self.data.people:
            self.people[spec.key] = self._member(spec, {"email": spec.email}, email=spec.email)

    def _member(self, spec: PersonSpec, lookup: dict[str, Any], *, email: str) -> Member:
        member = self.upsert(
            Member,
            lookup,
            {
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "kind": spec.kind,
                "country": self.countries[spec.country] if spec.country else None,
                "organization": self.organizations[spec.organization] if spec.organization else None,
                "position": spec.position,
                "email": email,
                "expertise": spec.expertise,
                "bio": spec.bio,
                "spoken_languages": list(spec.languages),
                "preferred_language": spec.preferred_language,
                "time_zone": spec.time_zone,
                "public_profile": spec.public_profile,
                "share_email_with_members": spec.public_profile,
                "is_active": True,
            },
        )
        for seat in spec.seats:
            self.upsert(
                Membership,
                {"member": member, "group": self.bodies[seat.body], "start_date": seat.start},
                {"role": seat.role, "end_date": seat.end},
            )
        return member

    # --- Meetings --------------------------------------------------------------------

    def meeting_day(self, spec: MeetingSpec) -> datetime.date:
        """Return the meeting's local day: fixed, or counted from today and kept off weekends."""
        if spec.date is not None:
            return spec.date
        days = spec.days_from_today or 0
        day = self.today + datetime.timedelta(days=days)
        step = datetime.timedelta(days=1 if days > 0 else -1)  # Away from today: the past stays past.
        while day.weekday() >= 5:
            day += step
        return day

    def load_meeting(self, spec: MeetingSpec) -> None:
        venue = self.venues[spec.venue] if spec.venue else None
        zone_name = venue.time_zone if venue else self.data.online_time_zone
        zone = ZoneInfo(zone_name)
        day = self.meeting_day(spec)
        starts_at = datetime.datetime.combine(day, spec.start, tzinfo=zone)
        ends_at = datetime.datetime.combine(day, spec.end, tzinfo=zone)
        body = self.bodies[spec.body] if spec.body else None
        meeting = self.upsert(
            Meeting,
            {"slug": spec.slug},
            {
                **columns(title=spec.title, description=spec.description),
                "body": body,
                "kind": spec.kind,
                "status": spec.status,
                "level": spec.level,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "time_zone": zone_name,
                "venue": venue,
                "online_url": f"https://meet.example.org/rec/{spec.slug}" if spec.online else "",
            },
        )
        self.meetings[spec.slug] = meeting
        is_sample = spec.slug.startswith("sample-")

        participants = self.participants_of(spec, day)
        chair = next((key for key, role in participants if role == "chair"), None)
        items: dict[int, AgendaItem] = {}
        for order, item in enumerate(self.data.agenda_of(spec), start=1):
            presenter = item.presenter or (chair if is_sample and order == 1 else None)
            items[order] = self.upsert(
                AgendaItem,
                {"meeting": meeting, "order": order},
                {
                    **columns(title=item.title, description=item.description),
                    "level": item.level,
                    "minutes_allotted": item.minutes,
                    "presenter": self.people[presenter] if presenter else None,
                    "presenter_name": item.presenter_name,
                },
            )

        for index, (key, role) in enumerate(participants):
            self.upsert(
                Participation,
                {"meeting": meeting, "member": self.people[key]},
                self.participation_values(spec, index, role, starts_at, has_venue=venue is not None),
            )

        for slug, role in [(s, "organiser") for s in spec.organisers] + [(s, "attending") for s in spec.attending]:
            self.upsert(
                MeetingOrganization, {"meeting": meeting, "organization": self.organizations[slug]}, {"role": role}
            )

        if spec.minutes is not None:
            self.load_minutes(meeting, spec, spec.minutes, ends_at)

        if spec.summary is not None:
            self.upsert(
                PublicSummary,
                {"meeting": meeting},
                {
                    **columns(title=spec.summary.title, text=spec.summary.text),
                    "slug": spec.summary.slug,
                    "status": "published",
                    "published_at": spec.summary.published_at,
                    # Reviewed by the secretariat when it was published.
                    "reviewed_at": spec.summary.published_at,
                    "reviewed_by": self.secretariat_user,
                },
            )

        documents: dict[str, Document] = {}
        for doc in spec.documents:
            documents[doc.title] = self.document(
                doc,
                lookup={"meeting": meeting, "title": doc.title},
                extra={"group": None, "agenda_item": items.get(doc.agenda_order or 0)},
                originals=documents,
            )

        for action in spec.actions:
            completed_at = None
            if action.status == "done":
                completed_at = min(
                    starts_at + datetime.timedelta(days=max(1, action.due_days // 2)),
                    self.anchor - datetime.timedelta(days=1),
                )
            self.upsert(
                ActionItem,
                {"meeting": meeting, "title": action.title},
                {
                    "description": action.description,
                    "owner": self.people[action.owner],
                    "due_date": day + datetime.timedelta(days=action.due_days),
                    "status": action.status,
                    "completed_at": completed_at,
                    "level": action.level,
                },
            )

    def participants_of(self, spec: MeetingSpec, day: datetime.date) -> list[tuple[str, str]]:
        """Return (person key, participation role) for everyone invited to the meeting."""
        roles: dict[str, str] = {}
        everyone = [*self.data.people, *(a.person for a in self.data.accounts if a.person is not None)]
        for person in everyone:
            for seat in person.seats:
                if seat.body == spec.body and seat.start <= day and (seat.end is None or seat.end >= day):
                    roles[person.key] = {"chair": "chair", "observer": "observer"}.get(seat.role, "participant")
        if spec.participants is None:
            return list(roles.items())
        # Named participants (restricted meetings): keep their seat's role where they have one.
        return [(key, roles.get(key, "participant")) for key in spec.participants]

    def participation_values(
        self, spec: MeetingSpec, index: int, role: str, starts_at: datetime.datetime, *, has_venue: bool
    ) -> dict[str, Any]:
        """Return a varied but deterministic invitation, reply and attendance for one participant."""
        values: dict[str, Any] = {
            "role": role,
            "invited_at": None,
            "rsvp": "pending",
            "rsvp_mode": "",
            "rsvp_at": None,
            "attendance": "unknown",
        }
        if spec.status == "planned":
            return values  # Invitations have not gone out yet.
        invited_at = min(starts_at - datetime.timedelta(days=21), self.anchor - datetime.timedelta(days=2))
        values["invited_at"] = invited_at
        mode = "in_person" if has_venue and index % 2 == 0 else "online"
        if spec.status == "held":
            declined = index % 5 == 4
            values.update(
                rsvp="declined" if declined else "accepted",
                rsvp_mode="" if declined else mode,
                rsvp_at=invited_at + datetime.timedelta(days=2),
                attendance="absent" if declined else mode,
            )
            return values
        rsvp = ("accepted", "pending", "tentative", "accepted", "declined")[index % 5]
        values.update(
            rsvp=rsvp,
            rsvp_mode=mode if rsvp in {"accepted", "tentative"} else "",
            rsvp_at=None if rsvp == "pending" else invited_at + datetime.timedelta(days=1),
        )
        return values

    def load_minutes(
        self, meeting: Meeting, meeting_spec: MeetingSpec, spec: MinutesSpec, ends_at: datetime.datetime
    ) -> None:
        status = spec.status
        if Minutes.objects.filter(meeting=meeting, edition=1).approved().exists():
            # Approved minutes are the record and frozen: a later run (another day, other
            # computed dates) leaves them as they are.
            self.unchanged += 1
            return
        circulated_at = approved_at = None
        latest = self.anchor - datetime.timedelta(days=1)
        if status != "draft":
            circulated_at = min(ends_at + datetime.timedelta(days=3), latest)
        if status == "approved":
            approved_at = max(min(ends_at + datetime.timedelta(days=14), latest), circulated_at)
        self.upsert(
            Minutes,
            {"meeting": meeting, "edition": 1},
            {
                "text": self.data.minutes_text(meeting_spec),
                "status": status,
                "version": spec.version,
                "level": spec.level,
                "circulated_at": circulated_at,
                "approved_at": approved_at,
                "approved_by": self.secretariat_user if status == "approved" else None,
            },
        )

    # --- Documents -------------------------------------------------------------------

    def document(
        self,
        spec: DocumentSpec,
        *,
        lookup: dict[str, Any],
        extra: dict[str, Any],
        originals: dict[str, Document],
    ) -> Document:
        """Return the document, creating it with its file once; later runs update its details, never the file."""
        values = {
            **extra,
            "language": spec.language,
            "level": spec.level,
            "original": originals[spec.translation_of] if spec.translation_of else None,
            "translation_status": spec.translation_status,
        }
        if Document.objects.filter(**lookup).exists():
            return self.upsert(Document, lookup, values)
        content = self.data.document_text(spec).encode()
        document = Document(
            **lookup,
            **values,
            original_filename=spec.file,
            content_type="text/plain",
            size=len(content),
            checksum=hashlib.sha256(content).hexdigest(),
        )
        document.file.save(spec.file, ContentFile(content), save=False)
        document.full_clean()
        document.save()
        self.created += 1
        self.files += 1
        return document

    def load_body_documents(self) -> None:
        originals: dict[str, Document] = {}
        for spec in self.data.body_documents:
            body = self.bodies[spec.body] if spec.body else None
            originals[spec.title] = self.document(
                spec,
                lookup={"meeting": None, "group": body, "title": spec.title},
                extra={"agenda_item": None},
                originals=originals,
            )

    # --- Plans and recommendations ---------------------------------------------------

    def load_work_plans(self) -> None:
        shared = self.data.work_plan
        short_names = {spec.slug: spec.short_name for spec in self.data.bodies}
        for slug, items in self.data.work_plans.items():
            plan = self.upsert(
                WorkPlan,
                {"group": self.bodies[slug], "period_start": shared.period_start},
                {
                    **columns(
                        title=fill(shared.title, "body", short_names[slug]),
                        summary=fill(shared.summary, "body", short_names[slug]),
                    ),
                    "period_end": shared.period_end,
                },
            )
            for order, item in enumerate(items, start=1):
                row = self.upsert(
                    WorkPlanItem,
                    {"plan": plan, "order": order},
                    {
                        **columns(title=item.title, description=item.description),
                        "status": item.status,
                        "due_year": item.due_year,
                        "due_quarter": item.due_quarter,
                    },
                )
                row.meetings.set([self.meetings[m] for m in item.meetings])
                self.tasks[slug, order] = row

    def load_recommendations(self) -> None:
        pillars = {p.number: p for p in Pillar.objects.all()}
        themes = {t.slug: t for t in Theme.objects.all()}
        adopted_by_silence = set(
            SilenceProcedure.objects.filter(status="adopted").values_list("recommendation__code", flat=True)
        )
        for index, spec in enumerate(self.data.recommendations):
            meeting = self.meetings[spec.adopted_at] if spec.adopted_at else None
            adoption = {
                "status": "adopted" if meeting else "draft",
                "adopted_at": meeting,
                "adopted_on": meeting.local_starts_at.date() if meeting else None,
            }
            recommendation = self.upsert(
                Recommendation,
                {"code": spec.code},
                {
                    **columns(title=spec.title, text=spec.text),
                    "group": self.bodies[spec.body],
                    # A draft the closing job adopted by silence stays adopted.
                    **({} if spec.code in adopted_by_silence else adoption),
                },
            )
            # The pillars and themes come from a data migration; a missing one is a broken database.
            recommendation.pillars.set([pillars[number] for number in spec.pillars])
            recommendation.themes.set([themes[slug] for slug in spec.themes])
            if meeting is None:
                continue
            for order, reservation in enumerate(spec.reservations, start=1):
                self.upsert(
                    Reservation,
                    {"recommendation": recommendation, "order": order},
                    {
                        **columns(text=reservation.text),
                        "kind": reservation.kind,
                        "country": self.countries[reservation.country] if reservation.country else None,
                        "organization": (
                            self.organizations[reservation.organization] if reservation.organization else None
                        ),
                        "is_public": reservation.public,
                    },
                )
            cycle = self.data.implementation_cycle
            histories = self.data.implementation_histories.get(spec.code, {})
            for offset, code in enumerate(self.data.member_states):
                status = cycle[(index + offset) % len(cycle)]
                note = self.data.implementation_notes.get(status)
                single = ReportSpec(
                    status=status,
                    days_after=self.data.implementation_report_days,
                    reported_by="secretariat",
                    note={settings.MODELTRANSLATION_DEFAULT_LANGUAGE: note} if note else {},
                )
                for report in histories.get(code) or (single,):
                    self.report(recommendation, self.countries[code], report)

    def report(self, recommendation: Recommendation, country: Country, spec: ReportSpec) -> None:
        """Record a report through the service once; reports are the record, so a later run leaves them alone."""
        as_of = recommendation.adopted_on + datetime.timedelta(days=spec.days_after)
        if as_of > self.today:
            return  # Not due yet: a report says where things stood.
        if ImplementationReport.objects.filter(recommendation=recommendation, country=country, as_of=as_of).exists():
            self.unchanged += 1
            return
        report_implementation(
            recommendation=recommendation,
            country=country,
            status=spec.status,
            as_of=as_of,
            reported_by=spec.reported_by,
            source=spec.source,
            note=spec.note,
            by=self.secretariat_user,
        )
        self.created += 1

    # --- Roadmaps ----------------------------------------------------------------------

    def load_roadmaps(self) -> None:
        for spec in self.data.roadmaps:
            roadmap = self.upsert(
                Roadmap,
                {"slug": spec.slug},
                {
                    **columns(title=spec.title, description=spec.description),
                    "period_start": spec.period_start,
                    "period_end": spec.period_end,
                    "status": spec.status,
                },
            )
            roadmap.countries.set([self.countries[code] for code in spec.countries])
            roadmap.organizations.set([self.organizations[slug] for slug in spec.organizations])
            for order, item in enumerate(spec.items, start=1):
                row = self.upsert(
                    RoadmapItem,
                    {"roadmap": roadmap, "order": order},
                    {
                        **columns(title=item.title, description=item.description),
                        "status": item.status,
                        "due_year": item.due_year,
                        "due_quarter": item.due_quarter,
                    },
                )
                row.work_plan_items.set([self.tasks[task.body, task.item] for task in item.tasks])
                row.meetings.set([self.meetings[slug] for slug in item.meetings])

    # --- The record between meetings ---------------------------------------------------

    def moment(self, days: int, at: datetime.time) -> datetime.datetime:
        """Return a moment `days` from today at `at` in the Council's zone (the same all day, as the anchor)."""
        day = self.today + datetime.timedelta(days=days)
        return datetime.datetime.combine(day, at, tzinfo=ZoneInfo(settings.TIME_ZONE))

    def load_silence_procedure(self, spec: SilenceSpec) -> None:
        if spec.minutes_of:
            text = {"minutes": Minutes.objects.filter(meeting=self.meetings[spec.minutes_of]).order_by("-edition")[0]}
            ready = text["minutes"].status == Minutes.Status.CIRCULATED
        else:
            text = {"recommendation": Recommendation.objects.get(code=spec.recommendation)}
            ready = text["recommendation"].status == Recommendation.Status.DRAFT
        if SilenceProcedure.objects.filter(**text).exclude(status=spec.status).exists() or not ready:
            # The demo moved on (the closing job adopted the text, say): the record stays as it is.
            self.unchanged += 1
            return
        closed_at = self.moment(spec.broken_days, datetime.time(11)) if spec.broken_days is not None else None
        procedure = self.upsert(
            SilenceProcedure,
            {**text, "status": spec.status},
            {
                "deadline": self.moment(spec.deadline_days, spec.deadline_at),
                "started_at": self.moment(spec.started_days, datetime.time(10)),
                "started_by": self.secretariat_user,
                "closed_at": closed_at,
            },
        )
        if spec.broken_by is not None:
            self.upsert(
                SilenceBreak,
                {"procedure": procedure},
                {"member": self.people[spec.broken_by], "broken_at": closed_at, "reason": spec.reason},
            )

    def load_redaction(self, spec: RedactionSpec) -> None:
        minutes = Minutes.objects.approved().get(meeting=self.meetings[spec.minutes_of], edition=1)
        if spec.passage not in minutes.text:
            raise ValueError(f"The minutes of {spec.minutes_of} do not contain {spec.passage!r}.")
        self.upsert(
            Redaction,
            {"minutes": minutes, "passage": spec.passage},
            {"reason": spec.reason, "marked_by": self.secretariat_user},
        )

    def load_amendment(self, spec: AmendmentSpec) -> None:
        editions = list(Minutes.objects.filter(meeting=self.meetings[spec.minutes_of]).order_by("edition"))
        if len(editions) > 1:
            self.unchanged += 1  # Amended once: the record stays as it is.
            return
        first = editions[0]
        if spec.replace not in first.text or not first.is_frozen:
            raise ValueError(f"The approved minutes of {spec.minutes_of} do not contain {spec.replace!r}.")
        approved_at = self.moment(spec.approved_days, datetime.time(12))
        # Written whole, approved: the workflow's services would e-mail every reader of the demo.
        amendment = Minutes(
            meeting=first.meeting,
            edition=2,
            amends=first,
            amendment_reason=spec.reason,
            text=first.text.replace(spec.replace, spec.by),
            level=first.level,
            status=Minutes.Status.APPROVED,
            circulated_at=approved_at - datetime.timedelta(days=3),
            approved_at=approved_at,
            approved_by=self.secretariat_user,
        )
        amendment.full_clean()
        amendment.save()
        self.created += 1

    def load_forwarded_matter(self, spec: ForwardSpec) -> None:
        source = AgendaItem.objects.get(meeting=self.meetings[spec.item_of], order=spec.agenda_order)
        if ForwardedMatter.objects.filter(source_item=source).exists():
            self.unchanged += 1  # Forwarded, placed and decided: the record stays as it is.
            return
        body = self.meetings[spec.item_of].body
        matter = ForwardedMatter(
            source_item=source,
            forwarded_by=body,
            forwarded_on=self.today + datetime.timedelta(days=spec.forwarded_days),
            note=spec.note,
            created_by=self.secretariat_user,
        )
        if spec.placed_on is not None:
            # As services.place_forwarded_matter does, whose meeting must be still to come.
            target = self.meetings[spec.placed_on]
            item = AgendaItem(
                meeting=target,
                order=(AgendaItem.objects.filter(meeting=target).aggregate(last=models.Max("order"))["last"] or 0) + 1,
                level=source.level,
                minutes_allotted=source.minutes_allotted,
                **{f"title_{code}": getattr(source, f"title_{code}") for code in settings.MODELTRANSLATION_LANGUAGES},
                **{f"description_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}": spec.note},
            )
            item._change_reason = f"Forwarded by {body}: {source.title}"[:100]
            item.full_clean()
            item.save()
            matter.placed_item, matter.status = item, ForwardedMatter.Status.PLACED
            matter.placed_at = self.moment(spec.forwarded_days + 1, datetime.time(9))
        if spec.decision:
            matter.status, matter.decision = ForwardedMatter.Status.DECIDED, spec.decision
            matter.decided_at = min(self.meetings[spec.placed_on].ends_at, self.anchor)
        matter.full_clean()
        matter.save()
        self.created += 2 if spec.placed_on else 1

    # --- News ------------------------------------------------------------------------

    def load_news(self) -> None:
        for spec in self.data.news:
            if spec.days_from_today is None:
                published_at = spec.published_at
            else:
                # Counted from midnight today, so a second run on the same day changes nothing.
                published_at = self.anchor + datetime.timedelta(
                    days=spec.days_from_today, hours=spec.at.hour, minutes=spec.at.minute
                )
            self.upsert(
                NewsItem,
                {"slug": spec.slug},
                {
                    **columns(title=spec.title, lead=spec.lead, body=spec.body),
                    "status": spec.status,
                    "published_at": published_at,
                    "author": self.secretariat_user,
                },
            )


def _originals_of(model: type[models.Model], changed: list[str]) -> list[str]:
    """Return the translated fields whose default-language column is among `changed`, e.g. "title" for "title_en".

    The original column keeps a copy of the default language; saving it too keeps that copy current.
    """
    try:
        translated = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    suffix = f"_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    originals = (name[: -len(suffix)] for name in changed if name.endswith(suffix))
    return [name for name in originals if name in translated]


def _differs(obj: models.Model, name: str, value: Any) -> bool:
    """Return whether setting `name` to `value` would change `obj`, comparing foreign keys by id."""
    field = obj._meta.get_field(name)
    if field.is_relation and field.concrete:
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def _write_password_file(path: Path, password: str) -> None:
    """Write `password` to `path`, readable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)  # An existing file would otherwise keep its old mode.
        handle.write(password + "\n")


class Command(BaseCommand):
    help = (
        "Load the Council's bodies, member states, organisers, partners, 2024 meetings and news in English, Russian "
        "and Uzbek, plus clearly labelled sample meetings, news, people and demo accounts. Running it again updates "
        "rather than duplicates. "
        "The demo accounts' password comes from DEMO_PASSWORD, or is generated once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        env_password = os.environ.get("DEMO_PASSWORD") or None
        seeder = Seeder(data=load(), today=timezone.localdate())
        with transaction.atomic():
            seeder.run()
            generated = self.set_passwords(seeder, env_password)
        if generated:
            path = Path(settings.BASE_DIR) / PASSWORD_FILE_NAME
            _write_password_file(path, generated)
            self.stdout.write(self.style.WARNING(f"Demo password for all demo accounts: {generated}"))
            self.stdout.write(f"It was also written to {path} (readable by you only; git ignores it).")
        self.report(seeder)

    def set_passwords(self, seeder: Seeder, env_password: str | None) -> str | None:
        """Give the demo accounts their password; return it if it was generated here."""
        usernames = ", ".join(user.username for user in seeder.users)
        if env_password is not None:
            try:
                validate_password(env_password)
            except ValidationError as error:
                self.stdout.write(self.style.WARNING("DEMO_PASSWORD is weak: " + " ".join(error.messages)))
            for user in seeder.users:
                if not user.check_password(env_password):
                    user.set_password(env_password)
                    user.save(update_fields=["password"])
            self.stdout.write(f"Demo accounts ({usernames}) use the password from DEMO_PASSWORD.")
            return None
        needing = [user for user in seeder.users if not user.has_usable_password()]
        if not needing:
            self.stdout.write(f"Demo accounts ({usernames}) already exist: their password was left unchanged.")
            return None
        password = secrets.token_urlsafe(12)
        for user in needing:
            user.set_password(password)
            user.save(update_fields=["password"])
        kept = [user.username for user in seeder.users if user not in needing]
        if kept:
            self.stdout.write(f"Existing demo accounts ({', '.join(kept)}) kept their password.")
        return password

    def report(self, seeder: Seeder) -> None:
        """Print how many rows of each kind exist, and what this run did."""
        user_model = get_user_model()
        rows = [
            ("Countries", Country.objects.count()),
            ("Organisations", Organization.objects.count()),
            ("Bodies", WorkingGroup.objects.count()),
            ("Members", Member.objects.count()),
            ("Memberships", Membership.objects.count()),
            ("Demo accounts", user_model._default_manager.filter(email__endswith="@demo.invalid").count()),
            ("Venues", Venue.objects.count()),
            ("Meetings", Meeting.objects.count()),
            ("Agenda items", AgendaItem.objects.count()),
            ("Participations", Participation.objects.count()),
            ("Attending organisations", MeetingOrganization.objects.count()),
            ("Minutes", Minutes.objects.count()),
            ("Public summaries", PublicSummary.objects.count()),
            ("Documents", Document.objects.count()),
            ("Action items", ActionItem.objects.count()),
            ("Work plans", WorkPlan.objects.count()),
            ("Work plan items", WorkPlanItem.objects.count()),
            ("Recommendations", Recommendation.objects.count()),
            ("Reservations and statements", Reservation.objects.count()),
            ("Implementation statuses", Implementation.objects.count()),
            ("Implementation reports", ImplementationReport.objects.count()),
            ("Roadmaps", Roadmap.objects.count()),
            ("Roadmap items", RoadmapItem.objects.count()),
            ("Silence procedures", SilenceProcedure.objects.count()),
            ("Forwarded matters", ForwardedMatter.objects.count()),
            ("News items", NewsItem.objects.count()),
        ]
        width = max(len(label) for label, _count in rows)
        for label, count in rows:
            self.stdout.write(f"  {label.ljust(width)}  {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {seeder.created} rows created ({seeder.files} files written), "
                f"{seeder.updated} updated, {seeder.unchanged} unchanged."
            )
        )
