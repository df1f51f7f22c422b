"""Two-factor authentication (TOTP via django-otp): who must use it and what a session still owes."""

from __future__ import annotations

import base64
import io
from base64 import b32encode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from accounts.roles import is_secretariat

# Set at sign-in for someone with a confirmed device: the session must still give a code.
PENDING_SESSION_KEY = "rec_otp_pending"
DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user) -> bool:
    """Return whether `user` may not use the portal without a verified second factor."""
    if not settings.REC_REQUIRE_2FA_FOR_SECRETARIAT or not user.is_authenticated:
        return False
    return user.is_staff or is_secretariat(user)


def has_confirmed_device(user) -> bool:
    """Return whether `user` has finished setting up an authenticator app."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


@receiver(user_logged_in, dispatch_uid="accounts-two-factor-pending")
def _mark_second_factor_pending(sender, request, user, **kwargs) -> None:
    # Every way in (our sign-in, the admin's, a password set from a link) passes here; the
    # session then owes a code until accounts.views.two_factor_verify takes one.
    if request is not None and hasattr(request, "session") and has_confirmed_device(user):
        request.session[PENDING_SESSION_KEY] = True


# The key being paired travels signed in the set-up form, not in the database: showing the
# set-up page writes nothing, and a key expires if the person walks away.
_SETUP_SALT = "rec-portal.two-factor-setup"
SETUP_KEY_MAX_AGE = 60 * 60


def new_setup_key() -> str:
    """Return a fresh random TOTP key (hex), as django-otp makes them."""
    return random_hex(20)


def sign_setup_key(user, key: str) -> str:
    """Return `key` signed for `user`'s set-up form."""
    return signing.dumps({"user": user.pk, "key": key}, salt=_SETUP_SALT)


def unsign_setup_key(user, signed: str) -> str | None:
    """Return the key `signed` carries for `user`, or None if it is forged, someone else's or expired."""
    try:
        value = signing.loads(signed or "", salt=_SETUP_SALT, max_age=SETUP_KEY_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("user") != user.pk or not isinstance(value.get("key"), str):
        return None
    return value["key"]


def unsaved_device(user, key: str) -> TOTPDevice:
    """Return the device `key` would make for `user`, unsaved: for its QR code and key."""
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=False)


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
