"""Writes with side effects on meetings, minutes, summaries and documents."""

from __future__ import annotations

import datetime
import hashlib
import logging
import mimetypes
import re
import zoneinfo
from functools import partial

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core import publishing, zones
from meetings import access, clashes, notifications, tasks
from meetings.levels import Level
from meetings.models import (
    AgendaItem,
    Document,
    DocumentDownload,
    ForwardedMatter,
    Meeting,
    Minutes,
    MinutesComment,
    Participation,
    PublicSummary,
    Redaction,
    SilenceBreak,
    SilenceProcedure,
)
from members.models import Member
from workinggroups.models import Recommendation, WorkingGroup

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
    """Mark the participants not yet invited as invited, then e-mail those who want it; return how many were invited.

    Nobody is invited to a meeting that is cancelled or already held (WorkflowError).
    """
    if meeting.status in {Meeting.Status.CANCELLED, Meeting.Status.HELD}:
        raise WorkflowError(
            _("Invitations cannot be sent for “%(meeting)s”: it is %(status)s.")
            % {"meeting": meeting, "status": meeting.get_status_display().lower()}
        )
    with transaction.atomic():
        participations = list(
            Participation.objects.select_for_update(of=("self",))
            .filter(meeting=meeting, invited_at__isnull=True, member__is_active=True)
            .select_related("member__user")
        )
        now = timezone.now()
        for participation in participations:
            participation.invited_at = now
            _attribute(participation, by)
            participation.save(update_fields=["invited_at", "updated_at"])
        # Composed and mailed by a background task once the invitations are committed: the request
        # only writes rows, and a mail server's refusal cannot undo them.
        if participations:
            member_ids = [p.member_id for p in participations]
            transaction.on_commit(partial(tasks.mail_invitations.enqueue, meeting.pk, member_ids), robust=True)
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


def status_change_refusal(old: str | None, meeting: Meeting) -> str:
    """Return why the meeting form may not move `meeting` from status `old` to its status, or "" if it may.

    Postponing and cancelling are steps of their own (meetings.scheduling), which ask for the
    reason and tell the participants; a meeting is held only once it has ended.
    """
    new = meeting.status
    if new == old:
        return ""
    if new in {Meeting.Status.POSTPONED, Meeting.Status.CANCELLED}:
        return str(_("Postpone or cancel a meeting with its own button, which asks for the reason."))
    if old == Meeting.Status.CANCELLED:
        return str(_("A cancelled meeting stays cancelled: duplicate it to schedule it again."))
    if old == Meeting.Status.POSTPONED and meeting.date_to_be_announced:
        return str(_("The new date is still to be announced: set it with the Postpone button first."))
    if new == Meeting.Status.HELD and meeting.ends_at and meeting.ends_at > timezone.now():
        return str(_("A meeting can be marked as held only once it has ended."))
    return ""


@transaction.atomic
def save_meeting(*, meeting: Meeting, by) -> list[str]:
    """Save `meeting` and, once committed, e-mail the invited participants what changed for them; return that."""
    # Compare with the saved row, not a form's initial data, so a change made meanwhile still counts.
    before = _saved_state(meeting)
    refusal = status_change_refusal(before["status"] if before else None, meeting)
    if refusal:
        raise WorkflowError(refusal)
    _attribute(meeting, by)
    clashes.save_booking(meeting)  # Raises clashes.VenueClash, naming the other meeting.
    changes = _changed_fields(before, meeting) if before is not None else []
    if meeting.status == Meeting.Status.HELD and "status" in changes:
        changes.remove("status")  # Held is the record's business: calendars need no update.
    if changes:
        # After commit: an admin form's inlines (new participants) are saved by then, and a
        # rolled-back save mails no one; a failed mail never undoes the save.
        transaction.on_commit(partial(tasks.notify_meeting_changed.enqueue, meeting.pk, changes), robust=True)
    return changes


