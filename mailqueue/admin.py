"""The outbox in the admin: what was sent, what is waiting, what failed and why; failed e-mails can be re-sent.

A sensitive message (a password reset, an account invitation) never shows its text here, to anyone:
its link signs its holder in. Its text cannot be searched nor filtered on either.
"""

from __future__ import annotations

import json

from django.contrib import admin, messages
from django.template.defaultfilters import linebreaksbr
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mailqueue import desk  # noqa: F401  (registers the failed e-mails on the secretariat's desk)
from mailqueue.models import OutboxMessage, SentReminder
from mailqueue.services import resend_failed

WITHHELD = _("Withheld: this e-mail carries a sign-in link.")

# The fields holding a message's text: never shown, searched, filtered or sorted on in the admin
# for a sensitive message, so not for any (a filter on them would answer yes or no about a link).
_TEXT_FIELDS = ("body", "payload")


class _ReadOnly(admin.ModelAdmin):
    """A log: nobody writes it by hand."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(_ReadOnly):
    list_display = ("created_at", "subject", "recipients", "status", "attempts", "short_error")
    list_filter = ("status", "sensitive")
    search_fields = ("subject", "to", "message_id")  # Never the text: see _TEXT_FIELDS.
    date_hierarchy = "created_at"
    # The re-send action needs the "change" permission; every field stays read-only all the same.
    actions = ["resend"]
    fieldsets = (
        (None, {"fields": ("status", "sensitive", "subject", "from_email", "to", "text")}),
        (
            _("Delivery"),
            {
                "fields": (
                    "created_at",
                    "attempts",
                    "max_attempts",
                    "last_attempt_at",
                    "last_error",
                    "available_at",
                    "enqueued_at",
                    "lease_until",
                    "sent_at",
                    "message_id",
                )
            },
        ),
        (_("Other parts"), {"fields": ("other_parts",), "classes": ("collapse",)}),
    )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "text", "other_parts"]

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        # ?body__contains=… would tell, row by row, whether a sign-in link starts with a guess.
        if lookup.split("__", 1)[0] in _TEXT_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("to"))
    def recipients(self, obj: OutboxMessage) -> str:
        return ", ".join(obj.to)

    @admin.display(description=_("last error"))
    def short_error(self, obj: OutboxMessage) -> str:
        return Truncator(obj.last_error).chars(60)

    @admin.display(description=_("text"))
    def text(self, obj: OutboxMessage) -> str:
        return WITHHELD if obj.sensitive else linebreaksbr(obj.body)

    @admin.display(description=_("other parts"))
    def other_parts(self, obj: OutboxMessage) -> str:
        return WITHHELD if obj.sensitive else json.dumps(obj.payload, ensure_ascii=False)

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["change"])
    def resend(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        refused = queryset.filter(status=OutboxMessage.Status.FAILED, sensitive=True).count()
        count = resend_failed(ids)
        if count:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail queued to be sent again.", "%(count)d e-mails queued to be sent again.", count
                )
                % {"count": count},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail carried a sign-in link, erased when it failed, so it cannot be sent again: "
                    "send a new password reset or account invitation instead.",
                    "%(count)d e-mails carried a sign-in link, erased when they failed, so they cannot be sent "
                    "again: send a new password reset or account invitation instead.",
                    refused,
                )
                % {"count": refused},
                messages.ERROR,
            )
        if len(ids) > count + refused:
            self.message_user(
                request, _("Only failed e-mails are sent again; the others were left as they are."), messages.WARNING
            )


@admin.register(SentReminder)
class SentReminderAdmin(_ReadOnly):
    list_display = ("created_at", "kind", "object_id", "recipient_id", "occasion")
    list_filter = ("kind",)
    search_fields = ("occasion",)
