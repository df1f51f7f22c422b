"""Audit you can read: each record's history page shows who changed what and when, texts whole, as diffs."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Minutes
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    RecommendationFactory,
)
from workinggroups.models import Implementation

pytestmark = pytest.mark.django_db

LONG = " ".join(f"word{n}" for n in range(120))  # Far over the 100 characters simple-history cuts at.


def _history(client, model, obj) -> str:
    return client.get(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[obj.pk])
    ).content.decode()


def test_an_empty_field_reads_as_empty_not_as_a_deleted_user(client, secretariat, chair, group_a):
    minutes = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.CIRCULATED)
    services.approve_minutes(minutes=minutes, by=chair)
    client.force_login(secretariat)
    page = _history(client, Minutes, minutes)
    assert "Deleted user" not in page and "pk=None" not in page
    assert "Approved by:</strong>\n    — &rarr; chair-a" in page
    assert "+00:00" not in page  # Times are shown as people read them, in the portal's zone.
    assert ">chair-a<" in page  # Who approved is named in the "changed by" column.


def test_a_long_text_change_is_shown_whole_as_a_word_diff(client, secretariat, group_a):
    minutes = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.DRAFT, text=LONG)
    minutes.text = LONG.replace("word117", "corrected117")
    minutes.save()
    client.force_login(secretariat)
    page = _history(client, Minutes, minutes)
    assert "word117" in page and "corrected117" in page  # Nothing cut at 100 or 270 characters.
    assert "<del>" in page and "<ins>" in page


@pytest.mark.parametrize("kind", ["recommendation", "implementation", "document", "membership", "body"])
def test_recommendations_statuses_documents_memberships_and_bodies_keep_a_history(
    client, secretariat, group_a, wg_a_member, kind
):
    from tests.factories import CountryFactory

    recommendation = RecommendationFactory(group=group_a)
    obj, field, value = {
        "recommendation": (recommendation, "text_en", "A clearer text."),
        "implementation": (
            Implementation.objects.create(
                recommendation=recommendation, country=CountryFactory(code="KG"), as_of=datetime.date(2025, 1, 1)
            ),
            "status",
            Implementation.Status.IN_PROGRESS,
        ),
        "document": (DocumentFactory(meeting=MeetingFactory(body=group_a)), "title", "Renamed paper"),
        "membership": (MembershipFactory(group=group_a), "role", "co_chair"),
        "body": (group_a, "letter", "e"),
    }[kind]
    setattr(obj, field, value)
    obj.save()
    assert obj.history.count() >= 2
    client.force_login(secretariat)
    page = _history(client, type(obj), obj)
    assert "<li><strong>" in page  # The change is listed, readably.
