"""The public pages search engines may list, each in every interface language.

Only what an anonymous visitor may open is listed: the visibility policy decides for
meetings, and the `published()`/`adopted()` questions for the rest. Each sitemap with
objects costs one query.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.db.models import Model
from django.urls import reverse

from meetings.models import Meeting, PublicSummary
from news.models import NewsItem
from workinggroups.models import Recommendation, Roadmap, WorkingGroup


class PortalSitemap(Sitemap):
    """A sitemap listing each page once per language, with hreflang alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]

    def lastmod(self, item: Model) -> datetime.datetime:
        return item.updated_at


class StaticSitemap(PortalSitemap):
    """The public pages that are not about one object."""

    lastmod = None  # These pages change with everything else; a date would be a guess.
    PAGES = [
        "publicsite:home",
        "publicsite:about",
        "publicsite:contact",
        "publicsite:privacy",
        "meetings:calendar",
        "meetings:summaries",
        "members:partners",
        "publicsite:recommendations",
        "publicsite:roadmaps",
        "news:list",
    ]

    def items(self) -> list[str]:
        return self.PAGES

    def location(self, item: str) -> str:
        return reverse(item)


class WorkingGroupSitemap(PortalSitemap):
    """The pages of the Council's active bodies."""

    def items(self) -> list[WorkingGroup]:
        return list(WorkingGroup.objects.active().only("pk", "slug", "updated_at"))


class MeetingSitemap(PortalSitemap):
    """The pages of public meetings, and never of others: the policy is asked as for an anonymous visitor."""

    def items(self) -> list[Meeting]:
        return list(
            Meeting.objects.visible_to(AnonymousUser()).only("pk", "slug", "updated_at").order_by("-starts_at", "pk")
        )


class SummarySitemap(PortalSitemap):
    """The published public summaries; drafts and summaries scheduled for later are left out."""

    def items(self) -> list[PublicSummary]:
        return list(PublicSummary.objects.published().only("pk", "slug", "updated_at", "published_at"))

    def lastmod(self, item: PublicSummary) -> datetime.datetime:
        return max(item.updated_at, item.published_at)


class RecommendationSitemap(PortalSitemap):
    """The adopted recommendations; drafts and withdrawn ones are left out."""

    def items(self) -> list[Recommendation]:
        return list(Recommendation.objects.public().only("pk", "code", "updated_at").order_by("code"))


class RoadmapSitemap(PortalSitemap):
    """The roadmaps of cooperation; drafts are left out."""

    def items(self) -> list[Roadmap]:
        return list(Roadmap.objects.public().only("pk", "slug", "updated_at").order_by("slug"))


class NewsSitemap(PortalSitemap):
    """The published announcements; drafts and scheduled ones are left out."""

    def items(self) -> list[NewsItem]:
        return list(NewsItem.objects.published().only("pk", "slug", "updated_at", "published_at"))

    def lastmod(self, item: NewsItem) -> datetime.datetime:
        return max(item.updated_at, item.published_at)


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticSitemap,
    "groups": WorkingGroupSitemap,
    "meetings": MeetingSitemap,
    "summaries": SummarySitemap,
    "recommendations": RecommendationSitemap,
    "roadmaps": RoadmapSitemap,
    "news": NewsSitemap,
}
