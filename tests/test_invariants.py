"""Site-wide invariants: migrations, database constraints, model conventions."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.functional import Promise

from meetings.models import Level
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    ParticipationFactory,
    WorkingGroupFactory,
)
from workinggroups.models import WorkingGroup

OUR_APPS = {"accounts", "members", "workinggroups", "meetings", "news"}


@pytest.mark.django_db
def test_there_are_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_model_has_a_translated_name_a_docstring_and_an_ordering():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or model.__name__.startswith("Historical"):
            continue
        assert model.__doc__ and not model.__doc__.startswith(model.__name__ + "("), model
        assert model._meta.ordering, model
        assert isinstance(model._meta.verbose_name, Promise), model  # Marked for translation.
        assert model.__str__ is not Model.__str__, model


def _refused(factory, **kwargs) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


@pytest.mark.django_db
def test_a_meeting_must_end_after_it_starts(group_a):
    start = timezone.now()
    _refused(MeetingFactory, body=group_a, starts_at=start, ends_at=start)


@pytest.mark.django_db
def test_agenda_order_is_unique_per_meeting(group_a):
    meeting = MeetingFactory(body=group_a)
    AgendaItemFactory(meeting=meeting, order=1)
    _refused(AgendaItemFactory, meeting=meeting, order=1)
    AgendaItemFactory(meeting=MeetingFactory(body=group_a), order=1)  # Another meeting may reuse it.


@pytest.mark.django_db
def test_a_meeting_has_one_set_of_minutes(group_a):
    meeting = MeetingFactory(body=group_a)
    MinutesFactory(meeting=meeting)
    _refused(MinutesFactory, meeting=meeting)


@pytest.mark.django_db
def test_approved_minutes_carry_their_approval_time(group_a):
    _refused(MinutesFactory, meeting=MeetingFactory(body=group_a), status="approved", approved_at=None)


@pytest.mark.django_db
def test_a_person_is_invited_once_per_meeting(group_a):
    participation = ParticipationFactory(meeting=MeetingFactory(body=group_a))
    _refused(ParticipationFactory, meeting=participation.meeting, member=participation.member)


@pytest.mark.django_db
def test_group_level_needs_a_body():
    _refused(MeetingFactory, body=None, level=Level.GROUP)


@pytest.mark.django_db
def test_restricted_documents_belong_to_a_meeting():
    _refused(DocumentFactory, meeting=None, level=Level.RESTRICTED)


@pytest.mark.django_db
def test_a_translation_names_its_original(group_a):
    _refused(DocumentFactory, meeting=MeetingFactory(body=group_a), translation_status="translated", original=None)


@pytest.mark.django_db
def test_there_is_one_executive_committee_and_letters_are_unique(executive, group_a):
    _refused(WorkingGroupFactory, slug="second-exec", name="Another", letter="", kind=WorkingGroup.Kind.EXECUTIVE)
    _refused(WorkingGroupFactory, slug="another-a", name="Another (a)", letter="a")
    _refused(WorkingGroupFactory, slug="bad-letter", name="Bad", letter="", kind=WorkingGroup.Kind.WORKING_GROUP)


@pytest.mark.django_db
def test_a_membership_term_cannot_end_before_it_starts(group_a):
    _refused(MembershipFactory, group=group_a, start_date=datetime.date(2025, 1, 2), end_date=datetime.date(2025, 1, 1))


@pytest.mark.django_db
def test_meeting_times_are_aware_and_shown_in_the_meetings_zone(group_a):
    meeting = MeetingFactory(
        body=group_a, starts_at=datetime.datetime(2024, 5, 14, 5, tzinfo=datetime.UTC), time_zone="Asia/Tashkent"
    )
    assert meeting.local_starts_at.hour == 10
    assert str(meeting.local_starts_at.tzinfo) == "Asia/Tashkent"
