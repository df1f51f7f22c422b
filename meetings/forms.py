"""Forms for the secretariat's meeting screens and the members' replies."""

from __future__ import annotations

import datetime
import zoneinfo

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime, AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import zones
from core.concurrency import ConcurrentEditForm
from core.models import DEFAULT_TIME_ZONE
from meetings import clashes
from meetings.models import (
    AgendaItem,
    Document,
    ForwardedMatter,
    Meeting,
    Minutes,
    Participation,
    PublicSummary,
    SilenceProcedure,
)
from meetings.services import describe_upload, redacted_passages_in, redaction_message, status_change_refusal
from workinggroups.models import Recommendation

# Anything larger is refused with a message, not stored half-way.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


# Meetings are scheduled within these years; a date outside them is a typing error, refused with a
# message (a year such as 9999 would otherwise overflow when the meeting's length is added to it).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def validate_meeting_date(value: datetime.datetime | None) -> None:
    """Refuse a meeting time outside the years the portal schedules in, with a message."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Give a date between %(first)d and %(last)d."), params={"first": FIRST_YEAR, "last": LAST_YEAR}
        )


class MeetingDateTimeField(forms.SplitDateTimeField):
    """A meeting's date and time, refused outside the years the portal schedules in."""

    default_validators = [validate_meeting_date]


class WallClockDateTimeField(MeetingDateTimeField):
    """A date and time kept as typed (naive): the meeting form places it in the meeting's own zone.

    Django's field would read it in the active zone first, which refuses times that do not exist
    there (a daylight-saving gap of the server's or the user's zone) and ties the result to it.
    """

    def compress(self, data_list):
        if data_list and data_list[0] is not None and data_list[1] is not None:
            return datetime.datetime.combine(*data_list)
        return super().compress(data_list)


class MeetingAdminForm(ConcurrentEditForm):
    """The meeting form: start and end are typed as wall-clock time in the meeting's own time zone."""

    class Meta:
        model = Meeting
        fields = "__all__"
        field_classes = {"starts_at": WallClockDateTimeField, "ends_at": WallClockDateTimeField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone_name = self.instance.time_zone or DEFAULT_TIME_ZONE
        for name in ("starts_at", "ends_at"):
            field = self.fields.get(name)
            if field is None:
                continue
            # The zone is named beside the inputs (static/admin-extra/meeting-zone.js follows the
            # zone field as it changes); Django's "hours behind server time" note is hidden there.
            field.help_text = format_html(
                '{} <strong class="venue-zone">{}</strong>',
                _("Local time at the meeting's place, in its time zone:"),
                zones.zone_label(zone_name, self.instance.starts_at if self.instance.pk else None),
            )
            value = getattr(self.instance, name) if self.instance.pk else None
            if value is not None:
                # Naive values are shown as they are: the wall-clock time at the venue.
                self.initial[name] = timezone.make_naive(value, zoneinfo.ZoneInfo(zone_name))
        # Postponed and cancelled are set by their own steps (meetings.scheduling), which ask why
        # and tell the participants; the form offers them only as the meeting's current status.
        field = self.fields.get("status")
        if field is not None:
            steps = {Meeting.Status.POSTPONED, Meeting.Status.CANCELLED} - {self.instance.status}
            field.choices = [choice for choice in field.choices if choice[0] not in steps]
            field.help_text = _("To postpone or cancel, use the buttons at the top of the page.")

    def _check_schedule(self, cleaned: dict) -> None:
        """Refuse a status the form may not set and a venue booked at that time, naming the other meeting."""
        probe = Meeting(
            pk=self.instance.pk,
            status=cleaned.get("status") or self.instance.status,
            date_to_be_announced=self.instance.date_to_be_announced,
            venue=cleaned.get("venue"),
            starts_at=cleaned.get("starts_at"),
            ends_at=cleaned.get("ends_at"),
            time_zone=cleaned.get("time_zone") or self.instance.time_zone,
        )
        refusal = status_change_refusal(self.instance.status if self.instance.pk else None, probe)
        if refusal and "status" in self.fields:
            self.add_error("status", refusal)
        if probe.starts_at and probe.ends_at and probe.ends_at > probe.starts_at:
            other = clashes.venue_clash(probe)
            if other is not None:
                self.add_error("venue", clashes.venue_clash_message(probe, other))

    def clean(self):
        # Placed in the zone first, so the stale-edit check (ConcurrentEditForm) compares aware times.
        self._place_times_in_zone(self.cleaned_data)
        cleaned = super().clean()
        self._check_schedule(cleaned)
        return cleaned

    def _place_times_in_zone(self, cleaned: dict) -> None:
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
                    # The typed wall-clock time, at the venue: whatever the server's or the user's zone.
                    wall = timezone.make_naive(value) if timezone.is_aware(value) else value
                    cleaned[name] = timezone.make_aware(wall, zone)
            starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
            if starts and ends and ends <= starts:
                self.add_error("ends_at", _("A meeting must end after it starts."))
        else:
            for name in ("starts_at", "ends_at"):
                if timezone.is_naive(cleaned.get(name) or timezone.now()):
                    cleaned.pop(name, None)  # No zone to place it in: the zone's own error says why.


class MinutesAdminForm(ConcurrentEditForm):
    class Meta:
        model = Minutes
        fields = "__all__"


def reason_field(label, help_text, *, rows: int = 3) -> forms.CharField:
    """Return the required free-text field a workflow step asks its reason in (amend, postpone, cancel)."""
    textarea = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(label=label, max_length=10000, widget=textarea, help_text=help_text)


class AmendmentForm(forms.Form):
    """Why approved minutes need correcting: shown to readers beside the amended text."""

    reason = reason_field(
        _("What does the amendment correct, and why?"), _("Readers see this beside the amended minutes."), rows=4
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


# --- The record between meetings: silence procedures and forwarded matters -------------------------


class StartSilenceForm(forms.Form):
    """What to put under silence, and until when: circulated minutes or a draft recommendation."""

    minutes = forms.ModelChoiceField(
        label=_("Circulated minutes"),
        queryset=Minutes.objects.none(),
        required=False,
        help_text=_("Only circulated minutes not already under silence are listed."),
    )
    recommendation = forms.ModelChoiceField(
        label=_("Draft recommendation"),
        queryset=Recommendation.objects.none(),
        required=False,
        help_text=_("Only draft recommendations not already under silence are listed."),
    )
    deadline = forms.SplitDateTimeField(label=_("Deadline"), widget=AdminSplitDateTime)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].queryset = (
            Minutes.objects.filter(status=Minutes.Status.CIRCULATED)
            .exclude(silence_procedures__status=SilenceProcedure.Status.OPEN)
            .select_related("meeting")
        )
        self.fields["recommendation"].queryset = Recommendation.objects.filter(
            status=Recommendation.Status.DRAFT
        ).exclude(silence_procedures__status=SilenceProcedure.Status.OPEN)
        # A split date-and-time field has no single element a <label> can point at: name each part.
        date_part, time_part = self.fields["deadline"].widget.widgets
        date_part.attrs["aria-label"] = _("Deadline: date")
        time_part.attrs["aria-label"] = _("Deadline: time")
        self.fields["deadline"].help_text = _(
            "In your time zone, %(zone)s. At least 24 hours from now: those concerned need time to read the text."
        ) % {"zone": zones.zone_label(timezone.get_current_timezone_name())}

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("minutes")) == bool(cleaned.get("recommendation")):
            raise ValidationError(_("Choose either the minutes or the recommendation to put under silence."))
        return cleaned


