"""Template context every page needs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict:
    """Expose the portal's name, languages and the viewer's role to templates."""
    from meetings.access import clearance_for
    from workinggroups.models import WorkingGroup

    clearance = clearance_for(getattr(request, "user", None))
    return {
        # Evaluated only when a template iterates it: one query, on pages with the menu.
        "nav_bodies": WorkingGroup.objects.active().only("slug", "short_name", "name"),
        "PORTAL_NAME": "REC Portal",
        "portal_languages": settings.LANGUAGES,
        "viewer": clearance,
    }