@transaction.atomic
def circulate_minutes(*, minutes: Minutes, by) -> Minutes:
    """Send draft minutes to the chairs for comments; a re-circulation raises the version."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status == Minutes.Status.APPROVED:
        raise WorkflowError(_("Approved minutes cannot be circulated again."))
    _refuse_while_under_silence(minutes)
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
    _refuse_while_under_silence(minutes)
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
    _attribute(amendment, by)
    amendment.save()
    return amendment


def _notify_minutes_on_commit(minutes: Minutes, event: str) -> None:
    """E-mail the readers of `minutes` once the step is committed; a failed mail never undoes the step."""
    transaction.on_commit(partial(tasks.notify_minutes.enqueue, minutes.pk, event), robust=True)


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
    _attribute(summary, by)
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
    _attribute(summary, by)
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
    _attribute(summary, by)
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


# --- The silence procedure ------------------------------------------------------------------

# Those concerned need time to read the text: a shorter silence would be consent by surprise.
SILENCE_MINIMUM_NOTICE = datetime.timedelta(hours=24)


def _refuse_while_under_silence(minutes: Minutes) -> None:
    """Refuse a step that would change or settle minutes while those concerned are still asked about this text."""
    procedure = SilenceProcedure.objects.open().filter(minutes=minutes).first()
    if procedure is not None:
        raise WorkflowError(
            _("These minutes are under a silence procedure until %(deadline)s; withdraw it first.")
            % {"deadline": _secretariat_time(procedure.deadline)}
        )


def _secretariat_time(moment: datetime.datetime) -> str:
    """Return `moment` as the secretariat reads it: wall-clock time at the Council's seat, named by its city."""
    return zones.format_moment(moment, settings.TIME_ZONE)


def start_silence(
    *,
    by,
    deadline: datetime.datetime,
    minutes: Minutes | None = None,
    recommendation: Recommendation | None = None,
) -> SilenceProcedure:
    """Put circulated minutes or a draft recommendation under silence until `deadline`, and tell those concerned."""
    if (minutes is None) == (recommendation is None):
        raise WorkflowError(_("Choose either the minutes or the recommendation to put under silence."))
    if timezone.is_naive(deadline):
        raise WorkflowError(_("Give the deadline with its time zone."))
    if deadline < timezone.now() + SILENCE_MINIMUM_NOTICE:
        raise WorkflowError(_("Set a deadline at least 24 hours from now: those concerned need time to read the text."))
    with transaction.atomic():
        # The text's row is locked: it cannot change state, nor get a second procedure, meanwhile.
        if minutes is not None:
            minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
            if minutes.status == Minutes.Status.APPROVED:
                raise WorkflowError(_("These minutes are already approved: there is nothing left to adopt."))
            if minutes.status != Minutes.Status.CIRCULATED:
                raise WorkflowError(_("Circulate the minutes before putting them under silence."))
            already = SilenceProcedure.objects.open().filter(minutes=minutes)
        else:
            recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
            if recommendation.status != Recommendation.Status.DRAFT:
                raise WorkflowError(_("Only a draft recommendation can be put under silence."))
            already = SilenceProcedure.objects.open().filter(recommendation=recommendation)
        if already.exists():
            raise WorkflowError(_("This text is already under a silence procedure."))
        reachable, _unreachable = notifications.silence_audience(
            SilenceProcedure(minutes=minutes, recommendation=recommendation)
        )
        if not reachable:
            # Silence nobody can hear is no consent: someone concerned must be able to read the text and object.
            raise WorkflowError(
                _("Nobody this text concerns has an active account and an e-mail address: nobody could object.")
            )
        try:
            with transaction.atomic():
                procedure = SilenceProcedure.objects.create(
                    minutes=minutes, recommendation=recommendation, deadline=deadline, started_by=by
                )
        except IntegrityError:
            # SQLite takes no row lock: a procedure started at the same moment wins, by the unique constraint.
            raise WorkflowError(_("This text is already under a silence procedure.")) from None
        _notify_silence_on_commit(procedure, "started")
    return procedure


