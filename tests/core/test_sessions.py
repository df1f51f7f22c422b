"""A signed-in session ends after an hour of inactivity, and using it keeps it alive."""

from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session

from core import middleware


@pytest.mark.django_db
def test_a_used_session_is_renewed_at_most_once_a_minute(client, wg_a_member, monkeypatch):
    client.force_login(wg_a_member)
    key = client.session.session_key
    client.get("/en/")
    first = Session.objects.get(session_key=key).expire_date
    client.get("/en/")
    assert Session.objects.get(session_key=key).expire_date == first  # Not rewritten within the minute.

    later = time.time() + middleware.REFRESH_SECONDS + 1
    monkeypatch.setattr(middleware.time, "time", lambda: later)
    client.get("/en/")
    assert Session.objects.get(session_key=key).expire_date > first


@pytest.mark.django_db
def test_anonymous_visits_write_no_session(client):
    client.get("/en/")
    assert not Session.objects.exists()


def test_the_session_lasts_an_hour_of_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE == 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
