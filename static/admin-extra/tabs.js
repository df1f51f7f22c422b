// Tabs for a long admin change form (templates/admin/includes/_tabbed_form.html), after the
// WAI-ARIA Authoring Practices' tabs pattern with automatic activation: the arrow keys, Home and
// End move between tabs; one section shows at a time. Without this script every section shows.
"use strict";
(function () {
  function init(root) {
    const list = root.querySelector("[role=tablist]");
    const tabs = Array.from(list.querySelectorAll("[role=tab]"));
    const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")));
    if (!tabs.length || panels.some((panel) => !panel)) return;

    function select(index, focus) {
      tabs.forEach((tab, i) => {
        const on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
      // Remember the section across "Save and continue editing" (the page keeps its hash).
      if (history.replaceState) history.replaceState(null, "", "#" + tabs[index].id);
    }

    panels.forEach((panel, i) => {
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tabs[i].id);
      panel.tabIndex = 0;
    });
    list.hidden = false;
    root.classList.add("form-tabs--active");

    // Open the tab with errors (marked by the server), else the one in the address, else the first.
    let start = tabs.findIndex((tab) => tab.classList.contains("form-tabs__tab--errors"));
    if (start < 0) start = tabs.findIndex((tab) => "#" + tab.id === location.hash);
    if (start < 0) start = Math.max(0, tabs.findIndex((tab) => tab.hasAttribute("data-selected")));
    select(start, false);

    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(i, false));
      tab.addEventListener("keydown", (event) => {
        const last = tabs.length - 1;
        const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        select(next, true);
      });
    });

    // A field the browser refuses (required, pattern) may sit in a hidden section: show it first.
    root.closest("form")?.addEventListener("invalid", (event) => {
      const index = panels.findIndex((panel) => panel.contains(event.target));
      if (index >= 0 && panels[index].hidden) select(index, false);
    }, true);
  }

  function start() { document.querySelectorAll("[data-form-tabs]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
