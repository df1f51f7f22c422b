"""The members' area: dashboard, the member's meeting page, RSVP, minutes review, logged downloads."""

from __future__ import annotations

import datetime

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import DocumentDownload, Level, Minutes, MinutesComment, Participation
from tests.conftest import PERSONAS
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
)

GROUP_A = {"wg_a_member", "exec_member", "chair", "secretariat"}


@pytest.fixture
def meeting(group_a, wg_a_member):
    """A group (a) meeting at 10:00 Tashkent, to which the member of group (a) is invited."""
    start = datetime.datetime(2030, 3, 5, 5, tzinfo=datetime.UTC)  # 10:00 in Tashkent.
    meeting = MeetingFactory(
        body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + datetime.timedelta(hours=4)
    )
    AgendaItemFactory(meeting=meeting, order=1, minutes_allotted=30, level=Level.GROUP, title="Opening")
    AgendaItemFactory(meeting=meeting, order=2, minutes_allotted=45, level=Level.RESTRICTED, title="HIDDEN-ITEM")
    AgendaItemFactory(meeting=meeting, order=3, minutes_allotted=20, level=Level.GROUP, title="Next steps")
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


def _drain(response) -> None:
    """Read and close a streamed response without letting request_finished close the test's connection."""
    b"".join(response.streaming_content)
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def _login(client: Client, user) -> Client:
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_dashboard_is_for_signed_in_people(client, persona, request):
    name = request.node.callspec.params["persona"]
    response = _login(client, persona).get(reverse("meetings:dashboard"))
    if name == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 200


@pytest.mark.django_db
def test_the_dashboard_shows_my_meetings_replies_tasks_and_what_is_new(client, wg_a_member, meeting):
    ActionItemFactory(
        meeting=meeting, owner=wg_a_member.member, title="Draft the note", due_date=datetime.date(2030, 3, 1)
    )
    ActionItemFactory(meeting=meeting, title="Someone else's task")
    past = MeetingFactory(body=meeting.body, level=Level.GROUP, starts_at=timezone.now() - datetime.timedelta(days=3))
    MinutesFactory(meeting=past, level=Level.GROUP, approved_at=timezone.now())
    html = _login(client, wg_a_member).get(reverse("meetings:dashboard")).content.decode()
    assert html.count(meeting.title) == 1 and "No reply yet" in html  # Not repeated under "other meetings".
    assert "Draft the note" in html and "Someone else" not in html
    assert past.title in html  # Its minutes were approved since the last visit.
    assert "Working Group (a)" in html


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_queries_with_more_data(client, wg_a_member, meeting):
    client = _login(client, wg_a_member)
    client.get(reverse("meetings:dashboard"))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("meetings:dashboard")).status_code == 200
        return len(captured)

    before = count()
    for _ in range(5):
        extra = MeetingFactory(body=meeting.body, level=Level.GROUP)
        ParticipationFactory(meeting=extra, member=wg_a_member.member)
        ActionItemFactory(meeting=extra, owner=wg_a_member.member)
        original = DocumentFactory(meeting=extra, level=Level.GROUP)
        DocumentFactory(
            meeting=extra, level=Level.GROUP, original=original, language="ru", translation_status="translated"
        )
        MeetingFactory(body=meeting.body, level=Level.GROUP)  # Another meeting to follow.
    # Session, user, clearance (3); my invitations (the next one among them), new documents with their meetings
    # (grouped and folded in Python), my actions, other meetings, seats, approved minutes, texts under silence,
    # the next 30 days.
    assert count() == before == 13


def _position(html: str, text: str) -> int:
    assert text in html, text
    return html.index(text)


@pytest.mark.django_db
def test_the_dashboard_answers_my_next_meeting_then_what_to_read_then_what_to_do(client, wg_a_member, meeting):
    later = MeetingFactory(
        body=meeting.body, level=Level.GROUP, starts_at=meeting.starts_at + datetime.timedelta(days=9)
    )
    ParticipationFactory(meeting=later, member=wg_a_member.member)
    DocumentFactory(meeting=meeting, level=Level.GROUP, title="Concept note")
    ActionItemFactory(meeting=meeting, owner=wg_a_member.member, title="Send comments")
    html = _login(client, wg_a_member).get(reverse("meetings:dashboard")).content.decode()
    next_block = _position(html, 'id="next-heading"')
    assert next_block < _position(html, meeting.title) < _position(html, "No reply yet")
    assert _position(html, "No reply yet") < _position(html, f'href="{meeting.get_absolute_url()}#rsvp"')
    assert _position(html, "No reply yet") < _position(html, "Concept note") < _position(html, "Send comments")
    assert _position(html, "Send comments") < _position(html, later.title)  # My later meetings come after.


