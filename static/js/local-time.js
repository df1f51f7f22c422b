// Progressive enhancement: beside a time shown in the Council's zone, add the visitor's own
// local time when the browser's zone differs. Without JavaScript the page reads just as well.
(function () {
  "use strict";
  var browserZone;
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!browserZone) { return; }
  var lang = document.documentElement.lang || "en";
  var label = document.documentElement.getAttribute("data-your-time") || "your time";
  var format;
  if (lang === "uz") {
    // Browsers lack Uzbek date patterns and print "2026 M12 8": write the usual 08.12.2026, 04:00.
    var parts = new Intl.DateTimeFormat("en-GB", {
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: browserZone
    });
    format = { format: function (d) {
      var p = {};
      parts.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
      return p.day + "." + p.month + "." + p.year + ", " + p.hour + ":" + p.minute;
    } };
  } else {
    // British English like the server's dates (8 Dec 2026, 04:00), Russian as Russian.
    format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
      dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: browserZone
    });
  }
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
