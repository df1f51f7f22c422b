"""Settings come from the environment; production settings pass Django's deployment checks and harden sign-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "rec.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://rec.example.org",
}
# The environments whose settings the tests below read: production and three variations of it.
ENVIRONMENTS = {
    "production": PRODUCTION,
    "production with redis": PRODUCTION | {"REDIS_URL": "redis://127.0.0.1:6379/1"},
    "production with debug": PRODUCTION | {"DEBUG": "1"},
    "production without 2fa": PRODUCTION | {"REC_REQUIRE_2FA_FOR_SECRETARIAT": "0"},
}
# Load the settings module afresh under each environment, in one interpreter: the module reads
# nothing but os.environ and sys.argv, so each load answers as a process started with that
# environment would, and the interpreter starts once instead of once per question.
_READ = """
import json, os, sys
from django.conf import Settings

started_with = dict(os.environ)
answers = {}
for name, env in json.load(sys.stdin).items():
    os.environ.clear()
    os.environ.update(started_with | env)
    sys.modules.pop("rec_portal.settings", None)
    s = Settings("rec_portal.settings")
    answers[name] = {
        "session": [s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE],
        "csrf": [s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE],
        "ssl_redirect": s.SECURE_SSL_REDIRECT,
        "hsts_seconds": s.SECURE_HSTS_SECONDS,
        "cache": s.CACHES["default"]["BACKEND"],
        "validators": [v["NAME"].rsplit(".", 1)[-1] for v in s.AUTH_PASSWORD_VALIDATORS],
        "min_length": [v.get("OPTIONS", {}).get("min_length") for v in s.AUTH_PASSWORD_VALIDATORS],
        "axes": [s.AXES_ENABLED, s.AXES_FAILURE_LIMIT, s.AXES_RESET_ON_SUCCESS, s.MIDDLEWARE[-1]],
        "two_factor": s.REC_REQUIRE_2FA_FOR_SECRETARIAT,
    }
print(json.dumps(answers))
"""


def _environment(env: dict[str, str]) -> dict[str, str]:
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in ours} | env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=_environment(env), capture_output=True, text=True, timeout=60)  # noqa: S603


@pytest.fixture(scope="module")
def settings_in() -> dict[str, dict]:
    """Return, for each of ENVIRONMENTS, the settings the tests ask about."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _READ],
        input=json.dumps(ENVIRONMENTS),
        cwd=ROOT,
        env=_environment({}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- What an operator runs ------------------------------------------------------------


def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", env=PRODUCTION | {"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "maybe"), ("SESSION_COOKIE_AGE", "an hour")])
def test_a_malformed_setting_is_named_in_the_error(name, value):
    result = _manage("check", env=PRODUCTION | {name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_build_steps_that_sign_nothing_run_without_the_secret():
    result = _manage("makemigrations", "--check", "--dry-run", env=PRODUCTION | {"SECRET_KEY": ""})
    assert result.returncode == 0, result.stderr


# --- What the settings say ------------------------------------------------------------


def test_production_cookies_are_secure_http_only_and_same_site_over_https_only(settings_in):
    production = settings_in["production"]
    assert production["session"] == [True, True, "Lax"]
    assert production["csrf"] == [True, True, "Lax"]
    assert production["ssl_redirect"] is True
    assert production["hsts_seconds"] > 0


def test_redis_url_switches_the_cache_to_redis(settings_in):
    assert settings_in["production with redis"]["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_production_checks_passwords_and_locks_out_guessing(settings_in):
    production = settings_in["production"]
    assert production["validators"] == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert max(filter(None, production["min_length"])) >= 12
    assert production["axes"] == [True, 5, True, "axes.middleware.AxesMiddleware"]


def test_the_secretariat_needs_two_factor_in_production_but_not_in_the_demo(settings_in):
    assert settings_in["production"]["two_factor"] is True
    assert settings_in["production with debug"]["two_factor"] is False
    assert settings_in["production without 2fa"]["two_factor"] is False


@pytest.mark.django_db
def test_the_content_security_policy_forbids_inline_code(client):
    header = client.get("/en/")["Content-Security-Policy"]
    assert "script-src 'self'" in header
    assert "unsafe-inline" not in header
    assert "frame-ancestors 'none'" in header
