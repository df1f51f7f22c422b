"""The secretariat's admin for bodies, memberships, work plans and recommendations."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import ConcurrentEditAdminMixin, ConcurrentEditInlineMixin, HistoryAdmin
from members.admin import MemberAdmin
from members.models import Member
from workinggroups.models import (
    Implementation,
    Membership,
    Pillar,
    Recommendation,
    Theme,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)


class MembershipInline(ConcurrentEditInlineMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("member",)
    fields = ("member", "role", "start_date", "end_date")


class SeatInline(ConcurrentEditInlineMixin, admin.TabularInline):
    """A person's seats on the Council's bodies, on the person's own page."""

    model = Membership
    extra = 0
    autocomplete_fields = ("group",)
    fields = ("group", "role", "start_date", "end_date")


# People are registered by `members`, which sits below the bodies; their seats are added
# here, where memberships live, so that `members` never imports `workinggroups`.
admin.site.unregister(Member)


@admin.register(Member)
class MemberWithSeatsAdmin(MemberAdmin):
    inlines = [*MemberAdmin.inlines, SeatInline]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("name", "short_name", "kind", "letter", "order", "is_active", "member_count")
    list_filter = ("kind", "is_active")
    search_fields = ("name_en", "name_ru", "name_uz", "short_name_en")
    prepopulated_fields = {"slug": ("short_name_en",)}
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships", distinct=True))

    @admin.display(description=_("memberships"), ordering="member_count")
    def member_count(self, obj: WorkingGroup) -> int:
        return obj.member_count


@admin.register(Membership)
class MembershipAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    list_display = ("member", "group", "role", "start_date", "end_date")
    list_filter = ("group", "role")
    list_select_related = ("member", "group")
    search_fields = ("member__first_name", "member__last_name", "group__name_en")
    autocomplete_fields = ("member", "group")
    date_hierarchy = "start_date"


class WorkPlanItemInline(ConcurrentEditInlineMixin, TranslationTabularInline):
    model = WorkPlanItem
    extra = 0
    fields = ("order", "title", "status", "due_year", "due_quarter")


@admin.register(WorkPlan)
class WorkPlanAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("title", "group", "period_start", "period_end")
    list_filter = ("group",)
    list_select_related = ("group",)
    search_fields = ("title_en", "title_ru", "title_uz")
    autocomplete_fields = ("group",)
    inlines = [WorkPlanItemInline]


@admin.register(WorkPlanItem)
class WorkPlanItemAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("title", "plan", "status", "due_label")
    list_filter = ("status", "plan__group", "due_year")
    list_select_related = ("plan",)
    search_fields = ("title_en", "title_ru", "title_uz")
    autocomplete_fields = ("plan", "meetings")

    @admin.display(description=_("due"))
    def due_label(self, obj: WorkPlanItem) -> str:
        return obj.due_label


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ("number", "name")
    search_fields = ("name_en", "name_ru", "name_uz")


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_ru", "name_uz")


class ImplementationInline(ConcurrentEditInlineMixin, TranslationTabularInline):
    model = Implementation
    extra = 0
    autocomplete_fields = ("country",)
    fields = ("country", "status", "note")


@admin.register(Recommendation)
class RecommendationAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("code", "title", "group", "status", "adopted_on")
    list_filter = ("status", "group", "pillars", "themes")
    list_select_related = ("group",)
    search_fields = ("code", "title_en", "title_ru", "title_uz")
    autocomplete_fields = ("group", "adopted_at")
    filter_horizontal = ("pillars", "themes")
    date_hierarchy = "adopted_on"
    inlines = [ImplementationInline]


@admin.register(Implementation)
class ImplementationAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("recommendation", "country", "status", "updated_at")
    list_filter = ("status", "country", "recommendation__group")
    list_select_related = ("recommendation", "country")
    search_fields = ("recommendation__code", "recommendation__title_en", "note_en")
    autocomplete_fields = ("recommendation", "country")
