"""The meetings' part of the secretariat's desk (core/desk.py): what needs doing this week.

Each source is one query (`core.desk.counted`: the rows and their number at once), so the admin
home costs the same whatever the number of meetings. The meeting list's "To do" filter
(`DeskFilter`) shows the same querysets whole, so a panel's count and its list agree.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import admin
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core import zones
from core.desk import Row, Source, change_url, changelist_url, register, untranslated, untranslated_row
from meetings.models import ActionItem, Meeting, Minutes, Participation, PublicSummary

UPCOMING_DAYS = 14


def _count_of(queryset: QuerySet) -> Subquery:
    """A correlated count of `queryset` (already filtered on meeting=OuterRef("pk"))."""
    return Coalesce(
        Subquery(
            queryset.order_by().values("meeting").annotate(n=Count("pk")).values("n"), output_field=IntegerField()
        ),
        0,
    )


def upcoming(now: datetime) -> QuerySet:
    """Meetings starting in the next two weeks, not cancelled."""
    return (
        Meeting.objects.filter(starts_at__gte=now, starts_at__lt=now + timedelta(days=UPCOMING_DAYS))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("body")
        .order_by("starts_at", "pk")
    )


def _still_to_come(now: datetime) -> QuerySet:
    return Meeting.objects.filter(ends_at__gte=now).exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.HELD])


def uninvited(now: datetime) -> QuerySet:
    """Meetings still to come with participants not yet invited."""
    not_invited = Participation.objects.filter(meeting=OuterRef("pk"), invited_at__isnull=True)
    return (
        _still_to_come(now)
        .filter(Exists(not_invited))
        .annotate(desk_n=_count_of(not_invited))
        .select_related("body")
        .order_by("starts_at", "pk")
    )


def replies_pending(now: datetime) -> QuerySet:
    """Meetings still to come where invited people have not replied."""
    waiting = Participation.objects.filter(
        meeting=OuterRef("pk"), invited_at__isnull=False, rsvp=Participation.Rsvp.PENDING
    )
    return (
        _still_to_come(now)
        .filter(Exists(waiting))
        .annotate(desk_n=_count_of(waiting))
        .select_related("body")
        .order_by("starts_at", "pk")
    )


def minutes_to_circulate(now: datetime) -> QuerySet:
    """Draft minutes of meetings that have ended."""
    return (
        Minutes.objects.filter(status=Minutes.Status.DRAFT, meeting__ends_at__lt=now)
        .select_related("meeting")
        .order_by("meeting__starts_at", "pk")
    )


def minutes_to_approve(now: datetime) -> QuerySet:
    """Minutes circulated to the chairs, waiting for approval."""
    return (
        Minutes.objects.filter(status=Minutes.Status.CIRCULATED)
        .select_related("meeting")
        .order_by("circulated_at", "pk")
    )


def summaries_to_publish(now: datetime) -> QuerySet:
    """Public summaries reviewed and ready to publish."""
    return PublicSummary.objects.filter(status=PublicSummary.Status.REVIEWED).select_related("meeting")


def summaries_to_prepare(now: datetime) -> QuerySet:
    """Meetings held, with approved minutes and no public summary yet."""
    approved = Minutes.objects.filter(meeting=OuterRef("pk"), status=Minutes.Status.APPROVED)
    return (
        Meeting.objects.filter(ends_at__lt=now, public_summary__isnull=True)
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(Exists(approved))
        .order_by("-starts_at", "pk")
    )


def meetings_untranslated(now: datetime) -> QuerySet:
    """Public meetings still to come whose title or description waits for a translation."""
    return (
        Meeting.objects.filter(untranslated(("title", "description")), level="public", ends_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )


def summaries_untranslated(now: datetime) -> QuerySet:
    """Public summaries whose title or text waits for a translation."""
    return PublicSummary.objects.filter(untranslated(("title", "text"))).order_by("-pk")


def overdue_actions(now: datetime) -> QuerySet:
    """Open or started actions past their due date, each by its meeting's own day (meetings.overdue)."""
    return ActionItem.objects.overdue(now=now).select_related("meeting", "owner").order_by("due_date", "pk")


# --- Rows and links ----------------------------------------------------------------------------


def _when(meeting: Meeting) -> str:
    local = timezone.localtime(meeting.starts_at, meeting.zone)
    when = f"{formats.date_format(local, 'SHORT_DATE_FORMAT')} {zones.clock(local)}"
    return f"{when} {zones.zone_label(meeting.time_zone, meeting.starts_at)}"


def _meeting_row(meeting: Meeting) -> Row:
    return Row(str(meeting), change_url(meeting), _when(meeting))


