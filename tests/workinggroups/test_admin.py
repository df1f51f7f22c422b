"""The secretariat records the consensus, implementation reports and roadmaps in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.admin_forms import change_page_data, inline_prefix
from tests.factories import (
    CountryFactory,
    MeetingFactory,
    OrganizationFactory,
    RecommendationFactory,
    WorkPlanItemFactory,
    report_implementation,
)
from workinggroups.forms import ImplementationReportForm
from workinggroups.models import Implementation, ImplementationReport, Reservation, Roadmap, RoadmapItem


@pytest.fixture
def admin_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def recommendation(group_a):
    return RecommendationFactory(group=group_a, adopted_on=datetime.date(2024, 7, 25))


def _inlines(page, model) -> list:
    """Return the inline formsets of `model` on an admin page: for reports, the history and the new ones."""
    return [inline for inline in page.context["inline_admin_formsets"] if inline.formset.model is model]


def _new_reports_prefix(page) -> str:
    [new] = [
        inline
        for inline in _inlines(page, ImplementationReport)
        if issubclass(inline.formset.form, ImplementationReportForm)
    ]
    return new.formset.prefix


def _new_inline_row(data: dict, prefix: str, **fields: str) -> dict:
    """Add one new row to the inline formset `prefix` of an admin page's POST data."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data | {f"{prefix}-{index}-{name}": value for name, value in fields.items()}


