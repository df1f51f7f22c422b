"""Every public and member page type in a real browser, in English, Russian and Kazakh (axe-core: no critical or
serious violation), and the member's journey in Kazakh and Turkmen, with screenshots."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level
from tests.browser.conftest import SCREENSHOTS, axe_violations
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, ParticipationFactory
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = {"phone": {"width": 390, "height": 780}, "desk": {"width": 1366, "height": 900}}
NOT_PAGES = (".ics", ".pdf", ".csv", "/feed/", "robots.txt", "sitemap.xml", "/documents/")
# One page of each type, public and members', as the secretariat (who may open them all) sees it.
PAGE_TYPES = {
    name
    for name, (build, allowed, *_area) in MATRIX.items()
    if "secretariat" in allowed and " (" not in name and name not in {"login", "meetings:rsvp_link"}
} | {"meetings:detail (group)", "meetings:recommendation_draft"}


def _context(browser, live_server, size: str, user=None):
    context = browser.new_context(viewport=SIZES[size], locale="en-GB")
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_every_page_type_passes_axe_in_three_languages(live_server, browser, objects, secretariat, language, size):  # noqa: F811
    context = _context(browser, live_server, size, secretariat)
    page = context.new_page()
    checked = 0
    for name in sorted(PAGE_TYPES):
        path = MATRIX[name][0](objects)
        if any(marker in path for marker in NOT_PAGES) or not path.startswith("/en/"):
            continue
        page.goto(f"{live_server.url}/{language}/{path[4:]}")
        assert page.locator("html").get_attribute("lang") == language, path
        assert axe_violations(page) == [], (language, size, path)
        checked += 1
    # Signed out: the home page, the sign-in page and a members' link.
    anonymous = _context(browser, live_server, size).new_page()
    for path in ("", "accounts/login/", "my/"):
        anonymous.goto(f"{live_server.url}/{language}/{path}")
        assert axe_violations(anonymous) == [], (language, size, path)
    context.close()
    assert checked >= 20, checked


@pytest.fixture
def invited(group_a, wg_a_member):
    start = timezone.now() + datetime.timedelta(days=6)
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working Group (a): spring session",
        title_ru="Рабочая группа (a): весенняя сессия",
        title_kk="(a) жұмыс тобы: көктемгі сессия",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    AgendaItemFactory(meeting=meeting, order=1, level=Level.GROUP, title_en="Opening", title_ru="Открытие")
    DocumentFactory(meeting=meeting, level=Level.GROUP, title="Concept note")
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["kk", "tk"])
def test_a_member_prepares_for_a_meeting_in_kazakh_and_turkmen(live_server, browser, invited, language, size):
    context = _context(browser, live_server, size)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/accounts/login/?next=/{language}/my/")
    assert page.locator("html").get_attribute("lang") == language
    sign_in = page.locator("main form button[type=submit]")
    assert sign_in.inner_text().strip() not in {"Sign in", "Войти"}  # The page speaks the language itself.
    _shot(page, f"language-{language}-sign-in-{size}")
    page.fill("#id_username", "wg-a")
    page.fill("#id_password", "correct horse battery staple")
    sign_in.click()
    page.wait_for_url(f"**/{language}/my/")
    assert page.locator("html").get_attribute("lang") == language
    _shot(page, f"language-{language}-dashboard-{size}")
    page.goto(f"{live_server.url}{invited.get_absolute_url().replace('/en/', f'/{language}/', 1)}")
    heading = page.locator("h1").inner_text()
    # Kazakh has its own title; Turkmen has none and reads the Russian one, with a note naming the language.
    assert heading == {"kk": "(a) жұмыс тобы: көктемгі сессия", "tk": "Рабочая группа (a): весенняя сессия"}[language]
    accept = page.locator(".rsvp__choice--accepted")
    assert accept.inner_text().strip() not in {"Accept", "Принять"}
    accept.click()
    expect(page.locator(".rsvp__choice--accepted")).to_have_attribute("aria-pressed", "true")
    _shot(page, f"language-{language}-meeting-{size}")
    assert axe_violations(page) == []
    context.close()
