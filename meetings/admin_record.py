"""The secretariat's admin for the record between meetings: silence procedures and matters forwarded to the Committee.

Registered from `meetings.admin`. Every step is a service (`meetings.services`); these pages
only ask, confirm and report. Recommendations are registered by `workinggroups`, below this
app; their silence and forwarding actions are added here, where those services live.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.translator import translator
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ConcurrentEditAdminMixin
from meetings import notifications, services
from meetings.forms import DecisionForm, ForwardMatterForm, PlaceMatterForm, StartSilenceForm
from meetings.models import ForwardedMatter, SilenceBreak, SilenceProcedure
from workinggroups.admin import RecommendationAdmin
from workinggroups.models import Recommendation

# --- Silence procedures -----------------------------------------------------------------------


class TextKindFilter(admin.SimpleListFilter):
    title = _("text")
    parameter_name = "text"

    def lookups(self, request, model_admin):
        return [("minutes", _("Minutes")), ("recommendation", _("Recommendations"))]

    def queryset(self, request, queryset):
        if self.value() == "minutes":
            return queryset.filter(minutes__isnull=False)
        if self.value() == "recommendation":
            return queryset.filter(recommendation__isnull=False)
        return queryset


class SilenceBreakInline(admin.StackedInline):
    model = SilenceBreak
    extra = 0
    fields = ("member", "broken_at", "reason")
    readonly_fields = ("member", "broken_at", "reason")
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # Broken by those concerned, from the members' pages.


@admin.register(SilenceProcedure)
class SilenceProcedureAdmin(admin.ModelAdmin):
    """Procedures are started, withdrawn and closed by the services; the rows themselves are a record."""

    list_display = ("text", "status", "deadline", "started_by", "started_at", "closed_at", "broken_by")
    list_filter = ("status", TextKindFilter)
    list_select_related = ("minutes__meeting", "recommendation", "started_by", "silence_break__member")
    search_fields = (
        "minutes__meeting__title_en",
        "minutes__meeting__title_ru",
        "recommendation__code",
        "recommendation__title_en",
        "silence_break__reason",
    )
    date_hierarchy = "deadline"
    fields = ("minutes", "recommendation", "status", "deadline", "started_by", "started_at", "closed_at", "closed_by")
    readonly_fields = fields
    inlines = [SilenceBreakInline]
    actions = ["withdraw"]

    def has_change_permission(self, request, obj=None) -> bool:
        # The list's actions need the permission; a procedure's own page is read-only.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # Part of the record.

    @admin.display(description=_("text under silence"))
    def text(self, obj: SilenceProcedure) -> str:
        return str(obj.text)

    @admin.display(description=_("silence broken by"))
    def broken_by(self, obj: SilenceProcedure) -> str:
        objection = getattr(obj, "silence_break", None)
        return objection.member.full_name if objection is not None else "—"

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None) -> HttpResponse:
        """Ask what to put under silence and until when, then start the procedure and say whom it reaches."""
        if not self.has_add_permission(request):
            raise Http404
        if request.method == "POST":
            form = StartSilenceForm(request.POST)
        else:
            form = StartSilenceForm(initial={key: request.GET.get(key) for key in ("minutes", "recommendation")})
        if request.method == "POST" and form.is_valid():
            try:
                procedure = services.start_silence(
                    by=request.user,
                    deadline=form.cleaned_data["deadline"],
                    minutes=form.cleaned_data["minutes"],
                    recommendation=form.cleaned_data["recommendation"],
                )
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            else:
                self._report_audience(request, procedure)
                return redirect("admin:meetings_silenceprocedure_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Start a silence procedure"),
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/meetings/silenceprocedure/start.html", context)

    def _report_audience(self, request: HttpRequest, procedure: SilenceProcedure) -> None:
        reachable, unreachable = notifications.silence_audience(procedure)
        told = ngettext(
            "The silence procedure is open; %(count)d person concerned is being told by e-mail.",
            "The silence procedure is open; %(count)d people concerned are being told by e-mail.",
            len(reachable),
        ) % {"count": len(reachable)}
        self.message_user(request, told, messages.SUCCESS)
        if unreachable:
            names = ", ".join(person.full_name for person in unreachable)
            self.message_user(
                request,
                _(
                    "These people it concerns have no e-mail address or no active account, so nobody told them: "
                    "%(names)s."
                )
                % {"names": names},
                messages.WARNING,
            )

    @admin.action(description=_("Withdraw the selected silence procedures"), permissions=["change"])
    def withdraw(self, request, queryset):
        done = 0
        for procedure in queryset:
            try:
                services.withdraw_silence(procedure=procedure, by=request.user)
                done += 1
            except services.WorkflowError as error:
                self.message_user(request, f"{procedure}: {error.message}", messages.WARNING)
        if done:
            message = ngettext(
                "%(count)d silence procedure withdrawn.", "%(count)d silence procedures withdrawn.", done
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)


@admin.register(SilenceBreak)
class SilenceBreakAdmin(admin.ModelAdmin):
    """The breaks of silence: read-only, so they can be trusted."""

    list_display = ("broken_at", "member", "procedure")
    list_select_related = ("member", "procedure__minutes__meeting", "procedure__recommendation")
    search_fields = ("reason", "member__last_name", "member__first_name")
    date_hierarchy = "broken_at"
    readonly_fields = ("procedure", "member", "broken_at", "reason")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def start_silence_url(text: str, pk: int) -> str:
    """Return the address of the form that starts a silence procedure on the text (`minutes` or `recommendation`)."""
    return f"{reverse('admin:meetings_silenceprocedure_add')}?{text}={pk}"


def forward_url(source: str, pk: int) -> str:
    """Return the address of the form that forwards the source (`source_item` or `recommendation`)."""
    return f"{reverse('admin:meetings_forwardedmatter_add')}?{source}={pk}"


def _one(model_admin, request, queryset):
    """Return the one selected object, or None after telling the user to select exactly one."""
    if queryset.count() != 1:
        model_admin.message_user(request, _("Select exactly one."), messages.WARNING)
        return None
    return queryset.first()


# --- Recommendations: their silence procedure and forwarding -------------------------------------


admin.site.unregister(Recommendation)


@admin.register(Recommendation)
class RecommendationWithRecordAdmin(RecommendationAdmin):
    """Recommendations, with the steps of the record: silence procedure and forwarding to the Committee."""

    actions = [*(RecommendationAdmin.actions or []), "put_under_silence", "forward"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.silence_procedures.open().exists():
            # What those concerned are asked about must not change under them.
            translated = translator.get_options_for_model(Recommendation).fields
            editable = [*Recommendation._meta.fields, *Recommendation._meta.many_to_many]
            fields += [f.name for f in editable if f.editable and f.name not in translated and f.name not in fields]
        return fields

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra = {
            "open_silence": obj.silence_procedures.open().first() if obj is not None else None,
            "forwarded": ForwardedMatter.objects.active().filter(recommendation=obj).first() if obj else None,
        }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    @admin.action(description=_("Put the selected draft under silence procedure…"), permissions=["change"])
    def put_under_silence(self, request, queryset):
        recommendation = _one(self, request, queryset)
        if recommendation is not None:
            return redirect(start_silence_url("recommendation", recommendation.pk))
        return None

    @admin.action(description=_("Forward the selected draft to the Executive Committee…"), permissions=["change"])
    def forward(self, request, queryset):
        recommendation = _one(self, request, queryset)
        if recommendation is not None:
            return redirect(forward_url("recommendation", recommendation.pk))
        return None


# --- Forwarded matters ---------------------------------------------------------------------------


class SourceKindFilter(admin.SimpleListFilter):
    title = _("forwarded")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("item", _("Agenda items")), ("recommendation", _("Recommendations"))]

    def queryset(self, request, queryset):
        if self.value() == "item":
            return queryset.filter(source_item__isnull=False)
        if self.value() == "recommendation":
            return queryset.filter(recommendation__isnull=False)
        return queryset


@admin.register(ForwardedMatter)
class ForwardedMatterAdmin(ConcurrentEditAdminMixin, SimpleHistoryAdmin):
    """The list of matters forwarded to the Executive Committee; the note is edited here, the steps are actions."""

    change_form_template = "admin/meetings/forwardedmatter/change_form.html"
    list_display = ("matter", "forwarded_by", "forwarded_on", "status", "placed_on", "decided_at")
    list_filter = ("status", ("forwarded_by", admin.RelatedOnlyFieldListFilter), SourceKindFilter)
    list_select_related = ("source_item", "recommendation", "forwarded_by", "placed_item__meeting")
    search_fields = (
        "source_item__title_en",
        "source_item__title_ru",
        "recommendation__code",
        "recommendation__title_en",
        "note",
        "decision",
    )
    date_hierarchy = "forwarded_on"
    fields = (
        "source",
        "forwarded_by",
        "forwarded_on",
        "note",
        "status",
        "placed_on",
        "placed_at",
        "decision",
        "decided_at",
        "created_by",
    )
    readonly_fields = (
        "source",
        "forwarded_by",
        "forwarded_on",
        "status",
        "placed_on",
        "placed_at",
        "decision",
        "decided_at",
        "created_by",
    )
    actions = ["place", "decide", "withdraw"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # Withdraw instead: what was forwarded stays on record.

    @admin.display(description=_("forwarded matter"))
    def matter(self, obj: ForwardedMatter) -> str:
        return obj.title

    @admin.display(description=_("forwarded"))
    def source(self, obj: ForwardedMatter) -> str:
        if obj.source_item_id:
            item = obj.source_item
            url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
            return format_html('<a href="{}">{}</a> — {}', url, item.title, item.meeting)
        url = reverse("admin:workinggroups_recommendation_change", args=[obj.recommendation_id])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description=_("on the agenda of"), ordering="placed_item__meeting__starts_at")
    def placed_on(self, obj: ForwardedMatter) -> str:
        if not obj.placed_item_id:
            return "—"
        url = reverse("admin:meetings_agendaitem_change", args=[obj.placed_item_id])
        return format_html('<a href="{}">{}</a>', url, obj.placed_item.meeting)

    def get_urls(self):
        decision = path(
            "<int:pk>/decision/",
            self.admin_site.admin_view(self.decision_view),
            name="meetings_forwardedmatter_decision",
        )
        return [decision, *super().get_urls()]

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None) -> HttpResponse:
        """Ask what a working group forwards and why, then put it on the list of forwarded matters."""
        if not self.has_add_permission(request):
            raise Http404
        if request.method == "POST":
            form = ForwardMatterForm(request.POST, admin_site=self.admin_site)
        else:
            initial = {key: request.GET.get(key) for key in ("source_item", "recommendation")}
            form = ForwardMatterForm(initial=initial, admin_site=self.admin_site)
        if request.method == "POST" and form.is_valid():
            try:
                matter = services.forward_matter(
                    by=request.user,
                    source_item=form.cleaned_data["source_item"],
                    recommendation=form.cleaned_data["recommendation"],
                    note=form.cleaned_data["note"],
                    on=form.cleaned_data["forwarded_on"],
                )
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _(
                        "Forwarded to the Executive Committee: %(matter)s. Place it on a meeting's agenda from this "
                        "list."
                    )
                    % {"matter": matter.title},
                    messages.SUCCESS,
                )
                return redirect("admin:meetings_forwardedmatter_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Forward to the Executive Committee"),
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/meetings/forwardedmatter/forward.html", context)

    @admin.action(description=_("Place on the next Executive Committee meeting…"), permissions=["change"])
    def place(self, request, queryset):
        """Confirm the Executive Committee meeting (the next one unless another is chosen), then place the matters."""
        meetings = services.upcoming_executive_meetings()
        if not meetings.exists():
            self.message_user(
                request, _("The Executive Committee has no meeting to come: plan one first."), messages.ERROR
            )
            return None
        form = PlaceMatterForm(request.POST if "apply" in request.POST else None, meetings=meetings)
        if form.is_bound and form.is_valid():
            placed = 0
            for matter in queryset:
                try:
                    services.place_forwarded_matter(
                        matter=matter, by=request.user, meeting=form.cleaned_data["meeting"]
                    )
                    placed += 1
                except services.WorkflowError as error:
                    self.message_user(request, f"{matter}: {error.message}", messages.WARNING)
            if placed:
                message = ngettext(
                    "%(count)d matter placed on the agenda of %(meeting)s.",
                    "%(count)d matters placed on the agenda of %(meeting)s.",
                    placed,
                )
                self.message_user(
                    request, message % {"count": placed, "meeting": form.cleaned_data["meeting"]}, messages.SUCCESS
                )
            return None
        if not form.is_bound:
            form = PlaceMatterForm(initial={"meeting": meetings.first()}, meetings=meetings)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Place on the Executive Committee's agenda"),
            "opts": self.model._meta,
            "form": form,
            "matters": list(queryset.select_related("forwarded_by", "source_item", "recommendation")),
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "action": "place",
        }
        return TemplateResponse(request, "admin/meetings/forwardedmatter/place.html", context)

    @admin.action(description=_("Record the Executive Committee's decision…"), permissions=["change"])
    def decide(self, request, queryset):
        matter = _one(self, request, queryset)
        if matter is not None:
            return redirect("admin:meetings_forwardedmatter_decision", matter.pk)
        return None

    @admin.action(description=_("Withdraw the selected pending matters"), permissions=["change"])
    def withdraw(self, request, queryset):
        done = 0
        for matter in queryset:
            try:
                services.withdraw_forwarded_matter(matter=matter, by=request.user)
                done += 1
            except services.WorkflowError as error:
                self.message_user(request, f"{matter}: {error.message}", messages.WARNING)
        if done:
            message = ngettext("%(count)d matter withdrawn.", "%(count)d matters withdrawn.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    def decision_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Ask what the Executive Committee decided on a matter on its agenda, then record it."""
        matter = self.get_object(request, str(pk))
        if matter is None or not self.has_change_permission(request, matter):
            raise Http404
        form = DecisionForm(request.POST or None, initial={"decision": matter.decision})
        if request.method == "POST" and form.is_valid():
            try:
                services.record_decision(matter=matter, by=request.user, decision=form.cleaned_data["decision"])
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, _("The Executive Committee's decision is recorded."), messages.SUCCESS)
                return redirect("admin:meetings_forwardedmatter_change", matter.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Record the decision on %(matter)s") % {"matter": matter.title},
            "opts": self.model._meta,
            "original": matter,
            "form": form,
        }
        return TemplateResponse(
            request, "admin/meetings/forwardedmatter/decision.html", context, status=400 if form.errors else 200
        )


def forwarding_of(item) -> str:
    """Return, for the admin, where an agenda item was forwarded from or to, linked to the matter."""
    rows = []
    matter = getattr(item, "placed_from", None) if item.pk else None
    if matter is not None:
        url = reverse("admin:meetings_forwardedmatter_change", args=[matter.pk])
        rows.append(format_html('{} <a href="{}">{}</a>', _("Forwarded by"), url, matter.forwarded_by))
    for matter in ForwardedMatter.objects.active().filter(source_item_id=item.pk or 0):
        url = reverse("admin:meetings_forwardedmatter_change", args=[matter.pk])
        label = _("Forwarded to the Executive Committee")
        rows.append(format_html('<a href="{}">{}</a> ({})', url, label, matter.get_status_display()))
    return format_html_join(mark_safe("<br>"), "{}", ((row,) for row in rows)) if rows else "—"
