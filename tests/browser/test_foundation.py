"""A person's first look: the home page, a language switch, signing in and the secretariat's admin."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from meetings.models import Level
from tests.browser.conftest import shot
from tests.factories import MeetingFactory, PublicSummaryFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(group_a, group_c, executive, secretariat, wg_a_member):
    MeetingFactory(body=group_a, level=Level.PUBLIC, title="Working Group (a): open session")
    MeetingFactory(body=group_a, level=Level.GROUP, title="Working Group (a): closed session")
    PublicSummaryFactory(title="The Council's first meeting")


def test_a_visitor_reads_the_home_page_and_switches_to_russian(live_server, page, site):
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").count() == 1
    assert "open session" in page.content()
    assert "closed session" not in page.content()
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "home-en")

    page.locator(".language-switcher").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    shot(page, "home-ru")
    assert page.console_errors == []


def test_a_member_signs_in_and_sees_the_closed_meeting(live_server, page, site):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("wg-a")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/en/my/")  # Signing in opens the dashboard.
    page.goto(f"{live_server.url}/en/")
    assert "closed session" in page.content()
    shot(page, "home-member-en")
    assert page.console_errors == []


def test_the_secretariat_opens_a_meeting_in_the_admin(live_server, page, site):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert "REC Portal" in page.title()
    page.goto(f"{live_server.url}/admin/meetings/meeting/")
    page.get_by_role("link", name="Working Group (a): closed session").click()
    expect(page.locator("#agenda_items-group")).to_have_count(1)
    expect(page.locator("#participations-group")).to_have_count(1)
    shot(page, "admin-meeting")
