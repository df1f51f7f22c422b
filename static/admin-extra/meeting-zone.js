// The meeting form names the zone its times are typed in (meetings/forms.py MeetingAdminForm):
// follow the time-zone field as the secretariat changes it. Without this script the saved zone shows.
"use strict";
(function () {
  function start() {
    const zone = document.getElementById("id_time_zone");
    if (!zone) return;
    const show = () => {
      const name = zone.value.trim();
      if (name) document.querySelectorAll(".venue-zone").forEach((el) => { el.textContent = name; });
    };
    zone.addEventListener("input", show);
    zone.addEventListener("change", show);
    show(); // A form shown again after an error carries the zone typed, not yet the saved one.
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
