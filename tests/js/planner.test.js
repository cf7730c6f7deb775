// Planning rules of overrides/assets/rencana-belajar.js, on small hand-made data
// where the right answer can be worked out by hand. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const rules = require(path.join(__dirname, "..", "..", "overrides", "assets", "rencana-belajar.js"));

// One module; `groups` defaults to all minutes formal.
function mod(id, fields) {
  const minutes = fields.minutes;
  return {
    id,
    title: fields.title || id,
    track: fields.track || "nilai",
    level: "dasar",
    audience: fields.audience,
    minutes,
    groups: fields.groups || { formal: minutes, social: 0, experiential: 0 },
    modes: ["webinar"],
    competencies: fields.competencies || [],
    prerequisites: fields.prerequisites || [],
    next_session: fields.next_session || null,
  };
}

// Target 4 JP = 180 minutes. The chain data-dasar → data-lanjut → data-mahir crosses
// audiences: data-dasar is not for pengawas, yet pengawas plans must pull it in.
function makeData(overrides) {
  return {
    version: 1,
    today: "2026-11-29",
    jp_minutes: 45,
    annual_jp_target: 4,
    weekly_jp_pace: 2,
    audiences: [
      { id: "cpns", label: "CPNS" },
      { id: "pelaksana", label: "Pelaksana" },
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
          { ref: "f/etika", title: "Etika" },
          { ref: "f/data", title: "Data" },
          { ref: "f/analitik", title: "Analitik" },
        ],
      },
    ],
    modes: [{ id: "webinar", label: "Webinar", group: "formal" }],
    groups: [
      { id: "formal", label: "Formal (10)" },
      { id: "social", label: "Sosial (20)" },
      { id: "experiential", label: "Pengalaman kerja (70)" },
    ],
    modules: [
      mod("etika", {
        audience: ["semua"],
        minutes: 90,
        competencies: ["f/etika"],
        groups: { formal: 45, social: 45, experiential: 0 },
      }),
      mod("data-dasar", {
        track: "digital",
        audience: ["cpns", "pelaksana"],
        minutes: 45,
        competencies: ["f/data"],
        next_session: "2026-12-10",
      }),
      mod("data-lanjut", {
        track: "digital",
        audience: ["pengawas"],
        minutes: 135,
        competencies: ["f/data"],
        prerequisites: ["data-dasar"],
        groups: { formal: 45, social: 0, experiential: 90 },
      }),
      mod("data-mahir", {
        track: "digital",
        audience: ["pengawas"],
        minutes: 90,
        competencies: ["f/analitik"],
        prerequisites: ["data-lanjut"],
      }),
      mod("arsip", { audience: ["pelaksana"], minutes: 90 }),
      // Its session is already past "today": a stale JSON must not count it as upcoming.
      mod("webinar-lalu", { track: "digital", audience: ["semua"], minutes: 90, next_session: "2026-11-01" }),
    ],
    pathways: [],
    ...overrides,
  };
}

const data = makeData();
const byId = Object.fromEntries(data.modules.map((m) => [m.id, m]));

function minutesOf(ids) {
  return ids.reduce((sum, id) => sum + byId[id].minutes, 0);
}

// Every prerequisite that is in the plan stands before the module needing it,
// and every prerequisite of a plan module is in the plan.
function assertPrerequisitesFirst(ids) {
  ids.forEach((id, position) => {
    for (const prerequisite of byId[id].prerequisites) {
      const at = ids.indexOf(prerequisite);
      assert.ok(at !== -1, `${prerequisite} (prasyarat ${id}) hilang dari ${ids}`);
      assert.ok(at < position, `${prerequisite} harus sebelum ${id} dalam ${ids}`);
    }
  });
}

test("audience filtering: only modules for the jabatan, and `semua` serves everyone", () => {
  const everything = makeData({ annual_jp_target: 100 });
  const cpns = rules.proposePlan(everything, { audience: "cpns" }).modules;
  assert.deepEqual([...cpns].sort(), ["data-dasar", "etika", "webinar-lalu"]);
  const pelaksana = rules.proposePlan(everything, { audience: "pelaksana" }).modules;
  assert.deepEqual([...pelaksana].sort(), ["arsip", "data-dasar", "etika", "webinar-lalu"]);
  assert.ok(rules.serves(byId.etika, "pengawas"));
  assert.ok(!rules.serves(byId.arsip, "cpns"));
});

