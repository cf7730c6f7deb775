// The planner's text table, the wording of rule results, the reasons a module is in
// a plan, and the store (against a fake window). Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const SCRIPT = path.join(__dirname, "..", "..", "overrides", "assets", "rencana-belajar.js");
const planner = require(SCRIPT);

function mod(id, fields) {
  return {
    id,
    title: fields.title || id,
    track: fields.track || "nilai",
    audience: fields.audience || ["semua"],
    minutes: fields.minutes || 45,
    groups: { formal: fields.minutes || 45, social: 0, experiential: 0 },
    competencies: fields.competencies || [],
    prerequisites: fields.prerequisites || [],
    next_session: fields.next_session || null,
  };
}

const data = {
  today: "2026-11-29",
  jp_minutes: 45,
  annual_jp_target: 4,
  weekly_jp_pace: 2,
  audiences: [
    { id: "cpns", label: "CPNS" },
    { id: "pengawas", label: "Pengawas" },
  ],
  tracks: [
    { id: "nilai", title: "Nilai Dasar" },
    { id: "digital", title: "Transformasi Digital" },
  ],
  frameworks: [
    {
      id: "f",
      title: "Kerangka",
      competencies: [
        { ref: "f/data", title: "Data" },
        { ref: "f/etika", title: "Etika" },
      ],
    },
  ],
  groups: [{ id: "formal", label: "Formal (10)" }],
  modules: [
    mod("dasar", { track: "digital", audience: ["cpns"], competencies: ["f/data"], title: "Data Dasar" }),
    mod("lanjut", {
      track: "digital",
      audience: ["pengawas"],
      competencies: ["f/data", "f/etika"],
      prerequisites: ["dasar", "hilang"],
      title: "Data Lanjut",
    }),
    mod("etika", { competencies: ["f/etika"], title: "Etika" }),
  ],
};

test("every text has its fields filled, and a missing field is an error, not a blank", () => {
  assert.equal(planner.text("jp", { jp: "2,5" }), "2,5 JP");
  assert.equal(planner.text("removeLabel", { title: "Etika" }), "Hapus Etika dari rencana");
  assert.throws(() => planner.text("removeLabel", {}), /needs \{title\}/);
  assert.throws(() => planner.text("tidak-ada"), /no text/);
  for (const [key, value] of Object.entries(planner.TEXT)) {
    const fields = {};
    for (const [, name] of value.matchAll(/\{(\w+)\}/g)) fields[name] = "x";
    assert.doesNotMatch(planner.text(key, fields), /[{}]/, key);
  }
  assert.equal(planner.longDate("2026-03-05"), "5 Maret 2026");
  assert.equal(planner.longDate("2026-12-31"), "31 Desember 2026");
});

test("the wording lives in the text table only: no sentence literal elsewhere", () => {
  const source = fs.readFileSync(SCRIPT, "utf8");
  const table = source.indexOf("var TEXT = {");
  const after = source.indexOf("\n  };\n", table);
  assert.ok(table > 0 && after > table);
  const rest = source.slice(0, table) + source.slice(after).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
  const literals = rest.match(/"(?:[^"\\\n]|\\.)*"/g) || [];
  // Keys, class lists and selectors are ASCII and start lower-case; shown text has a
  // capital, a non-ASCII character (“ ” · ✓ …) or words between spaces.
  const developer = ['"use strict"', '"no text "', '"text "', '" needs {"'];
  const prose = literals.filter(
    (literal) =>
      !developer.includes(literal) &&
      !/^"[a-z-]+( [a-z-]+)*"$/.test(literal) &&
      (/^"[A-Z]/.test(literal) || /[^\x00-\x7f]/.test(literal) || /[a-z] [a-z]/.test(literal))
  );
  assert.deepEqual(prose, []);
});

test("reasons share the rules the plan is made with", () => {
  const state = { audience: "cpns", competencies: ["f/etika", "f/data"], tracks: ["digital"], modules: ["dasar", "lanjut"] };
  const why = planner.reasons(data, state, "dasar");
  assert.deepEqual(why, {
    pathwayStep: null,
    neededBy: ["lanjut"],
    competencies: ["f/data"],
    track: true,
    outsideAudience: false,
    pathway: null,
    audienceOnly: true,
  });
  assert.equal(
    planner.reasonsText(data, why),
    "Prasyarat untuk “Data Lanjut”. Mengembangkan Data. Termasuk bidang pilihan Anda."
  );
  // The interest a proposal ranks by counts exactly the reasons shown.
  const lanjut = planner.reasons(data, state, "lanjut");
  assert.deepEqual(lanjut.competencies, ["f/data", "f/etika"]);
  assert.equal(planner.interest(data.modules[1], state), lanjut.competencies.length + 1);
  assert.equal(lanjut.outsideAudience, true);
  assert.equal(
    planner.reasonsText(data, lanjut),
    "Mengembangkan Data, Etika. Termasuk bidang pilihan Anda. Sasaran utamanya jabatan lain; masuk karena menjadi prasyarat."
  );
  // With nothing else to say, the jabatan is the reason: no module stands unexplained.
  assert.equal(
    planner.reasonsText(data, planner.reasons(data, { ...state, competencies: [], tracks: [] }, "etika")),
    "Untuk jabatan Anda; menambah JP menuju target."
  );
});

