"""The demo's data files are checked as they are read and name only records they hold."""

from __future__ import annotations

import pytest
from django.conf import settings
from pydantic import ValidationError

from demo.specs import DemoData, MeetingSpec, columns, fill, load

MEETING = {
    "slug": "sample-meeting",
    "title": {"en": "[Sample] A meeting"},
    "body": "working-group-a",
    "kind": "regular",
    "status": "held",
    "level": "council",
    "days_from_today": -3,
    "start": "10:00",
    "end": "12:00",
}


def test_the_data_files_name_only_records_they_hold():
    data = load()
    bodies = {body.slug for body in data.bodies}
    people = {person.key for person in data.people} | {a.person.key for a in data.accounts if a.person}
    organizations = {organization.slug for organization in data.organizations}
    meetings = {meeting.slug for meeting in data.meetings}
    for meeting in data.meetings:
        assert meeting.body is None or meeting.body in bodies, meeting.slug
        assert meeting.venue is None or meeting.venue in data.venues, meeting.slug
        assert set(meeting.participants or ()) <= people, meeting.slug
        assert {action.owner for action in meeting.actions} <= people, meeting.slug
        assert {*meeting.organisers, *meeting.attending} <= organizations, meeting.slug
        titles = {document.title for document in meeting.documents}
        assert {d.translation_of for d in meeting.documents if d.translation_of} <= titles, meeting.slug
    assert {item for items in data.work_plans.values() for plan in items for item in plan.meetings} <= meetings
    assert {r.adopted_at for r in data.recommendations if r.adopted_at} <= meetings
    assert {person.organization for person in data.people if person.organization} <= organizations
    # The record: reservations, histories of implementation and roadmaps.
    countries = {country.code for country in data.countries}
    states = set(data.member_states)
    adopted = {r.code for r in data.recommendations if r.adopted_at}
    reservations = [reservation for r in data.recommendations for reservation in r.reservations]
    assert {reservation.country for reservation in reservations if reservation.country} <= countries
    assert {reservation.organization for reservation in reservations if reservation.organization} <= organizations
    assert set(data.implementation_histories) <= adopted
    assert {code for history in data.implementation_histories.values() for code in history} <= states
    for roadmap in data.roadmaps:
        assert set(roadmap.countries) <= countries and set(roadmap.organizations) <= organizations, roadmap.slug
        for item in roadmap.items:
            assert set(item.meetings) <= meetings, roadmap.slug
            for task in item.tasks:
                assert 1 <= task.item <= len(data.work_plans[task.body]), (roadmap.slug, task)

    codes = {recommendation.code for recommendation in data.recommendations}
    for silence in data.silence_procedures:
        assert silence.minutes_of is None or silence.minutes_of in meetings, silence
        assert silence.recommendation is None or silence.recommendation in codes, silence
        assert silence.broken_by is None or silence.broken_by in people, silence
    for forward in data.forwarded_matters:
        assert {forward.item_of, forward.placed_on or forward.item_of} <= meetings, forward


def test_a_reservation_is_by_a_country_or_an_organisation_not_both():
    from demo.specs import ReservationSpec

    text = {"text": {"en": "Sample reservation."}, "public": True}
    ReservationSpec.model_validate({**text, "country": "KZ"})
    for authors in ({}, {"country": "KZ", "organization": "unicef"}):
        with pytest.raises(ValidationError, match="either a country or an organization"):
            ReservationSpec.model_validate({**text, **authors})


def test_a_misspelt_key_an_unquoted_time_or_two_dates_are_refused():
    MeetingSpec.model_validate(MEETING)
    for wrong in ({"strat": "10:00"}, {"start": 600}, {"date": "2024-05-14"}, {"level": None}):
        with pytest.raises(ValidationError):
            MeetingSpec.model_validate({**MEETING, **wrong})


def test_a_text_needs_english_and_only_content_languages():
    with pytest.raises(ValidationError, match="text is missing"):
        MeetingSpec.model_validate({**MEETING, "title": {"ru": "Заседание"}})
    with pytest.raises(ValidationError, match="not a content language"):
        MeetingSpec.model_validate({**MEETING, "title": {"en": "A meeting", "de": "Eine Sitzung"}})


def test_paragraphs_are_joined_and_untranslated_languages_are_empty_columns():
    meeting = MeetingSpec.model_validate({**MEETING, "description": {"en": ["One.", "Two."]}})
    assert columns(description=meeting.description) == {
        f"description_{language}": "One.\n\nTwo." if language == "en" else None
        for language in settings.MODELTRANSLATION_LANGUAGES
    }
    assert columns(description={}) == {
        f"description_{language}": "" if language == "en" else None for language in settings.MODELTRANSLATION_LANGUAGES
    }
    assert fill({"en": "[Sample] {topic}", "ru": "[Пример] {topic}"}, "topic", {"en": "Schools"}) == {
        "en": "[Sample] Schools"
    }


def _levels(data: DemoData, **meeting) -> list[str]:
    return [item.level for item in data.agenda_of(MeetingSpec.model_validate({**MEETING, **meeting}))]


def test_a_sample_agenda_is_never_more_open_than_the_meeting():
    data = load()
    topic = {"sample_agenda": {"topic": {"en": "Schools", "ru": "Школы"}}}
    assert _levels(data, level="public", **topic) == ["public", "public", "council", "group", "public"]
    assert _levels(data, level="group", **topic) == ["group", "group", "group", "group", "group"]
    # A plenary has no body, so it has no Group item; only a closed session has the Restricted one.
    assert _levels(data, level="public", body=None, **topic) == ["public", "public", "council", "public"]
    closed = {"sample_agenda": {"topic": {"en": "Cases"}, "closed_session": True}}
    assert _levels(data, level="council", **closed) == [
        "council",
        "council",
        "council",
        "group",
        "restricted",
        "council",
    ]
    agenda = data.agenda_of(MeetingSpec.model_validate({**MEETING, **topic}))
    assert agenda[1].title == {"en": "[Sample] Schools", "ru": "[Пример] Школы"}  # Not translated into Uzbek.
