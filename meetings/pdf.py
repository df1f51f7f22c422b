"""A meeting's agenda and approved minutes as PDF: at the reader's clearance, in the reader's language.

The PDFs are built from the same policy-filtered querysets as the meeting's page
(`meetings.selectors`), so nothing the reader may not see is ever rendered. Every page
carries the confidentiality marking of the most closed thing actually printed, or the
meeting's level if that is higher.

WeasyPrint (through django-weasyprint) needs the Pango library. It is imported only when a
PDF is asked for: a server without Pango runs everything else and answers the PDF links
with a page saying what to install (503).
"""

from __future__ import annotations

import logging

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meetings import access, selectors
from meetings.agenda import matters_arising
from meetings.levels import Level, highest
from meetings.models import Document, Meeting
from members.models import Member

audit = logging.getLogger("rec_portal.audit")
logger = logging.getLogger(__name__)

# What WeasyPrint loads, as Debian and Ubuntu name the packages (its installation guide).
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
STYLESHEET = "css/pdf.css"


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it loads (Pango) are missing on this server."""


def _response_class():
    """Return the PDF response class, importing WeasyPrint now; raise PdfUnavailable if it cannot load."""
    try:
        from django_weasyprint.utils import DjangoURLFetcher
        from django_weasyprint.views import WeasyTemplateResponse
    except (ImportError, OSError) as error:  # OSError: cffi could not load libpango.
        raise PdfUnavailable(str(error)) from error

    class NothingFetcher(DjangoURLFetcher):
        """Fetch nothing but inline data: a PDF reaches neither the network nor the disk (its stylesheet is given)."""

        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                raise ValueError(f"PDF exports fetch nothing: {url}")
            return super().fetch(url, headers)

    class PortalPdfResponse(WeasyTemplateResponse):
        url_fetcher_class = NothingFetcher

        def get_base_url(self):
            return "file:///"  # Relative addresses resolve to files, never to this server over HTTP.

    return PortalPdfResponse


def _pdf(request: HttpRequest, meeting: Meeting, template: str, context: dict, *, kind: str) -> HttpResponse:
    """Render `template` as a PDF download marked at `context["level"]`, or the page explaining what is missing."""
    try:
        response_class = _response_class()
    except PdfUnavailable as error:
        logger.error("PDF export is unavailable: %s", error)
        return render(
            request,
            "meetings/pdf_unavailable.html",
            {"meeting": meeting, "packages": PANGO_PACKAGES},
            status=503,
        )
    level = context["level"]
    context |= {
        "meeting": meeting,
        "level_label": access.level_label(level),
        "marking": access.level_marking(level, meeting.body),
        # Confidential copies name their reader on every page, so that a leaked copy can be traced.
        "reader": _reader_name(request) if level != Level.PUBLIC else "",
        "printed_at": timezone.now(),
        "language": get_language(),
    }
    if access.export_is_audited(level):
        audit.info("pdf export: user=%s meeting=%s kind=%s level=%s", request.user.pk, meeting.slug, kind, level)
    response = response_class(
        request,
        template,
        context,
        filename=f"{meeting.slug}-{kind}-{get_language()}.pdf",
        stylesheets=[finders.find(STYLESHEET)],
    )
    if level != Level.PUBLIC:
        response["Cache-Control"] = "private, no-store"
    return response


def _reader_name(request: HttpRequest) -> str:
    """Return the name of the person asking, as the Council knows them (one query for a member)."""
    member_id = access.clearance_for(request.user).member_id
    names = Member.objects.filter(pk=member_id).values_list("first_name", "last_name").first() if member_id else None
    if names:
        return " ".join(name for name in names if name)
    return request.user.get_full_name() or request.user.get_username()


@require_safe
def agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the meeting's agenda as PDF, with only the items and papers the reader may see."""
    user = request.user
    # Query 1 (+ clearance): the meeting, if visible.
    meeting = access.get_visible_or_404(Meeting.objects.select_related("body", "venue__country"), user, slug=slug)
    # Query 2: the agenda at the reader's clearance.
    agenda = selectors.visible_agenda(user, meeting)
    # Query 3: the papers at the reader's clearance (the policy also hides papers of hidden items).
    documents = list(Document.objects.visible_to(user).filter(meeting=meeting).order_by("agenda_item_id", "title"))
    papers: dict[int | None, list[Document]] = {}
    for document in documents:
        papers.setdefault(document.agenda_item_id, []).append(document)
    # Query 3a (members' copies, like the meeting's page): matters arising the reader may see.
    matters = list(matters_arising(meeting, user)) if access.has_member_view(access.clearance_for(user)) else []
    people = [item.presenter_id for item in agenda] + [action.owner_id for action in matters]
    context = {
        "agenda": [(item, papers.get(item.pk, [])) for item in agenda],
        "meeting_papers": papers.get(None, []),
        "matters_arising": matters,
        # Query 4 (only with presenters or owners): who among them may be named to this reader.
        "nameable": access.nameable_people(user, people),
        # Query 5: every item's length, visible or not, to place the visible ones.
        "timetable": selectors.timetable(meeting, agenda),
        "level": highest(
            [
                meeting.level,
                *(item.level for item in agenda),
                *(d.level for d in documents),
                *(action.level for action in matters),
            ]
        ),
    }
    return _pdf(request, meeting, "meetings/pdf/agenda.html", context, kind="agenda")


@require_safe
def minutes_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the latest approved edition of the minutes the reader may read as PDF; 404 if there is none."""
    user = request.user
    # Query 1 (+ clearance): the meeting, if visible.
    meeting = access.get_visible_or_404(Meeting.objects.select_related("body", "venue__country"), user, slug=slug)
    # Query 2: the record at the reader's clearance.
    minutes = selectors.minutes_of_record(user, meeting)
    if minutes is None:
        raise Http404(_("No such page."))
    context = {"minutes": minutes, "level": highest([meeting.level, minutes.level])}
    return _pdf(request, meeting, "meetings/pdf/minutes.html", context, kind="minutes")
