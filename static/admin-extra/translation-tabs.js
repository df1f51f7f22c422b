// Language tabs for translated fields (core/admin_translations.py). modeltranslation renders each
// translated field as seven rows (title_en … title_tk), its widgets marked `mt mt-field-<field>-<lang>`.
// In each fieldset holding such rows this script puts a tab list of the languages and shows one
// language's rows at a time; all the page's tab lists switch together, so one choice of language
// holds for the whole form. A tab says when its language is still empty where English is written
// ("Russian — not translated") and when its rows have errors; the form opens on the first language
// with errors, else English. WAI-ARIA tabs with automatic activation: arrow keys, Home and End.
// Without this script every language's row shows. Tabular inlines keep their languages as columns.
"use strict";
(function () {
  // Read at start(): the words come after the admin's media in the page's head.
  let text = null;
  let order = [];
  const groups = [];
  let current = null;
  let counter = 0;

  function languageOf(widget) {
    for (const name of widget.classList) {
      const match = /^mt-field-(.+)-([a-z]{2}(?:_[a-z]+)?)$/.exec(name);
      if (match && order.includes(match[2])) return { field: match[1], code: match[2] };
    }
    return null;
  }

  function isEmpty(widget) {
    return !String(widget.value || "").trim();
  }

  function refresh(group) {
    // A language is missing where English is written and it is not, in any field of the group.
    const english = group.widgets.filter((w) => w.code === order[0] && !isEmpty(w.el)).map((w) => w.field);
    group.tabs.forEach((tab, code) => {
      const missing = code !== order[0] && group.widgets.some((w) => w.code === code && english.includes(w.field) && isEmpty(w.el));
      tab.classList.toggle("mt-tabs__tab--missing", missing);
      // Emptied rather than hidden, so the tab's name (and its text) says only what holds.
      tab.querySelector(".mt-tabs__missing").textContent = missing ? "○" : "";
      tab.querySelector(".mt-tabs__missing-text").textContent = missing ? ` — ${text.missing}` : "";
    });
  }

  function show(code, focusIn) {
    current = code;
    groups.forEach((group) => {
      group.tabs.forEach((tab, tabCode) => {
        const on = tabCode === code;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
      });
      group.rows.forEach((rowCode, row) => { row.hidden = rowCode !== code; });
    });
    if (focusIn) focusIn.tabs.get(code).focus();
  }

  function tabFor(code, group, hasErrors) {
    const language = text.languages.find((l) => l.code === code);
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "mt-tabs__tab" + (hasErrors ? " mt-tabs__tab--errors" : "");
    tab.id = `mt-tab-${group.id}-${code}`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("lang", code);
    tab.textContent = language.name;
    const mark = document.createElement("span");
    mark.className = "mt-tabs__missing";
    mark.setAttribute("aria-hidden", "true");
    const missingText = document.createElement("span");
    missingText.className = "visually-hidden mt-tabs__missing-text";
    tab.append(mark, missingText);
    if (hasErrors) {
      const error = document.createElement("span");
      error.className = "mt-tabs__error";
      error.setAttribute("aria-hidden", "true");
      error.textContent = "!";
      const errorText = document.createElement("span");
      errorText.className = "visually-hidden";
      errorText.textContent = ` — ${text.errors}`;
      tab.append(error, errorText);
    }
    return tab;
  }

  function build(container) {
    const widgets = [];
    container.querySelectorAll(".mt").forEach((el) => {
      if (el.closest(".tabular, td, .empty-form, .mt-tabs-group")) return;  // Table cells keep their columns.
      const found = languageOf(el);
      const row = el.closest(".fieldBox") || el.closest(".form-row");
      if (found && row && row.closest("fieldset") === container) widgets.push({ el, row, ...found });
    });
    const codes = order.filter((code) => widgets.some((w) => w.code === code));
    if (codes.length < 2) return;
    container.classList.add("mt-tabs-group");
    const group = { id: ++counter, widgets, rows: new Map(), tabs: new Map() };
    const list = document.createElement("div");
    list.className = "mt-tabs";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", text.label);
    codes.forEach((code) => {
      const rows = widgets.filter((w) => w.code === code).map((w) => w.row);
      const hasErrors = rows.some((row) => row.classList.contains("errors") || row.querySelector(".errorlist"));
      const tab = tabFor(code, group, hasErrors);
      rows.forEach((row, i) => {
        if (!row.id) row.id = `${tab.id}-panel-${i}`;
        row.classList.add("mt-tabs-row");
        row.setAttribute("role", "tabpanel");
        row.setAttribute("aria-labelledby", tab.id);
        group.rows.set(row, code);
      });
      tab.setAttribute("aria-controls", rows.map((row) => row.id).join(" "));
      group.tabs.set(code, tab);
      list.append(tab);
    });
    const tabs = Array.from(group.tabs.values());
    tabs.forEach((tab, i) => {
      const code = codes[i];
      tab.addEventListener("click", () => show(code, null));
      tab.addEventListener("keydown", (event) => {
        const last = tabs.length - 1;
        const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        show(codes[next], group);
      });
    });
    // The list stands above the group's first translated row, where the seven rows begin.
    const first = widgets[0].row;
    (first.closest(".form-row") || first).before(list);
    container.addEventListener("input", () => refresh(group));
    refresh(group);
    groups.push(group);
    return group;
  }

  function init(root) {
    const built = Array.from(root.querySelectorAll("fieldset")).map(build).filter(Boolean);
    if (!built.length) return;
    if (current === null) {
      // Open on the first language with errors, else English (the language every text starts in).
      const withErrors = order.find((code) => groups.some((g) => g.tabs.get(code)?.classList.contains("mt-tabs__tab--errors")));
      current = withErrors || order[0];
    }
    show(current, null);
  }

  function start() {
    const source = document.getElementById("translation-tabs-text");
    const form = document.querySelector("#content-main form");
    if (!source || !form) return;
    text = JSON.parse(source.textContent);
    order = text.languages.map((language) => language.code);
    init(form);
    // A form added by "Add another" gets its tabs, on the language chosen.
    document.addEventListener("formset:added", (event) => init(event.target));
    // A field the browser refuses (the required English title) may sit in a hidden language: show it.
    form.addEventListener("invalid", (event) => {
      const row = event.target.closest(".mt-tabs-row");
      if (row && row.hidden) show(groups.find((g) => g.rows.has(row)).rows.get(row), null);
    }, true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
