"""Where a sign-in comes from, for django-axes' lockout by user name and address."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """Return the client's address: the one our proxy appended to X-Forwarded-For, or the socket's."""
    if settings.TRUST_X_FORWARDED_FOR:
        # Only the right-most entry is written by our proxy; anything left of it is the client's claim.
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """Return the user name tried, cut to what an account can have, so a huge one cannot break the log."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value)[:150]
