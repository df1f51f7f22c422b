"""The visibility policy, every level × every persona, for every kind of confidential object."""

from __future__ import annotations

import pytest

from meetings import access
from meetings.models import ActionItem, AgendaItem, Document, Level, Meeting, Minutes
from tests.conftest import PERSONAS
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
)

ALL = set(PERSONAS)
MEMBERS = {"partner", "wg_a_member", "wg_c_member", "exec_member", "chair", "secretariat"}
GROUP_A = {"wg_a_member", "exec_member", "chair", "secretariat"}
GROUP_C = {"wg_c_member", "exec_member", "secretariat"}
# A group-level meeting of (a) to which the partner, the member of (c) and the former member of (a)
# are invited: the first two see it and its material as (a)'s members do; the inactive person does not.
INVITED = GROUP_A | {"partner", "wg_c_member"}

# What each persona may see. Restricted meetings of group (a) are attended by the
# member of group (c) only, to prove restricted means named participants, not the group.
EXPECTED: dict[str, set[str]] = {
    # Meetings of working group (a), one per level.
    "meeting_public": ALL,
    "meeting_council": MEMBERS,
    "meeting_group": GROUP_A,
    "meeting_restricted": {"wg_c_member", "secretariat"},
    # A plenary (no body) restricted meeting whose only participant is the chair.
    "plenary_restricted": {"chair", "secretariat"},
    # Agenda items of the group-level meeting of (a): never wider than the meeting.
    "item_public_in_group_meeting": GROUP_A,
    "item_council_in_group_meeting": GROUP_A,
    "item_group_in_group_meeting": GROUP_A,
    "item_restricted_in_group_meeting": {"secretariat"},
    # Agenda items of the public meeting.
    "item_public_in_public_meeting": ALL,
    "item_council_in_public_meeting": MEMBERS,
    "item_group_in_public_meeting": GROUP_A,
    "item_restricted_in_public_meeting_for_chair": {"chair", "secretariat"},
    # Minutes of the public meeting, by level and workflow state.
    "minutes_public_approved": ALL,
    "minutes_council_approved": MEMBERS,
    "minutes_group_approved": GROUP_A,
    "minutes_group_circulated": {"chair", "secretariat"},
    "minutes_group_draft": {"secretariat"},
    "minutes_restricted_approved": {"wg_c_member", "secretariat"},
    # Documents.
    "document_public": ALL,
    "document_council": MEMBERS,
    "document_group": GROUP_A,
    "document_restricted": {"chair", "secretariat"},
    "document_public_in_group_meeting": GROUP_A,
    "document_public_on_restricted_item": {"chair", "secretariat"},
    "document_group_c_without_meeting": GROUP_C,
    "document_council_without_meeting": MEMBERS,
    # Action items of the public meeting.
    "action_public": ALL,
    "action_group": GROUP_A,
    "action_restricted": {"chair", "secretariat"},
    # Named participants see the meeting they are invited to and its material, whatever their body ...
    "invited_meeting": INVITED,
    "invited_item_public": INVITED,
    "invited_item_council": INVITED,
    "invited_item_group": INVITED,
    "invited_item_restricted": {"partner", "wg_c_member", "secretariat"},
    "invited_document_council": INVITED,
    "invited_document_group": INVITED,
    "invited_document_group_on_group_item": INVITED,
    "invited_document_restricted": {"partner", "wg_c_member", "secretariat"},
    "invited_minutes_group_approved": INVITED,
    "invited_minutes_group_circulated": {"chair", "secretariat"},  # The workflow holds: drafts go to (a)'s chairs.
    "invited_minutes_group_draft": {"secretariat"},
    "invited_action_group_of_the_partner": INVITED,
    "invited_action_restricted": {"partner", "wg_c_member", "secretariat"},
    # ... and nothing else of that body: its other meetings, their material, its documents on no meeting.
    "uninvited_meeting_of_the_same_body": GROUP_A,
    "uninvited_item_council_of_the_same_body": GROUP_A,
    "uninvited_action_group_of_the_partner": GROUP_A,
    "document_group_a_without_meeting": GROUP_A,
}


