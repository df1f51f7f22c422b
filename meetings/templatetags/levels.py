"""Confidentiality levels in templates: badges and "why can I see this", as the policy answers."""

from __future__ import annotations

from django import template

from meetings import access

register = template.Library()


@register.filter
def is_confidential(obj) -> bool:
    """Return whether `obj` carries a level above public, so that its badge is worth showing."""
    return not access.is_public(obj)


@register.inclusion_tag("includes/_level_badge.html")
def level_badge(obj) -> dict:
    """Show an object's level as a badge."""
    return {"level": obj.level, "label": access.level_label(obj.level)}


@register.inclusion_tag("includes/_level_why.html", takes_context=True)
def level_why(context, obj) -> dict:
    """Show an object's level with, on hover or tap, why this person may see it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "level": obj.level,
        "label": access.level_label(obj.level),
        # On a meeting page every object shares the page's meeting and body: no query per row.
        "reason": access.reason(
            user,
            obj,
            is_participant=context.get("my_participation") is not None,
            body=getattr(context.get("meeting"), "body", None),
        ),
    }
