// Progressive enhancement: beside a time shown in the Council's zone, add the visitor's own
// local time when the browser's zone differs. Without JavaScript the page reads just as well.
(function () {
  "use strict";
  var browserZone;
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!browserZone) { return; }
  var lang = document.documentElement.lang || "en";
  var label = document.documentElement.getAttribute("data-your-time") || "your time";
  var format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: browserZone });
  document.querySelectorAll("time.js-local-time[datetime][data-zone]").forEach(function (el) {
    if (el.getAttribute("data-zone") === browserZone) { return; }
    var moment = new Date(el.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    var extra = document.createElement("span");
    extra.className = "browser-time";
    extra.textContent = " · " + format.format(moment) + " (" + label + ")";
    el.after(extra);
  });
})();