test("upcoming means a session on or after today, the same rule for ordering and for the list", () => {
  const module = mod("x", { next_session: "2026-12-01" });
  assert.equal(planner.isUpcoming(module, "2026-12-01"), true);
  assert.equal(planner.isUpcoming(module, "2026-12-02"), false);
  assert.equal(planner.isUpcoming(mod("y", {}), "2026-01-01"), false);
});

test("the running total is worded from minutes", () => {
  const reached = planner.summarise(data, ["dasar", "lanjut", "etika"]);
  assert.equal(planner.totalText({ ...data, annual_jp_target: 3 }, { ...reached, target: 3, reached: true }), "Total sekarang 3 JP, target 3 JP tercapai.");
  const short = planner.summarise(data, ["dasar"]);
  assert.equal(planner.totalText(data, short), "Total sekarang 1 JP, kurang 3 JP dari target 4 JP.");
});

// A window with just what the store touches.
function fakeWindow(href, saved, { storage = true } = {}) {
  const items = new Map(saved === undefined ? [] : [["kurikulum-asn:rencana-belajar", saved]]);
  const win = {
    location: {
      href,
      get hash() {
        const at = this.href.indexOf("#");
        return at === -1 ? "" : this.href.slice(at);
      },
      get search() {
        const base = this.href.split("#")[0];
        const at = base.indexOf("?");
        return at === -1 ? "" : base.slice(at);
      },
      set hash(value) {
        this.href = this.href.split("#")[0] + (value ? "#" + value : "");
      },
    },
    history: {
      replaceState(_state, _title, url) {
        win.location.href = url.startsWith("#") ? win.location.href.split("#")[0] + url : url;
      },
    },
  };
  Object.defineProperty(win, "localStorage", {
    get() {
      if (!storage) throw new Error("SecurityError");
      return {
        getItem: (key) => (items.has(key) ? items.get(key) : null),
        setItem: (key, value) => items.set(key, value),
        removeItem: (key) => items.delete(key),
      };
    },
  });
  win.items = items;
  return win;
}

const PAGE = "https://contoh.go.id/rencana-belajar/";

test("store: a shared link wins over what this browser saved", () => {
  const win = fakeWindow(PAGE + "#jabatan=pengawas&modul=lanjut", "jabatan=cpns&modul=etika");
  const found = planner.createStore(win).load(data, "2026-11-29");
  assert.equal(found.fromLink, true);
  assert.deepEqual(found.plan.modules, ["dasar", "lanjut"]);
  const saved = planner.createStore(fakeWindow(PAGE, "jabatan=cpns&modul=etika")).load(data, "2026-11-29");
  assert.equal(saved.fromLink, false);
  assert.equal(saved.plan.audience, "cpns");
  assert.deepEqual(saved.plan.modules, ["etika"]);
});

test("store: a jabatan page's link (?jabatan=…) asks for a plan; saving drops the query", () => {
  const win = fakeWindow(PAGE + "?jabatan=pengawas", "jabatan=cpns&modul=etika");
  const store = planner.createStore(win);
  const found = store.load(data, "2026-11-29");
  assert.equal(found.fromLink, true);
  assert.equal(found.plan.audience, "pengawas");
  assert.equal(found.plan.modules, null);
  const state = { audience: "pengawas", competencies: [], tracks: [], modules: ["lanjut"] };
  store.save(state);
  assert.equal(win.location.href, PAGE + "#jabatan=pengawas&modul=lanjut");
  assert.equal(store.shareUrl(state), PAGE + "#jabatan=pengawas&modul=lanjut");
  // A fragment (a shared plan) wins over the query.
  const both = planner.createStore(fakeWindow(PAGE + "?jabatan=pengawas#jabatan=cpns&modul=etika"));
  assert.equal(both.load(data, "2026-11-29").plan.audience, "cpns");
});

test("store: unknown links are told apart from no link at all", () => {
  const unknown = planner.createStore(fakeWindow(PAGE + "#jabatan=presiden")).load(data, "2026-11-29");
  assert.deepEqual(unknown, { plan: null, fromLink: false, unknownLink: true });
  const none = planner.createStore(fakeWindow(PAGE + "#penyusun-rencana")).load(data, "2026-11-29");
  assert.deepEqual(none, { plan: null, fromLink: false, unknownLink: false });
});

test("store: saving writes the link and the browser; clearing forgets both", () => {
  const win = fakeWindow(PAGE);
  const store = planner.createStore(win);
  const state = { audience: "cpns", competencies: [], tracks: [], modules: ["etika"] };
  store.save(state);
  assert.equal(win.location.href, PAGE + "#jabatan=cpns&modul=etika");
  assert.equal(win.items.get("kurikulum-asn:rencana-belajar"), "jabatan=cpns&modul=etika");
  assert.equal(store.shareUrl(state), PAGE + "#jabatan=cpns&modul=etika");
  store.clear();
  assert.equal(win.location.href, PAGE);
  assert.equal(win.items.size, 0);
});

test("store: with storage switched off the link alone carries the plan", () => {
  const win = fakeWindow(PAGE, undefined, { storage: false });
  const store = planner.createStore(win);
  store.save({ audience: "cpns", modules: [] });
  assert.equal(win.location.href, PAGE + "#jabatan=cpns&modul=");
  assert.equal(store.load(data, "2026-11-29").plan.audience, "cpns");
  store.clear();
  assert.equal(win.location.href, PAGE);
});
