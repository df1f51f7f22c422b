"""Signed one-time links in an invitation e-mail that reply Accept, Tentative or Decline without signing in.

A link carries the participation, its person and the reply, signed with Django's signing
(its own salt, so no other signed value of the portal passes for one) and bound to the
participation's reply state as it was when the link was made (`rsvp` and `rsvp_at`): once any
reply is recorded, by a link, on the meeting page or by the secretariat in the admin, every link
of that invitation is used up and a
replayed one is refused. A link expires when the meeting ends, and at the latest after
`MAX_AGE`. Reading a link never writes; the reply page records it on POST
(`meetings.reply_views`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from meetings import access
from meetings.models import Meeting, Participation

SALT = "meetings.rsvp-link"
MAX_AGE = datetime.timedelta(days=400)  # Longer than any invitation runs ahead of its meeting.
REPLIES = {
    "accept": Participation.Rsvp.ACCEPTED,
    "tentative": Participation.Rsvp.TENTATIVE,
    "decline": Participation.Rsvp.DECLINED,
}


class LinkError(Exception):
    """A reply link that cannot be used; `status` is 400 (not a link of ours) or 410 (expired or used)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class ReplyLink:
    """What a valid link stands for: the participation (with meeting and member) and the reply it gives."""

    participation: Participation
    rsvp: str


def _version(participation: Participation) -> str:
    """Return the reply state a link is bound to: it changes with every recorded reply.

    The reply itself is part of it, so a reply the secretariat records in the admin (which changes
    `rsvp`, not `rsvp_at`) uses the links up too.
    """
    stamp = str(int(participation.rsvp_at.timestamp() * 1_000_000)) if participation.rsvp_at else "0"
    return f"{participation.rsvp}.{stamp}"


def make_token(participation: Participation, reply: str) -> str:
    """Return the signed token that gives `reply` ("accept", "tentative" or "decline") to this invitation."""
    if reply not in REPLIES:
        raise ValueError(f"Unknown reply {reply!r}.")
    payload = [participation.pk, participation.member_id, _version(participation), reply]
    return signing.dumps(payload, salt=SALT, compress=False)


def reply_paths(participation: Participation) -> dict[str, str]:
    """Return the site-relative addresses of the three reply links of one invitation."""
    return {
        reply: reverse("meetings:rsvp_link", kwargs={"token": make_token(participation, reply)}) for reply in REPLIES
    }


def read_token(token: str, *, for_update: bool = False, now: datetime.datetime | None = None) -> ReplyLink:
    """Return what `token` stands for, or raise LinkError; `for_update` locks the participation (in a transaction)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise LinkError(410, "expired") from None
    except signing.BadSignature:
        raise LinkError(400, "invalid") from None
    try:
        pk, member_id, version, reply = payload
        rsvp = REPLIES[reply]
    except (TypeError, ValueError, KeyError):
        raise LinkError(400, "invalid") from None
    participations = Participation.objects.select_related("meeting__venue__country", "meeting__body", "member")
    if for_update:
        participations = participations.select_for_update(of=("self",))
    participation = participations.filter(pk=pk, member_id=member_id).first()
    if participation is None or not participation.member.is_active:
        raise LinkError(410, "withdrawn")  # The invitation was withdrawn, or the person no longer takes part.
    meeting = participation.meeting
    if meeting.ends_at <= (now or timezone.now()) or meeting.status in {
        Meeting.Status.CANCELLED,
        Meeting.Status.HELD,
    }:
        raise LinkError(410, "expired")
    if _version(participation) != version:
        raise LinkError(410, "used")
    return ReplyLink(participation=participation, rsvp=rsvp)


def asks_mode(meeting: Meeting) -> bool:
    """Return whether an acceptance must say how the person attends: the meeting has a venue and an online link."""
    # Whether there is a link to join is asked of the policy, as everywhere (the holder is a participant).
    return meeting.venue_id is not None and bool(access.online_url_for(access.ANONYMOUS, meeting, is_participant=True))


def default_mode(meeting: Meeting) -> str:
    """Return how a person attends a meeting that offers one way only."""
    return Participation.Mode.ONLINE if meeting.venue_id is None else Participation.Mode.IN_PERSON
