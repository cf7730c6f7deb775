/* Rencana belajar: the personal learning planner.
 *
 * Two halves in one file, so the page downloads a single small script:
 *  1. Pure planning rules (no DOM, no globals), exported for Node's test runner
 *     (tests/js/). Every rule about what goes into a plan lives here and only here.
 *  2. The page wiring, which runs only in a browser that has the planner's markup
 *     (generator/templates/planner.md.j2) and just calls the rules.
 *
 * Data: docs/assets/rencana-belajar.json, written by generator/render.py
 * (planner_data). A plan is an ordered list of module ids; everything else is derived.
 * Written for old phone browsers too: ES5 syntax plus fetch, URL and Promise; no
 * framework, no third-party code, no build step.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------------------
  // 1. Pure planning rules
  // ---------------------------------------------------------------------------

  var NO_SESSION = "9999-99-99"; // sorts after every real date

  // Maps keyed by id have no prototype, so an id such as "constructor" is safe.
  function dict() {
    return Object.create(null);
  }

  function moduleIndex(data) {
    var byId = dict();
    data.modules.forEach(function (module) {
      byId[module.id] = module;
    });
    return byId;
  }

  function has(list, value) {
    return (list || []).indexOf(value) !== -1;
  }

  // "semua" in a module's audience means it serves every jabatan.
  function serves(module, audience) {
    return has(module.audience, audience) || has(module.audience, "semua");
  }

  function isUpcoming(module, today) {
    return Boolean(module.next_session) && module.next_session >= today;
  }

  // Known prerequisites only: the build already drops inactive ones, and a stale
  // link must not be able to pull in a module that no longer exists.
  function prerequisitesOf(byId, id) {
    return (byId[id].prerequisites || []).filter(function (p) {
      return byId[p] !== undefined;
    });
  }

  // The ids plus every prerequisite they need, transitively.
  function closure(byId, ids) {
    var seen = dict();
    var out = [];
    var stack = ids.slice().reverse();
    while (stack.length) {
      var id = stack.pop();
      if (seen[id] || byId[id] === undefined) continue;
      seen[id] = true;
      out.push(id);
      prerequisitesOf(byId, id).forEach(function (p) {
        stack.push(p);
      });
    }
    return out;
  }

  function sessionKey(module, today) {
    return isUpcoming(module, today) ? module.next_session : NO_SESSION;
  }

  function compareModules(a, b, today) {
    var sa = sessionKey(a, today);
    var sb = sessionKey(b, today);
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  // A study order: every prerequisite before the module needing it; among modules
  // that are free to go next, the sooner upcoming live session first, then by id,
  // so the same set always gives the same order. `today` defaults to the data's.
  function orderPlan(data, ids, today) {
    var byId = moduleIndex(data);
    today = today || data.today;
    var remaining = dict();
    ids.forEach(function (id) {
      if (byId[id]) remaining[id] = true;
    });
    var order = [];
    for (;;) {
      // Prerequisites outside the plan do not hold a module back.
      var ready = Object.keys(remaining).filter(function (id) {
        return prerequisitesOf(byId, id).every(function (p) {
          return !remaining[p];
        });
      });
      if (!ready.length) break;
      ready.sort(function (a, b) {
        return compareModules(byId[a], byId[b], today);
      });
      delete remaining[ready[0]];
      order.push(ready[0]);
    }
    // Only reachable with a prerequisite cycle, which validation forbids.
    return order.concat(Object.keys(remaining).sort());
  }

  // Largest-remainder rounding, so the written percentages always add up to 100.
  function percentages(values) {
    var total = values.reduce(function (s, v) {
      return s + v;
    }, 0);
    if (!total) return values.map(function () {
      return 0;
    });
    var exact = values.map(function (v) {
      return (100 * v) / total;
    });
    var shares = exact.map(Math.floor);
    var left = 100 - shares.reduce(function (s, v) {
      return s + v;
    }, 0);
    exact
      .map(function (v, i) {
        return { i: i, rest: v - Math.floor(v) };
      })
      .sort(function (a, b) {
        return b.rest - a.rest || a.i - b.i;
      })
      .slice(0, left)
      .forEach(function (r) {
        shares[r.i] += 1;
      });
    return shares;
  }

  // Totals of a plan: minutes, JP against the annual target, the 70-20-10 mix.
  function summarise(data, ids) {
    var byId = moduleIndex(data);
    var known = ids.filter(function (id) {
      return byId[id] !== undefined;
    });
    var groupIds = data.groups.map(function (g) {
      return g.id;
    });
    var groups = {};
    groupIds.forEach(function (g) {
      groups[g] = 0;
    });
    var minutes = 0;
    known.forEach(function (id) {
      var module = byId[id];
      minutes += module.minutes;
      groupIds.forEach(function (g) {
        groups[g] += (module.groups && module.groups[g]) || 0;
      });
    });
    var targetMinutes = data.annual_jp_target * data.jp_minutes;
    var shareList = percentages(
      groupIds.map(function (g) {
        return groups[g];
      })
    );
    var shares = {};
    groupIds.forEach(function (g, i) {
      shares[g] = shareList[i];
    });
    var pace = data.weekly_jp_pace ? data.weekly_jp_pace * data.jp_minutes : 0;
    return {
      count: known.length,
      minutes: minutes,
      jp: minutes / data.jp_minutes,
      target: data.annual_jp_target,
      reached: minutes >= targetMinutes,
      missingJp: Math.max(0, targetMinutes - minutes) / data.jp_minutes,
      groups: groups,
      shares: shares,
      weeks: pace ? Math.ceil(minutes / pace) : null,
    };
  }

  // How well a module matches what the learner said they want to grow.
  function interest(module, choice) {
    var matched = (module.competencies || []).filter(function (ref) {
      return has(choice.competencies, ref);
    }).length;
    return matched + (has(choice.tracks, module.track) ? 1 : 0);
  }

  /* Propose a plan for choice = {audience, competencies?, tracks?, today?}.
   * Candidates are the modules serving the jabatan, ranked: more chosen
   * competencies/tracks first, then modules with an upcoming live session (sooner
   * first), then by id. They are taken in that order, each with its missing
   * prerequisites (whatever their audience), until the annual target is reached.
   */
  function proposePlan(data, choice) {
    var byId = moduleIndex(data);
    var today = choice.today || data.today;
    var targetMinutes = data.annual_jp_target * data.jp_minutes;
    var ranked = data.modules
      .filter(function (module) {
        return serves(module, choice.audience);
      })
      .map(function (module) {
        return {
          module: module,
          interest: interest(module, choice),
          upcoming: isUpcoming(module, today),
        };
      })
      .sort(function (a, b) {
        if (a.interest !== b.interest) return b.interest - a.interest;
        if (a.upcoming !== b.upcoming) return a.upcoming ? -1 : 1;
        if (a.upcoming) return compareModules(a.module, b.module, today);
        return a.module.id < b.module.id ? -1 : 1;
      });
    var plan = [];
    var minutes = 0;
    for (var i = 0; i < ranked.length && minutes < targetMinutes; i++) {
      closure(byId, [ranked[i].module.id]).forEach(function (id) {
        if (!has(plan, id)) {
          plan.push(id);
          minutes += byId[id].minutes;
        }
      });
    }
    return { modules: orderPlan(data, plan, today), reached: minutes >= targetMinutes };
  }

  // Add a module and whichever of its prerequisites the plan still lacks.
  function addModule(data, ids, id, today) {
    var byId = moduleIndex(data);
    if (byId[id] === undefined || has(ids, id)) return { modules: ids.slice(), added: [] };
    var added = closure(byId, [id]).filter(function (m) {
      return !has(ids, m);
    });
    return {
      modules: orderPlan(data, ids.concat(added), today),
      added: orderPlan(data, added, today),
    };
  }

  // Modules in the plan that need `id`, directly or through another plan module.
  function dependentsIn(data, ids, id) {
    var byId = moduleIndex(data);
    var gone = dict();
    gone[id] = true;
    var grew = true;
    while (grew) {
      grew = false;
      ids.forEach(function (m) {
        if (gone[m] || byId[m] === undefined) return;
        if (prerequisitesOf(byId, m).some(function (p) {
          return gone[p];
        })) {
          gone[m] = true;
          grew = true;
        }
      });
    }
    return ids.filter(function (m) {
      return m !== id && gone[m];
    });
  }

  /* Remove a module. If other plan modules need it, nothing changes unless
   * `cascade` is true; then they go too. Returns the new plan, what was removed,
   * and (when refused) the dependents that blocked the removal.
   */
  function removeModule(data, ids, id, cascade) {
    if (!has(ids, id)) return { modules: ids.slice(), removed: [], blockedBy: [] };
    var dependents = dependentsIn(data, ids, id);
    if (dependents.length && !cascade) {
      return { modules: ids.slice(), removed: [], blockedBy: dependents };
    }
    var removed = [id].concat(dependents);
    return {
      modules: ids.filter(function (m) {
        return !has(removed, m);
      }),
      removed: removed,
      blockedBy: [],
    };
  }

  // JP the way the rest of the site writes it: at most one decimal, with a comma.
  function formatJp(value) {
    var rounded = Math.round(value * 10) / 10;
    return rounded === Math.floor(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", ",");
  }

  /* The plan as a link fragment: jabatan=cpns&kompetensi=a/b,c/d&jalur=x&modul=m1,m2.
   * Ids are slugs and refs are slug/slug, so they stay readable without escaping.
   * `modul` is always written (possibly empty): its absence in a hand-made link
   * means "propose a plan for me".
   */
  function encodeState(state) {
    var parts = ["jabatan=" + encodeURIComponent(state.audience)];
    if (state.competencies && state.competencies.length) {
      parts.push("kompetensi=" + state.competencies.map(encodeURIComponent).join(","));
    }
    if (state.tracks && state.tracks.length) {
      parts.push("jalur=" + state.tracks.map(encodeURIComponent).join(","));
    }
    parts.push("modul=" + (state.modules || []).map(encodeURIComponent).join(","));
    return parts.join("&").replace(/%2F/g, "/");
  }

  // Read a fragment back, keeping only what the current data knows. Returns null
  // when there is no usable jabatan; `dropped` counts unknown modules.
  function decodeState(data, text, today) {
    var params = {};
    String(text || "")
      .replace(/^#/, "")
      .split("&")
      .forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at < 1) return;
        try {
          params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
        } catch (e) {
          // A mangled escape: ignore that parameter.
        }
      });
    var audiences = data.audiences.map(function (a) {
      return a.id;
    });
    if (!has(audiences, params.jabatan)) return null;
    var list = function (name) {
      return params[name] ? params[name].split(",").filter(Boolean) : [];
    };
    var refs = [];
    data.frameworks.forEach(function (f) {
      f.competencies.forEach(function (c) {
        refs.push(c.ref);
      });
    });
    var trackIds = data.tracks.map(function (t) {
      return t.id;
    });
    var byId = moduleIndex(data);
    var modules = list("modul");
    var known = modules.filter(function (id) {
      return byId[id] !== undefined;
    });
    return {
      audience: params.jabatan,
      competencies: list("kompetensi").filter(function (r) {
        return has(refs, r);
      }),
      tracks: list("jalur").filter(function (t) {
        return has(trackIds, t);
      }),
      // A hand-edited link may miss a prerequisite: close and reorder it.
      modules: params.modul === undefined ? null : orderPlan(data, closure(byId, known), today),
      dropped: modules.length - known.length,
    };
  }

  var rules = {
    serves: serves,
    closure: function (data, ids) {
      return closure(moduleIndex(data), ids);
    },
    orderPlan: orderPlan,
    proposePlan: proposePlan,
    addModule: addModule,
    removeModule: removeModule,
    dependentsIn: dependentsIn,
    summarise: summarise,
    percentages: percentages,
    formatJp: formatJp,
    encodeState: encodeState,
    decodeState: decodeState,
  };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = rules;
  }
  if (typeof document === "undefined" || !document.getElementById("kk-rencana")) return;

  // ---------------------------------------------------------------------------
  // 2. Page wiring (browser only)
  // ---------------------------------------------------------------------------

  var STORAGE_KEY = "kurikulum-asn:rencana-belajar";
  var MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
  ];
  // The data sits beside this script; resolving from the script's own address keeps
  // working whatever the page URL looks like (with or without a trailing slash).
  var script = document.currentScript;
  var dataUrl =
    script && script.src
      ? new URL("rencana-belajar.json", script.src)
      : new URL("../assets/rencana-belajar.json", location.href);

  var $ = function (id) {
    return document.getElementById(id);
  };
  var form = $("kk-rencana-form");
  var status = $("kk-status");
  var result = $("kk-hasil");
  var list = $("kk-daftar");
  var picker = $("kk-tambah-pilih");

  var data = null;
  var byId = {};
  var state = null; // {audience, competencies, tracks, modules}

  // Build elements with textContent only: titles come from editors' YAML.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function say(message) {
    // Clear first so the same message twice is still announced.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function longDate(iso) {
    var parts = iso.split("-");
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }

  function localToday() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    var local = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    // A phone clock set in the past must not revive sessions the build knows are over.
    return local > data.today ? local : data.today;
  }

  function label(items, id, key) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i][key];
    return id;
  }

  function competencyTitle(ref) {
    var title = ref;
    data.frameworks.forEach(function (f) {
      f.competencies.forEach(function (c) {
        if (c.ref === ref) title = c.title;
      });
    });
    return title;
  }

  function titles(ids) {
    return ids
      .map(function (id) {
        return "“" + byId[id].title + "”";
      })
      .join(", ");
  }

  function jpText(minutes) {
    return formatJp(minutes / data.jp_minutes) + " JP";
  }

  function checkedValues(name) {
    return Array.prototype.slice
      .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (input) {
        return input.value;
      });
  }

  function syncForm() {
    Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
      var chosen =
        input.name === "jabatan"
          ? [state.audience]
          : input.name === "kompetensi"
            ? state.competencies
            : state.tracks;
      input.checked = has(chosen, input.value);
      // Open the framework groups that hold a chosen competency.
      if (input.checked && input.name === "kompetensi") {
        var details = input.closest("details");
        if (details) details.open = true;
      }
    });
  }

  function shareUrl() {
    return location.href.split("#")[0] + "#" + encodeState(state);
  }

  function save() {
    var fragment = encodeState(state);
    try {
      history.replaceState(null, "", "#" + fragment);
    } catch (e) {
      location.hash = fragment;
    }
    try {
      localStorage.setItem(STORAGE_KEY, fragment);
    } catch (e) {
      // Private mode or storage turned off: the link still carries the plan.
    }
  }

  function reasons(id) {
    var module = byId[id];
    var out = [];
    var needers = state.modules.filter(function (m) {
      return has(byId[m].prerequisites, id);
    });
    if (needers.length) out.push("Prasyarat untuk " + titles(needers) + ".");
    var matched = (module.competencies || []).filter(function (ref) {
      return has(state.competencies, ref);
    });
    if (matched.length) {
      out.push("Mengembangkan " + matched.map(competencyTitle).join(", ") + ".");
    }
    if (has(state.tracks, module.track)) out.push("Termasuk jalur pilihan Anda.");
    if (!serves(module, state.audience)) {
      out.push("Sasaran utamanya jabatan lain; masuk karena menjadi prasyarat.");
    }
    return out.join(" ");
  }

  function renderSummary() {
    var s = summarise(data, state.modules);
    var box = $("kk-ringkasan");
    box.textContent = "";
    var audience = label(data.audiences, state.audience, "label");
    var verdict = s.reached
      ? el("span", { class: "kk-tercapai" }, ["✓ Target tercapai"])
      : el("span", { class: "kk-kurang" }, [
          "✗ Kurang " + formatJp(s.missingJp) + " JP dari target",
        ]);
    box.appendChild(
      el("p", { class: "kk-total" }, [
        el("strong", { text: formatJp(s.jp) + " JP" }),
        " dari target " + s.target + " JP per tahun. ",
        verdict,
      ])
    );
    var facts = "Jabatan: " + audience + " · " + s.count + " modul · " + s.minutes + " menit";
    if (s.weeks) facts += " · ±" + s.weeks + " minggu dengan " + data.weekly_jp_pace + " JP per minggu";
    box.appendChild(el("p", { class: "kk-fakta-rencana" }, [facts]));
    // Said on paper too: a printed plan outlives the schedule it was made from.
    box.appendChild(
      el("p", { class: "kk-catatan", text: "Disusun dari data kurikulum per " + longDate(data.today) + "." })
    );
    // The mix comes after the module list: on a phone the modules matter first.
    var mix = $("kk-keseimbangan");
    mix.textContent = "";
    if (!s.count) return;
    var described = data.groups
      .map(function (g) {
        return g.label + " " + s.shares[g.id] + "%";
      })
      .join(", ");
    mix.appendChild(el("h3", { text: "Keseimbangan 70-20-10" }));
    var bar = el("div", { class: "kk-bar", role: "img", "aria-label": described });
    var legend = el("ul", { class: "kk-campuran" });
    data.groups.forEach(function (g) {
      var minutes = s.groups[g.id];
      if (minutes) {
        var part = el("span", { class: "kk-bar-" + g.id });
        part.style.width = ((100 * minutes) / s.minutes).toFixed(1) + "%";
        bar.appendChild(part);
      }
      legend.appendChild(
        el("li", {}, [
          el("span", { class: "kk-warna kk-bar-" + g.id, "aria-hidden": "true" }),
          el("strong", { text: g.label + ": " }),
          minutes + " menit (" + jpText(minutes) + "), " + s.shares[g.id] + "%",
        ])
      );
    });
    mix.appendChild(bar);
    mix.appendChild(legend);
    mix.appendChild(
      el("p", {
        class: "kk-catatan",
        text:
          "Model 70-20-10 menyarankan sekitar 70% belajar dari pengalaman kerja, 20% dari orang lain dan 10% dari pembelajaran formal.",
      })
    );
  }

  function renderList() {
    list.textContent = "";
    state.modules.forEach(function (id) {
      var module = byId[id];
      var meta = [jpText(module.minutes), label(data.tracks, module.track, "title")];
      if (module.next_session && module.next_session >= localToday()) {
        meta.push("sesi langsung berikutnya " + longDate(module.next_session));
      }
      var why = reasons(id);
      // The <li> stays a list item (its number is the study order); the row inside flexes.
      list.appendChild(
        el("li", { class: "kk-modul", "data-modul": id }, [
          el("div", { class: "kk-modul-baris" }, [
            el("div", { class: "kk-modul-isi" }, [
              el("a", { href: "../modul/" + id + "/", text: module.title }),
              el("span", { class: "kk-meta", text: meta.join(" · ") }),
              why ? el("span", { class: "kk-alasan", text: why }) : null,
            ]),
            el("button", {
              type: "button",
              class: "md-button kk-hapus",
              "data-hapus": id,
              "aria-label": "Hapus " + module.title + " dari rencana",
              text: "Hapus",
            }),
          ]),
        ])
      );
    });
    if (!state.modules.length) {
      list.appendChild(el("li", { class: "kk-kosong", text: "Rencana masih kosong. Tambahkan modul di bawah." }));
    }
  }

  function renderPicker() {
    picker.textContent = "";
    picker.appendChild(el("option", { value: "", text: "— pilih modul —" }));
    var count = 0;
    data.tracks.forEach(function (track) {
      var group = el("optgroup", { label: track.title });
      data.modules.forEach(function (module) {
        if (module.track !== track.id || has(state.modules, module.id)) return;
        if (!serves(module, state.audience)) return;
        group.appendChild(
          el("option", { value: module.id, text: module.title + " (" + jpText(module.minutes) + ")" })
        );
        count += 1;
      });
      if (group.children.length) picker.appendChild(group);
    });
    picker.disabled = !count;
    $("kk-tambah-tombol").disabled = !count;
  }

  function render() {
    result.hidden = false;
    document.body.classList.add("kk-ada-rencana");
    renderSummary();
    renderList();
    renderPicker();
    $("kk-tautan").value = shareUrl();
  }

  function totalSentence() {
    var s = summarise(data, state.modules);
    return (
      "Total sekarang " + formatJp(s.jp) + " JP" +
      (s.reached ? ", target " + s.target + " JP tercapai." : ", kurang " + formatJp(s.missingJp) + " JP dari target " + s.target + " JP.")
    );
  }

  function propose() {
    var audience = checkedValues("jabatan")[0];
    if (!audience) {
      say("Pilih jabatan Anda lebih dulu.");
      form.querySelector('input[name="jabatan"]').focus();
      return;
    }
    var choice = {
      audience: audience,
      competencies: checkedValues("kompetensi"),
      tracks: checkedValues("jalur"),
      today: localToday(),
    };
    var plan = proposePlan(data, choice);
    state = {
      audience: audience,
      competencies: choice.competencies,
      tracks: choice.tracks,
      modules: plan.modules,
    };
    save();
    render();
    $("kk-hasil-judul").focus();
    var s = summarise(data, state.modules);
    say(
      "Rencana disusun: " + s.count + " modul, " + formatJp(s.jp) + " JP. " +
        (plan.reached
          ? "Target " + s.target + " JP tercapai."
          : "Modul untuk jabatan ini belum cukup untuk mencapai target " + s.target + " JP.")
    );
  }

  function removeConfirmBox() {
    var box = list.querySelector(".kk-konfirmasi");
    if (box) box.parentNode.removeChild(box);
  }

  function focusAfterRemoval(index) {
    var buttons = list.querySelectorAll(".kk-hapus");
    if (buttons.length) buttons[Math.min(index, buttons.length - 1)].focus();
    else $("kk-hasil-judul").focus();
  }

  function remove(id, cascade) {
    var index = state.modules.indexOf(id);
    var outcome = removeModule(data, state.modules, id, cascade);
    if (outcome.blockedBy.length) {
      askCascade(id, outcome.blockedBy);
      return;
    }
    state.modules = outcome.modules;
    save();
    render();
    focusAfterRemoval(index);
    say("Dihapus dari rencana: " + titles(outcome.removed) + ". " + totalSentence());
  }

  // Removing a prerequisite would break the plan: say so, and let the learner
  // choose between removing the dependents too and keeping everything.
  function askCascade(id, dependents) {
    removeConfirmBox();
    var item = list.querySelector('[data-modul="' + id + '"]');
    var message =
      "“" + byId[id].title + "” adalah prasyarat untuk " + titles(dependents) +
      ". Jika dihapus, modul " + (dependents.length > 1 ? "-modul " : "") + "itu juga harus dihapus.";
    var yes = el("button", {
      type: "button",
      class: "md-button md-button--primary",
      text: "Hapus " + byId[id].title + " beserta " + dependents.length + " modul lanjutannya",
    });
    var no = el("button", { type: "button", class: "md-button", text: "Batal, simpan semuanya" });
    yes.addEventListener("click", function () {
      remove(id, true);
    });
    no.addEventListener("click", function () {
      removeConfirmBox();
      item.querySelector(".kk-hapus").focus();
      say("Tidak ada yang dihapus.");
    });
    item.appendChild(
      el("div", { class: "kk-konfirmasi", role: "group", "aria-label": "Konfirmasi penghapusan" }, [
        el("p", { text: message }),
        yes,
        " ",
        no,
      ])
    );
    yes.focus();
    say(message);
  }

  function add() {
    var id = picker.value;
    if (!id) {
      say("Pilih modul yang ingin ditambahkan.");
      picker.focus();
      return;
    }
    var outcome = addModule(data, state.modules, id, localToday());
    state.modules = outcome.modules;
    save();
    render();
    var extra = outcome.added.filter(function (m) {
      return m !== id;
    });
    picker.focus();
    say(
      "Ditambahkan: “" + byId[id].title + "”" +
        (extra.length ? " beserta prasyaratnya " + titles(extra) : "") + ". " + totalSentence()
    );
  }

  function share() {
    var url = shareUrl();
    var input = $("kk-tautan");
    var copied = function () {
      say("Tautan rencana disalin. Tempelkan di pesan atau surel.");
    };
    var fallback = function () {
      input.focus();
      input.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      say(ok ? "Tautan rencana disalin." : "Tautan sudah dipilih; salin dengan menu peramban Anda.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(copied, fallback);
    } else {
      fallback();
    }
  }

  function reset() {
    state = null;
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      // Nothing saved, nothing to forget.
    }
    try {
      history.replaceState(null, "", location.href.split("#")[0]);
    } catch (e) {
      location.hash = "";
    }
    form.reset();
    result.hidden = true;
    document.body.classList.remove("kk-ada-rencana");
    form.querySelector("input").focus();
    say("Rencana dihapus dari peramban ini. Pilih jabatan untuk menyusun yang baru.");
  }

  // A shared link wins over what this browser saved earlier.
  function restore() {
    var fromLink = decodeState(data, location.hash, localToday());
    var saved = null;
    try {
      saved = localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      saved = null;
    }
    var loaded = fromLink || decodeState(data, saved, localToday());
    if (!loaded) {
      if (location.hash.length > 1 && /jabatan=/.test(location.hash)) {
        say("Tautan rencana ini tidak dikenali. Silakan susun rencana baru.");
      }
      return;
    }
    state = {
      audience: loaded.audience,
      competencies: loaded.competencies,
      tracks: loaded.tracks,
      modules:
        loaded.modules ||
        proposePlan(data, {
          audience: loaded.audience,
          competencies: loaded.competencies,
          tracks: loaded.tracks,
          today: localToday(),
        }).modules,
    };
    syncForm();
    save();
    render();
    var origin = fromLink ? "Rencana dari tautan dimuat" : "Rencana tersimpan di peramban ini dimuat";
    say(
      origin + ": " + state.modules.length + " modul. " + totalSentence() +
        (loaded.dropped ? " " + loaded.dropped + " modul di tautan tidak ada lagi dan dilewati." : "")
    );
  }

  function start(loaded) {
    data = loaded;
    byId = moduleIndex(data);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      propose();
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-hapus]");
      if (button) remove(button.getAttribute("data-hapus"), false);
    });
    $("kk-tambah-tombol").addEventListener("click", add);
    $("kk-cetak").addEventListener("click", function () {
      window.print();
    });
    $("kk-salin").addEventListener("click", share);
    $("kk-ulang").addEventListener("click", reset);
    window.addEventListener("hashchange", function () {
      if (decodeState(data, location.hash)) restore();
    });
    // The page is served with the form in place but its button off and a loading
    // note, so nothing moves when the script takes over.
    form.querySelector('button[type="submit"]').disabled = false;
    status.textContent = "";
    restore();
  }

  fetch(dataUrl.href)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(start, function () {
      form.hidden = true;
      say(
        "Data rencana belajar tidak dapat dimuat. Periksa koneksi lalu muat ulang halaman; " +
          "sementara itu, pilih jalur belajar untuk jabatan Anda di bawah."
      );
    });
})();
