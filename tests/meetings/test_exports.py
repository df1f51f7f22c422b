"""Attendance and action items exported from the admin as CSV and XLSX: content, encoding, safety, who may."""

from __future__ import annotations

import csv
import datetime
import io
import logging
import zipfile
import zoneinfo

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from meetings.exports import csv_cell
from meetings.models import Level, Participation
from tests.factories import (
    ActionItemFactory,
    CountryFactory,
    MeetingFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    UserFactory,
)

MEETINGS = "/admin/meetings/meeting/"
ACTION_ITEMS = "/admin/meetings/actionitem/"
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
DANGEROUS = ['=HYPERLINK("http://evil.example/","click")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


@pytest.fixture
def meeting(group_a):
    return MeetingFactory(
        body=group_a,
        level=Level.RESTRICTED,
        title_en="Closed session",
        slug="closed-session",
        starts_at=datetime.datetime(2026, 12, 10, 10, 0, tzinfo=TASHKENT),
        ends_at=datetime.datetime(2026, 12, 10, 17, 0, tzinfo=TASHKENT),
    )


@pytest.fixture
def attendance(meeting):
    """Two participants: one with a Cyrillic name who came in person, one with a name meant as a formula."""
    kazakhstan = CountryFactory(code="KZ")
    ministry = OrganizationFactory(name="Министерство юстиции")
    ParticipationFactory(
        meeting=meeting,
        member=MemberFactory(first_name="Айгерим", last_name="Сапарова", country=kazakhstan, organization=ministry),
        role=Participation.Role.CHAIR,
        invited_at=datetime.datetime(2026, 11, 1, 9, 30, tzinfo=TASHKENT),
        rsvp=Participation.Rsvp.ACCEPTED,
        rsvp_mode=Participation.Mode.IN_PERSON,
        attendance=Participation.Attendance.IN_PERSON,
    )
    ParticipationFactory(meeting=meeting, member=MemberFactory(first_name="=cmd|' /C calc'!A0", last_name="Яковлев"))


def _export(client, user, url: str, action: str, pks) -> object:
    client.force_login(user)
    return client.post(url, {"action": action, "_selected_action": list(pks)})


def _csv_rows(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel.
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_attendance_csv_lists_each_participant_of_the_selected_meetings(client, secretariat, meeting, attendance):
    response = _export(client, secretariat, MEETINGS, "export_attendance_csv", [meeting.pk])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="attendance-closed-session.csv"'
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    header, *rows = _csv_rows(response)
    assert header == [
        "Meeting",
        "Starts",
        "Time zone",
        "Participant",
        "Country",
        "Organisation",
        "Role",
        "Invitation sent",
        "Reply",
        "Attends",
        "Attendance",
    ]
    assert rows[0] == [
        "Closed session",
        "2026-12-10 10:00",
        "Asia/Tashkent",
        "Айгерим Сапарова",
        "Kazakhstan",
        "Министерство юстиции",
        "Chair",
        "2026-11-01 09:30",
        "Accepted",
        "In person",
        "Attended in person",
    ]
    # A name written as a formula arrives as text.
    assert rows[1][3] == "'=cmd|' /C calc'!A0 Яковлев"
    assert rows[1][7:] == ["", "No reply yet", "", "Not recorded"]


@pytest.mark.django_db
def test_the_attendance_csv_of_several_meetings_is_named_for_the_day(client, secretariat, meeting, attendance, group_a):
    other = MeetingFactory(body=group_a, title_en="Open session")
    ParticipationFactory(meeting=other)
    response = _export(client, secretariat, MEETINGS, "export_attendance_csv", [meeting.pk, other.pk])
    assert response["Content-Disposition"].startswith('attachment; filename="attendance-20')
    assert len(_csv_rows(response)) == 4


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_csv_cell_that_a_spreadsheet_would_run_is_quoted(text):
    assert csv_cell(text) == f"'{text}"


@pytest.mark.parametrize("value", ["Plain text", "Имя", "Oʻzbekiston", "2+2", "a=b", "", None])
def test_an_ordinary_csv_cell_is_left_alone(value):
    assert csv_cell(value) == (value or "")


@pytest.mark.django_db
def test_the_action_items_csv_has_every_column_and_is_formula_safe(client, secretariat, meeting):
    owner = MemberFactory(first_name="Dilnoza", last_name="Karimova")
    ActionItemFactory(
        meeting=meeting,
        title="Circulate the draft",
        owner=owner,
        due_date=datetime.date(2026, 12, 20),
        status="done",
        completed_at=datetime.datetime(2026, 12, 18, 15, 0, tzinfo=TASHKENT),
        level=Level.GROUP,
    )
    for text in DANGEROUS:
        ActionItemFactory(meeting=meeting, title=text, owner=None, due_date=datetime.date(2027, 1, 1))
    pks = meeting.action_items.values_list("pk", flat=True)
    response = _export(client, secretariat, ACTION_ITEMS, "export_csv", pks)
    assert response["Content-Disposition"].startswith('attachment; filename="action-items-')
    header, first, *dangerous = _csv_rows(response)
    assert header == ["Meeting", "Task", "Owner", "Due", "Status", "Confidentiality", "Completed", "Time zone"]
    assert first == [
        "Closed session",
        "Circulate the draft",
        "Dilnoza Karimova",
        "2026-12-20",
        "Done",
        "Group",
        "2026-12-18 15:00",
        "Asia/Tashkent",
    ]
    assert sorted(row[1] for row in dangerous) == sorted(f"'{text}" for text in DANGEROUS)


@pytest.mark.django_db
def test_the_xlsx_keeps_texts_as_text_and_dates_as_dates(client, secretariat, meeting, attendance):
    ActionItemFactory(meeting=meeting, title=DANGEROUS[0], due_date=datetime.date(2026, 12, 20))
    response = _export(client, secretariat, MEETINGS, "export_attendance_xlsx", [meeting.pk])
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="attendance-closed-session.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Meeting", "Starts", "Time zone", "Participant")
    assert sheet["A1"].font.bold
    # Spreadsheets know no zones: the venue's wall-clock time, its zone in the next column.
    assert rows[1][1] == datetime.datetime(2026, 12, 10, 10, 0, tzinfo=TASHKENT).replace(tzinfo=None)
    assert rows[1][2] == "Asia/Tashkent"
    assert rows[1][3] == "Айгерим Сапарова"
    assert rows[2][3] == "=cmd|' /C calc'!A0 Яковлев"
    assert sheet["D3"].data_type == "s"
    # Nothing in the workbook is a formula.
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert all(b"<f>" not in archive.read(name) for name in archive.namelist() if name.endswith(".xml"))

    items = _export(client, secretariat, ACTION_ITEMS, "export_xlsx", meeting.action_items.values_list("pk", flat=True))
    sheet = load_workbook(io.BytesIO(items.content)).active
    assert sheet["B2"].value == DANGEROUS[0] and sheet["B2"].data_type == "s"
    assert sheet["D2"].is_date and sheet["D2"].value.date() == datetime.date(2026, 12, 20)


@pytest.mark.django_db
def test_an_export_is_noted_on_the_audit_log(client, secretariat, meeting, attendance, caplog):
    with caplog.at_level(logging.INFO, logger="rec_portal.audit"):
        _export(client, secretariat, MEETINGS, "export_attendance_csv", [meeting.pk])
    assert f"table export: user={secretariat.pk} file=attendance-closed-session.csv rows=2" in caplog.text


@pytest.mark.django_db
def test_the_attendance_export_costs_the_same_queries_however_many_participants(
    client, secretariat, meeting, attendance
):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert _export(client, secretariat, MEETINGS, "export_attendance_csv", [meeting.pk]).status_code == 200
        return len(captured)

    count()
    before = count()
    for _ in range(10):
        ParticipationFactory(meeting=meeting)
    assert count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["wg_a_member", "chair", "exec_member", "partner"], indirect=True)
