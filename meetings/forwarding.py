"""Matters a working group forwards to the Executive Committee, from the list to the Committee's agenda and decision.

Models only (imported by `meetings.models`, so they belong to the meetings app); the agenda
items, recommendations and bodies are named by string, so this module imports no model of
its own app. Forwarding, placing, deciding and withdrawing are `meetings.services`' writes;
who sees the links is `meetings.access`'s question.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel


class ForwardedMatterQuerySet(models.QuerySet):
    def active(self) -> ForwardedMatterQuerySet:
        """Return matters not withdrawn: pending, placed on an agenda, or decided."""
        return self.exclude(status=ForwardedMatter.Status.WITHDRAWN)

    def pending(self) -> ForwardedMatterQuerySet:
        return self.filter(status=ForwardedMatter.Status.PENDING)


class ForwardedMatter(TimeStampedModel):
    """An agenda item or draft recommendation a working group sent to the Executive Committee, and what became of it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PLACED = "placed", _("Placed on the agenda")
        DECIDED = "decided", _("Decided")
        WITHDRAWN = "withdrawn", pgettext_lazy("forwarded matter", "Withdrawn")

    source_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("agenda item forwarded"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwards",
        help_text=_("The item of the working group's meeting that is forwarded."),
    )
    recommendation = models.ForeignKey(
        "workinggroups.Recommendation",
        verbose_name=_("recommendation forwarded"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwards",
        help_text=_("The draft recommendation that is forwarded."),
    )
    forwarded_by = models.ForeignKey(
        "workinggroups.WorkingGroup",
        verbose_name=_("forwarded by"),
        on_delete=models.PROTECT,
        related_name="forwarded_matters",
    )
    forwarded_on = models.DateField(_("forwarded on"), default=timezone.localdate)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What the working group asks of the Executive Committee, and why.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    placed_item = models.OneToOneField(
        "meetings.AgendaItem",
        verbose_name=_("on the agenda as"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placed_from",
        help_text=_("The item of the Executive Committee's agenda made from this matter."),
    )
    placed_at = models.DateTimeField(_("placed"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True, help_text=_("What the Executive Committee decided."))
    decided_at = models.DateTimeField(_("decision recorded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = ForwardedMatterQuerySet.as_manager()

    class Meta:
        verbose_name = _("forwarded matter")
        verbose_name_plural = _("forwarded matters")
        ordering = ["-forwarded_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(source_item__isnull=False) & Q(recommendation__isnull=True))
                | (Q(source_item__isnull=True) & Q(recommendation__isnull=False)),
                name="meetings_forwarded_one_source",
                violation_error_message=_("A forwarded matter is one agenda item or one recommendation."),
            ),
            models.UniqueConstraint(
                fields=["source_item"],
                condition=~Q(status="withdrawn"),
                name="meetings_forwarded_item_once",
                violation_error_message=_("This agenda item has already been forwarded."),
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=~Q(status="withdrawn"),
                name="meetings_forwarded_recommendation_once",
                violation_error_message=_("This recommendation has already been forwarded."),
            ),
            models.CheckConstraint(
                condition=(Q(status__in=["pending", "withdrawn"]) & Q(placed_item__isnull=True))
                | (Q(status__in=["placed", "decided"]) & Q(placed_item__isnull=False) & Q(placed_at__isnull=False)),
                name="meetings_forwarded_placed_has_item",
                violation_error_message=_("A placed or decided matter has its agenda item; a pending one has none."),
            ),
            models.CheckConstraint(
                condition=~Q(status="decided") | (~Q(decision="") & Q(decided_at__isnull=False)),
                name="meetings_forwarded_decided_has_decision",
                violation_error_message=_("A decided matter records the decision and when it was recorded."),
            ),
        ]
        indexes = [models.Index(fields=["status", "forwarded_on"], name="meetings_forwarded_status")]

    def __str__(self) -> str:
        return _("%(title)s (forwarded by %(body)s)") % {"title": self.title, "body": self.forwarded_by}

    @property
    def title(self) -> str:
        """Return the title of what was forwarded."""
        if self.source_item_id:
            return self.source_item.title
        return f"{self.recommendation.code} {self.recommendation.title}"
