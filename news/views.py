"""Public announcements."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.pages import page_or_404
from news.models import NewsItem

PER_PAGE = 10


@require_safe
def news_list(request: HttpRequest) -> HttpResponse:
    """List published announcements, newest first."""
    page = page_or_404(Paginator(NewsItem.objects.published(), PER_PAGE), request.GET.get("page"))
    return render(request, "news/newsitem_list.html", {"page": page})


@require_safe
def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show one published announcement."""
    item = get_object_or_404(NewsItem.objects.published(), slug=slug)
    return render(request, "news/newsitem_detail.html", {"item": item})