def break_silence(*, procedure: SilenceProcedure, by, reason: str) -> SilenceBreak:
    """Break silence with a reason before the deadline: the procedure stops; the secretariat and chairs are told."""
    reason = reason.strip()
    if not reason:
        raise WorkflowError(_("Say why you break silence."))
    with transaction.atomic():
        # Locked, so the closing job and other breaks wait: exactly one of them ends the procedure.
        procedure = SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
        now = timezone.now()
        _refuse_unless_open(procedure)
        if now >= procedure.deadline:
            raise WorkflowError(_("The deadline has passed: silence can no longer be broken."))
        if not access.may_break_silence(by, procedure):
            raise WorkflowError(_("This silence procedure does not concern you."))
        member = Member.objects.get(pk=access.clearance_for(by).member_id)
        if not _close(procedure, SilenceProcedure.Status.BROKEN, now):
            raise WorkflowError(_("This silence procedure is no longer open."))
        objection = SilenceBreak.objects.create(
            procedure=procedure, member=member, broken_at=now, reason=reason[:10000]
        )
        _notify_silence_on_commit(procedure, "broken")
    return objection


@transaction.atomic
def withdraw_silence(*, procedure: SilenceProcedure, by) -> SilenceProcedure:
    """Withdraw an open silence procedure: the text stays as it was, and those concerned are told."""
    procedure = SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    _refuse_unless_open(procedure)
    _close(procedure, SilenceProcedure.Status.WITHDRAWN, timezone.now(), by=by)
    _notify_silence_on_commit(procedure, "withdrawn")
    return procedure


def close_due_silence_procedures(*, now: datetime.datetime | None = None) -> list[SilenceProcedure]:
    """Adopt the text of every open procedure whose deadline has come; return the procedures adopted here.

    Safe to run twice and at the same time: each procedure is closed in its own transaction,
    under a row lock that a second run skips, and by a conditional UPDATE that only one run can
    win, so a text is adopted, and its readers told, once.
    """
    now = now or timezone.now()
    adopted = []
    for pk in list(SilenceProcedure.objects.due(now).order_by("deadline").values_list("pk", flat=True)):
        procedure = _adopt(pk, now)
        if procedure is not None:
            adopted.append(procedure)
    return adopted


@transaction.atomic
def _adopt(pk: int, now: datetime.datetime) -> SilenceProcedure | None:
    procedure = SilenceProcedure.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
    if procedure is None or procedure.status != SilenceProcedure.Status.OPEN or procedure.deadline > now:
        return None  # Being closed by another run, or broken or withdrawn meanwhile.
    # Claimed first, by the conditional UPDATE: where no row lock exists (SQLite) the first write decides.
    if not _close(procedure, SilenceProcedure.Status.ADOPTED, now):
        return None
    adopted = _adopt_minutes(procedure) if procedure.minutes_id else _adopt_recommendation(procedure)
    if not adopted:
        # Whatever changed the text's state went around the services; say so rather than adopt it.
        audit.warning("silence procedure %s: its text could no longer be adopted; withdrawn", procedure.pk)
        SilenceProcedure.objects.filter(pk=procedure.pk).update(status=SilenceProcedure.Status.WITHDRAWN)
        procedure.status = SilenceProcedure.Status.WITHDRAWN
        return None
    _notify_silence_on_commit(procedure, "adopted")
    return procedure


def _adopt_minutes(procedure: SilenceProcedure) -> bool:
    minutes = Minutes.objects.select_for_update().get(pk=procedure.minutes_id)
    if minutes.status != Minutes.Status.CIRCULATED:
        return False
    # Adopted at the deadline, whenever the job runs; no person approved them: the procedure did.
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = procedure.deadline
    minutes.approved_by = None
    minutes._change_reason = f"adopted by silence procedure {procedure.pk}"
    minutes.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
    return True


