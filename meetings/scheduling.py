"""The secretariat's scheduling steps: postpone, cancel, and schedule the next meeting like this one.

Each step is atomic, refuses to act on a version of the meeting someone else has replaced
since the page was opened, keeps its reason on the meeting (and its history), and tells the
invited participants once committed. Marking a meeting as held goes through the meeting form
(`services.save_meeting`), which refuses it before the meeting ends and tells nobody.
"""

from __future__ import annotations

import datetime
import re
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import StaleEdit
from meetings import clashes, notifications
from meetings.models import AgendaItem, Meeting, MeetingOrganization, Participation
from meetings.services import WorkflowError, _attribute

# The parts of a meeting the next one like it does not take over: its identity, date and fate.
NOT_DUPLICATED = {
    "id",
    "slug",
    "created_at",
    "updated_at",
    "status",
    "starts_at",
    "ends_at",
    "date_to_be_announced",
    "postponement_reason",
    "cancellation_reason",
}
# Organisations that made the meeting happen come along; those who merely attended do not.
ORGANISING = (MeetingOrganization.Role.ORGANISER, MeetingOrganization.Role.CO_ORGANISER)


def _locked(meeting: Meeting, version: datetime.datetime | None) -> Meeting:
    """Return `meeting` locked for this transaction, refusing it if it changed since `version` was read."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if version is not None and current.updated_at != version:
        raise WorkflowError(
            _(
                "Someone else changed this meeting after you opened this page. Nothing was done: look at the "
                "meeting again, then repeat the step."
            )
        )
    # Where no row lock exists (SQLite), the UPDATE itself checks the version (core.concurrency).
    current.expect_version(current.updated_at)
    return current


def _save(meeting: Meeting, by, reason: str) -> None:
    meeting._change_reason = reason
    _attribute(meeting, by)
    try:
        clashes.save_booking(meeting)
    except StaleEdit as error:
        raise WorkflowError(_("Someone else saved this meeting at the same moment. Nothing was done.")) from error


def _tell_participants(meeting: Meeting, changes: list[str]) -> None:
    # After commit: a rolled-back step mails no one, and a failed mail never undoes the step.
    transaction.on_commit(partial(notifications.notify_meeting_changed, meeting=meeting, changes=changes), robust=True)


def _require_reason(reason: str, message: str) -> str:
    reason = reason.strip()
    if not reason:
        raise WorkflowError(message)
    return reason[:10000]


@transaction.atomic
def postpone_meeting(
    *,
    meeting: Meeting,
    by,
    reason: str,
    starts_at: datetime.datetime | None = None,
    version: datetime.datetime | None = None,
) -> Meeting:
    """Postpone `meeting` to `starts_at` (its length kept) or, without one, to a date to be announced; tell everyone.

    Calendars follow: the .ics sent moves the event (new DTSTART, higher SEQUENCE) or, with no
    date yet, withdraws it until the new date is set by postponing again.
    """
    reason = _require_reason(reason, _("Say why the meeting is postponed."))
    meeting = _locked(meeting, version)
    if meeting.status in {Meeting.Status.CANCELLED, Meeting.Status.HELD}:
        raise WorkflowError(
            _("A meeting that is %(status)s cannot be postponed.") % {"status": meeting.get_status_display().lower()}
        )
    changes = ["status"]
    if starts_at is None:
        meeting.date_to_be_announced = True
    else:
        if starts_at <= timezone.now():
            raise WorkflowError(_("The new date must be in the future."))
        length = meeting.ends_at - meeting.starts_at
        changes += ["starts_at", "ends_at"]
        meeting.starts_at, meeting.ends_at = starts_at, starts_at + length
        meeting.date_to_be_announced = False
    meeting.status = Meeting.Status.POSTPONED
    meeting.postponement_reason = reason
    _save(meeting, by, "postponed")
    _tell_participants(meeting, changes)
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, by, reason: str, version: datetime.datetime | None = None) -> Meeting:
    """Cancel `meeting`: its online link goes from every page, e-mail and feed, and calendars drop the event."""
    reason = _require_reason(reason, _("Say why the meeting is cancelled."))
    meeting = _locked(meeting, version)
    if meeting.status in {Meeting.Status.CANCELLED, Meeting.Status.HELD}:
        raise WorkflowError(
            _("A meeting that is %(status)s cannot be cancelled.") % {"status": meeting.get_status_display().lower()}
        )
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancellation_reason = reason
    _save(meeting, by, "cancelled")
    _tell_participants(meeting, ["status"])
    return meeting


def _free_slug(base: str) -> str:
    taken = set(Meeting.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def duplicate_meeting(*, meeting: Meeting, by, starts_at: datetime.datetime, copy_online_url: bool = True) -> Meeting:
    """Schedule the next meeting like `meeting` at `starts_at`: same body, venue, level, agenda and people.

    The length is kept. Participants come uninvited, with no reply and no attendance; replies,
    minutes, documents, summaries, actions and attending organisations stay with the original.
    """
    source = Meeting.objects.get(pk=meeting.pk)
    new = Meeting()
    # The link is copied as data, never read (meetings.access.online_url_for hands it out).
    skip = NOT_DUPLICATED if copy_online_url else NOT_DUPLICATED | {"online_url"}
    for field in Meeting._meta.concrete_fields:
        if field.attname not in skip:
            setattr(new, field.attname, getattr(source, field.attname))
    new.status = Meeting.Status.PLANNED
    new.starts_at = starts_at
    new.ends_at = starts_at + (source.ends_at - source.starts_at)
    date = timezone.localtime(starts_at, source.zone).date().isoformat()
    stem = re.sub(r"-\d{4}-\d{2}-\d{2}(-\d+)?$", "", source.slug)[: Meeting._meta.get_field("slug").max_length - 15]
    new.slug = _free_slug(f"{stem}-{date}")
    _save(new, by, f"duplicated from meeting {source.pk}")
    skip = {"id", "meeting_id", "created_at", "updated_at"}
    for item in AgendaItem.objects.filter(meeting=source).order_by("order"):
        copy = AgendaItem(meeting=new)
        for field in AgendaItem._meta.concrete_fields:
            if field.attname not in skip:
                setattr(copy, field.attname, getattr(item, field.attname))
        _attribute(copy, by)
        copy.save()
    for participation in Participation.objects.filter(meeting=source).order_by("pk"):
        # Not invited yet, no reply, attendance not recorded: the defaults.
        copy = Participation(meeting=new, member_id=participation.member_id, role=participation.role)
        _attribute(copy, by)
        copy.save()
    MeetingOrganization.objects.bulk_create(
        MeetingOrganization(meeting=new, organization_id=row.organization_id, role=row.role)
        for row in MeetingOrganization.objects.filter(meeting=source, role__in=ORGANISING)
    )
    return new
