"""The secretariat's admin for bodies, memberships, work plans and recommendations."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin import ConcurrentEditAdminMixin, ConcurrentEditInlineMixin, HistoryAdmin
from core.admin_translations import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from core.concurrency import ConcurrentEditForm
from members.admin import MemberAdmin
from members.models import Member
from workinggroups import services
from workinggroups.forms import ImplementationReportForm
from workinggroups.models import (
    Implementation,
    ImplementationReport,
    Membership,
    Pillar,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
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
    # English and Russian here (seven title columns would crowd the table); every language on the item's own page.
    fields = ("order", "title_en", "title_ru", "status", "due_year", "due_quarter")


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


# Stacked inlines repeat a text in every language: three rows each keep the page readable.
SHORT_TEXTS = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}


class ReservationInline(ConcurrentEditInlineMixin, TranslationStackedInline):
    """The reservations and statements made when consensus was reached, each by a state or an organisation."""

    model = Reservation
    extra = 0
    fields = ("order", "kind", "country", "organization", "text", "is_public")
    autocomplete_fields = ("country", "organization")
    formfield_overrides = SHORT_TEXTS


class ImplementationInline(admin.TabularInline):
    """Each country's current status: the latest of its reports, written by the report service only."""

    model = Implementation
    form = ConcurrentEditForm  # Never saved from here (read-only), but a versioned record's form all the same.
    extra = 0
    fields = ("country", "status", "as_of", "note")
    readonly_fields = fields
    verbose_name_plural = _("current implementation by country")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ImplementationHistoryInline(admin.TabularInline):
    """Every report so far, newest first, read-only: the history is the record."""

    model = ImplementationReport
    extra = 0
    fields = ("country", "status", "as_of", "reported_by", "source", "note", "recorded_at", "recorded_by")
    readonly_fields = fields
    verbose_name_plural = _("implementation reports so far")
    classes = ("collapse",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "recorded_by")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ImplementationReportInline(TranslationStackedInline):
    """New reports, recorded by `services.report_implementation` when the page is saved."""

    model = ImplementationReport
    form = ImplementationReportForm
    extra = 0
    fields = ("country", "status", "as_of", "reported_by", "representative", "source", "source_url", "note")
    autocomplete_fields = ("country", "representative")
    formfield_overrides = SHORT_TEXTS
    verbose_name_plural = _("new implementation reports")

    def get_queryset(self, request):
        return super().get_queryset(request).none()  # Reports so far are shown above, read-only.

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Recommendation)
class RecommendationAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("code", "title", "group", "status", "adopted_on")
    list_filter = ("status", "group", "pillars", "themes")
    list_select_related = ("group",)
    search_fields = ("code", "title_en", "title_ru", "title_uz")
    autocomplete_fields = ("group", "adopted_at")
    filter_horizontal = ("pillars", "themes")
    date_hierarchy = "adopted_on"
    inlines = [ReservationInline, ImplementationInline, ImplementationHistoryInline, ImplementationReportInline]

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.form, ImplementationReportForm):
            return super().save_formset(request, form, formset, change)  # The read-only history saves nothing.
        # New reports go through the service, which appends each and updates the current status with it.
        formset.new_objects = [
            services.report_implementation(recommendation=form.instance, by=request.user, **row.report_values())
            for row in formset.extra_forms
            if row.has_changed()
        ]
        formset.changed_objects, formset.deleted_objects = [], []
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.ImplementationReportError as error:
            # Checked on the form first; this is a change made meanwhile. The page's transaction was
            # rolled back whole, so nothing of this save was written.
            messages.error(request, error.message)
            return HttpResponseRedirect(request.get_full_path())


@admin.register(Reservation)
class ReservationAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("recommendation", "kind", "author", "is_public")
    list_filter = ("kind", "is_public", "recommendation__group")
    list_select_related = ("recommendation", "country", "organization")
    search_fields = (
        "recommendation__code",
        "text_en",
        "text_ru",
        "text_uz",
        "country__name_en",
        "organization__acronym",
    )
    autocomplete_fields = ("recommendation", "country", "organization")

    @admin.display(description=_("by"))
    def author(self, obj: Reservation) -> str:
        return str(obj.author or "")


@admin.register(Implementation)
class ImplementationAdmin(HistoryAdmin):
    """Current statuses, read-only: a status changes by a new report (on the recommendation or below)."""

    form = ConcurrentEditForm  # Never saved from here (read-only), but a versioned record's form all the same.
    list_display = ("recommendation", "country", "status", "as_of")
    list_filter = ("status", "country", "recommendation__group")
    list_select_related = ("recommendation", "country")
    search_fields = ("recommendation__code", "recommendation__title_en", "note_en")
    readonly_fields = ("recommendation", "country", "status", "as_of", "note", "history")
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("history"))
    def history(self, obj: Implementation) -> str:
        reports = ImplementationReport.objects.filter(recommendation=obj.recommendation_id, country=obj.country_id)
        rows = format_html_join(
            "",
            "<li>{}: {} ({}){}</li>",
            (
                (
                    report.as_of,
                    report.get_status_display(),
                    report.get_reported_by_display(),
                    f" — {report.source}" if report.source else "",
                )
                for report in reports
            ),
        )
        return format_html("<ol>{}</ol>", rows)


@admin.register(ImplementationReport)
class ImplementationReportAdmin(TranslationAdmin):
    """Every report of implementation; new ones are recorded by `services.report_implementation`."""

    form = ImplementationReportForm
    list_display = ("recommendation", "country", "status", "as_of", "reported_by", "recorded_at")
    list_filter = ("status", "reported_by", "country", "recommendation__group")
    list_select_related = ("recommendation", "country")
    search_fields = ("recommendation__code", "source", "note_en", "note_ru", "note_uz")
    autocomplete_fields = ("recommendation", "country", "representative")
    date_hierarchy = "as_of"

    def get_readonly_fields(self, request, obj=None):
        return ("recorded_by", "recorded_at") if obj is not None else ()

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # Reports are the record: a mistake is corrected by a later report.

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        report = services.report_implementation(
            recommendation=form.cleaned_data["recommendation"], by=request.user, **form.report_values()
        )
        obj.pk, obj.recorded_at, obj.recorded_by = report.pk, report.recorded_at, request.user

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except services.ImplementationReportError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(request.get_full_path())


# --- Roadmaps --------------------------------------------------------------------------


class RoadmapItemInline(ConcurrentEditInlineMixin, TranslationStackedInline):
    model = RoadmapItem
    extra = 0
    fields = ("order", "title", "description", "status", "due_year", "due_quarter", "work_plan_items", "meetings")
    autocomplete_fields = ("work_plan_items", "meetings")
    formfield_overrides = SHORT_TEXTS


@admin.register(Roadmap)
class RoadmapAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("title", "years", "status", "item_count")
    list_filter = ("status",)
    search_fields = ("title_en", "title_ru", "title_uz", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("countries", "organizations")
    inlines = [RoadmapItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("period"), ordering="period_start")
    def years(self, obj: Roadmap) -> str:
        return obj.years_label or f"{obj.period_start} – {obj.period_end}"

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, obj: Roadmap) -> int:
        return obj.item_count


@admin.register(RoadmapItem)
class RoadmapItemAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("title", "roadmap", "status", "due_label")
    list_filter = ("status", "roadmap", "due_year")
    list_select_related = ("roadmap",)
    search_fields = ("title_en", "title_ru", "title_uz")
    autocomplete_fields = ("roadmap", "work_plan_items", "meetings")

    @admin.display(description=_("due"))
    def due_label(self, obj: RoadmapItem) -> str:
        return obj.due_label
