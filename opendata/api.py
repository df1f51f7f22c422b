"""The public open-data API: read-only JSON of what the public pages show, the same for every caller.

Mounted at /api/v1/ (see opendata/urls.py); the schema is at /api/v1/openapi.json and the
interactive documentation at /api/v1/docs. No operation reads `request.user`: the
querysets in `opendata.selectors` are built for an anonymous visitor.
"""

# No `from __future__ import annotations` here: django-ninja reads the operations' annotations
# at run time, and through @paginate's wrapper it looks names up in the wrong module.
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from opendata import selectors
from opendata.docs import PortalSwagger
from opendata.schemas import (
    LANGUAGE_NAMES,
    LANGUAGES,
    MeetingFilters,
    MeetingOut,
    RecommendationFilters,
    RecommendationOut,
    RoadmapOut,
    SummaryFilters,
    SummaryOut,
    WorkingGroupOut,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far beyond any list the Council will have, and far below what overflows a database integer.
MAX_OFFSET = 1_000_000
CACHE_SECONDS = 300

# Written out as {"en", "ru", "uz"}: the keys of every public text.
TEXT_KEYS = "{" + ", ".join(f'"{language}"' for language in LANGUAGES) + "}"
DESCRIPTION = f"""\
Open data of the Central Asia Regional Expert Council on the Rehabilitation and Reintegration
of Returnees: its public meetings, published meeting summaries, working bodies, adopted
recommendations (with their public reservations and each country's history of implementation)
and the roadmaps of cooperation its work carries out. The API is read-only and answers the
same to everyone: it holds exactly what the portal's public pages show. Public texts come in {LANGUAGE_NAMES}
(`{TEXT_KEYS}`, null where a text is not translated). Lists take `limit`
(1–100, default 20) and `offset`; they answer `{{"items": [...], "count": n}}`.
"""


class Pagination(LimitOffsetPagination):
    """Page through a list with `limit` and `offset`, at most one hundred rows a page."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page, 1 to 100.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


def cache_publicly(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let browsers and shared caches keep successful answers for five minutes."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = run(request, *args, **kwargs)
        if response.status_code == 200:
            # The answer is the same for everyone, but a signed-in browser's may carry a renewed
            # session cookie (core.middleware.SessionRefreshMiddleware): no shared cache may keep that.
            audience = "private" if settings.SESSION_COOKIE_NAME in request.COOKIES else "public"
            patch_cache_control(response, max_age=CACHE_SECONDS, **{audience: True})
        return response

    return wrapper


api = NinjaAPI(
    title="REC Portal open data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="opendata",
    # django-ninja's own docs page falls back to a CDN and an inline script, which the
    # portal's Content-Security-Policy forbids; this one uses the packaged files only.
    docs=PortalSwagger(),
)
api.add_decorator(cache_publicly, mode="view")


def _code_or_404(code: str) -> str:
    """Return `code` if it can name a recommendation, or raise Http404."""
    # The path takes any text but "/"; a NUL character would make PostgreSQL fail.
    if "\x00" in code:
        raise Http404
    return code


@api.get("/meetings", response=list[MeetingOut], tags=["meetings"])
@paginate(Pagination)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]) -> Any:
    """List public meetings, latest first (soonest first with `when=upcoming`)."""
    return filters.apply(selectors.public_meetings())


@api.get("/meetings/{slug:slug}", response=MeetingOut, tags=["meetings"])
def get_meeting(request: HttpRequest, slug: str) -> Any:
    """Return one public meeting."""
    return get_object_or_404(selectors.public_meetings(), slug=slug)


@api.get("/summaries", response=list[SummaryOut], tags=["summaries"])
@paginate(Pagination)
def list_summaries(request: HttpRequest, filters: Query[SummaryFilters]) -> Any:
    """List published meeting summaries, latest first (best match first with `q`)."""
    return filters.apply(selectors.published_summaries())


@api.get("/summaries/{slug:slug}", response=SummaryOut, tags=["summaries"])
def get_summary(request: HttpRequest, slug: str) -> Any:
    """Return one published meeting summary."""
    return get_object_or_404(selectors.published_summaries(), slug=slug)


@api.get("/working-groups", response=list[WorkingGroupOut], tags=["working groups"])
@paginate(Pagination)
def list_working_groups(request: HttpRequest) -> Any:
    """List the Council's working bodies, the Executive Committee first."""
    return selectors.active_groups()


@api.get("/working-groups/{slug:slug}", response=WorkingGroupOut, tags=["working groups"])
def get_working_group(request: HttpRequest, slug: str) -> Any:
    """Return one of the Council's working bodies."""
    return get_object_or_404(selectors.active_groups(), slug=slug)


@api.get("/recommendations", response=list[RecommendationOut], tags=["recommendations"])
@paginate(Pagination)
def list_recommendations(request: HttpRequest, filters: Query[RecommendationFilters]) -> Any:
    """List adopted recommendations, latest first."""
    return filters.apply(selectors.adopted_recommendations())


@api.get("/recommendations/{code}", response=RecommendationOut, tags=["recommendations"])
def get_recommendation(request: HttpRequest, code: str) -> Any:
    """Return one adopted recommendation by its reference."""
    return get_object_or_404(selectors.adopted_recommendations(), code=_code_or_404(code))


@api.get("/roadmaps", response=list[RoadmapOut], tags=["roadmaps"])
@paginate(Pagination)
def list_roadmaps(request: HttpRequest) -> Any:
    """List the roadmaps of cooperation, the latest first, with their items."""
    return selectors.public_roadmaps()


@api.get("/roadmaps/{slug:slug}", response=RoadmapOut, tags=["roadmaps"])
def get_roadmap(request: HttpRequest, slug: str) -> Any:
    """Return one roadmap of cooperation with its items."""
    return get_object_or_404(selectors.public_roadmaps(), slug=slug)
