"""The visibility policy: the one place that decides who may see which meeting, item, document and minutes.

Levels, from open to closed (DESIGN.md):

- ``public``: anyone, signed in or not;
- ``council``: any active member (council members, experts, partner representatives,
  practitioners), not observers;
- ``group``: active members of the meeting's body, the Executive Committee and the secretariat
  (chairs, co-chairs and members: an observer's seat grants no clearance);
- ``restricted``: the meeting's named participants and the secretariat.

An object hanging on a meeting (agenda item, document, minutes, action item) is
visible only if its meeting is visible *and* its own level admits the person, so a
public item never leaks out of a closed meeting. Minutes add a workflow rule:
members see approved minutes; chairs and co-chairs of the meeting's body also see
circulated drafts; drafts in preparation are the secretariat's alone.

Everything is expressed as queryset filters (`filter_visible`), so lists, counts
and single objects (`can_view`, `get_visible_or_404`) all answer from the same rule.
Views and templates ask; they never decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.roles import SECRETARIAT_GROUP

_CACHE_ATTRIBUTE = "_rec_clearance"


@dataclass(frozen=True)
class Clearance:
    """What one person is cleared for, computed once per request from their account and memberships."""

    user_id: int | None = None
    member_id: int | None = None  # Any active person: enough to be a named participant.
    is_council: bool = False  # Sees council-level material: every kind of member but observers.
    is_secretariat: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)
    chair_group_ids: frozenset[int] = field(default_factory=frozenset)
    is_executive: bool = False
    is_executive_chair: bool = False
    time_zone: str | None = None  # The person's own zone, for showing times.

    @property
    def is_member(self) -> bool:
        """Return whether this person sees council-level material."""
        return self.is_council


ANONYMOUS = Clearance()


def clearance_for(user) -> Clearance:
    """Return the clearance of `user`, cached on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    clearance = _compute_clearance(user)
    setattr(user, _CACHE_ATTRIBUTE, clearance)
    return clearance


def _compute_clearance(user) -> Clearance:
    from members.models import Member
    from workinggroups.models import Membership, WorkingGroup

    # Query 1: the secretariat role (superusers hold it implicitly).
    is_secretariat = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
    # Query 2: the active person behind the account; an inactive or missing one sees only public material.
    person = Member.objects.filter(user_id=user.pk, is_active=True).values_list("pk", "time_zone", "kind").first()
    if person is None:
        return Clearance(user_id=user.pk, is_secretariat=is_secretariat)
    member_id, time_zone, kind = person
    # Query 3: current seats on the Council's active bodies. An observer's seat lets them
    # attend, not read the body's papers: only chairs, co-chairs and members are cleared.
    seats = (
        Membership.objects.current()
        .filter(member_id=member_id, group__is_active=True)
        .exclude(role=Membership.Role.OBSERVER)
        .values_list("group_id", "group__kind", "role")
    )
    group_ids: set[int] = set()
    chair_group_ids: set[int] = set()
    is_executive = is_executive_chair = False
    chair_roles = {Membership.Role.CHAIR, Membership.Role.CO_CHAIR}
    for group_id, kind, role in seats:
        group_ids.add(group_id)
        if role in chair_roles:
            chair_group_ids.add(group_id)
        if kind == WorkingGroup.Kind.EXECUTIVE:
            is_executive = True
            is_executive_chair = is_executive_chair or role in chair_roles
    return Clearance(
        user_id=user.pk,
        member_id=member_id,
        is_council=kind != Member.Kind.OBSERVER,
        is_secretariat=is_secretariat,
        group_ids=frozenset(group_ids),
        chair_group_ids=frozenset(chair_group_ids),
        is_executive=is_executive,
        is_executive_chair=is_executive_chair,
        time_zone=time_zone,
    )


# --- The rule as queryset filters ------------------------------------------------------

_NOTHING = Q(pk__in=[])


def _level_q(c: Clearance, *, level: str, bodies: list[Q], meeting: str | None) -> Q:
    """Return the filter a row's own `level` must pass.

    `bodies` are filters that hold when the row's body is one of a set of ids: they
    are called with the person's group ids. `meeting` is the path to the meeting id
    whose participants may see restricted rows (None when the row has no meeting).
    """
    from meetings.models import Level, Participation

    allowed = Q(**{level: Level.PUBLIC})
    if c.member_id is None:
        return allowed
    if c.is_council:
        allowed |= Q(**{level: Level.COUNCIL})
    if c.is_executive:
        allowed |= Q(**{level: Level.GROUP})
    elif c.group_ids:
        in_my_bodies = _NOTHING
        for body in bodies:
            in_my_bodies |= body
        allowed |= Q(**{level: Level.GROUP}) & in_my_bodies
    if meeting is not None:
        invited = Exists(Participation.objects.filter(meeting_id=OuterRef(meeting), member_id=c.member_id))
        allowed |= Q(**{level: Level.RESTRICTED}) & invited
    return allowed


def meeting_q(c: Clearance, prefix: str = "") -> Q:
    """Return the filter for meetings `c` may see; `prefix` reaches the meeting from another model."""
    if c.is_secretariat:
        return Q()
    return _level_q(
        c,
        level=f"{prefix}level",
        bodies=[Q(**{f"{prefix}body_id__in": c.group_ids})],
        meeting=f"{prefix.removesuffix('__')}_id" if prefix else "pk",
    )


