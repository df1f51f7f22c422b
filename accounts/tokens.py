"""One-time links for invited people: like a password reset link, but with its own salt and lifetime."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Make and check invitation tokens, valid for ACCOUNT_INVITATION_DAYS and spent by setting a password.

    The hash covers the password hash and last login (as Django's reset tokens do), so a link
    stops working once the person has set a password and signed in.
    """

    key_salt = "accounts.tokens.InvitationTokenGenerator"

    def check(self, user, token) -> bool:
        if not (user and token):
            return False
        try:
            timestamp_b36, _hash = token.split("-")
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > settings.ACCOUNT_INVITATION_DAYS * 24 * 60 * 60:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()
