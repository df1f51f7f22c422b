"""The secretariat's admin for meetings and everything on them."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import zones
from core.admin import ConcurrentEditAdminMixin, ConcurrentEditInlineMixin, HistoryAdmin
from core.admin_a11y import NamedControlsInlineMixin
from core.admin_tabs import Tab, TabbedChangeFormMixin
from core.admin_translations import TranslationAdmin, TranslationTabularInline
from core.diff import word_diff
from meetings import exports, notifications, services
from meetings.admin_agenda import AgendaFormSet, OverdueFilter, overdue_badge, status_history_html, warn_if_overrun
from meetings.admin_invitations import InvitationStepsMixin, ParticipationInline, warn_blind_invitees
from meetings.admin_record import forward_url, forwarding_of, start_silence_url  # Registers the record's pages too.
from meetings.admin_scheduling import SchedulingAdminMixin
from meetings.desk import DeskFilter  # Also registers the meetings' panels on the desk.
from meetings.forms import AmendmentForm, DocumentForm, MeetingAdminForm, MinutesAdminForm, PublicSummaryAdminForm
from meetings.models import (
    ActionItem,
    AgendaItem,
    Document,
    DocumentDownload,
    Meeting,
    MeetingOrganization,
    Minutes,
    MinutesComment,
    Participation,
    PublicSummary,
    Redaction,
    SilenceProcedure,
    Venue,
)


@admin.register(Venue)
class VenueAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ("name", "city", "country", "zone")
    list_filter = ("country",)
    list_select_related = ("country",)
    search_fields = ("name_en", "name_ru", "name_uz", "city_en", "city_ru", "address")
    autocomplete_fields = ("country",)

    @admin.display(description=_("time zone"), ordering="time_zone")
    def zone(self, venue: Venue) -> str:
        return zones.zone_label(venue.time_zone, city=venue.city_en or venue.city)


class AgendaItemInline(ConcurrentEditInlineMixin, TranslationTabularInline):
    model = AgendaItem
    extra = 0
    # The agenda builder (meetings/admin_agenda.py): timetable, overrun, reordering, matters arising.
    formset = AgendaFormSet
    template = "admin/meetings/agenda_inline.html"

    class Media:
        css = {"all": ["admin-extra/agenda-builder.css"]}
        js = ["admin-extra/agenda-builder.js"]

    # English and Russian here; every other language (and the description) on the item's own page.
    fields = ("order", "title_en", "title_ru", "presenter", "presenter_name", "minutes_allotted", "level")
    autocomplete_fields = ("presenter",)
    show_change_link = True


class MeetingOrganizationInline(NamedControlsInlineMixin, admin.TabularInline):
    model = MeetingOrganization
    extra = 0
    autocomplete_fields = ("organization",)


class DocumentInline(ConcurrentEditInlineMixin, admin.TabularInline):
    model = Document
    form = DocumentForm
    extra = 0
    # Which document a translation renders, and its status, are set on the document's own page.
    fields = ("title", "file", "language", "agenda_item", "level")
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Offer only this meeting's agenda items.
        field = formset.form.base_fields.get("agenda_item")
        if field is not None:
            field.queryset = AgendaItem.objects.filter(meeting=obj) if obj else AgendaItem.objects.none()
        return formset


class ActionItemInline(ConcurrentEditInlineMixin, admin.TabularInline):
    model = ActionItem
    extra = 0
    fields = ("title", "owner", "due_date", "overdue", "status", "completed_at", "level")
    readonly_fields = ("overdue",)
    autocomplete_fields = ("owner",)

    @admin.display(description=_("overdue"))
    def overdue(self, obj: ActionItem) -> str:
        return overdue_badge(obj)


@admin.register(Meeting)
class MeetingAdmin(
    InvitationStepsMixin,
    SchedulingAdminMixin,
    TabbedChangeFormMixin,
    ConcurrentEditAdminMixin,
    HistoryAdmin,
    TranslationAdmin,
):
    form = MeetingAdminForm
    list_display = ("title", "body", "starts_at", "status", "level", "venue", "participant_count", "register_link")
    list_filter = (DeskFilter, "status", "level", "kind", "body", "venue__country")
    list_select_related = ("body", "venue")
    search_fields = ("title_en", "title_ru", "title_uz", "slug", "venue__city_en")
    autocomplete_fields = ("body", "venue")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline, ParticipationInline, MeetingOrganizationInline, DocumentInline, ActionItemInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "body", "kind", "status", "level", "description")}),
        (
            _("When and where"),
            {"fields": ("starts_at", "ends_at", "venue", "time_zone", "online_url"), "classes": ("venue-time",)},
        ),
        (None, {"fields": ("loaded_version",), "classes": ("hidden",)}),
    )
    # The form in sections (core/admin_tabs.py): name a new fieldset's field or inline class here;
    # anything not named lands in the first tab.
    change_form_tabs = (
        Tab("details", _("Details"), fields=("title", "starts_at", "loaded_version")),
        Tab("agenda", _("Agenda"), inlines=("AgendaItemInline",)),
        Tab("participants", _("Participants"), inlines=("ParticipationInline", "MeetingOrganizationInline")),
        Tab("documents", _("Documents"), inlines=("DocumentInline",)),
        Tab("minutes", _("Minutes and actions"), inlines=("ActionItemInline",)),
    )

    # Measured (docs/benchmarks.md): a correlated count instead of a join with GROUP BY,
    # and no second full count, took the list from 57 to 39 ms at 2,000 meetings.
    show_full_result_count = False

    def get_queryset(self, request):
        participants = (
            Participation.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(participant_count=Coalesce(Subquery(participants), 0))

    @admin.display(description=_("participants"), ordering="participant_count")
    def participant_count(self, obj: Meeting) -> int:
        return obj.participant_count

    @admin.display(description=_("attendance"))
    def register_link(self, obj: Meeting) -> str:
        # The register is a staff screen of its own (meetings.attendance_views), made for a tablet.
        url = reverse("meetings:attendance_register", args=[obj.slug])
        return format_html('<a href="{}">{}</a>', url, _("Register"))

    actions = ["send_invitations", "export_attendance_csv", "export_attendance_xlsx"]

    @admin.action(description=_("Send invitations to participants not yet invited"), permissions=["change"])
    def send_invitations(self, request, queryset):
        invited = 0
        for meeting in queryset:
            pending = [
                p.member for p in meeting.participations.filter(invited_at__isnull=True).select_related("member__user")
            ]
            try:
                invited += services.send_invitations(meeting=meeting, by=request.user)
            except services.WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
                continue
            warn_blind_invitees(request, meeting, pending)
        message = ngettext("%(count)d participant invited.", "%(count)d participants invited.", invited)
        self.message_user(request, message % {"count": invited}, messages.SUCCESS)

    @admin.action(description=_("Export the attendance of the selected meetings (CSV)"), permissions=["attendance"])
    def export_attendance_csv(self, request, queryset):
        return _export(request, exports.attendance_table(queryset), "csv")

    @admin.action(description=_("Export the attendance of the selected meetings (Excel)"), permissions=["attendance"])
    def export_attendance_xlsx(self, request, queryset):
        return _export(request, exports.attendance_table(queryset), "xlsx")

    def has_attendance_permission(self, request) -> bool:
        # The attendance is the participants' list: reading it needs both view permissions.
        return self.has_view_permission(request) and request.user.has_perm("meetings.view_participation")

    def save_model(self, request, obj, form, change):
        services.save_meeting(meeting=obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if warning := warn_if_overrun(form.instance):
            messages.warning(request, warning)  # Warned, not refused: the chair may run over on purpose.


@admin.register(AgendaItem)
class AgendaItemAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ("title", "meeting", "order", "level", "minutes_allotted")
    list_filter = ("level", "meeting__body")
    list_select_related = ("meeting",)
    search_fields = ("title_en", "title_ru", "title_uz", "meeting__title_en")
    autocomplete_fields = ("meeting", "presenter")
    readonly_fields = ("forwarding",)
    actions = ["forward"]

    @admin.display(description=_("forwarding to the Executive Committee"))
    def forwarding(self, obj: AgendaItem) -> str:
        return forwarding_of(obj)

    @admin.action(description=_("Forward the selected item to the Executive Committee…"), permissions=["change"])
    def forward(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one."), messages.WARNING)
            return None
        return redirect(forward_url("source_item", queryset.get().pk))


@admin.register(Participation)
class ParticipationAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    list_display = ("member", "meeting", "role", "rsvp", "rsvp_mode", "attendance")
    list_filter = ("rsvp", "attendance", "role", "meeting__body")
    list_select_related = ("member", "meeting")
    search_fields = ("member__first_name", "member__last_name", "meeting__title_en")
    autocomplete_fields = ("meeting", "member")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warn_blind_invitees(request, obj.meeting, [obj.member])


@admin.register(MeetingOrganization)
class MeetingOrganizationAdmin(admin.ModelAdmin):
    list_display = ("organization", "meeting", "role")
    list_filter = ("role", "organization__kind")
    list_select_related = ("organization", "meeting")
    search_fields = ("organization__name_en", "organization__acronym", "meeting__title_en")
    autocomplete_fields = ("meeting", "organization")


class RedactionInline(ConcurrentEditInlineMixin, admin.TabularInline):
    """Passages of the minutes that must never reach the public; marked even on approved, frozen minutes."""

    model = Redaction
    extra = 0
    fields = ("passage", "reason", "marked_by")
    readonly_fields = ("marked_by",)


@admin.register(Redaction)
class RedactionAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    """Every passage marked for redaction, across all minutes, for the secretariat's review."""

    list_display = ("__str__", "minutes", "reason", "marked_by", "created_at")
    list_select_related = ("minutes__meeting", "marked_by")
    search_fields = ("passage", "reason", "minutes__meeting__title_en")
    autocomplete_fields = ("minutes",)
    readonly_fields = ("marked_by",)

    def save_model(self, request, obj, form, change):
        if obj.marked_by_id is None:
            obj.marked_by = request.user
        super().save_model(request, obj, form, change)


