"""The secretariat's admin for announcements."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import ConcurrentEditAdminMixin, HistoryAdmin
from core.admin_translations import TranslationAdmin
from news import desk, services  # noqa: F401  (desk: registers news on the secretariat's desk)
from news.models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("title", "status", "published_at", "author")
    list_filter = ("status",)
    list_select_related = ("author",)
    search_fields = ("title_en", "title_ru", "title_uz", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "published_at"
    readonly_fields = ("author",)
    fields = ("title", "slug", "lead", "body", "status", "published_at", "author")
    actions = ["publish_now"]

    def save_model(self, request, obj, form, change):
        services.prepare_news_item(item=obj, by=request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected announcements now"), permissions=["change"])
    def publish_now(self, request, queryset):
        count = services.publish_news_items(items=queryset, by=request.user)
        message = ngettext("%(count)d announcement published.", "%(count)d announcements published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
