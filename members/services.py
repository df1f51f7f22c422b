"""Writes with side effects on people: account invitations and the personal calendar key."""

from __future__ import annotations

import logging
import re
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import invitation_link
from mailqueue.services import queue_mail
from members.models import Member

audit = logging.getLogger("rec_portal.audit")


class InvitationError(Exception):
    """An invitation cannot be sent; the message says why, for the secretariat."""


def _free_username(member: Member) -> str:
    local = member.email.split("@", 1)[0] if member.email else f"{member.first_name}.{member.last_name}"
    base = re.sub(r"[^\w.+-]", "", local.lower(), flags=re.ASCII).strip(".") or "member"
    base = base[:140]
    taken = set(User.objects.filter(username__startswith=base).values_list("username", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


@transaction.atomic
def invite_member(*, member: Member, by: User | None) -> User:
    """Create (or reuse) the account of `member` and e-mail them a one-time link to set a password.

    The link is on the portal's address (PORTAL_URL, core.links), like every link sent by e-mail.
    """
    # Lock the person's row (only: PostgreSQL cannot lock the nullable side of the join to the
    # account), so two invitations sent at once cannot create two accounts.
    member = Member.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)
    if not member.is_active:
        raise InvitationError(_("%(name)s is not active.") % {"name": member.full_name})
    if not member.email:
        raise InvitationError(_("%(name)s has no e-mail address.") % {"name": member.full_name})
    user = member.user
    if user is not None and user.has_usable_password():
        raise InvitationError(
            _("%(name)s already has a password; they can use “Forgotten your password?”.") % {"name": member.full_name}
        )
    others = User.objects.filter(email__iexact=member.email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    if others.exists():
        raise InvitationError(_("Another account already uses %(email)s.") % {"email": member.email})
    if user is None:
        user = User(
            username=_free_username(member),
            email=member.email,
            first_name=member.first_name[:150],
            last_name=member.last_name[:150],
        )
        user.set_unusable_password()
        user.save()
        member.user = user
        member.save(update_fields=["user", "updated_at"])
    elif user.email.lower() != member.email.lower():
        user.email = member.email
        user.save(update_fields=["email"])

    language = member.preferred_language
    link = invitation_link(user, language=language)
    with translation.override(language):
        context = {
            "member": member,
            "user": user,
            "link": link,
            "days": settings.ACCOUNT_INVITATION_DAYS,
        }
        subject = " ".join(render_to_string("accounts/email/invitation_subject.txt", context).split())
        body = render_to_string("accounts/email/invitation_body.txt", context)
    # Into the outbox inside the transaction (the account and its e-mail stand or fall together);
    # delivered by a background task after commit, retried if the mail server refuses it. Sensitive: the
    # set-password link signs its holder in, so the outbox never shows it and erases it once sent.
    queue_mail([EmailMessage(subject=subject, body=body, to=[member.email])], sensitive=True)
    audit.info("account invitation sent to member %s (user %s) by user %s", member.pk, user.pk, by.pk if by else None)
    return user


def regenerate_calendar_token(*, member: Member) -> str:
    """Give `member` a new secret calendar address; the old one stops working at once."""
    member.calendar_token = secrets.token_urlsafe(32)
    member.save(update_fields=["calendar_token", "updated_at"])
    return member.calendar_token


def revoke_calendar_token(*, member: Member) -> None:
    """Switch off `member`'s personal calendar address."""
    member.calendar_token = ""
    member.save(update_fields=["calendar_token", "updated_at"])
