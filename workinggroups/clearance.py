"""Who a person is to the Council: the clearance computed once a request from their account, person and seats.

This module states facts (the secretariat role, the active person, current seats on active
bodies); what those facts let a person see is decided by the policy modules that read them:
`meetings.access` for meetings and everything on them, `directory.access` for the members'
directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accounts.roles import is_secretariat
from members.models import Member
from workinggroups.models import Membership, WorkingGroup

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
    # Query 1: the secretariat role (superusers hold it implicitly).
    secretariat = is_secretariat(user)
    # Query 2: the active person behind the account; an inactive or missing one sees only public material.
    person = Member.objects.filter(user_id=user.pk, is_active=True).values_list("pk", "time_zone", "kind").first()
    if person is None:
        return Clearance(user_id=user.pk, is_secretariat=secretariat)
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
    for group_id, body_kind, role in seats:
        group_ids.add(group_id)
        if role in chair_roles:
            chair_group_ids.add(group_id)
        if body_kind == WorkingGroup.Kind.EXECUTIVE:
            is_executive = True
            is_executive_chair = is_executive_chair or role in chair_roles
    return Clearance(
        user_id=user.pk,
        member_id=member_id,
        is_council=kind != Member.Kind.OBSERVER,
        is_secretariat=secretariat,
        group_ids=frozenset(group_ids),
        chair_group_ids=frozenset(chair_group_ids),
        is_executive=is_executive,
        is_executive_chair=is_executive_chair,
        time_zone=time_zone,
    )
