"""The public site: no confidential data anywhere, one <h1> a page, bad input answered, search, languages."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.languages import CODES
from meetings.models import Level, Meeting
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CountryFactory,
    DocumentFactory,
    ForwardedMatterFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    NewsItemFactory,
    OrganizationFactory,
    PublicSummaryFactory,
    RecommendationFactory,
    RedactionFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    SilenceProcedureFactory,
    VenueFactory,
    WorkingGroupFactory,
    WorkPlanItemFactory,
    report_implementation,
)
from tests.pdftext import pdf_text
from workinggroups.models import Membership

MARK = "LEAKMARK"  # Planted in everything that is not public; must never reach a public page.
ENTRY_POINTS = [
    "/en/",
    "/en/about/",
    "/en/contact/",
    "/en/privacy/",
    "/en/calendar/",
    "/en/summaries/",
    "/en/recommendations/",
    "/en/roadmaps/",
    "/en/partners/",
    "/en/news/",
]
ANY_LANGUAGE = "|".join(CODES)
LINK = re.compile(rf'href="(/(?:{ANY_LANGUAGE})/[^"#?]*)"')


@pytest.fixture
def site(group_a, group_c, executive, wg_c_member):
    """A public site with confidential material of every kind planted beside the public material."""
    now = timezone.now()
    venue = VenueFactory(name="Hall", city="Tashkent", address=f"{MARK}-address")
    public = MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        title="Open session on reintegration",
        venue=venue,
        online_url=f"https://video.example.org/{MARK}-link",
        starts_at=now + datetime.timedelta(days=3),
    )
    past_public = MeetingFactory(
        body=group_a, level=Level.PUBLIC, title="Held session", starts_at=now - datetime.timedelta(days=30)
    )
    for level in (Level.COUNCIL, Level.GROUP, Level.RESTRICTED):
        MeetingFactory(
            body=group_a, level=level, title=f"{MARK}-{level}-meeting", starts_at=now + datetime.timedelta(days=4)
        )
        AgendaItemFactory(meeting=public, level=level, title=f"{MARK}-{level}-item")
        DocumentFactory(meeting=public, level=level, title=f"{MARK}-{level}-document")
        ActionItemFactory(meeting=public, level=level, title=f"{MARK}-{level}-action")
    AgendaItemFactory(meeting=public, level=Level.PUBLIC, title="Welcome and introductions")
    # A presenter who did not consent to a public profile is not named publicly.
    AgendaItemFactory(
        meeting=public, level=Level.PUBLIC, title="Opening", presenter=MemberFactory(last_name=f"{MARK}-presenter")
    )
    council_minutes = MinutesFactory(meeting=past_public, level=Level.COUNCIL, text=f"{MARK}-minutes")
    # An amendment in preparation of public minutes, and a passage marked for redaction: neither is public.
    public_meeting_minutes = MinutesFactory(
        meeting=MeetingFactory(body=group_a, level=Level.PUBLIC, title="Open session with minutes"),
        level=Level.PUBLIC,
        text="The public record of the open session.",
    )
    MinutesFactory(
        meeting=public_meeting_minutes.meeting,
        edition=2,
        amends=public_meeting_minutes,
        amendment_reason=f"{MARK}-amendment-reason",
        status="draft",
        level=Level.PUBLIC,
        text=f"{MARK}-amendment-text",
    )
    RedactionFactory(minutes=council_minutes, passage=f"{MARK}-redacted-passage")
    PublicSummaryFactory(meeting=past_public, title="What the held session agreed", text="Reintegration of returnees.")
    PublicSummaryFactory(status="draft", title=f"{MARK}-draft-summary", text=f"{MARK}-draft-text")
    # A published summary of a closed meeting: the summary is public, the meeting's place is not.
    closed_venue = VenueFactory(name="Closed hall", city=f"{MARK}-city")
    closed = MeetingFactory(body=group_a, level=Level.GROUP, title=f"{MARK}-closed-summarised", venue=closed_venue)
    PublicSummaryFactory(meeting=closed, title="Summary of a closed meeting", text="Agreed in closed session.")
    adopted = RecommendationFactory(group=group_a, title="Support families of returnees")
    # The consensus: a public reservation, and statements made for the record only, by a state and an organisation.
    kz = CountryFactory(code="KZ")
    ReservationFactory(recommendation=adopted, country=kz, text="Kazakhstan applies it within its own law.")
    ReservationFactory(recommendation=adopted, country=kz, text=f"{MARK}-reservation", is_public=False)
    ReservationFactory(
        recommendation=adopted,
        country=None,
        organization=OrganizationFactory(name=f"{MARK}-organisation", acronym="SECRETORG"),
        kind="statement",
        text=f"{MARK}-statement",
        is_public=False,
    )
    report_implementation(
        adopted, kz, "not_started", as_of=datetime.date(2024, 9, 1), source="Statement at the meeting"
    )
    report_implementation(adopted, kz, "implemented", as_of=datetime.date(2025, 4, 2), source="National report 2025")
    ReservationFactory(
        recommendation=RecommendationFactory(group=group_a, status="draft", adopted_on=None, title=f"{MARK}-draft-rec"),
        text=f"{MARK}-reservation-on-a-draft",
    )
    draft = RecommendationFactory(group=group_a, status="draft", adopted_on=None, title=f"{MARK}-draft-recommendation")
    # A roadmap advanced by a public and a closed meeting, carried by a task of a working and a dissolved body.
    item = RoadmapItemFactory(title="Launch the regional network")
    closed_meeting = MeetingFactory(body=group_a, level=Level.GROUP, title=f"{MARK}-roadmap-meeting")
    item.meetings.set([past_public, closed_meeting])
    dissolved = WorkingGroupFactory(letter="d", is_active=False, name=f"{MARK}-dissolved")
    item.work_plan_items.set(
        [
            WorkPlanItemFactory(plan__group=group_a, title="Map the practitioners"),
            WorkPlanItemFactory(plan__group=dissolved, title=f"{MARK}-task-of-a-dissolved-body"),
        ]
    )
    RoadmapFactory(status="draft", title=f"{MARK}-draft-roadmap", description=f"{MARK}-draft-roadmap-text")
    # A draft under silence and a forwarded public item: the procedure, the note and the decision stay inside.
    SilenceProcedureFactory(minutes=None, recommendation=draft)
    committee = MeetingFactory(body=executive, level=Level.PUBLIC, title="Open committee session", starts_at=now)
    forwarded = AgendaItemFactory(meeting=public, level=Level.PUBLIC, title="Forwarded open item")
    placed = AgendaItemFactory(meeting=committee, level=Level.PUBLIC, title="Placed open item")
    ForwardedMatterFactory(
        source_item=forwarded,
        note=f"{MARK}-forwarding-note",
        status="decided",
        placed_item=placed,
        placed_at=now,
        decision=f"{MARK}-decision",
        decided_at=now,
    )
    NewsItemFactory(title="The Council met", body="It met.")
    NewsItemFactory(title=f"{MARK}-scheduled-news", published_at=now + datetime.timedelta(days=1))
    NewsItemFactory(status="draft", published_at=None, title=f"{MARK}-draft-news")
    OrganizationFactory(name="UN Office of Counter-Terrorism", acronym="UNOCT", partner_role="organiser")
    OrganizationFactory(name="Not a partner", partner_role="")
    # A chair who did not consent to a public profile, and one who did.
    hidden_chair = MemberFactory(first_name=f"{MARK}-hidden", email=f"{MARK}@example.org", phone=f"{MARK}-phone")
    MembershipFactory(member=hidden_chair, group=group_a, role=Membership.Role.CHAIR)
    shown = MemberFactory(first_name="Dilnoza", last_name="Public", public_profile=True, email=f"{MARK}2@example.org")
    MembershipFactory(member=shown, group=group_a, role=Membership.Role.CO_CHAIR)
    wg_c_member.member.email = f"{MARK}3@example.org"
    wg_c_member.member.save()
    return {"public": public}


def _crawl(client, limit: int = 40 * len(CODES), pdfs: dict[str, str] | None = None) -> dict[str, str]:
    """Return the HTML of every page reachable from the entry points; put the text of linked PDFs in `pdfs`."""
    pdfs = {} if pdfs is None else pdfs
    seen: dict[str, str] = {}
    queue = list(ENTRY_POINTS)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen or url.endswith((".ics", "/feed/")) or "/documents/" in url or "/accounts/" in url:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"] == "application/pdf":
            pdfs[url] = pdf_text(response.content)  # An export: its text is checked, it links nowhere.
            seen[url] = ""
            continue
        html = response.content.decode()
        seen[url] = html
        queue.extend(link for link in LINK.findall(html) if link not in seen)
    return {url: html for url, html in seen.items() if url not in pdfs}


@pytest.mark.django_db
def test_no_confidential_data_reaches_any_public_page(client, site):
    pdfs: dict[str, str] = {}
    pages = _crawl(client, pdfs=pdfs)
    assert len(pages) > 15, sorted(pages)
    for url, html in pages.items():
        assert MARK not in html, (url, html[html.find(MARK) - 200 : html.find(MARK) + 50])
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert "<main" in html and "<nav" in html and "<footer" in html, url
    # The public meeting's agenda as PDF: its public items, nothing planted beside them.
    assert any("Welcome and introductions" in text for text in pdfs.values()), sorted(pdfs)
    for url, text in pdfs.items():
        assert MARK not in text, url
    everything = "".join(pages.values())
    for public_text in (
        "Open session on reintegration",
        "Welcome and introductions",
        "Dilnoza Public",
        "UNOCT",
        "Kazakhstan applies it within its own law.",
        "National report 2025",
        "Launch the regional network",
        "Map the practitioners",
        "Forwarded open item",
        "Placed open item",
    ):
        assert public_text in everything, public_text


@pytest.mark.django_db
def test_a_signed_in_member_of_another_group_sees_no_group_a_material(client, site, wg_c_member):
    client.force_login(wg_c_member)
    pdfs: dict[str, str] = {}
    for url, html in [*_crawl(client, pdfs=pdfs).items(), *pdfs.items()]:
        for level in ("group", "restricted"):
            assert f"{MARK}-{level}" not in html, url
    assert pdfs  # The public meeting's agenda, with the council-level items a member may see.


@pytest.mark.django_db
def test_a_reply_link_from_an_invitation_shows_no_confidential_part_of_its_meeting(client, site, monkeypatch):
    """Whoever holds an e-mailed reply link sees the meeting's name, time and city: not its address or link."""
    import sys

    from meetings import rsvp_links
    from tests.factories import ParticipationFactory

    participation = ParticipationFactory(meeting=site["public"], member=MemberFactory(user=None))
    entry = rsvp_links.reply_paths(participation)["accept"]
    monkeypatch.setattr(sys.modules[__name__], "ENTRY_POINTS", [entry, *ENTRY_POINTS])
    pages = _crawl(client)
    assert entry in pages and "Open session on reintegration" in pages[entry]
    for url, html in pages.items():
        assert MARK not in html, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        # Malformed or unknown filter values: the form again, with its errors.
        ("/en/summaries/?page=abc", 400),
        ("/en/summaries/?page=-1", 400),
        ("/en/summaries/?year=abc", 400),
        ("/en/summaries/?year=1800", 400),
        ("/en/summaries/?body=no-such-body", 400),
        ("/en/summaries/?country=ZZ", 400),
        ("/en/summaries/?q=" + "x" * 10000, 400),
        ("/en/summaries/?q=%00%27%22)(*&", 400),
        ("/en/calendar/?body=nope&year=20x4", 400),
        ("/en/calendar/?page=0", 400),
        ("/en/recommendations/?pillar=nine", 400),
        ("/en/recommendations/?theme=%FF", 400),
        ("/en/recommendations/?group=x&page=2", 400),
        # Well-formed addresses of pages that do not exist: a page beyond the last, no such month or slug.
        ("/en/summaries/?page=99999999999", 404),
        ("/en/news/?page=2", 404),
        ("/en/calendar/1999/13/", 404),
        ("/en/calendar/2026/0/", 404),
        ("/en/calendar/99999/1/", 404),
        ("/en/news/no-such-news/", 404),
        ("/en/groups/no-such-group/", 404),
    ],
)
def test_malformed_parameters_get_400_and_pages_that_do_not_exist_404(client, site, url, status):
    response = client.get(url)
    assert response.status_code == status
    if status == 400:
        assert 'class="invalid-feedback' in response.content.decode()