@pytest.fixture
def world(partner, wg_a_member, wg_c_member, exec_member, chair, secretariat, inactive, group_a, group_c):
    """Create one object per row of EXPECTED and return them by name."""
    chair_person = chair.member
    wg_c_person = wg_c_member.member

    def meeting(level, body=group_a, participants=()):
        m = MeetingFactory(body=body, level=level)
        for person in participants:
            ParticipationFactory(meeting=m, member=person)
        return m

    public = meeting(Level.PUBLIC, participants=[chair_person])
    group = meeting(Level.GROUP)
    o = {
        "meeting_public": public,
        "meeting_council": meeting(Level.COUNCIL),
        "meeting_group": group,
        "meeting_restricted": meeting(Level.RESTRICTED, participants=[wg_c_person]),
        "plenary_restricted": meeting(Level.RESTRICTED, body=None, participants=[chair_person]),
    }
    for level in Level.values:
        o[f"item_{level}_in_group_meeting"] = AgendaItemFactory(meeting=group, level=level)
    for level in (Level.PUBLIC, Level.COUNCIL, Level.GROUP):
        o[f"item_{level}_in_public_meeting"] = AgendaItemFactory(meeting=public, level=level)
    restricted_item = AgendaItemFactory(meeting=public, level=Level.RESTRICTED)
    o["item_restricted_in_public_meeting_for_chair"] = restricted_item

    minutes_meetings = {
        key: MeetingFactory(body=group_a, level=Level.PUBLIC) for key in EXPECTED if key.startswith("minutes_")
    }
    ParticipationFactory(meeting=minutes_meetings["minutes_restricted_approved"], member=wg_c_person)
    for key, m in minutes_meetings.items():
        _, level, status = key.split("_")
        o[key] = MinutesFactory(meeting=m, level=level, status=status)

    o["document_public"] = DocumentFactory(meeting=public, level=Level.PUBLIC)
    o["document_council"] = DocumentFactory(meeting=public, level=Level.COUNCIL)
    o["document_group"] = DocumentFactory(meeting=public, level=Level.GROUP)
    o["document_restricted"] = DocumentFactory(meeting=public, level=Level.RESTRICTED)
    o["document_public_in_group_meeting"] = DocumentFactory(meeting=group, level=Level.PUBLIC)
    o["document_public_on_restricted_item"] = DocumentFactory(
        meeting=public, agenda_item=restricted_item, level=Level.PUBLIC
    )
    o["document_group_c_without_meeting"] = DocumentFactory(meeting=None, group=group_c, level=Level.GROUP)
    o["document_council_without_meeting"] = DocumentFactory(meeting=None, level=Level.COUNCIL)

    o["action_public"] = ActionItemFactory(meeting=public, level=Level.PUBLIC)
    o["action_group"] = ActionItemFactory(meeting=public, level=Level.GROUP)
    o["action_restricted"] = ActionItemFactory(meeting=public, level=Level.RESTRICTED)

    invited = meeting(Level.GROUP, participants=[partner.member, wg_c_person, inactive.member])
    o["invited_meeting"] = invited
    for level in Level.values:
        o[f"invited_item_{level}"] = AgendaItemFactory(meeting=invited, level=level)
    for level in (Level.COUNCIL, Level.GROUP, Level.RESTRICTED):
        o[f"invited_document_{level}"] = DocumentFactory(meeting=invited, level=level)
    o["invited_document_group_on_group_item"] = DocumentFactory(
        meeting=invited, agenda_item=o["invited_item_group"], level=Level.GROUP
    )
    for status in ("approved", "circulated", "draft"):
        # One meeting per edition (the record allows one open edition); the same people are invited to each.
        m = invited if status == "approved" else meeting(Level.GROUP, participants=[partner.member, wg_c_person])
        o[f"invited_minutes_group_{status}"] = MinutesFactory(meeting=m, level=Level.GROUP, status=status)
    o["invited_action_group_of_the_partner"] = ActionItemFactory(
        meeting=invited, level=Level.GROUP, owner=partner.member
    )
    o["invited_action_restricted"] = ActionItemFactory(meeting=invited, level=Level.RESTRICTED)
    other = meeting(Level.GROUP)
    o["uninvited_meeting_of_the_same_body"] = other
    o["uninvited_item_council_of_the_same_body"] = AgendaItemFactory(meeting=other, level=Level.COUNCIL)
    o["uninvited_action_group_of_the_partner"] = ActionItemFactory(
        meeting=other, level=Level.GROUP, owner=partner.member
    )
    o["document_group_a_without_meeting"] = DocumentFactory(meeting=None, group=group_a, level=Level.GROUP)
    return o


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_policy_admits_exactly_the_expected_people(world, persona, name, request):
    obj = world[name]
    persona_name = request.node.callspec.params["persona"]
    expected = persona_name in EXPECTED[name]

    assert access.can_view(persona, obj) is expected
    listed = type(obj).objects.visible_to(persona).filter(pk=obj.pk).exists()
    assert listed is expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_lists_never_repeat_rows(world, persona):
    for model in (Meeting, AgendaItem, Minutes, Document, ActionItem):
        pks = list(model.objects.visible_to(persona).values_list("pk", flat=True))
        assert len(pks) == len(set(pks)), model


