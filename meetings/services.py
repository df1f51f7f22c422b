"""Writes with side effects on meetings, minutes, summaries and documents."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
from functools import partial

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core import publishing
from meetings import access, notifications
from meetings.models import (
    Document,
    DocumentDownload,
    Meeting,
    Minutes,
    MinutesComment,
    Participation,
    PublicSummary,
    Redaction,
)
from members.models import Member

audit = logging.getLogger("rec_portal.audit")


def _attribute(instance, by) -> None:
    """Name who made the change in the history row django-simple-history writes with the next save."""
    if by is not None and getattr(by, "is_authenticated", False):
        instance._history_user = by


class WorkflowError(Exception):
    """A workflow step that cannot be taken from the object's current state."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def send_invitations(*, meeting: Meeting, by) -> int:
    """Mark the participants not yet invited as invited, then e-mail those who want it; return how many were invited."""
    with transaction.atomic():
        participations = list(
            Participation.objects.select_for_update(of=("self",))
            .filter(meeting=meeting, invited_at__isnull=True, member__is_active=True)
            .select_related("member__user")
        )
        now = timezone.now()
        for participation in participations:
            participation.invited_at = now
            if by is not None:
                participation._history_user = by
            participation.save(update_fields=["invited_at", "updated_at"])
    # Mailed once the invitations are committed: a mail server's refusal cannot undo them.
    notifications.mail_invitations(meeting=meeting, people=[p.member for p in participations])
    return len(participations)


def _saved_state(meeting: Meeting) -> dict | None:
    """Return the notified fields of `meeting` as saved in the database, or None for a new meeting."""
    if meeting.pk is None:
        return None
    return Meeting.objects.filter(pk=meeting.pk).values(*notifications.NOTIFIED_FIELDS).first()


def _changed_fields(old: dict, meeting: Meeting) -> list[str]:
    """Return which of the notified fields differ between the saved row `old` and `meeting`."""
    current = {name: meeting.serializable_value(name) for name in notifications.NOTIFIED_FIELDS}
    return [name for name in notifications.NOTIFIED_FIELDS if old.get(name) != current[name]]


@transaction.atomic
def save_meeting(*, meeting: Meeting, by) -> list[str]:
    """Save `meeting` and, once committed, e-mail the invited participants what changed for them; return that."""
    # Compare with the saved row, not a form's initial data, so a change made meanwhile still counts.
    before = _saved_state(meeting)
    if by is not None:
        meeting._history_user = by
    meeting.save()
    changes = _changed_fields(before, meeting) if before is not None else []
    if changes:
        # After commit: an admin form's inlines (new participants) are saved by then, and a
        # rolled-back save mails no one; a failed mail never undoes the save.
        notify = partial(notifications.notify_meeting_changed, meeting=meeting, changes=changes)
        transaction.on_commit(notify, robust=True)
    return changes


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
    _attribute(minutes, by)
    minutes.save(update_fields=["status", "version", "circulated_at", "updated_at"])
    _notify_minutes_on_commit(minutes, "circulated")
    return minutes


@transaction.atomic
def approve_minutes(*, minutes: Minutes, by) -> Minutes:
    """Approve circulated minutes, so that members cleared for them can read them; from then on they are frozen."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != Minutes.Status.CIRCULATED:
        raise WorkflowError(_("Only circulated minutes can be approved."))
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = by
    minutes._change_reason = "approved"
    _attribute(minutes, by)
    minutes.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
    _notify_minutes_on_commit(minutes, "approved")
    return minutes


@transaction.atomic
def start_amendment(*, minutes: Minutes, by, reason: str) -> Minutes:
    """Open an amendment of approved minutes: a new draft edition, its text copied, naming what it corrects.

    The approved edition stays as it is and readable; the amendment goes through its own
    circulation and approval.
    """
    reason = reason.strip()
    if not reason:
        raise WorkflowError(_("Say what the amendment corrects and why."))
    # Lock the meeting's editions, so two amendments cannot be opened at once.
    editions = list(Minutes.objects.select_for_update().filter(meeting_id=minutes.meeting_id).order_by("edition"))
    current = next((edition for edition in editions if edition.pk == minutes.pk), None)
    if current is None or current.status != Minutes.Status.APPROVED:
        raise WorkflowError(_("Only approved minutes are amended; correct a draft by editing it."))
    if any(edition.status != Minutes.Status.APPROVED for edition in editions):
        raise WorkflowError(_("This meeting already has minutes in preparation; finish those first."))
    if editions[-1].pk != current.pk:
        raise WorkflowError(_("Amend the latest approved edition of these minutes."))
    amendment = Minutes(
        meeting_id=current.meeting_id,
        edition=current.edition + 1,
        amends=current,
        amendment_reason=reason[:10000],
        text=current.text,
        level=current.level,
    )
    amendment._change_reason = "amendment started"
    if by is not None:
        amendment._history_user = by
    amendment.save()
    return amendment


def _notify_minutes_on_commit(minutes: Minutes, event: str) -> None:
    """E-mail the readers of `minutes` once the step is committed; a failed mail never undoes the step."""
    transaction.on_commit(partial(notifications.notify_minutes, minutes=minutes, event=event), robust=True)


REDACTED = "[…]"


def _passage_pattern(passage: str) -> re.Pattern[str] | None:
    """Return a pattern matching `passage` whatever its case and however its words are spaced or broken."""
    words = passage.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def redact(text: str, passages: list[str]) -> str:
    """Return `text` with every marked passage replaced by […]."""
    for passage in passages:
        pattern = _passage_pattern(passage)
        if pattern is not None:
            text = pattern.sub(REDACTED, text)
    return text


def redacted_passages_in(summary: PublicSummary) -> list[str]:
    """Return the passages marked in the meeting's minutes that stand in any language of the summary."""
    passages = list(Redaction.objects.filter(minutes__meeting_id=summary.meeting_id).values_list("passage", flat=True))
    texts = [
        getattr(summary, f"{name}_{code}", "") or ""
        for name in ("title", "text")
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]
    found = []
    for passage in passages:
        pattern = _passage_pattern(passage)
        if pattern is not None and any(pattern.search(text) for text in texts):
            found.append(passage)
    return found


