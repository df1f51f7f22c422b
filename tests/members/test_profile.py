"""The profile page: a member's languages, time zone, e-mails, consents and calendar address."""

from __future__ import annotations

import pytest
from django.urls import reverse

from members.models import Member

pytestmark = pytest.mark.django_db

PROFILE = "/en/accounts/profile/"
CALENDAR = "/en/accounts/profile/calendar/"


def _valid(**changes) -> dict:
    data = {
        "preferred_language": "en",
        "spoken_languages": ["en", "ru"],
        "time_zone": "Asia/Almaty",
        "notify_invitations": "on",
        "notify_minutes": "on",
        "public_profile": "on",
    }
    return data | changes


@pytest.mark.parametrize("url", [PROFILE, "/en/accounts/password/", "/en/accounts/two-factor/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("url", [CALENDAR, "/en/accounts/two-factor/remove/"])
def test_anonymous_posts_are_sent_to_sign_in(client, db, url):
    response = client.post(url, {"action": "regenerate"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_member_sees_their_preferences(client, wg_a_member):
    client.force_login(wg_a_member)
    response = client.get(PROFILE)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    # Zones are chosen by city; the IANA id is only the option's value.
    assert '<select name="time_zone"' in page
    assert '<option value="Asia/Bishkek">Bishkek time (UTC+6)</option>' in page
    assert 'name="spoken_languages"' in page
    assert 'href="/en/accounts/password/"' in page
    assert 'href="/en/accounts/two-factor/"' in page
    assert "Create my calendar address" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_secretariat_without_a_person_sees_only_password_and_two_factor(client, secretariat):
    client.force_login(secretariat)
    response = client.get(PROFILE)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="time_zone"' not in page
    assert "Personal calendar feed" not in page
    assert 'href="/en/accounts/password/"' in page
    assert client.post(PROFILE, _valid()).status_code == 404
    assert client.post(CALENDAR, {"action": "regenerate"}).status_code == 404


def test_a_former_member_keeps_only_password_and_two_factor(client, inactive):
    client.force_login(inactive)
    assert 'name="time_zone"' not in client.get(PROFILE).content.decode()


def test_saving_keeps_every_choice(client, wg_a_member):
    client.force_login(wg_a_member)
    response = client.post(PROFILE, _valid(share_phone_with_members="on"))
    assert response.status_code == 302
    member = Member.objects.get(user=wg_a_member)
    assert member.spoken_languages == ["en", "ru"]
    assert member.time_zone == "Asia/Almaty"
    assert member.notify_invitations and member.notify_minutes and not member.notify_meeting_changes
    assert member.public_profile and member.share_phone_with_members and not member.share_email_with_members


def test_choosing_a_language_switches_the_portal_to_it(client, wg_a_member):
    client.force_login(wg_a_member)
    response = client.post(PROFILE, _valid(preferred_language="ru"))
    assert response["Location"] == "/ru/accounts/profile/"
    assert response.cookies["django_language"].value == "ru"
    assert Member.objects.get(user=wg_a_member).preferred_language == "ru"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="ru"' in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_zone", "Mars/Olympus_Mons"),
        ("time_zone", ""),
        ("preferred_language", "fr"),
        ("spoken_languages", ["xx"]),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(client, wg_a_member, field, value):
    client.force_login(wg_a_member)
    before = Member.objects.get(user=wg_a_member)
    response = client.post(PROFILE, _valid(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    after = Member.objects.get(user=wg_a_member)
    assert (after.time_zone, after.preferred_language, after.spoken_languages) == (
        before.time_zone,
        before.preferred_language,
        before.spoken_languages,
    )


def test_the_profile_page_answers_in_a_fixed_number_of_queries(client, wg_a_member, django_assert_num_queries):
    client.force_login(wg_a_member)
    client.post(CALENDAR, {"action": "regenerate"})  # Also renews the session, which is not rewritten below.
    # 1 session, 2 user, 3-5 the clearance (secretariat group, person, seats), 6 the person's
    # preferences, 7 whether two-factor authentication is on.
    with django_assert_num_queries(7):
        response = client.get(PROFILE)
    assert response.status_code == 200


def test_a_member_creates_replaces_and_switches_off_their_calendar_address(client, wg_a_member):
    client.force_login(wg_a_member)
    assert client.post(CALENDAR, {"action": "regenerate"}).status_code == 302
    first = Member.objects.get(user=wg_a_member).calendar_token
    assert len(first) >= 40
    page = client.get(PROFILE).content.decode()
    assert reverse("meetings:personal_calendar", kwargs={"token": first}) in page

    client.post(CALENDAR, {"action": "regenerate"})
    second = Member.objects.get(user=wg_a_member).calendar_token
    assert second and second != first
    assert first not in client.get(PROFILE).content.decode()

    client.post(CALENDAR, {"action": "revoke"})
    assert Member.objects.get(user=wg_a_member).calendar_token == ""


def test_the_calendar_buttons_are_post_only_and_ignore_unknown_actions(client, wg_a_member):
    client.force_login(wg_a_member)
    assert client.get(CALENDAR).status_code == 405
    client.post(CALENDAR, {"action": "explode"})
    assert Member.objects.get(user=wg_a_member).calendar_token == ""
