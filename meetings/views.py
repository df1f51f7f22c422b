"""Meeting pages; every object is fetched through the visibility policy."""

from __future__ import annotations

import calendar as calendar_module
import datetime
import logging

from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.pages import page_or_404
from meetings import access
from meetings.forms_public import CalendarFilterForm, MonthFilterForm, SummaryFilterForm
from meetings.models import AgendaItem, Document, Level, Meeting, MeetingOrganization, Minutes, PublicSummary

audit = logging.getLogger("rec_portal.audit")


@require_safe
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a meeting with the agenda items, documents and minutes the viewer is cleared for."""
    # Query 1 (+ clearance): the meeting, if visible.
    meeting = access.get_visible_or_404(
        Meeting.objects.select_related("body", "venue__country", "public_summary"), request.user, slug=slug
    )
    summary = getattr(meeting, "public_summary", None)
    if summary is not None and not PublicSummary.objects.visible_to(request.user).filter(pk=summary.pk).exists():
        summary = None  # A draft: the secretariat's alone.
    # Query 2: the agenda at the viewer's clearance.
    agenda = list(AgendaItem.objects.visible_to(request.user).filter(meeting=meeting).select_related("presenter"))
    context = {
        "meeting": meeting,
        "summary": summary,
        "agenda": agenda,
        # Query 6 (only with presenters): who among them may be named to this viewer.
        "nameable": access.nameable_people(request.user, [item.presenter_id for item in agenda]),
        # Query 5: attending organisations (public facts of a meeting the viewer may see).
        "organizations": list(
            MeetingOrganization.objects.filter(meeting=meeting).select_related("organization").order_by("role")
        ),
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
        PublicSummary.objects.visible_to(request.user).select_related("meeting__body", "meeting__venue__country"),
        slug=slug,
    )
    # The meeting is linked only where the viewer may open it; the summary itself is public.
    meeting_visible = access.can_view(request.user, summary.meeting)
    return render(
        request,
        "meetings/publicsummary_detail.html",
        {"summary": summary, "meeting": summary.meeting if meeting_visible else None},
    )


def _with_charset(content_type: str) -> str:
    # Text files are stored as UTF-8; say so, or browsers guess the encoding of Russian and Uzbek text.
    if content_type.startswith("text/") and "charset" not in content_type:
        return f"{content_type}; charset=utf-8"
    return content_type


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
        content_type=_with_charset(document.content_type or "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


PAST_PER_PAGE = 20
SUMMARIES_PER_PAGE = 10


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """List the meetings the viewer may see: all upcoming ones, and past ones by page."""
    form = CalendarFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "meetings/calendar.html", {"form": form}, status=400)
    meetings = form.filter(Meeting.objects.visible_to(request.user).select_related("body", "venue__country"))
    now = timezone.now()
    page = page_or_404(Paginator(meetings.past(now), PAST_PER_PAGE), request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "form": form,
        # Upcoming meetings are few; the past grows, so it is paged.
        "upcoming": list(meetings.upcoming(now)) if page.number == 1 else [],
        "page": page,
        "this_month": (today.year, today.month),
    }
    return render(request, "meetings/calendar.html", context)


@require_safe
def calendar_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """Show one month as a grid of weeks with the meetings the viewer may see."""
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404("No such month.")
    form = MonthFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "meetings/calendar_month.html", {"form": form}, status=400)
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    meetings = form.filter(Meeting.objects.visible_to(request.user)).filter(starts_at__gte=start, starts_at__lt=end)
    by_day: dict[datetime.date, list[Meeting]] = {}
    for meeting in meetings.select_related("body").order_by("starts_at"):
        by_day.setdefault(timezone.localdate(meeting.starts_at), []).append(meeting)
    previous_month = (year, month - 1) if month > 1 else (year - 1, 12)
    next_month = (year, month + 1) if month < 12 else (year + 1, 1)
    context = {
        "form": form,
        "month": datetime.date(year, month, 1),
        "weeks": [[(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks],
        "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # 1 January 2024 was a Monday.
        "previous_month": previous_month if previous_month[0] >= 2000 else None,
        "next_month": next_month if next_month[0] <= 2100 else None,
        "today": timezone.localdate(),
        "empty": not by_day,
    }
    return render(request, "meetings/calendar_month.html", context)


@require_safe
def summary_list(request: HttpRequest) -> HttpResponse:
    """List published meeting summaries, searchable in all three languages, with filters."""
    form = SummaryFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "meetings/publicsummary_list.html", {"form": form}, status=400)
    summaries = form.filter(
        PublicSummary.objects.published()
        .select_related("meeting__body", "meeting__venue__country")
        # The list names the venue only where the policy shows the meeting to anyone.
        .annotate(meeting_is_public=ExpressionWrapper(access.meeting_q(access.ANONYMOUS, "meeting__"), BooleanField()))
    )
    page = page_or_404(Paginator(summaries, SUMMARIES_PER_PAGE), request.GET.get("page"))
    query = form.cleaned_data.get("q", "").strip() if form.is_bound else ""
    return render(request, "meetings/publicsummary_list.html", {"form": form, "page": page, "query": query})
