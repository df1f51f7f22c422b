"""RSVP for everyone: the buttons say which reply is saved, and the result is what gets focus."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from meetings.models import Level, Participation
from tests.factories import MeetingFactory, ParticipationFactory

CHOICES = ("accepted", "tentative", "declined")


@pytest.fixture
def meeting(group_a, wg_a_member):
    start = datetime.datetime(2030, 3, 5, 5, tzinfo=datetime.UTC)
    meeting = MeetingFactory(
        body=group_a, level=Level.GROUP, starts_at=start, ends_at=start + datetime.timedelta(hours=4)
    )
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    return meeting


def _pressed(html: str) -> dict[str, str]:
    buttons = re.findall(r'<button type="submit" name="rsvp" value="(\w+)"[^>]*aria-pressed="(true|false)"', html)
    return dict(buttons)


@pytest.mark.django_db
@pytest.mark.parametrize("saved", ["pending", *CHOICES])
def test_aria_pressed_reflects_the_saved_reply(client, wg_a_member, meeting, saved):
    Participation.objects.filter(meeting=meeting).update(rsvp=saved, rsvp_mode="online")
    client.force_login(wg_a_member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert _pressed(html) == {value: "true" if value == saved else "false" for value in CHOICES}
    assert html.count("rsvp__check") == (0 if saved == "pending" else 1)  # Not colour alone.
    assert 'role="group" aria-label="Reply to the invitation"' in html
    assert 'id="rsvp-live"' in html and 'aria-live="polite"' in html
    assert 'id="rsvp-result" class="rsvp__state" role="status" tabindex="-1">' in html
    assert "btn-success" not in html.split('id="rsvp"')[1].split("</section>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("reply", CHOICES)
def test_the_htmx_reply_returns_the_block_with_the_new_state(client, wg_a_member, meeting, reply):
    client.force_login(wg_a_member)
    url = reverse("meetings:rsvp", args=[meeting.slug])
    response = client.post(url, {"rsvp": reply, "mode": "online"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="rsvp-result"' in html
    assert _pressed(html) == {value: "true" if value == reply else "false" for value in CHOICES}
    label = dict(Participation.Rsvp.choices)[reply]
    mode = "" if reply == "declined" else " (online)"  # A decline has no mode (the service's policy).
    assert f"Your reply: <strong>{label}</strong>{mode}</p>" in html


@pytest.mark.django_db
def test_without_javascript_the_reply_redirects_to_the_result(client, wg_a_member, meeting):
    client.force_login(wg_a_member)
    url = reverse("meetings:rsvp", args=[meeting.slug])
    response = client.post(url, {"rsvp": "tentative", "mode": "in_person"})
    # The fragment is the result itself: focusable (tabindex=-1), so the browser focuses it on arrival.
    assert response.status_code == 302 and response["Location"].endswith("#rsvp-result")
    html = client.get(response["Location"]).content.decode()
    assert 'id="rsvp-result" class="rsvp__state" role="status" tabindex="-1">' in html
    assert "Your reply: <strong>Tentative</strong> (in person)</p>" in html
    assert _pressed(html)["tentative"] == "true"


@pytest.mark.django_db
def test_a_refused_reply_is_not_focused_as_a_success(client, wg_a_member, meeting):
    client.force_login(wg_a_member)
    url = reverse("meetings:rsvp", args=[meeting.slug])
    response = client.post(url, {"rsvp": "maybe"})
    assert response["Location"].endswith("#rsvp")  # To the block, not to a result.
    assert "Choose a reply." in client.get(response["Location"]).content.decode()
