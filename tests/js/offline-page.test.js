// The service worker's own offline page (generator/write/sw.js, `halamanLuring`): what is
// saved is listed, and every title from a manifest (curriculum text) stays text.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(
  path.join(__dirname, "..", "..", "generator", "write", "sw.js"), "utf8");
const ROOT = "https://contoh.test/kurikulum/";

function worker(caches) {
  const sandbox = {
    self: { location: { href: ROOT + "sw.js" }, addEventListener() {} },
    caches, URL, Response, Promise, decodeURIComponent, setTimeout, clearTimeout,
  };
  vm.runInNewContext(SOURCE, sandbox);
  return sandbox;
}

function fakeCaches(stores) {
  const open = (name) => Promise.resolve({
    match: (key) => Promise.resolve(
      stores[name][key] ? new Response(JSON.stringify(stores[name][key])) : undefined),
    keys: () => Promise.resolve(Object.keys(stores[name]).map((url) => ({ url }))),
  });
  return { keys: () => Promise.resolve(Object.keys(stores)), open };
}

test("lists saved packages and read pages, with hostile titles as text", async () => {
  const hostile = "</title><script>kkXss=1</script><img src=x onerror=kkXss=2>";
  const manifest = {
    nama: "jalur-belajar/uji", judul: "Jalur " + hostile,
    halaman: [{ url: "modul/a/", judul: "Modul " + hostile }], berkas: [], ukuran: 0,
  };
  const sw = worker(fakeCaches({
    "kk-paket-jalur-belajar/uji": { [ROOT + "luring/jalur-belajar/uji.json"]: manifest },
    "kk-dibaca": { [ROOT + "jadwal/"]: {}, [ROOT + "assets/x.css"]: {} },
  }));
  const response = await sw.halamanLuring(ROOT + "modul/b/");
  const html = await response.text();
  assert.match(html, /<html lang="id">/);
  assert.match(html, /<h1>Anda sedang luring<\/h1>/);
  assert.match(html, /<a href="https:\/\/contoh.test\/kurikulum\/modul\/a\/">Modul &lt;\/title&gt;&lt;script&gt;/);
  assert.match(html, /<a href="https:\/\/contoh.test\/kurikulum\/jadwal\/">jadwal\/<\/a>/);
  assert.doesNotMatch(html, /<script|<img|onerror=kkXss=2>/);
  assert.doesNotMatch(html, /assets\/x\.css/);
});

test("says when nothing is saved", async () => {
  const sw = worker(fakeCaches({}));
  const html = await (await sw.halamanLuring(ROOT + "modul/b/")).text();
  assert.match(html, /Belum ada halaman yang tersimpan di perangkat ini\./);
});
