// After an htmx reply to an invitation, move focus to the result and announce it politely.
// Static file (the CSP forbids inline script); the page works without it (see the rsvp view).
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function () {
    var result = document.getElementById("rsvp-result");
    var live = document.getElementById("rsvp-live");
    if (!result) return;
    result.focus();
    if (live) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = result.textContent.trim(); }, 100);
    }
  });
})();