class MinutesCommentInline(admin.TabularInline):
    model = MinutesComment
    extra = 0
    fields = ("author", "version", "text", "created_at")
    readonly_fields = ("author", "version", "text", "created_at")
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # Chairs comment from the members' area; the record is theirs.


@admin.register(MinutesComment)
class MinutesCommentAdmin(admin.ModelAdmin):
    list_display = ("minutes", "author", "version", "created_at")
    list_select_related = ("minutes__meeting", "author")
    search_fields = ("text", "author__last_name", "minutes__meeting__title_en")
    readonly_fields = ("minutes", "author", "version", "text")

    def has_add_permission(self, request) -> bool:
        return False  # Written by chairs in the members' area.

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DocumentDownload)
class DocumentDownloadAdmin(admin.ModelAdmin):
    """The download log: read-only, so it can be trusted."""

    list_display = ("downloaded_at", "user", "document")
    list_filter = ("document__level",)
    list_select_related = ("user", "document")
    search_fields = ("user__username", "document__title")
    date_hierarchy = "downloaded_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Minutes)
class MinutesAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    form = MinutesAdminForm
    change_form_template = "admin/meetings/minutes/change_form.html"
    list_display = ("__str__", "edition", "status", "version", "level", "circulated_at", "approved_at")
    list_filter = ("status", "level", "meeting__body")
    list_select_related = ("meeting",)
    search_fields = ("meeting__title_en", "meeting__title_ru", "text")
    autocomplete_fields = ("meeting",)
    # The workflow moves only through the actions below, which record who and when.
    readonly_fields = (
        "edition",
        "amends",
        "changes",
        "status",
        "version",
        "circulated_at",
        "approved_at",
        "approved_by",
    )
    fields = (
        "meeting",
        "edition",
        "amends",
        "amendment_reason",
        "changes",
        "level",
        "text",
        "status",
        "version",
        "circulated_at",
        "approved_at",
        "approved_by",
        "loaded_version",
    )
    actions = ["circulate", "approve", "put_under_silence", "prepare_summary"]
    inlines = [RedactionInline, MinutesCommentInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is Redaction:
            for redaction in formset.save(commit=False):
                if redaction.marked_by_id is None:
                    redaction.marked_by = request.user
                redaction.save()
            for gone in formset.deleted_objects:
                gone.delete()
            return
        super().save_formset(request, form, formset, change)

    @admin.action(
        description=_("Prepare the public summary from the selected approved minutes"), permissions=["change"]
    )
    def prepare_summary(self, request, queryset):
        prepared = None
        for minutes in queryset.select_related("meeting"):
            try:
                prepared = services.prepare_summary_from_minutes(minutes=minutes, by=request.user)
            except services.WorkflowError as error:
                self.message_user(request, f"{minutes}: {error.message}", messages.WARNING)
        if prepared is not None and queryset.count() == 1:
            self.message_user(request, _("The summary is drafted from the minutes, with the marked passages redacted."))
            return redirect("admin:meetings_publicsummary_change", prepared.pk)
        return None

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and (obj.is_frozen or obj.silence_procedures.open().exists()):
            # Approved minutes are the record: nothing in them changes (the database refuses it too).
            # Under silence, the text those concerned are asked about must not change under them.
            return [name for name in self.fields if name != "loaded_version"]
        return self.readonly_fields

    def change_view(self, request, object_id, form_url="", extra_context=None):
        minutes = self.get_object(request, object_id) if object_id else None
        open_silence = SilenceProcedure.objects.open().filter(minutes=minutes).first() if minutes else None
        extra = {"open_silence": open_silence, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_frozen)

    @admin.display(description=_("changes from the edition it amends"))
    def changes(self, obj: Minutes | None) -> str:
        if obj is None or obj.amends_id is None:
            return "—"
        return render_to_string("includes/_diff.html", {"pieces": word_diff(obj.amends.text, obj.text)})

    def get_urls(self):
        urls = super().get_urls()
        amend = path(
            "<int:pk>/amend/",
            self.admin_site.admin_view(self.amend_view),
            name="meetings_minutes_amend",
        )
        return [amend, *urls]

    def amend_view(self, request, pk: int):
        """Ask why the approved minutes need correcting, then open the amendment as a new draft edition."""
        minutes = self.get_object(request, str(pk))
        if minutes is None or not self.has_change_permission(request, minutes):
            raise Http404
        form = AmendmentForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                amendment = services.start_amendment(
                    minutes=minutes, by=request.user, reason=form.cleaned_data["reason"]
                )
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, _("The amendment is open as a draft: correct the text, then circulate it."))
                return redirect("admin:meetings_minutes_change", amendment.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Amend %(minutes)s") % {"minutes": minutes},
            "opts": self.model._meta,
            "original": minutes,
            "form": form,
        }
        return TemplateResponse(
            request, "admin/meetings/minutes/amend.html", context, status=400 if form.errors else 200
        )

    @admin.action(description=_("Circulate the selected minutes to the chairs"), permissions=["change"])
    def circulate(self, request, queryset):
        done = self._run(request, queryset, services.circulate_minutes)
        if done:
            message = ngettext("%(count)d set of minutes circulated.", "%(count)d sets of minutes circulated.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)
        # Say who will not hear of it: a success that e-mails nobody must not look like one.
        for minutes in queryset.filter(status=Minutes.Status.CIRCULATED).select_related("meeting__body"):
            reachable, unreachable = notifications.unreachable_reviewers(minutes)
            if not reachable:
                self.message_user(
                    request,
                    _("%(minutes)s: no chair of the body can be told by e-mail; send them the draft another way.")
                    % {"minutes": minutes},
                    messages.WARNING,
                )
            if unreachable:
                names = "; ".join(f"{name} ({why})" for name, why in unreachable)
                self.message_user(
                    request,
                    _("%(minutes)s: not told by e-mail: %(names)s.") % {"minutes": minutes, "names": names},
                    messages.WARNING,
                )

    @admin.action(description=_("Approve the selected minutes"), permissions=["change"])
    def approve(self, request, queryset):
        done = self._run(request, queryset, services.approve_minutes)
        if done:
            message = ngettext("%(count)d set of minutes approved.", "%(count)d sets of minutes approved.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Put the selected circulated minutes under silence procedure…"), permissions=["change"])
    def put_under_silence(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one."), messages.WARNING)
            return None
        return redirect(start_silence_url("minutes", queryset.get().pk))

    def _run(self, request, queryset, step) -> int:
        done = 0
        for minutes in queryset.select_related("meeting"):
            try:
                step(minutes=minutes, by=request.user)
                done += 1
            except services.WorkflowError as error:
                self.message_user(request, f"{minutes}: {error.message}", messages.WARNING)
        return done


@admin.register(PublicSummary)
class PublicSummaryAdmin(ConcurrentEditAdminMixin, HistoryAdmin, TranslationAdmin):
    form = PublicSummaryAdminForm
    list_display = ("title", "meeting", "status", "reviewed_by", "published_at")
    list_filter = ("status", "meeting__body")
    list_select_related = ("meeting", "reviewed_by")
    search_fields = ("title_en", "title_ru", "title_uz", "slug", "meeting__title_en")
    autocomplete_fields = ("meeting",)
    prepopulated_fields = {"slug": ("title_en",)}
    # The workflow (draft → reviewed → published) moves only through the actions, which check
    # the redactions and record who reviewed; a text edited after review goes back to draft.
    readonly_fields = ("status", "source_minutes", "redaction_check", "reviewed_by", "reviewed_at", "published_at")
    fields = (
        "meeting",
        "source_minutes",
        "title",
        "slug",
        "text",
        "redaction_check",
        "status",
        "reviewed_by",
        "reviewed_at",
        "early_publication_reason",
        "published_at",
    )
    actions = ["review", "publish", "unpublish"]

    @admin.display(description=_("redaction check"))
    def redaction_check(self, obj: PublicSummary | None) -> str:
        if obj is None or obj.pk is None:
            return "—"
        found = services.redacted_passages_in(obj)
        if not found:
            return _("No passage marked for redaction in the minutes appears in this summary.")
        return _("Contains passages marked for redaction: %(passages)s") % {"passages": "; ".join(found)}

    def _step(self, request, queryset, step, done_message) -> None:
        done = 0
        for summary in queryset:
            try:
                step(summary=summary, by=request.user)
                done += 1
            except services.WorkflowError as error:
                self.message_user(request, f"{summary}: {error.message}", messages.WARNING)
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Mark the selected summaries as reviewed"), permissions=["change"])
    def review(self, request, queryset):
        self._step(
            request,
            queryset,
            services.review_summary,
            lambda n: ngettext("%(count)d summary reviewed.", "%(count)d summaries reviewed.", n),
        )

    @admin.action(description=_("Publish the selected summaries"), permissions=["change"])
    def publish(self, request, queryset):
        self._step(
            request,
            queryset,
            services.publish_summary,
            lambda n: ngettext("%(count)d summary published.", "%(count)d summaries published.", n),
        )

    @admin.action(description=_("Take the selected summaries off the public site"), permissions=["change"])
    def unpublish(self, request, queryset):
        for summary in queryset:
            services.unpublish_summary(summary=summary, by=request.user)
        self.message_user(request, _("The summaries are drafts again."), messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        text_changed = [name for name in form.changed_data if name.startswith(("title_", "text_"))]
        services.save_summary(summary=obj, by=request.user, text_changed=bool(text_changed))


@admin.register(Document)
class DocumentAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    form = DocumentForm
    list_display = ("title", "meeting", "group", "language", "translation_status", "level", "size", "created_at")
    list_filter = ("level", "language", "translation_status", "meeting__body", "group")
    list_select_related = ("meeting", "group")
    search_fields = ("title", "original_filename", "meeting__title_en", "checksum")
    autocomplete_fields = ("meeting", "agenda_item", "group", "original")
    readonly_fields = ("uuid", "original_filename", "content_type", "size", "checksum")
    fields = (
        "title",
        "file",
        "language",
        "original",
        "translation_status",
        "meeting",
        "agenda_item",
        "group",
        "level",
        "uuid",
        "original_filename",
        "content_type",
        "size",
        "checksum",
    )


@admin.register(ActionItem)
class ActionItemAdmin(ConcurrentEditAdminMixin, HistoryAdmin):
    list_display = ("title", "meeting", "owner", "due_date", "overdue", "status", "level")
    list_filter = (OverdueFilter, "status", "level", "meeting__body")
    list_select_related = ("meeting", "owner")
    search_fields = ("title", "description", "owner__last_name", "meeting__title_en")
    autocomplete_fields = ("meeting", "agenda_item", "owner")
    date_hierarchy = "due_date"
    readonly_fields = ("status_history",)
    actions = ["export_csv", "export_xlsx"]

    class Media:
        css = {"all": ["admin-extra/agenda-builder.css"]}

    @admin.display(description=_("overdue"))
    def overdue(self, obj: ActionItem) -> str:
        return overdue_badge(obj)

    @admin.display(description=_("status history"))
    def status_history(self, obj: ActionItem | None) -> str:
        return status_history_html(obj)

    @admin.action(description=_("Export the selected action items (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return _export(request, exports.action_items_table(queryset), "csv")

    @admin.action(description=_("Export the selected action items (Excel)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return _export(request, exports.action_items_table(queryset), "xlsx")


def _export(request, table: exports.Table, file_format: str) -> HttpResponse:
    """Send `table` as a download and note on the audit log who took it."""
    exports.log_export(user=request.user, table=table, file_format=file_format)
    return exports.csv_response(table) if file_format == "csv" else exports.xlsx_response(table)
