"""Texts in seven languages in the admin: language tabs on the forms and the list of what is still untranslated.

Every app's admin takes `TranslationAdmin`, `TranslationTabularInline` and `TranslationStackedInline`
from here rather than from modeltranslation: they load static/admin-extra/translation-tabs.js, which
shows one language of each translated field at a time (WAI-ARIA tabs, English first, a mark on every
language still missing; without JavaScript all seven rows show), and they give the change list a
"missing translation" filter. `translations_overview` is the secretariat's page of what each language
still lacks, model by model (/admin/translations/), its counts one query per model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation import admin as mt_admin
from modeltranslation.translator import translator

from core.languages import BY_CODE, DEFAULT_LANGUAGE, INTERFACE_LANGUAGES

# The languages a text is translated into from English, in the languages' own order.
TARGETS = tuple(language.code for language in INTERFACE_LANGUAGES if language.code != DEFAULT_LANGUAGE)
# The overview's columns: the member states' languages first, Russian (every text's first fallback) last.
OVERVIEW_ORDER = (*(code for code in TARGETS if code != "ru"), "ru")


def translated_fields(model: type[Model]) -> tuple[str, ...]:
    """Return the names of the model's translated fields (title, not title_en)."""
    return tuple(translator.get_options_for_model(model).all_fields)


def missing_in(fields: tuple[str, ...], code: str) -> Q:
    """Rows where some field is written in English but still empty in the language `code`."""
    missing = Q()
    for name in fields:
        english = ~Q(**{f"{name}_{DEFAULT_LANGUAGE}": ""}) & Q(**{f"{name}_{DEFAULT_LANGUAGE}__isnull": False})
        empty = Q(**{f"{name}_{code}": ""}) | Q(**{f"{name}_{code}__isnull": True})
        missing |= english & empty
    return missing


def public_texts(model: type[Model]) -> Q:
    """Rows whose texts the public reads or will read: drafts count, confidential records do not."""
    # A draft is translated before it is published; a record above the public level is read by
    # members in English or Russian and is not the translators' work (DESIGN.md: levels).
    names = {f.name for f in model._meta.get_fields()}
    public = Q(level="public") if "level" in names else Q()
    if "meeting" in names and hasattr(model, "level"):
        public &= Q(meeting__level="public")  # A public agenda item of a closed meeting is not read by the public.
    if "is_public" in names:
        public &= Q(is_public=True)  # A reservation for the record only.
    return public


def untranslated_texts(model: type[Model], code: str) -> QuerySet:
    """Return the model's public texts written in English and still missing in `code`."""
    return model._default_manager.filter(public_texts(model), missing_in(translated_fields(model), code))


class UntranslatedFilter(admin.SimpleListFilter):
    """The change list's filter "missing translation": public texts still lacking a language."""

    title = _("missing translation")
    parameter_name = "untranslated"

    def lookups(self, request, model_admin):
        return [(code, BY_CODE[code].label) for code in TARGETS]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in TARGETS:
            return queryset  # Nothing chosen, or a made-up language: the whole list.
        return queryset.filter(public_texts(queryset.model), missing_in(translated_fields(queryset.model), code))


class TranslationTabsMedia:
    """The script and stylesheet of the language tabs (static/admin-extra/translation-tabs.js)."""

    class Media:
        js = ["admin-extra/translation-tabs.js"]


def tabs_text() -> dict[str, object]:
    """Return the words the tab script shows, in the admin's language (read by it from a JSON script)."""
    return {
        "label": str(_("Language of the translated fields")),
        "missing": str(_("not translated")),
        "errors": str(_("has errors")),
        "languages": [{"code": language.code, "name": str(language.label)} for language in INTERFACE_LANGUAGES],
    }


class TranslationAdmin(TranslationTabsMedia, mt_admin.TranslationAdmin):
    """modeltranslation's admin with our language tabs and the "missing translation" filter."""

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), UntranslatedFilter)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["translation_tabs"] = tabs_text()
        return super().render_change_form(request, context, add, change, form_url, obj)


class TranslationStackedInline(TranslationTabsMedia, mt_admin.TranslationStackedInline):
    """A stacked inline whose forms get the language tabs too."""


class TranslationTabularInline(mt_admin.TranslationTabularInline):
    """A tabular inline: its languages stay columns (a tab list in every row would crowd the table)."""


# --- The overview ---------------------------------------------------------------------------


@dataclass
class OverviewRow:
    """One model: how many of its public texts each language still lacks, and where to find them."""

    label: str
    changelist: str
    counts: list[tuple[str, int, str]] = field(default_factory=list)  # (code, count, filtered list's URL)


def overview_rows(request: HttpRequest, site: admin.AdminSite = admin.site) -> list[OverviewRow]:
    """Return a row per translated model the user may view in the admin: one query per model."""
    rows = []
    for model in translator.get_registered_models():
        model_admin = site._registry.get(model)
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            continue  # History tables, and models the user may not see.
        fields = translated_fields(model)
        # One query: a conditional count per language over the model's public texts.
        counts = model._default_manager.filter(public_texts(model)).aggregate(
            **{code: Count("pk", filter=missing_in(fields, code)) for code in OVERVIEW_ORDER}
        )
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        rows.append(
            OverviewRow(
                capfirst(meta.verbose_name_plural),
                changelist,
                [(code, counts[code], f"{changelist}?untranslated={code}") for code in OVERVIEW_ORDER],
            )
        )
    return sorted(rows, key=lambda row: row.label)


def translations_overview(request: HttpRequest) -> HttpResponse:
    """Show, per language, how many public texts are written in English and not yet in it."""
    rows = overview_rows(request)
    if not rows:
        raise PermissionDenied  # Staff who may view none of the translated records.
    totals = [sum(row.counts[i][1] for row in rows) for i in range(len(OVERVIEW_ORDER))]
    context = {
        **admin.site.each_context(request),
        "title": _("Translations still missing"),
        "languages": [BY_CODE[code] for code in OVERVIEW_ORDER],
        "rows": rows,
        "totals": totals,
    }
    return TemplateResponse(request, "admin/translations_overview.html", context)
