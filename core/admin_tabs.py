"""Tabs on a long admin change form: fieldsets and inlines grouped into named sections.

A ModelAdmin says which section each part of its form belongs to, by name, in `change_form_tabs`:

    change_form_tabs = (
        Tab("details", _("Details"), fields=("title", "starts_at")),
        Tab("agenda", _("Agenda"), inlines=("AgendaItemInline",)),
    )

A fieldset joins the tab that names any of its fields; an inline joins the tab that names its
class. Anything no tab names lands in the first tab, so a fieldset or inline added later is
never lost. The template (templates/admin/includes/_tabbed_form.html) renders every section
stacked with its heading; static/admin-extra/tabs.js turns them into WAI-ARIA tabs. Without
JavaScript the page stays one long form, every section in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.admin.utils import flatten


@dataclass(frozen=True)
class Tab:
    slug: str
    label: str
    fields: tuple[str, ...] = ()
    inlines: tuple[str, ...] = ()


@dataclass
class TabSection:
    slug: str
    label: str
    fieldsets: list = field(default_factory=list)
    inlines: list = field(default_factory=list)
    has_errors: bool = False
    selected: bool = False


def _base(name: str) -> str:
    """Return a translated field's own name (modeltranslation's title_ru is the tab's title)."""
    stem, _, code = name.rpartition("_")
    return stem if stem and code.isalpha() and len(code) == 2 else name


def sections(tabs: tuple[Tab, ...], adminform, inline_admin_formsets) -> list[TabSection]:
    """Group the form's fieldsets and inlines into the tabs; mark those with errors and the one to open."""
    result = [TabSection(tab.slug, tab.label) for tab in tabs]
    by_field = {name: section for tab, section in zip(tabs, result, strict=True) for name in tab.fields}
    by_inline = {name: section for tab, section in zip(tabs, result, strict=True) for name in tab.inlines}
    form = adminform.form
    for fieldset in adminform:
        names = flatten(fieldset.fields)
        section = next(
            (by_field.get(name) or by_field[_base(name)] for name in names if {name, _base(name)} & by_field.keys()),
            result[0],
        )
        section.fieldsets.append(fieldset)
        section.has_errors |= any(form.errors.get(name) for name in names)
    for inline in inline_admin_formsets:
        section = by_inline.get(type(inline.opts).__name__, result[0])
        section.inlines.append(inline)
        formset = inline.formset
        section.has_errors |= bool(formset.is_bound and (formset.total_error_count() or formset.non_form_errors()))
    result = [section for section in result if section.fieldsets or section.inlines]
    opened = next((section for section in result if section.has_errors), result[0] if result else None)
    if opened is not None:
        opened.selected = True
    return result


class TabbedChangeFormMixin:
    """A ModelAdmin whose change form is split into the tabs of `change_form_tabs`."""

    change_form_tabs: tuple[Tab, ...] = ()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.change_form_tabs and "adminform" in context:
            context["form_tabs"] = sections(
                self.change_form_tabs, context["adminform"], context.get("inline_admin_formsets", [])
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
