// The meeting form names the zone its times are typed in (meetings/forms.py MeetingAdminForm):
// follow the time-zone list as the secretariat changes it, by the chosen city's name ("Almaty time (UTC+5)").
// Without this script the saved zone shows.
"use strict";
(function () {
  function start() {
    const zone = document.getElementById("id_time_zone");
    if (!zone) return;
    const show = () => {
      const option = zone.options ? zone.options[zone.selectedIndex] : null;
      const name = option ? option.textContent.trim() : "";
      if (name) document.querySelectorAll(".venue-zone").forEach((el) => { el.textContent = name; });
    };
    zone.addEventListener("change", show);
    show(); // A form shown again after an error carries the zone chosen, not yet the saved one.
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
