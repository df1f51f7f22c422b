"""Meeting pages; every object is fetched through the visibility policy."""

from __future__ import annotations

import logging

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from meetings import access
from meetings.models import AgendaItem, Document, Level, Meeting, Minutes, PublicSummary

audit = logging.getLogger("rec_portal.audit")


@require_safe
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a meeting with the agenda items, documents and minutes the viewer is cleared for."""
    # Query 1 (+ clearance): the meeting, if visible.
    meeting = access.get_visible_or_404(
        Meeting.objects.select_related("body", "venue__country"), request.user, slug=slug
    )
    context = {
        "meeting": meeting,
        # Query 2: the agenda at the viewer's clearance.
        "agenda": list(AgendaItem.objects.visible_to(request.user).filter(meeting=meeting).select_related("presenter")),
        # Query 3: the documents at the viewer's clearance.
        "documents": list(Document.objects.visible_to(request.user).filter(meeting=meeting).order_by("title")),
        # Query 4: the minutes, if the viewer may read them.
        "minutes": Minutes.objects.visible_to(request.user).filter(meeting=meeting).first(),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_safe
def summary_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a published public summary."""
    summary = get_object_or_404(
        PublicSummary.objects.visible_to(request.user).select_related("meeting__body"), slug=slug
    )
    return render(request, "meetings/publicsummary_detail.html", {"summary": summary})


@require_safe
def document_download(request: HttpRequest, uuid: str) -> FileResponse:
    """Stream a document after checking the policy on this very request."""
    document = access.get_visible_or_404(Document.objects.all(), request.user, uuid=uuid)
    if document.level in {Level.GROUP, Level.RESTRICTED}:
        audit.info("document download: user=%s document=%s level=%s", request.user.pk, document.uuid, document.level)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_filename or f"{document.uuid}",
        content_type=document.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
