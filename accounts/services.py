"""Account actions with side effects: the one-time invitation link and two-factor authentication."""

from __future__ import annotations

import time

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.tokens import invitation_token_generator
from accounts.twofactor import DEVICE_NAME
from core.links import absolute_url


def invitation_link(user: User, *, language: str) -> str:
    """Return the absolute one-time address at which `user` sets their password, on the portal's address."""
    with translation.override(language):
        path = reverse(
            "invitation_accept",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": invitation_token_generator.make_token(user),
            },
        )
    return absolute_url(path)


@transaction.atomic
def switch_on_two_factor(*, user: User, key: str, token: str) -> TOTPDevice | None:
    """Pair the authenticator app holding `key` if `token` is its current code; return the device, or None.

    The device replaces any earlier one of `user`. The code it was confirmed with cannot be
    used again to sign in.
    """
    device = TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not token.isdigit() or not totp.verify(int(token), device.tolerance):
        return None
    device.last_t = totp.t()
    TOTPDevice.objects.filter(user_id=user.pk).delete()
    device.save()
    return device


@transaction.atomic
def switch_off_two_factor(*, user: User) -> None:
    """Remove every authenticator app of `user`."""
    TOTPDevice.objects.filter(user_id=user.pk).delete()
