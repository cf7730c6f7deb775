/* Katalog: filters, counts and sorting over the page's own list of modules.

   The list is the page (it works without JavaScript); each item carries its facts in data
   attributes written by the generator. Filtering it here costs no request at all, however
   many modules there are, and the URL holds the state so a filtered list can be shared.
   Texts are moved as nodes or set as textContent, never parsed as HTML. */
(function () {
  "use strict";

  var form = document.querySelector(".kk-katalog-saring");
  var groups = document.querySelector(".kk-katalog");
  if (!form || !groups) return;
  var status = document.querySelector(".kk-katalog-jumlah");
  var flat = document.querySelector(".kk-katalog-hasil");
  var note = document.querySelector(".kk-katalog-tanpa-js");
  var SELECTS = ["jabatan", "jalur", "moda", "tingkat"];
  var EVERYONE = "semua";

  // The heading of the item's track, without the theme's permalink sign.
  function trackTitle(li) {
    var heading = li.closest(".kk-katalog-jalur").querySelector("h2");
    return heading.textContent.replace(/¶\s*$/, "").trim();
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
      sesi: li.dataset.sesi || "",
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
      bukti: form.elements.bukti.checked ? "1" : "",
      urut: form.elements.urut.value,
    };
  }

  function matches(item, s, skip) {
    if (skip !== "jabatan" && s.jabatan && item.jabatan.indexOf(s.jabatan) < 0 &&
        item.jabatan.indexOf(EVERYONE) < 0) return false;
    if (skip !== "jalur" && s.jalur && item.jalur !== s.jalur) return false;
    if (skip !== "moda" && s.moda && item.moda.indexOf(s.moda) < 0) return false;
    if (skip !== "tingkat" && s.tingkat && item.tingkat !== s.tingkat) return false;
    var low = tenths(s.jp_min), high = tenths(s.jp_max);
    if (low !== null && item.jp < low) return false;
    if (high !== null && item.jp > high) return false;
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

  function update(push) {
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
    status.textContent = found.length + " dari " + items.length + " modul";
    counts(s);
    if (push) {
      var params = new URLSearchParams();
      Object.keys(s).forEach(function (key) { if (s[key]) params.set(key, s[key]); });
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
  }

  // The state in the address: values the form does not offer are ignored.
  var params = new URLSearchParams(location.search);
  SELECTS.concat(["urut"]).forEach(function (name) {
    var value = params.get(name);
    var select = form.elements[name];
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  ["jp_min", "jp_max"].forEach(function (name) {
    if (tenths(params.get(name)) !== null) form.elements[name].value = params.get(name);
  });
  form.elements.mendatang.checked = params.get("mendatang") === "1";
  form.elements.bukti.checked = params.get("bukti") === "1";

  form.addEventListener("input", function () { update(true); });
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  if (note) note.hidden = true;
  form.hidden = false;
  status.hidden = false;
  update(false);
})();
