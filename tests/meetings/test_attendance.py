"""The attendance register: the secretariat's page for the meeting day, its counts, its CSV and its guards."""

from __future__ import annotations

import csv
import datetime
import io

import pytest

from meetings import attendance, exports
from meetings.models import Meeting, MeetingOrganization, Participation
from meetings.services import WorkflowError
from tests.conftest import PERSONAS
from tests.factories import (
    CountryFactory,
    MeetingFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

A = Participation.Attendance


def _url(meeting: Meeting, tail: str = "attendance/") -> str:
    return f"/en/staff/meetings/{meeting.slug}/{tail}"


@pytest.fixture
def meeting(group_a):
    return MeetingFactory(body=group_a, title="Working Group (a), third meeting")


@pytest.fixture
def people(meeting):
    """Three participants: two from Kazakhstan (one of UNODC), one from Uzbekistan."""
    kz, uz = CountryFactory(code="KZ"), CountryFactory(code="UZ")
    unodc = OrganizationFactory(name="UNODC")
    return [
        ParticipationFactory(meeting=meeting, member=MemberFactory(last_name="Abenova", country=kz)),
        ParticipationFactory(meeting=meeting, member=MemberFactory(last_name="Bekov", country=kz, organization=unodc)),
        ParticipationFactory(meeting=meeting, member=MemberFactory(last_name="Karimov", country=uz)),
    ]


def _post_data(rows: list[Participation], marks: dict[int, str]) -> dict[str, str]:
    """Return the whole form as the page posts it: every row, with the marks in `marks` changed."""
    data = {}
    for row in rows:
        row.refresh_from_db()
        data[f"status-{row.pk}"] = marks.get(row.pk, row.attendance)
        data[f"was-{row.pk}"] = row.attendance
        data[f"version-{row.pk}"] = row.updated_at.isoformat()
    return data


# --- Who may open it --------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("tail", ["attendance/", "attendance.csv"])
def test_only_the_secretariat_opens_the_register(client, persona, request, meeting, people, tail):
    name = request.node.callspec.params["persona"]
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.get(_url(meeting, tail))
    if name == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == (200 if name == "secretariat" else 404)


@pytest.mark.parametrize("persona", ["partner", "wg_a_member", "chair", "exec_member", "wg_c_member"], indirect=True)
def test_no_one_else_can_mark_attendance_or_change_organisations(client, persona, meeting, people):
    client.force_login(persona)
    response = client.post(_url(meeting), _post_data(people, {people[0].pk: A.ABSENT}))
    assert response.status_code == 404
    organisation = OrganizationFactory()
    response = client.post(
        _url(meeting, "attendance/organisations/"), {"organization": organisation.pk, "action": "add"}
    )
    assert response.status_code == 404
    assert Participation.objects.get(pk=people[0].pk).attendance == A.UNKNOWN
    assert not MeetingOrganization.objects.exists()


def test_anonymous_posts_are_sent_to_sign_in(client, meeting, people):
    response = client.post(_url(meeting), _post_data(people, {people[0].pk: A.ABSENT}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_meeting_answers_404(client, secretariat):
    client.force_login(secretariat)
    assert client.get("/en/staff/meetings/no-such-meeting/attendance/").status_code == 404


# --- The page ---------------------------------------------------------------------------


def test_the_register_shows_everyone_with_labelled_radio_groups_and_the_counts(client, secretariat, meeting, people):
    people[0].attendance = A.IN_PERSON
    people[0].save()
    client.force_login(secretariat)
    html = client.get(_url(meeting)).content.decode()
    for person in people:
        assert f'<fieldset id="row-{person.pk}"' in html
        assert f'for="status-{person.pk}-excused"' in html
    assert html.count("<legend") == len(people)
    assert "Kazakhstan" in html and "UNODC" in html
    assert f'id="status-{people[0].pk}-in_person" value="in_person" autocomplete="off" checked' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_register_answers_in_each_language(client, secretariat, meeting, people, language):
    client.force_login(secretariat)
    response = client.get(f"/{language}/staff/meetings/{meeting.slug}/attendance/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_the_register_costs_the_same_queries_at_10_and_at_60_participants(
    client, secretariat, meeting, django_assert_num_queries
):
    client.force_login(secretariat)
    organisations = OrganizationFactory.create_batch(3)
    MeetingOrganization.objects.create(meeting=meeting, organization=organisations[0])
    client.get(_url(meeting))  # The session is renewed once; the counts below are of the pages alone.
    for size in (10, 60):
        while Participation.objects.filter(meeting=meeting).count() < size:
            ParticipationFactory(meeting=meeting, member=MemberFactory(organization=organisations[size % 3]))
        # Session, user, secretariat role, clearance (member), meeting, participants with their
        # country and organisation, organisations listed, organisations that can be added.
        with django_assert_num_queries(8):
            assert client.get(_url(meeting)).status_code == 200
        # The same without the organisations that can be added.
        with django_assert_num_queries(7):
            assert client.get(_url(meeting, "attendance.csv")).status_code == 200


# --- Marking ----------------------------------------------------------------------------


def test_one_form_post_marks_everyone_and_counts_follow(client, secretariat, meeting, people):
    client.force_login(secretariat)
    marks = {people[0].pk: A.IN_PERSON, people[1].pk: A.ONLINE, people[2].pk: A.EXCUSED}
    response = client.post(_url(meeting), _post_data(people, marks), follow=True)
    assert response.status_code == 200
    assert "Attendance saved for 3 people." in response.content.decode()
    assert {p.pk: p.attendance for p in Participation.objects.filter(meeting=meeting)} == marks
    data = attendance.register(meeting)
    assert data.overall.counts == {A.IN_PERSON: 1, A.ONLINE: 1, A.EXCUSED: 1}
    assert [(t.label, t.cells, t.total) for t in data.by_country] == [
        ("Kazakhstan", [1, 1, 0, 0, 0], 2),
        ("Uzbekistan", [0, 0, 0, 1, 0], 1),
    ]
    assert [(t.label, t.cells) for t in data.by_organization] == [
        ("No organisation", [1, 0, 0, 1, 0]),
        ("UNODC", [0, 1, 0, 0, 0]),
    ]


def test_a_history_row_names_who_marked(client, secretariat, meeting, people):
    client.force_login(secretariat)
    client.post(_url(meeting), _post_data(people, {people[0].pk: A.ABSENT}))
    record = Participation.history.filter(id=people[0].pk).first()
    assert record.attendance == A.ABSENT and record.history_user == secretariat


def test_an_htmx_change_saves_one_row_and_returns_it_with_the_counts(client, secretariat, meeting, people):
    client.force_login(secretariat)
    row = people[1]
    data = {k: v for k, v in _post_data(people, {row.pk: A.ONLINE}).items() if k.endswith(f"-{row.pk}")}
    response = client.post(_url(meeting), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="row-{row.pk}"' in html and f'id="row-{people[0].pk}"' not in html
    assert 'id="counts" class="register__counts" aria-labelledby="counts-heading" hx-swap-oob="true"' in html
    assert "Saved — Person" in html and "Bekov" in html
    row.refresh_from_db()
    assert row.attendance == A.ONLINE
    assert f'value="{row.updated_at.isoformat()}"' in html  # The next change of this row goes through.


def test_rows_left_as_loaded_are_not_written(client, secretariat, meeting, people):
    client.force_login(secretariat)
    before = {p.pk: p.updated_at for p in Participation.objects.all()}
    response = client.post(_url(meeting), _post_data(people, {}), follow=True)
    assert "Nothing had changed" in response.content.decode()
    assert {p.pk: p.updated_at for p in Participation.objects.all()} == before


# --- Two tablets ------------------------------------------------------------------------


def test_a_mark_changed_from_a_stale_version_is_refused_and_shown(client, secretariat, meeting, people):
    client.force_login(secretariat)
    mine = _post_data(people, {people[0].pk: A.ABSENT, people[1].pk: A.IN_PERSON})
    # Meanwhile the other tablet marks the first person present.
    attendance.record_attendance(
        meeting=meeting,
        changes=[attendance.parse_change(people[0].pk, A.IN_PERSON, A.UNKNOWN, mine[f"version-{people[0].pk}"])],
        by=secretariat,
    )
    response = client.post(_url(meeting), mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "after you opened the register" in html and "Abenova" in html
    # Nothing of mine was written, theirs stands.
    assert Participation.objects.get(pk=people[0].pk).attendance == A.IN_PERSON
    assert Participation.objects.get(pk=people[1].pk).attendance == A.UNKNOWN
    # My mark is still chosen, with their version: saving again overwrites knowingly.
    assert f'id="status-{people[0].pk}-absent" value="absent" autocomplete="off" checked' in html
    current = Participation.objects.get(pk=people[0].pk).updated_at.isoformat()
    assert f'name="version-{people[0].pk}" value="{current}"' in html
    again = dict(mine)
    again[f"version-{people[0].pk}"] = current
    again[f"was-{people[0].pk}"] = A.IN_PERSON
    assert client.post(_url(meeting), again).status_code == 302
    assert Participation.objects.get(pk=people[0].pk).attendance == A.ABSENT


def test_the_other_tablets_marks_of_other_people_do_not_block_mine(client, secretariat, meeting, people):
    client.force_login(secretariat)
    mine = _post_data(people, {people[0].pk: A.ABSENT})
    # The other tablet marks someone else; my form still shows that row as it was loaded.
    attendance.record_attendance(
        meeting=meeting,
        changes=[attendance.parse_change(people[2].pk, A.ONLINE, A.UNKNOWN, mine[f"version-{people[2].pk}"])],
        by=secretariat,
    )
    assert client.post(_url(meeting), mine).status_code == 302
    assert Participation.objects.get(pk=people[0].pk).attendance == A.ABSENT
    assert Participation.objects.get(pk=people[2].pk).attendance == A.ONLINE  # Not overwritten with "unknown".


def test_a_stale_htmx_change_returns_the_row_with_the_conflict(client, secretariat, meeting, people):
    client.force_login(secretariat)
    row = people[0]
    data = {k: v for k, v in _post_data(people, {row.pk: A.EXCUSED}).items() if k.endswith(f"-{row.pk}")}
    Participation.objects.filter(pk=row.pk).update(
        attendance=A.ONLINE, updated_at=row.updated_at + datetime.timedelta(seconds=5)
    )
    response = client.post(_url(meeting), data, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert "register__row--conflict" in response.content.decode()
    assert Participation.objects.get(pk=row.pk).attendance == A.ONLINE


def test_the_conditional_update_refuses_a_stale_save_without_a_row_lock(secretariat, meeting, people):
    row = people[0]
    loaded = row.updated_at
    change = attendance.parse_change(row.pk, A.ABSENT, A.UNKNOWN, loaded.isoformat())
    # The row moves on between the check and the write (as on SQLite, where nothing is locked).
    original = Participation.save

    def racing_save(self, *args, **kwargs):
        Participation.objects.filter(pk=self.pk).update(updated_at=loaded + datetime.timedelta(seconds=1))
        return original(self, *args, **kwargs)

    Participation.save = racing_save
    try:
        with pytest.raises(attendance.StaleAttendance):
            attendance.record_attendance(meeting=meeting, changes=[change], by=secretariat)
    finally:
        Participation.save = original
    assert Participation.objects.get(pk=row.pk).attendance == A.UNKNOWN


# --- Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data, pk, other: data.update({f"status-{pk}": "present"}),  # Not a status.
        lambda data, pk, other: data.update({f"status-{pk}": "x" * 5000}),
        lambda data, pk, other: data.update({f"version-{pk}": "yesterday"}),
        lambda data, pk, other: data.pop(f"version-{pk}"),
        lambda data, pk, other: data.update({"status-abc": "absent"}),
        lambda data, pk, other: data.update({"status-99999999999999999999": "absent"}),
        lambda data, pk, other: data.update({f"status-{other}": "absent", f"version-{other}": data[f"version-{pk}"]}),
        lambda data, pk, other: data.clear(),
    ],
)
def test_bad_input_gets_a_clear_message_and_400(client, secretariat, meeting, people, tamper):
    other_meeting = ParticipationFactory()  # A participant of another meeting.
    client.force_login(secretariat)
    data = _post_data(people, {people[0].pk: A.ABSENT})
    tamper(data, people[0].pk, other_meeting.pk)
    response = client.post(_url(meeting), data)
    assert response.status_code == 400
    assert 'class="alert alert-danger"' in response.content.decode()
    assert not Participation.objects.filter(attendance=A.ABSENT).exists()
    htmx = client.post(_url(meeting), data, headers={"HX-Request": "true"})
    assert htmx.status_code == 400 and "register__announcement" in htmx.content.decode()


def test_parse_change_refuses_unknown_statuses():
    with pytest.raises(WorkflowError):
        attendance.parse_change(1, "present", "unknown", "2026-01-01T00:00:00+00:00")


# --- Attending organisations ------------------------------------------------------------


def test_the_secretariat_adds_and_removes_attending_organisations(client, secretariat, meeting):
    client.force_login(secretariat)
    unicef = OrganizationFactory(name="UNICEF")
    url = _url(meeting, "attendance/organisations/")
    response = client.post(url, {"organization": unicef.pk, "action": "add"})
    assert response.status_code == 302 and response["Location"].endswith("#organisations")
    assert MeetingOrganization.objects.get(meeting=meeting).organization == unicef
    again = client.post(url, {"organization": unicef.pk, "action": "add"})
    assert again.status_code == 400 and "already listed" in again.content.decode()
    assert client.post(url, {"organization": unicef.pk, "action": "remove"}).status_code == 302
    assert not MeetingOrganization.objects.exists()


def test_organisers_are_not_removed_from_the_register(client, secretariat, meeting):
    client.force_login(secretariat)
    listed = MeetingOrganization.objects.create(
        meeting=meeting, organization=OrganizationFactory(), role=MeetingOrganization.Role.ORGANISER
    )
    response = client.post(
        _url(meeting, "attendance/organisations/"), {"organization": listed.organization_id, "action": "remove"}
    )
    assert response.status_code == 400
    assert MeetingOrganization.objects.filter(pk=listed.pk).exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"organization": "abc", "action": "add"}, {"organization": "999999", "action": "add"}, {"organization": "1"}],
)
def test_bad_organisation_input_gets_400(client, secretariat, meeting, data):
    client.force_login(secretariat)
    response = client.post(_url(meeting, "attendance/organisations/"), data)
    assert response.status_code == 400
    assert 'class="alert alert-danger"' in response.content.decode()


def test_get_on_the_organisations_endpoint_is_refused(client, secretariat, meeting):
    client.force_login(secretariat)
    assert client.get(_url(meeting, "attendance/organisations/")).status_code == 405


# --- The CSV ----------------------------------------------------------------------------


def test_the_csv_has_the_register_and_the_counts_in_utf8_with_bom_and_no_formulas(client, secretariat, meeting, people):
    people[0].member.last_name = "=HYPERLINK(1)"
    people[0].member.save()
    people[0].attendance = A.EXCUSED
    people[0].save()
    MeetingOrganization.objects.create(meeting=meeting, organization=OrganizationFactory(name="ОБСЕ"))
    client.force_login(secretariat)
    response = client.get(_url(meeting, "attendance.csv"))
    assert response["Content-Type"] == exports.CSV_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="attendance-register-{meeting.slug}.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[0][-1] == "Attendance"
    assert all(not cell.startswith("=") for row in rows for cell in row)
    assert any(row[-1] == "Excused" for row in rows[1:4])
    assert ["Kazakhstan", "0", "0", "0", "1", "1", "2"] in rows
    assert ["All participants", "0", "0", "0", "1", "2", "3"] in rows
    assert ["ОБСЕ", "Attending"] in rows


def test_the_admin_attendance_export_includes_excused(meeting, people):
    people[0].attendance = A.EXCUSED
    people[0].save()
    table = exports.attendance_table(Meeting.objects.filter(pk=meeting.pk))
    assert "Excused" in [row[-1] for row in table.rows]


# --- Where the secretariat finds it -----------------------------------------------------


def test_the_admin_links_to_the_register_from_the_meeting_and_the_list(client, secretariat, meeting):
    client.force_login(secretariat)
    register = _url(meeting)
    change = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert f'href="{register}"' in change
    listing = client.get("/admin/meetings/meeting/").content.decode()
    assert f'href="{register}"' in listing


def test_a_refused_htmx_change_returns_only_its_own_row_with_the_message(client, secretariat, meeting, people):
    client.force_login(secretariat)
    row = people[1]
    data = {k: v for k, v in _post_data(people, {row.pk: "present"}).items() if k.endswith(f"-{row.pk}")}
    response = client.post(_url(meeting), data, headers={"HX-Request": "true"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="row-{row.pk}"' in html and f'id="row-{people[0].pk}"' not in html
    assert "register__row--error" in html and "is not an attendance status" in html
    assert "HX-Reswap" not in response
    unknown = client.post(_url(meeting), {"status-abc": "absent"}, headers={"HX-Request": "true"})
    assert unknown.status_code == 400 and unknown["HX-Reswap"] == "none"
