"""The secretariat's attendance register for the meeting day: a tablet-sized page outside the admin.

One form marks everyone and saves with one POST (no JavaScript needed); with htmx each row
saves as soon as it changes and gets itself and the counts back. Who may keep the register is
the policy's answer (`access.keeps_attendance_register`); everyone else gets 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from meetings import access, exports
from meetings.attendance import (
    SHORT_LABELS,
    STATUSES,
    Change,
    Conflict,
    StaleAttendance,
    add_attending_organization,
    parse_change,
    record_attendance,
    register,
    register_table,
    remove_attending_organization,
)
from meetings.charts import attendance_chart
from meetings.models import Meeting, Participation
from meetings.services import WorkflowError
from members.models import Organization

TEMPLATE = "meetings/staff/attendance_register.html"


@dataclass
class Row:
    """A participant's row as the register shows it: the mark checked, and the mark and version it was loaded at."""

    participation: Participation
    checked: str
    was: str
    version: str
    conflict: Conflict | None = None
    error: str = ""

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(status, SHORT_LABELS[status]) for status in STATUSES]


def _meeting_or_404(request: HttpRequest, slug: str) -> Meeting:
    if not access.keeps_attendance_register(request.user):
        raise Http404
    return get_object_or_404(Meeting.objects.select_related("body", "venue"), slug=slug)


def _row(participation: Participation) -> Row:
    status = participation.attendance
    return Row(participation, status, status, participation.updated_at.isoformat())


def _context(meeting: Meeting, rows: list[Row] | None = None) -> dict:
    data = register(meeting)
    if rows is None:
        rows = [_row(p) for p in data.participations]
    listed = {item.organization_id for item in data.organizations}
    return {
        "meeting": meeting,
        "register": data,
        "rows": rows,
        "status_labels": [SHORT_LABELS[status] for status in STATUSES],
        # No query: the participants loaded above, counted by country (the same numbers as the table below it).
        "attendance_chart": attendance_chart(data.participations, chart_id="register-chart"),
        "register_tables": [
            (_("By country"), data.by_country, "country"),
            (_("By organisation"), data.by_organization, "organisation"),
        ],
        # The organisations that can still be added (one query; a few dozen rows).
        "addable": [o for o in Organization.objects.order_by("name") if o.pk not in listed],
        "admin_url": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
    }


def _changes(request: HttpRequest) -> list[Change]:
    """Return the marks the POST carries, or raise WorkflowError when one cannot be read."""
    changes = []
    for key in request.POST:
        if not key.startswith("status-"):
            continue
        raw_id = key.removeprefix("status-")
        if not raw_id.isdigit() or len(raw_id) > 12:
            raise WorkflowError(_("The register sent a row it does not know; reload the page."))
        changes.append(
            parse_change(
                int(raw_id),
                request.POST.get(key, ""),
                request.POST.get(f"was-{raw_id}", ""),
                request.POST.get(f"version-{raw_id}", ""),
            )
        )
    if not changes:
        raise WorkflowError(_("Nothing was marked: choose an attendance status for someone."))
    return changes


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def attendance_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the meeting's register; on POST save the marks that changed, refusing those set meanwhile by others."""
    meeting = _meeting_or_404(request, slug)
    if request.method != "POST":
        return render(request, TEMPLATE, _context(meeting))
    try:
        changes = _changes(request)
        written = record_attendance(meeting=meeting, changes=changes, by=request.user)
    except StaleAttendance as exc:
        return _refused(request, meeting, changes, exc.message, status=409, conflicts=exc.conflicts)
    except WorkflowError as exc:
        return _refused(request, meeting, [], exc.message, status=400)
    if request.htmx:
        return _rows_response(request, meeting, {c.participation_id for c in changes}, saved=written)
    if written:
        count = len(written)
        text = ngettext("Attendance saved for %(count)d person.", "Attendance saved for %(count)d people.", count)
        messages.success(request, text % {"count": count})
    else:
        messages.info(request, _("Nothing had changed: no attendance to save."))
    return redirect(reverse("meetings:attendance_register", args=[meeting.slug]))


