"""Writes on announcements: publishing, and what a save from the admin form implies."""

from __future__ import annotations

from core import publishing
from news.models import NewsItem


def prepare_news_item(*, item: NewsItem, by) -> None:
    """Fill in what a new or edited announcement implies (not yet saved): its author and publication time."""
    if item.author_id is None and by is not None:
        item.author = by
    publishing.stamp_publication(item, clear_when_draft=False)


def publish_news_items(*, items, by) -> int:
    """Publish the drafts among `items` now, one by one so the history records each; return how many."""
    count = 0
    for item in items.filter(status=NewsItem.Status.DRAFT):
        publishing.publish(item, by=by)
        count += 1
    return count
