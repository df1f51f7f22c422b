"""Under production settings sign-in is hardened: secure cookies, strong passwords, lockout, 2FA for the secretariat."""

from __future__ import annotations

import json

import pytest

from tests.accounts.helpers import PASSWORD
from tests.test_settings import PRODUCTION, _manage

_READ = (
    "import json; from django.conf import settings as s;"
    "print(json.dumps({'session': [s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE],"
    " 'csrf': [s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE],"
    " 'validators': [v['NAME'].rsplit('.', 1)[-1] for v in s.AUTH_PASSWORD_VALIDATORS],"
    " 'min_length': [v.get('OPTIONS', {}).get('min_length') for v in s.AUTH_PASSWORD_VALIDATORS],"
    " 'axes': [s.AXES_ENABLED, s.AXES_FAILURE_LIMIT, s.AXES_RESET_ON_SUCCESS, s.MIDDLEWARE[-1]],"
    " 'two_factor': s.REC_REQUIRE_2FA_FOR_SECRETARIAT}))"
)


def _read(env: dict[str, str]) -> dict:
    result = _manage("shell", "--no-imports", "-c", _READ, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_cookies_are_secure_http_only_and_same_site():
    values = _read(PRODUCTION)
    assert values["session"] == [True, True, "Lax"]
    assert values["csrf"] == [True, True, "Lax"]


def test_production_checks_passwords_and_locks_out_guessing():
    values = _read(PRODUCTION)
    assert values["validators"] == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert max(filter(None, values["min_length"])) >= 12
    assert values["axes"] == [True, 5, True, "axes.middleware.AxesMiddleware"]


def test_the_secretariat_needs_two_factor_in_production_but_not_in_the_demo():
    assert _read(PRODUCTION)["two_factor"] is True
    assert _read(PRODUCTION | {"DEBUG": "1"})["two_factor"] is False
    assert _read(PRODUCTION | {"REC_REQUIRE_2FA_FOR_SECRETARIAT": "0"})["two_factor"] is False


@pytest.mark.django_db
def test_the_session_cookie_sent_at_sign_in_carries_the_flags(client, settings, wg_a_member):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post("/en/accounts/login/", {"username": "wg-a", "password": PASSWORD}, secure=True)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
