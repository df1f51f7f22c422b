"""Replies from the invitation e-mail: signed one-time links, a confirmation page, never a write on GET."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from meetings import rsvp_links, services
from meetings.models import Level, Participation
from tests.conftest import PERSONAS
from tests.factories import MeetingFactory, MemberFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttle_left_over():
    """Start and end each test with no count of bad links (the cache outlives a test's transaction)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def invitation(group_a, wg_c_member):
    """wg-c, invited to a group-level, hybrid meeting of Working Group (a)."""
    meeting = MeetingFactory(body=group_a, level=Level.GROUP, title_en="Almaty session")
    return ParticipationFactory(meeting=meeting, member=wg_c_member.member)


def _url(participation, reply: str) -> str:
    return f"/en/reply/{rsvp_links.make_token(participation, reply)}/"


def test_the_invitation_email_carries_three_working_reply_links(client, invitation, committed):
    committed(services.send_invitations, meeting=invitation.meeting, by=None)
    (message,) = mail.outbox
    links = re.findall(r"https?://[^/\s]+(/en/reply/[^\s]+/)", message.body)
    assert len(links) == 3
    assert "Accept" in message.body and "Decline" in message.body
    response = client.get(links[2])  # Decline
    assert response.status_code == 200 and "Almaty session" in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_get_shows_one_button_and_writes_nothing(client, invitation, persona, django_assert_max_num_queries):
    if persona.is_authenticated:
        client.force_login(persona)
    response = client.get(_url(invitation, "accept"))
    assert response.status_code == 200
    html = response.content.decode()
    form = html.split('class="rsvp-link"')[1].split("</form>")[0]
    assert form.count('type="submit"') == 1
    assert 'name="mode"' in html  # Hybrid: in person or online?
    assert "secret-room" not in html  # The online link is for the meeting page, signed in.
    assert Participation.objects.get(pk=invitation.pk).rsvp == "pending"


def test_accept_on_post_records_the_reply_once_and_the_link_is_then_used(client, invitation):
    url = _url(invitation, "accept")
    decline_url = _url(invitation, "decline")
    response = client.post(url, {"mode": "online"})
    assert response.status_code == 200 and "your reply is saved" in response.content.decode()
    invitation.refresh_from_db()
    assert (invitation.rsvp, invitation.rsvp_mode) == ("accepted", "online")
    for again in (url, decline_url):
        assert client.post(again, {"mode": "in_person"}).status_code == 410
        response = client.get(again)
        assert response.status_code == 410 and "Almaty" not in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.rsvp == "accepted"


def test_a_reply_the_secretariat_records_in_the_admin_uses_the_links_up(client, invitation):
    url = _url(invitation, "accept")
    # The participants' inline changes the reply alone, as the person told the secretariat by phone.
    Participation.objects.filter(pk=invitation.pk).update(rsvp=Participation.Rsvp.DECLINED)
    assert client.post(url, {"mode": "online"}).status_code == 410
    assert Participation.objects.get(pk=invitation.pk).rsvp == "declined"


def test_accept_without_a_mode_on_a_hybrid_meeting_asks_again(client, invitation):
    response = client.post(_url(invitation, "accept"), {})
    assert response.status_code == 400
    assert Participation.objects.get(pk=invitation.pk).rsvp == "pending"


def test_decline_and_single_mode_meetings_need_no_question(client, invitation):
    assert client.post(_url(invitation, "decline")).status_code == 200
    assert Participation.objects.get(pk=invitation.pk).rsvp == "declined"
    online_only = ParticipationFactory(meeting=MeetingFactory(venue=None), member=MemberFactory())
    html = client.get(_url(online_only, "tentative")).content.decode()
    assert 'name="mode"' not in html
    assert client.post(_url(online_only, "tentative")).status_code == 200
    online_only.refresh_from_db()
    assert (online_only.rsvp, online_only.rsvp_mode) == ("tentative", "online")


def test_a_person_without_an_account_can_reply(client, group_a):
    person = MemberFactory(user=None)
    participation = ParticipationFactory(meeting=MeetingFactory(body=group_a, online_url=""), member=person)
    assert client.post(_url(participation, "accept")).status_code == 200
    participation.refresh_from_db()
    assert (participation.rsvp, participation.rsvp_mode) == ("accepted", "in_person")


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "x" * 300,
        signing.dumps([1, 1, "0", "accept"], salt="another.salt"),
        signing.dumps({"p": 1}, salt=rsvp_links.SALT),
        signing.dumps([1, 1, "0", "maybe"], salt=rsvp_links.SALT),
        "%00%27",
    ],
    ids=["nonsense", "long", "other-salt", "other-shape", "unknown-reply", "quoted"],  # Stable under xdist.
)
def test_a_bad_token_answers_400_without_naming_the_meeting(client, invitation, token):
    for method in (client.get, client.post):
        response = method(f"/en/reply/{token}/")
        assert response.status_code == 400
        assert "Almaty" not in response.content.decode()


