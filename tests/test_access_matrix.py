"""One access matrix over every page of the portal × every persona; new URLs must join it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from meetings import rsvp_links
from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    NewsItemFactory,
    ParticipationFactory,
    PublicSummaryFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    SilenceProcedureFactory,
    report_implementation,
)

EVERYONE = set(PERSONAS)
GROUP_A = {"wg_a_member", "exec_member", "chair", "secretariat"}
PARTICIPANTS = {"wg_c_member", "secretariat"}
# A group-level meeting of (a) to which the partner and the member of (c) are invited: they see it as (a) does.
INVITED = GROUP_A | {"partner", "wg_c_member"}
MEMBERS = EVERYONE - {"anonymous", "inactive"}

SECRETARIAT = {"secretariat"}
MEMBERS_AREA = "members only"  # Anonymous visitors are sent to sign in; the uncleared get 404.
SIGNED_IN = EVERYONE - {"anonymous"}
DIRECTORY = MEMBERS - {"inactive"}

# URL name → (how to build the path from the objects, who gets 200; everyone else gets 404,
# except on pages marked MEMBERS_AREA, where anonymous visitors are redirected to sign in).
MATRIX = {
    "publicsite:home": (lambda o: "/en/", EVERYONE),
    "publicsite:about": (lambda o: "/en/about/", EVERYONE),
    "publicsite:contact": (lambda o: "/en/contact/", EVERYONE),
    "publicsite:privacy": (lambda o: "/en/privacy/", EVERYONE),
    "publicsite:recommendations": (lambda o: "/en/recommendations/", EVERYONE),
    "publicsite:roadmaps": (lambda o: "/en/roadmaps/", EVERYONE),
    "publicsite:roadmap": (lambda o: o["roadmap"].get_absolute_url(), EVERYONE),
    "publicsite:roadmap (draft)": (lambda o: o["draft_roadmap"].get_absolute_url(), set()),
    "meetings:calendar": (lambda o: "/en/calendar/", EVERYONE),
    "meetings:calendar_month": (lambda o: "/en/calendar/2026/12/", EVERYONE),
    "meetings:calendar_ics": (lambda o: "/en/calendar/public.ics", EVERYONE),
    "meetings:summaries": (lambda o: "/en/summaries/?q=meeting", EVERYONE),
    "meetings:summary_feed": (lambda o: "/en/summaries/feed/", EVERYONE),
    "members:partners": (lambda o: "/en/partners/", EVERYONE),
    "news:list": (lambda o: "/en/news/", EVERYONE),
    "news:detail": (lambda o: o["news"].get_absolute_url(), EVERYONE),
    "news:detail (scheduled)": (lambda o: o["scheduled_news"].get_absolute_url(), set()),
    "news:feed": (lambda o: "/en/news/feed/", EVERYONE),
    "robots_txt": (lambda o: "/robots.txt", EVERYONE),
    # The members' area.
    "meetings:dashboard": (lambda o: "/en/my/", SIGNED_IN, MEMBERS_AREA),
    "directory:directory": (lambda o: "/en/directory/", DIRECTORY, MEMBERS_AREA),
    "directory:card": (lambda o: f"/en/directory/{o['card'].pk}/", DIRECTORY, MEMBERS_AREA),
    "profile": (lambda o: "/en/accounts/profile/", SIGNED_IN, MEMBERS_AREA),
    "password_change": (lambda o: "/en/accounts/password/", SIGNED_IN, MEMBERS_AREA),
    "two_factor_setup": (lambda o: "/en/accounts/two-factor/", SIGNED_IN, MEMBERS_AREA),
    "meetings:personal_calendar": (lambda o: f"/en/calendar/personal/{o['token']}.ics", EVERYONE),
    "meetings:personal_calendar (bad token)": (lambda o: "/en/calendar/personal/not-a-real-token-at-all.ics", set()),
    # A reply link from an invitation e-mail: whoever holds it gets the page (GET never writes); a bad link
    # answers 400 and a used or expired one 410, for everyone alike (tests/meetings/test_rsvp_links.py).
    "meetings:rsvp_link": (lambda o: o["reply_url"], EVERYONE),
    "sitemap": (lambda o: "/sitemap.xml", EVERYONE),
    "login": (lambda o: "/en/accounts/login/", EVERYONE),
    "publicsite:group": (lambda o: o["group_a"].get_absolute_url(), EVERYONE),
    "publicsite:recommendation": (lambda o: o["recommendation"].get_absolute_url(), EVERYONE),
    "meetings:summary": (lambda o: o["summary"].get_absolute_url(), EVERYONE),
    "meetings:summary (draft)": (lambda o: o["draft_summary"].get_absolute_url(), {"secretariat"}),
    "meetings:detail": (lambda o: o["public_meeting"].get_absolute_url(), EVERYONE),
    "meetings:detail (council)": (lambda o: o["council_meeting"].get_absolute_url(), MEMBERS),
    "meetings:detail (group)": (lambda o: o["group_meeting"].get_absolute_url(), GROUP_A),
    "meetings:detail (restricted)": (lambda o: o["restricted_meeting"].get_absolute_url(), PARTICIPANTS),
    "meetings:detail (group, invited)": (lambda o: o["invited_meeting"].get_absolute_url(), INVITED),
    # The PDFs: the meeting's own rule, and for the minutes an approved edition the reader may read.
    "meetings:agenda_pdf": (lambda o: _pdf(o["public_meeting"], "agenda"), EVERYONE),
    "meetings:agenda_pdf (council)": (lambda o: _pdf(o["council_meeting"], "agenda"), MEMBERS),
    "meetings:agenda_pdf (group)": (lambda o: _pdf(o["group_meeting"], "agenda"), GROUP_A),
    "meetings:agenda_pdf (restricted)": (lambda o: _pdf(o["restricted_meeting"], "agenda"), PARTICIPANTS),
    "meetings:agenda_pdf (group, invited)": (lambda o: _pdf(o["invited_meeting"], "agenda"), INVITED),
    "meetings:minutes_pdf": (lambda o: _pdf(o["public_meeting"], "minutes"), EVERYONE),
    "meetings:minutes_pdf (group)": (lambda o: _pdf(o["group_meeting"], "minutes"), GROUP_A),
    "meetings:minutes_pdf (restricted)": (lambda o: _pdf(o["restricted_meeting"], "minutes"), PARTICIPANTS),
    "meetings:minutes_pdf (group, invited)": (lambda o: _pdf(o["invited_meeting"], "minutes"), INVITED),
    "meetings:minutes_pdf (none approved)": (lambda o: _pdf(o["council_meeting"], "minutes"), set()),
    "meetings:document": (lambda o: o["group_document"].get_absolute_url(), GROUP_A),
    "meetings:document (restricted)": (lambda o: o["restricted_document"].get_absolute_url(), PARTICIPANTS),
    "meetings:document (group, invited)": (lambda o: o["invited_document"].get_absolute_url(), INVITED),
    "meetings:document (group, no meeting)": (lambda o: o["body_document"].get_absolute_url(), GROUP_A),
    # A draft recommendation: its body, the Executive Committee and the secretariat; while under silence, also
    # every representative of a member state or partner (every persona here but the inactive one).
    "meetings:recommendation_draft": (lambda o: _draft_url(o["draft_recommendation"]), GROUP_A),
    "meetings:recommendation_draft (under silence)": (lambda o: _draft_url(o["silenced_recommendation"]), MEMBERS),
    # The secretariat's staff screens: no chair's, member's or partner's page, whatever the meeting's level.
    "meetings:attendance_register": (lambda o: _staff(o["group_meeting"], "attendance/"), SECRETARIAT, MEMBERS_AREA),
    "meetings:attendance_register (restricted)": (
        lambda o: _staff(o["restricted_meeting"], "attendance/"),
        SECRETARIAT,
        MEMBERS_AREA,
    ),
    "meetings:attendance_register (public)": (
        lambda o: _staff(o["public_meeting"], "attendance/"),
        SECRETARIAT,
        MEMBERS_AREA,
    ),
    "meetings:attendance_csv": (lambda o: _staff(o["group_meeting"], "attendance.csv"), SECRETARIAT, MEMBERS_AREA),
}


def _staff(meeting, tail: str) -> str:
    return f"/en/staff/meetings/{meeting.slug}/{tail}"


def _pdf(meeting, kind: str) -> str:
    return f"/en/meetings/{meeting.slug}/{kind}.pdf"


# Names that are not pages of their own: POST-only endpoints, tested where they are used.
NOT_PAGES = {
    "admin_translations",  # The admin's overview of missing translations: tests/core/test_admin_translations.py.
    "logout",
    "favicon",  # A redirect to the icon, the same for everyone (tests/core/test_discovery.py).
    "set_language",
    # POST-only actions, tested for every persona where they are used (tests/meetings/test_member_area.py,
    # tests/accounts).
    "meetings:rsvp",
    "meetings:minutes_comment",
    "meetings:minutes_approve",
    "meetings:break_silence",  # tests/meetings/test_silence.py
    "meetings:attendance_organizations",  # tests/meetings/test_attendance.py
    "calendar_token",
    "two_factor_remove",
    # Steps of the sign-in, reset and invitation flows, tested in tests/accounts.
    "two_factor_verify",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation_accept",
}
# The open-data API is public by construction and tested in tests/opendata.
API_NAMESPACE = "opendata"


def _named_urls(resolver=None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in {"admin", API_NAMESPACE}:
                continue  # Tested in test_admin.py and tests/opendata.
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_named_url_is_in_the_matrix():
    covered = {name.split(" (")[0] for name in MATRIX} | NOT_PAGES
    assert _named_urls() <= covered, _named_urls() - covered


@pytest.fixture
def objects(group_a, wg_c_member, partner):
    restricted = MeetingFactory(body=group_a, level=Level.RESTRICTED)
    ParticipationFactory(meeting=restricted, member=wg_c_member.member)
    invited = MeetingFactory(body=group_a, level=Level.GROUP)
    for person in (partner.member, wg_c_member.member):
        invitation = ParticipationFactory(meeting=invited, member=person)
    MinutesFactory(meeting=invited, level=Level.GROUP)
    group_meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    public_meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    council_meeting = MeetingFactory(body=group_a, level=Level.COUNCIL)
    for meeting in (public_meeting, group_meeting, restricted):
        MinutesFactory(meeting=meeting, level=meeting.level)
    MinutesFactory(meeting=council_meeting, level=Level.COUNCIL, status="circulated")
    # A recommendation with its whole record: reservations public and not, a history of implementation.
    recommendation = RecommendationFactory(group=group_a)
    ReservationFactory(recommendation=recommendation, is_public=True)
    ReservationFactory(recommendation=recommendation, is_public=False)
    uz = CountryFactory(code="UZ")
    report_implementation(recommendation, uz, "not_started", as_of=datetime.date(2024, 9, 1))
    report_implementation(recommendation, uz, "in_progress", as_of=datetime.date(2025, 3, 1))
    # A roadmap whose item was advanced by a public and a group meeting.
    roadmap_item = RoadmapItemFactory()
    roadmap_item.meetings.set([group_meeting, MeetingFactory(body=group_a, level=Level.PUBLIC)])
    return {
        "group_a": group_a,
        "recommendation": recommendation,
        "roadmap": roadmap_item.roadmap,
        "draft_roadmap": RoadmapFactory(status="draft"),
        "summary": PublicSummaryFactory(),
        "draft_summary": PublicSummaryFactory(status="draft"),
        "public_meeting": public_meeting,
        "council_meeting": council_meeting,
        "group_meeting": group_meeting,
        "restricted_meeting": restricted,
        "group_document": DocumentFactory(meeting=group_meeting, level=Level.GROUP),
        "restricted_document": DocumentFactory(meeting=restricted, level=Level.RESTRICTED),
        "invited_meeting": invited,
        "reply_url": rsvp_links.reply_paths(invitation)["accept"],
        "invited_document": DocumentFactory(meeting=invited, level=Level.GROUP),
        "body_document": DocumentFactory(meeting=None, group=group_a, level=Level.GROUP),
        "news": NewsItemFactory(),
        "scheduled_news": NewsItemFactory(published_at=timezone.now() + datetime.timedelta(days=2)),
        "card": wg_c_member.member,
        "token": _calendar_token(wg_c_member.member),
        "draft_recommendation": RecommendationFactory(group=group_a, status="draft", adopted_on=None),
        "silenced_recommendation": SilenceProcedureFactory(
            minutes=None, recommendation=RecommendationFactory(group=group_a, status="draft", adopted_on=None)
        ).recommendation,
    }


def _draft_url(recommendation) -> str:
    return f"/en/recommendations/{recommendation.code}/draft/"


def _calendar_token(member) -> str:
    member.calendar_token = "a-personal-calendar-token-of-forty-chars"
    member.save(update_fields=["calendar_token"])
    return member.calendar_token


# What a GET may write, and why: the session (renewed at most once a minute), a member's
# "last visit" stamp on the dashboard (so "new since" stays true), and the audit log of
# downloads of group and restricted documents. Everything else writes only on POST.
DOCUMENTED_GET_WRITES = ('"django_session"', '"members_member"', '"meetings_documentdownload"')


def _assert_only_documented_writes(queries) -> None:
    writes = [q["sql"] for q in queries if q["sql"].lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert [sql for sql in writes if not any(table in sql for table in DOCUMENTED_GET_WRITES)] == []
    assert all('"last_visit_at"' in sql for sql in writes if '"members_member"' in sql), writes


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona_as_the_matrix_says(client, objects, persona, name, request):
    """Each page answers as the matrix says, and its GET writes nothing but the documented stamps."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build, allowed, *area = MATRIX[name]
    persona_name = request.node.callspec.params["persona"]
    if persona.is_authenticated:
        client.force_login(persona)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(build(objects))
        if hasattr(response, "streaming_content"):
            response.close()
    _assert_only_documented_writes(queries.captured_queries)
    if area and persona_name == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    if name == "login" and persona.is_authenticated:
        assert response.status_code == 302  # Signed-in people are sent on from the login page.
    else:
        assert response.status_code == (200 if persona_name in allowed else 404)
