"""Pagination that answers a bad page number with 404 instead of an error or a silent guess."""

from __future__ import annotations

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404


def page_or_404(paginator: Paginator, number: str | None) -> Page:
    """Return page `number` (the first if missing), or raise Http404 for one that does not exist."""
    if number in (None, ""):
        number = 1
    if len(str(number)) > 6:
        raise Http404("No such page.")
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404("No such page.") from None