@pytest.mark.django_db
def test_valid_filters_narrow_the_lists(client, site, group_a, group_c):
    assert "Held session" in client.get(f"/en/calendar/?body={group_a.slug}").content.decode()
    assert "Held session" not in client.get(f"/en/calendar/?body={group_c.slug}").content.decode()
    assert "Held session" not in client.get("/en/calendar/?body=plenary").content.decode()
    html = client.get(f"/en/recommendations/?group={group_c.slug}").content.decode()
    assert "Support families of returnees" not in html


@pytest.mark.django_db
def test_the_month_grid_shows_the_meetings_of_the_month(client, group_a):
    start = datetime.datetime(2026, 12, 10, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Tashkent"))
    MeetingFactory(body=group_a, level=Level.PUBLIC, title="December session", starts_at=start)
    MeetingFactory(body=group_a, level=Level.GROUP, title="Closed December session", starts_at=start)
    html = client.get("/en/calendar/2026/12/").content.decode()
    assert "December session" in html
    assert "Closed December session" not in html
    assert 'rel="prev" href' not in html  # Links are well formed.
    assert "/en/calendar/2026/11/" in html and "/en/calendar/2027/1/" in html


@pytest.mark.django_db
def test_search_finds_words_in_every_language(client, group_a):
    summary = PublicSummaryFactory(
        title_en="Families of returnees",
        text_en="The group discussed rehabilitation programmes.",
        title_ru="Семьи возвращенцев",
        text_ru="Группа обсудила программы реабилитации.",
        title_uz="Qaytganlar oilalari",
        text_uz="Guruh reabilitatsiya dasturlarini muhokama qildi.",
    )
    PublicSummaryFactory(title_en="Budget", text_en="Nothing about that.")
    for word in ("rehabilitation", "реабилитации", "reabilitatsiya", "oilalari"):
        html = client.get("/en/summaries/", {"q": word}).content.decode()
        assert summary.title_en in html, word
        assert "Budget" not in html, word
    # Another form of the same Russian and English words (tests/meetings/test_search.py has the rest).
    for word in ("реабилитация", "programme"):
        assert summary.title_en in client.get("/en/summaries/", {"q": word}).content.decode(), word


@pytest.mark.django_db
def test_search_ranks_title_matches_first(client):
    PublicSummaryFactory(title_en="Other", text_en="Reintegration is mentioned once here.")
    PublicSummaryFactory(title_en="Reintegration of returnees", text_en="Text.")
    html = client.get("/en/summaries/", {"q": "reintegration"}).content.decode()
    # The title reads "<mark>Reintegration</mark> of returnees".
    assert html.index("of returnees") < html.index("Other")


@pytest.mark.django_db
def test_the_search_uses_the_gin_index_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("The index exists on PostgreSQL only.")
    from meetings.models import PublicSummary

    queryset = PublicSummary.objects.search("reintegration")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "meetings_summary_search" in plan, plan


@pytest.mark.django_db
def test_a_text_not_yet_translated_falls_back_to_russian_then_english_with_a_note(client, group_a):
    group_a.mandate_en = "Legal questions."
    group_a.mandate_ru = "Правовые вопросы."
    group_a.mandate_uz = group_a.mandate_kk = ""
    group_a.save()
    ru = client.get(f"/ru/groups/{group_a.slug}/").content.decode()
    assert "Правовые вопросы." in ru
    assert "untranslated-note" not in ru
    # People in the region read Russian before English: Uzbek and Kazakh pages show it, and say so.
    for code in ("uz", "kk"):
        html = client.get(f"/{code}/groups/{group_a.slug}/").content.decode()
        assert f'<html lang="{code}"' in html
        assert "Правовые вопросы." in html and "Legal questions." not in html
        assert "untranslated-note" in html
        assert '<div lang="ru">' in html
    group_a.mandate_ru = ""
    group_a.save()
    uz = client.get(f"/uz/groups/{group_a.slug}/").content.decode()
    assert "Legal questions." in uz
    assert '<div lang="en">' in uz


@pytest.mark.django_db
def test_a_public_meeting_shows_both_times_organisations_and_the_summary(client, site):
    meeting: Meeting = site["public"]
    meeting.venue.time_zone = "Asia/Bishkek"
    meeting.venue.save()
    meeting.time_zone = "Asia/Bishkek"
    meeting.save()
    html = client.get(meeting.get_absolute_url()).content.decode()
    # The venue's time, named by its city; the visitor's own is the browser's (static/js/local-time.js).
    assert "Bishkek time (UTC+6)" in html
    assert "(Asia/" not in html  # The id stays in data-zone, for the script only.


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Bodies with recommendation counts; member states.
        ("/en/about/", 2),
        # The contact page and the privacy notice read only the settings.
        ("/en/contact/", 0),
        ("/en/privacy/", 0),
        # The body filter's options; past meetings count and page; upcoming meetings.
        ("/en/calendar/", 4),
        # The body filter's options; the month's meetings.
        ("/en/calendar/2026/12/", 2),
        # The body and country filters' options; count and page of summaries.
        ("/en/summaries/", 4),
        ("/en/summaries/?q=session", 4),
        # Member states; count and page of recommendations; their pillars, themes, implementations, reports
        # and public reservations; the filters' options (bodies, pillars, themes); the chart's counts by country.
        ("/en/recommendations/", 12),
        # The roadmaps with their items counted by status; their states; their organisations.
        ("/en/roadmaps/", 3),
        # Organisers and partners.
        ("/en/partners/", 1),
        # Count and page of news.
        ("/en/news/", 2),
    ],
)
def test_public_lists_cost_the_same_queries_with_more_data(client, group_a, url, expected):
    def add_rows():
        MeetingFactory(
            body=group_a, level=Level.PUBLIC, starts_at=datetime.datetime(2026, 12, 3, 9, tzinfo=datetime.UTC)
        )
        MeetingFactory(body=group_a, level=Level.PUBLIC, starts_at=timezone.now() - datetime.timedelta(days=3))
        PublicSummaryFactory(title_en="A session summary")
        recommendation = RecommendationFactory(group=group_a)
        ReservationFactory(recommendation=recommendation, country=uz)
        report_implementation(recommendation, uz, "not_started", as_of=datetime.date(2024, 9, 1))
        report_implementation(recommendation, uz, "in_progress")
        NewsItemFactory()
        OrganizationFactory(partner_role="partner")
        roadmap = RoadmapItemFactory().roadmap
        roadmap.countries.add(uz)
        roadmap.organizations.add(OrganizationFactory())

    uz = CountryFactory(code="UZ")
    add_rows()
    before = _queries(client, url)
    for _ in range(8):
        add_rows()
    assert _queries(client, url) == before == expected


