"""Across the demo, every time is readable: no page shows a raw IANA zone id ("Asia/Tashkent") as text.

The crawl follows the links of the public site and the member pages as anonymous, a member, the
Executive Committee and the secretariat, and visits the admin's meeting and venue pages. An id may
stand in attributes (an option's value, a <time>'s data-zone for the script) but never in what is read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from accounts.models import User
from meetings.models import Meeting, Venue

DEMO_PASSWORD = "demo-password-for-tests"
# An IANA area followed by a location: "Asia/Tashkent", "America/New_York". "UTC" alone is fine.
ZONE_ID = re.compile(
    r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z]\w*"
)
# Downloads, feeds, actions and machine pages carry no text for people, or change things.
SKIPPED = re.compile(
    r"/(?:documents|reply|logout|set-language|api|feeds?|calendar\.ics|ical|export|static|media)(?:/|$)|"
    r"\.(?:pdf|ics|csv|xlsx|xml|json|atom)$|/pdf/?$|/i18n/"
)
PAGES_PER_PERSONA = 200
MONTH = re.compile(r"/calendar/\d+/\d+/$")


@pytest.fixture(scope="module")
def demo_for_the_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo once, in a transaction rolled back after the module (as tests/demo/test_demo_data.py)."""
    folder = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(BASE_DIR=folder, MEDIA_ROOT=folder / "media"), pytest.MonkeyPatch.context() as env:
            env.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
            call_command("seed_demo", stdout=StringIO())
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(demo_for_the_module, db):
    """The demo, seeded once for the module."""


class _Reader(HTMLParser):
    """Gather what a person reads on a page: its text, and the attributes shown as text; and its links."""

    SHOWN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        self.text += [attributes[name] or "" for name in self.SHOWN_ATTRIBUTES if name in attributes]
        if tag == "input" and attributes.get("type", "text") not in {"hidden", "checkbox", "radio", "submit"}:
            self.text.append(attributes.get("value") or "")  # What a text box shows.

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def _crawl(client, seeds: list[str], *, within: tuple[str, ...]) -> dict[str, list[str]]:
    """Visit the pages reachable from `seeds` under the prefixes `within`; return each page's raw zone ids."""
    seen: set[str] = set()
    queue = list(seeds)
    found: dict[str, list[str]] = {}
    while queue and len(seen) < PAGES_PER_PERSONA:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        reader = _read(response.content.decode())
        ids = ZONE_ID.findall(" ".join(reader.text))
        if ids:
            found[url] = sorted(set(ids))
        for href in reader.links:
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/") or SKIPPED.search(parts.path):
                continue
            if parts.query or MONTH.search(parts.path):
                continue  # Filters, pages and months go on for ever; the seeds hold this month's.
            if href.startswith(within) and href not in seen:
                queue.append(href)
    assert len(seen) > 5, seeds  # The crawl really went somewhere.
    return found


@pytest.mark.parametrize("username", [None, "wg-a", "exec", "secretariat"])
def test_no_page_shows_a_raw_zone_id(seeded, client, username):
    if username:
        client.force_login(User.objects.get(username=username))
    # The meeting pages first: they are the ones with times, and the crawl is bounded.
    meetings = [meeting.get_absolute_url() for meeting in Meeting.objects.visible_to(client_user(username))]
    today = timezone.localdate()
    month = f"/en/calendar/{today.year}/{today.month}/"
    seeds = ["/en/", *meetings, "/en/calendar/", month, "/en/my/", "/en/accounts/profile/"]
    found = _crawl(client, seeds, within=("/en/",))
    assert found == {}


def test_russian_meeting_pages_show_no_raw_zone_id(seeded, client):
    client.force_login(User.objects.get(username="wg-a"))
    user = User.objects.get(username="wg-a")
    found = {}
    for meeting in Meeting.objects.visible_to(user):
        url = meeting.get_absolute_url().replace("/en/", "/ru/", 1)
        text = " ".join(_read(client.get(url).content.decode()).text)
        if ZONE_ID.search(text):
            found[url] = ZONE_ID.findall(text)
    assert found == {}


def test_the_admins_meeting_pages_show_no_raw_zone_id(seeded, client):
    client.force_login(User.objects.get(username="secretariat"))
    seeds = [
        "/admin/",
        "/admin/meetings/",
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/add/",
        "/admin/meetings/venue/",
        "/admin/meetings/venue/add/",
        *(f"/admin/meetings/meeting/{pk}/change/" for pk in Meeting.objects.values_list("pk", flat=True)),
        *(f"/admin/meetings/venue/{pk}/change/" for pk in Venue.objects.values_list("pk", flat=True)),
    ]
    found = _crawl(client, seeds, within=("/admin/meetings/meeting/", "/admin/meetings/venue/"))
    assert found == {}


def test_the_admins_zone_list_names_cities_and_keeps_ids_as_values(seeded, client):
    client.force_login(User.objects.get(username="secretariat"))
    meeting = Meeting.objects.filter(venue__city="Almaty").first() or Meeting.objects.first()
    html = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert '<select name="time_zone"' in html
    assert re.search(r'<option value="Asia/Almaty"( selected)?>Almaty time \(UTC\+5\)</option>', html)


def client_user(username: str | None):
    """Return the demo user called `username`, or an anonymous user."""
    from django.contrib.auth.models import AnonymousUser

    return User.objects.get(username=username) if username else AnonymousUser()