@pytest.mark.django_db
def test_new_documents_are_grouped_by_meeting_with_language_versions_under_the_original(client, chair, meeting):
    original = DocumentFactory(meeting=meeting, level=Level.GROUP, title="Concept note", language="en")
    DocumentFactory(
        meeting=meeting,
        level=Level.GROUP,
        original=original,
        title="Концепция",
        language="ru",
        translation_status="translated",
    )
    DocumentFactory(
        meeting=meeting,
        level=Level.RESTRICTED,
        original=original,
        title="SECRET-VERSION",
        language="uz",
        translation_status="translated",
    )
    other = MeetingFactory(body=meeting.body, level=Level.GROUP)
    DocumentFactory(meeting=other, level=Level.GROUP, title="Budget")
    html = _login(client, chair).get(reverse("meetings:dashboard")).content.decode()
    assert "SECRET-VERSION" not in html  # Restricted to the participants: the chair of (a) is not one.
    assert html.count('class="doc-group"') == 2
    group = html[_position(html, "Concept note") : _position(html, "Budget")]
    assert "1 other language" in group and "Russian: Концепция" in group
    assert html.count("Концепция") == 1  # Folded under its original, not listed again.


@pytest.mark.django_db
def test_my_actions_come_overdue_first_then_soonest_due_then_undated(client, wg_a_member, meeting):
    today = timezone.localdate()
    ActionItemFactory(meeting=meeting, owner=wg_a_member.member, title="UNDATED")
    ActionItemFactory(meeting=meeting, owner=wg_a_member.member, title="LATER", due_date=today + datetime.timedelta(40))
    ActionItemFactory(meeting=meeting, owner=wg_a_member.member, title="LATE", due_date=today - datetime.timedelta(540))
    html = _login(client, wg_a_member).get(reverse("meetings:dashboard")).content.decode()
    assert _position(html, "LATE<") < _position(html, "LATER") < _position(html, "UNDATED")
    late = html[html.rindex("<li", 0, _position(html, "LATE<")) : _position(html, "LATER")]
    assert "action-list__item--overdue" in late and "Overdue" in late


@pytest.mark.django_db
def test_other_meetings_are_few_with_the_calendar_for_the_rest(client, wg_a_member, meeting):
    for _ in range(6):
        MeetingFactory(body=meeting.body, level=Level.GROUP, title_en="FOLLOWABLE")
    html = _login(client, wg_a_member).get(reverse("meetings:dashboard")).content.decode()
    # Counted below the first screen: the next-30-days strip above names them too.
    assert html.split('id="invitations-heading"')[1].count("FOLLOWABLE") == 4
    assert f'<a href="{reverse("meetings:calendar")}">See all meetings in the calendar</a>' in html


@pytest.mark.django_db
def test_the_member_page_is_a_timetable_that_counts_hidden_items(client, chair, meeting):
    # The chair of group (a) is not a named participant: the restricted item is hidden from them.
    html = _login(client, chair).get(meeting.get_absolute_url()).content.decode()
    assert "HIDDEN-ITEM" not in html
    assert ">10:00</time> <span>Opening" in html
    assert ">11:15</time> <span>Next steps" in html  # 10:00 + 30 + 45 (the hidden item) minutes.
    assert "Group: you are a member of Working Group (a)." in html


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_invited_participants_get_the_online_link_and_the_address(client, persona, meeting, request):
    name = request.node.callspec.params["persona"]
    response = _login(client, persona).get(meeting.get_absolute_url())
    assert response.status_code == (200 if name in GROUP_A else 404)
    html = response.content.decode()
    assert (meeting.online_url in html) is (name in {"wg_a_member", "secretariat"})
    assert (meeting.venue.address in html) is (name == "wg_a_member")


