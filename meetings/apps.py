from __future__ import annotations

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _repair_search_index(*, using: str, **kwargs) -> None:
    """Put back SQLite's search triggers if a migration rebuilt the summaries' table without them."""
    from meetings.search import ensure_sqlite_index

    ensure_sqlite_index(connections[using])


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        # Database upkeep, not business logic: SQLite drops a table's triggers when it rebuilds it.
        post_migrate.connect(_repair_search_index, sender=self, dispatch_uid="meetings_search_index")
