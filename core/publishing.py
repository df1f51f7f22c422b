"""The draft → published life cycle shared by the texts the secretariat puts on the public site.

A publishable model has a `Status` with `DRAFT` and `PUBLISHED`, a `status` field and a
`published_at` time (a future time schedules the text). Public summaries and news use it;
the rules of the cycle are said here once.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

Publishable = TypeVar("Publishable", bound=models.Model)


class AlreadyPublished(Exception):
    """The text is already published."""

    def __init__(self) -> None:
        self.message = _("This text is already published.")
        super().__init__(self.message)


class PublicationQuerySet(models.QuerySet):
    """A queryset of publishable texts."""

    def published(self) -> PublicationQuerySet:
        """Return the texts anyone may read: published, at a time that has come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())


def stamp_publication(instance: models.Model, *, clear_when_draft: bool) -> None:
    """Set `published_at` to match a status chosen in a form: now when published without a time.

    `clear_when_draft` also clears the time of a draft (summaries); news keeps it, as a
    draft's planned publication time.
    """
    status = type(instance).Status
    if instance.status == status.PUBLISHED and instance.published_at is None:
        instance.published_at = timezone.now()
    elif instance.status == status.DRAFT and clear_when_draft:
        instance.published_at = None


@transaction.atomic
def publish(instance: Publishable, *, by=None) -> Publishable:
    """Publish `instance` now, recording who did it in its history; raise AlreadyPublished if it is."""
    model = type(instance)
    instance = model._default_manager.select_for_update().get(pk=instance.pk)
    if instance.status == model.Status.PUBLISHED:
        raise AlreadyPublished
    instance.status = model.Status.PUBLISHED
    instance.published_at = timezone.now()
    _save(instance, by=by, reason="published")
    return instance


@transaction.atomic
def unpublish(instance: Publishable, *, by=None) -> Publishable:
    """Take `instance` off the public site, keeping its text, and record who did it."""
    model = type(instance)
    instance = model._default_manager.select_for_update().get(pk=instance.pk)
    instance.status = model.Status.DRAFT
    instance.published_at = None
    _save(instance, by=by, reason="unpublished")
    return instance


def _save(instance: models.Model, *, by, reason: str) -> None:
    # django-simple-history reads these two attributes when it writes the history row.
    instance._change_reason = reason
    if by is not None:
        instance._history_user = by
    instance.save(update_fields=["status", "published_at", "updated_at"])
