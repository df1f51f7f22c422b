"""The outbox on the secretariat's desk (core/desk.py): e-mails given up on after their last attempt."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.desk import Row, Source, changelist_url, register
from mailqueue.models import OutboxMessage


def failed_emails(now: datetime) -> QuerySet:
    """The e-mails that failed, newest first: for the secretariat to read why and re-send."""
    return OutboxMessage.objects.failed().order_by("-last_attempt_at", "-pk")


def _failed_row(message: OutboxMessage) -> Row:
    moment = timezone.localtime(message.last_attempt_at or message.created_at)
    when = formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    note = _("to %(to)s · %(when)s") % {"to": ", ".join(message.to), "when": when}
    return Row(message.subject, reverse("admin:mailqueue_outboxmessage_change", args=[message.pk]), note)


register(
    Source(
        "failed_emails",
        gettext_lazy("E-mails that failed"),
        90,
        "mailqueue.view_outboxmessage",
        failed_emails,
        _failed_row,
        lambda now: changelist_url(OutboxMessage, status="failed"),
    )
)
