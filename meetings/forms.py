"""Forms for the secretariat's meeting screens."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import ConcurrentEditForm
from meetings.models import Document, Meeting, Minutes, Participation, PublicSummary
from meetings.services import describe_upload, redacted_passages_in, redaction_message

# Anything larger is refused with a message, not stored half-way.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class MeetingAdminForm(ConcurrentEditForm):
    """The meeting form: start and end are typed as wall-clock time in the meeting's own time zone."""

    class Meta:
        model = Meeting
        fields = "__all__"
        help_texts = {
            "starts_at": _("Local time at the meeting's place (its time zone below), not your own."),
            "ends_at": _("Local time at the meeting's place (its time zone below), not your own."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in ("starts_at", "ends_at"):
                value = getattr(self.instance, name)
                if value is not None:
                    # Naive values are shown as they are: the wall-clock time at the venue.
                    self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned = super().clean()
        venue = cleaned.get("venue")
        if venue and "time_zone" not in self.changed_data and not self.instance.pk:
            # A new meeting at a venue takes the venue's zone unless one was chosen.
            cleaned["time_zone"] = venue.time_zone
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                value = cleaned.get(name)
                if value is not None:
                    # The field read the typed time in the server's zone; re-read it at the venue.
                    wall = timezone.make_naive(value, timezone.get_current_timezone())
                    cleaned[name] = timezone.make_aware(wall, zone)
            starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
            if starts and ends and ends <= starts:
                self.add_error("ends_at", _("A meeting must end after it starts."))
        return cleaned


class MinutesAdminForm(ConcurrentEditForm):
    class Meta:
        model = Minutes
        fields = "__all__"


class AmendmentForm(forms.Form):
    """Why approved minutes need correcting: shown to readers beside the amended text."""

    reason = forms.CharField(
        label=_("What does the amendment correct, and why?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Readers see this beside the amended minutes."),
    )


class PublicSummaryAdminForm(ConcurrentEditForm):
    class Meta:
        model = PublicSummary
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        # A published text stays live while it is edited: it may never take in a marked passage.
        if self.instance.pk and self.instance.status == PublicSummary.Status.PUBLISHED and not self.errors:
            probe = PublicSummary(meeting_id=self.instance.meeting_id)
            for name, value in cleaned.items():
                if name.startswith(("title_", "text_")):
                    setattr(probe, name, value)
            found = redacted_passages_in(probe)
            if found:
                raise ValidationError(redaction_message(found))
        return cleaned


class DocumentForm(ConcurrentEditForm):
    """The document form: checks the upload and records its checksum, size and type."""

    class Meta:
        model = Document
        fields = [
            "title",
            "file",
            "language",
            "original",
            "translation_status",
            "meeting",
            "agenda_item",
            "group",
            "level",
        ]

    def clean(self):
        cleaned = super().clean()
        # "Translation of" chosen: the document is a translation; say so unless a status was chosen.
        original, status = cleaned.get("original"), cleaned.get("translation_status")
        if original is not None and status in (None, "", Document.TranslationStatus.ORIGINAL):
            cleaned["translation_status"] = Document.TranslationStatus.TRANSLATED
            self.instance.translation_status = Document.TranslationStatus.TRANSLATED
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "chunks") and upload.size and upload.size > MAX_DOCUMENT_BYTES:
            raise ValidationError(
                _("The file is larger than %(limit)d MB; split it or compress it."),
                params={"limit": MAX_DOCUMENT_BYTES // (1024 * 1024)},
            )
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data and hasattr(upload, "chunks"):
            describe_upload(document=self.instance, upload=upload)
        return super().save(commit=commit)


class RsvpForm(forms.Form):
    """A reply to an invitation: accept, tentative or decline, in person or online."""

    rsvp = forms.ChoiceField(
        label=_("Reply"),
        choices=[
            (Participation.Rsvp.ACCEPTED, _("Accept")),
            (Participation.Rsvp.TENTATIVE, _("Tentative")),
            (Participation.Rsvp.DECLINED, _("Decline")),
        ],
    )
    mode = forms.ChoiceField(
        label=_("I will attend"), choices=Participation.Mode.choices, required=False, widget=forms.RadioSelect
    )