def _adopt_recommendation(procedure: SilenceProcedure) -> bool:
    recommendation = Recommendation.objects.select_for_update().get(pk=procedure.recommendation_id)
    if recommendation.status != Recommendation.Status.DRAFT:
        return False
    recommendation.status = Recommendation.Status.ADOPTED
    # The day of the deadline where the secretariat counts it, in the Council's zone.
    recommendation.adopted_on = procedure.deadline.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()
    recommendation.save(update_fields=["status", "adopted_on", "updated_at"])
    return True


def _refuse_unless_open(procedure: SilenceProcedure) -> None:
    messages = {
        SilenceProcedure.Status.ADOPTED: _("The text of this silence procedure has already been adopted."),
        SilenceProcedure.Status.BROKEN: _("Silence has already been broken: this procedure is closed."),
        SilenceProcedure.Status.WITHDRAWN: _("This silence procedure has been withdrawn."),
    }
    if procedure.status in messages:
        raise WorkflowError(messages[procedure.status])


def _close(procedure: SilenceProcedure, status: str, now: datetime.datetime, *, by=None) -> bool:
    """Close an open procedure with a conditional UPDATE; return whether this call closed it (only one can)."""
    closed = SilenceProcedure.objects.filter(pk=procedure.pk, status=SilenceProcedure.Status.OPEN).update(
        status=status, closed_at=now, closed_by=by
    )
    if closed:
        procedure.status, procedure.closed_at, procedure.closed_by = status, now, by
    return bool(closed)


def _notify_silence_on_commit(procedure: SilenceProcedure, event: str) -> None:
    """E-mail those the step concerns once it is committed; a failed mail never undoes the step."""
    transaction.on_commit(partial(tasks.notify_silence.enqueue, procedure.pk, event), robust=True)


# --- Matters forwarded to the Executive Committee -------------------------------------------------


def forward_matter(
    *,
    by,
    source_item: AgendaItem | None = None,
    recommendation: Recommendation | None = None,
    note: str = "",
    on: datetime.date | None = None,
) -> ForwardedMatter:
    """Forward a working group's agenda item or draft recommendation to the Executive Committee's list."""
    if (source_item is None) == (recommendation is None):
        raise WorkflowError(_("Choose either the agenda item or the recommendation to forward."))
    with transaction.atomic():
        if source_item is not None:
            source_item = (
                AgendaItem.objects.select_for_update(of=("self",))
                .select_related("meeting__body")
                .get(pk=source_item.pk)
            )
            body = source_item.meeting.body
            already = ForwardedMatter.objects.active().filter(source_item=source_item)
        else:
            recommendation = (
                Recommendation.objects.select_for_update(of=("self",)).select_related("group").get(pk=recommendation.pk)
            )
            if recommendation.status != Recommendation.Status.DRAFT:
                raise WorkflowError(_("Only a draft recommendation is forwarded to the Executive Committee."))
            body = recommendation.group
            already = ForwardedMatter.objects.active().filter(recommendation=recommendation)
        if body is None or body.kind != WorkingGroup.Kind.WORKING_GROUP:
            raise WorkflowError(_("Only a working group forwards matters to the Executive Committee."))
        if already.exists():
            raise WorkflowError(_("This has already been forwarded to the Executive Committee."))
        matter = ForwardedMatter(
            source_item=source_item,
            recommendation=recommendation,
            forwarded_by=body,
            forwarded_on=on or timezone.localdate(),
            note=note.strip()[:10000],
            created_by=by,
        )
        _attribute(matter, by)
        try:
            with transaction.atomic():
                matter.save()
        except IntegrityError:
            raise WorkflowError(_("This has already been forwarded to the Executive Committee.")) from None
    return matter


def upcoming_executive_meetings(now: datetime.datetime | None = None):
    """Return the Executive Committee's meetings still to come that can take new items, soonest first."""
    return Meeting.objects.filter(
        body__kind=WorkingGroup.Kind.EXECUTIVE, starts_at__gt=now or timezone.now(), status__in=_TAKES_ITEMS
    ).order_by("starts_at")


_TAKES_ITEMS = [Meeting.Status.PLANNED, Meeting.Status.CONFIRMED]