def _rows_response(
    request: HttpRequest,
    meeting: Meeting,
    ids: set[int],
    *,
    saved: list[Participation] = (),
    rows: list[Row] | None = None,
    status: int = 200,
    announcement: str = "",
) -> HttpResponse:
    """Return the rows with `ids` and, out of band, the counts and a status line for screen readers (htmx)."""
    context = _context(meeting, rows)
    context["rows"] = [row for row in context["rows"] if row.participation.pk in ids]
    if not announcement and saved:
        announcement = "; ".join(f"{p.member.full_name}: {SHORT_LABELS[p.attendance]}" for p in saved)
        announcement = _("Saved — %(marks)s.") % {"marks": announcement}
    context["announcement"], context["refused"] = announcement, status >= 400
    return render(request, "meetings/staff/_attendance_rows.html", context, status=status)


def _refused(
    request: HttpRequest,
    meeting: Meeting,
    changes: list[Change],
    message: str,
    *,
    status: int,
    conflicts: list[Conflict] = (),
) -> HttpResponse:
    """Answer a save that was refused: the register again, with the marks as submitted and the conflicts shown."""
    data = register(meeting)
    submitted = {change.participation_id: change for change in changes}
    stale = {conflict.participation.pk: conflict for conflict in conflicts}
    rows = []
    for participation in data.participations:
        row = _row(participation)
        change = submitted.get(participation.pk)
        if change is not None:
            row.checked = change.status
            row.was, row.version = change.loaded_status, change.loaded_version.isoformat()
        if participation.pk in stale:
            # The next save is made knowing their mark: it carries their version (core.concurrency).
            row.conflict = stale[participation.pk]
            row.was, row.version = participation.attendance, participation.updated_at.isoformat()
        rows.append(row)
    if request.htmx:
        # The rows the request was about, as far as they can be read, get the message; when none
        # can, nothing is swapped (the row that asked stays as it is).
        posted = {key.removeprefix("status-") for key in request.POST if key.startswith("status-")}
        ids = set(submitted) or {p.pk for p in data.participations if str(p.pk) in posted}
        for row in rows:
            if row.participation.pk in ids and not row.conflict:
                row.error = message
        response = _rows_response(request, meeting, ids, rows=rows, status=status, announcement=message)
        if not ids:
            response["HX-Reswap"] = "none"
        return response
    messages.error(request, message)
    return render(request, TEMPLATE, _context(meeting, rows), status=status)


@login_required
@require_POST
def attendance_organizations(request: HttpRequest, slug: str) -> HttpResponse:
    """Add an attending organisation to the meeting, or take one off."""
    meeting = _meeting_or_404(request, slug)
    raw_id = request.POST.get("organization", "")
    try:
        if not raw_id.isdigit() or len(raw_id) > 12:
            raise WorkflowError(_("Choose an organisation."))
        if request.POST.get("action") == "remove":
            remove_attending_organization(meeting=meeting, organization_id=int(raw_id))
            messages.success(request, _("The organisation is no longer listed as attending."))
        elif request.POST.get("action") == "add":
            organization = Organization.objects.filter(pk=int(raw_id)).first()
            if organization is None:
                raise WorkflowError(_("This organisation does not exist; reload the register."))
            add_attending_organization(meeting=meeting, organization=organization)
            messages.success(request, _("%(organisation)s is listed as attending.") % {"organisation": organization})
        else:
            raise WorkflowError(_("Say whether to add or to remove the organisation."))
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return render(request, TEMPLATE, _context(meeting), status=400)
    return redirect(reverse("meetings:attendance_register", args=[meeting.slug]) + "#organisations")


@login_required
@require_safe
def attendance_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Download the register with its counts as CSV (UTF-8 with a byte-order mark, no formulas)."""
    meeting = _meeting_or_404(request, slug)
    table = register_table(register(meeting))
    exports.log_export(user=request.user, table=table, file_format="csv")
    return exports.csv_response(table)
