"""Meetings and everything that hangs on them: agendas, participants, minutes, summaries, documents, actions.

Every confidential object carries a `Level`; who may see what is decided only in
`meetings.access`, which the `visible_to(user)` queryset methods here delegate to.
"""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Language, TimeStampedModel, TimeZoneField
from core.publishing import PublicationQuerySet
from meetings import access

# The record between meetings lives in modules of its own (this one would pass 900 lines);
# imported here, their models belong to this app.
from meetings.forwarding import ForwardedMatter  # noqa: F401
from meetings.levels import LEVEL_HELP, Level
from meetings.overdue import OPEN_STATUSES, local_today, overdue_q
from meetings.silence import SilenceBreak, SilenceProcedure  # noqa: F401
from members.models import Country, Member, Organization
from workinggroups.models import WorkingGroup


class VisibleQuerySet(models.QuerySet):
    """A queryset whose rows carry a confidentiality level."""

    def visible_to(self, user) -> models.QuerySet:
        """Return only the rows `user` is cleared to see."""
        return access.filter_visible(self, user)


class Venue(TimeStampedModel):
    """A place where meetings are held."""

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("Shown to invited participants only.")
    )
    city = models.CharField(_("city"), max_length=100)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="venues")
    time_zone = TimeZoneField(_("time zone"), help_text=_("The venue's local time, named by a city in the same zone."))

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "city"],
                name="meetings_venue_unique_name_city",
                violation_error_message=_("A venue of this name already exists in this city."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"


class MeetingQuerySet(VisibleQuerySet):
    def upcoming(self, now: datetime | None = None) -> MeetingQuerySet:
        """Return meetings that have not ended, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now: datetime | None = None) -> MeetingQuerySet:
        """Return meetings that have ended, latest first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def dated(self) -> MeetingQuerySet:
        """Return meetings that have a date: not those postponed to a date still to be announced."""
        return self.exclude(status=Meeting.Status.POSTPONED, date_to_be_announced=True)

    def public(self) -> MeetingQuerySet:
        """Return meetings anyone may see."""
        return access.filter_visible(self, None)


class Meeting(TimeStampedModel):
    """A meeting of the Council or one of its bodies, in person, online or both."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary meeting of the Council")
        REGULAR = "regular", _("Regular meeting")
        EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
        WORKSHOP = "workshop", _("Workshop or training")
        CONSULTATION = "consultation", _("Consultation")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the page address."))
    body = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("The body that meets. Leave empty for a plenary meeting of the whole Council."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    level = models.CharField(
        _("confidentiality"), max_length=20, choices=Level.choices, default=Level.GROUP, help_text=LEVEL_HELP
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = TimeZoneField(
        _("time zone"), help_text=_("The meeting's local time, named by a city in that zone; usually the venue's.")
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Leave empty for a meeting held only online."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Video-conference link. Shown only to invited participants, never publicly."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Shown at the meeting's level."))
    # Set only by the postpone and cancel steps (meetings.scheduling), which tell the participants.
    date_to_be_announced = models.BooleanField(
        _("new date to be announced"), default=False, help_text=_("Postponed without a new date yet.")
    )
    postponement_reason = models.TextField(_("reason for postponing"), blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    attending_organizations = models.ManyToManyField(
        Organization,
        through="MeetingOrganization",
        verbose_name=_("attending organisations"),
        blank=True,
        related_name="meetings",
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meetings_meeting_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(level="group") | Q(body__isnull=False),
                name="meetings_meeting_group_level_needs_body",
                violation_error_message=_(
                    "A plenary meeting has no body, so it cannot be at Group level: choose another level."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["level", "starts_at"], name="meetings_level_start"),
            models.Index(fields=["body", "starts_at"], name="meetings_body_start"),
            models.Index(fields=["ends_at"], name="meetings_meeting_ends"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self) -> datetime:
        """Return the start in the meeting's own time zone."""
        return timezone.localtime(self.starts_at, self.zone)


class AgendaItemQuerySet(VisibleQuerySet):
    pass


class AgendaItem(TimeStampedModel):
    """One item of a meeting's agenda, in order, with its time and presenter."""

    # Saved with its meeting (core.concurrency): locked after it.
    locked_after = ("meeting",)

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(
        _("order"), help_text=_("Items are taken in this order; numbers are unique per meeting.")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    presenter = models.ForeignKey(
        Member,
        verbose_name=_("presenter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presented_items",
    )
    presenter_name = models.CharField(
        _("presenter (free text)"),
        max_length=200,
        blank=True,
        help_text=_("For a presenter who is not in the portal, e.g. a guest speaker."),
    )
    minutes_allotted = models.PositiveSmallIntegerField(
        _("minutes allotted"), default=15, help_text=_("Used to compute each item's start time.")
    )
    level = models.CharField(
        _("confidentiality"), max_length=20, choices=Level.choices, default=Level.GROUP, help_text=LEVEL_HELP
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="meetings_agendaitem_unique_order",
                violation_error_message=_("Another item of this agenda has the same order number."),
            ),
            models.CheckConstraint(
                condition=Q(minutes_allotted__lte=24 * 60),
                name="meetings_agendaitem_minutes_within_a_day",
                violation_error_message=_("An agenda item cannot last more than a day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#agenda-{self.pk}"


class Participation(TimeStampedModel):
    """A person's invitation to a meeting, their reply and whether they attended."""

    # Saved with its meeting (core.concurrency): locked after it.
    locked_after = ("meeting",)

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant")
        SPEAKER = "speaker", _("Speaker")
        CHAIR = "chair", _("Chair")
        OBSERVER = "observer", _("Observer")

    class Rsvp(models.TextChoices):
        PENDING = "pending", _("No reply yet")
        ACCEPTED = "accepted", _("Accepted")
        TENTATIVE = "tentative", _("Tentative")
        DECLINED = "declined", _("Declined")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Not recorded")
        IN_PERSON = "in_person", _("Attended in person")
        ONLINE = "online", _("Attended online")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participations"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    invited_at = models.DateTimeField(
        _("invitation sent"), null=True, blank=True, help_text=_("Empty until the invitation has gone out.")
    )
    rsvp = models.CharField(_("reply"), max_length=20, choices=Rsvp.choices, default=Rsvp.PENDING)
    rsvp_mode = models.CharField(_("attends"), max_length=20, choices=Mode.choices, blank=True)
    rsvp_at = models.DateTimeField(_("replied"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.UNKNOWN
    )

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "member__last_name", "member__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                name="meetings_participation_unique_member",
                violation_error_message=_("This person is already on this meeting's list."),
            ),
            models.CheckConstraint(
                condition=Q(rsvp__in=["pending", "declined"]) | ~Q(rsvp_mode=""),
                name="meetings_participation_accept_has_mode",
                violation_error_message=_("Say whether the person attends in person or online."),
            ),
        ]
        indexes = [models.Index(fields=["member", "meeting"], name="meetings_part_member")]

    def __str__(self) -> str:
        return f"{self.member} — {self.meeting}"


class MeetingOrganization(models.Model):
    """An organisation that attended or co-organised a meeting."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        ATTENDING = "attending", _("Attending")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="organizations"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="meeting_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ATTENDING)

    class Meta:
        verbose_name = _("attending organisation")
        verbose_name_plural = _("attending organisations")
        ordering = ["meeting", "role", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"],
                name="meetings_meetingorganization_unique",
                violation_error_message=_("This organisation is already listed for this meeting."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.meeting}"


class MinutesQuerySet(VisibleQuerySet):
    def approved(self) -> MinutesQuerySet:
        return self.filter(status=Minutes.Status.APPROVED)

    def open(self) -> MinutesQuerySet:
        """Return editions still being prepared or circulated (at most one a meeting)."""
        return self.exclude(status=Minutes.Status.APPROVED)


class Minutes(TimeStampedModel):
    """One edition of a meeting's record: drafted by the secretariat, circulated to chairs, approved, then frozen.

    The first edition is the minutes as taken; each correction after approval is an
    amendment, a new edition with its own circulation and approval that names the edition
    it amends. An approved edition never changes: the database refuses it (migration 0008).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated for comments")
        APPROVED = "approved", _("Approved")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="minutes")
    edition = models.PositiveIntegerField(
        _("edition"), default=1, help_text=_("1 for the minutes as taken; each approved amendment adds one.")
    )
    amends = models.OneToOneField(
        "self",
        verbose_name=_("amends"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment",
        help_text=_("The approved edition this amendment corrects."),
    )
    amendment_reason = models.TextField(
        _("reason for the amendment"), blank=True, help_text=_("What is corrected and why, for the readers.")
    )
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Raised each time a new draft circulates.")
    )
    level = models.CharField(
        _("confidentiality"), max_length=20, choices=Level.choices, default=Level.GROUP, help_text=LEVEL_HELP
    )
    circulated_at = models.DateTimeField(_("circulated"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = pgettext_lazy("plural", "minutes")
        ordering = ["-meeting__starts_at", "-edition"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="meetings_minutes_approved_has_time",
                violation_error_message=_("Approved minutes need the time of approval."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(circulated_at__isnull=False),
                name="meetings_minutes_circulated_has_time",
                violation_error_message=_("Circulated minutes need the time they were circulated."),
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="meetings_minutes_version_positive",
                violation_error_message=_("The version starts at 1."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "edition"],
                name="meetings_minutes_one_edition_number",
                violation_error_message=_("This meeting already has minutes of that edition."),
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=~Q(status="approved"),
                name="meetings_minutes_one_open_edition",
                violation_error_message=_("This meeting already has minutes in preparation; finish those first."),
            ),
            models.CheckConstraint(
                condition=(Q(edition=1) & Q(amends__isnull=True)) | (Q(edition__gt=1) & Q(amends__isnull=False)),
                name="meetings_minutes_amendment_names_its_edition",
                violation_error_message=_("An amendment names the edition it amends; the first edition amends none."),
            ),
        ]
        indexes = [models.Index(fields=["status", "approved_at"], name="meetings_minutes_status")]

    def __str__(self) -> str:
        if self.edition > 1:
            return _("Minutes of %(meeting)s, amendment %(number)d") % {
                "meeting": self.meeting,
                "number": self.edition - 1,
            }
        return _("Minutes of %(meeting)s") % {"meeting": self.meeting}

    @property
    def is_frozen(self) -> bool:
        """Return whether this edition is approved, and so can no longer change."""
        return self.status == self.Status.APPROVED

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#minutes"


class Redaction(TimeStampedModel):
    """A passage of approved minutes that must never reach the public: a person's name, a case's details."""

    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="redactions")
    passage = models.TextField(
        _("passage"),
        help_text=_("Copy the words exactly as in the minutes; a summary containing them cannot be published."),
    )
    reason = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("For example: name of an individual, case details.")
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("redacted passage")
        verbose_name_plural = _("redacted passages")
        ordering = ["minutes", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(passage=""),
                name="meetings_redaction_has_passage",
                violation_error_message=_("Copy the passage to redact."),
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.passage).chars(60)


class PublicSummaryQuerySet(PublicationQuerySet):
    def search(self, text: str) -> PublicSummaryQuerySet:
        """Return the summaries matching `text` in any language, best first."""
        from meetings.search import search_summaries

        return search_summaries(self, text)

    def visible_to(self, user) -> PublicSummaryQuerySet:
        """Return published summaries, and drafts too for the secretariat."""
        return access.filter_visible(self, user)


class PublicSummary(TimeStampedModel):
    """A text about a meeting written for the public: prepared from approved minutes, reviewed, then published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEWED = "reviewed", _("Reviewed")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="public_summary"
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    text = models.TextField(_("text"), help_text=_("Public text. Write nothing here that is not meant for everyone."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    source_minutes = models.ForeignKey(
        "Minutes",
        verbose_name=_("prepared from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="summaries",
        help_text=_("The approved edition of the minutes this summary was prepared from."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    early_publication_reason = models.TextField(
        _("reason to publish before the minutes are approved"),
        blank=True,
        help_text=_("Needed only to publish while the meeting's minutes are not yet approved."),
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = PublicSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("public summary")
        verbose_name_plural = _("public summaries")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="meetings_summary_published_has_time",
                violation_error_message=_("A published summary needs its publication time."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(reviewed_at__isnull=False),
                name="meetings_summary_reviewed_has_time",
                violation_error_message=_("A reviewed or published summary needs the time of its review."),
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="meetings_summary_pub")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:summary", kwargs={"slug": self.slug})


def document_upload_to(instance: Document, filename: str) -> str:
    # The stored name carries no title and cannot be guessed; files are served only
    # through the checked download view, never from MEDIA_URL.
    suffix = filename.rsplit(".", 1)[-1].lower()[:10] if "." in filename else "bin"
    return f"documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class DocumentQuerySet(VisibleQuerySet):
    pass


class Document(TimeStampedModel):
    """A file for the Council's work: a meeting paper, a presentation, a plan, or a translation of one."""

    # Saved with its meeting (core.concurrency): locked after it.
    locked_after = ("meeting",)

    class TranslationStatus(models.TextChoices):
        ORIGINAL = "original", _("Original")
        PENDING = "pending", _("Translation pending")
        TRANSLATED = "translated", _("Translated")
        VERIFIED = "verified", _("Translation verified")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=200)
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    checksum = models.CharField(
        _("SHA-256 checksum"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Proves the file was not altered."),
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH)
    original = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("For a translation: the document it was translated from."),
    )
    translation_status = models.CharField(
        _("translation status"), max_length=20, choices=TranslationStatus.choices, default=TranslationStatus.ORIGINAL
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Optional: the agenda item of the same meeting this paper belongs to."),
    )
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("For a document not tied to a meeting (e.g. a work plan): the body it belongs to."),
    )
    level = models.CharField(
        _("confidentiality"), max_length=20, choices=Level.choices, default=Level.GROUP, help_text=LEVEL_HELP
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(level="restricted") | Q(meeting__isnull=False),
                name="meetings_document_restricted_needs_meeting",
                violation_error_message=_("A restricted document belongs to a meeting, whose participants may see it."),
            ),
            models.CheckConstraint(
                condition=~Q(level="group") | Q(meeting__isnull=False) | Q(group__isnull=False),
                name="meetings_document_group_level_needs_body",
                violation_error_message=_("A Group-level document needs a meeting or a body."),
            ),
            models.CheckConstraint(
                condition=Q(agenda_item__isnull=True) | Q(meeting__isnull=False),
                name="meetings_document_agenda_item_needs_meeting",
                violation_error_message=_("A document on an agenda item belongs to that item's meeting."),
            ),
            models.CheckConstraint(
                condition=Q(translation_status="original", original__isnull=True)
                | (~Q(translation_status="original") & Q(original__isnull=False)),
                name="meetings_document_translation_has_original",
                violation_error_message=_("A translation names its original; an original names none."),
            ),
        ]
        indexes = [models.Index(fields=["meeting", "level"], name="meetings_doc_meeting_level")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:document", kwargs={"uuid": self.uuid})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.agenda_item_id and self.meeting_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("Choose an agenda item of this document's meeting.")})
        if self.original_id and self.original_id == self.pk:
            raise ValidationError({"original": _("A document cannot be a translation of itself.")})
        if self.meeting_id and self.group_id and self.meeting.body_id != self.group_id:
            raise ValidationError({"group": _("Leave the body empty: the meeting's body applies.")})


class ActionItemQuerySet(VisibleQuerySet):
    def open(self) -> ActionItemQuerySet:
        return self.filter(status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS])

    def overdue(self, today: date | None = None, *, now: datetime | None = None) -> ActionItemQuerySet:
        """Open items due before today: `today` for all, or each meeting's own today at `now` (meetings.overdue)."""
        return self.filter(overdue_q(today, now=now))


