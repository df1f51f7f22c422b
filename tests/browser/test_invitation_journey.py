"""Replies from the invitation e-mail and an invited member of another body, in a real browser (EN and RU)."""

from __future__ import annotations

import pytest

from meetings import rsvp_links
from meetings.models import Level, Participation
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_accessibility import CONTRAST_SCRIPT, UNLABELED_SCRIPT
from tests.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory, VenueFactory

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}


@pytest.fixture
def invitation(group_a, wg_c_member):
    venue = VenueFactory(name="Rixos", city="Almaty", time_zone="Asia/Almaty")
    meeting = MeetingFactory(
        body=group_a,
        level=Level.GROUP,
        title_en="Working group session in Almaty",
        title_ru="Заседание в Алматы",
        venue=venue,
        time_zone="Asia/Almaty",
    )
    AgendaItemFactory(meeting=meeting, level=Level.GROUP, title_en="Psychosocial support in schools")
    return ParticipationFactory(meeting=meeting, member=wg_c_member.member)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_a_reply_link_confirms_then_records_and_is_then_used(live_server, browser, invitation, language, size):
    context = browser.new_context(viewport=SIZES[size], locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    url = f"{live_server.url}/{language}/reply/{rsvp_links.make_token(invitation, 'accept')}/"
    page.goto(url)
    assert page.evaluate(CONTRAST_SCRIPT) == []
    assert page.evaluate(UNLABELED_SCRIPT) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _shot(page, f"rsvp-link-confirm-{language}-{size}")
    assert Participation.objects.get(pk=invitation.pk).rsvp == "pending"  # Opening the link wrote nothing.
    page.locator("form.rsvp-link input[value=online]").check()
    page.locator("form.rsvp-link button[type=submit]").click()
    page.wait_for_selector("[role=status]")
    _shot(page, f"rsvp-link-done-{language}-{size}")
    invitation.refresh_from_db()
    assert (invitation.rsvp, invitation.rsvp_mode) == ("accepted", "online")
    response = page.goto(url)
    assert response.status == 410
    assert "Almaty" not in page.content() and "Алматы" not in page.content()
    _shot(page, f"rsvp-link-used-{language}-{size}")
    assert [e for e in errors if "410" not in e] == []  # The used link's own 410 is logged as a "failed resource".
    context.close()


def test_an_invited_member_of_another_body_sees_the_meeting_and_the_secretariat_sends_from_its_page(
    live_server, browser, invitation, wg_c_member, secretariat
):
    context = browser.new_context(viewport=SIZES["1366"], locale="en-GB")
    for user, path, name in (
        (wg_c_member, invitation.meeting.get_absolute_url(), "invited-member-meeting-page"),
        (secretariat, f"/admin/meetings/meeting/{invitation.meeting_id}/invitations/send/", "admin-send-invitations"),
        (secretariat, f"/admin/meetings/meeting/{invitation.meeting_id}/change/", "admin-meeting-participants"),
    ):
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        context.clear_cookies()
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
        )
        page = context.new_page()
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        _shot(page, name)
        page.close()
    context.close()
