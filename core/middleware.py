"""Middleware of the portal's own."""

from __future__ import annotations

import time
from collections.abc import Callable

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
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id") is not None:
            now = int(time.time())
            if now - session.get(_TOUCHED, 0) >= REFRESH_SECONDS:
                session[_TOUCHED] = now  # Marks the session modified: it is saved with a new expiry.
        return self.get_response(request)
