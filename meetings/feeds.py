"""Public subscriptions to meeting material: an Atom feed of summaries and an iCalendar feed of meetings.

Both are public documents that may be fetched with a session cookie, so they are built
for the anonymous visitor whoever asks: nothing here reads `request.user`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Conference, Event, Timezone

from meetings.models import AgendaItem, Meeting, PublicSummary

FEED_LENGTH = 20
# The calendar keeps a year of past meetings, so subscribers see the recent record too.
CALENDAR_PAST = datetime.timedelta(days=365)
CALENDAR_REFRESH = datetime.timedelta(hours=6)

# Calendar programs understand only these three; a postponed meeting has no firm date.
ICAL_STATUS = {
    Meeting.Status.PLANNED: "TENTATIVE",
    Meeting.Status.CONFIRMED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.POSTPONED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


class SummaryFeed(Feed):
    """Atom feed of the latest published public summaries, in the language of the address."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> str:
        """Return the host name, without a port, under which every entry's permanent id is minted."""
        domain, _port = split_domain_port(request.get_host())
        return domain

    def title(self) -> str:
        return _("Regional Expert Council: meeting summaries")

    def subtitle(self) -> str:
        return _("Public summaries of the meetings of the Council and its working groups.")

    description = subtitle

    def link(self) -> str:
        return reverse("meetings:summaries")

    def author_name(self) -> str:
        return _("Secretariat of the Regional Expert Council")

    def items(self, authority: str) -> list[PublicSummary]:
        # Query 1: the latest published summaries; nothing else is read.
        summaries = list(PublicSummary.objects.published()[:FEED_LENGTH])
        language = get_language()
        for summary in summaries:
            # Independent of slug and title edits; one entry per language, as the texts differ.
            summary.feed_id = f"tag:{authority},{summary.created_at:%Y-%m-%d}:summary/{summary.pk}/{language}"
        return summaries

    def item_title(self, item: PublicSummary) -> str:
        return item.title  # Atom titles are text: Django's default would escape them twice.

    def item_description(self, item: PublicSummary) -> str:
        return linebreaks(item.text, autoescape=True)

    def item_link(self, item: PublicSummary) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: PublicSummary) -> str:
        return item.feed_id

    def item_pubdate(self, item: PublicSummary) -> datetime.datetime:
        return item.published_at

    def item_updateddate(self, item: PublicSummary) -> datetime.datetime:
        # A summary published on a date set in advance was last saved before it appeared.
        return max(item.updated_at, item.published_at)


def _location(meeting: Meeting) -> str:
    """Return where a meeting is, as "city, country" only: addresses and links are never public."""
    if meeting.venue is None:
        return _("Online")
    return f"{meeting.venue.city}, {meeting.venue.country.name}"


def _description(
    meeting: Meeting, url: str, agenda: Iterable[AgendaItem], online_url: str = "", *, describe: bool = True
) -> str:
    """Return the meeting's description (unless `describe` is off), the given agenda items and its addresses."""
    parts = [meeting.description.strip()] if describe and meeting.description.strip() else []
    agenda = list(agenda)
    if agenda:
        parts.append("\n".join([_("Agenda:"), *(f"• {item.title}" for item in agenda)]))
    if online_url:
        parts.append(_("Join online: %(url)s") % {"url": online_url})
    parts.append(url)
    return "\n\n".join(parts)


