"""The bodies' pages, recommendations and work plans: the same for everyone, flat query counts, 404s."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import CountryFactory, MeetingFactory, RecommendationFactory, WorkingGroupFactory
from workinggroups.models import Implementation, WorkPlan, WorkPlanItem


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# --- A body's page --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_a_working_group_page_is_public_and_the_same_for_everyone(client, persona, group_a):
    RecommendationFactory(group=group_a, title="Adopted one")
    RecommendationFactory(group=group_a, title="MARKER-DRAFT", status="draft", adopted_on=None)
    MeetingFactory(body=group_a, level=Level.COUNCIL, title="MARKER-COUNCIL-MEETING")
    response = _client_for(client, persona).get(group_a.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Adopted one" in html
    assert "MARKER-DRAFT" not in html
    assert "MARKER-COUNCIL-MEETING" not in html


@pytest.mark.django_db
def test_a_working_group_page_costs_the_same_queries_with_more_data(client, group_a):
    RecommendationFactory(group=group_a)
    MeetingFactory(body=group_a, level=Level.PUBLIC)
    before = _count(client, group_a.get_absolute_url())
    for _ in range(10):
        RecommendationFactory(group=group_a)
        MeetingFactory(body=group_a, level=Level.PUBLIC)
    # The group, its plan, chairs, recommendations, upcoming and past meetings, summaries.
    assert _count(client, group_a.get_absolute_url()) == before == 7


@pytest.mark.django_db
def test_the_work_plan_progress_is_a_bar_with_a_text_legend(client, group_a):
    plan = WorkPlan.objects.create(
        group=group_a, title="Work plan 2024–2025", period_start="2024-07-01", period_end="2025-12-31"
    )
    for order, status in enumerate(["done", "done", "in_progress", "planned"], start=1):
        WorkPlanItem.objects.create(plan=plan, order=order, title=f"Task {order}", status=status)
    html = client.get(group_a.get_absolute_url()).content.decode()
    assert 'width="50.000"' in html and 'width="25.000"' in html
    assert "Done: 2" in html and "In progress: 1" in html and "Planned: 1" in html


# --- Recommendations ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_recommendation_matrix_shows_each_member_state(client, group_a):
    kz = CountryFactory(code="KZ")
    CountryFactory(code="UZ")
    recommendation = RecommendationFactory(group=group_a)
    Implementation.objects.create(recommendation=recommendation, country=kz, status=Implementation.Status.IMPLEMENTED)
    html = client.get("/en/recommendations/").content.decode()
    assert "Kazakhstan" in html and "Uzbekistan" in html
    assert "impl--implemented" in html and "impl--no_information" in html


@pytest.mark.django_db
def test_draft_recommendations_and_unknown_groups_answer_404(client, group_a):
    draft = RecommendationFactory(group=group_a, status="draft", adopted_on=None)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(RecommendationFactory(group=group_a).get_absolute_url()).status_code == 200
    assert client.get("/en/groups/no-such-group/").status_code == 404


@pytest.mark.django_db
def test_recommendations_of_a_dissolved_body_are_not_public(client):
    dissolved = WorkingGroupFactory(letter="b", is_active=False, name="Dissolved group (b)")
    recommendation = RecommendationFactory(group=dissolved, title_en="Old advice")
    assert "Old advice" not in client.get("/en/recommendations/").content.decode()
    assert client.get(recommendation.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_odd_characters_in_a_recommendation_code_are_a_404(client):
    assert client.get("/en/recommendations/a%00b/").status_code == 404
