"""The page a reply link in an invitation e-mail opens: confirm, then the reply is recorded (no sign-in).

GET only shows the meeting's name and time and one button (mail scanners open links, so a GET
never writes); POST records the reply through `invitations.reply_by_link`. A link that is not
ours answers 400, an expired, used or withdrawn one 410, and neither names the meeting. An
address that sends many bad links is slowed down: after `FAILURES_ALLOWED` in
`FAILURE_WINDOW` seconds its bad links get 429 for a while (its valid ones still work).
"""

from __future__ import annotations

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.throttling import client_ip
from meetings import invitations, rsvp_links, services
from meetings.models import Participation

FAILURES_ALLOWED = 20
FAILURE_WINDOW = 15 * 60  # seconds

_MESSAGES = {
    "invalid": gettext_lazy("This reply link is not valid. Check that the whole address was copied from the e-mail."),
    "expired": gettext_lazy("This reply link has expired: the meeting is over, or no longer takes replies."),
    "used": gettext_lazy("This reply link has already been used. To change your reply, sign in and open the meeting."),
    "withdrawn": gettext_lazy("This invitation is no longer valid. Please contact the secretariat."),
}


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("I will attend"),
        choices=Participation.Mode.choices,
        initial=Participation.Mode.IN_PERSON,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )


def _throttle_key(request: HttpRequest) -> str:
    return f"rsvp-link-failures:{client_ip(request)}"


def _refused(request: HttpRequest, status: int, reason: str) -> HttpResponse:
    if status != 429:
        key = _throttle_key(request)
        cache.add(key, 0, FAILURE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, FAILURE_WINDOW)
    message = _MESSAGES.get(reason) or _("Too many invalid reply links from your address. Try again later.")
    return render(request, "meetings/rsvp_link.html", {"refused": message}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def rsvp_link(request: HttpRequest, token: str) -> HttpResponse:
    """Show the reply a link gives, with one button; on POST, record it."""
    try:
        link = rsvp_links.read_token(token)
    except rsvp_links.LinkError as error:
        # Only bad links are slowed down: colleagues behind the same office address still reply.
        if (cache.get(_throttle_key(request)) or 0) >= FAILURES_ALLOWED:
            return _refused(request, 429, "throttled")
        return _refused(request, error.status, error.reason)
    meeting = link.participation.meeting
    asks_mode = link.rsvp != Participation.Rsvp.DECLINED and rsvp_links.asks_mode(meeting)
    form = ModeForm(request.POST if request.method == "POST" and asks_mode else None)
    context = {"link": link, "meeting": meeting, "form": form if asks_mode else None, "reply": _label(link.rsvp)}
    if request.method == "POST" and (not asks_mode or form.is_valid()):
        mode = form.cleaned_data["mode"] if asks_mode else ""
        try:
            participation = invitations.reply_by_link(token=token, mode=mode)
        except rsvp_links.LinkError as error:
            return _refused(request, error.status, error.reason)
        except services.WorkflowError as error:
            context["error"] = error.message
            return render(request, "meetings/rsvp_link.html", context, status=409)
        context["done"] = participation
        return render(request, "meetings/rsvp_link.html", context)
    return render(request, "meetings/rsvp_link.html", context, status=400 if form.errors else 200)


def _label(rsvp: str) -> str:
    return {
        Participation.Rsvp.ACCEPTED: _("Accept"),
        Participation.Rsvp.TENTATIVE: _("Tentative"),
        Participation.Rsvp.DECLINED: _("Decline"),
    }[rsvp]
