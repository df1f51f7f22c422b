"""The member journey in a real browser, in English and Russian: sign in → dashboard → meeting →
agenda → document → RSVP → personal calendar feed."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level, Participation
from tests.browser.conftest import shot
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)


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
    AgendaItemFactory(
        meeting=meeting, order=1, level=Level.GROUP, title_en="Opening", title_ru="Открытие", minutes_allotted=20
    )
    AgendaItemFactory(
        meeting=meeting, order=2, level=Level.GROUP, title_en="Court practice", title_ru="Судебная практика"
    )
    DocumentFactory(meeting=meeting, level=Level.GROUP, title="Concept note")
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_member_prepares_for_a_meeting(live_server, page, invited, wg_a_member, language):
    labels = {
        "en": {
            "sign_in": "Sign in",
            "accept": "Accept",
            "accepted": "Accepted",
            "title": "Working Group (a): spring session",
        },
        "ru": {
            "sign_in": "Войти",
            "accept": "Принять",
            "accepted": "Принято",
            "title": "Рабочая группа (a): весенняя сессия",
        },
    }[language]
    page.goto(f"{live_server.url}/{language}/accounts/login/?next=/{language}/my/")
    page.fill("#id_username", "wg-a")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/my/")
    expect(page.locator("h1")).to_have_count(1)
    shot(page, f"member-1-dashboard-{language}")

    page.get_by_role("link", name=labels["title"]).first.click()
    expect(page.locator("ol.agenda li")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, f"member-2-meeting-{language}")

    with page.expect_download() as download:
        page.get_by_role("link", name="Concept note").click()
    assert download.value.suggested_filename == "paper.txt"

    page.locator("#rsvp").get_by_role("button", name=labels["accept"]).click()
    expect(page.locator("#rsvp .rsvp__state")).to_contain_text(labels["accepted"])
    assert not page.url.endswith("#rsvp")  # Swapped in place by htmx, not a full reload.
    assert Participation.objects.get(meeting=invited, member=wg_a_member.member).rsvp == "accepted"
    shot(page, f"member-3-rsvp-{language}")

    page.goto(f"{live_server.url}/{language}/accounts/profile/")
    page.locator("form[action*='calendar'] button[type=submit]").first.click()
    feed = page.locator("a[href*='/calendar/personal/'], input[value*='/calendar/personal/'], code").filter(
        has_text="/calendar/personal/"
    )
    text = feed.first.inner_text() if feed.count() else page.content()
    assert "/calendar/personal/" in text
    shot(page, f"member-4-profile-{language}")
    assert page.console_errors == []
