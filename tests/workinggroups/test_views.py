"""The bodies' pages, recommendations and work plans: the same for everyone, flat query counts, 404s."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import (
    CountryFactory,
    MeetingFactory,
    OrganizationFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    WorkingGroupFactory,
    WorkPlanItemFactory,
    report_implementation,
)
from workinggroups.models import Implementation, Recommendation, WorkingGroup, WorkPlan, WorkPlanItem


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
    report_implementation(recommendation, kz, Implementation.Status.IMPLEMENTED)
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


# --- The record of a recommendation ---------------------------------------------------------


@pytest.fixture
def recorded(group_a):
    """An adopted recommendation with reservations public and not, and a history of implementation in Kazakhstan."""
    kz = CountryFactory(code="KZ")
    CountryFactory(code="UZ")
    recommendation = RecommendationFactory(group=group_a, title="Share legal practice")
    ReservationFactory(recommendation=recommendation, order=1, country=kz, text="Within national law only.")
    ReservationFactory(
        recommendation=recommendation,
        order=2,
        country=None,
        organization=OrganizationFactory(name="UN Office on Drugs and Crime", acronym="UNODC"),
        kind="statement",
        text="Ready to support training.",
    )
    ReservationFactory(recommendation=recommendation, order=3, country=kz, text="NOT-PUBLIC-TEXT", is_public=False)
    report_implementation(recommendation, kz, "not_started", as_of=datetime.date(2024, 9, 2), reported_by="secretariat")
    report_implementation(
        recommendation,
        kz,
        "implemented",
        as_of=datetime.date(2025, 3, 14),
        source="National report 2025",
        source_url="https://example.org/kz-2025",
        note={"en": "Guidance issued."},
    )
    return recommendation


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_a_recommendation_page_shows_the_public_reservations_attributed_to_everyone(client, persona, recorded):
    html = _client_for(client, persona).get(recorded.get_absolute_url()).content.decode()
    reservations = html.split('id="reservations"')[1].split("</section>")[0]
    assert "Within national law only." in reservations and "Kazakhstan" in reservations
    assert '<abbr title="UN Office on Drugs and Crime">UNODC</abbr>' in reservations
    assert "Statement" in reservations and "Reservation" in reservations
    assert reservations.index("Within national law") < reservations.index("Ready to support")  # As recorded.
    assert "NOT-PUBLIC-TEXT" not in html


@pytest.mark.django_db
def test_the_matrix_shows_each_status_as_of_its_day_with_its_history_behind_it(client, recorded):
    html = client.get("/en/recommendations/").content.decode()
    # The public reservations are named beside the title, linked to the page.
    assert f'href="{recorded.get_absolute_url()}#reservations"' in html
    assert "Kazakhstan (reservation)" in html and "(statement)" in html
    assert "NOT-PUBLIC-TEXT" not in html
    # Kazakhstan's cell: the current status and its date, then the reports, newest first, in a <details>.
    cell = html.split('<details class="impl-history">')[1].split("</details>")[0]
    summary, history = cell.split("</summary>")
    assert "Implemented" in summary and "as of 14 Mar 2025" in summary and "2 reports" in summary
    assert history.index("14 March 2025") < history.index("2 September 2024")
    assert "Reported by the country's representative" in history and "Reported by the secretariat" in history
    assert (
        '<a href="https://example.org/kz-2025" rel="nofollow noopener noreferrer">National report 2025</a>' in history
    )
    assert "Guidance issued." in history
    # Uzbekistan has no report: no information, and nothing to open.
    assert html.count('<details class="impl-history">') == 1


@pytest.mark.django_db
def test_the_recommendation_page_shows_each_countrys_history(client, recorded):
    html = client.get(recorded.get_absolute_url()).content.decode()
    assert '<details class="impl-history">' in html
    assert "as of 14 Mar 2025" in html and "2 September 2024" in html
    assert "Guidance issued." in html


@pytest.mark.django_db
def test_the_pages_with_the_record_cost_the_same_queries_as_the_history_grows(client, recorded):
    urls = ["/en/recommendations/", recorded.get_absolute_url()]
    before = [_count(client, url) for url in urls]
    kz = CountryFactory(code="KZ")
    for month in range(1, 9):
        report_implementation(recorded, kz, "in_progress", as_of=datetime.date(2024, month, 1))
        ReservationFactory(recommendation=recorded, country=kz)
        other = RecommendationFactory(group=recorded.group)
        ReservationFactory(recommendation=other, country=kz)
        report_implementation(other, kz, "implemented")
    # The list adds one query to its 11: the statuses counted by country for the chart.
    assert [_count(client, url) for url in urls] == before == [12, 6]


# --- The chart of implementation by country --------------------------------------------------


def _chart_table(html: str) -> dict[str, list[str]]:
    """Return the rows of the table behind the implementation chart: country → counts by status, then the total."""
    figure = html[html.index('id="implementation-chart"') :]
    figure = figure[: figure.index("</figure>")]
    table = figure[figure.index("<table") :]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table)
    return {label: re.findall(r">(\d+)</td>", cells) for label, cells in rows}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_chart_counts_public_recommendations_by_country_the_same_for_everyone(client, persona, recorded):
    kz, uz = CountryFactory(code="KZ"), CountryFactory(code="UZ")
    other = RecommendationFactory(group=recorded.group)
    report_implementation(other, uz, "in_progress", as_of=datetime.date(2025, 1, 10))
    # Neither a withdrawn recommendation nor one of a dissolved body is public: their reports are not counted.
    withdrawn = RecommendationFactory(group=recorded.group)
    report_implementation(withdrawn, kz, "not_started", as_of=datetime.date(2026, 1, 1))
    Recommendation.objects.filter(pk=withdrawn.pk).update(status="withdrawn")
    dissolved = RecommendationFactory(group=WorkingGroupFactory(letter="d"))
    report_implementation(dissolved, uz, "implemented", as_of=datetime.date(2026, 2, 1))
    WorkingGroup.objects.filter(pk=dissolved.group_id).update(is_active=False)
    html = _client_for(client, persona).get("/en/recommendations/").content.decode()
    assert 'role="img" aria-labelledby="implementation-chart-title implementation-chart-desc"' in html
    # Implemented, in progress, not started, not applicable, no information, total.
    assert _chart_table(html) == {
        "Kazakhstan": ["1", "0", "0", "0", "1", "2"],
        "Uzbekistan": ["0", "1", "0", "0", "1", "2"],
    }
    assert "Kazakhstan: Implemented 1, No information 1; Uzbekistan: In progress 1, No information 1." in html
    assert "As of 14 March 2025, the day of the latest report." in html


@pytest.mark.django_db
def test_the_chart_follows_the_filters(client, recorded):
    other = RecommendationFactory(group=WorkingGroupFactory(letter="b"))
    report_implementation(other, CountryFactory(code="UZ"), "implemented")
    html = client.get(f"/en/recommendations/?group={recorded.group.slug}").content.decode()
    assert _chart_table(html)["Uzbekistan"] == ["0", "0", "0", "0", "1", "1"]


@pytest.mark.django_db
def test_on_a_phone_each_cell_names_its_country(client, recorded):
    html = client.get("/en/recommendations/").content.decode()
    assert '<td><span class="matrix__cell-country">Kazakhstan</span>' in html
    assert '<td><span class="matrix__cell-country">Uzbekistan</span>' in html


# --- Roadmaps --------------------------------------------------------------------------------


@pytest.fixture
def roadmap(group_a, group_c):
    uz = CountryFactory(code="UZ")
    roadmap = RoadmapFactory(title="Roadmap of cooperation 2024–2025", slug="uz-unoct-2024-2025")
    roadmap.countries.add(uz)
    roadmap.organizations.add(OrganizationFactory(name="UN Office of Counter-Terrorism", acronym="UNOCT"))
    launched = RoadmapItemFactory(roadmap=roadmap, order=1, title="Launch the Council", status="done")
    launched.meetings.set(
        [
            MeetingFactory(
                body=group_a,
                level=Level.PUBLIC,
                title="First Meeting",
                starts_at=datetime.datetime(2024, 5, 14, 5, tzinfo=datetime.UTC),
            ),
            MeetingFactory(body=group_a, level=Level.PUBLIC, title="Next plenary"),
            MeetingFactory(body=group_a, level=Level.GROUP, title="CLOSED-MEETING"),
        ]
    )
    group_c.is_active = False
    group_c.save()
    launched.work_plan_items.set(
        [
            WorkPlanItemFactory(plan__group=group_a, title="Compare the laws", status="done"),
            WorkPlanItemFactory(plan__group=group_c, title="TASK-OF-A-DISSOLVED-BODY"),
        ]
    )
    RoadmapItemFactory(roadmap=roadmap, order=2, title="Build the network", status="in_progress")
    RoadmapItemFactory(roadmap=roadmap, order=3, title="Report on the results", status="planned")
    RoadmapFactory(title="DRAFT-ROADMAP", slug="draft-roadmap", status="draft")
    return roadmap


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_roadmap_pages_show_items_tasks_and_public_meetings_only_to_everyone(client, persona, roadmap):
    client = _client_for(client, persona)
    listing = client.get("/en/roadmaps/").content.decode()
    assert "Roadmap of cooperation 2024–2025" in listing and "2024–2025 · Under way" in listing
    assert "Uzbekistan; UN Office of Counter-Terrorism (UNOCT)" in listing
    assert "Done: 1" in listing and "In progress: 1" in listing and "Planned: 1" in listing
    assert "DRAFT-ROADMAP" not in listing
    html = client.get(roadmap.get_absolute_url()).content.decode()
    for text in (
        "Launch the Council",
        "Build the network",
        "Report on the results",
        "Compare the laws",
        "First Meeting",
    ):
        assert text in html, text
    assert html.index("Launch the Council") < html.index("Build the network") < html.index("Report on the results")
    # Meetings held are those that advanced the item; the next one is listed apart.
    assert html.index("Meetings that advanced it") < html.index("First Meeting") < html.index("14 May 2024")
    assert html.index("14 May 2024") < html.index("Meetings to come") < html.index("Next plenary")
    assert "CLOSED-MEETING" not in html and "TASK-OF-A-DISSOLVED-BODY" not in html
    assert client.get("/en/roadmaps/draft-roadmap/").status_code == 404


@pytest.mark.django_db
def test_the_about_page_links_to_the_roadmaps(client):
    assert 'href="/en/roadmaps/"' in client.get("/en/about/").content.decode()


@pytest.mark.django_db
def test_a_roadmap_not_translated_into_russian_is_shown_in_english_with_a_note(client, roadmap):
    html = client.get(roadmap.get_absolute_url().replace("/en/", "/ru/")).content.decode()
    assert '<h1 lang="en">Roadmap of cooperation 2024–2025</h1>' in html
    assert "untranslated-note" in html
