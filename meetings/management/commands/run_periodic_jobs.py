"""Queue the portal's periodic jobs; run it from cron or a systemd timer every few minutes (docs/deployment.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mailqueue.tasks import sweep_outbox
from meetings.periodic import close_silence_procedures, send_action_reminders, send_meeting_reminders

JOBS = {
    "silence": close_silence_procedures,
    "meeting-reminders": send_meeting_reminders,
    "action-reminders": send_action_reminders,
    "outbox": sweep_outbox,
}


class Command(BaseCommand):
    help = (
        "Queue the periodic jobs as background tasks: close silence procedures whose deadline passed, meeting "
        "reminders (a week and a day ahead), action-item reminders (before the due date, then weekly when "
        "overdue) and the outbox sweep (e-mails a stopped worker left half-sent, retries that are due, sent e-mails "
        "past MAIL_RETENTION_DAYS deleted). Every "
        "job is safe to run twice, or twice at once. Run it every five minutes from cron or a systemd timer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("jobs", nargs="*", choices=[[], *JOBS], help="Only these jobs (default: all).")

    def handle(self, *args: Any, jobs: list[str], **options: Any) -> None:
        for name in jobs or JOBS:
            result = JOBS[name].enqueue()
            self.stdout.write(f"{name}: {result.status.lower()} ({result.id})")
