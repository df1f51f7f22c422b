"""URL configuration: public and member pages under a language prefix; admin, API and discovery beside them."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core.admin_translations import translations_overview
from publicsite import discovery

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin is the secretariat's back office; it follows the browser's language.
    # Before admin.site.urls, whose catch-all would answer this address with a 404.
    path("admin/translations/", admin.site.admin_view(translations_overview), name="admin_translations"),
    path("admin/", admin.site.urls),
    path("api/", include("opendata.urls")),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("favicon.ico", discovery.favicon, name="favicon"),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("members.account_urls")),
    path("", include("publicsite.urls")),
    path("", include("meetings.urls")),
    path("", include("members.urls")),
    path("", include("directory.urls")),
    path("", include("news.urls")),
    prefix_default_language=True,
)
