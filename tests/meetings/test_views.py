"""Meeting pages, summaries and downloads: access per persona, leaks, and flat query counts."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from meetings.models import Level
from tests.conftest import PERSONAS
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
    PublicSummaryFactory,
)

GROUP_A = {"wg_a_member", "exec_member", "chair", "secretariat"}


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.fixture
def group_meeting(group_a):
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, title="Group (a) planning")
    AgendaItemFactory(meeting=meeting, level=Level.GROUP, title="Open item")
    AgendaItemFactory(meeting=meeting, level=Level.RESTRICTED, title="MARKER-RESTRICTED-ITEM")
    return meeting


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_a_group_meeting_page_answers_only_its_group(client, persona, group_meeting, request):
    name = request.node.callspec.params["persona"]
    response = _client_for(client, persona).get(group_meeting.get_absolute_url())
    assert response.status_code == (200 if name in GROUP_A else 404)
    if response.status_code == 200:
        body = response.content.decode()
        assert "Open item" in body
        # A restricted item with no participants is the secretariat's alone.
        assert ("MARKER-RESTRICTED-ITEM" in body) is (name == "secretariat")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_online_link_and_address_go_only_to_invited_participants(client, persona, group_a, request):
    name = request.node.callspec.params["persona"]
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    body = _client_for(client, persona).get(meeting.get_absolute_url()).content.decode()
    assert (meeting.online_url in body) is (name == "secretariat")
    assert meeting.venue.address not in body  # Nobody here is a participant.


@pytest.mark.django_db
def test_the_meeting_page_costs_the_same_queries_with_more_data(
    client, wg_a_member, group_meeting, django_assert_num_queries
):
    client.force_login(wg_a_member)
    url = group_meeting.get_absolute_url()
    client.get(url)  # Warm the session.

    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    for _ in range(5):
        AgendaItemFactory(meeting=group_meeting, level=Level.COUNCIL)
        DocumentFactory(meeting=group_meeting, level=Level.GROUP)
    MinutesFactory(meeting=group_meeting)
    # Session + user (2), clearance (3), the meeting, agenda, organisations, documents, minutes (5),
    # my invitation, the timetable's lengths, participants, my action items, matters arising (5).
    assert queries() == before == 15


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_a_restricted_document_downloads_only_for_participants(client, persona, group_a, chair, request, caplog):
    name = request.node.callspec.params["persona"]
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC)
    ParticipationFactory(meeting=meeting, member=chair.member)
    document = DocumentFactory(meeting=meeting, level=Level.RESTRICTED)
    with caplog.at_level(logging.INFO, logger="rec_portal.audit"):
        response = _client_for(client, persona).get(document.get_absolute_url())
    allowed = name in {"chair", "secretariat"}
    assert response.status_code == (200 if allowed else 404)
    if allowed:
        assert b"".join(response.streaming_content) == b"document body"
        response.close()
        assert response["Cache-Control"] == "private, no-store"
        assert "attachment" in response["Content-Disposition"]
        assert str(document.uuid) in caplog.text
    else:
        assert "document download" not in caplog.text


@pytest.mark.django_db
def test_a_public_document_downloads_for_anyone_without_an_audit_line(client, group_a, caplog):
    document = DocumentFactory(meeting=MeetingFactory(body=group_a, level=Level.PUBLIC), level=Level.PUBLIC)
    with caplog.at_level(logging.INFO, logger="rec_portal.audit"):
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    response.close()
    assert "document download" not in caplog.text


@pytest.mark.django_db
def test_a_document_whose_file_vanished_answers_404(client, secretariat, group_a):
    document = DocumentFactory(meeting=MeetingFactory(body=group_a), level=Level.GROUP)
    document.file.delete(save=False)
    client.force_login(secretariat)
    assert client.get(document.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_published_summaries_are_public_and_drafts_are_the_secretariats(client, persona, request):
    name = request.node.callspec.params["persona"]
    published = PublicSummaryFactory()
    draft = PublicSummaryFactory(status="draft")
    c = _client_for(client, persona)
    assert c.get(published.get_absolute_url()).status_code == 200
    assert c.get(draft.get_absolute_url()).status_code == (200 if name == "secretariat" else 404)


@pytest.mark.django_db
def test_malformed_identifiers_answer_404(client):
    assert client.get("/en/documents/not-a-uuid/").status_code == 404
    assert client.get("/en/meetings/" + "x" * 500 + "/").status_code == 404
    assert (
        client.get(reverse("meetings:document", kwargs={"uuid": "00000000-0000-0000-0000-000000000000"})).status_code
        == 404
    )


@pytest.mark.django_db
def test_meeting_pages_refuse_writes(client, secretariat, group_meeting):
    client.force_login(secretariat)
    assert client.post(group_meeting.get_absolute_url()).status_code == 405
