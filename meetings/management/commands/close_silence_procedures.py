"""Adopt the texts whose silence procedure reached its deadline unbroken; run it from cron every few minutes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from meetings import services


class Command(BaseCommand):
    help = (
        "Adopt the minutes and recommendations whose silence procedure reached its deadline with nobody breaking "
        "silence, and tell those concerned. Safe to run twice, or twice at once: each text is adopted once. "
        "Run it every few minutes from cron (e.g. */5 * * * *)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        adopted = services.close_due_silence_procedures()
        for procedure in adopted:
            self.stdout.write(f"Adopted: {procedure.text} (deadline {procedure.deadline.isoformat()})")
        self.stdout.write(self.style.SUCCESS(f"{len(adopted)} silence procedure(s) closed with adoption."))
