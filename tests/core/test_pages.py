"""The home page, sign-in, the language switcher and what summary and recommendation pages cost."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import MeetingFactory, PublicSummaryFactory, RecommendationFactory


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_home_page_answers_everyone_with_one_h1(client, persona, group_a, executive):
    response = _client_for(client, persona).get(reverse("publicsite:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="#main"' in html  # The skip link.
    assert "Executive Committee" in html


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_home_page_lists_only_meetings_the_viewer_may_see(client, persona, group_a, request):
    name = request.node.callspec.params["persona"]
    MeetingFactory(body=group_a, level=Level.PUBLIC, title="Open session")
    MeetingFactory(body=group_a, level=Level.GROUP, title="MARKER-GROUP-MEETING")
    html = _client_for(client, persona).get(reverse("publicsite:home")).content.decode()
    assert "Open session" in html
    assert ("MARKER-GROUP-MEETING" in html) is (name in {"wg_a_member", "exec_member", "chair", "secretariat"})


@pytest.mark.django_db
def test_the_home_page_costs_the_same_queries_with_more_data(client, group_a):
    url = reverse("publicsite:home")
    MeetingFactory(body=group_a, level=Level.PUBLIC)
    PublicSummaryFactory()
    before = _count(client, url)
    for _ in range(10):
        MeetingFactory(body=group_a, level=Level.PUBLIC)
        PublicSummaryFactory()
    # Bodies, upcoming meetings, summaries, news.
    assert _count(client, url) == before == 4


@pytest.mark.django_db
def test_the_home_page_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_a_member_signs_in_and_out(client, wg_a_member):
    login = client.get(reverse("login"))
    assert login.status_code == 200
    assert 'autocomplete="current-password"' in login.content.decode()
    response = client.post(reverse("login"), {"username": "wg-a", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert "Signed in as" in client.get(reverse("publicsite:home")).content.decode()
    assert client.post(reverse("logout")).status_code == 302
    assert "Members: sign in" in client.get(reverse("publicsite:home")).content.decode()


@pytest.mark.django_db
def test_a_wrong_password_gets_a_clear_message(client, wg_a_member):
    response = client.post(reverse("login"), {"username": "wg-a", "password": "nope"})
    assert response.status_code == 200
    assert "The user name or password is not right" in response.content.decode()


@pytest.mark.django_db
def test_a_huge_login_form_is_refused_politely(client):
    # The lockout log keeps user names in a 255-character column: a longer one was a 500 on PostgreSQL.
    response = client.post(reverse("login"), {"username": "x" * 10000, "password": "y" * 10000})
    assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "x" * 10000, "password": "y" * 10000})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_page(client, group_a):
    html = client.get(group_a.get_absolute_url() + "?x=1").content.decode()
    assert f'href="/ru/groups/{group_a.slug}/?x=1"' in html
    assert f'href="/uz/groups/{group_a.slug}/?x=1"' in html
    assert 'hreflang="ru"' in html


@pytest.mark.django_db
def test_summary_and_recommendation_pages_cost_the_same_queries_with_more_data(client, group_a):
    summary = PublicSummaryFactory()
    recommendation = RecommendationFactory(group=group_a)
    before = (_count(client, summary.get_absolute_url()), _count(client, recommendation.get_absolute_url()))
    for _ in range(10):
        PublicSummaryFactory()
        RecommendationFactory(group=group_a)
    # Summary: the summary with its meeting, whether the meeting may be linked (2).
    # Recommendation: the recommendation, its pillars, themes, implementations, reports, public reservations (6).
    assert (_count(client, summary.get_absolute_url()), _count(client, recommendation.get_absolute_url())) == before
    assert before == (2, 6)
