"""The secretariat's desk on the admin home (core/desk.py)."""

from __future__ import annotations

from django import template

from core.desk import Panel, panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_panels(context) -> list[Panel]:
    """Return the desk's panels for the signed-in user (one query per panel source they may view)."""
    return panels_for(context["request"].user)