@transaction.atomic
def place_forwarded_matter(*, matter: ForwardedMatter, by, meeting: Meeting | None = None) -> AgendaItem:
    """Put a pending matter on an Executive Committee meeting's agenda (the next one by default), linked both ways."""
    matter = ForwardedMatter.objects.select_for_update().get(pk=matter.pk)
    if matter.status != ForwardedMatter.Status.PENDING:
        raise WorkflowError(_("Only a pending matter can be placed on an agenda."))
    upcoming = upcoming_executive_meetings()
    if meeting is None:
        meeting = upcoming.first()
        if meeting is None:
            raise WorkflowError(_("The Executive Committee has no meeting to come: plan one first."))
    # Locked: the new item takes the next number on this agenda, and two placements cannot take the same one.
    meeting = upcoming.select_for_update(of=("self",)).filter(pk=meeting.pk).first()
    if meeting is None:
        raise WorkflowError(_("Choose a meeting of the Executive Committee that is still to come."))
    source = matter.source_item or matter.recommendation
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("order"))["last"] or 0
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    item = AgendaItem(
        meeting=meeting,
        order=last + 1,
        minutes_allotted=matter.source_item.minutes_allotted if matter.source_item else 15,
        # Never more open than where it came from; a draft recommendation is group material.
        level=matter.source_item.level if matter.source_item else Level.GROUP,
        # The title in every language it has; the working group's note, in the language it was written in.
        **{f"title_{code}": getattr(source, f"title_{code}", None) for code in settings.MODELTRANSLATION_LANGUAGES},
        **{f"description_{default}": matter.note},
    )
    with translation.override(settings.LANGUAGE_CODE):
        item._change_reason = str(
            _("Forwarded by %(body)s: %(title)s") % {"body": matter.forwarded_by, "title": matter.title}
        )[:100]
    _attribute(item, by)
    item.save()
    matter.status, matter.placed_item, matter.placed_at = ForwardedMatter.Status.PLACED, item, timezone.now()
    _attribute(matter, by)
    matter.save(update_fields=["status", "placed_item", "placed_at", "updated_at"])
    return item


@transaction.atomic
def record_decision(*, matter: ForwardedMatter, by, decision: str) -> ForwardedMatter:
    """Record what the Executive Committee decided on a matter on its agenda; a correction is kept in its history."""
    decision = decision.strip()
    if not decision:
        raise WorkflowError(_("Write what the Executive Committee decided."))
    matter = (
        ForwardedMatter.objects.select_for_update(of=("self",)).select_related("placed_item__meeting").get(pk=matter.pk)
    )
    if matter.status not in {ForwardedMatter.Status.PLACED, ForwardedMatter.Status.DECIDED}:
        raise WorkflowError(_("Place the matter on the Executive Committee's agenda first."))
    meeting = matter.placed_item.meeting
    if meeting.starts_at > timezone.now():
        raise WorkflowError(
            _("The Executive Committee has not met on it yet: its meeting starts on %(date)s.")
            % {"date": formats.date_format(meeting.local_starts_at, "DATE_FORMAT")}
        )
    matter.status, matter.decision, matter.decided_at = ForwardedMatter.Status.DECIDED, decision[:10000], timezone.now()
    _attribute(matter, by)
    matter.save(update_fields=["status", "decision", "decided_at", "updated_at"])
    return matter


@transaction.atomic
def withdraw_forwarded_matter(*, matter: ForwardedMatter, by) -> ForwardedMatter:
    """Take a pending matter off the Executive Committee's list; one already on an agenda stays for the Committee."""
    matter = ForwardedMatter.objects.select_for_update().get(pk=matter.pk)
    if matter.status != ForwardedMatter.Status.PENDING:
        raise WorkflowError(_("Only a pending matter can be withdrawn; the Committee decides on one on its agenda."))
    matter.status = ForwardedMatter.Status.WITHDRAWN
    _attribute(matter, by)
    matter.save(update_fields=["status", "updated_at"])
    return matter
