"""Changing a password while signed in, and choosing a new one from an e-mailed link."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from members.models import Member
from tests.accounts.helpers import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a much longer passphrase 2026"


@pytest.mark.parametrize("persona", ["wg_a_member", "secretariat"], indirect=True)
def test_a_signed_in_person_changes_their_password(client, persona):
    client.force_login(persona)
    assert client.get("/en/accounts/password/").status_code == 200
    response = client.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/en/accounts/password/changed/"
    persona.refresh_from_db()
    assert persona.check_password(NEW_PASSWORD)
    assert client.get(response["Location"]).status_code == 200  # Still signed in.


@pytest.mark.parametrize("weak", ["short", "password1234", "12345678901234", "wg-a@example.org"])
def test_weak_passwords_are_refused(client, wg_a_member, weak):
    client.force_login(wg_a_member)
    response = client.post(
        "/en/accounts/password/", {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    wg_a_member.refresh_from_db()
    assert wg_a_member.check_password(PASSWORD)


def test_a_wrong_old_password_is_refused(client, wg_a_member):
    client.force_login(wg_a_member)
    response = client.post(
        "/en/accounts/password/",
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors


def _reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_a_reset_link_is_mailed_in_the_members_language_and_works_once(client, wg_a_member, committed):
    Member.objects.filter(user=wg_a_member).update(preferred_language="ru")
    response = committed(client.post, "/en/accounts/password/reset/", {"email": "WG-A@example.org"})
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wg-a@example.org"]
    link = _reset_link(message)
    assert link.startswith("/ru/accounts/password/reset/")  # The page opens in the member's language.

    response = client.get(link, follow=True)
    assert response.context["validlink"]
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    wg_a_member.refresh_from_db()
    assert wg_a_member.check_password(NEW_PASSWORD)
    assert not client.get(link, follow=True).context["validlink"]


def test_the_reset_page_does_not_tell_whether_an_address_exists(client, wg_a_member, committed):
    known = committed(client.post, "/en/accounts/password/reset/", {"email": "wg-a@example.org"})
    unknown = committed(client.post, "/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_a_malformed_address_is_a_form_error(client, db):
    response = client.post("/en/accounts/password/reset/", {"email": "not an address"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_a_forged_reset_link_is_refused(client, wg_a_member):
    response = client.get("/en/accounts/password/reset/MQ/abc-123/", follow=True)
    assert response.status_code == 200
    assert not response.context["validlink"]


def test_the_password_pages_have_one_heading_each(client, wg_a_member):
    for url in [
        "/en/accounts/password/reset/",
        "/en/accounts/password/reset/sent/",
        "/en/accounts/password/reset/done/",
    ]:
        assert client.get(url).content.decode().count("<h1") == 1, url
