"""The meeting's admin for its invitations: the participants' rows, adding people in one step, sending invitations.

Registered through `meetings.admin` (MeetingAdmin mixes `InvitationStepsMixin` in and uses
`ParticipationInline`). Each step is a page of its own on the meeting (GET shows who would be
added or invited, POST acts, through `meetings.invitations` and `meetings.services`); the pages
need the permission to change the meeting and to add (or change) participants. Whether an
invited person could see the meeting is the policy's answer (`access.invitees_blind_spots`):
these pages only show it and warn.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import ConcurrentEditInlineMixin
from meetings import access, invitations, services
from meetings.models import Meeting, Participation
from members.models import Member, Organization

SOURCES = {
    "body": _("Add all current members of this body"),
    "executive": _("Add all current members of the Executive Committee"),
    "organization": _("Add an organisation's representatives"),
}


class ParticipationInline(ConcurrentEditInlineMixin, admin.TabularInline):
    model = Participation
    extra = 0
    fields = ("member", "represents", "sees_meeting", "role", "invited_at", "rsvp", "rsvp_mode", "attendance")
    readonly_fields = ("represents", "sees_meeting")
    autocomplete_fields = ("member",)

    def get_queryset(self, request):
        # The readonly columns read the person's country, organisation and account: joined, not a query a row.
        # The row's title names its meeting too (Participation.__str__).
        related = ("meeting", "member__country", "member__organization", "member__user")
        return super().get_queryset(request).select_related(*related)

    @admin.display(description=_("country and organisation"))
    def represents(self, obj: Participation) -> str:
        # One column for both, so the list fits a 1366-px screen beside the replies.
        if not obj.pk:
            return ""
        parts = [str(obj.member.country) if obj.member.country_id else "—"]
        if obj.member.organization_id:
            parts.append(obj.member.organization.short_name)
        return " · ".join(parts)

    @admin.display(description=_("sees the meeting"))
    def sees_meeting(self, obj: Participation) -> str:
        if not obj.pk:
            return ""
        # One answer for the whole list (an inline instance lives for one request).
        cache = getattr(self, "_blind_spots", None)
        if cache is None or cache[0] != obj.meeting_id:
            rows = Participation.objects.filter(meeting_id=obj.meeting_id).select_related("member__user")
            people = [row.member for row in rows]
            cache = self._blind_spots = (obj.meeting_id, access.invitees_blind_spots(obj.meeting, people))
        spots = cache[1].get(obj.member_id, [])
        return "⚠ " + "; ".join(str(spot) for spot in spots) if spots else _("yes")


def warn_blind_invitees(request, meeting: Meeting, people: list[Member]) -> None:
    """Warn, as the policy answers, about invited people who would still not see the meeting."""
    spots = access.invitees_blind_spots(meeting, people)
    for person in people:
        if spots.get(person.pk):
            reasons = "; ".join(str(spot) for spot in spots[person.pk])
            messages.warning(
                request,
                _("%(person)s is on the list of %(meeting)s but will not see the meeting on the portal: %(reasons)s.")
                % {"person": person, "meeting": meeting, "reasons": reasons},
            )


class AddParticipantsForm(forms.Form):
    include_observers = forms.BooleanField(
        label=_("Also add the body's observers"),
        required=False,
        help_text=_(
            "An observer's seat gives no access to the body's papers; once on this list, an observer "
            "sees this meeting and its material."
        ),
    )


class OrganizationForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.filter(members__is_active=True).distinct().order_by("name"),
    )


class InvitationStepsMixin:
    """Step pages on a meeting: add people in one step, send the invitations; the counts for its buttons."""

    def get_urls(self):
        urls = super().get_urls()
        steps = [
            path(
                "<int:pk>/participants/add/<str:source>/",
                self.admin_site.admin_view(self.add_participants_view),
                name="meetings_meeting_add_participants",
            ),
            path(
                "<int:pk>/invitations/send/",
                self.admin_site.admin_view(self.send_invitations_view),
                name="meetings_meeting_send_invitations",
            ),
        ]
        return [*steps, *urls]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if str(object_id).isdigit():
            extra_context["invitations_to_send"] = _pending(int(object_id)).count()
            extra_context["may_add_participants"] = request.user.has_perm("meetings.add_participation")
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for formset in formsets:
            if formset.model is Participation:
                touched = [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]
                people = list(Member.objects.filter(pk__in=[p.member_id for p in touched]).select_related("user"))
                if people:
                    warn_blind_invitees(request, form.instance, people)

    def _meeting_for_step(self, request, pk: int, permission: str) -> Meeting:
        meeting = self.get_object(request, str(pk))
        if (
            meeting is None
            or not self.has_change_permission(request, meeting)
            or not request.user.has_perm(f"meetings.{permission}_participation")
        ):
            raise Http404
        return meeting

    def add_participants_view(self, request, pk: int, source: str):
        """Show who a step would add; on POST, add them and warn about those who would not see the meeting."""
        meeting = self._meeting_for_step(request, pk, "add")
        if source not in SOURCES or (source == "body" and meeting.body_id is None):
            raise Http404
        form_class = OrganizationForm if source == "organization" else AddParticipantsForm
        form = form_class(request.POST if request.method == "POST" else (request.GET or None))
        options = {}
        if form.is_bound and form.is_valid():
            options = dict(form.cleaned_data)
        if request.method == "POST" and form.is_valid():
            added = invitations.add_participants(meeting=meeting, source=source, by=request.user, **options)
            message = ngettext("%(count)d person added", "%(count)d people added", len(added.people))
            message = message % {"count": len(added.people)}
            if added.already:
                message += "; " + ngettext(
                    "%(count)d was already on the list", "%(count)d were already on the list", added.already
                ) % {"count": added.already}
            self.message_user(request, f"{message}.", messages.SUCCESS)
            warn_blind_invitees(request, meeting, added.people)
            return redirect("admin:meetings_meeting_change", meeting.pk)
        # An organisation's step previews once one is chosen (a GET with ?organization=).
        chosen = source != "organization" or options
        preview = invitations.preview(meeting, source, **options) if chosen else None
        context = {
            **self.admin_site.each_context(request),
            "title": SOURCES[source],
            "opts": self.model._meta,
            "original": meeting,
            "form": form if form.is_bound else form_class(),
            "source": source,
            "preview": preview,
            "blind": _blind(meeting, preview.people) if preview else {},
            "body": meeting.body if source == "body" else invitations.executive_committee(),
        }
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "admin/meetings/meeting/add_participants.html", context, status=status)

    def send_invitations_view(self, request, pk: int):
        """Show how many will be invited and who could still not see the meeting; on POST, send."""
        meeting = self._meeting_for_step(request, pk, "change")
        status = 200
        if request.method == "POST":
            try:
                invited = services.send_invitations(meeting=meeting, by=request.user)
            except services.WorkflowError as error:
                # Refused for the meeting's state (cancelled, held): said on the page, nothing sent.
                self.message_user(request, error.message, messages.ERROR)
                status = 409
            else:
                message = ngettext("%(count)d participant invited.", "%(count)d participants invited.", invited)
                self.message_user(request, message % {"count": invited}, messages.SUCCESS)
                return redirect("admin:meetings_meeting_change", meeting.pk)
        pending = list(_pending(meeting.pk).select_related("member__user").order_by("member__last_name"))
        people = [p.member for p in pending]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send invitations"),
            "opts": self.model._meta,
            "original": meeting,
            "people": people,
            "blind": _blind(meeting, people),
            "no_email": [person for person in people if not person.email or not person.notify_invitations],
        }
        return TemplateResponse(request, "admin/meetings/meeting/send_invitations.html", context, status=status)


def _pending(meeting_id: int):
    """Return the participants `services.send_invitations` would invite now (active people not yet invited)."""
    return Participation.objects.filter(meeting_id=meeting_id, invited_at__isnull=True, member__is_active=True)


def _blind(meeting: Meeting, people: list[Member]) -> dict[int, str]:
    spots = access.invitees_blind_spots(meeting, people)
    return {pk: "; ".join(str(spot) for spot in reasons) for pk, reasons in spots.items() if reasons}
