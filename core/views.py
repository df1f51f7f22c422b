"""The home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from meetings.models import Meeting, PublicSummary
from news.models import NewsItem
from workinggroups.models import WorkingGroup


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Say what the Council is, show its structure, the next meetings, the latest summaries and news."""
    context = {
        # Query 1: the bodies, for the structure diagram.
        "bodies": list(WorkingGroup.objects.active()),
        # Query 2: the next meetings this visitor may see.
        "upcoming": list(
            Meeting.objects.visible_to(request.user).upcoming().select_related("body", "venue__country")[:5]
        ),
        # Query 3: the latest published summaries.
        "summaries": list(PublicSummary.objects.published().select_related("meeting__body")[:3]),
        # Query 4: the latest news.
        "news": list(NewsItem.objects.published()[:3]),
    }
    return render(request, "core/home.html", context)