@pytest.mark.django_db
def test_a_member_whose_term_ended_sees_no_group_material(world, expired):
    assert not access.can_view(expired, world["meeting_group"])
    assert access.can_view(expired, world["meeting_council"])


@pytest.mark.django_db
def test_a_deactivated_account_sees_only_public_material(world, wg_a_member):
    wg_a_member.is_active = False
    wg_a_member.save()
    assert access.can_view(wg_a_member, world["meeting_public"])
    assert not access.can_view(wg_a_member, world["meeting_council"])


@pytest.mark.django_db
def test_an_account_without_a_person_sees_only_public_material(world, django_user_model):
    user = django_user_model.objects.create_user("loose", password="x")
    assert access.can_view(user, world["meeting_public"])
    assert not access.can_view(user, world["meeting_council"])


@pytest.mark.django_db
def test_the_clearance_costs_three_queries_once_per_request(wg_a_member, django_assert_num_queries):
    # 1: the Secretariat group, 2: the person, 3: their current seats.
    with django_assert_num_queries(3):
        access.clearance_for(wg_a_member)
        access.clearance_for(wg_a_member)


@pytest.mark.django_db
def test_get_visible_or_404_hides_what_may_not_be_seen(world, wg_c_member):
    from django.http import Http404

    with pytest.raises(Http404):
        access.get_visible_or_404(Meeting.objects.all(), wg_c_member, pk=world["meeting_group"].pk)
    assert access.get_visible_or_404(Meeting.objects.all(), wg_c_member, pk=world["meeting_restricted"].pk)


def test_every_object_model_with_a_level_has_a_rule():
    from django.apps import apps

    # History tables are read in the admin only, by the secretariat.
    leveled = {
        m
        for m in apps.get_models()
        if any(f.name == "level" for f in m._meta.fields) and not m.__name__.startswith("Historical")
    }
    assert leveled == {Meeting, AgendaItem, Minutes, Document, ActionItem}


@pytest.mark.django_db
def test_an_observer_seat_grants_no_clearance(world, executive, group_a):
    from tests.factories import MemberFactory, MembershipFactory, UserFactory
    from workinggroups.models import Membership

    person = MemberFactory(user=UserFactory(username="observer"))
    MembershipFactory(member=person, group=executive, role=Membership.Role.OBSERVER)
    MembershipFactory(member=person, group=group_a, role=Membership.Role.OBSERVER)
    assert not access.can_view(person.user, world["meeting_group"])
    assert access.can_view(person.user, world["meeting_council"])  # Still a council member by kind.


@pytest.mark.django_db
def test_an_observer_by_kind_sees_public_material_and_meetings_they_are_named_for(world):
    from members.models import Member
    from tests.factories import MemberFactory, ParticipationFactory, UserFactory

    person = MemberFactory(user=UserFactory(username="donor"), kind=Member.Kind.OBSERVER)
    ParticipationFactory(meeting=world["meeting_restricted"], member=person)
    assert access.can_view(person.user, world["meeting_public"])
    assert not access.can_view(person.user, world["meeting_council"])
    assert access.can_view(person.user, world["meeting_restricted"])


@pytest.mark.django_db
def test_an_observer_by_kind_with_a_members_seat_still_sees_no_council_material(world, group_a):
    # The person's kind, not their body's kind, decides council clearance.
    from members.models import Member
    from tests.factories import MemberFactory, MembershipFactory, UserFactory

    person = MemberFactory(user=UserFactory(username="seated-observer"), kind=Member.Kind.OBSERVER)
    MembershipFactory(member=person, group=group_a)
    assert not access.clearance_for(person.user).is_council
    assert not access.can_view(person.user, world["meeting_council"])
    assert access.can_view(person.user, world["meeting_group"])  # A member's seat on (a) clears (a)'s papers.


# --- The parts of a meeting that are never public ---------------------------------------------

ONLINE = "https://meet.example.org/rec/closed"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("invited", [True, False])
def test_the_online_link_goes_to_named_participants_and_the_secretariat_only(persona, invited, group_a):
    meeting = MeetingFactory(body=group_a, level=Level.PUBLIC, online_url=ONLINE)
    clearance = access.clearance_for(persona)
    is_secretariat = persona.is_authenticated and persona.username == "secretariat"
    expected = ONLINE if (invited or is_secretariat) else ""
    assert access.online_url_for(clearance, meeting, is_participant=invited) == expected


def test_a_meeting_without_a_link_gives_none_even_to_the_secretariat():
    meeting = Meeting(online_url="")
    assert access.online_url_for(access.Clearance(is_secretariat=True), meeting, is_participant=True) == ""


