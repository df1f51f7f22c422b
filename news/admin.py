"""The secretariat's admin for announcements."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from news.models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin, TranslationAdmin):
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
        if obj.author_id is None:
            obj.author = request.user
        if obj.status == NewsItem.Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected announcements now"), permissions=["change"])
    def publish_now(self, request, queryset):
        count = 0
        for item in queryset.filter(status=NewsItem.Status.DRAFT):  # One by one, so history records each.
            item.status, item.published_at = NewsItem.Status.PUBLISHED, timezone.now()
            item.save(update_fields=["status", "published_at", "updated_at"])
            count += 1
        message = ngettext("%(count)d announcement published.", "%(count)d announcements published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
