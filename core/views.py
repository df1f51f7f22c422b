"""The home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.models import Meeting, PublicSummary
from workinggroups.models import WorkingGroup


def home(request: HttpRequest) -> HttpResponse:
    """Say what the Council is, show its bodies, the next meetings and the latest summaries."""
    context = {
        # Query 1: the bodies, in their order.
        "bodies": list(WorkingGroup.objects.active()),
        # Query 2: the next meetings this visitor may see.
        "upcoming": list(
            Meeting.objects.visible_to(request.user).upcoming().select_related("body", "venue__country")[:5]
        ),
        # Query 3: the latest published summaries.
        "summaries": list(PublicSummary.objects.published().select_related("meeting")[:3]),
    }
    return render(request, "core/home.html", context)