class ActionItem(TimeStampedModel):
    """A task someone took on at a meeting, with an owner and a due date."""

    # Saved with its meeting (core.concurrency): locked after it.
    locked_after = ("meeting",)

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    title = models.CharField(_("task"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner = models.ForeignKey(
        Member,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
        help_text=_("The person who answers for it."),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    level = models.CharField(
        _("confidentiality"), max_length=20, choices=Level.choices, default=Level.GROUP, help_text=LEVEL_HELP
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_at__isnull=False),
                name="meetings_actionitem_done_has_time",
                violation_error_message=_("A done action item needs the time it was completed."),
            ),
        ]
        indexes = [models.Index(fields=["owner", "status", "due_date"], name="meetings_action_owner")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#action-{self.pk}"

    @property
    def is_overdue(self) -> bool:
        """Say whether it is open and its due date has passed in its meeting's time zone."""
        if self.status not in OPEN_STATUSES or self.due_date is None:
            return False
        return self.due_date < local_today(self.meeting.time_zone)


class DocumentDownload(models.Model):
    """One download of a group or restricted document: who, when, which."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="downloads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="document_downloads"
    )
    downloaded_at = models.DateTimeField(_("downloaded"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("document download")
        verbose_name_plural = _("document downloads")
        ordering = ["-downloaded_at"]

    def __str__(self) -> str:
        return f"{self.user} — {self.document} ({self.downloaded_at:%Y-%m-%d %H:%M})"


class MinutesComment(TimeStampedModel):
    """A chair's or co-chair's comment on circulated draft minutes."""

    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        Member, verbose_name=_("author"), on_delete=models.PROTECT, related_name="minutes_comments"
    )
    version = models.PositiveIntegerField(_("on version"), help_text=_("The version of the minutes commented on."))
    text = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author} — {self.minutes}"
