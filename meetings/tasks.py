"""The slow work of meetings as background tasks (Django's Tasks API): e-mail fan-outs, reminders, deadlines.

Tasks take ids, never model instances, so that any backend can carry them; each reads the rows
afresh and writes its e-mails to the outbox in one transaction (mailqueue), which delivers them
after commit. A web request only writes its rows and queues a task.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from meetings import notifications
from meetings.models import Meeting, Minutes, SilenceProcedure
from members.models import Member


@task()
def mail_invitations(meeting_id: int, member_ids: list[int]) -> int:
    """E-mail the invitation to a meeting to the given people; return how many e-mails were queued."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    people = Member.objects.filter(pk__in=member_ids).select_related("user").order_by("pk")
    with transaction.atomic():
        return notifications.mail_invitations(meeting=meeting, people=people)


@task()
def notify_meeting_changed(meeting_id: int, changes: list[str]) -> int:
    """E-mail the invited participants that their meeting changed or was cancelled."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    with transaction.atomic():
        return notifications.notify_meeting_changed(meeting=meeting, changes=changes)


@task()
def notify_minutes(minutes_id: int, event: str) -> int:
    """E-mail the readers of minutes that they were circulated or approved."""
    minutes = Minutes.objects.filter(pk=minutes_id).first()
    if minutes is None:
        return 0
    with transaction.atomic():
        return notifications.notify_minutes(minutes=minutes, event=event)


@task()
def notify_silence(procedure_id: int, event: str) -> int:
    """E-mail what happened to a silence procedure to those it concerns."""
    procedure = SilenceProcedure.objects.filter(pk=procedure_id).first()
    if procedure is None:
        return 0
    with transaction.atomic():
        return notifications.notify_silence(procedure=procedure, event=event)
