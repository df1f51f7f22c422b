"""The Council's bodies, who sits on them, what they plan and what they recommend."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from members.models import Country, Member, Organization


def due_label(year: int | None, quarter: int | None) -> str:
    """Return "Q3 2025" for a quarter, "2025" for a year alone, "" for neither."""
    if year and quarter:
        return f"Q{quarter} {year}"
    return str(year or "")


def due_quarter_constraints(prefix: str) -> list[models.BaseConstraint]:
    """Return the checks of a due year and quarter (work-plan and roadmap items), named with `prefix`."""
    return [
        models.CheckConstraint(
            condition=Q(due_quarter__isnull=True) | Q(due_quarter__gte=1, due_quarter__lte=4),
            name=f"{prefix}_quarter_range",
            violation_error_message=_("The quarter is 1, 2, 3 or 4."),
        ),
        models.CheckConstraint(
            condition=Q(due_quarter__isnull=True) | Q(due_year__isnull=False),
            name=f"{prefix}_quarter_needs_year",
            violation_error_message=_("Give the year of the due quarter."),
        ),
    ]


class WorkingGroupQuerySet(models.QuerySet):
    def active(self) -> WorkingGroupQuerySet:
        """Return bodies that currently work."""
        return self.filter(is_active=True)


class WorkingGroup(TimeStampedModel):
    """A body of the Council: the Executive Committee or one of the lettered working groups."""

    class Kind(models.TextChoices):
        EXECUTIVE = "executive", _("Executive Committee")
        WORKING_GROUP = "working_group", _("Working group")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKING_GROUP)
    letter = models.CharField(
        _("letter"),
        max_length=1,
        blank=True,
        help_text=_("The working group's letter, a to d. Leave empty for the Executive Committee."),
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=60, help_text=_("Used in menus and badges, e.g. “Working Group (a)”.")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_("Used in the page address."))
    mandate = models.TextField(_("mandate"), blank=True, help_text=_("Public text: what the body is charged with."))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Position in lists."))
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["order", "letter", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter"],
                condition=~Q(letter=""),
                name="workinggroups_unique_letter",
                violation_error_message=_("Another working group already has this letter."),
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="executive"),
                name="workinggroups_one_executive",
                violation_error_message=_("There is already an Executive Committee."),
            ),
            models.CheckConstraint(
                condition=(Q(kind="executive") & Q(letter=""))
                | (Q(kind="working_group") & Q(letter__regex=r"^[a-z]$")),
                name="workinggroups_letter_matches_kind",
                violation_error_message=_("A working group has a lower-case letter; the Executive Committee has none."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("publicsite:group", kwargs={"slug": self.slug})

    @property
    def is_executive(self) -> bool:
        return self.kind == self.Kind.EXECUTIVE


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Return memberships whose term covers the given day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day))


class Membership(TimeStampedModel):
    """A person's seat on a body, with a role and a term."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(_("term starts"), default=timezone.localdate)
    end_date = models.DateField(
        _("term ends"), null=True, blank=True, help_text=_("Leave empty for an open-ended term.")
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group__order", "role", "member__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="workinggroups_membership_term_order",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["member", "group", "start_date"],
                name="workinggroups_membership_unique_term",
                violation_error_message=_("This person already has a term on this body starting that day."),
            ),
        ]
        indexes = [models.Index(fields=["member", "start_date", "end_date"], name="wg_membership_term")]

    def __str__(self) -> str:
        return f"{self.member} — {self.group} ({self.get_role_display()})"


