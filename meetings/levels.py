"""The confidentiality levels every meeting, agenda item, document, set of minutes and action item carries."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Confidentiality levels, from open to closed; see DESIGN.md and `meetings.access`."""

    PUBLIC = "public", _("Public")
    COUNCIL = "council", _("Council")
    GROUP = "group", _("Group")
    RESTRICTED = "restricted", _("Restricted")


LEVEL_HELP = _(
    "Public: anyone. Council: any member. Group: members of the meeting's body, the Executive "
    "Committee and the secretariat. Restricted: the meeting's named participants and the secretariat."
)

# From open to closed: a document is as confidential as the most closed thing in it.
_ORDER = (Level.PUBLIC, Level.COUNCIL, Level.GROUP, Level.RESTRICTED)


def highest(levels: Iterable[str]) -> Level:
    """Return the most closed of `levels` (public when there are none)."""
    return max((Level(level) for level in levels), key=_ORDER.index, default=Level.PUBLIC)
