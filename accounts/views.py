"""Account pages: two-factor authentication, the password and accepting an invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services, twofactor
from accounts.forms import TokenForm
from accounts.tokens import invitation_token_generator
from accounts.twofactor import PENDING_SESSION_KEY, has_confirmed_device, must_use_two_factor


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required
@sensitive_post_parameters("token", "setup")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Pair an authenticator app: show a new key and its QR code, and switch it on once a code from it is right.

    Showing the page writes nothing: the key travels signed in the form until a right code
    turns it into the person's device.
    """
    if has_confirmed_device(request.user) and not request.user.is_verified():
        # Replacing a device needs the old one first; otherwise a stolen password would be enough.
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    key = None
    if request.method == "POST":
        key = twofactor.unsign_setup_key(request.user, request.POST.get("setup", ""))
    form = TokenForm(request.POST or None, devices=None)
    if key is None:
        if request.method == "POST":
            form.add_error(None, _("The key below is new: the one you scanned had expired. Scan this one instead."))
        key = twofactor.new_setup_key()
    elif form.is_valid():
        device = services.switch_on_two_factor(user=request.user, key=key, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            request.session.pop(PENDING_SESSION_KEY, None)
            messages.success(
                request, _("Two-factor authentication is on. You will be asked for a code when you sign in.")
            )
            return redirect(_safe_next(request, reverse("profile")))
        form.add_error("token", TokenForm.error_messages["invalid"])
    device = twofactor.unsaved_device(request.user, key)
    context = {
        "form": form,
        "setup": twofactor.sign_setup_key(request.user, key),
        "secret": twofactor.secret_for(device),
        "otpauth_uri": device.config_url,
        "qr_code": twofactor.qr_data_uri(device.config_url),
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
    services.switch_off_two_factor(user=request.user)
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
