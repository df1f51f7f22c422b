"""Template context every page needs."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def portal(request: HttpRequest) -> dict:
    """Expose the portal's name, its bodies for the menu and the viewer's clearance to templates."""
    from meetings.access import clearance_for
    from workinggroups.models import WorkingGroup

    user = getattr(request, "user", None)
    return {
        # Evaluated only when a template iterates it: one query, on pages with the menu.
        "nav_bodies": WorkingGroup.objects.active().only("slug", "short_name", "name"),
        "PORTAL_NAME": "REC Portal",
        # Lazy: pages that never ask (the admin, most public pages) pay no query for it.
        "viewer": SimpleLazyObject(lambda: clearance_for(user)),
    }
