"""An Atom feed of the published announcements, in the language of the address."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from news.models import NewsItem

FEED_LENGTH = 20


class NewsFeed(Feed):
    """Atom feed of the latest published announcements; drafts and scheduled ones never appear."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> str:
        """Return the host name, without a port, under which every entry's permanent id is minted."""
        domain, _port = split_domain_port(request.get_host())
        return domain

    def title(self) -> str:
        return _("Regional Expert Council: news")

    def subtitle(self) -> str:
        return _("Announcements of the Regional Expert Council and its working groups.")

    description = subtitle

    def link(self) -> str:
        return reverse("news:list")

    def author_name(self) -> str:
        return _("Secretariat of the Regional Expert Council")

    def items(self, authority: str) -> list[NewsItem]:
        # Query 1: the latest published announcements (a future publication time keeps one out).
        news = list(NewsItem.objects.published()[:FEED_LENGTH])
        language = get_language()
        for item in news:
            # Independent of slug and title edits; one entry per language, as the texts differ.
            item.feed_id = f"tag:{authority},{item.created_at:%Y-%m-%d}:news/{item.pk}/{language}"
        return news

    def item_title(self, item: NewsItem) -> str:
        return item.title  # Atom titles are text: Django's default would escape them twice.

    def item_description(self, item: NewsItem) -> str:
        return linebreaks(item.lead, autoescape=True)

    def item_link(self, item: NewsItem) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: NewsItem) -> str:
        return item.feed_id

    def item_pubdate(self, item: NewsItem) -> datetime.datetime:
        return item.published_at

    def item_updateddate(self, item: NewsItem) -> datetime.datetime:
        # An announcement scheduled in advance was last saved before it appeared.
        return max(item.updated_at, item.published_at)
