"""URL configuration: public and member pages under a language prefix, admin beside them."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin is the secretariat's back office; it follows the browser's language.
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("core.urls")),
    path("", include("meetings.urls")),
    path("", include("workinggroups.urls")),
    prefix_default_language=True,
)
