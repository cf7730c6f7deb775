/* Rencana belajar: the personal learning planner.
 *
 * One small file, so the page downloads a single script, in five sections:
 *  1. TEXT: every Indonesian string the planner shows, keyed, with named fields
 *     ({jp}, {title} …) filled by text(). Nothing else in this file holds wording.
 *  2. Rules: pure planning rules (no DOM, no globals); every rule about what goes
 *     into a plan lives here and only here. generator/text/numbers.py holds the Python
 *     twins of percentages(), formatNumber() and formatJp(), generator/text/dates.py
 *     that of longDate(); tests/test_planner_parity.py checks the numbers on both sides.
 *  3. Store: the plan in the page's address (#fragment) and in localStorage, behind
 *     createStore(window), so tests can hand it a fake window.
 *  4. View: the DOM, built with createElement and textContent only (titles come from
 *     editors' YAML), worded through TEXT.
 *  5. Start: fetch the data, then wire the store, the view and the rules together.
 * Sections 1-3 are exported for Node's test runner (tests/js/).
 *
 * Data: docs/assets/rencana-belajar.json, written by generator/render/planner.py
 * (planner_data). A plan is an ordered list of module ids; everything else is derived.
 * JP are worked out from whole minutes, never from fractional JP.
 * Written for old phone browsers too: ES5 syntax plus fetch, URL and Promise; no
 * framework, no third-party code, no build step.
 */
