"""The periodic jobs of meetings, as background tasks: `manage.py run_periodic_jobs` queues them from cron.

Each is safe to run twice, or on two machines at once: reminders are logged under a unique
constraint before they are queued (meetings.reminders), and silence procedures are claimed by a
conditional UPDATE (meetings.services.close_due_silence_procedures).
"""

from __future__ import annotations

from django_tasks import task

from meetings import reminders, services


@task()
def send_meeting_reminders() -> int:
    """Remind the participants of meetings a week and a day ahead; return how many reminders were queued."""
    return reminders.remind_meetings()


@task()
def send_action_reminders() -> int:
    """Remind owners of action items before the due date and, once overdue, every week; return how many."""
    return reminders.remind_action_items()


@task()
def close_silence_procedures() -> int:
    """Adopt the texts whose silence procedure's deadline has passed; return how many."""
    return len(services.close_due_silence_procedures())
