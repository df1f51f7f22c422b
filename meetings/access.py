"""The visibility policy: the one place that decides who may see which meeting, item, document and minutes.

Levels, from open to closed (DESIGN.md):

- ``public``: anyone, signed in or not;
- ``council``: any active member (council members, experts, partner representatives,
  practitioners), not observers;
- ``group``: active members of the meeting's body, the Executive Committee and the secretariat
  (chairs, co-chairs and members: an observer's seat grants no clearance);
- ``restricted``: the meeting's named participants and the secretariat.

A named participant of a meeting (any ``Participation`` row, whatever its role) also sees that
meeting and everything on it at the council and group levels, whatever their own body or kind,
exactly as the body's members do: whoever is invited can read what they are invited to. It
goes no further: other meetings of the same body, and a body's documents that hang on no
meeting, stay behind their levels. An invitation helps only an active person with an active
account (`invitee_blind_spots` says what still keeps an invited person out, for the admin).

An object hanging on a meeting (agenda item, document, minutes, action item) is
visible only if its meeting is visible *and* its own level admits the person, so a
public item never leaks out of a closed meeting. Minutes add a workflow rule:
members (and the meeting's named participants) see approved minutes; chairs and co-chairs of the meeting's body also see
circulated drafts, and everyone a silence procedure on them concerns sees them while it is
open; drafts in preparation are the secretariat's alone.

The policy also says who a silence procedure concerns and who may break it
(`breakable_procedures`), who may read a recommendation not yet adopted
(`recommendation_q`), and where forwarding to the Executive Committee is shown
(`shows_forwarding`).

Public summaries are published or the secretariat's drafts. Beyond what a row shows, the
policy also decides who gets the parts of a visible meeting that are never public: the link
to join online (`online_url_for`) and the venue's street address (`shows_venue_address`).

Everything is expressed as queryset filters (`filter_visible`), so lists, counts
and single objects (`can_view`, `get_visible_or_404`) all answer from the same rule.
Views, e-mails, feeds, exports and templates ask; they never decide. What a person is
(their role, person and seats) comes from `workinggroups.clearance`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import SECRETARIAT_GROUP
from meetings.levels import Level
from members.models import Member, Organization
from workinggroups.clearance import ANONYMOUS, Clearance, clearance_for
from workinggroups.models import Recommendation

__all__ = [
    "ANONYMOUS",
    "Clearance",
    "can_view",
    "chairs_meeting",
    "clearance_for",
    "filter_visible",
    "get_visible_or_404",
    "invitee_blind_spots",
    "invitees_blind_spots",
    "online_url_for",
    "shows_venue_address",
]


def _model(name: str) -> type[Model]:
    # The models import this module (their `visible_to` asks it), so it names them instead
    # of importing them: the dependency runs one way, models -> policy.
    return apps.get_model("meetings", name)


# --- The rule as queryset filters ------------------------------------------------------

_NOTHING = Q(pk__in=[])


def _level_q(c: Clearance, *, level: str, bodies: list[Q], meeting: str | None) -> Q:
    """Return the filter a row's own `level` must pass.

    `bodies` are filters that hold when the row's body is one of a set of ids: they
    are called with the person's group ids. `meeting` is the path to the meeting id
    whose named participants may see the row whatever its level (None when the row has no meeting).
    """
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
        # Invited to this meeting: its council, group and restricted rows, as its body's members
        # (restricted: as today). A row with no meeting (NULL) matches no invitation.
        allowed |= Exists(_model("Participation").objects.filter(meeting_id=OuterRef(meeting), member_id=c.member_id))
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
    if c.is_secretariat:
        return Q()
    status = _model("Minutes").Status
    stage = Q(status=status.APPROVED)
    chaired = Q(meeting__body_id__in=c.chair_group_ids)
    if c.is_executive_chair:
        chaired |= Q(meeting__body__isnull=True)  # Plenary minutes go to the Executive Committee's chairs.
    stage |= Q(status=status.CIRCULATED) & chaired
    if c.member_id is not None:
        # Under a silence procedure the circulated text goes to everyone concerned: they may object to it.
        open_procedure = _model("SilenceProcedure").objects.filter(minutes_id=OuterRef("pk"), status="open")
        stage |= Q(status=status.CIRCULATED) & Exists(open_procedure) & silence_concerned_q(c)
    return _minutes_level_q(c) & stage


def _minutes_level_q(c: Clearance) -> Q:
    """Return the filter minutes pass, whatever their workflow stage: their meeting and their own level admit `c`."""
    own = _level_q(c, level="level", bodies=[Q(meeting__body_id__in=c.group_ids)], meeting="meeting_id")
    return meeting_q(c, "meeting__") & own


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


# --- The silence procedure ------------------------------------------------------------
#
# Minutes: those concerned are the members of the meeting's body (chairs, co-chairs and
# members; for a plenary, of the Executive Committee, which reviews plenary minutes) and the
# meeting's named participants, as far as the minutes' own level and their meeting admit
# them. While the procedure is open they may read the circulated text (`minutes_q`) and break
# silence. Recommendations: every active representative of a member state or of a partner
# organisation (council members, experts and partner representatives; practitioners and
# observers represent no one). The secretariat runs procedures and never breaks one.


def silence_concerned_q(c: Clearance) -> Q:
    """Return the filter on minutes whose silence concerns `c`: their body's members and named participants."""
    if c.member_id is None:
        return _NOTHING
    body = Q(meeting__body_id__in=c.group_ids)
    if c.is_executive:
        body |= Q(meeting__body__isnull=True)
    invited = Exists(_model("Participation").objects.filter(meeting_id=OuterRef("meeting_id"), member_id=c.member_id))
    return body | invited


