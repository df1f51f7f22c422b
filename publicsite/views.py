"""The public site's own pages: home, about the Council, a body's page and the recommendations.

They bring several apps together (bodies, meetings, summaries, news), so they live above
them all; each app's own public lists (calendar, summaries, partners, news) stay with it.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.pages import page_or_404
from meetings.models import Meeting, PublicSummary
from members.models import Country, Member
from news.models import NewsItem
from publicsite.filters import RecommendationFilterSet
from workinggroups.models import Implementation, Membership, Recommendation, WorkingGroup, WorkPlan, WorkPlanItem


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
    total = sum(counts.values())
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


@require_safe
def recommendation_list(request: HttpRequest) -> HttpResponse:
    """List adopted recommendations with filters and their implementation status by country."""
    filterset = RecommendationFilterSet(
        request.GET or None, Recommendation.objects.public().select_related("group").order_by("group__order", "code")
    )
    if filterset.errors:
        return render(request, "publicsite/recommendation_list.html", {"form": filterset.form}, status=400)
    # Query: the member states, the columns of the matrix.
    countries = list(Country.objects.member_states())
    page = page_or_404(
        Paginator(
            filterset.qs.prefetch_related(
                "pillars",
                "themes",
                Prefetch("implementations", queryset=Implementation.objects.select_related("country")),
            ),
            RECOMMENDATIONS_PER_PAGE,
        ),
        request.GET.get("page"),
    )
    rows = []
    for recommendation in page.object_list:
        by_country = {item.country_id: item for item in recommendation.implementations.all()}
        rows.append((recommendation, [by_country.get(country.pk) for country in countries]))
    context = {
        "form": filterset.form,
        "page": page,
        "rows": rows,
        "countries": countries,
        "statuses": Implementation.Status,
    }
    return render(request, "publicsite/recommendation_list.html", context)


@require_safe
def recommendation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """Show an adopted recommendation with its implementation in each member state."""
    recommendation = get_object_or_404(
        Recommendation.objects.public()
        .select_related("group")
        .prefetch_related(
            "pillars", "themes", Prefetch("implementations", queryset=Implementation.objects.select_related("country"))
        ),
        code=code,
    )
    adopted_at = None
    if recommendation.adopted_at_id:
        adopted_at = Meeting.objects.visible_to(AnonymousUser()).filter(pk=recommendation.adopted_at_id).first()
    return render(
        request,
        "publicsite/recommendation_detail.html",
        {"recommendation": recommendation, "adopted_at": adopted_at},
    )