def with_revisions(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Annotate each meeting with the number of its saved revisions, which makes the event's SEQUENCE."""
    revisions = Meeting.history.filter(id=OuterRef("pk")).order_by().values("id").annotate(n=Count("*")).values("n")
    return meetings.annotate(revisions=Coalesce(Subquery(revisions, output_field=IntegerField()), 0))


def public_meetings(now: datetime.datetime) -> list[Meeting]:
    """Return the public meetings of the last twelve months and all upcoming ones, with their public agenda."""
    anyone = AnonymousUser()
    return list(
        # Query 1: the meetings with their venue, country and number of saved revisions.
        # Postponed to a date to be announced: out of calendars until the new date is set (meetings.scheduling).
        with_revisions(Meeting.objects.visible_to(anyone).dated())
        .filter(ends_at__gte=now - CALENDAR_PAST)
        .select_related("venue__country")
        # Query 2: their public agenda items, in order.
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.visible_to(anyone).order_by("order").only("pk", "meeting_id", "title"),
                to_attr="public_agenda",
            )
        )
        .order_by("starts_at", "pk")
    )


def meeting_event(
    meeting: Meeting,
    *,
    url: str,
    stamp: datetime.datetime,
    agenda: Iterable[AgendaItem],
    online_url: str = "",
    status: str | None = None,
    describe: bool = True,
) -> Event:
    """Return the VEVENT of one meeting, with the agenda items given and, for its participants, the online link.

    The caller decides what the reader may see: `agenda` holds only items visible to them and
    `online_url` is empty unless they are a named participant; `describe` is off for a reader
    who may not see the meeting's own description (a guest invited to a closed meeting).
    Every feed and e-mail builds its events here, so a meeting has the same UID everywhere.
    """
    zone = meeting.zone
    event = Event.new(
        uid=f"meeting-{meeting.pk}@rec-portal",  # Never changes, so edits update the subscriber's copy.
        # Each save records a revision; the first one (the creation) is sequence 0.
        sequence=max(getattr(meeting, "revisions", 1) - 1, 0),
        stamp=stamp,
        last_modified=meeting.updated_at.astimezone(datetime.UTC),
        start=meeting.starts_at.astimezone(zone),
        end=meeting.ends_at.astimezone(zone),
        summary=meeting.title,
        location=_location(meeting),
        url=url,
        status=status or ICAL_STATUS.get(meeting.status, "TENTATIVE"),
        description=_description(meeting, url, agenda, online_url, describe=describe),
        conferences=[Conference(online_url, feature="VIDEO", label=_("Online link"))] if online_url else None,
    )
    return event


def add_timezones(calendar: Calendar, meetings: list[Meeting], now: datetime.datetime) -> None:
    """Add one VTIMEZONE per zone in use, covering only the years of `meetings` (small and fast to build)."""
    first = min((meeting.starts_at for meeting in meetings), default=now).date()
    last = max((meeting.ends_at for meeting in meetings), default=now).date()
    span = {"first_date": datetime.date(first.year - 1, 1, 1), "last_date": datetime.date(last.year + 2, 1, 1)}
    if meetings:
        calendar.add_missing_timezones(**span)
    else:
        # RFC 5545 wants at least one component: the Council's own zone keeps an empty calendar valid.
        calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE, **span))


@require_safe
def public_calendar(request: HttpRequest) -> HttpResponse:
    """Serve the public meetings as an iCalendar feed that calendar programs subscribe to."""
    now = timezone.now()
    language = get_language()
    meetings = public_meetings(now)
    calendar = Calendar.new(
        prodid="-//Regional Expert Council//REC Portal public meetings//EN",
        name=_("Regional Expert Council: public meetings"),
        description=_("Public meetings of the Council and its working groups."),
        method="PUBLISH",
        uid=f"public-meetings-{language}@rec-portal",
        refresh_interval=CALENDAR_REFRESH,
    )
    calendar.add("X-PUBLISHED-TTL", "PT6H")  # REFRESH-INTERVAL for the programs that predate RFC 7986.
    stamp = now.astimezone(datetime.UTC)
    for meeting in meetings:
        url = request.build_absolute_uri(meeting.get_absolute_url())
        calendar.add_component(meeting_event(meeting, url=url, stamp=stamp, agenda=meeting.public_agenda))
    add_timezones(calendar, meetings, now)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rec-public-meetings-{language}.ics"'
    return response
