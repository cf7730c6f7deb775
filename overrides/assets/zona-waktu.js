/* Session lines in the reader's own zone, and upcoming versus past by the reader's clock.
 *
 * The build writes every session line in the session's own zone first, then the other
 * Indonesian zones, and lists it under "Akan datang" or "Sudah lewat" as of the build's
 * day. That view stands without JavaScript. This script only reorders texts the build
 * wrote (each zone's date and time, from Babel, in the span's data-wib/-wita/-wit/-asal
 * attributes), so every date stays the build's Indonesian; it never reads curriculum
 * text into markup (textContent only).
 *
 *   - the zone choice (WIB/WITA/WIT, or each session's own zone) fills the empty
 *     `.kk-zona-pilihan` boxes; the default is the browser's zone when it is one of
 *     Indonesia's; the choice is kept in localStorage under "kk-zona";
 *   - a session whose end (data-selesai, UTC) has passed moves from `.kk-sesi-akan` to the
 *     top of `.kk-sesi-lewat` (or leaves a list that has no past part), losing the parts
 *     only an upcoming session has (`.kk-sesi-akan-saja`: registration, calendar); a
 *     pathway step's "next session" gives way to the next one the build wrote
 *     (`.kk-sesi-giliran`), or says it has passed; a list followed by a hidden
 *     `.kk-sesi-cadangan` (the home page's nearest sessions) takes the next one from it,
 *     so it keeps its length between builds; checked again every minute, so a page left
 *     open keeps up.
 *
 * `window.kkZona` lets the planner ask for the chosen zone and hear when it changes.
 */
