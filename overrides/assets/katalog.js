/* Katalog: filters, counts and sorting over the page's own list of modules.

   The list is the page (it works without JavaScript); each item carries its facts in data
   attributes written by the generator. Filtering it here costs no request at all, however
   many modules there are, and the URL holds the state so a filtered list can be shared;
   each change of a filter is an entry in the browser's history, so Back undoes it.
   Archived modules are listed only when asked for. "Ada sesi mendatang" is judged by the
   reader's clock, as the module pages do (zona-waktu.js): a session that has ended since
   the build is dropped. An empty result names the filters whose removal would show
   modules, each with a button that clears it.
   Texts are moved as nodes or set as textContent, never parsed as HTML. */
(function () {
  "use strict";

  var form = document.querySelector(".kk-katalog-saring");
  var groups = document.querySelector(".kk-katalog");
  if (!form || !groups) return;
  var status = document.querySelector(".kk-katalog-jumlah");
  var flat = document.querySelector(".kk-katalog-hasil");
  var note = document.querySelector(".kk-katalog-tanpa-js");
  var empty = document.querySelector(".kk-katalog-kosong");
  var now = Date.now();
  var SELECTS = ["jabatan", "jalur", "moda", "tingkat"];
  var EVERYONE = "semua";

  // The heading of the item's track, without the theme's permalink sign.
  function trackTitle(li) {
    var heading = li.closest(".kk-katalog-jalur").querySelector("h2");
    return heading.textContent.replace(/¶\s*$/, "").trim();
  }

  // "2026-12-08/2026-12-08T04:30:00Z/8_Desember_2026 …": each upcoming session's day, end
  // (UTC) and date as shown, from the build. Those that have ended are dropped, and the
  // item's "sesi berikutnya" names the next one left.
  function nextSession(li) {
    var next = (li.dataset.sesiSemua || "").split(" ").filter(Boolean).map(function (entry) {
      var parts = entry.split("/");
      return { day: parts[0], end: Date.parse(parts[1]), label: (parts[2] || "").replace(/_/g, " ") };
    }).filter(function (session) { return !(session.end <= now); })[0];
    var shown = li.querySelector(".kk-katalog-sesi");
    if (shown && next) shown.textContent = " · sesi berikutnya " + next.label;
    else if (shown) shown.remove();
    return next ? next.day : "";
  }

  var items = Array.prototype.map.call(groups.querySelectorAll(".kk-katalog-modul"), function (li) {
    var words = function (name) { return (li.dataset[name] || "").split(" ").filter(Boolean); };
    return {
      li: li,
      title: li.querySelector("a").textContent,
      jalur: li.dataset.jalur,
      jalurJudul: trackTitle(li),
      tingkat: li.dataset.tingkat,
      moda: words("moda"),
      jabatan: words("jabatan"),
      jp: Number(li.dataset.jp),
      sesi: li.dataset.sesiSemua === undefined ? li.dataset.sesi || "" : nextSession(li),
      arsip: li.dataset.arsip === "1",
      bukti: li.dataset.bukti === "1",
      order: 0,
    };
  });
  items.forEach(function (item, i) { item.order = i; });
  Array.prototype.forEach.call(form.querySelectorAll("option"), function (option) {
    option.dataset.label = option.textContent;
  });
  var upcomingLabel = form.querySelector("label[for=kk-mendatang]");
  upcomingLabel.dataset.label = upcomingLabel.textContent;
  var evidenceLabel = form.querySelector("label[for=kk-bukti]");
  evidenceLabel.dataset.label = evidenceLabel.textContent;

  function tenths(value) {
    var number = parseFloat(String(value).replace(",", "."));
    return isFinite(number) ? Math.round(number * 10) : null;
  }

  function state() {
    return {
      jabatan: form.elements.jabatan.value,
      jalur: form.elements.jalur.value,
      moda: form.elements.moda.value,
      tingkat: form.elements.tingkat.value,
      jp_min: form.elements.jp_min.value,
      jp_max: form.elements.jp_max.value,
      mendatang: form.elements.mendatang.checked ? "1" : "",
      arsip: form.elements.arsip.checked ? "1" : "",
      bukti: form.elements.bukti.checked ? "1" : "",
      urut: form.elements.urut.value,
    };
  }

  function matches(item, s, skip) {
    if (!s.arsip && item.arsip) return false;
    if (skip !== "jabatan" && s.jabatan && item.jabatan.indexOf(s.jabatan) < 0 &&
        item.jabatan.indexOf(EVERYONE) < 0) return false;
    if (skip !== "jalur" && s.jalur && item.jalur !== s.jalur) return false;
    if (skip !== "moda" && s.moda && item.moda.indexOf(s.moda) < 0) return false;
    if (skip !== "tingkat" && s.tingkat && item.tingkat !== s.tingkat) return false;
    var low = tenths(s.jp_min), high = tenths(s.jp_max);
    if (skip !== "jp" && low !== null && item.jp < low) return false;
    if (skip !== "jp" && high !== null && item.jp > high) return false;
    if (skip !== "mendatang" && s.mendatang && !item.sesi) return false;
    if (skip !== "bukti" && s.bukti && !item.bukti) return false;
    return true;
  }

  var SORTS = {
    judul: function (a, b) { return a.title.localeCompare(b.title, "id"); },
    jp: function (a, b) { return a.jp - b.jp || a.order - b.order; },
    "jp-turun": function (a, b) { return b.jp - a.jp || a.order - b.order; },
    sesi: function (a, b) {
      if (a.sesi && b.sesi) return a.sesi < b.sesi ? -1 : a.sesi > b.sesi ? 1 : a.order - b.order;
      return (a.sesi ? -1 : 0) + (b.sesi ? 1 : 0) || a.order - b.order;
    },
  };

  function counts(s) {
    SELECTS.forEach(function (name) {
      Array.prototype.forEach.call(form.elements[name].options, function (option) {
        if (!option.value) return;
        var probe = Object.assign({}, s);
        probe[name] = option.value;
        var n = items.filter(function (item) { return matches(item, probe, null); }).length;
        option.textContent = option.dataset.label + " (" + n + ")";
      });
    });
    var probe = Object.assign({}, s, { mendatang: "1" });
    var n = items.filter(function (item) { return matches(item, probe, null); }).length;
    upcomingLabel.textContent = upcomingLabel.dataset.label + " (" + n + ")";
    var withEvidence = Object.assign({}, s, { bukti: "1" });
    n = items.filter(function (item) { return matches(item, withEvidence, null); }).length;
    evidenceLabel.textContent = evidenceLabel.dataset.label + " (" + n + ")";
  }

  function query(s) {
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (key) { if (s[key]) params.set(key, s[key]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  // What each filter in use is called, and its value as the form shows it.
  function described(name, s) {
    var label = form.querySelector("label[for=kk-" + (name === "jp" ? "jp-min" : name) + "]");
    if (name === "jp") {
      return "JP " + (s.jp_min || "0") + "–" + (s.jp_max || "…");
    }
    if (name === "mendatang") return upcomingLabel.dataset.label;
    if (name === "bukti") return evidenceLabel.dataset.label;
    var option = form.elements[name].selectedOptions[0];
    return label.textContent + ": " + option.dataset.label;
  }

  function clear(names) {
    names.forEach(function (name) {
      if (name === "jp") {
        form.elements.jp_min.value = "";
        form.elements.jp_max.value = "";
      } else if (name === "mendatang" || name === "bukti") {
        form.elements[name].checked = false;
      } else {
        form.elements[name].value = "";
      }
    });
    update("push");
  }

  // Nothing matches: say which filters to loosen (those whose removal alone would show
  // modules, the most first) and offer to clear each, or all of them.
  function explainEmpty(s) {
    empty.replaceChildren();
    var used = SELECTS.concat(["jp", "mendatang", "bukti"]).filter(function (name) {
      return name === "jp" ? s.jp_min || s.jp_max : s[name];
    });
    var loosen = used.map(function (name) {
      var n = items.filter(function (item) { return matches(item, s, name); }).length;
      return { name: name, n: n };
    }).filter(function (choice) { return choice.n > 0; });
    loosen.sort(function (a, b) { return b.n - a.n; });
    var lead = document.createElement("p");
    lead.textContent = loosen.length
      ? "Tidak ada modul yang cocok dengan semua saringan ini. Longgarkan salah satunya:"
      : "Tidak ada modul yang cocok dengan saringan ini.";
    empty.append(lead);
    var actions = document.createElement("p");
    actions.className = "kk-katalog-kosong-aksi";
    loosen.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Hapus " + described(choice.name, s) + " (" + choice.n + " modul)";
      button.addEventListener("click", function () { clear([choice.name]); });
      actions.append(button);
    });
    var all = document.createElement("button");
    all.type = "button";
    all.className = "md-button md-button--primary";
    all.textContent = "Hapus semua saringan";
    all.addEventListener("click", function () { clear(used); });
    actions.append(all);
    empty.append(actions);
  }

  // The address of the current history entry: a change of filter pushes a new entry
  // (Back undoes it); typing in a JP box only updates the list until the box is left.
  var committed = location.search;

  function update(mode) {
    var s = state();
    var found = items.filter(function (item) { return matches(item, s, null); });
    items.forEach(function (item) { item.li.hidden = found.indexOf(item) < 0; });
    Array.prototype.forEach.call(groups.querySelectorAll(".kk-katalog-jalur"), function (section) {
      section.hidden = !section.querySelector(".kk-katalog-modul:not([hidden])");
    });
    var sort = SORTS[s.urut];
    flat.replaceChildren();
    if (sort) {
      found.slice().sort(sort).forEach(function (item) {
        var copy = item.li.cloneNode(true);
        copy.hidden = false;
        copy.append(" · " + item.jalurJudul);
        flat.append(copy);
      });
    }
    flat.hidden = !sort;
    groups.hidden = !!sort;
    var listed = items.filter(function (item) { return s.arsip || !item.arsip; }).length;
    status.textContent = found.length + " dari " + listed + " modul";
    empty.hidden = found.length > 0;
    if (!found.length) explainEmpty(s);
    counts(s);
    var address = query(s);
    if (mode === "push" && address !== committed) {
      history.pushState(null, "", address || location.pathname);
      committed = address;
    }
  }

  // The state in the address: values the form does not offer are ignored.
  function read() {
    var params = new URLSearchParams(location.search);
    SELECTS.concat(["urut"]).forEach(function (name) {
      var value = params.get(name);
      var select = form.elements[name];
      var offered = value && Array.prototype.some.call(select.options, function (o) {
        return o.value === value;
      });
      select.value = offered ? value : "";
    });
    ["jp_min", "jp_max"].forEach(function (name) {
      form.elements[name].value = tenths(params.get(name)) !== null ? params.get(name) : "";
    });
    form.elements.mendatang.checked = params.get("mendatang") === "1";
    form.elements.arsip.checked = params.get("arsip") === "1";
    form.elements.bukti.checked = params.get("bukti") === "1";
  }
  read();

  form.addEventListener("input", function () { update(null); });
  form.addEventListener("change", function () { update("push"); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { update("push"); }, 0); });
  window.addEventListener("popstate", function () {
    read();
    committed = location.search;
    update(null);
  });
  if (note) note.hidden = true;
  form.hidden = false;
  status.hidden = false;
  update(null);
})();
