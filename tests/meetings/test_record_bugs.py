"""Bugs found on the way to the record (issue #8, point 11)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.forms import DocumentForm
from meetings.models import Document, Level, Minutes
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    RecommendationFactory,
    UserFactory,
)
from workinggroups.models import Membership

pytestmark = pytest.mark.django_db


def test_an_adoption_in_the_future_or_at_a_meeting_not_yet_held_is_refused(group_a):
    held = MeetingFactory(body=group_a, starts_at=timezone.now() - datetime.timedelta(days=10))
    coming = MeetingFactory(body=group_a, starts_at=timezone.now() + datetime.timedelta(days=10))
    recommendation = RecommendationFactory(group=group_a)
    recommendation.adopted_on = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        recommendation.full_clean()
    assert "adopted_on" in error.value.message_dict
    recommendation.adopted_on, recommendation.adopted_at = timezone.localdate(), coming
    with pytest.raises(ValidationError) as error:
        recommendation.full_clean()
    assert "adopted_at" in error.value.message_dict
    recommendation.adopted_on = timezone.localdate(held.starts_at) - datetime.timedelta(days=1)
    recommendation.adopted_at = held
    with pytest.raises(ValidationError):
        recommendation.full_clean()
    recommendation.adopted_on = timezone.localdate(held.starts_at)
    recommendation.full_clean()


def test_circulating_tells_the_secretariat_who_could_not_be_reached(client, secretariat, group_a):
    MembershipFactory(
        group=group_a,
        role=Membership.Role.CHAIR,
        member=MemberFactory(first_name="Nodir", last_name="Noaccount", user=None),
    )
    MembershipFactory(
        group=group_a,
        role=Membership.Role.CO_CHAIR,
        member=MemberFactory(first_name="Aida", last_name="Nomail", email="", user=UserFactory(username="aida")),
    )
    minutes = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.DRAFT)
    client.force_login(secretariat)
    response = client.post(
        reverse("admin:meetings_minutes_changelist"),
        {"action": "circulate", "_selected_action": [minutes.pk]},
        follow=True,
    )
    page = " ".join(str(m) for m in response.context["messages"])
    assert "1 set of minutes circulated." in page
    assert "no chair of the body can be told by e-mail" in page
    assert "Nodir Noaccount (no portal account)" in page
    assert "Aida Nomail (no e-mail address)" in page


def test_choosing_the_original_makes_a_document_a_translation(group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    original = DocumentFactory(meeting=meeting, level=Level.GROUP)
    data = {
        "title": "Перевод",
        "language": "ru",
        "original": original.pk,
        "translation_status": Document.TranslationStatus.ORIGINAL,  # Left as it was.
        "meeting": meeting.pk,
        "level": Level.GROUP,
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = DocumentForm(data, {"file": SimpleUploadedFile("perevod.txt", "Текст".encode())})
    assert form.is_valid(), form.errors
    assert form.save().translation_status == Document.TranslationStatus.TRANSLATED