test("the plan reaches the annual target, and stops soon after", () => {
  for (const audience of ["cpns", "pelaksana", "pengawas"]) {
    const plan = rules.proposePlan(data, { audience });
    assert.ok(plan.reached, audience);
    assert.ok(minutesOf(plan.modules) >= 180, `${audience}: ${plan.modules}`);
    assertPrerequisitesFirst(plan.modules);
  }
  // Worked by hand: the upcoming session first, then by id until 180 minutes.
  const plan = rules.proposePlan(data, { audience: "pelaksana" });
  assert.deepEqual(plan.modules, ["data-dasar", "arsip", "etika"]);
});

test("when the jabatan has too few modules, the plan holds them all and says so", () => {
  const plan = rules.proposePlan(makeData({ annual_jp_target: 100 }), { audience: "cpns" });
  assert.equal(plan.reached, false);
  assert.equal(plan.modules.length, 3);
  // A jabatan without modules of its own still gets the ones for everyone.
  assert.deepEqual(rules.proposePlan(data, { audience: "jpt-utama" }).modules, [
    "etika",
    "webinar-lalu",
  ]);
  const noneForAll = makeData({ modules: data.modules.filter((m) => m.audience[0] !== "semua") });
  assert.deepEqual(rules.proposePlan(noneForAll, { audience: "jpt-utama" }), {
    modules: [],
    reached: false,
    pathway: null,
  });
});

test("missing prerequisites are pulled in, whatever their audience, and come first", () => {
  const plan = rules.proposePlan(data, { audience: "pengawas", competencies: ["f/analitik"] });
  assert.deepEqual(plan.modules, ["data-dasar", "data-lanjut", "data-mahir"]);
  assert.ok(!rules.serves(byId["data-dasar"], "pengawas"));
  assert.deepEqual(rules.closure(data, ["data-mahir"]).sort(), [
    "data-dasar",
    "data-lanjut",
    "data-mahir",
  ]);
});

test("chosen competencies and tracks come before everything else", () => {
  const byCompetency = rules.proposePlan(data, { audience: "pengawas", competencies: ["f/data"] });
  // data-lanjut develops f/data; with its prerequisite it already makes 180 minutes.
  assert.deepEqual(byCompetency.modules, ["data-dasar", "data-lanjut"]);
  const byTrack = rules.proposePlan(data, { audience: "pelaksana", tracks: ["nilai"] });
  assert.deepEqual(byTrack.modules, ["arsip", "etika"]);
  // A module matching two wishes beats one matching a single wish.
  const both = rules.proposePlan(makeData({ annual_jp_target: 1 }), {
    audience: "pelaksana",
    competencies: ["f/etika"],
    tracks: ["nilai"],
  });
  assert.deepEqual(both.modules, ["etika"]);
});

test("modules with an upcoming live session are preferred, the sooner first", () => {
  // Without choices, data-dasar (session on 10 December) is taken before arsip and etika.
  const plan = rules.proposePlan(makeData({ annual_jp_target: 1 }), { audience: "pelaksana" });
  assert.deepEqual(plan.modules, ["data-dasar"]);
  // Seen from 1 October, webinar-lalu's session (1 November) is upcoming and sooner.
  const earlier = rules.proposePlan(data, { audience: "pelaksana", today: "2026-10-01" });
  assert.deepEqual(earlier.modules, ["webinar-lalu", "data-dasar", "arsip"]);
  // From the data's own today it is past, so it is not preferred.
  const later = rules.proposePlan(data, { audience: "cpns" });
  assert.deepEqual(later.modules, ["data-dasar", "etika", "webinar-lalu"]);
});

