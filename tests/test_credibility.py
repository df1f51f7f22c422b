"""The contact page and the privacy notice: reachable from every page, and true to the settings."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import override_settings

from tests.factories import MeetingFactory


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/en/about/", "/en/news/", "/en/accounts/login/"])
def test_every_page_links_the_contact_page_and_the_privacy_notice_in_its_footer(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/en/contact/"' in footer
    assert 'href="/en/privacy/"' in footer


@pytest.mark.django_db
def test_a_members_page_links_them_too(client, wg_a_member):
    client.force_login(wg_a_member)
    footer = client.get("/en/my/").content.decode().split('<footer class="site-footer">')[1]
    assert 'href="/en/privacy/"' in footer


@pytest.mark.django_db
@override_settings(SECRETARIAT_EMAIL="desk@council.example", SECRETARIAT_ADDRESS="1 Example Street\nTashkent")
@pytest.mark.parametrize("url", ["/en/contact/", "/en/privacy/"])
def test_both_pages_give_the_secretariats_address_from_the_settings(client, url):
    html = client.get(url).content.decode()
    assert 'href="mailto:desk@council.example"' in html
    assert "1 Example Street<br>Tashkent" in html


@pytest.mark.django_db
@override_settings(SECRETARIAT_ADDRESS="")
def test_no_postal_address_is_invented_when_none_is_set(client):
    html = client.get("/en/contact/").content.decode()
    assert "Postal address" not in html
    assert "<address" not in html


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "phrases"),
    [
        (
            {
                "MAIL_RETENTION_DAYS": 90,
                "SESSION_COOKIE_AGE": 3600,
                "AXES_FAILURE_LIMIT": 5,
                "AXES_COOLOFF_TIME": datetime.timedelta(minutes=30),
                "ACCOUNT_INVITATION_DAYS": 7,
            },
            [
                "deleted 90 days after it went out",
                "ends after 60 minutes without activity",
                "After 5 failures",
                "for 30 minutes",
                "works for 7 days",
            ],
        ),
        (
            {
                "MAIL_RETENTION_DAYS": 14,
                "SESSION_COOKIE_AGE": 1200,
                "AXES_FAILURE_LIMIT": 3,
                "AXES_COOLOFF_TIME": datetime.timedelta(hours=2),
                "ACCOUNT_INVITATION_DAYS": 1,
            },
            [
                "deleted 14 days after it went out",
                "ends after 20 minutes without activity",
                "After 3 failures",
                "for 120 minutes",
                "works for 1 day ",
            ],
        ),
    ],
)
def test_the_privacy_notice_states_the_periods_the_settings_enforce(client, overrides, phrases):
    with override_settings(**overrides):
        text = _text(client.get("/en/privacy/").content.decode())
    for phrase in phrases:
        assert phrase in text


@pytest.mark.django_db
def test_the_privacy_notice_names_each_kind_of_data_kept(client):
    text = _text(client.get("/en/privacy/").content.decode())
    for kept in [
        "e-mail address and phone number",  # Member
        "two-factor authentication",  # TOTP devices
        "network address and the browser",  # django-axes
        "your reply to each invitation and whether you attended",  # Participation
        "documents you downloaded",  # DocumentDownload
        "history of changes",  # simple-history
        "outbox",  # OutboxMessage
        "reminder sent",  # SentReminder
        "session cookie",
        "logs",
    ]:
        assert kept in text, kept


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ru/contact/", "/ru/privacy/", "/uz/contact/", "/uz/privacy/"])
def test_both_pages_answer_in_each_language_with_lang_set(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{url[1:3]}"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/contact/", "/en/privacy/"])
def test_both_pages_have_one_main_heading_and_sections(client, url):
    MeetingFactory()
    html = client.get(url).content.decode()
    assert html.count("<h1") == 1
    assert "<main" in html
    assert 'aria-labelledby="' in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/contact/", "/en/privacy/"])
def test_both_pages_refuse_writes(client, url):
    assert client.post(url).status_code == 405
