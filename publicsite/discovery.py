"""What crawlers read first: robots.txt and the sitemap of the public pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from publicsite.sitemaps import SITEMAPS


def _robots_lines(sitemap_url: str) -> list[str]:
    """Return the lines of robots.txt, pointing at the sitemap's absolute address."""
    languages = [code for code, _name in settings.LANGUAGES]
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /i18n/",  # The language switch: a form action, not a page.
        # The open-data API's endpoints may be read; its interactive documentation is not content.
        "Disallow: /api/",
        "Allow: /api/v1/",
        "Disallow: /api/v1/docs",
        "Disallow: /accounts/",
    ]
    for code in languages:
        # Sign-in pages, documents (which answer 404 to the public anyway) and the reply links of
        # invitation e-mails under each language.
        lines += [f"Disallow: /{code}/accounts/", f"Disallow: /{code}/documents/", f"Disallow: /{code}/reply/"]
    return [*lines, "", f"Sitemap: {sitemap_url}", ""]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Tell crawlers what to leave alone and where the sitemap is."""
    lines = _robots_lines(request.build_absolute_uri(reverse("sitemap")))
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """List the public pages in every language, for anonymous visitors whoever asks."""
    # The classes, not instances: each request gets fresh sitemaps (they keep state while rendering).
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Send browsers and crawlers that ask for /favicon.ico to the portal's icon, instead of a 404 on every page."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))
