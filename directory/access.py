"""Who may use the members' directory, and which contact details a card shows to whom.

The confidentiality of meetings is decided in `meetings.access`; this module applies a
person's `Clearance` (`workinggroups.clearance`) to people: members and the secretariat may
look each other up, and a person's e-mail and phone reach other members only with that
person's consent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from members.models import Member, MemberQuerySet
from workinggroups.clearance import Clearance

# The kinds of people the directory lists: the Council's members and the informal
# regional network of practitioners (observers attend, they are not listed).
DIRECTORY_KINDS = (
    Member.Kind.COUNCIL_MEMBER,
    Member.Kind.EXPERT,
    Member.Kind.PARTNER_REPRESENTATIVE,
    Member.Kind.PRACTITIONER,
)


@dataclass(frozen=True)
class Contact:
    """The contact details of one person that one viewer may see; empty strings are withheld."""

    email: str = ""
    phone: str = ""


def may_browse_directory(clearance: Clearance) -> bool:
    """Return whether a person with `clearance` may open the directory: members and the secretariat."""
    return clearance.is_council or clearance.is_secretariat


def check_directory_access(clearance: Clearance) -> None:
    """Raise Http404 unless `clearance` admits the directory, so its existence does not leak."""
    if not may_browse_directory(clearance):
        raise Http404(_("No such page."))


def directory_people() -> MemberQuerySet:
    """Return the people the directory lists: active council members, experts, partners' people and practitioners."""
    return Member.objects.active().filter(kind__in=DIRECTORY_KINDS)


def visible_contact(person: Member, clearance: Clearance) -> Contact:
    """Return the e-mail and phone of `person` a viewer may see: what they consented to; all to the secretariat."""
    if clearance.is_secretariat:
        return Contact(email=person.email, phone=person.phone)
    if not may_browse_directory(clearance):
        return Contact()
    return Contact(
        email=person.email if person.share_email_with_members else "",
        phone=person.phone if person.share_phone_with_members else "",
    )
