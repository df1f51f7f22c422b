"""Personas and shared fixtures: every access test speaks of these people."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.roles import sync_secretariat_group
from members.models import Member
from tests.factories import MemberFactory, MembershipFactory, UserFactory, WorkingGroupFactory
from workinggroups.models import Membership, WorkingGroup

PERSONAS = ["anonymous", "partner", "wg_a_member", "wg_c_member", "exec_member", "chair", "secretariat", "inactive"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english():
    """Start every test in English: a request to /ru/ leaves Russian active in the thread."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def group_a(db) -> WorkingGroup:
    return WorkingGroupFactory(letter="a")


@pytest.fixture
def group_c(db) -> WorkingGroup:
    return WorkingGroupFactory(letter="c")


@pytest.fixture
def executive(db) -> WorkingGroup:
    return WorkingGroupFactory(letter="", kind=WorkingGroup.Kind.EXECUTIVE)


def _seated(username: str, group: WorkingGroup | None, role: str = Membership.Role.MEMBER, **member) -> Member:
    person = MemberFactory(user=UserFactory(username=username), **member)
    if group is not None:
        MembershipFactory(member=person, group=group, role=role)
    return person


@pytest.fixture
def partner(db):
    """A partner organisation's representative: council level, no seat on any body."""
    return _seated("partner", None, kind=Member.Kind.PARTNER_REPRESENTATIVE).user


@pytest.fixture
def wg_a_member(group_a):
    return _seated("wg-a", group_a).user


@pytest.fixture
def wg_c_member(group_c):
    return _seated("wg-c", group_c).user


@pytest.fixture
def exec_member(executive):
    return _seated("exec", executive).user


@pytest.fixture
def chair(group_a):
    """The chair of working group (a)."""
    return _seated("chair-a", group_a, role=Membership.Role.CHAIR).user


@pytest.fixture
def secretariat(db):
    user = UserFactory(username="secretariat", is_staff=True)
    user.groups.add(sync_secretariat_group())
    return user


@pytest.fixture
def inactive(group_a):
    """A former member of group (a): the person was deactivated, the account still exists."""
    return _seated("former-a", group_a, is_active=False).user


@pytest.fixture
def expired(group_a):
    """A member of group (a) whose term ended yesterday."""
    person = MemberFactory(user=UserFactory(username="expired-a"))
    MembershipFactory(
        member=person,
        group=group_a,
        start_date=datetime.date(2024, 1, 1),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    return person.user


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def persona(request):
    """Return the user of the persona named by the test's parameter."""
    return request.getfixturevalue(request.param)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('NAME')}"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a function as if its transaction committed: what it queues for after commit (tasks, e-mail) runs too.

    E-mail goes through the outbox (mailqueue) and is delivered after commit; the test database
    never commits, so a test that expects mail runs the service through this.
    """

    def run(function, /, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
