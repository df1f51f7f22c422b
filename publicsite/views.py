"""The public site's own pages: home, about the Council, a body's page, the recommendations and the roadmaps.

They bring several apps together (bodies, meetings, summaries, news), so they live above
them all; each app's own public lists (calendar, summaries, partners, news) stay with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.charts import Chart, Series, stacked_bars
from core.pages import page_or_404
from meetings.models import Meeting, PublicSummary
from members.models import Country, Member
from news.models import NewsItem
from publicsite.filters import RecommendationFilterSet
from workinggroups.models import (
    Implementation,
    ImplementationReport,
    Membership,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Say what the Council is, show its structure, the next meetings, the latest summaries and news."""
    context = {
        # Query 1: the bodies, for the structure diagram.
        "bodies": list(WorkingGroup.objects.active()),
        # Query 2: the next meetings this visitor may see.
        "upcoming": list(
            Meeting.objects.visible_to(request.user).upcoming().select_related("body", "venue__country")[:5]
        ),
        # Query 3: the latest published summaries.
        "summaries": list(PublicSummary.objects.published().select_related("meeting__body")[:3]),
        # Query 4: the latest news.
        "news": list(NewsItem.objects.published()[:3]),
    }
    return render(request, "publicsite/home.html", context)


def _public_chairs():
    """Return current chairs and co-chairs who consented to a public profile, with their country."""
    return (
        Membership.objects.current()
        .filter(role__in=[Membership.Role.CHAIR, Membership.Role.CO_CHAIR])
        .filter(member__in=Member.objects.with_public_profile())
        .select_related("member__country")
        .order_by("role", "member__last_name")
    )


@require_safe
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a body's mandate, public chairs, recommendations, public meetings and work plan progress."""
    # Query 1: the body.
    group = get_object_or_404(WorkingGroup.objects.active(), slug=slug)
    anonymous = AnonymousUser()  # The group page is a public page, the same for everyone.
    # Query 2: the latest work plan; query 3: its items' statuses.
    plan = WorkPlan.objects.filter(group=group).order_by("-period_start").first()
    progress = _plan_progress(plan) if plan else None
    context = {
        "group": group,
        # Query 4: public chairs.
        "chairs": list(_public_chairs().filter(group=group)),
        # Query 5: adopted recommendations.
        "recommendations": list(group.recommendations.adopted()),
        # Query 6: public meetings, soonest upcoming first then the latest held.
        "upcoming": list(
            Meeting.objects.visible_to(anonymous).filter(body=group).upcoming().select_related("venue__country")[:5]
        ),
        # Query 7.
        "past": list(
            Meeting.objects.visible_to(anonymous).filter(body=group).past().select_related("venue__country")[:10]
        ),
        # Query 8: published summaries of this body's meetings.
        "summaries": list(PublicSummary.objects.published().filter(meeting__body=group)[:10]),
        "plan": plan,
        "progress": progress,
    }
    return render(request, "publicsite/workinggroup_detail.html", context)


