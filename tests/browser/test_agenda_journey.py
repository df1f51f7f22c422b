"""The agenda builder and chased actions in a real browser: live timetable, overrun, drag and keyboard reordering,
matters arising and overdue marks, in English and Russian, on a phone (390 px) and a laptop (1366 px)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import ActionItem, AgendaItem, Level
from meetings.overdue import council_today
from tests.browser.conftest import shot
from tests.browser.test_accessibility import CONTRAST_SCRIPT
from tests.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, ParticipationFactory, VenueFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
LOCALES = {"en": "en-GB", "ru": "ru-RU"}


@pytest.fixture
def almaty(group_a, wg_a_member):
    venue = VenueFactory(name="Rixos", city="Almaty", time_zone="Asia/Almaty")
    earlier = MeetingFactory(
        body=group_a, title_en="Winter session of (a)", starts_at=timezone.now() - datetime.timedelta(days=40)
    )
    late = ActionItemFactory(
        meeting=earlier,
        owner=wg_a_member.member,
        title="Circulate the legal survey",
        due_date=council_today() - datetime.timedelta(days=5),
    )
    late.status = ActionItem.Status.IN_PROGRESS
    late.save()
    ActionItemFactory(meeting=earlier, title="Closed long ago", status="done", completed_at=timezone.now())
    starts = (timezone.now() + datetime.timedelta(days=10)).replace(hour=4, minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(
        body=group_a,
        venue=venue,
        time_zone="Asia/Almaty",
        title_en="Working Group (a) in Almaty",
        title_ru="Рабочая группа (a) в Алматы",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    for order, (en, ru, minutes) in enumerate(
        [("Opening", "Открытие", 15), ("Reports", "Доклады", 60), ("Close", "Закрытие", 15)], start=1
    ):
        AgendaItemFactory(meeting=meeting, order=order, title_en=en, title_ru=ru, minutes_allotted=minutes)
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


def _within(script: str, selector: str) -> str:
    """Return the contrast check limited to the elements inside `selector`."""
    return script.replace('document.querySelectorAll("body *")', f'document.querySelectorAll("{selector} *")')


def _context(browser, size: str, language: str):
    context = browser.new_context(viewport=SIZES[size], locale=LOCALES[language])
    page = context.new_page()
    page.viewport_name = f"{language}-{size}"
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.console_errors = errors
    return context, page


def _orders(page) -> list[tuple[str, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#agenda_items-group tbody tr.form-row:not(.empty-form)')].map(
            (row) => [row.querySelector('input[name$="-title_en"]').value,
                      row.querySelector('input[name$="-order"]').value])"""
    )


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", sorted(LOCALES))
def test_the_secretariat_builds_the_agenda(live_server, browser, almaty, secretariat, size, language):
    context, page = _context(browser, size, language)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/admin/meetings/meeting/{almaty.pk}/change/#tab-agenda")  # The agenda's tab.
    builder = page.locator("[data-agenda-builder]")
    zone = {"en": "Almaty time (UTC+5)", "ru": "время Алматы (UTC+5)"}
    expect(builder.locator(".agenda-timetable__zone")).to_contain_text(zone[language])
    expect(builder.locator("[data-agenda-slots] tr")).to_have_count(3)
    expect(builder.locator("[data-agenda-slots] tr").nth(1)).to_contain_text("09:15")
    expect(builder.locator("[data-agenda-overrun]")).to_be_hidden()
    expect(builder.locator(".agenda-matters")).to_contain_text("Circulate the legal survey")
    expect(builder.locator(".agenda-matters")).not_to_contain_text("Closed long ago")

    # The keyboard: "Move up" twice on the last item takes it to the top, focus stays, the move is announced.
    up = page.locator("#agenda_items-group tbody tr.form-row:not(.empty-form)").nth(2).locator("[data-agenda-up]")
    close = {"en": "Close", "ru": "Закрытие"}[language]  # The item's title in the page's language.
    label = {"en": f"Move “{close}” up", "ru": f"Переместить пункт «{close}» вверх"}[language]
    expect(up).to_have_attribute("aria-label", label)
    up.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    # "“Close” moved to position 1 of 3.", in the page's language.
    expect(builder.locator("[data-agenda-live]")).to_have_text(re.compile(rf"{close}\D+1\D+3\D*$"))
    assert _orders(page) == [["Close", "1"], ["Opening", "2"], ["Reports", "3"]]
    expect(builder.locator("[data-agenda-slots] tr").first).to_contain_text(close)

    # The mouse: drag "Reports" by its handle above "Opening".
    rows = page.locator("#agenda_items-group tbody tr.form-row:not(.empty-form)")
    rows.nth(2).locator("[data-agenda-handle]").drag_to(rows.nth(1), target_position={"x": 5, "y": 2})
    assert _orders(page) == [["Close", "1"], ["Reports", "2"], ["Opening", "3"]]

    # The minutes change: the timetable follows, and 5 hours in a 2-hour meeting are an overrun.
    reports = rows.nth(1).locator('input[name$="-minutes_allotted"]')
    reports.fill("270")
    overrun = builder.locator("[data-agenda-overrun]")
    expect(overrun).to_be_visible()
    five_hours = re.compile(r"(^|\s)5\s*[^\d\s]+\s*00\s*[^\d\s]+")  # "5 h 00 min", "5 ч 00 мин"
    expect(overrun).to_contain_text(five_hours)
    expect(builder.locator("[data-agenda-total] strong").first).to_have_text(five_hours)
    assert page.evaluate(_within(CONTRAST_SCRIPT, "[data-agenda-builder]")) == []
    builder.scroll_into_view_if_needed()
    shot(page, "agenda-1-builder")

    assert page.evaluate("[...document.querySelectorAll('#meeting_form :invalid')].map((e) => e.name)") == []
    # After a full-page screenshot at 390 px the first click may land mid-scroll: start from the top.
    page.evaluate("window.scrollTo(0, 0)")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .warning")).to_contain_text(five_hours)
    titles = list(AgendaItem.objects.filter(meeting=almaty).order_by("order").values_list("title_en", flat=True))
    assert titles == ["Close", "Reports", "Opening"]
    expect(page.locator("[data-agenda-overrun]")).to_be_visible()  # Server-computed after the save too.
    shot(page, "agenda-2-saved-with-warning")
    assert page.console_errors == []
    context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", sorted(LOCALES))