test("deterministic: the same choice gives the same plan, whatever the data order", () => {
  const shuffled = makeData({ modules: [...data.modules].reverse() });
  for (const choice of [
    { audience: "cpns" },
    { audience: "pelaksana", tracks: ["digital"] },
    { audience: "pengawas", competencies: ["f/data", "f/etika"] },
  ]) {
    const first = rules.proposePlan(data, choice);
    assert.deepEqual(rules.proposePlan(data, choice), first);
    assert.deepEqual(rules.proposePlan(shuffled, choice), first);
  }
  // Ties (no session on either) are broken by id.
  assert.deepEqual(rules.orderPlan(data, ["etika", "arsip"]), ["arsip", "etika"]);
  // Upcoming sessions order modules that are free to go; prerequisites still win;
  // a past session counts as none.
  assert.deepEqual(rules.orderPlan(data, ["webinar-lalu", "etika"]), ["etika", "webinar-lalu"]);
  assert.deepEqual(rules.orderPlan(data, ["webinar-lalu", "etika"], "2026-10-01"), [
    "webinar-lalu",
    "etika",
  ]);
  assert.deepEqual(rules.orderPlan(data, ["etika", "data-lanjut", "data-dasar"]), [
    "data-dasar",
    "data-lanjut",
    "etika",
  ]);
});

test("adding a module brings its missing prerequisites, in order", () => {
  const result = rules.addModule(data, ["etika"], "data-mahir");
  assert.deepEqual(result.modules, ["data-dasar", "data-lanjut", "data-mahir", "etika"]);
  assert.deepEqual(result.added, ["data-dasar", "data-lanjut", "data-mahir"]);
  assertPrerequisitesFirst(result.modules);
  assert.deepEqual(rules.addModule(data, ["etika"], "etika"), { modules: ["etika"], added: [] });
  assert.deepEqual(rules.addModule(data, ["etika"], "tidak-ada"), {
    modules: ["etika"],
    added: [],
  });
});

test("removing a prerequisite is refused unless its dependents go too", () => {
  const plan = ["data-dasar", "data-lanjut", "data-mahir", "etika"];
  const refused = rules.removeModule(data, plan, "data-dasar", false);
  assert.deepEqual(refused.modules, plan);
  assert.deepEqual(refused.removed, []);
  // Transitive: data-mahir needs data-dasar through data-lanjut.
  assert.deepEqual(refused.blockedBy, ["data-lanjut", "data-mahir"]);
  const cascaded = rules.removeModule(data, plan, "data-dasar", true);
  assert.deepEqual(cascaded.modules, ["etika"]);
  assert.deepEqual(cascaded.removed, ["data-dasar", "data-lanjut", "data-mahir"]);
  assert.deepEqual(cascaded.blockedBy, []);
});

test("removing a module nobody needs just removes it", () => {
  const plan = ["data-dasar", "data-lanjut", "data-mahir", "etika"];
  const leaf = rules.removeModule(data, plan, "data-mahir", false);
  assert.deepEqual(leaf.modules, ["data-dasar", "data-lanjut", "etika"]);
  assert.deepEqual(leaf.removed, ["data-mahir"]);
  const absent = rules.removeModule(data, plan, "arsip", false);
  assert.deepEqual(absent, { modules: plan, removed: [], blockedBy: [] });
  assert.deepEqual(rules.dependentsIn(data, plan, "etika"), []);
});

test("summary: totals, target, 70-20-10 minutes and percentages", () => {
  const summary = rules.summarise(data, ["data-dasar", "data-lanjut", "etika"]);
  assert.equal(summary.count, 3);
  assert.equal(summary.minutes, 270);
  assert.equal(summary.target, 4);
  assert.equal(summary.reached, true);
  assert.equal(summary.missingMinutes, 0);
  assert.deepEqual(summary.groups, { formal: 135, social: 45, experiential: 90 });
  assert.deepEqual(summary.shares, { formal: 50, social: 17, experiential: 33 });
  // 270 minutes at 2 JP (90 minutes) a week.
  assert.equal(summary.weeks, 3);
  const short = rules.summarise(data, ["data-dasar"]);
  assert.equal(short.reached, false);
  assert.equal(short.missingMinutes, 135);
  const empty = rules.summarise(data, []);
  assert.deepEqual(empty.shares, { formal: 0, social: 0, experiential: 0 });
  assert.equal(empty.minutes, 0);
});

