"""Template questions about the directory, answered by its policy."""

from __future__ import annotations

from django import template

from directory import access

register = template.Library()


@register.filter
def may_browse_directory(viewer) -> bool:
    """Return whether the viewer (a `Clearance`) may open the members' directory."""
    return access.may_browse_directory(viewer)