def test_a_member_sees_the_overdue_action_and_its_history(live_server, browser, almaty, wg_a_member, size, language):
    context, page = _context(browser, size, language)
    page.goto(f"{live_server.url}/{language}/accounts/login/?next=/{language}/my/")
    page.fill("#id_username", "wg-a")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/{language}/my/")
    expect(page.locator(".overdue-badge").first).to_be_visible()
    assert page.evaluate(CONTRAST_SCRIPT) == []
    shot(page, "agenda-3-dashboard-overdue")

    page.goto(f"{live_server.url}/{language}{almaty.get_absolute_url()[3:]}")
    matters = page.locator("section[aria-labelledby=matters-heading]")
    expect(matters).to_contain_text("Circulate the legal survey")
    expect(matters.locator(".overdue-badge")).to_be_visible()
    history = matters.locator("details.action-history")
    history.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(history.locator("li").last).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    # Only this work's sections: the RSVP buttons' contrast (4.48:1) is another matter, reported separately.
    assert page.evaluate(_within(CONTRAST_SCRIPT, "section[aria-labelledby=matters-heading]")) == []
    shot(page, "agenda-4-meeting-matters-arising")
    assert page.console_errors == []
    context.close()


def test_matters_arising_are_not_shown_to_another_body(live_server, browser, almaty, wg_c_member):
    context, page = _context(browser, "1366", "en")
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/my/")
    page.fill("#id_username", "wg-c")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/en/my/")
    response = page.goto(f"{live_server.url}{almaty.get_absolute_url()}")
    assert response.status == 404
    context.close()


assert Level  # Imported for readers of the fixture: actions default to the group level.
