"""Middleware of the portal's own."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Measured (docs/benchmarks.md): rewriting the session on every request cost three
# statements and ~1.3 ms a page. Once a minute keeps the inactivity timeout within a minute.
REFRESH_SECONDS = 60
_TOUCHED = "_rec_touched"


class SessionRefreshMiddleware:
    """Keep a signed-in session alive while it is used, writing it at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Without a session cookie there is nothing to renew; reading the session anyway
        # would add "Vary: Cookie" to public responses and spoil their caching.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id") is not None:
            now = int(time.time())
            if now - session.get(_TOUCHED, 0) >= REFRESH_SECONDS:
                session[_TOUCHED] = now  # Marks the session modified: it is saved with a new expiry.
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Mark every response to a signed-in person private and not to be stored, unless a view said otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Pages for a member carry material at their clearance: no shared or browser cache may keep them.
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response
