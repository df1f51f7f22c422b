"""No lost edit: a save made from a stale version of a row is refused, atomically, and shows both versions.

Every form the secretariat edits a record with carries the row's `updated_at` as it was when
the form was opened (`loaded_version`). Two guards, both inside the save's transaction:

1. `ConcurrentEditForm.clean` locks the row (`SELECT … FOR UPDATE` on PostgreSQL) and compares
   the versions: a later save of the same version waits for the first to commit, then finds
   the new version and is refused with who saved, when, and their values beside mine. The
   form then carries the new version, so that after merging by hand the next save goes
   through (it overwrites knowingly, never silently).
2. The row's own UPDATE is conditional (`… WHERE updated_at = <loaded version>`,
   `VersionChecked._do_update`): where no row lock exists (SQLite) or a path skips the
   form, a stale save changes nothing and raises `StaleEdit`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

VERSION_FIELD = "loaded_version"


# PostgreSQL's answers when two transactions could not both go on: deadlock, serialisation failure.
RETRYABLE_SQLSTATES = {"40P01", "40001"}


def is_retryable(error: Exception) -> bool:
    """Return whether a database error means "someone else was writing the same rows at that moment"."""
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "pgcode", None) in RETRYABLE_SQLSTATES


class StaleEdit(Exception):
    """A row was saved from a version someone else had already replaced; nothing was written."""

    def __init__(self, model: type[models.Model], pk: Any) -> None:
        self.model, self.pk = model, pk
        super().__init__(f"{model._meta.label} {pk} was changed by someone else meanwhile.")


class VersionChecked:
    """A model mixin: an UPDATE given the version it was loaded at changes the row only if it is still that version.

    The version is the row's `updated_at` (`core.models.TimeStampedModel`), renewed by every save.
    """

    def expect_version(self, version: datetime.datetime | None) -> None:
        """Make the next save of this instance refuse (StaleEdit) unless the row is still at `version`."""
        self._expected_version = version

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        expected = self.__dict__.pop("_expected_version", None)
        if expected is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        updated = super()._do_update(
            base_qs.filter(updated_at=expected), using, pk_val, values, update_fields, forced_update
        )
        if not updated and base_qs.filter(pk=pk_val).exists():
            raise StaleEdit(type(self), pk_val)
        return updated


@dataclass
class Conflict:
    """Who saved the row meanwhile, when, and each field where their version and mine differ."""

    who: str
    when: datetime.datetime
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (label, theirs, mine)


def _display(form_field: forms.Field, value: Any) -> str:
    if value in (None, ""):
        return "—"
    choices = getattr(form_field, "choices", None)
    if choices is not None and not isinstance(value, models.Model):
        labels = {str(key): label for key, label in choices if not isinstance(label, (list, tuple))}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def last_change(instance: models.Model) -> tuple[str, datetime.datetime | None]:
    """Return who last saved `instance` (from its history, if it keeps one; "" when unknown) and when."""
    history = getattr(type(instance), "history", None)
    record = None
    if history is not None and instance.pk is not None:
        record = history.filter(**{type(instance)._meta.pk.attname: instance.pk}).select_related("history_user").first()
    if record is not None:
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user is not None else ""
        return who, record.history_date
    return "", getattr(instance, "updated_at", None)


class ConcurrentEditForm(forms.ModelForm):
    """A model form that refuses to overwrite changes someone else saved after it was opened."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk and self.instance.updated_at:
            self.fields[VERSION_FIELD].initial = self.instance.updated_at.isoformat()

    def _loaded(self) -> datetime.datetime | None:
        text = (self.data.get(self.add_prefix(VERSION_FIELD)) or "").strip()
        try:
            value = parse_datetime(text) if text else None
        except ValueError:
            value = None
        return value

    def clean(self):
        cleaned = super().clean()
        loaded = self._loaded()
        if not self.instance.pk or loaded is None:
            return cleaned
        model = type(self.instance)
        # Rows are locked after the rows they belong to (an agenda item after its meeting), the
        # order the meeting page with its inline rows takes, so the two never wait on each other.
        for parent in getattr(model, "locked_after", ()):
            field = model._meta.get_field(parent)
            parent_id = getattr(self.instance, field.attname)
            if parent_id is not None:
                field.related_model._default_manager.select_for_update(no_key=True).filter(pk=parent_id).exists()
        # Locked until the save's transaction ends (the admin saves inside one), so no other
        # save of this row can pass this check at the same time. NO KEY: rows that merely point
        # here (an agenda item saved on its own page locks its meeting FOR KEY SHARE) do not
        # wait on it, so a page and its inline rows saved at once cannot deadlock.
        current = model._default_manager.select_for_update(no_key=True).filter(pk=self.instance.pk).first()
        if current is None or current.updated_at == loaded:
            return cleaned
        who, when = last_change(current)
        self.conflict = Conflict(who=who, when=when or current.updated_at, fields=self._differences(current))
        # The next save is made knowing their version: it carries it.
        data = self.data.copy()
        data[self.add_prefix(VERSION_FIELD)] = current.updated_at.isoformat()
        self.data = data
        when_text = formats.date_format(timezone.localtime(self.conflict.when), "DATETIME_FORMAT")
        if who:
            message = _(
                "Someone else saved this record (%(who)s, at %(time)s) after you opened it. Nothing of yours was "
                "saved, and nothing of theirs was overwritten. Compare the two versions, merge what you need into "
                "the form, and save again."
            )
        else:
            message = _(
                "Someone else saved this record at %(time)s, after you opened it. Nothing of yours was saved, and "
                "nothing of theirs was overwritten. Compare the two versions, merge what you need into the form, "
                "and save again."
            )
        raise ValidationError(message, code="concurrent_edit", params={"who": who, "time": when_text})

    def _differences(self, current: models.Model) -> list[tuple[str, str, str]]:
        rows = []
        for name, form_field in self.fields.items():
            if name == VERSION_FIELD or isinstance(form_field.widget, forms.HiddenInput):
                continue
            try:
                theirs = getattr(current, name)
            except (AttributeError, ValueError):
                continue
            if isinstance(form_field, forms.ModelMultipleChoiceField):
                continue  # Many-to-many values live outside the row.
            mine = self.cleaned_data.get(name, self.data.get(self.add_prefix(name)))
            if getattr(form_field, "disabled", False) or mine == theirs:
                continue
            if _display(form_field, mine) != _display(form_field, theirs):
                rows.append((str(form_field.label or name), _display(form_field, theirs), _display(form_field, mine)))
        return rows

    def _post_clean(self):
        super()._post_clean()
        loaded = self._loaded()
        if self.instance.pk and loaded is not None and hasattr(self.instance, "expect_version"):
            self.instance.expect_version(loaded)
