"""The members' directory: who may open it, whom it lists, and whose contact details it shows."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from directory.access import Contact, visible_contact
from members.models import Member
from tests.conftest import PERSONAS
from tests.factories import (
    CountryFactory,
    MemberFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    WorkingGroupFactory,
)
from workinggroups import clearance as access
from workinggroups.models import Membership

DIRECTORY = "/en/directory/"
ALLOWED = {"partner", "wg_a_member", "wg_c_member", "exec_member", "chair", "secretariat"}


def _login(client, user) -> None:
    if user.is_authenticated:
        client.force_login(user)


@pytest.fixture
def listed(db, group_a):
    """A consenting practitioner and a council member who shares nothing, both on group (a)."""
    sharing = MemberFactory(
        first_name="Zarina",
        last_name="Sharer",
        kind=Member.Kind.PRACTITIONER,
        email="zarina-shared@example.org",
        phone="+998 90 111 11 11",
        share_email_with_members=True,
        share_phone_with_members=True,
        expertise="Juvenile justice and probation",
        spoken_languages=["ru", "uz"],
        position="Probation officer",
    )
    private = MemberFactory(
        first_name="Pavel",
        last_name="Private",
        email="pavel-private-marker@example.org",
        phone="+7 700 999 99 99",
        country=CountryFactory(code="KZ"),
    )
    MembershipFactory(member=sharing, group=group_a, role=Membership.Role.CO_CHAIR)
    return {"sharing": sharing, "private": private}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_members_and_the_secretariat_open_the_directory(client, persona, request, listed):
    _login(client, persona)
    response = client.get(DIRECTORY)
    name = request.node.callspec.params["persona"]
    if name == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == (200 if name in ALLOWED else 404)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_members_and_the_secretariat_open_a_card(client, persona, request, listed):
    _login(client, persona)
    response = client.get(reverse("directory:card", args=[listed["sharing"].pk]))
    name = request.node.callspec.params["persona"]
    if name == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if name in ALLOWED else 404)
        if name in ALLOWED:
            assert response.content.decode().count("<h1") == 1


def test_an_observer_is_not_cleared_for_the_directory(client, db):
    observer = MemberFactory(user=UserFactory(username="observer"), kind=Member.Kind.OBSERVER)
    client.force_login(observer.user)
    assert client.get(DIRECTORY).status_code == 404
    assert client.get(reverse("directory:card", args=[observer.pk])).status_code == 404


def test_a_signed_in_account_without_a_person_gets_404(client, db):
    client.force_login(UserFactory(username="nobody"))
    assert client.get(DIRECTORY).status_code == 404


def test_the_directory_lists_active_people_of_the_listed_kinds_only(client, wg_a_member, inactive, listed):
    MemberFactory(first_name="Olga", last_name="Observer-marker", kind=Member.Kind.OBSERVER)
    gone = MemberFactory(first_name="Ivan", last_name="Departed-marker", is_active=False)
    client.force_login(wg_a_member)
    page = client.get(DIRECTORY).content.decode()
    assert "Zarina Sharer" in page
    assert "Pavel Private" in page
    assert "Departed-marker" not in page
    assert "Observer-marker" not in page
    assert inactive.member.full_name not in page
    assert client.get(reverse("directory:card", args=[gone.pk])).status_code == 404
    assert client.get(reverse("directory:card", args=[inactive.member.pk])).status_code == 404


def test_inactive_people_are_hidden_from_the_secretariat_too(client, secretariat, db):
    gone = MemberFactory(first_name="Ivan", last_name="Departed-marker", is_active=False)
    client.force_login(secretariat)
    assert "Departed-marker" not in client.get(DIRECTORY).content.decode()
    assert client.get(reverse("directory:card", args=[gone.pk])).status_code == 404


def test_a_card_shows_what_the_person_shares(client, wg_c_member, listed):
    client.force_login(wg_c_member)
    page = client.get(reverse("directory:card", args=[listed["sharing"].pk])).content.decode()
    assert "zarina-shared@example.org" in page
    assert "+998 90 111 11 11" in page
    assert "Juvenile justice and probation" in page
    assert "Probation officer" in page
    assert "Russian, Uzbek" in page
    assert "Working Group (a): Co-chair" in page
    assert "Practitioner (regional network)" in page


@pytest.mark.parametrize("viewer", ["partner", "wg_a_member", "wg_c_member", "exec_member", "chair"])
def test_members_never_see_contact_details_that_were_not_shared(client, request, viewer, listed):
    client.force_login(request.getfixturevalue(viewer))
    pages = [
        client.get(DIRECTORY).content.decode(),
        client.get(DIRECTORY + "?q=Pavel").content.decode(),
        client.get(reverse("directory:card", args=[listed["private"].pk])).content.decode(),
    ]
    for page in pages:
        assert "pavel-private-marker" not in page
        assert "999 99 99" not in page


def test_the_secretariat_sees_every_contact_detail(client, secretariat, listed):
    client.force_login(secretariat)
    page = client.get(reverse("directory:card", args=[listed["private"].pk])).content.decode()
    assert "pavel-private-marker@example.org" in page
    assert "+7 700 999 99 99" in page


def test_visible_contact_follows_consent_and_role(db):
    person = MemberFactory.build(
        email="a@example.org", phone="1", share_email_with_members=True, share_phone_with_members=False
    )
    member = access.Clearance(user_id=1, member_id=2, is_council=True)
    assert visible_contact(person, member) == Contact(email="a@example.org", phone="")
    assert visible_contact(person, access.Clearance(user_id=1, is_secretariat=True)) == Contact("a@example.org", "1")
    assert visible_contact(person, access.ANONYMOUS) == Contact()
    observer = access.Clearance(user_id=1, member_id=2, is_council=False)
    assert visible_contact(person, observer) == Contact()


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("q=zari", "Zarina Sharer", "Pavel Private"),
        ("q=pavel+private", "Pavel Private", "Zarina Sharer"),
        ("country=KZ", "Pavel Private", "Zarina Sharer"),
        ("group=working-group-a", "Zarina Sharer", "Pavel Private"),
        ("expertise=juvenile", "Zarina Sharer", "Pavel Private"),
        ("kind=practitioner", "Zarina Sharer", "Pavel Private"),
    ],
)
def test_the_directory_searches_and_filters(client, partner, listed, query, expected, absent):
    client.force_login(partner)
    page = client.get(f"{DIRECTORY}?{query}").content.decode()
    assert expected in page
    assert absent not in page


def test_the_directory_filters_by_organisation(client, partner, listed):
    organization = OrganizationFactory(name="Probation Service", slug="probation-service")
    Member.objects.filter(pk=listed["private"].pk).update(organization=organization)
    client.force_login(partner)
    page = client.get(f"{DIRECTORY}?organization=probation-service").content.decode()
    assert "Pavel Private" in page
    assert "Zarina Sharer" not in page


def test_a_past_seat_does_not_count_for_the_group_filter(client, partner, listed, group_c):
    MembershipFactory(
        member=listed["private"],
        group=group_c,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    client.force_login(partner)
    assert "Pavel Private" not in client.get(f"{DIRECTORY}?group=working-group-c").content.decode()


@pytest.mark.parametrize("query", ["kind=observer", "country=XX", "group=nope", "page=abc", "q=" + "x" * 201])
def test_bad_filters_answer_400(client, partner, listed, query):
    client.force_login(partner)
    assert client.get(f"{DIRECTORY}?{query}").status_code == 400


def test_a_page_beyond_the_last_is_404(client, partner, listed):
    client.force_login(partner)
    assert client.get(f"{DIRECTORY}?page=9").status_code == 404


def _crowd(n: int, group) -> None:
    organization = OrganizationFactory()
    for _i in range(n):
        person = MemberFactory(organization=organization, user=None)
        MembershipFactory(member=person, group=group)


def test_the_directory_costs_the_same_queries_however_many_people(client, partner, group_a, django_assert_num_queries):
    client.force_login(partner)
    client.get(DIRECTORY)  # The first request renews the session (SessionRefreshMiddleware); not counted.
    _crowd(3, group_a)
    # 1 session, 2 user, 3-5 clearance (secretariat role, person, seats), 6-8 the country,
    # organisation and body options of the filter form, 9 count, 10 people with country and
    # organisation, 11 their current seats with bodies.
    with django_assert_num_queries(11):
        assert client.get(DIRECTORY).status_code == 200
    _crowd(20, WorkingGroupFactory(letter="b"))
    with django_assert_num_queries(11):
        assert client.get(DIRECTORY).status_code == 200


def test_a_card_costs_the_same_queries_however_many_seats(client, partner, group_a, django_assert_num_queries):
    person = MemberFactory()
    MembershipFactory(member=person, group=group_a)
    client.force_login(partner)
    client.get(DIRECTORY)  # Renews the session; not counted.
    # 1 session, 2 user, 3-5 clearance, 6 the person with country and organisation, 7 their seats.
    with django_assert_num_queries(7):
        assert client.get(reverse("directory:card", args=[person.pk])).status_code == 200
    for letter in "bcd":
        MembershipFactory(member=person, group=WorkingGroupFactory(letter=letter))
    with django_assert_num_queries(7):
        assert client.get(reverse("directory:card", args=[person.pk])).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_the_header_links_the_directory_exactly_when_the_policy_admits(client, persona, request, db):
    from directory.access import may_browse_directory
    from workinggroups.clearance import clearance_for

    _login(client, persona)
    page = client.get("/en/").content.decode()
    admitted = may_browse_directory(clearance_for(persona))
    assert admitted is (request.node.callspec.params["persona"] in ALLOWED)
    assert (f'href="{DIRECTORY}"' in page) is admitted
