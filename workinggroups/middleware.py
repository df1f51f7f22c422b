"""Middleware that needs to know who the person is to the Council."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from workinggroups.clearance import clearance_for


class MemberTimezoneMiddleware:
    """Show times in a signed-in member's own time zone; everyone else sees the Council's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        zone = clearance_for(user).time_zone if user is not None and user.is_authenticated else None
        # Pages say "yours" only of a zone the person chose (core/templatetags/portal.py two_times).
        request.own_time_zone = zone or None
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
