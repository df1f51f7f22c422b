"""Two-factor authentication (TOTP via django-otp): who must use it and what a session still owes."""

from __future__ import annotations

import base64
import io
from base64 import b32encode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

# Set at sign-in for someone with a confirmed device: the session must still give a code.
PENDING_SESSION_KEY = "rec_otp_pending"
DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user) -> bool:
    """Return whether `user` may not use the portal without a verified second factor."""
    from meetings.access import clearance_for

    if not settings.REC_REQUIRE_2FA_FOR_SECRETARIAT or not user.is_authenticated:
        return False
    return user.is_staff or clearance_for(user).is_secretariat


def has_confirmed_device(user) -> bool:
    """Return whether `user` has finished setting up an authenticator app."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


@receiver(user_logged_in, dispatch_uid="accounts-two-factor-pending")
def _mark_second_factor_pending(sender, request, user, **kwargs) -> None:
    # Every way in (our sign-in, the admin's, a password set from a link) passes here; the
    # session then owes a code until accounts.views.two_factor_verify takes one.
    if request is not None and hasattr(request, "session") and has_confirmed_device(user):
        request.session[PENDING_SESSION_KEY] = True


def secret_for(device: TOTPDevice) -> str:
    """Return the device's key in the base32 form authenticator apps accept typed in."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def qr_data_uri(text: str) -> str:
    """Return a QR code of `text` as an SVG data: URI, drawn here (no external service sees the secret)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
