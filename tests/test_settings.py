"""Settings come from the environment; production-like settings pass Django's deployment checks."""

from __future__ import annotations

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


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=60
    )


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


def test_production_cookies_are_secure_and_http_only():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.stdout.split() == ["True", "True", "True", "Lax", "True", "True"], result.stderr


def test_redis_url_switches_the_cache_to_redis():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION | {"REDIS_URL": "redis://127.0.0.1:6379/1"})
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache", result.stderr


@pytest.mark.django_db
def test_the_content_security_policy_forbids_inline_code(client):
    header = client.get("/en/")["Content-Security-Policy"]
    assert "script-src 'self'" in header
    assert "unsafe-inline" not in header
    assert "frame-ancestors 'none'" in header


def test_build_steps_that_sign_nothing_run_without_the_secret():
    result = _manage("makemigrations", "--check", "--dry-run", env=PRODUCTION | {"SECRET_KEY": ""})
    assert result.returncode == 0, result.stderr