def test_members_never_run_an_export(client, persona, meeting, attendance):
    for url, action in ((MEETINGS, "export_attendance_csv"), (ACTION_ITEMS, "export_csv")):
        response = _export(client, persona, url, action, [meeting.pk])
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _staff(*codenames: str):
    user = UserFactory(username="-".join(codenames) or "bare-staff", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames))
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("codenames", "allowed"),
    [
        (("view_meeting", "view_participation"), True),
        (("view_meeting",), False),  # The attendance is the participants' list.
    ],
)
def test_the_attendance_export_needs_both_view_permissions(client, meeting, attendance, codenames, allowed):
    response = _export(client, _staff(*codenames), MEETINGS, "export_attendance_csv", [meeting.pk])
    if allowed:
        assert response["Content-Type"] == "text/csv; charset=utf-8"
    else:
        # No export is offered to them: the list comes back, no file.
        assert response["Content-Type"].startswith("text/html") and "Content-Disposition" not in response


@pytest.mark.django_db
def test_the_action_items_export_needs_the_view_permission(client, meeting):
    item = ActionItemFactory(meeting=meeting)
    allowed = _export(client, _staff("view_actionitem"), ACTION_ITEMS, "export_csv", [item.pk])
    assert allowed["Content-Type"] == "text/csv; charset=utf-8"
    client.logout()
    refused = _export(client, _staff("view_meeting"), ACTION_ITEMS, "export_csv", [item.pk])
    assert refused.status_code == 403