@pytest.mark.django_db
def test_a_report_added_on_the_recommendation_page_joins_the_history_and_becomes_current(
    admin_client, recommendation, secretariat
):
    uz = CountryFactory(code="UZ")
    report_implementation(recommendation, uz, "not_started", as_of=datetime.date(2024, 9, 1))
    url = reverse("admin:workinggroups_recommendation_change", args=[recommendation.pk])
    page = admin_client.get(url)
    history, new = _inlines(page, ImplementationReport)
    assert (len(history.formset.initial_forms), len(new.formset.initial_forms)) == (1, 0)
    prefix = _new_reports_prefix(page)
    data = _new_inline_row(
        change_page_data(page),
        prefix,
        country=str(uz.pk),
        status="implemented",
        as_of="2025-03-10",
        reported_by="representative",
        source="National report 2025",
        source_url="https://example.org/report",
        note_en="Guidance issued.",
        note_ru="Выпущены рекомендации.",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    current = Implementation.objects.get(recommendation=recommendation, country=uz)
    assert (current.status, current.as_of, current.note_ru) == (
        "implemented",
        datetime.date(2025, 3, 10),
        "Выпущены рекомендации.",
    )
    latest = ImplementationReport.objects.filter(recommendation=recommendation).first()
    assert (latest.source, latest.recorded_by) == ("National report 2025", secretariat)
    assert ImplementationReport.objects.filter(recommendation=recommendation).count() == 2


@pytest.mark.django_db
def test_a_report_dated_tomorrow_gets_a_message_and_nothing_is_written(admin_client, recommendation):
    uz = CountryFactory(code="UZ")
    url = reverse("admin:workinggroups_recommendation_change", args=[recommendation.pk])
    page = admin_client.get(url)
    prefix = _new_reports_prefix(page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = _new_inline_row(
        change_page_data(page),
        prefix,
        country=str(uz.pk),
        status="implemented",
        as_of=tomorrow.isoformat(),
        reported_by="secretariat",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "already past or today" in response.content.decode()
    assert not ImplementationReport.objects.exists()
    assert not Implementation.objects.exists()


@pytest.mark.django_db
def test_reports_and_current_statuses_are_read_only_in_the_admin(admin_client, recommendation):
    uz = CountryFactory(code="UZ")
    report = report_implementation(recommendation, uz, "in_progress")
    current = Implementation.objects.get()
    # The recommendation page shows both without a field to edit them.
    page = admin_client.get(reverse("admin:workinggroups_recommendation_change", args=[recommendation.pk]))
    history, new = _inlines(page, ImplementationReport)
    [current_inline] = _inlines(page, Implementation)
    assert len(history.formset.initial_forms) == len(current_inline.formset.initial_forms) == 1
    assert not any(inline.has_add_permission for inline in (history, current_inline))
    assert not any(inline.has_change_permission for inline in (history, new, current_inline))
    assert new.has_add_permission and not new.formset.initial_forms
    # Their own pages show them read-only: a POST changes nothing.
    report_url = reverse("admin:workinggroups_implementationreport_change", args=[report.pk])
    assert admin_client.get(report_url).status_code == 200
    assert admin_client.post(report_url, {"status": "implemented"}).status_code == 403
    status_url = reverse("admin:workinggroups_implementation_change", args=[current.pk])
    assert "In progress" in admin_client.get(status_url).content.decode()
    assert admin_client.post(status_url, {"status": "implemented"}).status_code == 403
    assert admin_client.get(reverse("admin:workinggroups_implementation_add")).status_code == 403
    assert ImplementationReport.objects.get().status == Implementation.objects.get().status == "in_progress"


@pytest.mark.django_db
def test_a_report_is_recorded_on_its_own_add_page_through_the_service(admin_client, recommendation, secretariat):
    uz = CountryFactory(code="UZ")
    response = admin_client.post(
        reverse("admin:workinggroups_implementationreport_add"),
        {
            "recommendation": recommendation.pk,
            "country": uz.pk,
            "status": "in_progress",
            "as_of": "2025-01-15",
            "reported_by": "secretariat",
            "source": "Letter of the ministry",
            "note_en": "Started.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Implementation.objects.get().as_of == datetime.date(2025, 1, 15)
    assert ImplementationReport.objects.get().recorded_by == secretariat
    draft = RecommendationFactory(group=recommendation.group, status="draft", adopted_on=None)
    refused = admin_client.post(
        reverse("admin:workinggroups_implementationreport_add"),
        {
            "recommendation": draft.pk,
            "country": uz.pk,
            "status": "in_progress",
            "as_of": "2025-01-15",
            "reported_by": "secretariat",
        },
    )
    assert refused.status_code == 200
    assert "adopted recommendations only" in refused.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("authors", ["both", "neither"])
def test_a_reservation_recorded_inline_needs_exactly_one_author(admin_client, recommendation, authors):
    kz = CountryFactory(code="KZ")
    unodc = OrganizationFactory(acronym="UNODC")
    url = reverse("admin:workinggroups_recommendation_change", args=[recommendation.pk])
    page = admin_client.get(url)
    prefix, _forms = inline_prefix(page, Reservation)
    row = {"order": "1", "kind": "reservation", "text_en": "We reserve our position.", "is_public": "on"}
    if authors == "both":
        row |= {"country": str(kz.pk), "organization": str(unodc.pk)}
    response = admin_client.post(url, _new_inline_row(change_page_data(page), prefix, **row))
    assert response.status_code == 200
    assert "exactly one of the two" in response.content.decode()
    assert not Reservation.objects.exists()
    row |= {"country": str(kz.pk), "organization": ""}
    response = admin_client.post(url, _new_inline_row(change_page_data(page), prefix, **row))
    assert response.status_code == 302, response.content.decode()[:3000]
    reservation = Reservation.objects.get()
    assert (reservation.author, reservation.is_public, reservation.text_en) == (kz, True, "We reserve our position.")


@pytest.mark.django_db
def test_the_secretariat_records_a_roadmap_with_its_items(admin_client, group_a):
    uz = CountryFactory(code="UZ")
    unoct = OrganizationFactory(acronym="UNOCT")
    meeting = MeetingFactory(body=group_a)
    task = WorkPlanItemFactory(plan__group=group_a)
    response = admin_client.post(
        reverse("admin:workinggroups_roadmap_add"),
        {
            "title_en": "Roadmap 2024–2025",
            "slug": "roadmap-2024-2025",
            "countries": [uz.pk],
            "organizations": [unoct.pk],
            "period_start": "2024-01-01",
            "period_end": "2025-12-31",
            "status": "active",
            "description_en": "Cooperation.",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-order": "1",
            "items-0-title_en": "Launch the Council",
            "items-0-status": "done",
            "items-0-due_year": "2024",
            "items-0-due_quarter": "2",
            "items-0-work_plan_items": [task.pk],
            "items-0-meetings": [meeting.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    roadmap = Roadmap.objects.get()
    item = RoadmapItem.objects.get()
    assert list(roadmap.countries.all()) == [uz] and list(roadmap.organizations.all()) == [unoct]
    assert (item.roadmap, list(item.meetings.all()), list(item.work_plan_items.all())) == (roadmap, [meeting], [task])
    bad = admin_client.post(
        reverse("admin:workinggroups_roadmap_add"),
        {
            "title_en": "Backwards",
            "slug": "backwards",
            "period_start": "2025-01-01",
            "period_end": "2024-01-01",
            "status": "draft",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert bad.status_code == 200
    assert "The period must end after it starts" in bad.content.decode()