def test_a_forged_token_for_another_participation_is_refused(client, invitation):
    token = rsvp_links.make_token(invitation, "accept")
    _payload, rest = token.split(":", 1)
    other = signing.dumps([invitation.pk + 1, invitation.member_id, "0", "accept"], salt=rsvp_links.SALT)
    assert client.get(f"/en/reply/{other.split(':', 1)[0]}:{rest}/").status_code == 400


def test_links_expire_when_the_meeting_ends_is_cancelled_or_the_invitation_is_withdrawn(client, invitation):
    url = _url(invitation, "accept")
    meeting = invitation.meeting
    meeting.status = "cancelled"
    meeting.save(update_fields=["status"])
    assert client.get(url).status_code == 410
    meeting.status = "planned"
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=5)
    meeting.ends_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save(update_fields=["status", "starts_at", "ends_at"])
    assert client.get(url).status_code == 410
    meeting.ends_at = timezone.now() + datetime.timedelta(hours=1)
    meeting.save(update_fields=["ends_at"])
    assert client.get(url).status_code == 200
    invitation.delete()
    response = client.get(url)
    assert response.status_code == 410 and "Almaty" not in response.content.decode()


def test_a_signature_older_than_the_maximum_age_is_expired(client, invitation, monkeypatch):
    url = _url(invitation, "accept")
    monkeypatch.setattr(rsvp_links, "MAX_AGE", datetime.timedelta(seconds=-1))
    assert client.get(url).status_code == 410


def test_a_reply_on_the_meeting_page_uses_up_the_emailed_links(client, invitation, wg_c_member):
    url = _url(invitation, "decline")
    client.force_login(wg_c_member)
    client.post(f"/en/meetings/{invitation.meeting.slug}/rsvp/", {"rsvp": "accepted", "mode": "online"})
    assert client.get(url).status_code == 410


def test_an_address_sending_many_bad_links_is_slowed_down(client, invitation, settings):
    from django.core.cache import cache

    from meetings import reply_views

    cache.clear()
    for _ in range(reply_views.FAILURES_ALLOWED):
        assert client.get("/en/reply/bad/").status_code == 400
    assert client.get("/en/reply/bad-again/").status_code == 429
    # A colleague behind the same office address still replies with a valid link.
    assert client.get(_url(invitation, "accept")).status_code == 200
    cache.clear()


def test_the_page_costs_a_fixed_number_of_queries(client, invitation, django_assert_num_queries):
    # 1: the participation with its meeting, venue, country, body and person.
    with django_assert_num_queries(1):
        assert client.get(_url(invitation, "accept")).status_code == 200


def test_a_meeting_postponed_to_a_date_to_be_announced_shows_no_old_date(client, invitation):
    meeting = invitation.meeting
    type(meeting).objects.filter(pk=meeting.pk).update(status="postponed", date_to_be_announced=True)
    html = client.get(_url(invitation, "decline")).content.decode()
    assert "to be announced" in html
    assert str(meeting.starts_at.year) not in html.split("<main", 1)[-1].split("</dl>", 1)[0]
