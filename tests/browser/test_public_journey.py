"""The public journey in a real browser: home → working group → summary → search → Russian → calendar."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level
from tests.browser.conftest import shot
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    PublicSummaryFactory,
    RecommendationFactory,
)
from workinggroups.models import Membership, WorkPlan, WorkPlanItem

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def public_site(group_a, group_c, executive):
    now = timezone.now()
    held = MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        title_en="Working Group (a): second meeting",
        starts_at=now - datetime.timedelta(days=20),
    )
    AgendaItemFactory(meeting=held, level=Level.PUBLIC, title_en="Legal frameworks for returnees")
    MeetingFactory(
        body=group_a,
        level=Level.PUBLIC,
        title_en="Working Group (a): third meeting",
        starts_at=now + datetime.timedelta(days=5),
    )
    PublicSummaryFactory(
        meeting=held,
        title_en="Group (a) agreed on legal safeguards",
        title_ru="Группа (a) согласовала правовые гарантии",
        text_en="The group discussed how courts handle the cases of returning women and children.",
        text_ru="Группа обсудила, как суды рассматривают дела вернувшихся женщин и детей.",
    )
    RecommendationFactory(group=group_a, title_en="Give returning children access to school within a month")
    chair = MemberFactory(first_name="Aziza", last_name="Karimova", public_profile=True)
    MembershipFactory(member=chair, group=group_a, role=Membership.Role.CHAIR)
    plan = WorkPlan.objects.create(
        group=group_a, title="Work plan 2024–2025", period_start="2024-07-01", period_end="2025-12-31"
    )
    for order, status in enumerate(["done", "in_progress", "planned", "done"], start=1):
        WorkPlanItem.objects.create(plan=plan, order=order, title=f"Task {order}", status=status)
    return group_a


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_visitor_follows_the_public_journey(live_server, page, public_site):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_count(1)
    assert _fits(page)
    shot(page, "public-1-home")

    page.locator(".structure").get_by_role("link", name="Working Group (a)").first.click()
    expect(page.locator("h1")).to_have_text("Working Group (a)")
    expect(page.get_by_text("Aziza Karimova")).to_be_visible()
    expect(page.locator(".progress-bar rect")).to_have_count(3)
    assert _fits(page)
    shot(page, "public-2-working-group")

    page.get_by_role("link", name="Group (a) agreed on legal safeguards").click()
    expect(page.locator("h1")).to_have_text("Group (a) agreed on legal safeguards")
    shot(page, "public-3-summary")

    page.locator(".site-nav").get_by_role("link", name="Summaries").click()
    page.get_by_role("searchbox", name="Search").fill("courts")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".summary-list__item")).to_have_count(1)
    assert "q=courts" in page.url
    assert _fits(page)
    shot(page, "public-4-search")

    page.locator(".language-switcher").get_by_role("link", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    assert "/ru/summaries/" in page.url and "q=courts" in page.url

    page.goto(f"{live_server.url}/ru/summaries/?q=суды")
    expect(page.locator(".summary-list__item")).to_have_count(1)
    expect(page.get_by_role("link", name="Группа (a) согласовала правовые гарантии")).to_be_visible()
    shot(page, "public-5-search-ru")

    page.goto(f"{live_server.url}/ru/calendar/")
    expect(page.get_by_text("Working Group (a): third meeting")).to_be_visible()
    assert _fits(page)
    shot(page, "public-6-calendar-ru")

    today = timezone.localdate()
    page.goto(f"{live_server.url}/ru/calendar/{today.year}/{today.month}/")
    assert _fits(page)
    shot(page, "public-7-month-ru")

    page.goto(f"{live_server.url}/en/recommendations/")
    expect(page.locator("table.matrix")).to_be_visible()
    assert _fits(page)
    shot(page, "public-8-recommendations")
    assert page.console_errors == []


def test_the_public_pages_work_without_javascript(live_server, browser, public_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/summaries/")
    page.get_by_role("searchbox", name="Search").fill("courts")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".summary-list__item")).to_have_count(1)
    page.locator(".language-switcher").get_by_role("link", name="Oʻzbekcha").click()
    expect(page.locator("html")).to_have_attribute("lang", "uz")
    context.close()
