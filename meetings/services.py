"""Writes with side effects on meetings, minutes, summaries and documents."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import (
    Document,
    DocumentDownload,
    Level,
    Meeting,
    Minutes,
    MinutesComment,
    Participation,
    PublicSummary,
)
from members.models import Member

audit = logging.getLogger("rec_portal.audit")


class WorkflowError(Exception):
    """A workflow step that cannot be taken from the object's current state."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def circulate_minutes(*, minutes: Minutes, by) -> Minutes:
    """Send draft minutes to the chairs for comments; a re-circulation raises the version."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status == Minutes.Status.APPROVED:
        raise WorkflowError(_("Approved minutes cannot be circulated again."))
    if minutes.status == Minutes.Status.CIRCULATED:
        minutes.version += 1
    minutes.status = Minutes.Status.CIRCULATED
    minutes.circulated_at = timezone.now()
    minutes._change_reason = "circulated"
    minutes.save(update_fields=["status", "version", "circulated_at", "updated_at"])
    _notify_minutes_on_commit(minutes, "circulated")
    return minutes


@transaction.atomic
def approve_minutes(*, minutes: Minutes, by) -> Minutes:
    """Approve circulated minutes, so that members cleared for them can read them."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != Minutes.Status.CIRCULATED:
        raise WorkflowError(_("Only circulated minutes can be approved."))
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = by
    minutes._change_reason = "approved"
    minutes.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
    _notify_minutes_on_commit(minutes, "approved")
    return minutes


def _notify_minutes_on_commit(minutes: Minutes, event: str) -> None:
    """E-mail the readers of `minutes` once the step is committed; a failed mail never undoes the step."""
    from meetings import notifications

    transaction.on_commit(partial(notifications.notify_minutes, minutes=minutes, event=event), robust=True)


@transaction.atomic
def publish_summary(*, summary: PublicSummary, by) -> PublicSummary:
    """Publish a public summary now."""
    summary = PublicSummary.objects.select_for_update().get(pk=summary.pk)
    if summary.status == PublicSummary.Status.PUBLISHED:
        raise WorkflowError(_("This summary is already published."))
    summary.status = PublicSummary.Status.PUBLISHED
    summary.published_at = timezone.now()
    summary._change_reason = "published"
    summary.save(update_fields=["status", "published_at", "updated_at"])
    return summary


@transaction.atomic
def unpublish_summary(*, summary: PublicSummary, by) -> PublicSummary:
    """Take a published summary off the public site, keeping its text."""
    summary = PublicSummary.objects.select_for_update().get(pk=summary.pk)
    summary.status = PublicSummary.Status.DRAFT
    summary.published_at = None
    summary._change_reason = "unpublished"
    summary.save(update_fields=["status", "published_at", "updated_at"])
    return summary


def describe_upload(*, document: Document, upload: UploadedFile) -> None:
    """Record an uploaded file's name, type, size and SHA-256 on its document (not yet saved)."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    document.checksum = digest.hexdigest()
    document.size = upload.size or 0
    document.original_filename = (upload.name or "")[:255]
    guessed, _encoding = mimetypes.guess_type(upload.name or "")
    document.content_type = (getattr(upload, "content_type", None) or guessed or "application/octet-stream")[:100]


@transaction.atomic
def reply_to_invitation(*, participation: Participation, rsvp: str, mode: str = "") -> Participation:
    """Record a participant's reply (accept, tentative or decline) and how they will attend."""
    if rsvp not in {Participation.Rsvp.ACCEPTED, Participation.Rsvp.TENTATIVE, Participation.Rsvp.DECLINED}:
        raise WorkflowError(_("Choose accept, tentative or decline."))
    if rsvp == Participation.Rsvp.DECLINED:
        mode = ""
    elif mode not in {Participation.Mode.IN_PERSON, Participation.Mode.ONLINE}:
        raise WorkflowError(_("Say whether you will attend in person or online."))
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if participation.meeting.status in {Meeting.Status.CANCELLED, Meeting.Status.HELD}:
        raise WorkflowError(_("This meeting no longer takes replies."))
    participation.rsvp, participation.rsvp_mode, participation.rsvp_at = rsvp, mode, timezone.now()
    participation.save(update_fields=["rsvp", "rsvp_mode", "rsvp_at", "updated_at"])
    return participation


@transaction.atomic
def comment_on_minutes(*, minutes: Minutes, author: Member, text: str) -> MinutesComment:
    """Add a chair's comment to circulated minutes."""
    text = text.strip()
    if not text:
        raise WorkflowError(_("Write a comment first."))
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != Minutes.Status.CIRCULATED:
        raise WorkflowError(_("Only circulated minutes take comments."))
    return MinutesComment.objects.create(minutes=minutes, author=author, version=minutes.version, text=text[:10000])


def record_download(*, document: Document, user) -> None:
    """Log who downloaded a group or restricted document, and when: in the database and on the audit logger."""
    if document.level not in {Level.GROUP, Level.RESTRICTED}:
        return
    audit.info("document download: user=%s document=%s level=%s", user.pk, document.uuid, document.level)
    if user.is_authenticated:
        DocumentDownload.objects.create(document=document, user=user)
