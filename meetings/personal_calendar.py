"""A member's personal iCalendar feed, at a secret address that calendar programs poll without a session.

The token in the address stands for the person: the feed is built for their account through
the policy (`Meeting.objects.visible_to(user)`), never for whoever sends the request, and it
answers 404 as soon as the token is revoked or regenerated or the person loses access.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar

from meetings import access
from meetings.feeds import CALENDAR_PAST, CALENDAR_REFRESH, add_timezones, meeting_event, with_revisions
from meetings.models import AgendaItem, Meeting, Participation
from members.models import Member

# Tokens are generated long (secrets.token_urlsafe); anything shorter is not one of ours.
MIN_TOKEN_LENGTH = 20


def member_for_token(token: str) -> Member:
    """Return the active person, with an active account, whose calendar key is `token`, or raise Http404."""
    if len(token) < MIN_TOKEN_LENGTH:
        raise Http404(_("No such calendar."))
    person = (
        Member.objects.active()
        .filter(calendar_token=token, user__isnull=False, user__is_active=True)
        .select_related("user")
        .first()
    )
    if person is None:
        raise Http404(_("No such calendar."))
    return person


def personal_meetings(person: Member, now: datetime.datetime) -> list[Meeting]:
    """Return the meetings of the last twelve months and all upcoming ones that `person` may see and takes part in.

    "Takes part in" is a named participant of the meeting, or a member of the meeting's body.
    Each meeting carries `is_participant` and `my_agenda`, the agenda items the person may see.
    """
    user = person.user
    clearance = access.clearance_for(user)
    invited = Participation.objects.filter(meeting_id=OuterRef("pk"), member_id=person.pk)
    return list(
        # Query 1: the meetings, with venue, country, revisions and whether the person is named on them.
        # Postponed to a date to be announced: out of calendars until the new date is set (meetings.scheduling).
        with_revisions(Meeting.objects.visible_to(user).dated())
        .annotate(is_participant=Exists(invited))
        .filter(Q(is_participant=True) | Q(body_id__in=clearance.group_ids), ends_at__gte=now - CALENDAR_PAST)
        .select_related("venue__country")
        # Query 2: the agenda items the person may see, in order.
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.visible_to(user).order_by("order").only("pk", "meeting_id", "title"),
                to_attr="my_agenda",
            )
        )
        .order_by("starts_at", "pk")
    )


@require_safe
def personal_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """Serve one person's meetings as an iCalendar feed, with online links for the meetings they are named on."""
    now = timezone.now()
    person = member_for_token(token)
    meetings = personal_meetings(person, now)
    clearance = access.clearance_for(person.user)
    calendar = Calendar.new(
        prodid="-//Regional Expert Council//REC Portal personal calendar//EN",
        name=_("Regional Expert Council: my meetings"),
        description=_("Meetings of the Council that %(name)s takes part in.") % {"name": person.full_name},
        method="PUBLISH",
        uid=f"personal-{person.pk}-{get_language()}@rec-portal",
        refresh_interval=CALENDAR_REFRESH,
    )
    calendar.add("X-PUBLISHED-TTL", "PT6H")
    stamp = now.astimezone(datetime.UTC)
    for meeting in meetings:
        url = request.build_absolute_uri(meeting.get_absolute_url())
        online_url = access.online_url_for(clearance, meeting, is_participant=meeting.is_participant)
        calendar.add_component(
            meeting_event(meeting, url=url, stamp=stamp, agenda=meeting.my_agenda, online_url=online_url)
        )
    add_timezones(calendar, meetings, now)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rec-my-meetings.ics"'
    # The address is a secret: no shared cache, proxy or search engine may keep what it shows.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
