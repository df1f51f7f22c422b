"""Public summaries are prepared from approved minutes, reviewed, redacted and only then published."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import Level, Minutes, PublicSummary, Redaction
from tests.admin_forms import change_page_data
from tests.factories import MeetingFactory, MinutesFactory, PublicSummaryFactory

pytestmark = pytest.mark.django_db

NAME = "Rustam Karimov-Example"
CASE = "case file 2024/117 of the Tashkent court"
TAKEN = (
    f"The group heard {NAME} on the reintegration programme.\n"
    f"It discussed {CASE} and agreed to share good practice on family support."
)


@pytest.fixture
def minutes(group_a, secretariat):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, title="Working Group (a), third meeting")
    minutes = MinutesFactory(meeting=meeting, text=TAKEN, status=Minutes.Status.APPROVED)
    Redaction.objects.create(minutes=minutes, passage=NAME, reason="Name of an individual", marked_by=secretariat)
    Redaction.objects.create(minutes=minutes, passage=CASE, reason="Case details", marked_by=secretariat)
    return minutes


def test_a_summary_starts_from_approved_minutes_with_the_marked_passages_redacted(minutes, secretariat):
    summary = services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    assert (summary.status, summary.source_minutes, summary.meeting) == ("draft", minutes, minutes.meeting)
    assert summary.title == "Working Group (a), third meeting"
    assert NAME not in summary.text and CASE not in summary.text
    assert summary.text.count("[…]") == 2
    assert "agreed to share good practice on family support" in summary.text
    assert summary.history.latest().history_change_reason == "prepared from the approved minutes"


def test_only_approved_minutes_and_one_summary_a_meeting(group_a, minutes, secretariat):
    circulated = MinutesFactory(meeting=MeetingFactory(body=group_a), status=Minutes.Status.CIRCULATED)
    with pytest.raises(services.WorkflowError):
        services.prepare_summary_from_minutes(minutes=circulated, by=secretariat)
    services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    with pytest.raises(services.WorkflowError):
        services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)


@pytest.mark.parametrize(
    "sneaked",
    [NAME, NAME.upper(), "Rustam   Karimov-Example", "Rustam\nKarimov-Example"],
)
def test_a_marked_passage_in_any_form_stops_the_review(minutes, secretariat, sneaked):
    summary = services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    PublicSummary.objects.filter(pk=summary.pk).update(text_ru=f"Группа заслушала {sneaked}.")
    summary.refresh_from_db()
    with pytest.raises(services.WorkflowError, match="marked for redaction"):
        services.review_summary(summary=summary, by=secretariat)


def test_draft_reviewed_published_with_the_reviewer_recorded(minutes, secretariat, django_user_model):
    reviewer = django_user_model.objects.create_user("reviewer", is_staff=True)
    summary = services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    with pytest.raises(services.WorkflowError, match="reviewed before"):
        services.publish_summary(summary=summary, by=secretariat)
    summary = services.review_summary(summary=summary, by=reviewer)
    assert (summary.status, summary.reviewed_by) == ("reviewed", reviewer)
    summary = services.publish_summary(summary=summary, by=secretariat)
    assert summary.status == "published"
    assert PublicSummary.objects.published().filter(pk=summary.pk).exists()


def test_publishing_before_the_minutes_are_approved_needs_a_recorded_reason(group_a, secretariat):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)
    summary = PublicSummaryFactory(meeting=meeting, status="reviewed")
    with pytest.raises(services.WorkflowError, match="not approved yet"):
        services.publish_summary(summary=summary, by=secretariat)
    summary = services.publish_summary(summary=summary, by=secretariat, reason="The press release is due today.")
    assert summary.early_publication_reason == "The press release is due today."
    assert summary.status == "published"


def test_editing_a_reviewed_text_sends_it_back_for_review(client, secretariat, minutes):
    summary = services.review_summary(
        summary=services.prepare_summary_from_minutes(minutes=minutes, by=secretariat), by=secretariat
    )
    client.force_login(secretariat)
    url = reverse("admin:meetings_publicsummary_change", args=[summary.pk])
    data = change_page_data(client.get(url)) | {"text_en": "A new text for the public."}
    assert client.post(url, data).status_code == 302
    summary.refresh_from_db()
    assert (summary.status, summary.text_en) == ("draft", "A new text for the public.")


def test_a_published_summary_cannot_take_in_a_marked_passage(client, secretariat, minutes):
    summary = services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    summary = services.publish_summary(summary=services.review_summary(summary=summary, by=secretariat), by=secretariat)
    client.force_login(secretariat)
    url = reverse("admin:meetings_publicsummary_change", args=[summary.pk])
    response = client.post(url, change_page_data(client.get(url)) | {"text_uz": f"Guruh {NAME}ni tingladi."})
    assert response.status_code == 200
    assert "marked for redaction" in response.content.decode()
    summary.refresh_from_db()
    assert NAME not in (summary.text_uz or "")


def test_the_public_never_reads_a_marked_passage(minutes, secretariat):
    summary = services.prepare_summary_from_minutes(minutes=minutes, by=secretariat)
    services.publish_summary(summary=services.review_summary(summary=summary, by=secretariat), by=secretariat)
    for url in (summary.get_absolute_url(), "/en/summaries/", "/en/summaries/feed/", "/api/v1/summaries"):
        body = Client().get(url).content.decode()
        assert NAME not in body and CASE not in body, url


def test_passages_are_marked_on_frozen_minutes_without_changing_them(client, secretariat, minutes):
    client.force_login(secretariat)
    url = reverse("admin:meetings_minutes_change", args=[minutes.pk])
    data = change_page_data(client.get(url))
    data |= {
        "redactions-2-passage": "family support",
        "redactions-2-reason": "Too early",
        "redactions-TOTAL_FORMS": "3",
    }
    assert client.post(url, data).status_code == 302
    added = Redaction.objects.get(passage="family support")
    assert added.marked_by == secretariat
    minutes.refresh_from_db()
    assert minutes.text == TAKEN


def test_the_secretariat_prepares_the_summary_from_the_minutes_list(client, secretariat, minutes):
    client.force_login(secretariat)
    response = client.post(
        reverse("admin:meetings_minutes_changelist"),
        {"action": "prepare_summary", "_selected_action": [minutes.pk]},
    )
    summary = PublicSummary.objects.get(meeting=minutes.meeting)
    assert response["Location"] == reverse("admin:meetings_publicsummary_change", args=[summary.pk])
    page = client.get(response["Location"]).content.decode()
    assert "No passage marked for redaction" in page
