"""Template filters showing search results: the words found, marked, in the title and an excerpt."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from meetings import search

register = template.Library()


@register.filter
def highlight(text: str, terms: list[search.Term]) -> SafeString:
    """Return `text` escaped, with the words a search found in <mark>."""
    return search.highlight(str(text), terms or [])


@register.filter
def excerpt(text: str, terms: list[search.Term]) -> SafeString:
    """Return some forty words of `text` around the first word a search found, escaped and highlighted."""
    return search.excerpt(str(text), terms or [])
