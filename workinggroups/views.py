"""Pages of the Council's bodies and their recommendations."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from meetings.models import Meeting
from workinggroups.models import Recommendation, WorkingGroup


@require_safe
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a body's mandate, its adopted recommendations and the meetings the viewer may see."""
    group = get_object_or_404(WorkingGroup.objects.active(), slug=slug)
    context = {
        "group": group,
        "recommendations": list(group.recommendations.adopted()),
        "meetings": list(Meeting.objects.visible_to(request.user).filter(body=group).select_related("venue")[:20]),
    }
    return render(request, "workinggroups/workinggroup_detail.html", context)


@require_safe
def recommendation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """Show an adopted recommendation."""
    recommendation = get_object_or_404(Recommendation.objects.adopted().select_related("group"), code=code)
    return render(request, "workinggroups/recommendation_detail.html", {"recommendation": recommendation})