def _plan_progress(plan: WorkPlan) -> dict:
    counts = dict(
        plan.items.exclude(status=WorkPlanItem.Status.DROPPED)
        .order_by()  # No ordering columns in the GROUP BY.
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return _progress(counts)


def _progress(counts: dict[str, int]) -> dict:
    """Return the shares of done, in-progress and planned tasks, for the progress bar and its legend."""
    total = sum(counts.get(status, 0) for status in ("done", "in_progress", "planned"))
    parts = []
    offset = 0.0
    for status, label in (
        (WorkPlanItem.Status.DONE, WorkPlanItem.Status.DONE.label),
        (WorkPlanItem.Status.IN_PROGRESS, WorkPlanItem.Status.IN_PROGRESS.label),
        (WorkPlanItem.Status.PLANNED, WorkPlanItem.Status.PLANNED.label),
    ):
        count = counts.get(status, 0)
        share = 100.0 * count / total if total else 0.0
        parts.append({"status": status, "label": label, "count": count, "x": offset, "width": share})
        offset += share
    return {"total": total, "parts": parts}


RECOMMENDATIONS_PER_PAGE = 25


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    """Explain what the Council is, why it exists and how it is organised."""
    context = {
        # Query 1: the bodies with their number of adopted recommendations.
        "bodies": list(
            WorkingGroup.objects.active().annotate(
                adopted=Count("recommendations", filter=Q(recommendations__status=Recommendation.Status.ADOPTED))
            )
        ),
        # Query 2: the member states.
        "countries": list(Country.objects.member_states()),
    }
    return render(request, "publicsite/about.html", context)


@dataclass
class Cell:
    """A country's implementation of a recommendation: its current status and its reports, newest first."""

    country: Country
    current: Implementation | None
    history: list[ImplementationReport] = field(default_factory=list)


def _with_the_record(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Return `recommendations` loading their pillars, themes, statuses, reports and public reservations."""
    return recommendations.prefetch_related(
        "pillars",
        "themes",
        Prefetch("implementations", queryset=Implementation.objects.select_related("country")),
        # Newest first (the model's order): the first report of a country is its current status.
        "implementation_reports",
        # Only public ones are ever loaded for a public page, under a name that says so.
        Prefetch(
            "reservations",
            queryset=Reservation.objects.public().select_related("country", "organization"),
            to_attr="public_reservations",
        ),
    )


def _cells(recommendation: Recommendation, countries: Iterable[Country]) -> list[Cell]:
    """Return the recommendation's cell for each of `countries`, from what `_with_the_record` loaded."""
    current = {item.country_id: item for item in recommendation.implementations.all()}
    history: dict[int, list[ImplementationReport]] = defaultdict(list)
    for report in recommendation.implementation_reports.all():
        history[report.country_id].append(report)
    return [Cell(country, current.get(country.pk), history.get(country.pk, [])) for country in countries]


@require_safe
def recommendation_list(request: HttpRequest) -> HttpResponse:
    """List adopted recommendations with filters, public reservations and each member state's implementation."""
    filterset = RecommendationFilterSet(
        request.GET or None, Recommendation.objects.public().select_related("group").order_by("group__order", "code")
    )
    if filterset.errors:
        return render(request, "publicsite/recommendation_list.html", {"form": filterset.form}, status=400)
    # Query: the member states, the columns of the matrix.
    countries = list(Country.objects.member_states())
    page = page_or_404(Paginator(_with_the_record(filterset.qs), RECOMMENDATIONS_PER_PAGE), request.GET.get("page"))
    rows = [(recommendation, _cells(recommendation, countries)) for recommendation in page.object_list]
    context = {
        "form": filterset.form,
        "page": page,
        "rows": rows,
        "countries": countries,
        "statuses": Implementation.Status,
        # Query: the statuses counted by country, over every page of the recommendations listed.
        "chart": _implementation_chart(filterset.qs, countries, page.paginator.count) if rows else None,
    }
    return render(request, "publicsite/recommendation_list.html", context)


IMPLEMENTATION_SERIES = (
    (Implementation.Status.IMPLEMENTED, 0),
    (Implementation.Status.IN_PROGRESS, 1),
    (Implementation.Status.NOT_STARTED, 2),
    (Implementation.Status.NOT_APPLICABLE, 3),
    (Implementation.Status.NO_INFORMATION, 4),
)


def _implementation_chart(recommendations: QuerySet[Recommendation], countries: list[Country], total: int) -> Chart:
    """Return a bar per country counting `recommendations` (`total` of them) by their status there, in one query."""
    counts: dict[int, dict[str, int]] = {country.pk: defaultdict(int) for country in countries}
    latest = None
    rows = (
        Implementation.objects.filter(recommendation__in=recommendations, country__in=countries)
        .order_by()  # No ordering columns in the GROUP BY.
        .values_list("country_id", "status")
        .annotate(n=Count("pk"), latest=Max("as_of"))
    )
    for country_id, status, n, as_of in rows:
        counts[country_id][status] += n
        latest = max(latest, as_of) if latest else as_of
    for country_counts in counts.values():
        # A recommendation no report has reached yet counts as "no information", as its matrix cell says.
        country_counts[Implementation.Status.NO_INFORMATION] += total - sum(country_counts.values())
    note = ""
    if latest:
        note = _("As of %(date)s, the day of the latest report.") % {"date": formats.date_format(latest, "DATE_FORMAT")}
    return stacked_bars(
        chart_id="implementation-chart",
        title=_("Implementation by country"),
        series=[Series(status, status.label, tone) for status, tone in IMPLEMENTATION_SERIES],
        rows=[(country.name, counts[country.pk]) for country in countries],
        row_heading=_("Country"),
        note=note,
    )


@require_safe
def recommendation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """Show an adopted recommendation, its public reservations and its implementation in each member state."""
    recommendation = get_object_or_404(
        _with_the_record(Recommendation.objects.public().select_related("group")), code=code
    )
    adopted_at = None
    if recommendation.adopted_at_id:
        adopted_at = Meeting.objects.visible_to(AnonymousUser()).filter(pk=recommendation.adopted_at_id).first()
    countries = [item.country for item in recommendation.implementations.all()]
    return render(
        request,
        "publicsite/recommendation_detail.html",
        {"recommendation": recommendation, "adopted_at": adopted_at, "cells": _cells(recommendation, countries)},
    )


# --- Roadmaps --------------------------------------------------------------------------


@require_safe
def roadmap_list(request: HttpRequest) -> HttpResponse:
    """List the roadmaps of cooperation the Council's work carries out, with how far their items have come."""
    by_status = {
        f"items_{status}": Count("items", filter=Q(items__status=status)) for status in RoadmapItem.Status.values
    }
    roadmaps = list(
        # Query 1: the roadmaps with their items counted by status; queries 2 and 3: their parties.
        Roadmap.objects.public().annotate(**by_status).prefetch_related("countries", "organizations")
    )
    for roadmap in roadmaps:
        roadmap.progress = _progress({status: getattr(roadmap, f"items_{status}") for status in RoadmapItem.Status})
    return render(request, "publicsite/roadmap_list.html", {"roadmaps": roadmaps})


@require_safe
def roadmap_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a roadmap's items, their status, the tasks that carry them and the public meetings that advanced them."""
    items = RoadmapItem.objects.prefetch_related(
        # Tasks of bodies with a public page only, and only meetings the public may see.
        Prefetch(
            "work_plan_items",
            queryset=WorkPlanItem.objects.public().select_related("plan__group"),
            to_attr="public_work_plan_items",
        ),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.visible_to(AnonymousUser()).select_related("body").order_by("starts_at", "pk"),
            to_attr="public_meetings",
        ),
    )
    # Queries: the roadmap; its states; its organisations; its items; their work-plan items; their meetings.
    roadmap = get_object_or_404(
        Roadmap.objects.public().prefetch_related("countries", "organizations", Prefetch("items", queryset=items)),
        slug=slug,
    )
    counts: dict[str, int] = defaultdict(int)
    now = timezone.now()
    for item in roadmap.items.all():
        counts[item.status] += 1
        # A meeting advanced the item once it has begun; those to come are listed apart.
        item.held_meetings = [meeting for meeting in item.public_meetings if meeting.starts_at <= now]
        item.coming_meetings = [meeting for meeting in item.public_meetings if meeting.starts_at > now]
    context = {"roadmap": roadmap, "progress": _progress(counts)}
    return render(request, "publicsite/roadmap_detail.html", context)
