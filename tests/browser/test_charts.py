"""The charts in a real browser, on a phone (390px) and a laptop (1366px), in English and Russian.

The recommendations page (its chart, and on a phone a card per recommendation with every
country's status in view), a member's meeting page and dashboard (replies by country, the next
30 days) and the secretariat's register: no serious axe-core violation, nothing cut off.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from meetings.models import Level, Participation
from tests.browser.conftest import SCREENSHOTS, axe_violations
from tests.factories import (
    CountryFactory,
    MeetingFactory,
    MemberFactory,
    ParticipationFactory,
    RecommendationFactory,
    report_implementation,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
STATES = (
    ("KZ", "Kazakhstan", "Казахстан"),
    ("KG", "Kyrgyzstan", "Кыргызстан"),
    ("TJ", "Tajikistan", "Таджикистан"),
    ("TM", "Turkmenistan", "Туркменистан"),
    ("UZ", "Uzbekistan", "Узбекистан"),
)
STATUSES = ["implemented", "in_progress", "not_started", "not_applicable", "implemented", "in_progress"]


@pytest.fixture
def charted(group_a, wg_a_member, secretariat):
    """Five member states, four recommendations reported on, and a meeting next week with replies from each state."""
    countries = []
    for code, en, ru in STATES:
        country = CountryFactory(code=code)  # Uzbekistan may exist already, as the members' default.
        country.name_en, country.name_ru = en, ru
        country.save()
        countries.append(country)
    for number in range(4):
        recommendation = RecommendationFactory(group=group_a, title_en=f"Share practice on topic {number + 1}")
        for index, country in enumerate(countries[: 4 - (number % 2)]):
            status = STATUSES[(number + index) % len(STATUSES)]
            report_implementation(recommendation, country, status, as_of=datetime.date(2025, 3, 1 + number))
    start = (timezone.now() + datetime.timedelta(days=6)).replace(microsecond=0)
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working Group (a): spring session",
        title_ru="Рабочая группа (a): весенняя сессия",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    replies = ["accepted", "tentative", "declined", "pending"]
    for index, country in enumerate(countries * 2):
        rsvp = replies[index % 4]
        ParticipationFactory(
            meeting=meeting,
            member=MemberFactory(country=country, last_name=f"Delegate{index}"),
            rsvp=rsvp,
            rsvp_mode="in_person" if rsvp in {"accepted", "tentative"} else "",
            attendance=[a for a in Participation.Attendance.values if a != "unknown"][index % 4],
        )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member, rsvp="accepted", rsvp_mode="online")
    for user in (wg_a_member, secretariat):
        user.set_password(PASSWORD)
        user.save()
    return meeting


def _page(browser, live_server, size: str, language: str, user=None):
    context = browser.new_context(viewport=SIZES[size], locale="en-GB")
    page = context.new_page()
    if user is not None:
        page.goto(f"{live_server.url}/en/accounts/login/?next=/en/my/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
    return page


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


# Every cell of the matrix whose status is not fully in view: clipped sideways or hidden.
CLIPPED_SCRIPT = """
() => [...document.querySelectorAll(".matrix tbody td")].filter((td) => {
  const box = td.getBoundingClientRect();
  const status = td.querySelector(".impl__label");
  const label = status && status.getBoundingClientRect();
  return box.width === 0 || box.left < 0 || box.right > window.innerWidth + 1
    || !label || label.width < 2 || label.right > window.innerWidth + 1;
}).map((td) => td.textContent.trim().slice(0, 40))
"""


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_recommendations_chart_and_every_countrys_status_are_in_view(live_server, browser, charted, size, language):
    page = _page(browser, live_server, size, language)
    page.goto(f"{live_server.url}/{language}/recommendations/")
    chart = page.locator("#implementation-chart svg[role=img]")
    assert chart.is_visible()
    assert chart.locator("title").text_content().strip()
    assert page.locator(".matrix tbody tr").count() == 4
    # Every recommendation, every country: its name and its status fully on screen, at 390px too.
    assert page.evaluate(CLIPPED_SCRIPT) == []
    assert _fits(page)
    if size == "390":
        assert page.locator(".matrix thead").is_hidden()
        names = page.locator(".matrix__cell-country").all_inner_texts()
        expected = [en if language == "en" else ru for _code, en, ru in STATES]
        assert names == expected * 4
    else:
        assert page.locator(".matrix thead").is_visible()
        assert page.locator(".matrix__cell-country").first.is_hidden()
    page.locator("#implementation-chart summary").click()
    assert page.locator("#implementation-chart table").is_visible()
    assert axe_violations(page) == []
    _shot(page, f"charts-recommendations-{language}-{size}")
    page.context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_member_sees_the_next_30_days_and_the_replies_by_country(
    live_server, browser, charted, wg_a_member, size, language
):
    page = _page(browser, live_server, size, language, wg_a_member)
    page.goto(f"{live_server.url}/{language}/my/")
    mark = page.locator("#next-30-days-heading ~ svg a")
    assert mark.count() == 1
    assert charted.title_en in mark.get_attribute("aria-label") or charted.title_ru in mark.get_attribute("aria-label")
    assert _fits(page)
    assert axe_violations(page) == []
    _shot(page, f"charts-dashboard-{language}-{size}")
    mark.click()
    page.wait_for_load_state()
    assert page.url.endswith(charted.get_absolute_url().replace("/en/", f"/{language}/"))
    chart = page.locator("#participation-chart svg[role=img]")
    assert chart.is_visible()
    assert _fits(page)
    assert axe_violations(page) == []
    page.locator("#participation-chart").scroll_into_view_if_needed()
    _shot(page, f"charts-meeting-{language}-{size}")
    page.context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_register_draws_attendance_by_country(live_server, browser, charted, secretariat, size, language):
    page = _page(browser, live_server, size, language, secretariat)
    page.goto(f"{live_server.url}/{language}/staff/meetings/{charted.slug}/attendance/")
    assert page.locator("#register-chart svg[role=img]").is_visible()
    assert _fits(page)
    assert axe_violations(page) == []
    _shot(page, f"charts-register-{language}-{size}")
    page.context.close()