@pytest.mark.django_db
def test_page_email_and_personal_calendar_agree_on_the_online_link(
    client, wg_a_member, exec_member, group_a, committed
):
    """A participant gets the link everywhere; a cleared reader who is not invited gets it nowhere."""
    from django.core import mail

    from meetings import services
    from members.models import Member

    meeting = MeetingFactory(body=group_a, level=Level.GROUP, online_url=ONLINE)
    for user in (wg_a_member, exec_member):
        Member.objects.filter(user=user).update(calendar_token=f"token-of-{user.username}-0123456789")
    ParticipationFactory(meeting=meeting, member=wg_a_member.member)
    committed(services.send_invitations, meeting=meeting, by=None)
    assert any(ONLINE in message.body for message in mail.outbox)

    for user, invited in ((wg_a_member, True), (exec_member, False)):
        client.force_login(user)
        page = client.get(meeting.get_absolute_url()).content.decode()
        feed = client.get(f"/en/calendar/personal/token-of-{user.username}-0123456789.ics").content.decode()
        assert (ONLINE in page) is invited, user
        assert (ONLINE in feed.replace("\r\n ", "")) is invited, user


@pytest.mark.parametrize("invited", [True, False])
def test_the_venue_address_goes_to_named_participants_only(invited):
    assert access.shows_venue_address(is_participant=invited) is invited


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_members_page_of_a_meeting_is_for_active_people_and_the_secretariat(persona):
    expected = persona.is_authenticated and persona.username not in {"former-a"}
    assert access.has_member_view(access.clearance_for(persona)) is expected


@pytest.mark.parametrize(
    ("level", "audited"),
    [(Level.PUBLIC, False), (Level.COUNCIL, False), (Level.GROUP, True), (Level.RESTRICTED, True)],
)
def test_downloads_of_group_and_restricted_documents_are_audited(level, audited):
    assert access.download_is_audited(Document(level=level)) is audited


def test_levels_are_named_once_in_the_active_language():
    from django.utils import translation

    assert [access.level_label(level) for level in Level.values] == ["Public", "Council", "Group", "Restricted"]
    with translation.override("ru"):
        assert access.level_label(Level.RESTRICTED) == str(Level.RESTRICTED.label)
    assert access.is_public(Meeting(level=Level.PUBLIC))
    assert not access.is_public(Meeting(level=Level.COUNCIL))


# --- Who an invitation would still leave outside ------------------------------------------------


@pytest.mark.django_db
def test_an_invited_person_with_an_active_account_has_no_blind_spot_whatever_the_level(world, partner, group_a):
    for level in Level.values:
        meeting = MeetingFactory(body=group_a, level=level)
        assert access.invitee_blind_spots(partner.member, meeting) == []
        ParticipationFactory(meeting=meeting, member=partner.member)
        assert access.can_view(partner, meeting), level  # The policy agrees once the row exists.


@pytest.mark.django_db
def test_blind_spots_name_the_missing_account_the_inactive_account_and_the_inactive_person(group_a, inactive):
    from tests.factories import MemberFactory, UserFactory

    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    no_account = MemberFactory(user=None)
    closed_account = MemberFactory(user=UserFactory(username="closed", is_active=False))
    spots = access.invitees_blind_spots(meeting, [no_account, closed_account, inactive.member])
    assert "no portal account" in spots[no_account.pk][0]
    assert "deactivated" in spots[closed_account.pk][0]
    assert "inactive" in spots[inactive.member.pk][0]
    for person in (no_account, closed_account, inactive.member):
        ParticipationFactory(meeting=meeting, member=person)
        assert person.user is None or not access.can_view(person.user, meeting)


@pytest.mark.django_db
def test_the_secretariat_is_never_blind_even_as_an_inactive_person(group_a, secretariat):
    from tests.factories import MemberFactory

    person = MemberFactory(user=secretariat, is_active=False)
    assert access.invitee_blind_spots(person, MeetingFactory(body=group_a, level=Level.RESTRICTED)) == []


@pytest.mark.django_db
def test_blind_spots_of_a_whole_list_cost_at_most_one_query(group_a, django_assert_num_queries):
    from tests.factories import MemberFactory, UserFactory

    meeting = MeetingFactory(body=group_a, level=Level.GROUP)
    people = [MemberFactory(user=UserFactory(is_active=False)) for _ in range(5)] + [MemberFactory(user=None)]
    people = list(type(people[0]).objects.filter(pk__in=[p.pk for p in people]).select_related("user"))
    with django_assert_num_queries(1):  # The secretariat role of the blind accounts.
        spots = access.invitees_blind_spots(meeting, people)
    assert all(spots.values())
