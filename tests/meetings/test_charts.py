"""The meetings' charts: replies and attendance by country (meeting page, register), the next 30 days."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from meetings.charts import next_30_days
from meetings.models import Level, Participation
from tests.conftest import PERSONAS
from tests.factories import CountryFactory, MeetingFactory, MemberFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

A = Participation.Attendance
# Those who get the members' page of a council-level meeting, and with it its participants.
COUNCIL = {"partner", "wg_a_member", "wg_c_member", "exec_member", "chair", "secretariat"}


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _table(html: str, chart_id: str) -> dict[str, list[str]]:
    """Return the rows of the table behind a chart: label → counts by series, then the total."""
    figure = html[html.index(f'id="{chart_id}"') :]
    figure = figure[: figure.index("</figure>")]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', figure)
    return {label: re.findall(r">(\d+)</td>", cells) for label, cells in rows}


def _people(meeting) -> list[Participation]:
    kz, uz, tj = CountryFactory(code="KZ"), CountryFactory(code="UZ"), CountryFactory(code="TJ")
    return [
        ParticipationFactory(
            meeting=meeting, member=MemberFactory(country=kz), rsvp="accepted", rsvp_mode="online", attendance=A.ONLINE
        ),
        ParticipationFactory(meeting=meeting, member=MemberFactory(country=kz), rsvp="declined", attendance=A.ABSENT),
        ParticipationFactory(
            meeting=meeting,
            member=MemberFactory(country=kz),
            rsvp="tentative",
            rsvp_mode="in_person",
            attendance=A.IN_PERSON,
        ),
        ParticipationFactory(meeting=meeting, member=MemberFactory(country=uz), attendance=A.IN_PERSON),
        ParticipationFactory(
            meeting=meeting,
            member=MemberFactory(country=tj),
            rsvp="accepted",
            rsvp_mode="in_person",
            attendance=A.IN_PERSON,
        ),
        ParticipationFactory(meeting=meeting, member=MemberFactory(country=tj), attendance=A.EXCUSED),
    ]


@pytest.fixture
def coming(group_a):
    meeting = MeetingFactory(body=group_a, level=Level.COUNCIL, title="Council briefing")
    _people(meeting)
    return meeting


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_replies_by_country_show_only_to_those_the_page_lists_the_participants_to(client, persona, request, coming):
    name = request.node.callspec.params["persona"]
    response = _login(client, persona).get(coming.get_absolute_url())
    assert response.status_code == (200 if name in COUNCIL else 404)
    html = response.content.decode()
    assert ('id="participation-chart"' in html) is (name in COUNCIL)
    if name in COUNCIL:
        assert "Replies by country" in html
        # Accepted, tentative, declined, no reply, total: the same people the page lists, no more; the
        # countries with fewer than three of them counted together, so no one's own reply shows.
        assert _table(html, "participation-chart") == {
            "Kazakhstan": ["1", "1", "1", "0", "3"],
            "Other countries": ["1", "0", "0", "2", "3"],
        }
        assert html.count(" · Kazakhstan</li>") == 3 and html.count(" · Uzbekistan</li>") == 1
        assert "Countries with fewer than 3 participants are grouped or left out." in html


def test_once_the_meeting_has_begun_the_chart_counts_attendance(client, wg_a_member, group_a):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, starts_at=start)
    _people(meeting)
    html = _login(client, wg_a_member).get(meeting.get_absolute_url()).content.decode()
    assert "Attendance by country" in html and "Replies by country" not in html
    # In person, online, absent, excused, not recorded, total.
    assert _table(html, "participation-chart") == {
        "Kazakhstan": ["1", "1", "1", "0", "0", "3"],
        "Other countries": ["2", "0", "0", "1", "0", "3"],
    }


def test_a_country_too_small_to_hide_a_person_is_left_out_of_the_members_chart(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    people = _people(meeting)
    people[-1].delete()  # Uzbekistan 1 and Tajikistan 1: together still fewer than three.
    html = _login(client, wg_a_member).get(meeting.get_absolute_url()).content.decode()
    assert list(_table(html, "participation-chart")) == ["Kazakhstan"]
    assert "Countries with fewer than 3 participants are grouped or left out." in html


def test_the_public_page_of_a_meeting_counts_no_one(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    _people(meeting)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "participation-chart" not in html and "Replies by country" not in html


def test_a_meeting_without_participants_draws_no_chart(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    html = _login(client, wg_a_member).get(meeting.get_absolute_url()).content.decode()
    assert "participation-chart" not in html


# --- The secretariat's register ---------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_register_chart_is_the_secretariats_alone(client, persona, request, group_a):
    name = request.node.callspec.params["persona"]
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    _people(meeting)
    response = _login(client, persona).get(f"/en/staff/meetings/{meeting.slug}/attendance/", follow=True)
    html = response.content.decode()
    assert ('id="register-chart"' in html) is (name == "secretariat")
    if name == "secretariat":
        assert 'role="img" aria-labelledby="register-chart-title register-chart-desc"' in html
        desc = html.split('id="register-chart-desc">')[1].split("<")[0]
        assert desc == (
            "Country TJ: In person 1, Excused 1; Kazakhstan: In person 1, Online 1, Absent 1; Uzbekistan: In person 1."
        )


def test_the_register_chart_follows_each_saved_mark(client, secretariat, group_a):
    meeting = MeetingFactory(body=group_a)
    row = _people(meeting)[3]  # Uzbekistan's one participant.
    row.refresh_from_db()
    client.force_login(secretariat)
    data = {
        f"status-{row.pk}": A.EXCUSED,
        f"was-{row.pk}": row.attendance,
        f"version-{row.pk}": row.updated_at.isoformat(),
    }
    html = client.post(f"/en/staff/meetings/{meeting.slug}/attendance/", data, headers={"HX-Request": "true"})
    assert "Uzbekistan: Excused 1." in html.content.decode()  # The counts, the chart with them, swapped in.


# --- The next 30 days -------------------------------------------------------------------


def test_the_strip_marks_the_meetings_i_may_see_each_a_link_named_by_title_and_date(
    client, wg_a_member, group_a, group_c
):
    now = timezone.now()
    mine = MeetingFactory(
        body=group_a, level=Level.GROUP, title="Planning session", starts_at=now + datetime.timedelta(days=5)
    )
    MeetingFactory(
        body=group_c, level=Level.GROUP, title="HIDDEN-OTHER-GROUP", starts_at=now + datetime.timedelta(days=6)
    )
    MeetingFactory(body=group_a, level=Level.GROUP, title="TOO-LATE", starts_at=now + datetime.timedelta(days=40))
    MeetingFactory(body=group_a, title="CALLED-OFF", status="cancelled", starts_at=now + datetime.timedelta(days=3))
    html = _login(client, wg_a_member).get("/en/my/").content.decode()
    strip = html[html.index('aria-labelledby="next-30-days-heading"') :]
    strip = strip[: strip.index("</section>")]
    day = mine.starts_at.astimezone(mine.zone).date()
    label = f"Planning session, {day:%-d} {day:%B} {day:%Y}"
    assert f'<a href="{mine.get_absolute_url()}" aria-label="{label}">' in strip
    assert "HIDDEN-OTHER-GROUP" not in html and "TOO-LATE" not in strip and "CALLED-OFF" not in strip


def test_the_strip_has_thirty_days_and_says_when_nothing_is_coming(client, wg_a_member):
    strip = next_30_days(wg_a_member)
    assert len(strip.days) == 30 and strip.days[0].date == timezone.localdate()
    html = _login(client, wg_a_member).get("/en/my/").content.decode()
    assert "No meetings in the next 30 days." in html


def test_the_strip_costs_one_query_however_many_meetings(wg_a_member, group_a, django_assert_num_queries):
    next_30_days(wg_a_member)  # The clearance, cached on the user.
    for days in range(10):
        MeetingFactory(body=group_a, level=Level.GROUP, starts_at=timezone.now() + datetime.timedelta(days=days))
    with django_assert_num_queries(1):
        strip = next_30_days(wg_a_member)
    assert len(strip.items) == 10
