"""The contact page and the privacy notice: who runs the portal, how to reach them, what it keeps about people.

Neither page reads the database. The privacy notice takes every period it states from the settings
that enforce it, so that changing a setting cannot make the notice wrong.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


def _contact() -> dict[str, str]:
    return {"secretariat_email": settings.SECRETARIAT_EMAIL, "secretariat_address": settings.SECRETARIAT_ADDRESS}


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    """Say how to reach the secretariat."""
    return render(request, "publicsite/contact.html", _contact())


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """Say what personal data the portal keeps, why, for how long, and how to ask for it."""
    context = {
        **_contact(),
        "session_minutes": settings.SESSION_COOKIE_AGE // 60,
        "mail_retention_days": settings.MAIL_RETENTION_DAYS,
        "lockout_failures": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "invitation_days": settings.ACCOUNT_INVITATION_DAYS,
    }
    return render(request, "publicsite/privacy.html", context)
