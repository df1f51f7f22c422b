"""The outbox: every e-mail the portal sends, stored before it is delivered, and the log of reminders sent."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessageQuerySet(models.QuerySet):
    def failed(self) -> OutboxMessageQuerySet:
        """The e-mails given up on after their last attempt: for the secretariat to look at and re-send."""
        return self.filter(status=OutboxMessage.Status.FAILED)

    def waiting(self) -> OutboxMessageQuerySet:
        """The e-mails not delivered yet (queued, being sent, or waiting for a retry)."""
        return self.filter(status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.SENDING])


class OutboxMessage(models.Model):
    """One e-mail to deliver, written in the sender's transaction and delivered by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    subject = models.CharField(_("subject"), max_length=998)
    from_email = models.CharField(_("from"), max_length=254)
    to = models.JSONField(_("to"), default=list, help_text=_("The recipients' addresses."))
    body = models.TextField(_("text"))
    # cc, bcc, reply_to, extra headers, alternatives and attachments, as EmailMessage holds them.
    payload = models.JSONField(_("other parts"), default=dict, blank=True)
    message_id = models.CharField(
        _("Message-ID"),
        max_length=255,
        help_text=_("The same on every attempt, so that a mail program can tell a repeated delivery."),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=5)
    available_at = models.DateTimeField(_("next attempt not before"))
    enqueued_at = models.DateTimeField(_("delivery task queued"), null=True, blank=True)
    lease_until = models.DateTimeField(
        _("claimed until"),
        null=True,
        blank=True,
        help_text=_("While being sent: after this time a worker is presumed dead and the message is queued again."),
    )
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sensitive = models.BooleanField(
        _("carries a sign-in link"),
        default=False,
        help_text=_(
            "A password reset or account invitation: its text is never shown, and is erased once it is sent or failed."
        ),
    )

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "available_at"], name="mailqueue_due")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="mailqueue_sent_has_time"
            ),
            models.CheckConstraint(
                condition=~Q(status="sending") | Q(lease_until__isnull=False), name="mailqueue_sending_has_lease"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class SentReminder(models.Model):
    """A reminder that went out, so that a periodic job run twice (or at once on two machines) sends it once."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("object"))
    recipient_id = models.PositiveBigIntegerField(_("recipient (person)"))
    occasion = models.CharField(_("occasion"), max_length=100)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient_id", "occasion"], name="mailqueue_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.recipient_id} ({self.occasion})"
