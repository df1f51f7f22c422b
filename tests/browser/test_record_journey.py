"""The Council's record in a real browser: reservations, each country's history of implementation, the roadmap."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Level
from tests.browser.conftest import shot
from tests.browser.test_accessibility import CONTRAST_SCRIPT
from tests.factories import (
    CountryFactory,
    MeetingFactory,
    OrganizationFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    WorkPlanItemFactory,
    report_implementation,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def record(group_a):
    states = [CountryFactory(code=code, name=name) for code, name in (("KZ", "Kazakhstan"), ("UZ", "Uzbekistan"))]
    recommendation = RecommendationFactory(group=group_a, code="REC-A-2024-01", title_en="Share legal practice")
    ReservationFactory(recommendation=recommendation, country=states[0], text="Within national law only.")
    ReservationFactory(recommendation=recommendation, country=states[1], text="SAID-IN-CONFIDENCE", is_public=False)
    for day, status in ((datetime.date(2024, 9, 2), "not_started"), (datetime.date(2025, 3, 14), "implemented")):
        report_implementation(recommendation, states[0], status, as_of=day, source=f"Report of {day:%B %Y}")
    roadmap = RoadmapFactory(title="Roadmap of cooperation 2024–2025")
    roadmap.countries.add(states[1])
    roadmap.organizations.add(OrganizationFactory(name="UN Office of Counter-Terrorism", acronym="UNOCT"))
    item = RoadmapItemFactory(roadmap=roadmap, title="Launch the Council", status="done")
    item.meetings.set(
        [
            MeetingFactory(
                body=group_a,
                level=Level.PUBLIC,
                title_en="First Meeting",
                starts_at=timezone.now() - datetime.timedelta(days=300),
            ),
            MeetingFactory(body=group_a, level=Level.GROUP, title_en="CLOSED-MEETING"),
        ]
    )
    item.work_plan_items.set([WorkPlanItemFactory(plan__group=group_a, title="Compare the laws")])
    return recommendation


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_visitor_opens_a_countrys_history_and_follows_the_roadmap(live_server, page, record):
    page.goto(f"{live_server.url}/en/recommendations/")
    cell = page.locator("details.impl-history").first
    history = cell.locator(".impl-history__panel")
    expect(history).to_be_hidden()
    # The keyboard opens it as a mouse would: a <details> needs no script.
    cell.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(history).to_be_visible()
    expect(history.get_by_text("Report of March 2025")).to_be_visible()
    assert _fits(page)  # The matrix scrolls inside its own box, never the page.
    assert page.evaluate(CONTRAST_SCRIPT) == []
    shot(page, "record-1-matrix-history")

    page.get_by_role("link", name="Share legal practice").click()
    expect(page.get_by_role("heading", name="Reservations and statements")).to_be_visible()
    expect(page.get_by_text("Within national law only.")).to_be_visible()
    expect(page.get_by_text("SAID-IN-CONFIDENCE")).to_have_count(0)
    assert page.evaluate(CONTRAST_SCRIPT) == []
    shot(page, "record-2-recommendation")

    page.goto(f"{live_server.url}/en/about/")
    page.get_by_role("link", name="See the Roadmap").click()
    page.get_by_role("link", name="Roadmap of cooperation 2024–2025").click()
    expect(page.locator("h1")).to_have_text("Roadmap of cooperation 2024–2025")
    expect(page.get_by_role("link", name="First Meeting")).to_be_visible()
    expect(page.get_by_text("Compare the laws")).to_be_visible()
    expect(page.get_by_text("CLOSED-MEETING")).to_have_count(0)
    assert _fits(page)
    assert page.evaluate(CONTRAST_SCRIPT) == []
    shot(page, "record-3-roadmap")
    assert page.console_errors == []


def test_a_countrys_history_opens_without_javascript(live_server, browser, record):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/recommendations/REC-A-2024-01/")
    cell = page.locator("details.impl-history").first
    cell.locator("summary").click()
    expect(cell.get_by_text("Report of September 2024")).to_be_visible()
    context.close()
