"""Send a signed-in person who still owes a second factor to give it (or to set one up)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from accounts.twofactor import PENDING_SESSION_KEY, has_confirmed_device, must_use_two_factor

# Pages a person who owes a code may still open: giving it, setting it up, leaving.
_OPEN_URL_NAMES = {"two_factor_verify", "two_factor_setup", "logout", "admin:logout", "set_language"}


class TwoFactorMiddleware:
    """Hold back every page, the admin included, until a session that needs a second factor has one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._is_open(request):
            step = self._step_owed(request, user)
            if step is not None:
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse(step)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _step_owed(request: HttpRequest, user) -> str | None:
        if request.session.get(PENDING_SESSION_KEY):
            return "two_factor_verify"
        if must_use_two_factor(user):
            return "two_factor_verify" if has_confirmed_device(user) else "two_factor_setup"
        return None

    @staticmethod
    def _is_open(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in _OPEN_URL_NAMES
