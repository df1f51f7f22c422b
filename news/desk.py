"""News on the secretariat's desk (core/desk.py): announcements whose translations are pending."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.desk import Source, changelist_url, register, untranslated, untranslated_row
from news.models import NewsItem


def news_untranslated(now: datetime) -> QuerySet:
    """News items whose title, lead or text waits for a translation."""
    return NewsItem.objects.filter(untranslated(("title", "lead", "body"))).order_by("-pk")


register(
    Source(
        "translations",
        _("Translations pending"),
        72,
        "news.view_newsitem",
        news_untranslated,
        untranslated_row,
        lambda now: changelist_url(NewsItem),
    )
)