def _counted_meeting_row(template: tuple[str, str]) -> callable:
    def row(meeting: Meeting) -> Row:
        note = ngettext(*template, meeting.desk_n) % {"count": meeting.desk_n}
        return Row(str(meeting), change_url(meeting), f"{note} · {_when(meeting)}")

    return row


def _minutes_row(minutes: Minutes) -> Row:
    return Row(str(minutes), change_url(minutes), minutes.get_status_display())


def _summary_row(summary: PublicSummary) -> Row:
    return Row(str(summary), change_url(summary), gettext("to publish"))


def _prepare_row(meeting: Meeting) -> Row:
    # The "prepare the public summary" action runs from the list of the meeting's approved minutes.
    url = changelist_url(Minutes, meeting__id__exact=meeting.pk, status__exact=Minutes.Status.APPROVED)
    return Row(str(meeting), url, gettext("to prepare from the approved minutes"))


def _action_row(action: ActionItem) -> Row:
    due = formats.date_format(action.due_date, "SHORT_DATE_FORMAT")
    owner = str(action.owner) if action.owner_id else gettext("no owner")
    return Row(str(action), change_url(action), gettext("due %(date)s · %(owner)s") % {"date": due, "owner": owner})


def _overdue_changelist(now: datetime) -> str:
    return changelist_url(ActionItem, overdue="yes")


class DeskFilter(admin.SimpleListFilter):
    """The meeting list's "To do" filter: the desk's meeting panels, whole."""

    title = _("to do")
    parameter_name = "desk"
    QUERIES = {
        "upcoming": upcoming,
        "uninvited": uninvited,
        "replies": replies_pending,
        "summary": summaries_to_prepare,
        "translations": meetings_untranslated,
    }

    def lookups(self, request, model_admin):
        return [
            ("upcoming", _("Coming up in the next 14 days")),
            ("uninvited", _("Invitations not sent")),
            ("replies", _("Replies pending")),
            ("summary", _("Public summary to prepare")),
            ("translations", _("Translations pending")),
        ]

    def queryset(self, request, queryset):
        query = self.QUERIES.get(self.value() or "")
        if query is None:
            return queryset
        return queryset.filter(pk__in=query(timezone.now()).values("pk"))


def _meetings(desk: str) -> callable:
    return lambda now: changelist_url(Meeting, desk=desk)


register(
    Source(
        "upcoming", _("Meetings coming up"), 10, "meetings.view_meeting", upcoming, _meeting_row, _meetings("upcoming")
    )
)
register(
    Source(
        "uninvited",
        _("Invitations not sent"),
        20,
        "meetings.view_participation",
        uninvited,
        _counted_meeting_row(("%(count)d not invited", "%(count)d not invited")),
        _meetings("uninvited"),
    )
)
register(
    Source(
        "replies",
        _("Replies pending"),
        30,
        "meetings.view_participation",
        replies_pending,
        _counted_meeting_row(("%(count)d reply pending", "%(count)d replies pending")),
        _meetings("replies"),
    )
)
register(
    Source(
        "circulate",
        _("Minutes to circulate"),
        40,
        "meetings.view_minutes",
        minutes_to_circulate,
        _minutes_row,
        lambda now: changelist_url(Minutes, status__exact=Minutes.Status.DRAFT),
    )
)
register(
    Source(
        "approve",
        _("Minutes to approve"),
        50,
        "meetings.view_minutes",
        minutes_to_approve,
        _minutes_row,
        lambda now: changelist_url(Minutes, status__exact=Minutes.Status.CIRCULATED),
    )
)
register(
    Source(
        "summaries",
        _("Public summaries to publish"),
        60,
        "meetings.view_publicsummary",
        summaries_to_publish,
        _summary_row,
        lambda now: changelist_url(PublicSummary, status__exact=PublicSummary.Status.REVIEWED),
    )
)
register(
    Source(
        "summaries",
        _("Public summaries to publish"),
        61,
        "meetings.view_minutes",
        summaries_to_prepare,
        _prepare_row,
        _meetings("summary"),
    )
)
register(
    Source(
        "translations",
        _("Translations pending"),
        70,
        "meetings.view_meeting",
        meetings_untranslated,
        untranslated_row,
        _meetings("translations"),
    )
)
register(
    Source(
        "translations",
        _("Translations pending"),
        71,
        "meetings.view_publicsummary",
        summaries_untranslated,
        untranslated_row,
        lambda now: changelist_url(PublicSummary),
    )
)
register(
    Source(
        "overdue",
        _("Overdue actions"),
        80,
        "meetings.view_actionitem",
        overdue_actions,
        _action_row,
        _overdue_changelist,
    )
)