(function () {
  "use strict";

  // ---------------------------------------------------------------------------
  // 1. Text
  // ---------------------------------------------------------------------------

  var TEXT = {
    jp: "{jp} JP",
    date: "{day} {month} {year}",
    months: "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    quoted: "“{title}”",
    listSeparator: ", ",
    // Summary above the module list
    totalJp: "{jp} JP",
    totalOfTarget: " dari target {target} JP per tahun. ",
    reached: "✓ Target tercapai",
    short: "✗ Kurang {jp} JP dari target",
    facts: "Jabatan: {audience} · {count} modul · {minutes} menit",
    fromPathway:
      "Dimulai dari jalur belajar {title}, dalam urutannya: bagian tahun ini, {count} dari {total} langkah wajib.",
    fromPathwayAll: "Dimulai dari jalur belajar {title}, dalam urutannya: semua {total} langkah wajibnya.",
    factsPace: " · ±{weeks} minggu dengan {pace} JP per minggu",
    asOf: "Disusun dari data kurikulum tanggal {date}.",
    // The 70-20-10 mix
    mixHeading: "Keseimbangan 70-20-10",
    mixPart: "{label} {share}%",
    mixLabel: "{label}: ",
    mixLegend: "{share}% dari JP rencana ({jp}, {minutes} menit); disarankan ±{recommended}%",
    mixNote:
      "Model 70-20-10 menyarankan sekitar 70% belajar dari pengalaman kerja (penugasan), 20% dari orang lain (coaching, mentoring, komunitas) dan 10% dari pembelajaran formal. Bila porsi pengalaman kerja kecil, sepakati satu penugasan nyata dengan atasan dan catat hasilnya.",
    // The module list and the picker
    nextSession: "sesi langsung berikutnya {date}",
    sessionBeforePrerequisite:
      "Sesi langsungnya ({date}) lebih awal daripada sesi prasyaratnya “{title}” ({before}); pelajari bahan prasyarat itu lebih dulu, atau ikuti sesi berikutnya.",
    metaSeparator: " · ",
    reasonNeededBy: "Prasyarat untuk {titles}.",
    reasonPathway: "Langkah {kind} {number} dari {total} jalur belajar {title}.",
    required: "wajib",
    optional: "pilihan",
    reasonAudience: "Untuk jabatan Anda; menambah JP menuju target.",
    reasonCompetencies: "Mengembangkan {competencies}.",
    reasonTrack: "Termasuk bidang pilihan Anda.",
    reasonOutside: "Sasaran utamanya jabatan lain; masuk karena menjadi prasyarat.",
    remove: "Hapus",
    removeLabel: "Hapus {title} dari rencana",
    empty: "Rencana masih kosong. Tambahkan modul di bawah.",
    pickModule: "— pilih modul —",
    option: "{title} ({jp})",
    // Removing a prerequisite
    cascadeOne: "“{title}” adalah prasyarat untuk {titles}. Jika dihapus, modul itu juga harus dihapus.",
    cascadeMany:
      "“{title}” adalah prasyarat untuk {titles}. Jika dihapus, modul-modul itu juga harus dihapus.",
    cascadeYes: "Hapus {title} beserta {count} modul lanjutannya",
    cascadeNo: "Batal, simpan semuanya",
    cascadeGroup: "Konfirmasi penghapusan",
    // Announcements (the status line)
    totalReached: "Total sekarang {jp} JP, target {target} JP tercapai.",
    totalShort: "Total sekarang {jp} JP, kurang {missing} JP dari target {target} JP.",
    chooseAudience: "Pilih jabatan Anda lebih dulu.",
    proposedReached: "Rencana disusun: {count} modul, {jp} JP. Target {target} JP tercapai.",
    proposedShort:
      "Rencana disusun: {count} modul, {jp} JP. Modul untuk jabatan ini belum cukup untuk mencapai target {target} JP.",
    removed: "Dihapus dari rencana: {titles}. {total}",
    nothingRemoved: "Tidak ada yang dihapus.",
    chooseModule: "Pilih modul yang ingin ditambahkan.",
    added: "Ditambahkan: “{title}”. {total}",
    addedWith: "Ditambahkan: “{title}” beserta prasyaratnya {titles}. {total}",
    copied: "Tautan rencana disalin. Tempelkan di pesan atau surel.",
    copiedByHand: "Tautan rencana disalin.",
    selectedToCopy: "Tautan sudah dipilih; salin dengan menu peramban Anda.",
    reset: "Rencana dihapus dari peramban ini. Pilih jabatan untuk menyusun yang baru.",
    unknownLink: "Tautan rencana ini tidak dikenali. Silakan susun rencana baru.",
    loadedLink: "Rencana dari tautan dimuat: {count} modul. {total}",
    loadedSaved: "Rencana tersimpan di peramban ini dimuat: {count} modul. {total}",
    loadedDropped: "{loaded} {dropped} modul di tautan tidak ada lagi dan dilewati.",
    loadFailed:
      "Data rencana belajar tidak dapat dimuat. Periksa koneksi lalu muat ulang halaman; sementara itu, pilih jalur belajar untuk jabatan Anda di bawah.",
  };

  // TEXT[key] with each {name} replaced by fields[name]; a missing field is a bug.
  function text(key, fields) {
    if (TEXT[key] === undefined) throw new Error("no text " + key);
    return TEXT[key].replace(/\{(\w+)\}/g, function (whole, name) {
      if (!fields || fields[name] === undefined || fields[name] === null) {
        throw new Error("text " + key + " needs {" + name + "}");
      }
      return String(fields[name]);
    });
  }

  // ---------------------------------------------------------------------------
  // 2. Rules
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

  /* Each plan module's place in the preferred order `first`: its own position there,
   * or, for a module outside it (a prerequisite the pathway takes for granted), the
   * place of the earliest plan module that needs it, so it comes just before that
   * one; anything else comes after, equally.
   */
  function effectiveRanks(byId, inPlan, first) {
    var ranks = dict();
    Object.keys(inPlan).forEach(function (id) {
      var at = (first || []).indexOf(id);
      ranks[id] = at === -1 ? Infinity : at;
    });
    for (var changed = true; changed; ) {
      changed = false;
      Object.keys(inPlan).forEach(function (id) {
        prerequisitesOf(byId, id).forEach(function (p) {
          if (inPlan[p] && ranks[id] < ranks[p]) {
            ranks[p] = ranks[id];
            changed = true;
          }
        });
      });
    }
    return ranks;
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
  // that are free to go next, those in `first` (a pathway's modules, in its order)
  // before the rest, then the sooner upcoming live session first, then by id, so the
  // same set always gives the same order. `today` defaults to the data's.
  function orderPlan(data, ids, today, first) {
    var byId = moduleIndex(data);
    today = today || data.today;
    var remaining = dict();
    ids.forEach(function (id) {
      if (byId[id]) remaining[id] = true;
    });
    var ranks = effectiveRanks(byId, remaining, first);
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
        if (ranks[a] !== ranks[b]) return ranks[a] - ranks[b];
        return compareModules(byId[a], byId[b], today);
      });
      delete remaining[ready[0]];
      order.push(ready[0]);
    }
    // Only reachable with a prerequisite cycle, which validation forbids.
    return order.concat(Object.keys(remaining).sort());
  }

  // a // b for whole numbers a >= 0, b > 0, without a float deciding anything.
  function quotient(a, b) {
    return (a - (a % b)) / b;
  }

  /* Largest-remainder rounding, so the written percentages always add up to 100;
   * equal remainders go to the earlier value. Whole numbers only (minutes): the
   * remainders are compared as integers, as generator/text/numbers.py percent_shares does
   * with fractions, so a float never decides a tie.
   */
  function percentages(values) {
    var total = values.reduce(function (s, v) {
      return s + v;
    }, 0);
    if (!total) return values.map(function () {
      return 0;
    });
    var shares = values.map(function (v) {
      return quotient(100 * v, total);
    });
    var left = 100 - shares.reduce(function (s, v) {
      return s + v;
    }, 0);
    values
      .map(function (v, i) {
        return { i: i, rest: (100 * v) % total };
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

  // Totals of a plan, in minutes: against the annual target, and the 70-20-10 mix.
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
      target: data.annual_jp_target,
      reached: minutes >= targetMinutes,
      missingMinutes: Math.max(0, targetMinutes - minutes),
      groups: groups,
      shares: shares,
      weeks: pace ? Math.ceil(minutes / pace) : null,
    };
  }

  // The chosen competencies a module develops, in the module's order.
  function matchedCompetencies(module, choice) {
    return (module.competencies || []).filter(function (ref) {
      return has(choice.competencies, ref);
    });
  }

  function inChosenTrack(module, choice) {
    return has(choice.tracks, module.track);
  }

  // How well a module matches what the learner said they want to grow.
  function interest(module, choice) {
    return matchedCompetencies(module, choice).length + (inChosenTrack(module, choice) ? 1 : 0);
  }

  /* Why a module is in the plan state = {audience, competencies, tracks, modules}:
   * the plan modules that need it directly, the chosen competencies it develops,
   * whether it is in a chosen track, and whether it is there for another jabatan's sake.
   */
  function reasons(data, state, id) {
    var byId = moduleIndex(data);
    var module = byId[id];
    var pathway = state.pathway ? pathwayOf(data, state.pathway) : null;
    // Counted among the steps of its own kind, as the plan's note counts the required
    // ones ("3 dari 8 langkah wajib" beside "Langkah wajib 1 dari 8", never "… dari 11").
    var step = null;
    (pathway ? pathway.steps : []).forEach(function (s) {
      if (s.module !== id) return;
      var alike = pathway.steps.filter(function (other) {
        return Boolean(other.required) === Boolean(s.required);
      });
      step = { number: alike.indexOf(s) + 1, total: alike.length, required: s.required };
    });
    return {
      pathwayStep: step,
      neededBy: state.modules.filter(function (m) {
        return byId[m] !== undefined && has(prerequisitesOf(byId, m), id);
      }),
      competencies: matchedCompetencies(module, state),
      track: inChosenTrack(module, state),
      outsideAudience: !serves(module, state.audience),
      pathway: step ? state.pathway : null,
      audienceOnly: serves(module, state.audience),
    };
  }

  function pathwayOf(data, id) {
    var found = null;
    (data.pathways || []).forEach(function (p) {
      if (p.id === id) found = p;
    });
    return found;
  }

  // The pathway a plan starts from: the one the choice names, else, when the reader
  // chose no competency or track, the jabatan's first (the build ranks them).
  function startingPathway(data, choice) {
    if (choice.pathway) return pathwayOf(data, choice.pathway);
    if ((choice.competencies || []).length || (choice.tracks || []).length) return null;
    var found = null;
    data.audiences.forEach(function (a) {
      if (a.id === choice.audience && a.pathways && a.pathways.length) found = a.pathways[0];
    });
    return found ? pathwayOf(data, found) : null;
  }

  // A pathway's modules in its order (optional steps too), known modules only.
  function pathwayModules(data, pathway, requiredOnly) {
    var byId = moduleIndex(data);
    return (pathway ? pathway.steps : [])
      .filter(function (step) {
        return byId[step.module] !== undefined && (!requiredOnly || step.required);
      })
      .map(function (step) {
        return step.module;
      });
  }

  /* Propose a plan for choice = {audience, competencies?, tracks?, pathway?, today?}.
   * With a starting pathway (startingPathway), its required steps come first, in the
   * pathway's order, until the annual target is reached: this year's part, as the
   * pathway page counts it (generator/model/index.py pathway_years). Then, or without one: 
   * candidates are the modules serving the jabatan, ranked: more chosen
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
    var pathway = startingPathway(data, choice);
    var plan = [];
    var minutes = 0;
    function take(id) {
      closure(byId, [id]).forEach(function (m) {
        if (!has(plan, m)) {
          plan.push(m);
          minutes += byId[m].minutes;
        }
      });
    }
    // This year's part counts the pathway's own steps only, as its page does; the
    // prerequisites it takes for granted (`assumes`) come along but do not shorten it.
    var stepMinutes = 0;
    pathwayModules(data, pathway, true).forEach(function (id) {
      if (stepMinutes >= targetMinutes) return;
      stepMinutes += byId[id].minutes;
      take(id);
    });
    for (var i = 0; i < ranked.length && minutes < targetMinutes; i++) take(ranked[i].module.id);
    var first = pathwayModules(data, pathway, false);
    return {
      modules: orderPlan(data, plan, today, first),
      reached: minutes >= targetMinutes,
      pathway: pathway ? pathway.id : null,
    };
  }

  // Add a module and whichever of its prerequisites the plan still lacks; `first` as
  // for orderPlan (the plan's pathway, in its order).
  function addModule(data, ids, id, today, first) {
    var byId = moduleIndex(data);
    if (byId[id] === undefined || has(ids, id)) return { modules: ids.slice(), added: [] };
    var added = closure(byId, [id]).filter(function (m) {
      return !has(ids, m);
    });
    return {
      modules: orderPlan(data, ids.concat(added), today, first),
      added: orderPlan(data, added, today, first),
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

  // A whole number with a dot between thousands, as Babel writes it for "id" on pages
  // (generator/text/numbers.py number_text).
  function formatNumber(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  /* JP the way the rest of the site writes it: at most one decimal, with a comma.
   * From whole minutes, rounded half up exactly in integers, like
   * generator/text/numbers.py _tenths/jp_text: tenths = (20*minutes + jp) // (2*jp).
   */
  function formatJp(minutes, jpMinutes) {
    var tenths = quotient(20 * minutes + jpMinutes, 2 * jpMinutes);
    var tenth = tenths % 10;
    var whole = formatNumber((tenths - tenth) / 10);
    return tenth ? whole + "," + tenth : whole;
  }

  /* The plan as a link fragment:
   * jabatan=cpns&kompetensi=a/b,c/d&jalur=x&jalur-belajar=p&modul=m1,m2.
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
    if (state.pathway) parts.push("jalur-belajar=" + encodeURIComponent(state.pathway));
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
    var pathway = pathwayOf(data, params["jalur-belajar"]);
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
      pathway: pathway ? pathway.id : null,
      // A hand-edited link may miss a prerequisite: close and reorder it.
      modules:
        params.modul === undefined
          ? null
          : orderPlan(data, closure(byId, known), today, pathwayModules(data, pathway, false)),
      dropped: modules.length - known.length,
    };
  }

  // Wording of rule results: pure too, so Node can test the sentences.

  // Babel's "d MMMM y" for "id", as generator/text/dates.py short_date writes it on pages.
  function longDate(iso) {
    var parts = iso.split("-");
    return text("date", {
      day: Number(parts[2]),
      month: TEXT.months.split(" ")[Number(parts[1]) - 1],
      year: parts[0],
    });
  }

  function jpText(data, minutes) {
    return text("jp", { jp: formatJp(minutes, data.jp_minutes) });
  }

  function titles(data, ids) {
    var byId = moduleIndex(data);
    return ids
      .map(function (id) {
        return text("quoted", { title: byId[id].title });
      })
      .join(TEXT.listSeparator);
  }

  function label(items, id, key) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i][key];
    return id;
  }

  function competencyTitle(data, ref) {
    var title = ref;
    data.frameworks.forEach(function (f) {
      f.competencies.forEach(function (c) {
        if (c.ref === ref) title = c.title;
      });
    });
    return title;
  }

  // reasons() in words: one sentence per reason, or "" when there is none.
  function reasonsText(data, why) {
    var out = [];
    if (why.pathwayStep) {
      out.push(
        text("reasonPathway", {
          number: why.pathwayStep.number,
          total: why.pathwayStep.total,
          title: text("quoted", { title: pathwayOf(data, why.pathway).title }),
          kind: text(why.pathwayStep.required ? "required" : "optional"),
        })
      );
    }
    if (why.neededBy.length) out.push(text("reasonNeededBy", { titles: titles(data, why.neededBy) }));
    if (why.competencies.length) {
      out.push(
        text("reasonCompetencies", {
          competencies: why.competencies
            .map(function (ref) {
              return competencyTitle(data, ref);
            })
            .join(TEXT.listSeparator),
        })
      );
    }
    if (why.track) out.push(text("reasonTrack"));
    if (why.outsideAudience) out.push(text("reasonOutside"));
    // Every module says why it is there: the jabatan is reason enough for the rest.
    if (!out.length && why.audienceOnly) out.push(text("reasonAudience"));
    return out.join(" ");
  }

  function totalText(data, s) {
    var jp = formatJp(s.minutes, data.jp_minutes);
    return s.reached
      ? text("totalReached", { jp: jp, target: s.target })
      : text("totalShort", {
          jp: jp,
          missing: formatJp(s.missingMinutes, data.jp_minutes),
          target: s.target,
        });
  }

  // --- sessions in time (the zone script, zona-waktu.js, knows the reader's zone) ---

  // The reader's zone: "wib", "wita", "wit", or "asal" (each session's own zone).
  function readerZone(win) {
    var zona = win && win.kkZona;
    return zona ? zona.chosen().toLowerCase() : "asal";
  }

  // When the next session is, in the reader's zone, as the build wrote it with Babel.
  function sessionWhen(module, zone) {
    var times = module.next_session_times;
    if (times) return times[zone] || times.asal;
    return longDate(module.next_session);
  }

  // For each module of the plan, the first prerequisite in the plan whose next session
  // comes after the module's own: the learner would meet the module before what it needs.
  function sessionOrderWarnings(data, ids, zone) {
    var byId = moduleIndex(data);
    var found = {};
    ids.forEach(function (id) {
      var own = byId[id] && byId[id].next_session_at;
      if (!own) return;
      var late = prerequisitesOf(byId, id).filter(function (p) {
        var before = byId[p].next_session_at;
        return has(ids, p) && before && Date.parse(before) > Date.parse(own);
      })[0];
      if (late) {
        found[id] = text("sessionBeforePrerequisite", {
          date: sessionWhen(byId[id], zone),
          title: byId[late].title,
          before: sessionWhen(byId[late], zone),
        });
      }
    });
    return found;
  }

  var exported = {
    sessionWhen: sessionWhen,
    sessionOrderWarnings: sessionOrderWarnings,
    TEXT: TEXT,
    text: text,
    serves: serves,
    isUpcoming: isUpcoming,
    interest: interest,
    reasons: reasons,
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
    formatNumber: formatNumber,
    startingPathway: startingPathway,
    encodeState: encodeState,
    decodeState: decodeState,
    longDate: longDate,
    reasonsText: reasonsText,
    totalText: totalText,
    createStore: createStore,
  };

  // ---------------------------------------------------------------------------
  // 3. Store
  // ---------------------------------------------------------------------------

  /* Where a plan is kept: the page's #fragment (the shareable link) and this
   * browser's localStorage. `win` is the window, or a fake with location, history
   * and localStorage. Storage may be switched off (private mode): then the link alone
   * carries the plan.
   */
  function createStore(win) {
    var KEY = "kurikulum-asn:rencana-belajar";
    // Without its query: a link from a jabatan page (?jabatan=…) is read once, below.
    function page() {
      return win.location.href.split("#")[0].split("?")[0];
    }
    // Pages link here with a query (`?jabatan=cpns&jalur-belajar=…`), which MkDocs can
    // check as a link where it would take a fragment for a missing anchor; a fragment
    // (the shared plan) wins.
    function address() {
      var hash = win.location.hash || "";
      var search = win.location.search || "";
      return hash.length > 1 ? hash : search.length > 1 ? "#" + search.slice(1) : hash;
    }
    function setHash(fragment) {
      try {
        win.history.replaceState(null, "", fragment ? page() + "#" + fragment : page());
      } catch (e) {
        win.location.hash = fragment;
      }
    }
    return {
      // A shared link wins over what this browser saved earlier. `plan` is null when
      // neither holds a usable plan; `unknownLink` when the address holds a plan
      // link that the data cannot read.
      load: function (data, today) {
        var hash = address();
        var fromLink = decodeState(data, hash, today);
        var saved = null;
        try {
          saved = win.localStorage.getItem(KEY);
        } catch (e) {
          saved = null;
        }
        return {
          plan: fromLink || decodeState(data, saved, today),
          fromLink: Boolean(fromLink),
          unknownLink: !fromLink && hash.length > 1 && /jabatan=/.test(hash),
        };
      },
      save: function (state) {
        var fragment = encodeState(state);
        setHash(fragment);
        try {
          win.localStorage.setItem(KEY, fragment);
        } catch (e) {
          // Private mode or storage turned off: the link still carries the plan.
        }
      },
      clear: function () {
        try {
          win.localStorage.removeItem(KEY);
        } catch (e) {
          // Nothing saved, nothing to forget.
        }
        setHash("");
      },
      shareUrl: function (state) {
        return page() + "#" + encodeState(state);
      },
    };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = exported;
  }
  if (typeof document === "undefined" || !document.getElementById("kk-rencana")) return;

  // ---------------------------------------------------------------------------
  // 4. View
  // ---------------------------------------------------------------------------

  // The planner page lives at rencana-belajar/; module `url`s are from the site root.
  var SITE_ROOT = "../";

  function createView(doc, data) {
    var byId = moduleIndex(data);
    var $ = function (id) {
      return doc.getElementById(id);
    };
    var form = $("kk-rencana-form");
    var status = $("kk-status");
    var result = $("kk-hasil");
    var list = $("kk-daftar");
    var picker = $("kk-tambah-pilih");

    // Build elements with textContent only: titles come from editors' YAML.
    function el(tag, attrs, children) {
      var node = doc.createElement(tag);
      Object.keys(attrs || {}).forEach(function (key) {
        if (key === "text") node.textContent = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
      (children || []).forEach(function (child) {
        if (child !== null && child !== undefined) {
          node.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
        }
      });
      return node;
    }

    function moduleHref(module) {
      return SITE_ROOT + (module.url ? module.url.replace(/^\//, "") : "modul/" + module.id + "/");
    }

    function renderSummary(state, s) {
      var box = $("kk-ringkasan");
      box.textContent = "";
      var verdict = s.reached
        ? el("span", { class: "kk-tercapai", text: text("reached") })
        : el("span", {
            class: "kk-kurang",
            text: text("short", { jp: formatJp(s.missingMinutes, data.jp_minutes) }),
          });
      box.appendChild(
        el("p", { class: "kk-total" }, [
          el("strong", { text: text("totalJp", { jp: formatJp(s.minutes, data.jp_minutes) }) }),
          text("totalOfTarget", { target: s.target }),
          verdict,
        ])
      );
      var facts = text("facts", {
        audience: label(data.audiences, state.audience, "label"),
        count: s.count,
        minutes: formatNumber(s.minutes),
      });
      if (s.weeks) facts += text("factsPace", { weeks: s.weeks, pace: data.weekly_jp_pace });
      box.appendChild(el("p", { class: "kk-fakta-rencana", text: facts }));
      var pathway = state.pathway ? pathwayOf(data, state.pathway) : null;
      if (pathway) {
        var required = pathwayModules(data, pathway, true);
        var taken = required.filter(function (id) {
          return has(state.modules, id);
        }).length;
        var fields = { title: text("quoted", { title: pathway.title }), count: taken, total: required.length };
        box.appendChild(
          el("p", { class: "kk-catatan", text: text(taken < required.length ? "fromPathway" : "fromPathwayAll", fields) })
        );
      }
      // Said on paper too: a printed plan outlives the schedule it was made from.
      box.appendChild(el("p", { class: "kk-catatan", text: text("asOf", { date: longDate(data.today) }) }));
      // The mix comes after the module list: on a phone the modules matter first.
      var mix = $("kk-keseimbangan");
      mix.textContent = "";
      if (!s.count) return;
      var described = data.groups
        .map(function (g) {
          return text("mixPart", { label: g.label, share: s.shares[g.id] });
        })
        .join(TEXT.listSeparator);
      mix.appendChild(el("h3", { text: text("mixHeading") }));
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
            el("strong", { text: text("mixLabel", { label: g.label }) }),
            text("mixLegend", {
              minutes: formatNumber(minutes),
              jp: jpText(data, minutes),
              share: s.shares[g.id],
              recommended: g.recommended,
            }),
          ])
        );
      });
      mix.appendChild(bar);
      mix.appendChild(legend);
      mix.appendChild(el("p", { class: "kk-catatan", text: text("mixNote") }));
    }

    function renderList(state, today) {
      list.textContent = "";
      var zone = readerZone(window);
      var late = sessionOrderWarnings(data, state.modules, zone);
      state.modules.forEach(function (id) {
        var module = byId[id];
        var meta = [jpText(data, module.minutes), label(data.tracks, module.track, "title")];
        if (isUpcoming(module, today)) {
          meta.push(text("nextSession", { date: sessionWhen(module, zone) }));
        }
        var why = reasonsText(data, reasons(data, state, id));
        // The <li> stays a list item (its number is the study order); the row inside flexes.
        list.appendChild(
          el("li", { class: "kk-modul", "data-modul": id }, [
            el("div", { class: "kk-modul-baris" }, [
              el("div", { class: "kk-modul-isi" }, [
                el("a", { href: moduleHref(module), text: module.title }),
                el("span", { class: "kk-meta", text: meta.join(TEXT.metaSeparator) }),
                why ? el("span", { class: "kk-alasan", text: why }) : null,
                late[id] ? el("span", { class: "kk-alasan kk-sesi-terlalu-awal", text: late[id] }) : null,
              ]),
              el("button", {
                type: "button",
                class: "md-button kk-hapus",
                "data-hapus": id,
                "aria-label": text("removeLabel", { title: module.title }),
                text: text("remove"),
              }),
            ]),
          ])
        );
      });
      if (!state.modules.length) list.appendChild(el("li", { class: "kk-kosong", text: text("empty") }));
    }

    function renderPicker(state) {
      picker.textContent = "";
      picker.appendChild(el("option", { value: "", text: text("pickModule") }));
      var count = 0;
      data.tracks.forEach(function (track) {
        var group = el("optgroup", { label: track.title });
        data.modules.forEach(function (module) {
          if (module.track !== track.id || has(state.modules, module.id)) return;
          if (!serves(module, state.audience)) return;
          group.appendChild(
            el("option", {
              value: module.id,
              text: text("option", { title: module.title, jp: jpText(data, module.minutes) }),
            })
          );
          count += 1;
        });
        if (group.children.length) picker.appendChild(group);
      });
      picker.disabled = !count;
      $("kk-tambah-tombol").disabled = !count;
    }

    function removeConfirmBox() {
      var box = list.querySelector(".kk-konfirmasi");
      if (box) box.parentNode.removeChild(box);
    }

    return {
      // The page is served with the form in place but its button off and a loading
      // note, so nothing moves when the script takes over.
      ready: function () {
        form.querySelector('button[type="submit"]').disabled = false;
        status.textContent = "";
      },
      failed: function () {
        form.hidden = true;
        this.say(text("loadFailed"));
      },
      say: function (message) {
        // Clear first so the same message twice is still announced.
        status.textContent = "";
        window.setTimeout(function () {
          status.textContent = message;
        }, 50);
      },
      checked: function (name) {
        return Array.prototype.slice
          .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
          .map(function (input) {
            return input.value;
          });
      },
      focusAudience: function () {
        form.querySelector('input[name="jabatan"]').focus();
      },
      syncForm: function (state) {
        Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
          var chosen =
            input.name === "jabatan"
              ? [state.audience]
              : input.name === "jalur-belajar"
                ? [state.pathway || ""]
                : input.name === "kompetensi"
                  ? state.competencies
                  : state.tracks;
          input.checked = has(chosen, input.value);
          // Open the groups that hold a chosen competency or pathway.
          if (input.checked && (input.name === "kompetensi" || input.name === "jalur-belajar")) {
            var details = input.closest("details");
            if (details) details.open = true;
          }
        });
      },
      render: function (state, today, shareUrl) {
        result.hidden = false;
        doc.body.classList.add("kk-ada-rencana");
        renderSummary(state, summarise(data, state.modules));
        renderList(state, today);
        renderPicker(state);
        $("kk-tautan").value = shareUrl;
        $("kk-tautan-cetak").textContent = shareUrl;
      },
      clear: function () {
        form.reset();
        result.hidden = true;
        doc.body.classList.remove("kk-ada-rencana");
        form.querySelector("input").focus();
      },
      focusHeading: function () {
        // At the top of the screen (below the sticky header: its scroll-margin in
        // rencana-belajar.css), not at the bottom, where focus alone would leave it.
        var heading = $("kk-hasil-judul");
        heading.scrollIntoView({ block: "start" });
        heading.focus({ preventScroll: true });
      },
      focusAfterRemoval: function (index) {
        var buttons = list.querySelectorAll(".kk-hapus");
        if (buttons.length) buttons[Math.min(index, buttons.length - 1)].focus();
        else $("kk-hasil-judul").focus();
      },
      picked: function () {
        return picker.value;
      },
      focusPicker: function () {
        picker.focus();
      },
      // Removing a prerequisite would break the plan: say so, and let the learner
      // choose between removing the dependents too (onYes) and keeping everything.
      askCascade: function (id, dependents, onYes) {
        var view = this;
        removeConfirmBox();
        var item = list.querySelector('[data-modul="' + id + '"]');
        var message = text(dependents.length > 1 ? "cascadeMany" : "cascadeOne", {
          title: byId[id].title,
          titles: titles(data, dependents),
        });
        var yes = el("button", {
          type: "button",
          class: "md-button md-button--primary",
          text: text("cascadeYes", { title: byId[id].title, count: dependents.length }),
        });
        var no = el("button", { type: "button", class: "md-button", text: text("cascadeNo") });
        yes.addEventListener("click", onYes);
        no.addEventListener("click", function () {
          removeConfirmBox();
          item.querySelector(".kk-hapus").focus();
          view.say(text("nothingRemoved"));
        });
        item.appendChild(
          el("div", { class: "kk-konfirmasi", role: "group", "aria-label": text("cascadeGroup") }, [
            el("p", { text: message }),
            yes,
            " ",
            no,
          ])
        );
        yes.focus();
        view.say(message);
      },
      // Copy the link; where the clipboard is refused, select it for the reader.
      copy: function (url) {
        var view = this;
        var input = $("kk-tautan");
        var byHand = function () {
          input.focus();
          input.select();
          var ok = false;
          try {
            ok = doc.execCommand("copy");
          } catch (e) {
            ok = false;
          }
          view.say(text(ok ? "copiedByHand" : "selectedToCopy"));
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(function () {
            view.say(text("copied"));
          }, byHand);
        } else {
          byHand();
        }
      },
    };
  }

  // ---------------------------------------------------------------------------
  // 5. Start
  // ---------------------------------------------------------------------------

  // Today on this device, but never before the build's: a phone clock set in the
  // past must not revive sessions the build knows are over.
  function localToday(data) {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    var local = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    return local > data.today ? local : data.today;
  }

  function start(data) {
    var store = createStore(window);
    var view = createView(document, data);
    var byId = moduleIndex(data);
    var state = null; // {audience, competencies, tracks, modules}

    function show() {
      store.save(state);
      view.render(state, localToday(data), store.shareUrl(state));
    }
    function total() {
      return totalText(data, summarise(data, state.modules));
    }

    function propose() {
      var audience = view.checked("jabatan")[0];
      if (!audience) {
        view.say(text("chooseAudience"));
        view.focusAudience();
        return;
      }
      var choice = {
        audience: audience,
        competencies: view.checked("kompetensi"),
        tracks: view.checked("jalur"),
        // "" (the first choice) lets the jabatan's own pathway be picked.
        pathway: view.checked("jalur-belajar")[0] || null,
        today: localToday(data),
      };
      var plan = proposePlan(data, choice);
      state = {
        audience: audience,
        competencies: choice.competencies,
        tracks: choice.tracks,
        pathway: plan.pathway,
        modules: plan.modules,
      };
      show();
      view.focusHeading();
      var s = summarise(data, state.modules);
      view.say(
        text(plan.reached ? "proposedReached" : "proposedShort", {
          count: s.count,
          jp: formatJp(s.minutes, data.jp_minutes),
          target: s.target,
        })
      );
    }

    function remove(id, cascade) {
      var index = state.modules.indexOf(id);
      var outcome = removeModule(data, state.modules, id, cascade);
      if (outcome.blockedBy.length) {
        view.askCascade(id, outcome.blockedBy, function () {
          remove(id, true);
        });
        return;
      }
      state.modules = outcome.modules;
      show();
      view.focusAfterRemoval(index);
      view.say(text("removed", { titles: titles(data, outcome.removed), total: total() }));
    }

    function add() {
      var id = view.picked();
      if (!id) {
        view.say(text("chooseModule"));
        view.focusPicker();
        return;
      }
      var first = pathwayModules(data, pathwayOf(data, state.pathway), false);
      var outcome = addModule(data, state.modules, id, localToday(data), first);
      state.modules = outcome.modules;
      show();
      var extra = outcome.added.filter(function (m) {
        return m !== id;
      });
      view.focusPicker();
      view.say(
        extra.length
          ? text("addedWith", { title: byId[id].title, titles: titles(data, extra), total: total() })
          : text("added", { title: byId[id].title, total: total() })
      );
    }

    function reset() {
      state = null;
      store.clear();
      view.clear();
      view.say(text("reset"));
    }

    function restore() {
      var today = localToday(data);
      var found = store.load(data, today);
      var loaded = found.plan;
      if (!loaded) {
        if (found.unknownLink) view.say(text("unknownLink"));
        return;
      }
      var proposed = loaded.modules
        ? null
        : proposePlan(data, {
            audience: loaded.audience,
            competencies: loaded.competencies,
            tracks: loaded.tracks,
            pathway: loaded.pathway,
            today: today,
          });
      state = {
        audience: loaded.audience,
        competencies: loaded.competencies,
        tracks: loaded.tracks,
        pathway: proposed ? proposed.pathway : loaded.pathway,
        modules: proposed ? proposed.modules : loaded.modules,
      };
      view.syncForm(state);
      show();
      // A plan opened from a link (a jabatan page, a shared address) is what the reader
      // came for: bring it into view with focus on its heading, below the form.
      if (found.fromLink) view.focusHeading();
      var said = text(found.fromLink ? "loadedLink" : "loadedSaved", {
        count: state.modules.length,
        total: total(),
      });
      view.say(loaded.dropped ? text("loadedDropped", { loaded: said, dropped: loaded.dropped }) : said);
    }

    var $ = function (id) {
      return document.getElementById(id);
    };
    $("kk-rencana-form").addEventListener("submit", function (event) {
      event.preventDefault();
      propose();
    });
    $("kk-daftar").addEventListener("click", function (event) {
      var button = event.target.closest("[data-hapus]");
      if (button) remove(button.getAttribute("data-hapus"), false);
    });
    $("kk-tambah-tombol").addEventListener("click", add);
    $("kk-cetak").addEventListener("click", function () {
      window.print();
    });
    $("kk-salin").addEventListener("click", function () {
      view.copy(store.shareUrl(state));
    });
    $("kk-ulang").addEventListener("click", reset);
    window.addEventListener("hashchange", function () {
      if (store.load(data, localToday(data)).fromLink) restore();
    });
    // A new zone choice rewrites the session times shown in the plan.
    document.addEventListener("kk-zona", function () {
      if (state) show();
    });
    view.ready();
    restore();
  }

  // The data sits beside this script; resolving from the script's own address keeps
  // working whatever the page URL looks like (with or without a trailing slash).
  var script = document.currentScript;
  var dataUrl =
    script && script.src
      ? new URL("rencana-belajar.json", script.src)
      : new URL("../assets/rencana-belajar.json", location.href);
  // The package for no connection (`python -m generator zip`) opens from file://, where
  // fetch is refused: it gives the same data in a script loaded before this one.
  var given = window.KK_RENCANA_DATA;
  (given ? Promise.resolve(given) : fetch(dataUrl.href)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }))
    .then(start, function () {
      createView(document, { modules: [] }).failed();
    });
})();
