"""The outbox in the admin: what was sent, what is waiting, what failed and why; failed e-mails can be re-sent."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mailqueue import desk  # noqa: F401  (registers the failed e-mails on the secretariat's desk)
from mailqueue.models import OutboxMessage, SentReminder
from mailqueue.services import resend_failed


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
    list_filter = ("status",)
    search_fields = ("subject", "to", "message_id")
    date_hierarchy = "created_at"
    # The re-send action needs the "change" permission; every field stays read-only all the same.
    actions = ["resend"]
    fieldsets = (
        (None, {"fields": ("status", "subject", "from_email", "to", "body")}),
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
        (_("Other parts"), {"fields": ("payload",), "classes": ("collapse",)}),
    )

    @admin.display(description=_("to"))
    def recipients(self, obj: OutboxMessage) -> str:
        return ", ".join(obj.to)

    @admin.display(description=_("last error"))
    def short_error(self, obj: OutboxMessage) -> str:
        return Truncator(obj.last_error).chars(60)

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["change"])
    def resend(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
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
        if len(ids) > count:
            self.message_user(
                request, _("Only failed e-mails are sent again; the others were left as they are."), messages.WARNING
            )


@admin.register(SentReminder)
class SentReminderAdmin(_ReadOnly):
    list_display = ("created_at", "kind", "object_id", "recipient_id", "occasion")
    list_filter = ("kind",)
    search_fields = ("occasion",)
