"""The public page of the organisations the Council works with, and a member's own profile."""

from __future__ import annotations

from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accounts.twofactor import has_confirmed_device, must_use_two_factor
from members import services
from members.forms import ProfileForm
from members.models import Member, Organization

# Section headings of the partners page, one for each kind of organisation.
KIND_HEADINGS = {
    Organization.Kind.GOVERNMENT: gettext_lazy("Government bodies"),
    Organization.Kind.UN: gettext_lazy("United Nations entities"),
    Organization.Kind.INTERNATIONAL: gettext_lazy("International organisations"),
    Organization.Kind.REGIONAL: gettext_lazy("Regional organisations"),
    Organization.Kind.NGO: gettext_lazy("Non-governmental organisations"),
    Organization.Kind.ACADEMIC: gettext_lazy("Academic and research institutes"),
}


@require_safe
def partner_list(request: HttpRequest) -> HttpResponse:
    """List the organisers, then the partners grouped by kind, with what each does with the Council."""
    # Query 1: every organiser and partner, in display order.
    organizations = list(
        Organization.objects.exclude(partner_role="").select_related("country").order_by("kind", "name")
    )
    organisers = [o for o in organizations if o.partner_role == Organization.PartnerRole.ORGANISER]
    partners = [o for o in organizations if o.partner_role == Organization.PartnerRole.PARTNER]
    groups = [(KIND_HEADINGS[kind], list(items)) for kind, items in groupby(partners, key=lambda o: o.kind)]
    return render(request, "members/partner_list.html", {"organisers": organisers, "groups": groups})


# --- The member's own profile -----------------------------------------------------------


def _own_member(request: HttpRequest) -> Member | None:
    # Only an active person has preferences to keep; a departed one keeps just the login.
    return Member.objects.filter(user_id=request.user.pk, is_active=True).first()


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Show and save the signed-in person's preferences, with their password, 2FA and calendar links."""
    member = _own_member(request)
    form = None
    if member is not None:
        form = ProfileForm(request.POST or None, instance=member)
        if request.method == "POST" and form.is_valid():
            member = form.save()
            language = member.preferred_language
            with translation.override(language):
                messages.success(request, _("Your profile has been saved."))
                response = HttpResponseRedirect(reverse("profile"))
            # The portal now speaks the chosen language, here and at the next visit.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
            return response
    elif request.method == "POST":
        raise Http404
    calendar_url = None
    if member is not None and member.calendar_token:
        calendar_url = request.build_absolute_uri(
            reverse("meetings:personal_calendar", kwargs={"token": member.calendar_token})
        )
    context = {
        "member": member,
        "form": form,
        "calendar_url": calendar_url,
        "has_two_factor": has_confirmed_device(request.user),
        "two_factor_required": must_use_two_factor(request.user),
    }
    return render(request, "members/profile.html", context)


@login_required
@require_POST
def calendar_token(request: HttpRequest) -> HttpResponse:
    """Create, replace or switch off the signed-in member's personal calendar address."""
    member = _own_member(request)
    if member is None:
        raise Http404
    action = request.POST.get("action")
    if action == "regenerate":
        services.regenerate_calendar_token(member=member)
        messages.success(
            request, _("Your personal calendar address is ready. Any address you had before no longer works.")
        )
    elif action == "revoke":
        services.revoke_calendar_token(member=member)
        messages.success(request, _("Your personal calendar address has been switched off."))
    else:
        messages.error(request, _("Nothing was changed."))
    return redirect("profile")
