"""Account pages: the profile, the calendar key, two-factor authentication and accepting an invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.forms import COMMON_TIME_ZONES, ProfileForm, TokenForm
from accounts.tokens import invitation_token_generator
from accounts.twofactor import DEVICE_NAME, PENDING_SESSION_KEY, must_use_two_factor, qr_data_uri, secret_for
from members.models import Member


def _own_member(request: HttpRequest) -> Member | None:
    # Only an active person has preferences to keep; a departed one keeps just the login.
    return Member.objects.filter(user_id=request.user.pk, is_active=True).first()


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


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
        "time_zones": COMMON_TIME_ZONES,
        "calendar_url": calendar_url,
        "has_two_factor": TOTPDevice.objects.filter(user_id=request.user.pk, confirmed=True).exists(),
        "two_factor_required": must_use_two_factor(request.user),
    }
    return render(request, "accounts/profile.html", context)


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


@login_required
@sensitive_post_parameters("token")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Pair an authenticator app: show its key and QR code, and switch it on once a code from it is right."""
    if TOTPDevice.objects.filter(user_id=request.user.pk, confirmed=True).exists() and not request.user.is_verified():
        # Replacing a device needs the old one first; otherwise a stolen password would be enough.
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    device = TOTPDevice.objects.filter(user_id=request.user.pk, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user_id=request.user.pk).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        request.session.pop(PENDING_SESSION_KEY, None)
        messages.success(request, _("Two-factor authentication is on. You will be asked for a code when you sign in."))
        return redirect(_safe_next(request, reverse("profile")))
    context = {
        "form": form,
        "secret": secret_for(device),
        "otpauth_uri": device.config_url,
        "qr_code": qr_data_uri(device.config_url),
        "next": _safe_next(request, ""),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@sensitive_post_parameters("token")
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Take the code from the authenticator app that completes this sign-in."""
    devices = list(TOTPDevice.objects.filter(user_id=request.user.pk, confirmed=True))
    if not devices:
        return redirect(f"{reverse('two_factor_setup')}?next={_safe_next(request, reverse('profile'))}")
    form = TokenForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        request.session.pop(PENDING_SESSION_KEY, None)
        return redirect(_safe_next(request, settings.LOGIN_REDIRECT_URL))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request, "")})


@login_required
@require_POST
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    """Switch two-factor authentication off, unless the person's role requires it."""
    if must_use_two_factor(request.user):
        messages.error(request, _("Your role requires two-factor authentication; it cannot be switched off."))
        return redirect("profile")
    TOTPDevice.objects.filter(user_id=request.user.pk).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(PENDING_SESSION_KEY, None)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("profile")


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """Let an invited person choose a password from their one-time link, then sign them in."""

    token_generator = invitation_token_generator
    template_name = "accounts/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("meetings:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Welcome to the REC Portal. Your password is set and you are signed in."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, back to the profile afterwards."""

    success_url = reverse_lazy("password_change_done")
