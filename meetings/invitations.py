"""Filling a meeting's list of participants in one step, and replies given from the invitation e-mail.

Whom the steps add:

- *the body's current members*: everyone whose seat on the meeting's body is current today
  (`Membership.objects.current()`), chairs as the meeting's chairs, co-chairs and members as
  participants;
- *the Executive Committee's current members*, as participants;
- *an organisation's representatives*: the active people whose organisation it is.

Only active people are added, and nobody already on the list. Observers are left out unless the
secretariat asks for them: an observer's seat grants no clearance on the body's papers, and an
invitation would open this meeting's material to them (`meetings.access`), so adding them is a
choice made on purpose, and they are added with the role "observer".

Every step is atomic and takes the meeting's row lock first, so two steps at once cannot add a
person twice; it writes the history like any save.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from simple_history.utils import bulk_create_with_history

from meetings import rsvp_links, services
from meetings.models import Meeting, Participation
from members.models import Member, Organization
from workinggroups.models import Membership, WorkingGroup


@dataclass
class Added:
    """What a step did: the people it added, and how many of those it found were already on the list."""

    people: list[Member] = field(default_factory=list)
    already: int = 0


def _seats(group_ids, *, include_observers: bool) -> QuerySet:
    seats = Membership.objects.current().filter(group_id__in=group_ids, member__is_active=True)
    if not include_observers:
        seats = seats.exclude(role=Membership.Role.OBSERVER)
    return seats


def _role(seat_role: str, *, own_body: bool) -> str:
    if seat_role == Membership.Role.OBSERVER:
        return Participation.Role.OBSERVER
    if own_body and seat_role == Membership.Role.CHAIR:
        return Participation.Role.CHAIR
    return Participation.Role.PARTICIPANT


def executive_committee() -> WorkingGroup | None:
    """Return the Council's Executive Committee, if it exists."""
    return WorkingGroup.objects.filter(kind=WorkingGroup.Kind.EXECUTIVE).order_by("pk").first()


def candidates(meeting: Meeting, source: str, *, organization: Organization | None = None, include_observers=False):
    """Return [(person, role)] a step would consider for `meeting`, before removing those already listed.

    `source` is "body" (the meeting's body), "executive" or "organization". One query.
    """
    if source == "organization":
        if organization is None:
            return []
        people = Member.objects.active().filter(organization=organization).order_by("last_name", "first_name", "pk")
        return [(person, Participation.Role.PARTICIPANT) for person in people.select_related("user")]
    if source == "body":
        body_id = meeting.body_id
    elif source == "executive":
        committee = executive_committee()
        body_id = committee.pk if committee else None
    else:
        raise ValueError(f"Unknown source {source!r}.")
    if body_id is None:
        return []
    own_body = body_id == meeting.body_id
    seats = (
        _seats([body_id], include_observers=include_observers)
        .select_related("member__user")
        .order_by("member__last_name", "member__first_name", "member_id")
    )
    chosen: dict[int, tuple[Member, str]] = {}
    for seat in seats:  # A person with two current seats (rare): the first, best role, wins.
        role = _role(seat.role, own_body=own_body)
        if seat.member_id not in chosen or role == Participation.Role.CHAIR:
            chosen[seat.member_id] = (seat.member, role)
    return list(chosen.values())


def preview(meeting: Meeting, source: str, **options) -> Added:
    """Return who a step would add to `meeting` now and how many it would skip as already listed (two queries)."""
    listed = set(Participation.objects.filter(meeting=meeting).values_list("member_id", flat=True))
    found = candidates(meeting, source, **options)
    return Added(
        people=[person for person, _role in found if person.pk not in listed],
        already=sum(1 for person, _role in found if person.pk in listed),
    )


@transaction.atomic
def add_participants(*, meeting: Meeting, source: str, by, **options) -> Added:
    """Add to `meeting` the current people of `source` not yet on its list; return whom it added."""
    # The meeting's lock serialises steps on one meeting: the list read below cannot change meanwhile.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    listed = set(Participation.objects.filter(meeting=meeting).values_list("member_id", flat=True))
    found = candidates(meeting, source, **options)
    rows = [
        Participation(meeting=meeting, member=person, role=role) for person, role in found if person.pk not in listed
    ]
    if rows:
        user = by if getattr(by, "is_authenticated", False) else None
        bulk_create_with_history(rows, Participation, default_user=user)
    return Added(people=[row.member for row in rows], already=len(found) - len(rows))


def reply_by_link(*, token: str, mode: str = "") -> Participation:
    """Record the reply a signed e-mail link gives (rsvp_links), once: raise LinkError or WorkflowError if it cannot."""
    with transaction.atomic():
        # Locked while checked and written, so the same link used twice at once counts once.
        link = rsvp_links.read_token(token, for_update=True)
        meeting = link.participation.meeting
        if link.rsvp == Participation.Rsvp.DECLINED:
            mode = ""
        elif not rsvp_links.asks_mode(meeting):
            mode = rsvp_links.default_mode(meeting)
        return services.reply_to_invitation(participation=link.participation, rsvp=link.rsvp, mode=mode)
