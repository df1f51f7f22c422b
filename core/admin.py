"""Admin-site wiring: the back office names the portal; admin mixins every app's admin may use."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db import OperationalError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_a11y import NamedControlsAdminMixin, NamedControlsInlineMixin
from core.concurrency import VERSION_FIELD, ConcurrentEditForm, StaleEdit, is_retryable
from core.history import ReadableHistoryMixin

admin.site.site_header = _("REC Portal — Secretariat")
admin.site.site_title = _("REC Portal")
admin.site.index_title = _("The secretariat's desk")
# The home opens on this week's work (core/desk.py), the list of every record below it.
admin.site.index_template = "admin/desk_index.html"


class ConcurrentEditAdminMixin(NamedControlsAdminMixin):
    """A ModelAdmin that refuses saves made from a stale version of the record (core.concurrency).

    Its form (a ConcurrentEditForm) carries the version the page was opened at; the
    refusal shows who saved meanwhile and both versions side by side
    (templates/admin/change_form.html).
    """

    form = ConcurrentEditForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if VERSION_FIELD not in fields:
            fields.append(VERSION_FIELD)
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if VERSION_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets.append((None, {"fields": (VERSION_FIELD,), "classes": ("hidden",)}))
        return fieldsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OperationalError as error:
            if not is_retryable(error):
                raise
            messages.error(
                request,
                _(
                    "Someone else was saving the same records at that very moment. Nothing of yours was saved: "
                    "reopen the page, re-apply your changes and save again."
                ),
            )
            return HttpResponseRedirect(request.get_full_path())
        except StaleEdit:
            # The conditional UPDATE caught what no row lock could (SQLite): the transaction
            # was rolled back whole, so nothing of this save was written.
            messages.error(
                request,
                _(
                    "Someone else saved this record while you were saving it. Nothing of yours was saved: "
                    "reopen it, re-apply your changes and save again."
                ),
            )
            return HttpResponseRedirect(request.get_full_path())


class ConcurrentEditInlineMixin(NamedControlsInlineMixin):
    """An inline whose rows refuse saves made from a stale version, like the page they sit on (controls named)."""

    form = ConcurrentEditForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if VERSION_FIELD not in fields:
            fields.append(VERSION_FIELD)
        return fields


class HistoryAdmin(ReadableHistoryMixin, SimpleHistoryAdmin):
    """The admin of a record that keeps its history, shown readably: who changed what, when, texts as diffs."""