@pytest.mark.django_db
def test_the_public_meeting_page_costs_the_same_queries_with_more_data(client, site):
    url = site["public"].get_absolute_url()
    before = _queries(client, url)
    for _ in range(5):
        AgendaItemFactory(meeting=site["public"], level=Level.PUBLIC)
        DocumentFactory(meeting=site["public"], level=Level.PUBLIC)
    # Meeting, agenda, who of its presenters may be named, organisations, documents, minutes.
    assert _queries(client, url) == before == 6


@pytest.mark.django_db
def test_summary_filters_cannot_probe_where_or_when_a_closed_meeting_was_held(client, group_a):
    kz = CountryFactory(code="KZ")
    closed = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        venue=VenueFactory(name="Hall", city="Almaty", country=kz, time_zone="Asia/Almaty"),
        starts_at=datetime.datetime(2025, 3, 3, 10, tzinfo=datetime.UTC),
    )
    PublicSummaryFactory(
        meeting=closed,
        title_en="Closed meeting summary",
        published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )
    assert "Closed meeting summary" not in client.get("/en/summaries/?country=KZ").content.decode()
    assert "Closed meeting summary" not in client.get("/en/summaries/?year=2025").content.decode()
    assert "Closed meeting summary" in client.get("/en/summaries/?year=2026").content.decode()
    assert "Almaty" not in client.get("/en/summaries/").content.decode()


