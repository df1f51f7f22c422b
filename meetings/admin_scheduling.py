"""The meeting admin's scheduling: its postpone, cancel and duplicate pages, and clash warnings on the change form.

Mixed into `meetings.admin.MeetingAdmin`. The steps are services (`meetings.scheduling`); these
pages ask, confirm and report. Like every admin form, a step refuses to act on a version of
the meeting that someone else replaced after the page was opened (`loaded_version`).
"""

from __future__ import annotations

import datetime
import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from core import zones
from core.concurrency import VERSION_FIELD
from meetings import clashes, scheduling
from meetings.forms import MeetingDateTimeField, reason_field
from meetings.models import Meeting
from meetings.services import WorkflowError


def _at_the_meeting(value: datetime.datetime | None, zone_name: str) -> datetime.datetime | None:
    """Re-read a typed date and time as wall-clock time at the meeting's place (the field read it in the server's)."""
    if value is None:
        return None
    wall = timezone.make_naive(value, timezone.get_current_timezone())
    return timezone.make_aware(wall, zoneinfo.ZoneInfo(zone_name))


class _StepForm(forms.Form):
    """A step on one meeting, carrying the version of the meeting the page was opened at."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields[VERSION_FIELD].initial = meeting.updated_at.isoformat()
        if "starts_at" in self.fields:
            self.fields["starts_at"].help_text = _(
                "Local time at the meeting's place (%(zone)s). The meeting keeps its length."
            ) % {"zone": zones.zone_label(meeting.time_zone, meeting.starts_at)}

    def version(self) -> datetime.datetime | None:
        try:
            return parse_datetime(self.cleaned_data.get(VERSION_FIELD) or "")
        except ValueError:
            return None


class PostponeForm(_StepForm):
    starts_at = MeetingDateTimeField(label=_("New start"), required=False, widget=AdminSplitDateTime)
    to_be_announced = forms.BooleanField(label=_("The new date is not known yet (to be announced)"), required=False)
    reason = reason_field(_("Reason"), _("Sent to the participants and shown to members on the meeting's page."))

    def clean(self):
        cleaned = super().clean()
        starts, later = cleaned.get("starts_at"), cleaned.get("to_be_announced")
        if starts and later:
            raise forms.ValidationError(_("Give a new start or say the date is to be announced, not both."))
        if not starts and not later and "starts_at" not in self.errors:
            raise forms.ValidationError(_("Give the new start, or say the date is to be announced."))
        cleaned["starts_at"] = _at_the_meeting(starts, self.meeting.time_zone)
        return cleaned


class CancelForm(_StepForm):
    reason = reason_field(_("Reason"), _("Sent to the participants and shown on the meeting's page."))


class DuplicateForm(_StepForm):
    starts_at = MeetingDateTimeField(label=_("Start of the new meeting"), widget=AdminSplitDateTime)
    copy_online_url = forms.BooleanField(label=_("Keep the same online link"), required=False, initial=True)

    def clean(self):
        cleaned = super().clean()
        cleaned["starts_at"] = _at_the_meeting(cleaned.get("starts_at"), self.meeting.time_zone)
        return cleaned


class SchedulingAdminMixin:
    """Postpone, cancel and duplicate pages for a meeting; clash warnings when it is opened and saved."""

    def get_urls(self):
        steps = [
            path(f"<int:pk>/{name}/", self.admin_site.admin_view(view), name=f"meetings_meeting_{name}")
            for name, view in (
                ("postpone", self.postpone_view),
                ("cancel", self.cancel_view),
                ("duplicate", self.duplicate_view),
            )
        ]
        return [*steps, *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        warnings = []
        if object_id and request.method == "GET":
            meeting = self.get_object(request, object_id)
            warnings = clashes.clash_warnings(meeting) if meeting is not None else []
        extra = {"clash_warnings": warnings, **(extra_context or {})}
        try:
            return super().changeform_view(request, object_id, form_url, extra)
        except clashes.VenueClash as clash:
            # Lost a race the form could not see (another save booked the venue meanwhile): the
            # save was rolled back whole. Shown again, the form now finds the other meeting itself.
            try:
                return super().changeform_view(request, object_id, form_url, extra)
            except clashes.VenueClash:
                messages.error(request, clash.message)
                return HttpResponseRedirect(request.get_full_path())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Warned, not refused: after the participants are saved, so the new ones count too.
        for warning in clashes.clash_warnings(form.instance):
            messages.warning(request, warning)

    def _step_meeting(self, request: HttpRequest, pk: int) -> Meeting:
        meeting = self.get_object(request, str(pk))
        if meeting is None:
            raise Http404
        if not self.has_change_permission(request, meeting):
            raise PermissionDenied
        return meeting

    def _step(self, request, pk, form_class, template, title, act) -> HttpResponse:
        meeting = self._step_meeting(request, pk)
        form = form_class(request.POST if request.method == "POST" else None, meeting=meeting)
        if request.method == "POST" and form.is_valid():
            try:
                response = act(meeting, form)
            except (WorkflowError, clashes.VenueClash) as error:
                form.add_error(None, error.message)
            else:
                return response
        context = {
            **self.admin_site.each_context(request),
            "title": title % {"meeting": meeting},
            "opts": self.model._meta,
            "original": meeting,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, template, context, status=400 if form.errors else 200)

    def postpone_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Ask for the new date (or "to be announced") and the reason, then postpone and tell the participants."""

        def act(meeting, form):
            scheduling.postpone_meeting(
                meeting=meeting,
                by=request.user,
                reason=form.cleaned_data["reason"],
                starts_at=form.cleaned_data["starts_at"],
                version=form.version(),
            )
            self.message_user(
                request, _("The meeting is postponed; the participants are told by e-mail."), messages.SUCCESS
            )
            return redirect("admin:meetings_meeting_change", meeting.pk)

        return self._step(
            request, pk, PostponeForm, "admin/meetings/meeting/postpone.html", _("Postpone %(meeting)s"), act
        )

    def cancel_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Ask why, then cancel the meeting and tell the participants."""

        def act(meeting, form):
            scheduling.cancel_meeting(
                meeting=meeting, by=request.user, reason=form.cleaned_data["reason"], version=form.version()
            )
            self.message_user(
                request, _("The meeting is cancelled; the participants are told by e-mail."), messages.SUCCESS
            )
            return redirect("admin:meetings_meeting_change", meeting.pk)

        return self._step(request, pk, CancelForm, "admin/meetings/meeting/cancel.html", _("Cancel %(meeting)s"), act)

    def duplicate_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Ask for the new start, then schedule the next meeting like this one and open it."""

        def act(meeting, form):
            new = scheduling.duplicate_meeting(
                meeting=meeting,
                by=request.user,
                starts_at=form.cleaned_data["starts_at"],
                copy_online_url=form.cleaned_data["copy_online_url"],
            )
            self.message_user(
                request,
                _(
                    "The next meeting is scheduled like this one, with its agenda and participants (not invited "
                    "yet). Check its title, then send the invitations."
                ),
                messages.SUCCESS,
            )
            return redirect("admin:meetings_meeting_change", new.pk)

        return self._step(
            request,
            pk,
            DuplicateForm,
            "admin/meetings/meeting/duplicate.html",
            _("Schedule the next meeting like %(meeting)s"),
            act,
        )
