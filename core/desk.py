"""The secretariat's desk: the admin home's panels of this week's work, gathered from the apps.

`core` knows no domain, so the apps bring their own panels: each registers a `Source` (one
query, counting and listing at once) under a panel's key, in its admin module; sources under
the same key share one panel (translations pending come from meetings and from news). The
admin home (templates/admin/desk_index.html) asks `panels_for(user)`, which runs only the
sources whose model the user may view: one query per source, however much data there is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet, Window
from django.urls import reverse
from django.utils import timezone

from core.admin_translations import TARGETS, missing_in

ROWS = 5  # The first few rows of each panel; the panel's link opens the whole list.
# The languages a public text must have besides English before the desk stops asking for them: all of them.
TRANSLATED_INTO = TARGETS


@dataclass(frozen=True)
class Row:
    """One thing to do: what, where to do it, and a short note (when, how many)."""

    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Source:
    """An app's contribution to a panel: a query of things to do, and how to show each."""

    panel: str
    title: str  # The panel's title (the first source registered under a key names it).
    order: int
    permission: str  # "app_label.view_model": the source counts only for people who may view it.
    query: Callable[[datetime], QuerySet | None]  # None: the source does not exist yet (a slot).
    row: Callable[[object], Row]
    changelist: Callable[[datetime], str]


@dataclass
class Panel:
    key: str
    title: str
    order: int
    url: str
    count: int = 0
    rows: list[Row] = field(default_factory=list)


_SOURCES: list[Source] = []


def register(source: Source) -> None:
    """Add a source to the desk (idempotent, so a module imported twice registers once)."""
    if not any(s.panel == source.panel and s.query.__qualname__ == source.query.__qualname__ for s in _SOURCES):
        _SOURCES.append(source)


def counted(queryset: QuerySet, limit: int = ROWS) -> tuple[int, list]:
    """Return the number of rows and the first `limit` of them, in one query (COUNT(*) OVER ())."""
    rows = list(queryset.annotate(desk_total=Window(Count("pk")))[:limit])
    return (rows[0].desk_total if rows else 0), rows


def panels_for(user, now: datetime | None = None) -> list[Panel]:
    """Return the desk's panels the user may see, in order, each with its count and first rows."""
    now = now or timezone.now()
    panels: dict[str, Panel] = {}
    for source in sorted(_SOURCES, key=lambda s: s.order):
        if not user.has_perm(source.permission):
            continue
        queryset = source.query(now)
        if queryset is None:
            continue  # A slot for a model still to come: no panel until it exists.
        panel = panels.setdefault(source.panel, Panel(source.panel, source.title, source.order, source.changelist(now)))
        total, rows = counted(queryset)
        panel.count += total
        panel.rows += [source.row(obj) for obj in rows]
    for panel in panels.values():
        panel.rows = panel.rows[:ROWS]
    return sorted(panels.values(), key=lambda p: p.order)


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def changelist_url(model, **params) -> str:
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def untranslated(fields: tuple[str, ...]) -> Q:
    """Rows where a translated field is written in English but not yet in every language of TRANSLATED_INTO."""
    missing = Q()
    for code in TRANSLATED_INTO:
        missing |= missing_in(fields, code)
    return missing


def untranslated_row(obj, fields: tuple[str, ...] = ("title", "description", "text", "lead", "body")) -> Row:
    """A row naming the record and the languages it still lacks."""
    missing = [
        code
        for code in TRANSLATED_INTO
        if any(getattr(obj, f"{name}_en", "") and not getattr(obj, f"{name}_{code}", "") for name in fields)
    ]
    return Row(str(obj), change_url(obj), f"{obj._meta.verbose_name}: {', '.join(missing)}")
