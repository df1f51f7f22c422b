"""The querysets behind the open-data API: what the public pages show, whoever asks.

Every queryset here is built for an anonymous visitor (`visible_to(AnonymousUser())`,
`published()`, `adopted()`, `active()`), never for `request.user`: the API answers the
same to everyone, so a signed-in member's session cannot widen it. Each queryset also
loads everything its schema prints, so a page of results costs a fixed number of queries.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Case, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from meetings import access
from meetings.models import AgendaItem, Meeting, MeetingOrganization, PublicSummary
from members.models import Member
from workinggroups.models import (
    Implementation,
    Membership,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
    WorkingGroup,
    WorkPlanItem,
)

# The public is anonymous; this one object stands for it in every policy call.
PUBLIC = AnonymousUser()

CHAIR_ROLES = [Membership.Role.CHAIR, Membership.Role.CO_CHAIR]


def council_zone() -> zoneinfo.ZoneInfo:
    """Return the Council's time zone, in which years and "today" are counted."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """Return the aware start of `year` and of the next year in the Council's time zone."""
    # Explicit bounds rather than `__year`: the active time zone may be a signed-in
    # member's own, and the API must not answer differently for them.
    zone = council_zone()
    return datetime.datetime(year, 1, 1, tzinfo=zone), datetime.datetime(year + 1, 1, 1, tzinfo=zone)


def public_meetings() -> QuerySet[Meeting]:
    """Return public meetings with their body, venue, organisations, public agenda and summary slug."""
    summary_slug = PublicSummary.objects.published().filter(meeting=OuterRef("pk")).values("slug")[:1]
    return (
        Meeting.objects.visible_to(PUBLIC)
        .select_related("body", "venue__country")
        .annotate(published_summary_slug=Subquery(summary_slug))
        .prefetch_related(
            Prefetch(
                "organizations",
                queryset=MeetingOrganization.objects.select_related("organization"),
                to_attr="attending",
            ),
            Prefetch(
                "agenda_items",
                # The item's own level must be public too, not only its meeting's.
                queryset=AgendaItem.objects.visible_to(PUBLIC).order_by("order"),
                to_attr="public_agenda",
            ),
        )
        .order_by("-starts_at", "-pk")
    )


def _meeting_is_public(path: str) -> Case:
    """Return an annotation telling whether the meeting at `path` is one the public may see."""
    # The policy module decides; the API only asks it, here as a SQL expression.
    rule = access.meeting_q(access.clearance_for(PUBLIC), f"{path}__")
    return Case(When(rule, then=Value(True)), default=Value(False), output_field=BooleanField())


def published_summaries() -> QuerySet[PublicSummary]:
    """Return published summaries with their meeting, its body and its venue's country."""
    return (
        PublicSummary.objects.published()
        .select_related("meeting__body", "meeting__venue__country")
        .annotate(meeting_is_public=_meeting_is_public("meeting"))
        .order_by("-published_at", "-pk")
    )


def active_groups() -> QuerySet[WorkingGroup]:
    """Return the working bodies with their public chairs and their number of adopted recommendations."""
    today = timezone.localdate(timezone=council_zone())
    chairs = (
        Membership.objects.current(on=today)
        .filter(role__in=CHAIR_ROLES, member__in=Member.objects.with_public_profile())
        .select_related("member__country")
        .order_by("role", "member__last_name", "member__first_name", "pk")
    )
    return (
        WorkingGroup.objects.active()
        .annotate(
            adopted_recommendations=Count(
                "recommendations", filter=Q(recommendations__status=Recommendation.Status.ADOPTED)
            )
        )
        .prefetch_related(Prefetch("memberships", queryset=chairs, to_attr="public_chairs"))
        .order_by("order", "letter", "name")
    )


def adopted_recommendations() -> QuerySet[Recommendation]:
    """Return adopted recommendations with their body, pillars, themes, public reservations and implementation."""
    return (
        Recommendation.objects.public()
        .select_related("group", "adopted_at")
        .annotate(adopted_at_is_public=_meeting_is_public("adopted_at"))
        .prefetch_related(
            "pillars",
            "themes",
            Prefetch("implementations", queryset=Implementation.objects.select_related("country")),
            # Every report, newest first (the model's order): each country's history.
            "implementation_reports",
            # Only the public ones are ever loaded, under a name that says so.
            Prefetch(
                "reservations",
                queryset=Reservation.objects.public().select_related("country", "organization"),
                to_attr="public_reservations",
            ),
        )
        .order_by("-adopted_on", "code")
    )


def public_roadmaps() -> QuerySet[Roadmap]:
    """Return the roadmaps that are not drafts, with their parties, items, tasks and public meetings."""
    items = RoadmapItem.objects.prefetch_related(
        Prefetch(
            "work_plan_items",
            queryset=WorkPlanItem.objects.public().select_related("plan__group"),
            to_attr="public_work_plan_items",
        ),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.visible_to(PUBLIC).order_by("starts_at", "pk"),
            to_attr="public_meetings",
        ),
    )
    return (
        Roadmap.objects.public()
        .prefetch_related("countries", "organizations", Prefetch("items", queryset=items))
        .order_by("-period_start", "slug")
    )
