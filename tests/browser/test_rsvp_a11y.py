"""RSVP for everyone, in a real browser (English and Russian, phone and desktop widths): a keyboard-only
reply, focus on the result, a polite announcement, aria-pressed, the no-JavaScript path, contrast, axe-core."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level, Participation
from tests.browser.conftest import axe_violations, shot
from tests.browser.test_accessibility import CONTRAST_SCRIPT
from tests.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
LABELS = {
    "en": {
        "accepted": "Your reply: Accepted (in person)",
        "tentative": "Your reply: Tentative",
        "declined": "Declined",
    },
    "ru": {"accepted": "Принято", "tentative": "Под вопросом", "declined": "Отклонено"},
}

# Each reply button's border against the block's background: the non-text boundary needs 3:1.
BORDER_SCRIPT = """
() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const block = parse(getComputedStyle(document.getElementById("rsvp")).backgroundColor);
  return [...document.querySelectorAll(".rsvp__choice")].map((el) => {
    const [a, b] = [lum(parse(getComputedStyle(el).borderTopColor)), lum(block)].sort((x, y) => y - x);
    return [el.value, el.getAttribute("aria-pressed"), (a + 0.05) / (b + 0.05)];
  });
}
"""


@pytest.fixture
def invited(group_a, wg_a_member):
    start = timezone.now() + datetime.timedelta(days=6)
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working Group (a): spring session",
        title_ru="Рабочая группа (a): весенняя сессия",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


def _signed_in_page(browser, live_server, language, width, *, javascript=True):
    context = browser.new_context(viewport=WIDTHS[width], locale="en-GB", java_script_enabled=javascript)
    page = context.new_page()
    page.viewport_name = f"{width}-{'js' if javascript else 'nojs'}"
    page.goto(f"{live_server.url}/{language}/accounts/login/?next=/{language}/my/")
    page.fill("#id_username", "wg-a")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/my/")
    return page


def _pressed(page) -> dict[str, str]:
    return {b.get_attribute("value"): b.get_attribute("aria-pressed") for b in page.locator(".rsvp__choice").all()}


def _contrast_holds(page) -> None:
    assert page.evaluate(CONTRAST_SCRIPT) == []
    for value, pressed, ratio in page.evaluate(BORDER_SCRIPT):
        assert ratio >= 3, (value, pressed, ratio)
    for button in page.locator(".rsvp__choice").all():  # The hover state, too.
        button.hover()
        assert page.evaluate(CONTRAST_SCRIPT) == [], button.get_attribute("value")
    page.mouse.move(0, 0)


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_keyboard_user_replies_and_hears_the_result(live_server, browser, invited, wg_a_member, language, width):
    labels = LABELS[language]
    page = _signed_in_page(browser, live_server, language, width)
    page.goto(f"{live_server.url}{invited.get_absolute_url().replace('/en/', f'/{language}/', 1)}")
    expect(page.locator("#rsvp")).to_be_visible()
    assert set(_pressed(page).values()) == {"false"}
    _contrast_holds(page)

    page.locator(".rsvp__choice[value=accepted]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".rsvp__choice[value=accepted]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#rsvp-live")).to_contain_text(labels["accepted"])
    assert page.evaluate("document.activeElement.id") == "rsvp-result"
    assert not page.url.endswith("#rsvp")  # Swapped in place by htmx.
    assert _pressed(page) == {"accepted": "true", "tentative": "false", "declined": "false"}
    _contrast_holds(page)

    # From the result, the keyboard goes on: the mode radios, then Accept, then Tentative (Space this time).
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "tentative"
    page.keyboard.press("Space")
    expect(page.locator(".rsvp__choice[value=tentative]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#rsvp-live")).to_contain_text(labels["tentative"])
    assert page.evaluate("document.activeElement.id") == "rsvp-result"
    assert Participation.objects.get(meeting=invited, member=wg_a_member.member).rsvp == "tentative"
    _contrast_holds(page)
    assert axe_violations(page) == []
    shot(page, f"rsvp-htmx-{language}")
    page.context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_without_javascript_the_reply_lands_on_the_result(live_server, browser, invited, wg_a_member, language, width):
    page = _signed_in_page(browser, live_server, language, width, javascript=False)
    page.goto(f"{live_server.url}{invited.get_absolute_url().replace('/en/', f'/{language}/', 1)}")
    page.locator(".rsvp__choice[value=declined]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#rsvp-result")
    assert page.evaluate("document.activeElement.id") == "rsvp-result"
    expect(page.locator("#rsvp-result")).to_have_attribute("role", "status")
    expect(page.locator("#rsvp-result")).to_contain_text(LABELS[language]["declined"])
    assert _pressed(page) == {"accepted": "false", "tentative": "false", "declined": "true"}
    assert Participation.objects.get(meeting=invited, member=wg_a_member.member).rsvp == "declined"
    _contrast_holds(page)
    shot(page, f"rsvp-nojs-{language}")
    page.context.close()
