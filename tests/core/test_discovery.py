"""robots.txt, the sitemap and every public feed: what they list, what they never leak, what they cost."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.languages import CODES
from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MemberFactory,
    MinutesFactory,
    NewsItemFactory,
    ParticipationFactory,
    PublicSummaryFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    VenueFactory,
    WorkingGroupFactory,
)

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
MARKER = "LEAK-MARKER-91c2"
STATIC_PAGES = [
    "publicsite:home",
    "publicsite:about",
    "publicsite:contact",
    "publicsite:privacy",
    "meetings:calendar",
    "meetings:summaries",
    "members:partners",
    "publicsite:recommendations",
    "publicsite:roadmaps",
    "news:list",
]


@pytest.fixture(autouse=True)
def _in_english():
    # A request to /ru/ leaves Russian active in this thread; factories would then fill the Russian columns.
    translation.activate("en")
    yield
    translation.activate("en")


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 -- the portal's own output, parsed as a feed reader would.


def _locations(response) -> set[str]:
    return {loc.text for loc in _xml(response.content).iterfind("sm:url/sm:loc", SITEMAP)}


def _in_every_language(path_in_english: str) -> set[str]:
    return {f"http://testserver{path_in_english.replace('/en/', f'/{code}/', 1)}" for code in CODES}


# --- robots.txt ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat"], indirect=True)
def test_robots_txt_keeps_crawlers_out_of_private_areas_and_points_at_the_sitemap(client, persona):
    response = _client_for(client, persona).get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for rule in ["Disallow: /admin/", "Disallow: /api/", "Allow: /api/v1/", "Disallow: /api/v1/docs"]:
        assert rule in lines
    for code in CODES:
        assert f"Disallow: /{code}/accounts/" in lines
        assert f"Disallow: /{code}/documents/" in lines
        assert f"Disallow: /{code}/reply/" in lines  # Invitation e-mails' reply links.
    assert "Disallow: /" not in lines  # The public site stays open.
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_on_the_host_asked(client, django_assert_num_queries, settings):
    settings.ALLOWED_HOSTS = ["rec.example.org"]
    with django_assert_num_queries(0):
        response = client.get("/robots.txt", headers={"host": "rec.example.org"}, secure=True)
    assert "Sitemap: https://rec.example.org/sitemap.xml" in response.content.decode().splitlines()


# --- sitemap.xml --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat"], indirect=True)
def test_the_sitemap_lists_every_public_page_in_every_language(client, persona, group_a):
    public = MeetingFactory(body=group_a, level=Level.PUBLIC)
    summary = PublicSummaryFactory()
    recommendation = RecommendationFactory(group=group_a)
    news = NewsItemFactory()
    roadmap = RoadmapFactory()
    RoadmapFactory(status="draft")
    WorkingGroupFactory(letter="d", is_active=False)
    response = _client_for(client, persona).get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    expected: set[str] = set()
    for name in STATIC_PAGES:
        expected |= _in_every_language(reverse(name))
    for obj in (group_a, public, summary.meeting, summary, recommendation, news, roadmap):
        expected |= _in_every_language(obj.get_absolute_url())
    assert _locations(response) == expected  # The inactive group (d) and the draft roadmap are not listed.


@pytest.mark.django_db
def test_every_sitemap_entry_names_its_translations_and_a_default(client, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    root = _xml(client.get("/sitemap.xml").content)
    url = next(
        u
        for u in root.iterfind("sm:url", SITEMAP)
        if u.findtext("sm:loc", namespaces=SITEMAP).endswith(f"/ru/meetings/{meeting.slug}/")
    )
    alternates = {link.get("hreflang"): link.get("href") for link in url.iterfind("xhtml:link", SITEMAP)}
    assert alternates == {
        **{code: f"http://testserver/{code}/meetings/{meeting.slug}/" for code in CODES},
        "x-default": f"http://testserver/meetings/{meeting.slug}/",
    }
    assert url.findtext("sm:lastmod", namespaces=SITEMAP) == timezone.localtime(meeting.updated_at).strftime("%Y-%m-%d")
    # The default address chooses a language for the visitor.
    response = client.get(f"/meetings/{meeting.slug}/", headers={"accept-language": "ru"})
    assert response.status_code == 302
    assert response["Location"] == f"/ru/meetings/{meeting.slug}/"


@pytest.mark.django_db
def test_the_sitemap_costs_the_same_queries_with_more_data(client, group_a, django_assert_num_queries):
    def add(count: int) -> None:
        for _ in range(count):
            MeetingFactory(body=group_a, level=Level.PUBLIC)
            PublicSummaryFactory()
            RecommendationFactory(group=group_a)
            NewsItemFactory()
            RoadmapFactory()

    add(2)
    # Bodies, public meetings, published summaries, adopted recommendations, roadmaps, published news.
    with django_assert_num_queries(6):
        client.get("/sitemap.xml")
    add(10)
    with django_assert_num_queries(6):
        assert len(_locations(client.get("/sitemap.xml"))) == len(CODES) * (10 + 1 + 12 * 2 + 12 + 12 + 12 + 12)


# --- Nothing confidential leaks, whoever asks ------------------------------------------------


@pytest.fixture
def leaky_data(group_a, wg_c_member):
    """Plant the marker everywhere the public must never see it, beside public material that must show."""
    now = timezone.now()
    slug = MARKER.lower()
    for level in (Level.COUNCIL, Level.GROUP, Level.RESTRICTED):
        closed = MeetingFactory(
            body=group_a, level=level, title=f"{MARKER} {level}", slug=f"{slug}-{level}", description=MARKER
        )
        AgendaItemFactory(meeting=closed, level=Level.PUBLIC, title=f"{MARKER} public item of a closed meeting")
        PublicSummaryFactory(meeting=closed, title=f"Summary of a {level} meeting", status="draft", text=MARKER)
    ParticipationFactory(meeting=closed, member=wg_c_member.member)  # A participant of the restricted one.
    MeetingFactory(
        body=group_a, level=Level.COUNCIL, title_ru=f"{MARKER} ru", starts_at=now - datetime.timedelta(days=30)
    )

    venue = VenueFactory(name="Public hall", address=f"{MARKER} street 1")
    public = MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        title="Open regional session",
        venue=venue,
        online_url=f"https://video.example.org/{MARKER}",
    )
    AgendaItemFactory(meeting=public, level=Level.PUBLIC, title="Opening of the session")
    for level in (Level.COUNCIL, Level.GROUP, Level.RESTRICTED):
        AgendaItemFactory(meeting=public, level=level, title=f"{MARKER} {level} item")
    ParticipationFactory(meeting=public, member=MemberFactory(last_name=MARKER, email="leak@example.org"))
    MinutesFactory(meeting=public, text=MARKER)
    DocumentFactory(meeting=public, title=MARKER)

    PublicSummaryFactory(title="Published summary")
    PublicSummaryFactory(title=f"{MARKER} draft", slug=f"{slug}-draft", status="draft", text=MARKER)
    PublicSummaryFactory(
        title=f"{MARKER} scheduled", slug=f"{slug}-later", published_at=now + datetime.timedelta(days=1)
    )
    adopted = RecommendationFactory(group=group_a, title="Adopted recommendation")
    ReservationFactory(recommendation=adopted, text=f"{MARKER} said for the record only", is_public=False)
    RoadmapFactory(title=MARKER, slug=f"{slug}-roadmap", status="draft", description=MARKER)
    RecommendationFactory(group=group_a, title=MARKER, code=f"REC-{MARKER}", status="draft", adopted_on=None)
    RecommendationFactory(group=group_a, title=MARKER, code=f"REC-W-{MARKER}", status="withdrawn")
    NewsItemFactory(title="Published announcement")
    NewsItemFactory(title=MARKER, slug=f"{slug}-news", lead=MARKER, published_at=now + datetime.timedelta(hours=1))
    NewsItemFactory(title=MARKER, slug=f"{slug}-draft-news", lead=MARKER, status="draft")
    return public


LEAK_URLS = [
    "/robots.txt",
    "/sitemap.xml",
    *(f"/{code}/summaries/feed/" for code in CODES),
    *(f"/{code}/news/feed/" for code in CODES),
    *(f"/{code}/calendar/public.ics" for code in CODES),
]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_no_feed_sitemap_or_robots_leaks_confidential_material(client, persona, leaky_data):
    client = _client_for(client, persona)
    bodies = {}
    for url in LEAK_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        # Unfold iCalendar lines, so a marker split over two lines is still found.
        bodies[url] = response.content.decode().replace("\r\n ", "")
        assert MARKER.lower() not in bodies[url].lower(), url
    # The public material is there: the test would see a leak if there were one.
    assert "Open regional session" in bodies["/en/calendar/public.ics"]
    assert "Opening of the session" in bodies["/en/calendar/public.ics"]
    assert "Published summary" in bodies["/en/summaries/feed/"]
    assert "Published announcement" in bodies["/en/news/feed/"]
    assert leaky_data.slug in bodies["/sitemap.xml"]


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].startswith("/static/") and "favicon" in response["Location"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    icon.close()