def representative_q(prefix: str = "") -> Q:
    """Return the filter on people who represent a member state or a partner organisation."""
    kinds = [Member.Kind.COUNCIL_MEMBER, Member.Kind.EXPERT, Member.Kind.PARTNER_REPRESENTATIVE]
    partners = [Organization.PartnerRole.ORGANISER, Organization.PartnerRole.PARTNER]
    return Q(**{f"{prefix}is_active": True, f"{prefix}kind__in": kinds}) & (
        Q(**{f"{prefix}country__is_member_state": True}) | Q(**{f"{prefix}organization__partner_role__in": partners})
    )


def breakable_procedures(user, now: datetime | None = None) -> QuerySet:
    """Return the open silence procedures `user` may break now: before their deadline, as a person concerned."""
    procedures = _model("SilenceProcedure").objects.open().filter(deadline__gt=now or timezone.now())
    c = clearance_for(user)
    if c.member_id is None:
        return procedures.none()
    person = replace(c, is_secretariat=False)  # A member of the secretariat breaks silence only as a person concerned.
    minutes = (
        _model("Minutes")
        .objects.filter(status="circulated")
        .filter(_minutes_level_q(person) & silence_concerned_q(person))
    )
    represents = Member.objects.filter(pk=c.member_id).filter(representative_q())
    return procedures.filter(Q(minutes__in=minutes) | (Q(recommendation__status="draft") & Exists(represents)))


def may_break_silence(user, procedure) -> bool:
    """Return whether `user` may break this silence procedure now (one query)."""
    return breakable_procedures(user).filter(pk=procedure.pk).exists()


def may_read_silenced_text(user, procedure) -> bool:
    """Return whether `user` may read the text of a silence procedure, open or closed (one query)."""
    if procedure.minutes_id:
        return filter_visible(_model("Minutes").objects.filter(pk=procedure.minutes_id), user).exists()
    return visible_recommendations(user).filter(pk=procedure.recommendation_id).exists()


def concerned_by_minutes_silence(user, minutes) -> bool:
    """Return whether a silence procedure on `minutes` concerns `user`, whether or not one is open (for e-mails)."""
    c = clearance_for(user)
    if c.member_id is None:
        return False
    person = replace(c, is_secretariat=False)
    scope = _minutes_level_q(person) & silence_concerned_q(person)
    return _model("Minutes").objects.filter(pk=minutes.pk).filter(scope).exists()


# --- Recommendations not yet adopted -----------------------------------------------------


def recommendation_q(c: Clearance) -> Q:
    """Return the filter on recommendations `c` may read on the members' page.

    Adopted ones are public. Drafts and withdrawn ones are the secretariat's and, like
    group-level material, their body's members' and the Executive Committee's; a draft under
    an open silence procedure is also every representative's, who may object to it.
    """
    if c.is_secretariat:
        return Q()
    allowed = Q(status="adopted", group__is_active=True)
    if c.member_id is None:
        return allowed
    if c.is_executive:
        allowed |= ~Q(status="adopted")
    elif c.group_ids:
        allowed |= Q(group_id__in=c.group_ids)
    under_silence = _model("SilenceProcedure").objects.filter(recommendation_id=OuterRef("pk"), status="open")
    represents = Member.objects.filter(pk=c.member_id).filter(representative_q())
    allowed |= Q(status="draft") & Exists(under_silence) & Exists(represents)
    return allowed


