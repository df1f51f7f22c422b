"""The admin pages the secretariat uses, checked with axe-core in a real browser: no critical or serious
violations, in English and Russian, on a laptop (1366 px) and a phone (390 px); the meeting form's tabs
work from the keyboard; nothing scrolls sideways.

axe-core is a development dependency from npm (package.json, `npm ci`); the test skips without it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from meetings.models import ActionItem, Level, Minutes
from tests.browser.conftest import SCREENSHOTS
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
    UserFactory,
    VenueFactory,
)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
SIZES = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
LOCALES = {"en": "en-GB", "ru": "ru-RU"}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci` at the repository's root."),
]

VIOLATIONS = """
async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
      return `${v.impact} ${v.id}: ${v.nodes.length} × ${where}`;
    });
}
"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Inline tables that have to scroll inside themselves (allowed on a phone, not at 1366 px).
INLINES_SCROLLING = """
() => [...document.querySelectorAll(".inline-group .tabular")]
  .filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1)
  .map((el) => `${el.closest(".inline-group").id} by ${el.scrollWidth - el.clientWidth} px`)
"""


@pytest.fixture
def desk_week(secretariat, group_a, wg_a_member, chair):
    secretariat.set_password(PASSWORD)
    secretariat.is_superuser = False
    secretariat.save()
    now = timezone.now()
    almaty = VenueFactory(name="Rixos", city="Almaty", time_zone="Asia/Almaty")
    meeting = MeetingFactory(
        body=group_a,
        venue=almaty,
        time_zone="Asia/Almaty",
        title_en="Working Group (b): spring session",
        starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=3, hours=3),
    )
    for order in range(1, 4):
        AgendaItemFactory(meeting=meeting, order=order, title_en=f"Item {order}", minutes_allotted=30)
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    ParticipationFactory(meeting=meeting, member=chair.member, invited_at=now)
    DocumentFactory(meeting=meeting)
    ActionItemFactory(meeting=meeting, owner=chair.member, due_date=timezone.localdate() + datetime.timedelta(days=9))
    held = MeetingFactory(body=group_a, starts_at=now - datetime.timedelta(days=10), status="held")
    minutes = MinutesFactory(meeting=held, status=Minutes.Status.DRAFT, level=Level.GROUP)
    ActionItemFactory(
        meeting=held, status=ActionItem.Status.OPEN, due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    return {"meeting": meeting, "minutes": minutes}


def _signed_in(browser, live_server, size: str, lang: str):
    context = browser.new_context(viewport=SIZES[size], locale=LOCALES[lang], bypass_csp=True)  # test-only: axe
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    return context, page


def _check(page, name: str, size: str, lang: str, problems: list[str]) -> None:
    page.add_script_tag(path=str(AXE))
    for violation in page.evaluate(VIOLATIONS):
        problems.append(f"{name} [{lang}]: {violation}")
    if size == "1366" and page.evaluate(SIDEWAYS) > 0:
        problems.append(f"{name} [{lang}]: scrolls sideways by {page.evaluate(SIDEWAYS)} px at 1366 px")
    if size == "1366":
        problems += [
            f"{name} [{lang}]: {inline} scrolls inside at 1366 px" for inline in page.evaluate(INLINES_SCROLLING)
        ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"admin-{name}-{lang}-{size}.png"), full_page=True)


@pytest.mark.parametrize("lang", sorted(LOCALES))
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_secretariats_admin_pages_have_no_serious_accessibility_violations(
    live_server, browser, desk_week, secretariat, size, lang
):
    context, page = _signed_in(browser, live_server, size, lang)
    problems: list[str] = []
    _check(page, "login", size, lang, problems)
    page.fill("#id_username", secretariat.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    meeting, minutes = desk_week["meeting"], desk_week["minutes"]
    pages = {
        "desk": "/admin/",
        "meetings": "/admin/meetings/meeting/",
        "participants": "/admin/meetings/participation/",
        "agenda-items": "/admin/meetings/agendaitem/",
        "minutes": f"/admin/meetings/minutes/{minutes.pk}/change/",
        "history": f"/admin/meetings/meeting/{meeting.pk}/history/",
    }
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        _check(page, name, size, lang, problems)
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    tabs = page.locator(".form-tabs__list [role=tab]")  # The sections; the language tabs: test_translation_tabs.py.
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        tab.click()
        assert tab.get_attribute("aria-selected") == "true"
        _check(page, f"meeting-{tab.get_attribute('id')}", size, lang, problems)
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_meeting_forms_tabs_follow_the_keyboard_and_open_on_an_error(live_server, browser, desk_week, secretariat):
    context, page = _signed_in(browser, live_server, "1366", "en")
    page.fill("#id_username", secretariat.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    meeting = desk_week["meeting"]
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    details = page.locator("#tab-details")
    assert details.get_attribute("aria-selected") == "true"
    assert page.locator("#section-agenda").is_hidden()
    details.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-agenda"
    assert page.locator("#section-agenda").is_visible() and page.locator("#section-details").is_hidden()
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.id") == "tab-minutes"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-details"
    # The zone is named beside the times; Django's "behind server time" note is not shown.
    assert page.locator(".field-starts_at .venue-zone").inner_text() == "Almaty time (UTC+5)"
    assert page.locator(".timezonewarning:visible").count() == 0
    # An error in the agenda: after the save the agenda tab is marked and open.
    page.locator("#tab-agenda").click()
    page.fill("#id_agenda_items-0-title_en", "")
    page.locator("input[name=_continue]").click()
    agenda = page.locator("#tab-agenda")
    assert agenda.get_attribute("aria-selected") == "true"
    assert "form-tabs__tab--errors" in agenda.get_attribute("class")
    assert page.locator("#section-agenda").is_visible()
    context.close()


def test_without_javascript_every_section_shows_stacked_under_its_heading(live_server, browser, desk_week):
    user = UserFactory(username="clerk", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    context = browser.new_context(viewport=SIZES["1366"], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(f"{live_server.url}/admin/meetings/meeting/{desk_week['meeting'].pk}/change/")
    assert page.locator("[role=tablist]").is_hidden()
    for slug in ("details", "agenda", "participants", "documents", "minutes"):
        assert page.locator(f"#section-{slug}").is_visible()
        assert page.locator(f"#section-{slug}-heading").is_visible()
    context.close()
