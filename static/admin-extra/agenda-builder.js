// The agenda builder (templates/admin/meetings/agenda_inline.html), as progressive enhancement:
// the server renders the timetable, the total and the overrun warning; this keeps them live as
// minutes and order numbers change, and adds reordering by drag and drop (a handle on each row)
// and by keyboard ("Move up"/"Move down" buttons that keep focus and announce the new position).
// Reordering only rewrites the visible order numbers; nothing is saved until the meeting is.
(function () {
  "use strict";

  function fmt(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function init(root) {
    var data = root.dataset;
    var group = root.querySelector(".js-inline-admin-formset");
    if (!group) { return; }
    var tbody = group.querySelector("tbody");
    var live = root.querySelector("[data-agenda-live]");
    var slotsBody = root.querySelector("[data-agenda-slots]");
    var total = root.querySelector("[data-agenda-total]");
    var overrun = root.querySelector("[data-agenda-overrun]");
    var lang = data.language || document.documentElement.lang || "en";
    var clock = null;
    if (data.zone) {
      try {
        clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: data.zone });
      } catch (e) { clock = null; }
    }

    function rows() {
      return Array.prototype.filter.call(tbody.querySelectorAll("tr.form-row"), function (row) {
        return !row.classList.contains("empty-form");
      });
    }
    function field(row, suffix) { return row.querySelector('input[name$="-' + suffix + '"]'); }
    function titleOf(row) {
      var own = row.querySelector('input[name$="-title_' + lang + '"]');
      if (own && own.value.trim()) { return own.value.trim(); }
      var titles = row.querySelectorAll('input[name*="-title"]');
      for (var i = 0; i < titles.length; i++) {
        if (titles[i].value.trim()) { return titles[i].value.trim(); }
      }
      return data.msgUntitled;
    }
    function hasTitle(row) {
      return Array.prototype.some.call(row.querySelectorAll('input[name*="-title"]'), function (input) {
        return input.value.trim() !== "";
      });
    }
    function counts(row) {
      var id = field(row, "id");
      return Boolean((id && id.value) || hasTitle(row));
    }
    function deleted(row) {
      var box = field(row, "DELETE");
      return Boolean(box && box.checked);
    }
    function duration(minutes) {
      var hours = Math.floor(minutes / 60), rest = minutes % 60;
      if (!hours) { return fmt(data.msgMinutes, { minutes: rest }); }
      return fmt(data.msgHours, { hours: hours, minutes: (rest < 10 ? "0" : "") + rest });
    }
    function announce(message) {
      if (!live) { return; }
      live.textContent = "";
      window.setTimeout(function () { live.textContent = message; }, 50);
    }

    function recompute() {
      if (!data.starts || !slotsBody) { return; }
      var start = new Date(data.starts).getTime(), end = new Date(data.ends).getTime();
      var items = rows().filter(function (row) { return counts(row) && !deleted(row); }).map(function (row) {
        var order = parseInt((field(row, "order") || {}).value, 10);
        var minutes = parseInt((field(row, "minutes_allotted") || {}).value, 10);
        return { order: isNaN(order) ? Infinity : order, title: titleOf(row), minutes: isNaN(minutes) || minutes < 0 ? 0 : minutes };
      }).sort(function (a, b) { return a.order - b.order; });
      var moment = start, elapsed = 0;
      slotsBody.textContent = "";
      items.forEach(function (item) {
        var ends = moment + item.minutes * 60000;
        elapsed += item.minutes;
        var tr = document.createElement("tr");
        var over = ends > end;
        if (over) { tr.className = "agenda-timetable__over"; }
        var cells = [isFinite(item.order) ? String(item.order) : "—", item.title,
          clock ? clock.format(new Date(moment)) : "", clock ? clock.format(new Date(ends)) : "",
          duration(item.minutes), duration(elapsed)];
        cells.forEach(function (text, index) {
          var td = document.createElement("td");
          td.textContent = text;
          if (index === 3 && over && data.msgAfter) {
            var badge = document.createElement("span");
            badge.className = "overdue-badge";
            badge.textContent = " ⚠ " + data.msgAfter;
            td.appendChild(document.createTextNode(" "));
            td.appendChild(badge);
          }
          tr.appendChild(td);
        });
        slotsBody.appendChild(tr);
        moment = ends;
      });
      var length = Math.floor((end - start) / 60000);
      if (total) {
        var strong = total.querySelectorAll("strong");
        if (strong[0]) { strong[0].textContent = duration(elapsed); }
        if (strong[1]) { strong[1].textContent = duration(length); }
      }
      if (overrun) {
        var over = elapsed - length;
        overrun.hidden = over <= 0;
        var text = overrun.querySelector("[data-agenda-overrun-text]");
        if (text && over > 0) {
          text.textContent = fmt(overrun.dataset.msg, { total: duration(elapsed), length: duration(length), over: duration(over) });
        }
      }
    }

    function renumber() {
      var n = 0;
      rows().forEach(function (row) {
        if (!counts(row)) { return; }
        n += 1;
        var order = field(row, "order");
        if (order) { order.value = String(n); }
      });
    }
    function position(row) {
      var counted = rows().filter(counts);
      return { position: counted.indexOf(row) + 1, count: counted.length };
    }
    function label(row) {
      var title = titleOf(row);
      var up = row.querySelector("[data-agenda-up]"), down = row.querySelector("[data-agenda-down]");
      var handle = row.querySelector("[data-agenda-handle]");
      if (up) { up.setAttribute("aria-label", fmt(data.msgUp, { title: title })); up.title = up.getAttribute("aria-label"); }
      if (down) { down.setAttribute("aria-label", fmt(data.msgDown, { title: title })); down.title = down.getAttribute("aria-label"); }
      if (handle) { handle.title = fmt(data.msgDrag, { title: title }); }
    }
    function moved(row) {
      renumber();
      recompute();
      var where = position(row);
      announce(fmt(data.msgMoved, { title: titleOf(row), position: where.position, count: where.count }));
    }
    function move(row, step, button) {
      var list = rows();
      var target = list[list.indexOf(row) + step];
      if (!target) {
        announce(fmt(step < 0 ? data.msgFirst : data.msgLast, { title: titleOf(row) }));
        return;
      }
      tbody.insertBefore(row, step < 0 ? target : target.nextSibling);
      moved(row);
      if (button) { button.focus(); }
    }

    var dragged = null;
    function controls(row) {
      if (row.querySelector(".agenda-move")) { return; }
      var cell = row.querySelector("td.field-order");
      if (!cell) { return; }
      var box = document.createElement("span");
      box.className = "agenda-move";
      var handle = document.createElement("span");
      handle.className = "agenda-move__handle";
      handle.setAttribute("data-agenda-handle", "");
      handle.setAttribute("aria-hidden", "true");
      handle.textContent = "⠿";
      var up = document.createElement("button");
      up.type = "button";
      up.textContent = "↑";
      up.setAttribute("data-agenda-up", "");
      var down = document.createElement("button");
      down.type = "button";
      down.textContent = "↓";
      down.setAttribute("data-agenda-down", "");
      up.addEventListener("click", function () { move(row, -1, up); });
      down.addEventListener("click", function () { move(row, 1, down); });
      handle.addEventListener("pointerdown", function () { row.draggable = true; });
      handle.addEventListener("mousedown", function () { row.draggable = true; });
      row.addEventListener("dragstart", function (event) {
        dragged = row;
        row.classList.add("agenda-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", titleOf(row));
      });
      row.addEventListener("dragend", function () {
        row.draggable = false;
        row.classList.remove("agenda-dragging");
        rows().forEach(function (r) { r.classList.remove("agenda-drop-target"); });
        dragged = null;
      });
      box.appendChild(handle);
      box.appendChild(up);
      box.appendChild(down);
      cell.appendChild(box);
      label(row);
    }

    function rowAt(event) {
      var row = event.target.closest ? event.target.closest("tr.form-row") : null;
      return row && row.parentNode === tbody && !row.classList.contains("empty-form") ? row : null;
    }
    tbody.addEventListener("dragover", function (event) {
      var row = rowAt(event);
      if (!dragged || !row) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      rows().forEach(function (r) { r.classList.toggle("agenda-drop-target", r === row && r !== dragged); });
    });
    tbody.addEventListener("drop", function (event) {
      var row = rowAt(event);
      if (!dragged || !row) { return; }
      event.preventDefault();
      if (row !== dragged) {
        var box = row.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        tbody.insertBefore(dragged, after ? row.nextSibling : row);
        moved(dragged);
      }
    });

    tbody.addEventListener("input", function (event) {
      var row = event.target.closest("tr.form-row");
      if (row) {
        var order = field(row, "order");
        if (order && !order.value && hasTitle(row)) {
          // A new item goes last until it is moved.
          var highest = 0;
          rows().forEach(function (r) {
            var value = parseInt((field(r, "order") || {}).value, 10);
            if (!isNaN(value) && value > highest) { highest = value; }
          });
          order.value = String(highest + 1);
        }
        label(row);
      }
      recompute();
    });
    tbody.addEventListener("change", recompute);
    document.addEventListener("formset:added", function (event) {
      var row = event.target;
      if (row && row.parentNode === tbody) { controls(row); }
    });
    document.addEventListener("formset:removed", recompute);
    rows().forEach(controls);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-agenda-builder]"), init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
