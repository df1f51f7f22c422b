"""Reminders: of a meeting a week and a day ahead, of an action item before its due date and weekly once overdue.

Safe to run twice, or on two machines at once: each reminder is first logged in
`mailqueue.SentReminder` (unique per kind, object, recipient and occasion) and queued in the same
transaction, so a second run finds the log row and sends nothing. An occasion names the date it
is about, so a postponed meeting or a moved due date is reminded of again.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mailqueue.models import SentReminder
from mailqueue.services import queue_mail
from meetings.models import ActionItem, Meeting, Participation
from meetings.notifications import SUBJECT_PREFIX, _absolute, _meeting_context, _message, _with_revisions
from members.models import Member

# A week ahead, then a day ahead: the reminder due is the nearest of these the meeting is within.
MEETING_LEADS = (("day", datetime.timedelta(days=1)), ("week", datetime.timedelta(days=7)))
ACTION_LEAD = datetime.timedelta(days=3)
REMINDED_STATUSES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED)


def _once(kind: str, object_id: int, recipient_id: int, occasion: str) -> bool:
    """Log a reminder; return False if it was already logged (sent by an earlier or a parallel run)."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(kind=kind, object_id=object_id, recipient_id=recipient_id, occasion=occasion)
    except IntegrityError:
        return False
    return True


def _reachable(people) -> list[Member]:
    return [
        person
        for person in people
        if person.is_active and person.email and person.notify_reminders and person.user_id and person.user.is_active
    ]


def remind_meetings(*, now: datetime.datetime | None = None) -> int:
    """Queue the reminders due for meetings starting within a week; return how many were queued."""
    now = now or timezone.now()
    horizon = now + MEETING_LEADS[-1][1]
    meetings = Meeting.objects.filter(status__in=REMINDED_STATUSES, starts_at__gt=now, starts_at__lte=horizon)
    queued = 0
    for meeting_id in meetings.order_by("starts_at", "pk").values_list("pk", flat=True):
        queued += _remind_meeting(meeting_id, now)
    return queued


def _remind_meeting(meeting_id: int, now: datetime.datetime) -> int:
    meeting = _with_revisions(Meeting(pk=meeting_id))
    lead = next(name for name, delta in MEETING_LEADS if meeting.starts_at - now <= delta)
    occasion = f"{lead}:{meeting.starts_at.isoformat()}"
    # Invited and not declined: accepted, tentative, or no reply yet.
    participations = (
        Participation.objects.filter(meeting=meeting, invited_at__isnull=False)
        .exclude(rsvp=Participation.Rsvp.DECLINED)
        .select_related("member__user")
        .order_by("member_id")
    )
    queued = 0
    for person in _reachable(participation.member for participation in participations):
        with transaction.atomic():
            if not _once("meeting", meeting.pk, person.pk, occasion):
                continue
            with translation.override(person.preferred_language):
                context = _meeting_context(meeting, person, participant=True) | {"lead": lead}
                if lead == "day":
                    subject = _("Tomorrow: %(title)s") % {"title": meeting.title}
                else:
                    subject = _("In a week: %(title)s") % {"title": meeting.title}
                message = _message(person, subject, "emails/meeting_reminder.txt", context)
            queued += queue_mail([message])
    return queued


def _today() -> datetime.date:
    """Return today's date where the secretariat counts due dates, in the Council's zone."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()


def remind_action_items(*, today: datetime.date | None = None) -> int:
    """Queue reminders to the owners of open action items due within three days or overdue; return how many."""
    today = today or _today()
    items = (
        ActionItem.objects.open()
        .filter(owner__isnull=False, due_date__isnull=False, due_date__lte=today + ACTION_LEAD)
        .select_related("owner__user", "meeting")
        .order_by("due_date", "pk")
    )
    queued = 0
    for item in items:
        (person,) = _reachable([item.owner]) or (None,)
        if person is None:
            continue
        # The owner is told only of an item the policy lets them read (and not logged until they may).
        if not ActionItem.objects.visible_to(person.user).filter(pk=item.pk).exists():
            continue
        overdue = item.due_date < today
        if overdue:
            # The day after the due date, then every seven days.
            occasion = f"overdue:{item.due_date.isoformat()}:{(today - item.due_date).days // 7}"
        else:
            occasion = f"before:{item.due_date.isoformat()}"
        with transaction.atomic():
            if not _once("action", item.pk, person.pk, occasion):
                continue
            with translation.override(person.preferred_language):
                context = {
                    "person": person,
                    "item": item,
                    "meeting_title": item.meeting.title,
                    "due": item.due_date,
                    "overdue": overdue,
                    "days": (today - item.due_date).days if overdue else (item.due_date - today).days,
                    "url": _absolute(item.get_absolute_url()),
                }
                if overdue:
                    subject = _("Overdue: %(title)s") % {"title": item.title}
                else:
                    subject = _("Due soon: %(title)s") % {"title": item.title}
                body = render_to_string("emails/action_reminder.txt", context)
                message = _message_to(person, subject, body)
            queued += queue_mail([message])
    return queued


def _message_to(person: Member, subject: str, body: str) -> EmailMultiAlternatives:
    return EmailMultiAlternatives(subject=f"{SUBJECT_PREFIX}{subject}", body=body, to=[person.email])
