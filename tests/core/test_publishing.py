"""The draft → published life cycle shared by public summaries and news, said once in `core.publishing`."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core import publishing
from meetings import services as meeting_services
from news import services as news_services
from news.models import NewsItem
from tests.factories import NewsItemFactory, PublicSummaryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["summary", "news"])
def draft(request):
    # A summary is reviewed before it is published (meetings.services.review_summary).
    return PublicSummaryFactory(status="reviewed") if request.param == "summary" else NewsItemFactory(status="draft")


def test_publishing_sets_the_time_and_records_who_and_why(draft, secretariat):
    published = publishing.publish(draft, by=secretariat)
    assert published.status == "published"
    assert published.published_at <= timezone.now()
    assert type(draft).objects.published().filter(pk=draft.pk).exists()
    latest = published.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (secretariat, "published")


def test_publishing_twice_is_refused(draft, secretariat):
    publishing.publish(draft, by=secretariat)
    with pytest.raises(publishing.AlreadyPublished):
        publishing.publish(draft, by=secretariat)


def test_unpublishing_keeps_the_text_and_hides_it(draft, secretariat):
    publishing.publish(draft, by=secretariat)
    unpublished = publishing.unpublish(draft, by=secretariat)
    assert (unpublished.status, unpublished.published_at) == ("draft", None)
    assert not type(draft).objects.published().filter(pk=draft.pk).exists()
    assert unpublished.history.latest().history_change_reason == "unpublished"


def test_a_future_time_schedules_the_text():
    item = NewsItemFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert not NewsItem.objects.published().filter(pk=item.pk).exists()


def test_a_status_chosen_in_a_form_gets_its_time():
    item = NewsItemFactory.build(status="published", published_at=None)
    publishing.stamp_publication(item, clear_when_draft=True)
    assert item.published_at is not None
    item.status = "draft"
    publishing.stamp_publication(item, clear_when_draft=True)
    assert item.published_at is None


def test_a_news_draft_keeps_its_planned_time_and_gets_an_author(secretariat):
    planned = timezone.now() + datetime.timedelta(days=3)
    item = NewsItemFactory.build(status="draft", published_at=planned, author=None)
    news_services.prepare_news_item(item=item, by=secretariat)
    assert (item.published_at, item.author) == (planned, secretariat)


def test_publishing_news_in_bulk_publishes_only_the_drafts(secretariat):
    drafts = [NewsItemFactory(status="draft") for _ in range(2)]
    already = NewsItemFactory()
    count = news_services.publish_news_items(items=NewsItem.objects.all(), by=secretariat)
    assert count == 2
    assert set(NewsItem.objects.published().values_list("pk", flat=True)) == {already.pk, *(d.pk for d in drafts)}


def test_the_summary_service_says_already_published_in_its_own_words(secretariat):
    summary = PublicSummaryFactory()
    with pytest.raises(meeting_services.WorkflowError, match="already published"):
        meeting_services.publish_summary(summary=summary, by=secretariat)
