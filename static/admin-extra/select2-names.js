// The admin's autocomplete boxes (Select2) show a combobox that has no name while nothing is chosen
// (axe-core: aria-input-field-name). Give each the name of the <select> it stands for.
"use strict";
(function () {
  function nameOf(select) {
    const label = select.getAttribute("aria-label") || (select.labels && select.labels[0] && select.labels[0].textContent);
    return (label || "").replace(/:\s*$/, "").trim();
  }
  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const container = select.nextElementSibling;
      const name = nameOf(select);
      if (!container || !name) return;
      container.querySelectorAll(".select2-selection[role=combobox], .select2-selection__rendered[role=textbox]").forEach((el) => {
        if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", name);
      });
    });
  }
  // Select2 builds its boxes when jQuery is ready, and again for each inline row added:
  // name them whenever new elements appear.
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; nameAll(); }, 0);
  });
  function start() {
    nameAll();
    observer.observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
