"""The member's phone: the dashboard's first screen, the signed-in header folded into a menu, and axe."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level
from tests.browser.conftest import SCREENSHOTS, axe_violations
from tests.factories import ActionItemFactory, DocumentFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 780}
WIDE = {"width": 1366, "height": 900}


@pytest.fixture
def busy_member(executive, exec_member):
    """A member of the Executive Committee as the demo's: a reply given, papers in three languages, a late task."""
    now = timezone.now()
    start = now + datetime.timedelta(days=12)
    meeting = MeetingFactory(
        body=executive,
        level=Level.GROUP,
        title_en="Executive Committee: preparing the plenary",
        title_ru="Исполнительный комитет: подготовка пленарного заседания",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    ParticipationFactory(meeting=meeting, member=exec_member.member, rsvp="accepted", rsvp_mode="in_person")
    for number in range(3):
        paper = DocumentFactory(meeting=meeting, level=Level.GROUP, title=f"Paper {number}", language="en")
        for language in ("ru", "uz"):
            DocumentFactory(
                meeting=meeting, level=Level.GROUP, original=paper, language=language, translation_status="translated"
            )
    for number in range(9):
        MeetingFactory(body=executive, level=Level.GROUP, starts_at=now + datetime.timedelta(days=20 + number))
    ActionItemFactory(
        meeting=meeting,
        owner=exec_member.member,
        title="Invite the member states to name practitioners",
        due_date=timezone.localdate() - datetime.timedelta(days=548),
    )
    return exec_member


def _signed_in(browser, live_server, language: str, viewport: dict, **options):
    context = browser.new_context(viewport=viewport, locale="en-GB", **options)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/accounts/login/?next=/{language}/my/")
    page.fill("#id_username", "exec")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/my/")
    return context, page


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))  # The first screen: what the member sees unscrolled.


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_first_phone_screen_answers_meeting_reading_and_tasks(live_server, browser, busy_member, language):
    context, page = _signed_in(browser, live_server, language, PHONE)
    assert page.locator("header").bounding_box()["height"] <= 80
    for heading in ("#next-heading", "#documents-heading", "#tasks-heading"):
        box = page.locator(heading).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], heading
    late = page.locator(".action-list__item--overdue").first
    assert late.bounding_box()["y"] < PHONE["height"]  # Eighteen months late, and on the first screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    _shot(page, f"dashboard-phone-{language}")
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_phone_menu_opens_and_its_links_are_reached_by_keyboard(live_server, browser, busy_member, language):
    context, page = _signed_in(browser, live_server, language, PHONE, java_script_enabled=False)
    toggle = page.locator("summary.site-menu__toggle")
    expect(toggle).to_be_visible()
    assert toggle.inner_text().strip()  # Named by its text ("Menu"; translated after the merge).
    expect(page.locator(".site-menu .site-nav")).to_be_hidden()
    page.keyboard.press("Tab")  # The skip link first, then the brand, then the menu.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "site-menu__toggle"
    page.keyboard.press("Enter")
    expect(page.locator(".site-menu .site-nav")).to_be_visible()
    reached = set()
    for _ in range(30):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "document.activeElement.getAttribute('hreflang') || document.activeElement.textContent.trim()"
            )
        )
    assert {"ru" if language == "en" else "en", "uz"} <= reached  # Every other language.
    assert {"Профиль", "Выйти"} <= reached if language == "ru" else {"Profile", "Sign out"} <= reached
    assert page.locator("header").bounding_box()["height"] <= 80  # The open menu lies over the page.
    context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_wide_header_stays_two_rows_and_the_dashboard_passes_axe(live_server, browser, busy_member, language):
    context, page = _signed_in(browser, live_server, language, WIDE)
    expect(page.locator("summary.site-menu__toggle")).to_be_hidden()
    expect(
        page.locator(".site-nav").get_by_role("link", name="Profile" if language == "en" else "Профиль")
    ).to_be_visible()
    expect(page.locator(".language-switcher a[hreflang=uz]")).to_be_visible()
    _shot(page, f"dashboard-wide-{language}")
    # Seven languages and the Russian links take a row more than English at 1366 px (brand, languages, links).
    assert page.locator("header").bounding_box()["height"] <= (130 if language == "en" else 170)
    assert axe_violations(page) == []
    context.close()