test("percentages always add up to 100", () => {
  assert.deepEqual(rules.percentages([1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(rules.percentages([2, 1]), [67, 33]);
  assert.deepEqual(rules.percentages([0, 0]), [0, 0]);
  assert.deepEqual(rules.percentages([5, 0, 0]), [100, 0, 0]);
  for (const values of [[7, 11, 13], [1, 2, 3, 4, 5, 6], [100, 1, 1]]) {
    assert.equal(
      rules.percentages(values).reduce((a, b) => a + b, 0),
      100,
      values.join(",")
    );
  }
});

test("JP is written like the rest of the site: one decimal at most, with a comma", () => {
  assert.equal(rules.formatJp(225, 45), "5");
  assert.equal(rules.formatJp(320, 45), "7,1");
  assert.equal(rules.formatJp(0, 45), "0");
  assert.equal(rules.formatJp(223, 45), "5"); // 4.955… JP
  assert.equal(rules.formatJp(22, 45), "0,5"); // 0.488… JP
  // Ties round half up, decided in whole minutes: 9 of 45 minutes is 0.2 JP exactly,
  // 2.25 minutes would be 0.05 JP; with 40-minute JP 2 minutes is 0.05 JP exactly.
  assert.equal(rules.formatJp(2, 40), "0,1");
  assert.equal(rules.formatJp(1, 40), "0");
  assert.equal(rules.formatJp(38, 40), "1"); // 0.95 JP
  assert.equal(rules.formatJp(6, 40), "0,2"); // 0.15 JP, where 0.15 * 10 is 1.4999… in floats
});

test("the link fragment round-trips and survives stale or hand-made links", () => {
  const state = {
    audience: "pengawas",
    competencies: ["f/data"],
    tracks: ["digital"],
    modules: ["data-dasar", "data-lanjut"],
  };
  const fragment = rules.encodeState(state);
  assert.equal(fragment, "jabatan=pengawas&kompetensi=f/data&jalur=digital&modul=data-dasar,data-lanjut");
  const decoded = rules.decodeState(data, "#" + fragment);
  assert.deepEqual(decoded, { ...state, pathway: null, dropped: 0 });
  // Unknown modules are dropped (and counted); missing prerequisites come back in order.
  const stale = rules.decodeState(data, "#jabatan=pengawas&modul=data-mahir,hilang&jalur=lama");
  assert.deepEqual(stale.modules, ["data-dasar", "data-lanjut", "data-mahir"]);
  assert.equal(stale.dropped, 1);
  assert.deepEqual(stale.tracks, []);
  // No `modul` at all means "propose for me"; an empty one is an empty plan.
  assert.equal(rules.decodeState(data, "#jabatan=cpns").modules, null);
  assert.deepEqual(rules.decodeState(data, "#jabatan=cpns&modul=").modules, []);
  // No usable jabatan: nothing to restore.
  assert.equal(rules.decodeState(data, "#jabatan=presiden&modul=etika"), null);
  assert.equal(rules.decodeState(data, "#jabatan=semua"), null);
  assert.equal(rules.decodeState(data, ""), null);
  assert.equal(rules.decodeState(data, null), null);
  assert.equal(rules.decodeState(data, "#jabatan=%E0%A4%A&modul=etika"), null);
  assert.equal(rules.encodeState({ audience: "cpns", modules: [] }), "jabatan=cpns&modul=");
});

test("ids that collide with object properties are ordinary ids", () => {
  const odd = makeData({
    modules: [mod("constructor", { audience: ["semua"], minutes: 200, prerequisites: ["toString"] })],
  });
  // toString is not a module: it is ignored, not mistaken for Object.prototype.toString.
  assert.deepEqual(rules.proposePlan(odd, { audience: "cpns" }).modules, ["constructor"]);
  assert.deepEqual(rules.addModule(odd, [], "hasOwnProperty").modules, []);
});

// A pathway for pelaksana whose order differs from the session order: arsip has no
// session, data-dasar has the earliest; etika is optional.
function withPathway(overrides) {
  return makeData({
    audiences: [
      { id: "cpns", label: "CPNS", pathways: [] },
      { id: "pelaksana", label: "Pelaksana", pathways: ["mulai", "lain"] },
      { id: "pengawas", label: "Pengawas", pathways: [] },
    ],
    pathways: [
      {
        id: "mulai",
        title: "Mulai",
        audience: ["pelaksana"],
        steps: [
          { module: "arsip", required: true },
          { module: "etika", required: false },
          { module: "data-dasar", required: true },
        ],
      },
      { id: "lain", title: "Lain", audience: ["pelaksana"], steps: [{ module: "webinar-lalu", required: true }] },
    ],
    ...overrides,
  });
}

test("a jabatan with a pathway starts from its required steps, in the pathway's order", () => {
  const pathwayData = withPathway({ annual_jp_target: 3 });
  const plan = rules.proposePlan(pathwayData, { audience: "pelaksana" });
  // 90 + 45 = 135 minutes = 3 JP: this year's part is both required steps; etika
  // (optional) is not pulled in, and the session order does not win over the pathway's.
  assert.deepEqual(plan, { modules: ["arsip", "data-dasar"], reached: true, pathway: "mulai" });
  // Short of the target after the required steps: the usual candidates fill the rest,
  // and one that is a step of the pathway (etika, optional) takes its place in it.
  const longer = rules.proposePlan(withPathway({ annual_jp_target: 6 }), { audience: "pelaksana" });
  assert.deepEqual(longer.modules.slice(0, 3), ["arsip", "etika", "data-dasar"]);
  assert.equal(longer.reached, true);
  // The target reached within the pathway: only this year's part.
  const short = rules.proposePlan(withPathway({ annual_jp_target: 2 }), { audience: "pelaksana" });
  assert.deepEqual(short.modules, ["arsip"]);
  // A pathway named in the choice wins over the jabatan's first.
  assert.equal(rules.proposePlan(pathwayData, { audience: "pelaksana", pathway: "lain" }).pathway, "lain");
  // A reader who chose competencies or tracks gets the ranking by interest instead.
  assert.equal(rules.proposePlan(pathwayData, { audience: "pelaksana", tracks: ["digital"] }).pathway, null);
  // The pathway's order survives the link and an added module.
  const fragment = rules.encodeState({ audience: "pelaksana", pathway: "mulai", modules: plan.modules });
  assert.equal(fragment, "jabatan=pelaksana&jalur-belajar=mulai&modul=arsip,data-dasar");
  const back = rules.decodeState(pathwayData, "#" + fragment);
  assert.deepEqual([back.pathway, back.modules], ["mulai", ["arsip", "data-dasar"]]);
  const first = ["arsip", "etika", "data-dasar"];
  assert.deepEqual(rules.addModule(pathwayData, plan.modules, "etika", undefined, first).modules, first);
  // Each module says which step of the pathway it is, counted among the steps of its kind
  // (as the plan's note counts "… dari 2 langkah wajib"): the third step is the second
  // required one.
  const state = { audience: "pelaksana", competencies: [], tracks: [], pathway: "mulai", modules: plan.modules };
  assert.equal(
    rules.reasonsText(pathwayData, rules.reasons(pathwayData, state, "data-dasar")),
    "Langkah wajib 2 dari 2 jalur belajar “Mulai”."
  );
  assert.equal(
    rules.reasonsText(pathwayData, rules.reasons(pathwayData, state, "etika")).split(" ").slice(0, 5).join(" "),
    "Langkah pilihan 1 dari 1"
  );
});

test("a prerequisite the pathway takes for granted comes just before the step needing it", () => {
  const assumed = withPathway({
    audiences: [{ id: "pengawas", label: "Pengawas", pathways: ["naik"] }],
    pathways: [
      {
        id: "naik",
        title: "Naik",
        audience: ["pengawas"],
        steps: [
          { module: "etika", required: true },
          { module: "data-lanjut", required: true },
          { module: "data-mahir", required: true },
        ],
      },
    ],
  });
  // Target 4 JP = 180 minutes: etika (90) and data-lanjut (135) are this year's part,
  // counted without data-dasar (45), which comes along as data-lanjut's prerequisite,
  // right before it, although its session is the earliest of all.
  const plan = rules.proposePlan(assumed, { audience: "pengawas" });
  assert.deepEqual(plan.modules, ["etika", "data-dasar", "data-lanjut"]);
  assert.equal(plan.pathway, "naik");
});

test("numbers get a dot between thousands, as on the pages", () => {
  assert.equal(rules.formatNumber(1035), "1.035");
  assert.equal(rules.formatNumber(999), "999");
  assert.equal(rules.formatNumber(1234567), "1.234.567");
  assert.equal(rules.formatJp(45 * 1234 + 23, 45), "1.234,5");
});

// --- sessions in time ------------------------------------------------------------------

function timed(id, at, texts, prerequisites) {
  const module = mod(id, { minutes: 90, audience: ["semua"], prerequisites: prerequisites || [] });
  module.next_session = at.slice(0, 10);
  module.next_session_at = at;
  module.next_session_times = texts;
  return module;
}

const WIT_DEC = {
  wib: "Kamis, 3 Desember 2026, 09.00–11.30 WIB",
  wita: "Kamis, 3 Desember 2026, 10.00–12.30 WITA",
  wit: "Kamis, 3 Desember 2026, 11.00–13.30 WIT",
  asal: "Kamis, 3 Desember 2026, 09.00–11.30 WIB",
};
const WIT_JAN = {
  wib: "Kamis, 7 Januari 2027, 08.00–10.00 WIB",
  wita: "Kamis, 7 Januari 2027, 09.00–11.00 WITA",
  wit: "Kamis, 7 Januari 2027, 10.00–12.00 WIT",
  asal: "Kamis, 7 Januari 2027, 09.00–11.00 WITA",
};

test("a session is shown in the reader's zone, else in its own", () => {
  const module = timed("a", "2026-12-03T02:00:00Z", WIT_DEC);
  assert.equal(rules.sessionWhen(module, "wit"), "Kamis, 3 Desember 2026, 11.00–13.30 WIT");
  assert.equal(rules.sessionWhen(module, "asal"), "Kamis, 3 Desember 2026, 09.00–11.30 WIB");
  const dateOnly = mod("b", { minutes: 45, audience: ["semua"], next_session: "2026-12-03" });
  assert.equal(rules.sessionWhen(dateOnly, "wit"), "3 Desember 2026");
});

test("a module whose session comes before its prerequisite's is warned about", () => {
  // The administrator + SPBE case of issue 11: step 2's session on 3 December, its
  // prerequisite's on 7 January.
  const data = makeData({
    modules: [
      timed("pengantar", "2027-01-07T01:00:00Z", WIT_JAN),
      timed("satu-data", "2026-12-03T02:00:00Z", WIT_DEC, ["pengantar"]),
    ],
  });
  const warnings = rules.sessionOrderWarnings(data, ["pengantar", "satu-data"], "wit");
  assert.deepEqual(Object.keys(warnings), ["satu-data"]);
  assert.equal(
    warnings["satu-data"],
    "Sesi langsungnya (Kamis, 3 Desember 2026, 11.00–13.30 WIT) lebih awal daripada sesi " +
      "prasyaratnya “pengantar” (Kamis, 7 Januari 2027, 10.00–12.00 WIT); pelajari bahan " +
      "prasyarat itu lebih dulu, atau ikuti sesi berikutnya."
  );
  // In the right order, or with the prerequisite outside the plan, nothing is said.
  assert.deepEqual(rules.sessionOrderWarnings(data, ["satu-data"], "wit"), {});
  const fine = makeData({
    modules: [
      timed("pengantar", "2026-12-03T02:00:00Z", WIT_DEC),
      timed("satu-data", "2027-01-07T01:00:00Z", WIT_JAN, ["pengantar"]),
    ],
  });
  assert.deepEqual(rules.sessionOrderWarnings(fine, ["pengantar", "satu-data"], "wit"), {});
});
