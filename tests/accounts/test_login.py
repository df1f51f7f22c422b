"""Signing in: repeated failures pause sign-in for that name from that address; the session cookie's flags."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt

from tests.accounts.helpers import PASSWORD

pytestmark = pytest.mark.django_db

SIGN_IN_PAGES = ["/en/accounts/login/", "/admin/login/"]


def _fail(client, url: str, username: str, times: int, **extra):
    response = None
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong password"}, **extra)
    return response


@pytest.mark.parametrize("url", SIGN_IN_PAGES)
def test_it_locks_a_user_name_out_after_five_failures(client, secretariat, url):
    assert _fail(client, url, "secretariat", 4).status_code == 200  # The form again, with an error.
    response = _fail(client, url, "secretariat", 1)
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "30 minutes" in response.content.decode()
    # Even the right password is refused while the pause lasts.
    response = client.post(url, {"username": "secretariat", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_uses_the_portals_layout(client, wg_a_member):
    response = _fail(client, "/en/accounts/login/", "wg-a", 5)
    assert "accounts/lockout.html" in [template.name for template in response.templates]
    assert response.content.decode().count("<h1") == 1
    assert 'href="/en/accounts/password/reset/"' in response.content.decode()


def test_a_lockout_is_per_user_name_and_address(client, wg_a_member, wg_c_member):
    _fail(client, "/en/accounts/login/", "wg-a", 5)
    # Another person at the same address signs in.
    response = client.post("/en/accounts/login/", {"username": "wg-c", "password": PASSWORD})
    assert response.status_code == 302
    client.logout()
    # The same person from elsewhere too.
    response = client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, wg_a_member):
    _fail(client, "/en/accounts/login/", "wg-a", 4)
    assert client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD}).status_code == 302
    client.logout()
    assert not AccessAttempt.objects.filter(username="wg-a").exists()
    assert _fail(client, "/en/accounts/login/", "wg-a", 4).status_code == 200


def test_behind_a_proxy_it_counts_the_address_the_proxy_saw(client, settings, wg_a_member):
    settings.TRUST_X_FORWARDED_FOR = True
    _fail(client, "/en/accounts/login/", "wg-a", 5, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    attempt = AccessAttempt.objects.get(username="wg-a")
    assert attempt.ip_address == "203.0.113.5"
    # A forged left-hand entry does not escape the lockout.
    response = client.post(
        "/en/accounts/login/",
        {"username": "wg-a", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.77, 203.0.113.5",
    )
    assert response.status_code == 429


def test_the_sign_in_form_carries_a_csrf_token(client, db):
    response = client.get("/en/accounts/login/")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert 'href="/en/accounts/password/reset/"' in response.content.decode()


def test_signing_in_without_a_csrf_token_is_refused(db, wg_a_member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD})
    assert response.status_code == 403


def test_the_session_cookie_sent_at_sign_in_carries_the_flags(client, settings, wg_a_member):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD}, secure=True)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