(function () {
  "use strict";

  var KEY = "kk-zona";
  var OWN = "asal";
  var ZONES = ["WIB", "WITA", "WIT"];
  // The browser's IANA zone → the zone readers know (old names included: browsers differ).
  var BROWSER = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
  };
  var TEXT = {
    label: "Tampilkan waktu dalam",
    own: "Zona sesi masing-masing",
    WIB: "WIB (Asia/Jakarta, UTC+7)",
    WITA: "WITA (Asia/Makassar, UTC+8)",
    WIT: "WIT (Asia/Jayapura, UTC+9)",
    noneUpcoming: "Belum ada sesi terjadwal.",
    passed: " (sudah lewat)",
    separator: " · ",
  };
  var EVENT = "kk-zona";

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === OWN || ZONES.indexOf(value) >= 0 ? value : null;
    } catch (error) {
      return null; // storage blocked: the choice lasts for this page only
    }
  }

  function fromBrowser() {
    try {
      return BROWSER[Intl.DateTimeFormat().resolvedOptions().timeZone] || null;
    } catch (error) {
      return null;
    }
  }

  var current = stored() || fromBrowser() || OWN;

  function choose(zone) {
    current = zone;
    try {
      window.localStorage.setItem(KEY, zone);
    } catch (error) {
      /* kept for this page only */
    }
    showAll();
    document.dispatchEvent(new CustomEvent(EVENT, { detail: { zone: zone } }));
  }

  // "date|range" from one of the span's data attributes.
  function part(span, key) {
    var value = span.getAttribute("data-" + key);
    if (!value) return null;
    var cut = value.indexOf("|");
    return { date: value.slice(0, cut), range: value.slice(cut + 1) };
  }

  // The build explains WIB/WITA/WIT with the glossary's <abbr>; a rewritten line keeps
  // those explanations, read from the line before its first rewrite.
  function zoneTitles(span) {
    if (!span.kkZoneTitles) {
      var titles = {};
      Array.prototype.forEach.call(span.querySelectorAll("abbr[title]"), function (abbr) {
        titles[abbr.textContent] = abbr.getAttribute("title");
      });
      span.kkZoneTitles = titles;
    }
    return span.kkZoneTitles;
  }

  // Text whose last word is an explained zone ("09.00–11.00 WIT") gets that word as <abbr>.
  function appendRange(parent, text, titles) {
    var cut = text.lastIndexOf(" ");
    var zone = text.slice(cut + 1);
    if (cut < 0 || !Object.prototype.hasOwnProperty.call(titles, zone)) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    parent.appendChild(document.createTextNode(text.slice(0, cut + 1)));
    var abbr = document.createElement("abbr");
    abbr.setAttribute("title", titles[zone]);
    abbr.textContent = zone;
    parent.appendChild(abbr);
  }

  function show(span) {
    var own = (span.getAttribute("data-zona") || "").toLowerCase() || OWN;
    var first = current === OWN ? own : current.toLowerCase();
    var order = [first];
    ["wib", "wita", "wit", OWN].forEach(function (key) {
      if (key !== first && (key !== OWN || own === OWN)) order.push(key);
    });
    var lead = part(span, first);
    if (!lead) return;
    var titles = zoneTitles(span);
    var strong = document.createElement("strong");
    appendRange(strong, lead.date + ", " + lead.range, titles);
    span.replaceChildren(strong);
    order.slice(1).forEach(function (key) {
      var other = part(span, key);
      if (!other) return;
      appendRange(span, TEXT.separator + other.range, titles);
      if (other.date !== lead.date) {
        span.appendChild(document.createTextNode(" (" + other.date + ")"));
      }
    });
    span.setAttribute("data-tampil", first.toUpperCase());
  }

  function sessions() {
    return Array.prototype.slice.call(document.querySelectorAll(".kk-sesi-waktu[data-selesai]"));
  }

  function showAll() {
    sessions().forEach(show);
    document.querySelectorAll(".kk-zona-pilihan select").forEach(function (select) {
      select.value = current;
    });
  }

  function emptyNote(box, visible) {
    var note = box.querySelector(".kk-sesi-kosong");
    if (!note && visible) {
      note = document.createElement("p");
      note.className = "kk-sesi-kosong";
      note.textContent = TEXT.noneUpcoming;
      box.appendChild(note);
    }
    if (note) note.hidden = !visible;
  }

  function refill(list) {
    var reserve = list.nextElementSibling;
    var next = reserve && reserve.classList.contains("kk-sesi-cadangan") && reserve.querySelector("li");
    var shown = list.querySelector("ul");
    if (next && shown) shown.appendChild(next);
  }

  function settle() {
    var now = Date.now();
    var past = document.querySelector(".kk-sesi-lewat");
    sessions().forEach(function (span) {
      if (span.hasAttribute("data-lewat") || Date.parse(span.getAttribute("data-selesai")) > now) {
        return;
      }
      span.setAttribute("data-lewat", "");
      if (span.closest(".kk-sesi-lewat")) return; // listed as past by the build already
      var spare = span.closest(".kk-sesi-cadangan");
      if (spare) {
        span.closest("li").remove(); // a reserve that ended before it was needed
        return;
      }
      var from = span.closest(".kk-sesi-akan");
      var item = from ? span.closest("li") : span.parentNode;
      var upcomingOnly = item.querySelector(".kk-sesi-akan-saja");
      if (upcomingOnly) upcomingOnly.remove();
      if (!from) {
        // A pathway step: the build wrote its next few sessions, the later ones hidden.
        var turn = span.closest(".kk-sesi-giliran");
        var following = turn && turn.nextElementSibling;
        if (following && following.classList.contains("kk-sesi-giliran")) {
          turn.hidden = true;
          following.hidden = false;
        } else {
          span.after(document.createTextNode(TEXT.passed));
        }
        return;
      }
      if (past) {
        var list = past.querySelector("ul");
        if (!list) {
          list = document.createElement("ul");
          past.prepend(list);
        }
        list.prepend(item);
        emptyNote(past, false);
      } else {
        item.remove();
      }
      refill(from);
      if (!from.querySelector("li")) {
        from.querySelectorAll("ul").forEach(function (list) {
          list.remove();
        });
        emptyNote(from, true);
      }
    });
  }

  function chooser(box, number) {
    var id = "kk-zona-pilih-" + number;
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = TEXT.label + " ";
    var select = document.createElement("select");
    select.id = id;
    [OWN].concat(ZONES).forEach(function (zone) {
      var option = document.createElement("option");
      option.value = zone;
      option.textContent = zone === OWN ? TEXT.own : TEXT[zone];
      select.appendChild(option);
    });
    select.value = current;
    select.addEventListener("change", function () {
      choose(select.value);
    });
    box.replaceChildren(label, select);
    box.hidden = false;
  }

  function start() {
    document.querySelectorAll(".kk-zona-pilihan").forEach(chooser);
    showAll();
    settle();
    window.setInterval(settle, 60 * 1000);
  }

  window.kkZona = {
    chosen: function () {
      return current;
    },
    event: EVENT,
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