@pytest.mark.django_db
def test_a_news_item_costs_one_query_and_a_scheduled_one_is_not_shown(client):
    item = NewsItemFactory(title_en="The Council met")
    scheduled = NewsItemFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert _queries(client, item.get_absolute_url()) == 1
    assert client.get(scheduled.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_calendar_shows_upcoming_meetings_when_none_are_past(client, group_a):
    MeetingFactory(
        body=group_a, level=Level.PUBLIC, title="Only upcoming", starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    assert "Only upcoming" in client.get("/en/calendar/").content.decode()
    html = client.get("/en/summaries/?q=nothingmatches").content.decode()
    assert "No summaries match" in html and "0 summaries" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical" href="http://testserver/en/summaries/"' in html


@pytest.mark.django_db
def test_the_language_links_never_point_off_site(client):
    response = client.get("/", PATH_INFO="//evil.example/en/")
    assert response.status_code == 404
    for href in re.findall(rf'<a href="([^"]*)" lang="(?:{ANY_LANGUAGE})"', response.content.decode()):
        assert href.startswith("/") and not href.startswith("//"), href


@pytest.mark.django_db
def test_a_presenter_is_named_publicly_only_with_consent_while_active(client, group_a, wg_c_member):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    for name, consent, active in (("Consenting", True, True), ("Private", False, True), ("Departed", True, False)):
        AgendaItemFactory(
            meeting=meeting,
            level=Level.PUBLIC,
            presenter=MemberFactory(last_name=name, public_profile=consent, is_active=active),
        )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Consenting" in html and "Private" not in html and "Departed" not in html
    client.force_login(wg_c_member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Private" in html and "Departed" not in html  # Members see their colleagues.


@pytest.mark.django_db
def test_the_public_agenda_leaves_no_gap_where_hidden_items_are(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    for order, level in enumerate([Level.PUBLIC, Level.RESTRICTED, Level.RESTRICTED, Level.PUBLIC], start=1):
        AgendaItemFactory(meeting=meeting, level=level, order=order)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert 'value="' not in html.split('<ol class="agenda">')[1].split("</ol>")[0]


@pytest.mark.django_db
def test_pages_for_a_signed_in_member_are_never_cached(client, wg_a_member, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    assert "no-store" not in client.get("/en/").get("Cache-Control", "")
    client.force_login(wg_a_member)
    assert client.get(meeting.get_absolute_url())["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_the_venue_time_is_the_venues_own(client, group_a):
    bishkek = zoneinfo.ZoneInfo("Asia/Bishkek")
    meeting = MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        time_zone="Asia/Bishkek",
        starts_at=datetime.datetime(2026, 12, 8, 10, tzinfo=bishkek),
        ends_at=datetime.datetime(2026, 12, 8, 13, tzinfo=bishkek),
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "8 December 2026, 10:00 Bishkek time (UTC+6)" in html


@pytest.mark.django_db
def test_uzbek_words_are_found_however_the_apostrophe_is_typed(client):
    PublicSummaryFactory(title_en="Meeting", title_uz="Ishchi guruh yigʻilishi", text_uz="Matn.")
    for query in ("yigʻilishi", "yig'ilishi", "yig‘ilishi", "yig’ilishi"):
        assert "Ishchi guruh" in client.get("/uz/summaries/", {"q": query}).content.decode(), query


@pytest.mark.django_db
def test_an_empty_month_says_so_and_partners_are_grouped_under_plural_headings(client):
    assert "No meetings this month." in client.get("/en/calendar/2030/1/").content.decode()
    OrganizationFactory(
        name="UN Children's Fund", acronym="UNICEF", kind="un", partner_role="partner", website="https://unicef.example"
    )
    html = client.get("/en/partners/").content.decode()
    assert "United Nations entities" in html and "Website of UNICEF" in html


@pytest.mark.django_db
def test_the_roadmap_page_costs_the_same_queries_with_more_data(client, group_a):
    roadmap = RoadmapFactory()

    def add_items():
        item = RoadmapItemFactory(roadmap=roadmap)
        item.meetings.set([MeetingFactory(body=group_a, level=Level.PUBLIC), MeetingFactory(body=group_a)])
        item.work_plan_items.set([WorkPlanItemFactory(plan__group=group_a)])
        roadmap.countries.add(CountryFactory(code="Q" + "ABCDEFGHIJ"[roadmap.items.count()]))

    add_items()
    before = _queries(client, roadmap.get_absolute_url())
    for _ in range(6):
        add_items()
    # The roadmap; its states; its organisations; its items; their work-plan items; their public meetings.
    assert _queries(client, roadmap.get_absolute_url()) == before == 6


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "partner", "wg_c_member", "chair", "exec_member"], indirect=True)
def test_no_one_but_the_secretariat_reaches_an_attendance_register(client, site, persona):
    """The registers name every participant: no crawl of the site reaches one, and asking gets nothing of it."""
    if persona.is_authenticated:
        client.force_login(persona)
    meetings = Meeting.objects.filter(title__startswith=MARK) | Meeting.objects.filter(pk=site["public"].pk)
    for meeting in meetings:
        for tail in ("attendance/", "attendance.csv"):
            response = client.get(f"/en/staff/meetings/{meeting.slug}/{tail}")
            assert response.status_code in {302, 404}
            assert MARK not in response.content.decode()
    assert not any("/staff/" in url for url in _crawl(client))