def agenda_item_q(c: Clearance, prefix: str = "") -> Q:
    """Return the filter for agenda items: their meeting and their own level must both admit `c`."""
    if c.is_secretariat:
        return Q()
    own = _level_q(
        c,
        level=f"{prefix}level",
        bodies=[Q(**{f"{prefix}meeting__body_id__in": c.group_ids})],
        meeting=f"{prefix}meeting_id",
    )
    return meeting_q(c, f"{prefix}meeting__") & own


def minutes_q(c: Clearance) -> Q:
    """Return the filter for minutes: level, meeting, and the draft → circulated → approved workflow."""
    from meetings.models import Minutes

    if c.is_secretariat:
        return Q()
    stage = Q(status=Minutes.Status.APPROVED)
    chaired = Q(meeting__body_id__in=c.chair_group_ids)
    if c.is_executive_chair:
        chaired |= Q(meeting__body__isnull=True)  # Plenary minutes go to the Executive Committee's chairs.
    stage |= Q(status=Minutes.Status.CIRCULATED) & chaired
    own = _level_q(c, level="level", bodies=[Q(meeting__body_id__in=c.group_ids)], meeting="meeting_id")
    return meeting_q(c, "meeting__") & own & stage


def document_q(c: Clearance) -> Q:
    """Return the filter for documents: own level, plus their meeting and agenda item if any."""
    if c.is_secretariat:
        return Q()
    own = _level_q(
        c,
        level="level",
        bodies=[
            Q(meeting__body_id__in=c.group_ids),
            Q(meeting__isnull=True, group_id__in=c.group_ids),
        ],
        meeting="meeting_id",
    )
    in_visible_meeting = Q(meeting__isnull=True) | meeting_q(c, "meeting__")
    on_visible_item = Q(agenda_item__isnull=True) | agenda_item_q(c, "agenda_item__")
    return own & in_visible_meeting & on_visible_item


def action_item_q(c: Clearance) -> Q:
    """Return the filter for action items: their meeting and their own level must both admit `c`."""
    if c.is_secretariat:
        return Q()
    own = _level_q(c, level="level", bodies=[Q(meeting__body_id__in=c.group_ids)], meeting="meeting_id")
    return meeting_q(c, "meeting__") & own


def chairs_meeting(user, meeting) -> bool:
    """Return whether `user` chairs or co-chairs the meeting's body (for a plenary: the Executive Committee)."""
    c = clearance_for(user)
    if c.member_id is None:
        return False
    if meeting.body_id is None:
        return c.is_executive_chair
    return meeting.body_id in c.chair_group_ids


def nameable_people(user, member_ids) -> set[int]:
    """Return which of these people may be named to `user`: all active ones to members, consenting ones to others."""
    from members.models import Member

    ids = {pk for pk in member_ids if pk is not None}
    if not ids:
        return set()
    c = clearance_for(user)
    people = Member.objects.active() if (c.is_council or c.is_secretariat) else Member.objects.with_public_profile()
    return set(people.filter(pk__in=ids).values_list("pk", flat=True))


def reason(user, obj, *, is_participant: bool = False, body=None) -> str:
    """Return, in words for the person, why `user` may see `obj` (which they may see)."""
    from meetings.models import Level

    c = clearance_for(user)
    level = obj.level
    if level == Level.PUBLIC:
        return _("Public: anyone may see this.")
    if c.is_secretariat:
        return _("You see everything as a member of the secretariat.")
    if level == Level.COUNCIL:
        return _("Council: you are a member of the Council.")
    if level == Level.GROUP:
        body = body if body is not None else _body_of(obj)
        if body is not None and body.pk in c.group_ids:
            return _("Group: you are a member of %(body)s.") % {"body": body}
        if c.is_executive:
            return _("Group: you are a member of the Executive Committee.")
    if level == Level.RESTRICTED and is_participant:
        return _("Restricted: you are a named participant of this meeting.")
    return _("You are cleared for this.")


def _body_of(obj):
    from meetings.models import Meeting

    if isinstance(obj, Meeting):
        return obj.body
    meeting = getattr(obj, "meeting", None)
    if meeting is not None:
        return meeting.body
    return getattr(obj, "group", None)


def _rules() -> dict[type[Model], object]:
    from meetings.models import ActionItem, AgendaItem, Document, Meeting, Minutes

    return {
        Meeting: meeting_q,
        AgendaItem: agenda_item_q,
        Minutes: minutes_q,
        Document: document_q,
        ActionItem: action_item_q,
    }


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    """Return `queryset` narrowed to the rows `user` may see."""
    rule = _rules().get(queryset.model)
    if rule is None:
        raise TypeError(f"No visibility rule for {queryset.model.__name__}.")
    c = clearance_for(user)
    # Every path in the rules is to-one (or an Exists), so filtering never duplicates rows.
    return queryset if c.is_secretariat else queryset.filter(rule(c))


def can_view(user, obj: Model) -> bool:
    """Return whether `user` may see `obj`, by the same rule as the lists (one query)."""
    return filter_visible(type(obj)._default_manager.filter(pk=obj.pk), user).exists()


def get_visible_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """Return the one object matching `lookup` that `user` may see, or raise Http404."""
    try:
        return filter_visible(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(_("No such page.")) from None
