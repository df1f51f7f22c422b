"""E-mail to members: invitations, meeting changes and cancellations, minutes, silence procedures.

Every message is rendered in the recipient's own language and time zone, says only what the
policy lets that person see (`meetings.access`), and carries the meeting as an .ics built by
the same code as the calendar feeds (`meetings.feeds.meeting_event`), with the online link
only for the meeting's named participants.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
from collections.abc import Iterable
from typing import Literal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress

from accounts.roles import SECRETARIAT_GROUP
from core import zones
from core.links import absolute_url
from mailqueue.services import queue_mail
from meetings import access, rsvp_links
from meetings.feeds import add_timezones, meeting_event, with_revisions
from meetings.models import AgendaItem, Meeting, Minutes, Participation, SilenceProcedure
from members.models import Member
from workinggroups.models import Membership, WorkingGroup

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[REC] "
# The fields whose change is worth an e-mail to the invited participants.
NOTIFIED_FIELDS = ("starts_at", "ends_at", "venue", "status", "online_url")


# --- Building blocks ---------------------------------------------------------------------


def _absolute(path: str) -> str:
    return absolute_url(path)


def _with_revisions(meeting: Meeting) -> Meeting:
    """Return `meeting` fresh from the database with what its calendar event needs (revisions, venue)."""
    return with_revisions(Meeting.objects.filter(pk=meeting.pk)).select_related("venue__country", "body").get()


def _format(moment: datetime.datetime, zone_name: str, *, city: str = "") -> str:
    """Return `moment` as wall-clock time in `zone_name`, by its city: "14 May 2026, 09:00 Almaty time (UTC+5)"."""
    return zones.format_moment(moment, zone_name, city=city)


def _city(meeting: Meeting) -> str:
    return (meeting.venue.city_en or meeting.venue.city) if meeting.venue_id else ""


def _meeting_context(meeting: Meeting, person: Member, *, participant: bool) -> dict:
    """Return what a message about `meeting` tells `person`: only what the policy lets them see."""
    user = person.user if person.user_id and person.user.is_active else None
    # Without an active account the person is, to the policy, anyone: public material only.
    clearance = access.clearance_for(user)
    may_see = access.can_view(user, meeting)
    agenda = list(
        AgendaItem.objects.visible_to(user).filter(meeting=meeting).order_by("order").only("pk", "title", "meeting_id")
    )
    # The venue's time first; the person's own beside it, labelled as theirs, only when their clock differs.
    when = [_format(meeting.starts_at, meeting.time_zone, city=_city(meeting))]
    if person.time_zone and not zones.coincide(meeting.starts_at, meeting.time_zone, person.time_zone):
        when.append(zones.yours(meeting.starts_at, meeting.time_zone, person.time_zone))
    if meeting.venue is None:
        where = _("Online")
    else:
        where = f"{meeting.venue.name}, {meeting.venue.city}, {meeting.venue.country.name}"
        if meeting.venue.address and access.shows_venue_address(is_participant=participant):
            where = f"{where} — {meeting.venue.address}"
    return {
        "person": person,
        "meeting": meeting,
        "title": meeting.title,
        "body": str(meeting.body) if meeting.body_id else _("Plenary of the Council"),
        "status": meeting.get_status_display(),
        "when": when,
        "ends": _format(meeting.ends_at, meeting.time_zone, city=_city(meeting)),
        "where": where,
        "online_url": access.online_url_for(clearance, meeting, is_participant=participant),
        "agenda": agenda,
        "description": meeting.description.strip() if may_see else "",
        "url": _absolute(meeting.get_absolute_url()),
        "may_see": may_see,
    }


def _ics(meeting: Meeting, person: Member, context: dict, *, method: str) -> str:
    """Return the .ics of one meeting for one person, as a calendar invitation (REQUEST) or cancellation (CANCEL)."""
    calendar = Calendar.new(prodid="-//Regional Expert Council//REC Portal invitations//EN", method=method)
    event = meeting_event(
        meeting,
        url=context["url"],
        stamp=timezone.now().astimezone(datetime.UTC),
        agenda=context["agenda"],
        online_url=context["online_url"],
        status="CANCELLED" if method == "CANCEL" else None,
        describe=context["may_see"],
    )
    # RFC 5546: a REQUEST or CANCEL names its organiser and the attendee it is addressed to.
    _name, sender = email.utils.parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{sender}")
    organizer.params["cn"] = _("Secretariat of the Regional Expert Council")
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{person.email}")
    attendee.params["cn"] = person.full_name
    event.add("attendee", attendee)
    calendar.add_component(event)
    add_timezones(calendar, [meeting], timezone.now())
    return calendar.to_ical().decode()


def _message(person: Member, subject: str, template: str, context: dict) -> EmailMultiAlternatives:
    body = render_to_string(template, context)
    return EmailMultiAlternatives(subject=f"{SUBJECT_PREFIX}{subject}", body=body, to=[person.email])


def _send(messages: list[EmailMultiAlternatives]) -> int:
    """Put `messages` in the outbox (mailqueue); they are delivered by a background task after commit."""
    return queue_mail(messages)


def _reachable(people: Iterable[Member]) -> list[Member]:
    return [person for person in people if person.is_active and person.email]


# --- Invitations and meeting changes -------------------------------------------------------


def mail_invitations(*, meeting: Meeting, people: Iterable[Member]) -> int:
    """E-mail an invitation with its .ics to each of `people` who wants one; return how many were sent."""
    meeting = _with_revisions(meeting)
    messages = []
    reachable = _reachable(person for person in people if person.notify_invitations)
    # One query: each invitation, for its signed reply links (Accept, Tentative, Decline). Queued
    # invitations are mailed later: whoever was taken off the list meanwhile gets nothing.
    invitations = {p.member_id: p for p in Participation.objects.filter(meeting=meeting, member__in=reachable)}
    for person in (person for person in reachable if person.pk in invitations):
        with translation.override(person.preferred_language):
            context = _meeting_context(meeting, person, participant=True)
            context["reply_links"] = {
                reply: _absolute(path) for reply, path in rsvp_links.reply_paths(invitations[person.pk]).items()
            }
            message = _message(
                person, _("Invitation: %(title)s") % {"title": meeting.title}, "emails/meeting_invitation.txt", context
            )
            ics = _ics(meeting, person, context, method="REQUEST")
            message.attach("invitation.ics", ics, "text/calendar; method=REQUEST")
            messages.append(message)
    return _send(messages)


def notify_meeting_changed(*, meeting: Meeting, changes: list[str]) -> int:
    """E-mail the invited participants who want it that the meeting changed or was cancelled; return how many."""
    meeting = _with_revisions(meeting)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    postponed = meeting.status == Meeting.Status.POSTPONED
    # With no new date yet, calendars drop the event (CANCEL); the new date brings it back (REQUEST, higher SEQUENCE).
    withdrawn = cancelled or (postponed and meeting.date_to_be_announced)
    people = [
        participation.member
        for participation in Participation.objects.filter(
            meeting=meeting, invited_at__isnull=False, member__notify_meeting_changes=True
        ).select_related("member__user")
    ]
    messages = []
    for person in _reachable(people):
        with translation.override(person.preferred_language):
            context = _meeting_context(meeting, person, participant=True)
            context["changes"] = [
                str(Meeting._meta.get_field(name).verbose_name) for name in changes if name in NOTIFIED_FIELDS
            ]
            context |= {"cancelled": cancelled, "postponed": postponed, "withdrawn": withdrawn}
            if cancelled:
                subject = _("Cancelled: %(title)s") % {"title": meeting.title}
            elif postponed:
                subject = _("Postponed: %(title)s") % {"title": meeting.title}
            else:
                subject = _("Changed: %(title)s") % {"title": meeting.title}
            message = _message(person, subject, "emails/meeting_changed.txt", context)
            method = "CANCEL" if withdrawn else "REQUEST"
            message.attach(
                "meeting.ics", _ics(meeting, person, context, method=method), f"text/calendar; method={method}"
            )
            messages.append(message)
    return _send(messages)


# --- Minutes ------------------------------------------------------------------------------


def _minutes_candidates(minutes: Minutes, event: str) -> list[Member]:
    """Return who may hear of `minutes`: its chairs when circulated, its body and participants when approved."""
    meeting = minutes.meeting
    seats = Membership.objects.current().filter(group__is_active=True)
    if meeting.body_id is not None:
        seats = seats.filter(group_id=meeting.body_id)
    else:
        seats = seats.filter(group__kind=WorkingGroup.Kind.EXECUTIVE)  # Plenary minutes go to the Executive Committee.
    if event == "circulated":
        who = Q(pk__in=seats.filter(role__in=[Membership.Role.CHAIR, Membership.Role.CO_CHAIR]).values("member_id"))
    else:
        who = Q(pk__in=seats.values("member_id")) | Q(pk__in=meeting.participations.values("member_id"))
    return list(
        Member.objects.active()
        .filter(who, notify_minutes=True, user__is_active=True)
        .exclude(email="")
        .select_related("user")
        .order_by("pk")
    )


def unreachable_reviewers(minutes: Minutes) -> tuple[int, list[tuple[str, str]]]:
    """Return how many chairs would be told of circulated `minutes`, and who among them cannot be, and why."""
    meeting = minutes.meeting
    seats = Membership.objects.current().filter(
        group__is_active=True, role__in=[Membership.Role.CHAIR, Membership.Role.CO_CHAIR]
    )
    if meeting.body_id is not None:
        seats = seats.filter(group_id=meeting.body_id)
    else:
        seats = seats.filter(group__kind=WorkingGroup.Kind.EXECUTIVE)
    chairs = Member.objects.active().filter(pk__in=seats.values("member_id")).select_related("user").order_by("pk")
    reachable, unreachable = 0, []
    for person in chairs:
        if person.user_id is None or not person.user.is_active:
            unreachable.append((person.full_name, _("no portal account")))
        elif not person.email:
            unreachable.append((person.full_name, _("no e-mail address")))
        elif not person.notify_minutes:
            unreachable.append((person.full_name, _("e-mails about minutes switched off")))
        else:
            reachable += 1
    return reachable, unreachable


def notify_minutes(*, minutes: Minutes, event: Literal["circulated", "approved"]) -> int:
    """E-mail the people who may now read `minutes` that they were circulated or approved; return how many."""
    if event not in {"circulated", "approved"}:
        raise ValueError(f"Unknown minutes event {event!r}.")
    minutes = Minutes.objects.select_related("meeting__body").get(pk=minutes.pk)
    messages = []
    for person in _minutes_candidates(minutes, event):
        # The policy decides, per person, exactly as the pages do: a seat alone is not enough.
        if not Minutes.objects.visible_to(person.user).filter(pk=minutes.pk).exists():
            continue
        with translation.override(person.preferred_language):
            meeting = minutes.meeting
            context = {
                "person": person,
                "title": meeting.title,
                "version": minutes.version,
                "event": event,
                "when": _format(meeting.starts_at, meeting.time_zone),
                "url": _absolute(minutes.get_absolute_url()),
            }
            if event == "circulated":
                subject = _("Draft minutes for your comments: %(title)s") % {"title": meeting.title}
            else:
                subject = _("Minutes approved: %(title)s") % {"title": meeting.title}
            messages.append(_message(person, subject, f"emails/minutes_{event}.txt", context))
    return _send(messages)


# --- Silence procedures ---------------------------------------------------------------------

SilenceEvent = Literal["started", "adopted", "withdrawn", "broken"]


def silence_audience(procedure: SilenceProcedure) -> tuple[list[Member], list[Member]]:
    """Return who a silence procedure concerns: those an e-mail reaches, and those it cannot (no address or account).

    Silence counts as consent, so the notices go to everyone concerned whatever their
    notification settings: nobody may miss one.
    """
    if procedure.minutes_id:
        minutes = procedure.minutes
        meeting = minutes.meeting
        seats = Membership.objects.current().filter(group__is_active=True).exclude(role=Membership.Role.OBSERVER)
        if meeting.body_id is not None:
            seats = seats.filter(group_id=meeting.body_id)
        else:
            seats = seats.filter(group__kind=WorkingGroup.Kind.EXECUTIVE)  # Plenary minutes: the Executive Committee.
        who = Q(pk__in=seats.values("member_id")) | Q(pk__in=meeting.participations.values("member_id"))
        candidates = Member.objects.active().filter(who)
    else:
        candidates = Member.objects.filter(access.representative_q())
    reachable, unreachable = [], []
    for person in candidates.select_related("user").order_by("last_name", "first_name", "pk"):
        user = person.user if person.user_id and person.user.is_active else None
        if user is None or not person.email:
            unreachable.append(person)
        # The policy decides, per person, exactly as the pages do: a seat alone is not enough.
        elif procedure.recommendation_id or access.concerned_by_minutes_silence(user, procedure.minutes):
            reachable.append(person)
    return reachable, unreachable


def _silence_chairs(procedure: SilenceProcedure) -> list[Member]:
    """Return the chairs and co-chairs of the body whose text it is (for plenary minutes, the Executive Committee's)."""
    seats = Membership.objects.current().filter(
        group__is_active=True, role__in=[Membership.Role.CHAIR, Membership.Role.CO_CHAIR]
    )
    if procedure.recommendation_id:
        seats = seats.filter(group_id=procedure.recommendation.group_id)
    elif procedure.minutes.meeting.body_id is not None:
        seats = seats.filter(group_id=procedure.minutes.meeting.body_id)
    else:
        seats = seats.filter(group__kind=WorkingGroup.Kind.EXECUTIVE)
    chairs = Member.objects.active().filter(pk__in=seats.values("member_id"), user__is_active=True).exclude(email="")
    return [
        person
        for person in chairs.select_related("user").order_by("pk")
        # Told only of a text they may read (restricted minutes: named participants only).
        if access.may_read_silenced_text(person.user, procedure)
    ]


def _secretariat_people() -> list[tuple[str, str, str, str]]:
    """Return (name, e-mail, language, time zone) of every active member of the secretariat with an address."""
    users = (
        get_user_model()
        ._default_manager.filter(is_active=True, groups__name=SECRETARIAT_GROUP)
        .exclude(email="")
        .values_list("first_name", "last_name", "username", "email", "member__preferred_language", "member__time_zone")
        .distinct()
    )
    return [
        (
            f"{first} {last}".strip() or username,
            address,
            language or settings.LANGUAGE_CODE,
            zone or settings.TIME_ZONE,
        )
        for first, last, username, address, language, zone in users
    ]


def _text_title(procedure: SilenceProcedure) -> str:
    """Return the name of the text under silence, in the active language."""
    if procedure.minutes_id:
        return str(procedure.minutes)
    return f"{procedure.recommendation.code} {procedure.recommendation.title}"


def _silence_context(procedure: SilenceProcedure, name: str, zone: str, event: str) -> dict:
    # The Council's seat's time, where the secretariat set it; the person's own beside it when their clock differs.
    deadline = [_format(procedure.deadline, settings.TIME_ZONE)]
    if not zones.coincide(procedure.deadline, settings.TIME_ZONE, zone):
        deadline.append(zones.yours(procedure.deadline, settings.TIME_ZONE, zone))
    context = {
        "name": name,
        "event": event,
        "title": _text_title(procedure),
        "is_minutes": bool(procedure.minutes_id),
        "deadline": deadline,
        "url": _absolute(procedure.get_absolute_url()),
    }
    if event == "broken":
        objection = procedure.silence_break
        context |= {
            "broken_by": objection.member.full_name,
            "broken_at": _format(objection.broken_at, zone),
            "reason": objection.reason,
        }
    return context


def _silence_subject(event: str, title: str) -> str:
    subjects = {
        "started": _("Under silence procedure: %(title)s"),
        "adopted": _("Adopted by silence procedure: %(title)s"),
        "withdrawn": _("Silence procedure withdrawn: %(title)s"),
        "broken": _("Silence broken: %(title)s"),
    }
    return subjects[event] % {"title": title}


def notify_silence(*, procedure: SilenceProcedure, event: SilenceEvent) -> int:
    """E-mail what happened to a silence procedure, each in their language and zone; return how many were sent.

    Started, adopted and withdrawn: everyone concerned. Broken: the secretariat and the chairs of
    the body whose text it is, with who broke silence and why.
    """
    if event not in {"started", "adopted", "withdrawn", "broken"}:
        raise ValueError(f"Unknown silence event {event!r}.")
    procedure = SilenceProcedure.objects.select_related(
        "minutes__meeting__body", "recommendation__group", "silence_break__member"
    ).get(pk=procedure.pk)
    messages = []
    if event == "broken":
        people = [(p.full_name, p.email, p.preferred_language, p.time_zone) for p in _silence_chairs(procedure)]
        addresses = {address for _name, address, _language, _zone in people}
        people += [row for row in _secretariat_people() if row[1] not in addresses]
    else:
        reachable, _unreachable = silence_audience(procedure)
        people = [(p.full_name, p.email, p.preferred_language, p.time_zone) for p in reachable]
    for name, address, language, zone in people:
        with translation.override(language):
            context = _silence_context(procedure, name, zone, event)
            body = render_to_string("emails/silence.txt", context)
            subject = _silence_subject(event, context["title"])
            messages.append(EmailMultiAlternatives(subject=f"{SUBJECT_PREFIX}{subject}", body=body, to=[address]))
    return _send(messages)
