"""History you can read: each change of a record shown as a person would write it, texts as word-level diffs."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.models import DeletedObject, ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from core.diff import word_diff

EMPTY = "—"


class ReadableHistoryContextHelper(HistoricalRecordContextHelper):
    """Format a historical record's changes whole: no cut texts, no "Deleted user (pk=None)" for an empty field."""

    def context_for_delta_changes(self, delta: ModelDelta) -> list[dict[str, Any]]:
        rows = []
        for change in delta.changes:
            field = self.model._meta.get_field(change.field)
            row = {"field": capfirst(str(field.verbose_name)), "old": EMPTY, "new": EMPTY, "diff": None}
            if isinstance(field, models.TextField | models.CharField) and not field.choices:
                row["diff"] = word_diff(change.old or "", change.new or "")
            else:
                row["old"] = conditional_escape(self._display(field, change.old))
                row["new"] = conditional_escape(self._display(field, change.new))
            rows.append(row)
        return rows

    def _display(self, field: models.Field, value: Any) -> str:
        if value is None or value == "" or (isinstance(value, DeletedObject) and value.pk is None):
            return EMPTY
        if isinstance(value, DeletedObject):
            return _("%(model)s no longer kept (id %(pk)s)") % {"model": value.model._meta.verbose_name, "pk": value.pk}
        if isinstance(field, models.ManyToManyField):
            return ", ".join(str(item) for item in value) or EMPTY
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        return str(value)


class ReadableHistoryMixin:
    """A SimpleHistoryAdmin whose history page shows each change readably (core.history)."""

    object_history_list_template = "admin/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryContextHelper(self.model, historical_record)