class ForwardMatterForm(forms.Form):
    """What a working group forwards to the Executive Committee: one agenda item or one draft recommendation."""

    source_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.select_related("meeting"), required=False
    )
    recommendation = forms.ModelChoiceField(
        label=_("Draft recommendation"),
        queryset=Recommendation.objects.filter(status=Recommendation.Status.DRAFT),
        required=False,
    )
    forwarded_on = forms.DateField(label=_("Forwarded on"), widget=AdminDateWidget, initial=timezone.localdate)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the working group asks of the Executive Committee, and why."),
    )

    def __init__(self, *args, admin_site=None, **kwargs):
        super().__init__(*args, **kwargs)
        if admin_site is not None:
            # Agenda items are many: typed and searched rather than listed.
            for name in ("source_item", "recommendation"):
                form_field = self.fields[name]
                form_field.widget = AutocompleteSelect(ForwardedMatter._meta.get_field(name), admin_site)
                form_field.widget.choices = form_field.choices

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("source_item")) == bool(cleaned.get("recommendation")):
            raise ValidationError(_("Choose either the agenda item or the recommendation to forward."))
        return cleaned


class PlaceMatterForm(forms.Form):
    """The Executive Committee meeting to place forwarded matters on: the next one unless another is chosen."""

    meeting = forms.ModelChoiceField(label=_("Executive Committee meeting"), queryset=Meeting.objects.none())

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        field.queryset = meetings if meetings is not None else Meeting.objects.none()
        field.empty_label = None
        field.label_from_instance = lambda meeting: (
            f"{meeting.title} — {formats.date_format(meeting.local_starts_at, 'DATE_FORMAT')}"
        )


class DecisionForm(forms.Form):
    """What the Executive Committee decided on a forwarded matter."""

    decision = forms.CharField(
        label=_("Decision"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown beside the matter to the members who may see the agenda item it came from."),
    )
