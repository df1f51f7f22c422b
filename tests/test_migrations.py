"""Migrations upgrade a database that already holds data (the first deployment's schema)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_TRANSLATIONS = [
    ("members", "0001_initial"),
    ("workinggroups", "0002_pillars_and_themes"),
    ("meetings", "0002_initial"),
    ("accounts", "0001_initial"),
]


@pytest.mark.django_db(transaction=True)
def test_texts_written_before_translation_move_to_english():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_TRANSLATIONS)
    old = executor.loader.project_state(BEFORE_TRANSLATIONS).apps
    country = old.get_model("members", "Country").objects.create(code="UZ", name="Uzbekistan", is_member_state=True)
    old.get_model("members", "Organization").objects.create(
        name="Institute", slug="institute", kind="academic", country=country
    )
    group = old.get_model("workinggroups", "WorkingGroup").objects.create(
        kind="working_group", letter="a", name="Working Group (a)", short_name="WG (a)", slug="wg-a", mandate="Law."
    )
    start = datetime.datetime(2024, 5, 14, 5, tzinfo=datetime.UTC)
    old.get_model("meetings", "Meeting").objects.create(
        title="First meeting",
        slug="first",
        body=group,
        level="public",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=6),
        time_zone="Asia/Tashkent",
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from meetings.models import Meeting
    from members.models import Organization
    from workinggroups.models import WorkingGroup

    assert Meeting.objects.get(slug="first").title_en == "First meeting"
    assert WorkingGroup.objects.get(slug="wg-a").mandate_en == "Law."
    assert Organization.objects.get(slug="institute").name_en == "Institute"


BEFORE_HISTORIES = [("workinggroups", "0005_fill_english")]


@pytest.mark.django_db(transaction=True)
def test_each_status_recorded_before_histories_gets_its_first_report():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_HISTORIES)
    old = executor.loader.project_state(BEFORE_HISTORIES).apps
    kz = old.get_model("members", "Country").objects.create(code="KZ", name="Kazakhstan", is_member_state=True)
    uz = old.get_model("members", "Country").objects.create(code="UZ", name="Uzbekistan", is_member_state=True)
    group = old.get_model("workinggroups", "WorkingGroup").objects.create(
        kind="working_group", letter="a", name="Working Group (a)", short_name="WG (a)", slug="wg-a"
    )
    recommendation = old.get_model("workinggroups", "Recommendation").objects.create(
        group=group, code="REC-A-1", title="Advice", text="Text.", status="adopted", adopted_on="2024-07-25"
    )
    implementation = old.get_model("workinggroups", "Implementation")
    implementation.objects.create(
        recommendation=recommendation, country=kz, status="implemented", note_en="Done.", note_ru="Сделано."
    )
    implementation.objects.create(recommendation=recommendation, country=uz, status="in_progress")
    # Changed late on 31 December in UTC: already 1 January in Tashkent, the Council's zone.
    implementation.objects.filter(country=uz).update(
        updated_at=datetime.datetime(2024, 12, 31, 21, tzinfo=datetime.UTC)
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from workinggroups.models import Implementation, ImplementationReport

    assert ImplementationReport.objects.count() == Implementation.objects.count() == 2
    for current in Implementation.objects.all():
        [report] = ImplementationReport.objects.filter(recommendation=current.recommendation, country=current.country)
        assert (report.status, report.as_of, report.note_en, report.note_ru) == (
            current.status,
            current.as_of,
            current.note_en,
            current.note_ru,
        )
        assert report.reported_by == "secretariat"
    assert Implementation.objects.get(country__code="UZ").as_of == datetime.date(2025, 1, 1)
    assert ImplementationReport.objects.get(country__code="KZ").note_ru == "Сделано."