class WorkPlan(TimeStampedModel):
    """A body's plan of work for a period, such as 2024–2025."""

    group = models.ForeignKey(WorkingGroup, verbose_name=_("body"), on_delete=models.CASCADE, related_name="work_plans")
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    summary = models.TextField(_("summary"), blank=True, help_text=_("Public text."))

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["group__order", "-period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=F("period_start")),
                name="workinggroups_workplan_period_order",
                violation_error_message=_("The period must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["group", "period_start"],
                name="workinggroups_workplan_unique_period",
                violation_error_message=_("This body already has a work plan starting that day."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.group.get_absolute_url() + "#work-plan"


class WorkPlanItemQuerySet(models.QuerySet):
    def public(self) -> WorkPlanItemQuerySet:
        """Return the items of the plans of bodies that still work: those whose body has a public page."""
        return self.filter(plan__group__is_active=True)


class WorkPlanItem(TimeStampedModel):
    """One task in a work plan, with its status and the quarter it is due."""

    # Saved with its plan (core.concurrency): locked after it.
    locked_after = ("plan",)

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    due_year = models.PositiveSmallIntegerField(_("due year"), null=True, blank=True)
    due_quarter = models.PositiveSmallIntegerField(
        _("due quarter"), null=True, blank=True, choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting",
        verbose_name=_("linked meetings"),
        blank=True,
        related_name="work_plan_items",
        help_text=_("Meetings where this task was discussed or delivered."),
    )

    objects = WorkPlanItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("work plan item")
        verbose_name_plural = _("work plan items")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "order"],
                name="workinggroups_workplanitem_unique_order",
                violation_error_message=_("Another item of this plan has the same order number."),
            ),
            *due_quarter_constraints("workinggroups_workplanitem"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def due_label(self) -> str:
        return due_label(self.due_year, self.due_quarter)


class Pillar(models.Model):
    """One of the four pillars of the UN Global Counter-Terrorism Strategy."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("UN GCTS pillar")
        verbose_name_plural = _("UN GCTS pillars")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Theme(models.Model):
    """A theme of the Council's work: prosecution, rehabilitation, reintegration or repatriation."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RecommendationQuerySet(models.QuerySet):
    def adopted(self) -> RecommendationQuerySet:
        """Return recommendations adopted by consensus and not withdrawn."""
        return self.filter(status=Recommendation.Status.ADOPTED)

    def public(self) -> RecommendationQuerySet:
        """Return adopted recommendations of bodies that still work: what the public pages show."""
        return self.adopted().filter(group__is_active=True)


class Recommendation(TimeStampedModel):
    """A recommendation or proposed solution a body adopted by consensus."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("body"), on_delete=models.PROTECT, related_name="recommendations"
    )
    code = models.CharField(_("reference"), max_length=30, unique=True, help_text=_("e.g. REC-A-2024-01."))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    adopted_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("adopted at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_recommendations",
        help_text=_("The meeting where consensus was reached."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    pillars = models.ManyToManyField(
        Pillar, verbose_name=_("UN GCTS pillars"), blank=True, related_name="recommendations"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="recommendations")

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-adopted_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="workinggroups_recommendation_adopted_has_date",
                violation_error_message=_("An adopted recommendation needs the date of adoption."),
            ),
        ]
        indexes = [models.Index(fields=["status", "group"], name="wg_rec_status_group")]

    def clean(self) -> None:
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.adopted_on and self.adopted_on > today:
            errors["adopted_on"] = _("A recommendation cannot be adopted on a day still to come.")
        meeting = self.adopted_at if self.adopted_at_id else None
        if meeting is not None:
            if meeting.starts_at > timezone.now():
                errors["adopted_at"] = _("This meeting has not been held yet; record the adoption once it has.")
            elif self.adopted_on and self.adopted_on < timezone.localdate(meeting.starts_at):
                errors["adopted_on"] = _("The date of adoption cannot be before the meeting it was adopted at.")
        if errors:
            raise ValidationError(errors)

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("publicsite:recommendation", kwargs={"code": self.code})


class ReservationQuerySet(models.QuerySet):
    def public(self) -> ReservationQuerySet:
        """Return the reservations and statements made public: the only ones a public page or the API may show."""
        return self.filter(is_public=True)


class Reservation(TimeStampedModel):
    """A reservation, statement or interpretation a country or an organisation placed on the consensus."""

    # Saved with its recommendation (core.concurrency): locked after it.
    locked_after = ("recommendation",)

    class Kind(models.TextChoices):
        RESERVATION = "reservation", _("Reservation")
        STATEMENT = "statement", _("Statement")
        INTERPRETATION = "interpretation", _("Interpretative statement")

    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="reservations"
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, help_text=_("Position in the record of the consensus, as the statements were made.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESERVATION)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reservations",
        help_text=_("The state that made it. Leave empty when an organisation made it."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reservations",
        help_text=_("The organisation that made it. Leave empty when a state made it."),
    )
    text = models.TextField(_("text"), help_text=_("As recorded when consensus was reached."))
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Shown, attributed, on the recommendation's public page and in the open data. Leave unticked for "
            "what was said for the record only."
        ),
    )

    objects = ReservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("reservation or statement")
        verbose_name_plural = _("reservations and statements")
        ordering = ["recommendation", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, organization__isnull=True)
                | Q(country__isnull=True, organization__isnull=False),
                name="workinggroups_reservation_one_author",
                violation_error_message=_("Attribute it to a country or to an organisation: exactly one of the two."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.author}"

    @property
    def author(self) -> Country | Organization | None:
        """Return the country or organisation that made it."""
        return self.country or self.organization


class Implementation(TimeStampedModel):
    """How far one country has implemented one recommendation: the latest of its reports.

    Written only by `workinggroups.services.report_implementation`, which appends the report
    (ImplementationReport, the history) and updates this row in the same transaction.
    """

    # Saved with its recommendation (core.concurrency): locked after it.
    locked_after = ("recommendation",)

    class Status(models.TextChoices):
        NO_INFORMATION = "no_information", _("No information")
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        IMPLEMENTED = "implemented", _("Implemented")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="implementations"
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="implementations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NO_INFORMATION)
    as_of = models.DateField(_("as of"), help_text=_("The day of the latest report."))
    note = models.TextField(_("note"), blank=True, help_text=_("Public text: what has been done, with sources."))

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("implementation status")
        verbose_name_plural = _("implementation by country")
        ordering = ["recommendation", "country__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "country"],
                name="workinggroups_implementation_unique_country",
                violation_error_message=_("This country already has a status for this recommendation."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.code} — {self.country}: {self.get_status_display()}"


class ImplementationReport(models.Model):
    """One report of a country's implementation of a recommendation as of a day; the reports are its history.

    Reports are appended, never edited: a mistake is corrected by a later report with the same
    date (of two reports of one day, the one recorded last is current).
    """

    class Reporter(models.TextChoices):
        REPRESENTATIVE = "representative", _("The country's representative")
        SECRETARIAT = "secretariat", _("The secretariat")

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="implementation_reports",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="implementation_reports"
    )
    status = models.CharField(_("status"), max_length=20, choices=Implementation.Status.choices)
    as_of = models.DateField(_("as of"), help_text=_("The day the country was at this status, as reported."))
    reported_by = models.CharField(
        _("reported by"), max_length=20, choices=Reporter.choices, default=Reporter.REPRESENTATIVE
    )
    representative = models.ForeignKey(
        Member,
        verbose_name=_("representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implementation_reports",
        help_text=_("The person who reported it for the country, if known. Never shown publicly."),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Public: where the status comes from, e.g. a national report, a letter, a statement at a meeting."),
    )
    source_url = models.URLField(_("source address"), blank=True, help_text=_("Public: a link to the source, if any."))
    note = models.TextField(_("note"), blank=True, help_text=_("Public text: what has been done."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        # The newest first: the first report of a country is its current status.
        ordering = ["recommendation", "country", "-as_of", "-recorded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(representative__isnull=True) | Q(reported_by="representative"),
                name="workinggroups_report_representative_reports",
                violation_error_message=_(
                    "Name a representative only for a report made by the country's representative."
                ),
            ),
        ]
        indexes = [models.Index(fields=["recommendation", "country", "as_of"], name="wg_report_history")]

    def __str__(self) -> str:
        return f"{self.country}: {self.get_status_display()} ({self.as_of:%Y-%m-%d})"


# --- Roadmaps ------------------------------------------------------------------------------


class RoadmapQuerySet(models.QuerySet):
    def public(self) -> RoadmapQuerySet:
        """Return the roadmaps the public pages show: all but drafts."""
        return self.exclude(status=Roadmap.Status.DRAFT)


class Roadmap(TimeStampedModel):
    """A plan of cooperation the Council's work carries out, such as the Uzbekistan–UNOCT Roadmap 2024–2025."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Under way")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the page address."))
    countries = models.ManyToManyField(Country, verbose_name=_("parties: states"), blank=True, related_name="roadmaps")
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("parties: organisations"), blank=True, related_name="roadmaps"
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("A draft is not shown publicly."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Public text."))

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=F("period_start")),
                name="workinggroups_roadmap_period_order",
                violation_error_message=_("The period must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("publicsite:roadmap", kwargs={"slug": self.slug})

    @property
    def years_label(self) -> str:
        """Return "2024–2025" when the period is whole calendar years, else "" (the page shows the two days)."""
        start, end = self.period_start, self.period_end
        if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
            return ""
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"


class RoadmapItem(TimeStampedModel):
    """One commitment of a roadmap, with its status, the quarter it is due, and the work that advanced it."""

    # Saved with its roadmap (core.concurrency): locked after it.
    locked_after = ("roadmap",)

    Status = WorkPlanItem.Status

    roadmap = models.ForeignKey(Roadmap, verbose_name=_("roadmap"), on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Public text."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    due_year = models.PositiveSmallIntegerField(_("due year"), null=True, blank=True)
    due_quarter = models.PositiveSmallIntegerField(
        _("due quarter"), null=True, blank=True, choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    work_plan_items = models.ManyToManyField(
        WorkPlanItem,
        verbose_name=_("work plan items"),
        blank=True,
        related_name="roadmap_items",
        help_text=_("The working groups' tasks that carry this item out."),
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting",
        verbose_name=_("meetings"),
        blank=True,
        related_name="roadmap_items",
        help_text=_("Meetings that advanced this item. Only public meetings are listed on the public page."),
    )

    class Meta:
        verbose_name = _("roadmap item")
        verbose_name_plural = _("roadmap items")
        ordering = ["roadmap", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "order"],
                name="workinggroups_roadmapitem_unique_order",
                violation_error_message=_("Another item of this roadmap has the same order number."),
            ),
            *due_quarter_constraints("workinggroups_roadmapitem"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def due_label(self) -> str:
        return due_label(self.due_year, self.due_quarter)
