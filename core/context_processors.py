"""Template context every page needs."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def portal(request: HttpRequest) -> dict:
    """Expose the portal's name and the viewer's clearance to templates."""
    from meetings.access import clearance_for

    user = getattr(request, "user", None)
    return {
        "PORTAL_NAME": "REC Portal",
        # Lazy: pages that never ask (the admin, public pages for visitors) pay no query for it.
        "viewer": SimpleLazyObject(lambda: clearance_for(user)),
    }
