"""Tables for the secretariat's admin: the attendance of meetings and action items, as CSV or XLSX.

CSV is UTF-8 with a byte-order mark, so that Excel reads Cyrillic and Uzbek correctly, and
every cell a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
return) gets a leading quote. XLSX (openpyxl) stores every text as text, never as a formula;
it also spares the reader Excel's guess at the list separator, which in Russian-locale
Excel is ";" and puts a comma-separated file into one column.

Times are the meeting's local time, with its zone in a column of its own.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from meetings.models import ActionItem, Meeting, Participation
from members.models import Member

audit = logging.getLogger("rec_portal.audit")

Cell = str | datetime.date | datetime.datetime | None

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """A titled table of rows, ready to be written as CSV or XLSX."""

    filename: str  # Without the extension.
    title: str
    header: list[str]
    rows: list[list[Cell]]


def _label(model, field: str) -> str:
    return str(capfirst(model._meta.get_field(field).verbose_name))


def _local(moment: datetime.datetime | None, meeting: Meeting) -> datetime.datetime | None:
    # Spreadsheets know no time zones: the meeting's wall-clock time, its zone in its own column.
    return timezone.localtime(moment, meeting.zone).replace(tzinfo=None) if moment else None


def attendance_table(meetings: QuerySet[Meeting]) -> Table:
    """Return who was invited to `meetings`, how they replied and whether they came (one query)."""
    participations = (
        Participation.objects.filter(meeting__in=meetings)
        .select_related("meeting", "member__country", "member__organization")
        .order_by("meeting__starts_at", "meeting_id", "member__last_name", "member__first_name")
    )
    rows = []
    for participation in participations:
        meeting, member = participation.meeting, participation.member
        rows.append(
            [
                meeting.title,
                _local(meeting.starts_at, meeting),
                meeting.time_zone,
                member.full_name,
                member.country.name if member.country else "",
                member.organization.name if member.organization else "",
                participation.get_role_display(),
                _local(participation.invited_at, meeting),
                participation.get_rsvp_display(),
                participation.get_rsvp_mode_display(),
                participation.get_attendance_display(),
            ]
        )
    header = [
        _label(Participation, "meeting"),
        _label(Meeting, "starts_at"),
        _label(Meeting, "time_zone"),
        str(capfirst(Participation._meta.verbose_name)),
        _label(Member, "country"),
        _label(Member, "organization"),
        _label(Participation, "role"),
        _label(Participation, "invited_at"),
        _label(Participation, "rsvp"),
        _label(Participation, "rsvp_mode"),
        _label(Participation, "attendance"),
    ]
    slugs = list({row.meeting.slug for row in participations})
    name = f"attendance-{slugs[0]}" if len(slugs) == 1 else f"attendance-{timezone.localdate():%Y-%m-%d}"
    return Table(filename=name, title=_("Attendance"), header=header, rows=rows)


def action_items_table(items: QuerySet[ActionItem]) -> Table:
    """Return `items` with their meeting, owner, due date, status and level (one query)."""
    rows = [
        [
            item.meeting.title,
            item.title,
            item.owner.full_name if item.owner else "",
            item.due_date,
            item.get_status_display(),
            item.get_level_display(),
            _local(item.completed_at, item.meeting),
            item.meeting.time_zone,
        ]
        for item in items.select_related("meeting", "owner").order_by("meeting__starts_at", "due_date", "pk")
    ]
    header = [
        _label(ActionItem, "meeting"),
        _label(ActionItem, "title"),
        _label(ActionItem, "owner"),
        _label(ActionItem, "due_date"),
        _label(ActionItem, "status"),
        _label(ActionItem, "level"),
        _label(ActionItem, "completed_at"),
        _label(Meeting, "time_zone"),
    ]
    return Table(
        filename=f"action-items-{timezone.localdate():%Y-%m-%d}",
        title=str(capfirst(ActionItem._meta.verbose_name_plural)),
        header=header,
        rows=rows,
    )


def csv_cell(value: Cell) -> str:
    """Return `value` as CSV text that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        text = f"{value:%Y-%m-%d %H:%M}"
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def csv_response(table: Table) -> HttpResponse:
    """Return `table` as a CSV download in UTF-8 with a byte-order mark."""
    response = _download(f"{table.filename}.csv", CSV_TYPE)
    response.write("\ufeff")  # The byte-order mark: Excel then reads the file as UTF-8.
    writer = csv.writer(response)
    writer.writerow([csv_cell(label) for label in table.header])
    writer.writerows([csv_cell(value) for value in row] for row in table.rows)
    return response


def xlsx_response(table: Table) -> HttpResponse:
    """Return `table` as an XLSX download: a bold, frozen header row; texts as text, dates as dates."""
    # Imported here: only an export needs it, and the admin starts faster without it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.title[:31])  # Excel's limit for a sheet name.
    sheet.freeze_panes = "A2"
    for index, label in enumerate(table.header):
        longest = max([len(label), *(len(csv_cell(row[index])) for row in table.rows)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(longest + 2, 10), 60)

    def cell(value: Cell, *, bold: bool = False):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            written.data_type = "s"  # Text stays text: "=…" is never stored as a formula.
        elif isinstance(value, datetime.datetime):
            written.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, datetime.date):
            written.number_format = "yyyy-mm-dd"
        if bold:
            written.font = Font(bold=True)
        return written

    sheet.append([cell(label, bold=True) for label in table.header])
    for row in table.rows:
        sheet.append([cell(value) for value in row])
    response = _download(f"{table.filename}.xlsx", XLSX_TYPE)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response.write(buffer.getvalue())
    return response


def log_export(*, user, table: Table, file_format: str) -> None:
    """Say on the audit log who exported which table, and how many rows."""
    audit.info("table export: user=%s file=%s.%s rows=%d", user.pk, table.filename, file_format, len(table.rows))


def _download(filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
