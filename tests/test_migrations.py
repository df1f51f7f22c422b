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