@pytest.mark.django_db
def test_participants_are_listed_without_contact_details(client, exec_member, meeting, wg_a_member):
    html = _login(client, exec_member).get(meeting.get_absolute_url()).content.decode()
    person = wg_a_member.member
    assert person.full_name in html
    assert person.email not in html and person.phone not in html


@pytest.mark.django_db
def test_a_participant_replies_in_one_click_with_or_without_htmx(client, wg_a_member, meeting):
    client = _login(client, wg_a_member)
    url = reverse("meetings:rsvp", args=[meeting.slug])
    response = client.post(url, {"rsvp": "accepted", "mode": "online"})
    assert response.status_code == 302
    participation = Participation.objects.get(meeting=meeting, member=wg_a_member.member)
    assert (participation.rsvp, participation.rsvp_mode) == ("accepted", "online")
    assert participation.rsvp_at is not None

    response = client.post(url, {"rsvp": "declined"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="rsvp"' in html and "<html" not in html and "Declined" in html

    response = client.post(url, {"rsvp": "maybe"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    participation.refresh_from_db()
    assert participation.rsvp == "declined"  # Bad input changed nothing.


@pytest.mark.django_db
def test_replies_are_refused_to_outsiders_after_the_fact_and_without_csrf(wg_a_member, exec_member, meeting):
    url = reverse("meetings:rsvp", args=[meeting.slug])
    outsider = _login(Client(), exec_member)  # May see the meeting, is not invited.
    assert outsider.post(url, {"rsvp": "accepted", "mode": "online"}).status_code == 404
    assert outsider.get(url).status_code == 405
    strict = _login(Client(enforce_csrf_checks=True), wg_a_member)
    assert strict.post(url, {"rsvp": "accepted", "mode": "online"}).status_code == 403
    meeting.status = "cancelled"
    meeting.save()
    member = _login(Client(), wg_a_member)
    member.post(url, {"rsvp": "accepted", "mode": "online"})
    assert Participation.objects.get(meeting=meeting, member=wg_a_member.member).rsvp == "pending"


@pytest.mark.django_db
def test_the_chair_comments_on_and_approves_circulated_minutes(client, chair, wg_a_member, meeting):
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, level=Level.GROUP)
    # A member who is not a chair neither sees the draft nor may act on it.
    member = _login(Client(), wg_a_member)
    assert "The meeting agreed." not in member.get(meeting.get_absolute_url()).content.decode()
    assert member.post(reverse("meetings:minutes_approve", args=[meeting.slug])).status_code == 404

    client = _login(client, chair)
    assert "Approve these minutes" in client.get(meeting.get_absolute_url()).content.decode()
    client.post(reverse("meetings:minutes_comment", args=[meeting.slug]), {"text": "Add the date of the next meeting."})
    assert MinutesComment.objects.get().version == minutes.version
    client.post(reverse("meetings:minutes_comment", args=[meeting.slug]), {"text": "   "})
    assert MinutesComment.objects.count() == 1  # An empty comment is refused with a message.
    client.post(reverse("meetings:minutes_approve", args=[meeting.slug]))
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED and minutes.approved_by == chair
    # Now members read them.
    assert "The meeting agreed." in member.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_downloads_of_group_and_restricted_documents_are_logged(client, wg_a_member, meeting):
    group_doc = DocumentFactory(meeting=meeting, level=Level.GROUP)
    public_doc = DocumentFactory(meeting=MeetingFactory(body=meeting.body, level=Level.PUBLIC), level=Level.PUBLIC)
    client = _login(client, wg_a_member)
    for document in (group_doc, public_doc):
        response = client.get(document.get_absolute_url())
        assert response.status_code == 200
        _drain(response)
    log = list(DocumentDownload.objects.values_list("document_id", "user_id"))
    assert log == [(group_doc.pk, wg_a_member.pk)]


@pytest.mark.django_db
def test_translations_stand_beside_their_original(client, wg_a_member, meeting):
    original = DocumentFactory(meeting=meeting, level=Level.GROUP, title="Concept note", language="en")
    DocumentFactory(
        meeting=meeting,
        level=Level.GROUP,
        title="Концепция",
        language="ru",
        original=original,
        translation_status="pending",
    )
    html = _login(client, wg_a_member).get(meeting.get_absolute_url()).content.decode()
    assert "Translation:" in html and "Translation pending" in html
    assert html.count('class="document-row"') == 1
