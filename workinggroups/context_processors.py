"""Template context every page needs."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from workinggroups.clearance import clearance_for


def viewer(request: HttpRequest) -> dict:
    """Expose the portal's name and the viewer's clearance to templates."""
    user = getattr(request, "user", None)
    return {
        "PORTAL_NAME": "REC Portal",
        # Lazy: pages that never ask (the admin, public pages for visitors) pay no query for it.
        "viewer": SimpleLazyObject(lambda: clearance_for(user)),
    }
