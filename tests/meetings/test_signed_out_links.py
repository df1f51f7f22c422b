"""A members' link opened while signed out: one page offering to sign in and come back, the same whether it exists."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

from meetings.models import Level
from tests.accounts.helpers import PASSWORD
from tests.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MISSING = "no-such-meeting-at-all"


def _page(client, path: str) -> tuple[int, str]:
    response = client.get(path)
    return response.status_code, response.content.decode()


def _without(path: str, html: str) -> str:
    """Return the page with the requested address (in the sign-in link, the language links) blanked out."""
    return html.replace(quote(path), "PATH").replace(path.split("/", 2)[2], "PATH")


@pytest.mark.parametrize("level", [Level.COUNCIL, Level.GROUP, Level.RESTRICTED])
def test_an_existing_members_meeting_looks_exactly_like_a_missing_one(client, group_a, level):
    meeting = MeetingFactory(body=group_a, level=level, slug="an-existing-meeting-here")
    existing = meeting.get_absolute_url()
    missing = f"/en/meetings/{MISSING}/"
    status, html = _page(client, existing)
    missing_status, missing_html = _page(client, missing)
    assert status == missing_status == 404
    assert _without(existing, html) == _without(missing, missing_html)
    assert meeting.title not in html


def test_an_existing_document_looks_exactly_like_a_missing_one(client, group_a):
    document = DocumentFactory(meeting=MeetingFactory(body=group_a, level=Level.GROUP), level=Level.GROUP)
    existing = document.get_absolute_url()
    missing = reverse("meetings:document", kwargs={"uuid": "00000000-0000-4000-8000-000000000000"})
    status, html = _page(client, existing)
    missing_status, missing_html = _page(client, missing)
    assert status == missing_status == 404
    assert _without(existing, html) == _without(missing, missing_html)


def test_the_page_offers_to_sign_in_and_come_back(client, group_a):
    path = MeetingFactory(body=group_a, level=Level.GROUP).get_absolute_url() + "?from=mail"
    status, html = _page(client, path)
    assert status == 404
    assert f'href="/en/accounts/login/?next={quote(path)}"' in html
    assert "sign in and you will come back here" in html


def test_signed_in_people_get_the_plain_not_found_page(client, wg_c_member, group_a):
    client.force_login(wg_c_member)
    status, html = _page(client, MeetingFactory(body=group_a, level=Level.GROUP).get_absolute_url())
    assert status == 404 and "Page not found" in html and "Sign in and continue" not in html


def test_signing_in_honours_next_to_the_meeting(client, wg_a_member, group_a):
    path = MeetingFactory(body=group_a, level=Level.GROUP).get_absolute_url()
    response = client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD, "next": path})
    assert response.status_code == 302 and response["Location"] == path
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("next_url", ["https://evil.example/en/my/", "//evil.example/en/my/", "javascript:alert(1)"])
def test_signing_in_refuses_a_next_address_off_the_site(client, wg_a_member, next_url):
    response = client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302 and response["Location"] == reverse("meetings:dashboard")
