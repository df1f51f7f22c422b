"""Invitation-only accounts: the secretariat invites, the person sets a password from a one-time link."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.tokens import invitation_token_generator
from members.models import Member
from members.services import InvitationError, invite_member
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a much longer passphrase 2026"


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.fixture
def invitee(db) -> Member:
    return MemberFactory(user=None, first_name="Dilnoza", last_name="Karimova", email="d.karimova@example.uz")


def test_inviting_creates_an_account_without_a_password_and_mails_a_link(invitee, secretariat, settings, committed):
    settings.PORTAL_URL = "https://rec.example.org"
    user = committed(invite_member, member=invitee, by=secretariat)
    invitee.refresh_from_db()
    assert invitee.user == user
    assert user.username == "d.karimova"
    assert user.email == "d.karimova@example.uz"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["d.karimova@example.uz"]
    assert "https://rec.example.org/en/accounts/invitation/" in mail.outbox[0].body
    assert "d.karimova" in mail.outbox[0].body


def test_the_invitation_is_written_in_the_members_language(committed, invitee, secretariat):
    Member.objects.filter(pk=invitee.pk).update(preferred_language="ru")
    invitee.refresh_from_db()
    committed(invite_member, member=invitee, by=secretariat)
    assert "/ru/accounts/invitation/" in mail.outbox[0].body


def test_user_names_do_not_collide(invitee, secretariat):
    UserFactory(username="d.karimova")
    assert invite_member(member=invitee, by=secretariat).username == "d.karimova2"


def test_inviting_again_reuses_the_account(committed, invitee, secretariat):
    first = committed(invite_member, member=invitee, by=secretariat)
    invitee.refresh_from_db()
    assert committed(invite_member, member=invitee, by=secretariat) == first
    assert User.objects.filter(email__iexact=invitee.email).count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": ""}, "no e-mail address"),
        ({"is_active": False}, "not active"),
    ],
)
def test_people_who_cannot_be_invited_are_named_in_an_error(committed, invitee, secretariat, change, message):
    Member.objects.filter(pk=invitee.pk).update(**change)
    invitee.refresh_from_db()
    with pytest.raises(InvitationError, match=message):
        committed(invite_member, member=invitee, by=secretariat)
    assert not mail.outbox


def test_someone_with_a_password_is_not_invited_again(wg_a_member, secretariat):
    with pytest.raises(InvitationError, match="already has a password"):
        invite_member(member=wg_a_member.member, by=secretariat)


def test_an_address_used_by_another_account_is_refused(invitee, secretariat):
    UserFactory(username="someone", email="D.Karimova@example.uz")
    with pytest.raises(InvitationError, match="Another account"):
        invite_member(member=invitee, by=secretariat)
    invitee.refresh_from_db()
    assert invitee.user is None


def test_the_link_sets_a_password_signs_in_and_opens_the_dashboard_once(committed, client, invitee, secretariat):
    user = committed(invite_member, member=invitee, by=secretariat)
    link = _link(mail.outbox[0])
    response = client.get(link, follow=True)
    assert response.context["validlink"]
    assert response.content.decode().count("<h1") == 1
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("meetings:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    client.logout()
    assert not client.get(link, follow=True).context["validlink"]  # Single use.


def test_the_link_refuses_a_weak_password(committed, client, invitee, secretariat):
    committed(invite_member, member=invitee, by=secretariat)
    response = client.get(_link(mail.outbox[0]), follow=True)
    response = client.post(response.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_the_link_expires(client, invitee, secretariat, settings, monkeypatch):
    settings.ACCOUNT_INVITATION_DAYS = 7
    user = invite_member(member=invitee, by=secretariat)
    token = invitation_token_generator.make_token(user)
    assert invitation_token_generator.check(user, token)
    later = datetime.datetime.now() + datetime.timedelta(days=8)  # noqa: DTZ005  Django's generator uses naive time.
    monkeypatch.setattr(invitation_token_generator, "_now", lambda: later)
    assert not invitation_token_generator.check(user, token)


def test_a_password_reset_token_does_not_open_an_invitation(invitee, secretariat):
    from django.contrib.auth.tokens import default_token_generator

    user = invite_member(member=invitee, by=secretariat)
    assert not invitation_token_generator.check(user, default_token_generator.make_token(user))
    assert not invitation_token_generator.check(user, "garbage")


def test_the_secretariat_invites_from_the_member_admin(client, invitee, secretariat, settings, committed):
    settings.PORTAL_URL = "https://rec.example.org"
    client.force_login(secretariat)
    response = committed(
        client.post,
        "/admin/members/member/",
        {"action": "send_invitation", "_selected_action": [invitee.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "1 invitation sent." in response.content.decode()
    # On the portal's address, like every link sent by e-mail, not on the host the admin was opened on.
    assert "https://rec.example.org/en/accounts/invitation/" in mail.outbox[0].body
    assert "testserver" not in mail.outbox[0].body


def test_the_admin_action_reports_who_could_not_be_invited(client, wg_a_member, secretariat):
    client.force_login(secretariat)
    response = client.post(
        "/admin/members/member/",
        {"action": "send_invitation", "_selected_action": [wg_a_member.member.pk]},
        follow=True,
    )
    assert "already has a password" in response.content.decode()
    assert not mail.outbox
