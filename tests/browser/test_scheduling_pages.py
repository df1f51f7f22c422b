"""Postponed and cancelled meetings as members and the public see them, and the secretariat's postpone step, in a
real browser: English and Russian, a 390-px phone and a 1366-px laptop."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from meetings import scheduling
from meetings.models import Level
from tests.browser.conftest import SCREENSHOTS
from tests.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 768}}
# The new sentences are translated at merge (locale/*.po is the lead's); until then Russian pages show them in English.
TEXT = {"postponed": "postponed to a new date", "later": "the new date will be announced", "cancelled": "cancelled"}


@pytest.fixture
def meetings(group_a, wg_a_member, secretariat):
    start = timezone.now() + datetime.timedelta(days=10)
    made = {}
    for key, title_ru in (("moved", "Перенесённое заседание"), ("later", "Заседание без даты"), ("off", "Отменённое")):
        meeting = MeetingFactory(
            body=group_a,
            level=Level.PUBLIC,
            title_en=f"Working Group (a): {key} session",
            title_ru=title_ru,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=3),
            venue=None,
        )
        ParticipationFactory(meeting=meeting, member=wg_a_member.member, invited_at=timezone.now())
        made[key] = meeting
        start += datetime.timedelta(days=1)
    scheduling.postpone_meeting(
        meeting=made["moved"],
        by=secretariat,
        reason="The venue is being renovated",
        starts_at=start + datetime.timedelta(days=30),
    )
    scheduling.postpone_meeting(meeting=made["later"], by=secretariat, reason="Awaiting the ministries' replies")
    scheduling.cancel_meeting(meeting=made["off"], by=secretariat, reason="No quorum")
    return made


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
@pytest.mark.parametrize("language", ["en", "ru"])
def test_postponed_and_cancelled_meetings_say_so_clearly(live_server, browser, meetings, wg_a_member, language, size):
    for who, user in (("member", wg_a_member), ("public", None)):
        context = _context(browser, live_server, size, user)
        page = context.new_page()
        for key, meeting in meetings.items():
            page.goto(f"{live_server.url}/{language}/meetings/{meeting.slug}/")
            status = page.locator(".meeting-status")
            expect(status).to_be_visible()
            expected = {"moved": "postponed", "later": "later", "off": "cancelled"}[key]
            if language == "en":
                expect(status).to_contain_text(TEXT[expected], ignore_case=True)
            reason = {"moved": "renovated", "later": "ministries", "off": "No quorum"}[key]
            if who == "member":
                expect(status).to_contain_text(reason)
            else:
                expect(status).not_to_contain_text(reason)
            if key == "off":  # A cancelled meeting has no link for anyone; a postponed one keeps it.
                expect(page.get_by_text("Join the meeting online")).to_have_count(0)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
            _shot(page, f"scheduling-{who}-{key}-{language}-{size}")
        context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_secretariat_postpones_from_the_meeting_page(live_server, browser, group_a, secretariat, size):
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingFactory(
        body=group_a,
        title="Working Group (a): autumn session",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    context = _context(browser, live_server, size, secretariat)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    _shot(page, f"scheduling-admin-change-{size}")
    page.get_by_role("link", name="Postpone").click()
    expect(page.locator("h1")).to_have_count(1)
    page.get_by_label("The new date is not known yet").check()
    page.get_by_label("Reason").fill("Awaiting the ministries' replies")
    _shot(page, f"scheduling-admin-postpone-{size}")
    page.get_by_role("button", name="Postpone the meeting").click()
    expect(page.locator(".messagelist")).to_contain_text("postponed")
    _shot(page, f"scheduling-admin-postponed-{size}")
    context.close()
    meeting.refresh_from_db()
    assert meeting.status == "postponed" and meeting.date_to_be_announced
