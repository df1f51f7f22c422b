"""The Atom feed of announcements: published ones only, newest first, in the address's language, flat cost."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import NewsItemFactory

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(autouse=True)
def _in_english():
    # A request to /ru/ leaves Russian active in this thread; factories would then fill the Russian columns.
    translation.activate("en")
    yield
    translation.activate("en")


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def _xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 -- the portal's own output, parsed as a feed reader would.


def _entries(response) -> list[ET.Element]:
    return _xml(response.content).findall("atom:entry", ATOM)


def _titles(response) -> list[str]:
    return [entry.findtext("atom:title", namespaces=ATOM) for entry in _entries(response)]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat"], indirect=True)
def test_the_news_feed_answers_atom_to_everyone(client, persona):
    NewsItemFactory(title="Council meets in Tashkent & Almaty")
    response = _client_for(client, persona).get(reverse("news:feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = _xml(response.content)
    assert feed.findtext("atom:title", namespaces=ATOM) == "Regional Expert Council: news"
    assert feed.findtext("atom:author/atom:name", namespaces=ATOM)  # Atom needs an author somewhere.
    assert feed.find("atom:updated", ATOM) is not None
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == "http://testserver/en/news/"
    assert _titles(response) == ["Council meets in Tashkent & Almaty"]


@pytest.mark.django_db
def test_the_news_feed_lists_the_latest_twenty_published_items_newest_first(client):
    now = timezone.now()
    items = [NewsItemFactory(published_at=now - datetime.timedelta(days=day)) for day in range(1, 23)]
    NewsItemFactory(title="Draft", status="draft")
    NewsItemFactory(title="Scheduled", published_at=now + datetime.timedelta(hours=1))
    response = client.get(reverse("news:feed"))
    assert _titles(response) == [item.title for item in items[:20]]
    first = _entries(response)[0]
    assert first.find("atom:link", ATOM).get("href") == f"http://testserver{items[0].get_absolute_url()}"
    assert first.findtext("atom:published", namespaces=ATOM) == items[0].published_at.isoformat()
    assert first.findtext("atom:summary", namespaces=ATOM) == "<p>A short lead.</p>"
    ids = [entry.findtext("atom:id", namespaces=ATOM) for entry in _entries(response)]
    assert len(set(ids)) == 20
    assert ids[0] == f"tag:testserver,{items[0].created_at:%Y-%m-%d}:news/{items[0].pk}/en"


@pytest.mark.django_db
def test_a_scheduled_item_appears_once_its_time_has_come(client):
    item = NewsItemFactory(title="Call to practitioners", published_at=timezone.now() + datetime.timedelta(days=1))
    assert _titles(client.get(reverse("news:feed"))) == []
    item.published_at = timezone.now() - datetime.timedelta(minutes=1)
    item.save()
    (entry,) = _entries(client.get(reverse("news:feed")))
    # The entry was last updated no earlier than it was published.
    assert entry.findtext("atom:updated", namespaces=ATOM) >= entry.findtext("atom:published", namespaces=ATOM)


@pytest.mark.django_db
def test_the_news_feed_speaks_the_language_of_its_address(client):
    NewsItemFactory(title_en="Roadmap adopted", title_ru="Принята дорожная карта", lead_ru="Коротко.")
    response = client.get("/ru/news/feed/")
    (entry,) = _entries(response)
    assert entry.findtext("atom:title", namespaces=ATOM) == "Принята дорожная карта"
    assert entry.findtext("atom:summary", namespaces=ATOM) == "<p>Коротко.</p>"
    assert entry.find("atom:link", ATOM).get("href").startswith("http://testserver/ru/news/")
    # Uzbek readers read Russian before English: Russian fills the gap, English where it too is missing.
    assert _titles(client.get("/uz/news/feed/")) == ["Принята дорожная карта"]


@pytest.mark.django_db
def test_the_news_feed_costs_one_query_however_many_items(client, django_assert_num_queries):
    url = reverse("news:feed")
    for _ in range(2):
        NewsItemFactory()
    with django_assert_num_queries(1):  # The published announcements.
        client.get(url)
    for _ in range(10):
        NewsItemFactory()
    with django_assert_num_queries(1):
        assert len(_entries(client.get(url))) == 12