def visible_recommendations(user) -> QuerySet:
    """Return the recommendations `user` may read, drafts included where the policy allows."""
    return Recommendation.objects.filter(recommendation_q(clearance_for(user)))


# --- Matters forwarded to the Executive Committee ---------------------------------------------


def shows_forwarding(c: Clearance) -> bool:
    """Return whether pages show `c` where agenda items were forwarded from and to, and the Committee's decision.

    The Council's internal business: only on the members' pages (`has_member_view`), and only
    beside items the reader may see; a link to the other end goes only where they may see it
    too (the views ask `AgendaItem.objects.visible_to` and `visible_recommendations`).
    """
    return has_member_view(c)


def chairs_meeting(user, meeting) -> bool:
    """Return whether `user` chairs or co-chairs the meeting's body (for a plenary: the Executive Committee)."""
    c = clearance_for(user)
    if c.member_id is None:
        return False
    if meeting.body_id is None:
        return c.is_executive_chair
    return meeting.body_id in c.chair_group_ids


def sees_review_comments(user, meeting) -> bool:
    """Return whether `user` reads the chairs' comments on a meeting's draft minutes: its reviewers and the secretariat.

    Those a silence procedure lets read the circulated text (`minutes_q`) read the text, not the
    chairs' exchange about it.
    """
    return clearance_for(user).is_secretariat or chairs_meeting(user, meeting)


def keeps_attendance_register(user) -> bool:
    """Return whether `user` may read and keep a meeting's attendance register: the secretariat alone.

    The register names every participant with their country and organisation, whatever the
    meeting's level, so it is no chair's or member's page (they answer 404).
    """
    return clearance_for(user).is_secretariat


def sees_attendance_counts(c: Clearance) -> bool:
    """Return whether a meeting's page shows `c` its participants' replies, then attendance, counted by country.

    Counts only, of the very participants the page lists by name to the same readers
    (`has_member_view`), with countries of fewer than three participants grouped or left out
    (`meetings.charts.SMALLEST_GROUP`); a person's own mark stays in the secretariat's register.
    """
    return has_member_view(c)


def online_url_for(c: Clearance, meeting, *, is_participant: bool) -> str:
    """Return the meeting's link to join online as `c` may have it: for named participants and the secretariat only.

    Every page, e-mail and calendar feed that shows the link asks here (DESIGN.md: online
    links are never public, and a cleared reader who is not invited does not get one).
    A cancelled meeting has no link to join, for anyone.
    """
    if meeting.status == "cancelled":
        return ""
    if not meeting.online_url or not (is_participant or c.is_secretariat):
        return ""
    return meeting.online_url


def shows_venue_address(*, is_participant: bool) -> bool:
    """Return whether a reader gets the venue's street address: the meeting's named participants only."""
    return is_participant


def invitee_blind_spots(member: Member, meeting) -> list[str]:
    """Return why `member`, named a participant of `meeting`, would still not see it (empty when they would)."""
    return invitees_blind_spots(meeting, [member])[member.pk]


def invitees_blind_spots(meeting, people) -> dict[int, list[str]]:
    """Return, for each of `people` named on `meeting`, why they would still not see it, in words for the secretariat.

    An invitation opens the meeting and its council, group and restricted material to an
    active person, whatever their body or kind (`_level_q`), so no level keeps an invitee out:
    what can is their account, which the policy reads before any level (`clearance_for`). A
    member of the secretariat sees everything anyway. `people` should carry their `user`
    (select_related); at most one query, for the secretariat role of those who would be blind.
    """
    reasons: dict[int, list[str]] = {}
    for person in people:
        user = person.user if person.user_id else None
        spots = []
        if not person.is_active:
            spots.append(_("the person is marked inactive"))
        if user is None:
            spots.append(_("they have no portal account (they can still reply from the invitation's links)"))
        elif not user.is_active:
            spots.append(_("their portal account is deactivated"))
        reasons[person.pk] = spots
    # An inactive person whose account is the secretariat's still sees everything through the role.
    blind_users = {person.user_id: person.pk for person in people if reasons[person.pk] and person.user_id}
    if blind_users:
        staff = get_user_model()._default_manager.filter(pk__in=blind_users, is_active=True)
        staff = staff.filter(Q(is_superuser=True) | Q(groups__name=SECRETARIAT_GROUP))
        for user_id in staff.values_list("pk", flat=True):
            reasons[blind_users[user_id]] = []
    return reasons


