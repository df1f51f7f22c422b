"""The silence procedure: a text is adopted between meetings unless someone concerned objects before a deadline.

Models only (imported by `meetings.models`, so they belong to the meetings app); they name
the minutes and recommendations they hang on by string, so this module imports no model of
its own app. Who may break silence is `meetings.access`'s question; starting, breaking,
withdrawing and closing are `meetings.services`' writes.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SilenceProcedureQuerySet(models.QuerySet):
    def open(self) -> SilenceProcedureQuerySet:
        """Return procedures still running: their deadline may have passed if the closing job has not run yet."""
        return self.filter(status=SilenceProcedure.Status.OPEN)

    def due(self, now: datetime | None = None) -> SilenceProcedureQuerySet:
        """Return open procedures whose deadline has come: the closing job adopts their texts."""
        return self.open().filter(deadline__lte=now or timezone.now())


class SilenceProcedure(models.Model):
    """A text put under silence until a deadline: circulated minutes or a draft recommendation, never both."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("silence procedure", "Open")
        ADOPTED = "adopted", pgettext_lazy("silence procedure", "Text adopted")
        BROKEN = "broken", _("Silence broken")
        WITHDRAWN = "withdrawn", pgettext_lazy("silence procedure", "Withdrawn")

    minutes = models.ForeignKey(
        "meetings.Minutes",
        verbose_name=_("minutes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="silence_procedures",
        help_text=_("Circulated minutes put under silence."),
    )
    recommendation = models.ForeignKey(
        "workinggroups.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="silence_procedures",
        help_text=_("A draft recommendation put under silence."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    deadline = models.DateTimeField(
        _("deadline"), help_text=_("Unless silence is broken before this moment, the text is adopted at it.")
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(
        _("closed"),
        null=True,
        blank=True,
        help_text=_("When the text was adopted, silence broken, or the procedure withdrawn."),
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SilenceProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("silence procedure")
        verbose_name_plural = _("silence procedures")
        ordering = ["-deadline", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(minutes__isnull=False) & Q(recommendation__isnull=True))
                | (Q(minutes__isnull=True) & Q(recommendation__isnull=False)),
                name="meetings_silence_one_text",
                violation_error_message=_("A silence procedure is about one text: minutes or a recommendation."),
            ),
            models.UniqueConstraint(
                fields=["minutes"],
                condition=Q(status="open"),
                name="meetings_silence_one_open_for_minutes",
                violation_error_message=_("These minutes are already under a silence procedure."),
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(status="open"),
                name="meetings_silence_one_open_for_recommendation",
                violation_error_message=_("This recommendation is already under a silence procedure."),
            ),
            models.CheckConstraint(
                condition=Q(deadline__gt=F("started_at")),
                name="meetings_silence_deadline_after_start",
                violation_error_message=_("The deadline must come after the start."),
            ),
            models.CheckConstraint(
                condition=(Q(status="open") & Q(closed_at__isnull=True))
                | (~Q(status="open") & Q(closed_at__isnull=False)),
                name="meetings_silence_closed_has_time",
                violation_error_message=_("A closed procedure has the time it closed; an open one has none."),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="meetings_silence_due")]

    def __str__(self) -> str:
        return _("Silence procedure on %(text)s") % {"text": self.text}

    def get_absolute_url(self) -> str:
        """Return the members' page of the text, where those concerned may break silence."""
        if self.minutes_id:
            return self.minutes.get_absolute_url()
        return reverse("meetings:recommendation_draft", kwargs={"code": self.recommendation.code})

    @property
    def text(self):
        """Return the minutes or recommendation under silence."""
        return self.minutes if self.minutes_id else self.recommendation

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def deadline_passed(self) -> bool:
        return timezone.now() >= self.deadline


class SilenceBreak(models.Model):
    """An objection that broke silence: who, when and why. It stops its procedure, so there is one at most."""

    procedure = models.OneToOneField(
        SilenceProcedure, verbose_name=_("silence procedure"), on_delete=models.CASCADE, related_name="silence_break"
    )
    member = models.ForeignKey(
        "members.Member", verbose_name=_("broken by"), on_delete=models.PROTECT, related_name="silence_breaks"
    )
    broken_at = models.DateTimeField(_("broken"), default=timezone.now)
    reason = models.TextField(_("reason"), help_text=_("Why silence was broken, in the person's words."))

    class Meta:
        verbose_name = _("break of silence")
        verbose_name_plural = _("breaks of silence")
        ordering = ["-broken_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="meetings_silencebreak_has_reason",
                violation_error_message=_("A break of silence gives its reason."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.procedure}"