def redaction_message(found: list[str]) -> str:
    """Return the refusal naming the marked passages a summary still contains."""
    return _("The summary still contains passages marked for redaction in the minutes: %(passages)s.") % {
        "passages": "; ".join(f"“{Truncator(p).chars(40)}”" for p in found)
    }


def _refuse_redacted(summary: PublicSummary) -> None:
    found = redacted_passages_in(summary)
    if found:
        raise WorkflowError(redaction_message(found))


@transaction.atomic
def prepare_summary_from_minutes(*, minutes: Minutes, by) -> PublicSummary:
    """Start the public summary of a meeting from its approved minutes, with the marked passages redacted."""
    minutes = Minutes.objects.select_related("meeting").get(pk=minutes.pk)
    if not minutes.is_frozen:
        raise WorkflowError(_("A summary is prepared from approved minutes."))
    meeting = Meeting.objects.select_for_update().get(pk=minutes.meeting_id)
    if PublicSummary.objects.filter(meeting=meeting).exists():
        raise WorkflowError(_("This meeting already has a public summary; edit that one."))
    slug = meeting.slug if not PublicSummary.objects.filter(slug=meeting.slug).exists() else f"{meeting.slug}-summary"
    summary = PublicSummary(
        meeting=meeting,
        slug=slug[:120],
        source_minutes=minutes,
        text=redact(minutes.text, list(minutes.redactions.values_list("passage", flat=True))),
    )
    for code in settings.MODELTRANSLATION_LANGUAGES:
        setattr(summary, f"title_{code}", getattr(meeting, f"title_{code}", "") or "")
    summary._change_reason = "prepared from the approved minutes"
    if by is not None:
        summary._history_user = by
    summary.save()
    return summary


@transaction.atomic
def review_summary(*, summary: PublicSummary, by) -> PublicSummary:
    """Record that a second person read the draft summary and found nothing that may not be public."""
    summary = PublicSummary.objects.select_for_update().get(pk=summary.pk)
    if summary.status != PublicSummary.Status.DRAFT:
        raise WorkflowError(_("Only a draft summary is reviewed."))
    _refuse_redacted(summary)
    summary.status = PublicSummary.Status.REVIEWED
    summary.reviewed_by, summary.reviewed_at = by, timezone.now()
    summary._change_reason = "reviewed"
    if by is not None:
        summary._history_user = by
    summary.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    return summary


@transaction.atomic
def publish_summary(*, summary: PublicSummary, by, reason: str = "") -> PublicSummary:
    """Publish a reviewed summary now; before the meeting's minutes are approved, only with a recorded reason."""
    summary = PublicSummary.objects.select_for_update().get(pk=summary.pk)
    if summary.status == PublicSummary.Status.PUBLISHED:
        raise WorkflowError(_("This summary is already published."))
    if summary.status != PublicSummary.Status.REVIEWED:
        raise WorkflowError(_("A summary is reviewed before it is published."))
    _refuse_redacted(summary)
    reason = (reason or summary.early_publication_reason).strip()
    if not Minutes.objects.filter(meeting_id=summary.meeting_id).approved().exists():
        if not reason:
            raise WorkflowError(
                _("The meeting's minutes are not approved yet: give the reason to publish the summary before them.")
            )
        if reason != summary.early_publication_reason:
            summary.early_publication_reason = reason[:10000]
            summary.save(update_fields=["early_publication_reason", "updated_at"])
    try:
        return publishing.publish(summary, by=by)
    except publishing.AlreadyPublished:
        raise WorkflowError(_("This summary is already published.")) from None


@transaction.atomic
def save_summary(*, summary: PublicSummary, by, text_changed: bool) -> PublicSummary:
    """Save a summary edited in a form; a reviewed text that changed needs a new review."""
    if text_changed and summary.status == PublicSummary.Status.REVIEWED:
        summary.status = PublicSummary.Status.DRAFT
    if by is not None:
        summary._history_user = by
    summary.save()
    return summary


def unpublish_summary(*, summary: PublicSummary, by) -> PublicSummary:
    """Take a published summary off the public site, keeping its text."""
    return publishing.unpublish(summary, by=by)


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
    if not access.download_is_audited(document):
        return
    audit.info("document download: user=%s document=%s level=%s", user.pk, document.uuid, document.level)
    if user.is_authenticated:
        DocumentDownload.objects.create(document=document, user=user)
