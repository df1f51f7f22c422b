// Progressive enhancement: beside a time shown at its place ("09:00 Almaty time (UTC+5)"), add the
// visitor's own time when their browser's clock reads differently. A signed-in member's own time
// is already on the page (data-own). Without JavaScript the page reads just as well.
(function () {
  "use strict";
  var browserZone;
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!browserZone) { return; }
  var lang = document.documentElement.lang || "en";
  // "yours: %(time)s", translated (templates/base.html).
  var label = document.documentElement.getAttribute("data-your-time") || "yours: %(time)s";
  // The portal's one clock: 24-hour, zero-padded (core/zones.py CLOCK_FORMAT).
  var numeric = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  function wallClock(moment, zone) {
    try { return new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: zone }, numeric)).format(moment); } catch (e) { return null; }
  }
  var format;
  if (lang === "uz") {
    // Browsers lack Uzbek date patterns and print "2026 M12 8": write the usual 08.12.2026, 04:00.
    var parts = new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: browserZone }, numeric));
    format = { format: function (d) {
      var p = {};
      parts.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
      return p.day + "." + p.month + "." + p.year + ", " + p.hour + ":" + p.minute;
    } };
  } else {
    // British English like the server's dates (8 Dec 2026, 04:00), Russian as Russian.
    format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: browserZone
    });
  }
  document.querySelectorAll("time.js-local-time[datetime][data-zone]").forEach(function (el) {
    if (el.hasAttribute("data-own")) { return; }
    var moment = new Date(el.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    // Once when the clocks coincide: the place's time is the visitor's too.
    if (wallClock(moment, el.getAttribute("data-zone")) === wallClock(moment, browserZone)) { return; }
    var extra = document.createElement("span");
    extra.className = "browser-time";
    extra.textContent = " · " + label.replace("%(time)s", format.format(moment));
    el.after(extra);
  });
})();
