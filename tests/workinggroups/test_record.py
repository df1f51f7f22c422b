"""The record of a recommendation: reservations attributed to exactly one author, and implementation over time."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tests.factories import (
    CountryFactory,
    MemberFactory,
    OrganizationFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    report_implementation,
)
from workinggroups import services
from workinggroups.models import Implementation, ImplementationReport, Reservation, Roadmap, WorkPlanItem

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Simultaneous writes need a server database; SQLite writes one at a time."
)


# --- Reservations -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("authors", ["both", "neither"])
def test_a_reservation_has_exactly_one_author_in_the_database(group_a, authors):
    recommendation = RecommendationFactory(group=group_a)
    country = CountryFactory(code="KZ") if authors == "both" else None
    organization = OrganizationFactory() if authors == "both" else None
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(
            recommendation=recommendation, country=country, organization=organization, text="Text."
        )


@pytest.mark.django_db
def test_a_reservation_with_two_authors_gets_a_clear_message(group_a):
    reservation = Reservation(
        recommendation=RecommendationFactory(group=group_a),
        country=CountryFactory(code="KZ"),
        organization=OrganizationFactory(),
        text_en="Text.",
    )
    with pytest.raises(ValidationError) as error:
        reservation.full_clean()
    assert "exactly one of the two" in str(error.value)


@pytest.mark.django_db
def test_only_public_reservations_are_public_and_each_names_its_author(group_a):
    recommendation = RecommendationFactory(group=group_a)
    shown = ReservationFactory(recommendation=recommendation, country=CountryFactory(code="KZ"))
    ReservationFactory(recommendation=recommendation, is_public=False)
    by_organization = ReservationFactory(
        recommendation=recommendation, country=None, organization=OrganizationFactory(acronym="UNODC")
    )
    assert set(Reservation.objects.public()) == {shown, by_organization}
    assert shown.author.code == "KZ"
    assert by_organization.author.acronym == "UNODC"
    assert Reservation._meta.get_field("is_public").default is False  # Said for the record unless made public.


# --- Implementation over time -----------------------------------------------------------


@pytest.fixture
def adopted(group_a):
    return RecommendationFactory(group=group_a, adopted_on=datetime.date(2024, 7, 25))


@pytest.fixture
def uz(db):
    return CountryFactory(code="UZ")


@pytest.mark.django_db
def test_each_report_is_kept_and_the_latest_is_the_current_status(adopted, uz, secretariat):
    first = report_implementation(
        adopted, uz, "not_started", as_of=datetime.date(2024, 9, 1), reported_by="secretariat"
    )
    report_implementation(
        adopted,
        uz,
        "in_progress",
        as_of=datetime.date(2025, 2, 1),
        source="National report",
        source_url="https://example.org/report",
        note={"en": "A programme started.", "ru": "Программа начата."},
        by=secretariat,
    )
    current = Implementation.objects.get(recommendation=adopted, country=uz)
    assert (current.status, current.as_of) == ("in_progress", datetime.date(2025, 2, 1))
    assert (current.note_en, current.note_ru) == ("A programme started.", "Программа начата.")
    history = list(ImplementationReport.objects.filter(recommendation=adopted, country=uz))
    assert [(r.status, r.as_of) for r in history] == [
        ("in_progress", datetime.date(2025, 2, 1)),
        ("not_started", datetime.date(2024, 9, 1)),
    ]
    assert history[0].recorded_by == secretariat
    assert history[1] == first and first.reported_by == "secretariat"


@pytest.mark.django_db
def test_a_late_report_of_an_earlier_day_joins_the_history_without_becoming_current(adopted, uz):
    report_implementation(adopted, uz, "implemented", as_of=datetime.date(2025, 5, 1))
    report_implementation(adopted, uz, "not_started", as_of=datetime.date(2024, 10, 1))
    current = Implementation.objects.get(recommendation=adopted, country=uz)
    assert (current.status, current.as_of) == ("implemented", datetime.date(2025, 5, 1))
    assert ImplementationReport.objects.filter(recommendation=adopted, country=uz).count() == 2


@pytest.mark.django_db
def test_a_correction_is_a_later_report_of_the_same_day(adopted, uz):
    report_implementation(adopted, uz, "implemented", as_of=datetime.date(2025, 5, 1))
    report_implementation(adopted, uz, "in_progress", as_of=datetime.date(2025, 5, 1), source="Corrected")
    assert Implementation.objects.get(recommendation=adopted, country=uz).status == "in_progress"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"as_of": "tomorrow"}, "already past or today"),
        ({"country": "observer"}, "member states"),
        ({"recommendation": "draft"}, "adopted recommendations only"),
        ({"recommendation": "withdrawn"}, "adopted recommendations only"),
        ({"status": "finished"}, "implementation statuses"),
        ({"reported_by": "someone"}, "representative or the secretariat"),
        ({"representative": "other country"}, "does not represent"),
        ({"representative": "with secretariat"}, "only for a report made by the country's representative"),
        ({"note": {"xx": "?"}}, "portal's languages"),
    ],
)
def test_a_report_that_cannot_be_true_is_refused_and_nothing_is_written(adopted, uz, group_a, change, message):
    arguments = {
        "recommendation": adopted,
        "country": uz,
        "status": "in_progress",
        "as_of": datetime.date(2025, 2, 1),
        "reported_by": "representative",
        "source": "",
    }
    value = next(iter(change.values()))
    if isinstance(value, dict):
        arguments |= change
    elif value == "tomorrow":
        arguments["as_of"] = timezone.localdate() + datetime.timedelta(days=1)
    elif value == "observer":
        arguments["country"] = CountryFactory(code="AF", is_member_state=False)
    elif value in {"draft", "withdrawn"}:
        arguments["recommendation"] = RecommendationFactory(group=group_a, status=value, adopted_on=None)
    elif value == "other country":
        arguments["representative"] = MemberFactory(country=CountryFactory(code="KZ"))
    elif value == "with secretariat":
        arguments |= {"representative": MemberFactory(country=uz), "reported_by": "secretariat"}
    else:
        arguments |= change
    with pytest.raises(services.ImplementationReportError) as error:
        services.report_implementation(**arguments)
    assert message in str(error.value.message)
    assert not ImplementationReport.objects.exists()
    assert not Implementation.objects.exists()


@pytest.mark.django_db
def test_a_failure_after_the_report_is_written_leaves_no_report_behind(adopted, uz, monkeypatch):
    report_implementation(adopted, uz, "not_started", as_of=datetime.date(2024, 9, 1))

    def broken_save(*args, **kwargs):
        raise RuntimeError("The disk is full.")

    monkeypatch.setattr(Implementation, "save", broken_save)
    with pytest.raises(RuntimeError):
        report_implementation(adopted, uz, "implemented", as_of=datetime.date(2025, 2, 1))
    assert ImplementationReport.objects.count() == 1
    assert Implementation.objects.get().status == "not_started"


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_reports_are_all_kept_and_the_latest_is_current(group_a):
    recommendation = RecommendationFactory(group=group_a)
    country = CountryFactory(code="UZ")
    days = [datetime.date(2025, 1, 1) + datetime.timedelta(days=n) for n in range(10)]
    barrier = threading.Barrier(len(days))

    def report(day):
        try:
            barrier.wait()
            return report_implementation(recommendation, country, "in_progress", as_of=day)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(days)) as pool:
        list(pool.map(report, days))
    assert ImplementationReport.objects.filter(recommendation=recommendation).count() == len(days)
    current = Implementation.objects.get(recommendation=recommendation, country=country)
    assert current.as_of == days[-1]


# --- Roadmaps --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_drafts_are_not_public_roadmaps_and_periods_read_as_years():
    shown = RoadmapFactory()
    RoadmapFactory(status=Roadmap.Status.DRAFT)
    assert list(Roadmap.objects.public()) == [shown]
    assert shown.years_label == "2024–2025"
    assert RoadmapFactory(period_start=datetime.date(2024, 5, 14)).years_label == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [{"due_quarter": 5}, {"due_year": None, "due_quarter": 2}],
)
def test_a_roadmap_items_due_quarter_is_checked_in_the_database(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoadmapItemFactory(**fields)


@pytest.mark.django_db
def test_a_roadmap_period_ends_after_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoadmapFactory(period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2024, 1, 1))


@pytest.mark.django_db
def test_work_plan_items_of_a_dissolved_body_are_not_public(group_a, group_c):
    from tests.factories import WorkPlanItemFactory

    kept = WorkPlanItemFactory(plan__group=group_a)
    group_c.is_active = False
    group_c.save()
    WorkPlanItemFactory(plan__group=group_c)
    assert list(WorkPlanItem.objects.public()) == [kept]