def has_member_view(c: Clearance) -> bool:
    """Return whether `c` gets the members' page of a meeting (active people, the secretariat), not the public one."""
    return c.member_id is not None or c.is_secretariat


def download_is_audited(document) -> bool:
    """Return whether a download of `document` is logged: group and restricted material is."""
    return export_is_audited(document.level)


def export_is_audited(level: str) -> bool:
    """Return whether handing out material of this level (a download, a PDF) is logged: group and restricted is."""
    return level in {Level.GROUP, Level.RESTRICTED}


def level_marking(level: str, body=None) -> str:
    """Return the marking printed on every page of an export at `level`: the level and who may read it."""
    if level == Level.COUNCIL:
        return _("Council: for the members of the Council only")
    if level == Level.GROUP:
        if body is None:
            return _("Group: for the Executive Committee and the secretariat only")
        return _("Group: for the members of %(body)s, the Executive Committee and the secretariat only") % {
            "body": body
        }
    if level == Level.RESTRICTED:
        return _("Restricted: for the named participants of this meeting and the secretariat only")
    return _("Public")


def level_label(level: str) -> str:
    """Return the name of a confidentiality level, in the active language."""
    return str(Level(level).label)


def is_public(obj) -> bool:
    """Return whether `obj`'s own level is public, i.e. what anyone, signed in or not, may read of it."""
    return obj.level == Level.PUBLIC


def nameable_people(user, member_ids) -> set[int]:
    """Return which of these people may be named to `user`: all active ones to members, consenting ones to others."""
    ids = {pk for pk in member_ids if pk is not None}
    if not ids:
        return set()
    c = clearance_for(user)
    people = Member.objects.active() if (c.is_council or c.is_secretariat) else Member.objects.with_public_profile()
    return set(people.filter(pk__in=ids).values_list("pk", flat=True))


def reason(user, obj, *, is_participant: bool = False, body=None) -> str:
    """Return, in words for the person, why `user` may see `obj` (which they may see)."""
    c = clearance_for(user)
    level = obj.level
    if level == Level.PUBLIC:
        return _("Public: anyone may see this.")
    if c.is_secretariat:
        return _("You see everything as a member of the secretariat.")
    if level == Level.COUNCIL and c.is_council:
        return _("Council: you are a member of the Council.")
    if level == Level.GROUP:
        body = body if body is not None else _body_of(obj)
        if body is not None and body.pk in c.group_ids:
            return _("Group: you are a member of %(body)s.") % {"body": body}
        if c.is_executive:
            return _("Group: you are a member of the Executive Committee.")
    if level == Level.RESTRICTED and is_participant:
        return _("Restricted: you are a named participant of this meeting.")
    if level == Level.COUNCIL and c.is_council:
        return _("Council: you are a member of the Council.")
    if is_participant:
        return _("Invited: you are a named participant of this meeting.")
    return _("You are cleared for this.")


def _body_of(obj):
    if isinstance(obj, _model("Meeting")):
        return obj.body
    meeting = getattr(obj, "meeting", None)
    if meeting is not None:
        return meeting.body
    return getattr(obj, "group", None)


_RULES = {
    "meeting": meeting_q,
    "agendaitem": agenda_item_q,
    "minutes": minutes_q,
    "document": document_q,
    "actionitem": action_item_q,
}


def filter_visible(queryset: QuerySet, user) -> QuerySet:
    """Return `queryset` narrowed to the rows `user` may see."""
    model = queryset.model
    name = model._meta.model_name if model._meta.app_label == "meetings" else None
    rule = _RULES.get(name)
    if rule is None and name != "publicsummary":
        raise TypeError(f"No visibility rule for {queryset.model.__name__}.")
    c = clearance_for(user)
    if c.is_secretariat:
        return queryset
    if rule is None:
        return queryset.published()  # Public summaries: drafts are the secretariat's alone.
    # Every path in the rules is to-one (or an Exists), so filtering never duplicates rows.
    return queryset.filter(rule(c))


def can_view(user, obj: Model) -> bool:
    """Return whether `user` may see `obj`, by the same rule as the lists (one query)."""
    return filter_visible(type(obj)._default_manager.filter(pk=obj.pk), user).exists()


def get_visible_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """Return the one object matching `lookup` that `user` may see, or raise Http404."""
    try:
        return filter_visible(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(_("No such page.")) from None
