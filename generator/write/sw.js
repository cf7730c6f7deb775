/* Service worker of the site, written by `python -m generator build` (never by
   `mkdocs serve`, so the live preview has none). Hand-written rather than Workbox: see
   README, "Offline reading". It caches nothing from other hosts and nothing the reader
   did not open or ask to save.

   - Pages and files the reader opened are kept in "kk-dibaca" (network first, so an
     online reader always gets the newest page; the copy serves when the network fails).
   - A package saved with "Simpan untuk luring" lives in its own cache "kk-paket-<name>"
     with its manifest (luring/<name>.json: every file's SHA-256 and size). Saving and
     updating fetch only the files whose hash is not already held.
   - A page that is neither read nor saved gets an Indonesian offline page listing what is.
   - A new build changes VERSI below, so the browser installs this worker again; the
     pages are told (once, by assets/luring.js) and saved packages update in the
     background. */
"use strict";

var VERSI = "__KK_VERSI__";
var DIBACA = "kk-dibaca";
var PAKET = "kk-paket-";
var META = "kk-meta";
var ROOT = new URL("./", self.location.href);
// A reader on one bar of signal waits this long for the network before the saved copy.
var TUNGGU_MS = 5000;
// Pages and files kept from reading, oldest dropped first.
var BATAS_DIBACA = 400;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(function () {
    return caches.open(META);
  }).then(function (meta) {
    return meta.match("versi").then(function (stored) {
      return stored ? stored.text() : null;
    }).then(function (before) {
      return meta.put("versi", new Response(VERSI)).then(function () {
        if (before && before !== VERSI) return perbaruiSemua();
      });
    });
  }));
});

function alamat(url) {
  return new URL(url, ROOT).href;
}

function relatif(href) {
  return href.slice(ROOT.href.length);
}

/* Files of a package that are already held (saved in any package) with the same hash. */
function simpananBerkas() {
  var held = {};
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PAKET) === 0;
    }).map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.match(manifestKey(name.slice(PAKET.length))).then(function (answer) {
          return answer ? answer.json() : null;
        }).then(function (manifest) {
          (manifest ? manifest.berkas : []).forEach(function (file) {
            held[file.url + " " + file.sha256] = cache;
          });
        });
      });
    }));
  }).then(function () { return held; });
}

function manifestKey(name) {
  return alamat("luring/" + name + ".json");
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
    return ("0" + byte.toString(16)).slice(-2);
  }).join("");
}

/* Save or update package `name`: fetch its manifest, copy the files already held with
   the same hash, download the others (each checked against its hash), drop files the
   new manifest no longer lists, and store the manifest last, so a package is either
   complete or reported as failed. `report(done, total)` counts bytes. */
function sinkron(name, report) {
  var manifest, cache, held, done = 0, downloaded = 0;
  return fetch(manifestKey(name), { cache: "no-store" }).then(function (answer) {
    if (!answer.ok) throw new Error("manifest " + answer.status);
    return answer.json();
  }).then(function (json) {
    manifest = json;
    return Promise.all([caches.open(PAKET + name), simpananBerkas()]);
  }).then(function (opened) {
    cache = opened[0];
    held = opened[1];
    var queue = manifest.berkas.slice();
    function next() {
      var file = queue.shift();
      if (!file) return null;
      var url = alamat(file.url);
      var source = held[file.url + " " + file.sha256];
      var got = source ? source.match(url) : Promise.resolve(null);
      return got.then(function (copy) {
        if (copy) return copy;
        return fetch(url, { cache: "no-cache" }).then(function (answer) {
          if (!answer.ok) throw new Error(file.url + " " + answer.status);
          return answer.arrayBuffer().then(function (body) {
            return crypto.subtle.digest("SHA-256", body).then(function (digest) {
              if (hex(digest) !== file.sha256) throw new Error("hash " + file.url);
              downloaded += body.byteLength;
              return new Response(body, { headers: answer.headers });
            });
          });
        });
      }).then(function (response) {
        return cache.put(url, response);
      }).then(function () {
        done += file.ukuran;
        if (report) report(done, manifest.ukuran);
        return next();
      });
    }
    // Three at a time: a slow link stays busy without a phone opening dozens of requests.
    return Promise.all([next(), next(), next()]);
  }).then(function () {
    var wanted = {};
    manifest.berkas.forEach(function (file) { wanted[alamat(file.url)] = true; });
    wanted[manifestKey(name)] = true;
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (request) {
        return !wanted[request.url];
      }).map(function (request) { return cache.delete(request); }));
    });
  }).then(function () {
    return cache.put(manifestKey(name), new Response(JSON.stringify(manifest), {
      headers: { "Content-Type": "application/json" },
    }));
  }).then(function () {
    return { ukuran: manifest.ukuran, diunduh: downloaded, halaman: manifest.halaman.length };
  });
}

function perbaruiSemua() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PAKET) === 0; })
      .reduce(function (chain, name) {
        return chain.then(function () {
          // A package that cannot update now keeps its old copy, which still reads.
          return sinkron(name.slice(PAKET.length)).catch(function () { return null; });
        });
      }, Promise.resolve());
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports[0];
  if (data.type === "versi" && port) {
    port.postMessage({ versi: VERSI });
  } else if (data.type === "simpan" && port && typeof data.nama === "string") {
    event.waitUntil(sinkron(data.nama, function (done, total) {
      port.postMessage({ type: "kemajuan", selesai: done, total: total });
    }).then(function (result) {
      port.postMessage({ type: "selesai", hasil: result });
    }, function (error) {
      port.postMessage({ type: "gagal", pesan: String(error && error.message || error) });
    }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  // Other hosts, other methods, and the worker itself are the browser's business.
  if (request.method !== "GET" || url.origin !== ROOT.origin) return;
  if (url.href.indexOf(ROOT.href) !== 0 || url.href === alamat("sw.js")) return;
  event.respondWith(request.mode === "navigate" ? halaman(event) : berkas(event));
});

function simpanDibaca(request, response, page) {
  if (!response || response.status !== 200 || response.type !== "basic") return;
  var copy = response.clone();
  caches.open(DIBACA).then(function (cache) {
    return cache.put(request.url.split("#")[0], copy).then(function () {
      if (!page) return null;
      return cache.keys().then(function (keys) {
        return Promise.all(keys.slice(0, Math.max(0, keys.length - BATAS_DIBACA))
          .map(function (key) { return cache.delete(key); }));
      });
    });
  }).catch(function () { return null; });
}

/* A page's query string is read by its script (the planner's `?jabatan=`), and Pagefind
   adds `?ts=` to its entry file: the saved copy answers for any query string. */
function tersimpan(request) {
  var any = request.mode === "navigate" || new URL(request.url).pathname.indexOf("/pagefind/") >= 0;
  return caches.match(request, { ignoreSearch: any });
}

function halaman(event) {
  var request = event.request;
  var network = fetch(request);
  network.then(function (response) { simpanDibaca(request, response, true); }, function () {});
  var timer;
  var slow = new Promise(function (resolve, reject) {
    timer = setTimeout(function () { reject(new Error("lambat")); }, TUNGGU_MS);
  });
  return Promise.race([network, slow]).then(function (response) {
    clearTimeout(timer);
    return response;
  }, function () {
    clearTimeout(timer);
    return tersimpan(request).then(function (copy) {
      if (copy) return copy;
      // Slow but alive: keep waiting for the network rather than saying "offline".
      return network.catch(function () { return halamanLuring(request.url); });
    });
  });
}

function berkas(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    simpanDibaca(request, response, false);
    return response;
  }, function (error) {
    return tersimpan(request).then(function (copy) {
      if (copy) return copy;
      throw error;
    });
  });
}

function teks(value) {
  return String(value).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Our own page when a page is neither saved nor read: what the reader does have. Every
   title comes from a manifest (curriculum text) and is escaped here. */
function halamanLuring(wanted) {
  var packages = [], read = [];
  return caches.keys().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) {
        if (name.indexOf(PAKET) === 0) {
          return cache.match(manifestKey(name.slice(PAKET.length))).then(function (answer) {
            return answer ? answer.json() : null;
          }).then(function (manifest) { if (manifest) packages.push(manifest); });
        }
        if (name === DIBACA) {
          return cache.keys().then(function (keys) {
            keys.forEach(function (key) {
              if (/\/$/.test(key.url) && key.url.indexOf(ROOT.href) === 0) read.push(key.url);
            });
          });
        }
        return null;
      });
    }));
  }).then(function () {
    packages.sort(function (a, b) { return a.judul < b.judul ? -1 : 1; });
    var titles = {};
    var body = "";
    packages.forEach(function (manifest) {
      body += "<h2>" + teks(manifest.judul) + "</h2><ul>";
      manifest.halaman.forEach(function (page) {
        titles[alamat(page.url)] = page.judul;
        body += '<li><a href="' + teks(alamat(page.url)) + '">' + teks(page.judul) + "</a></li>";
      });
      body += "</ul>";
    });
    var others = read.filter(function (url) { return !titles[url]; }).sort();
    if (others.length) {
      body += "<h2>Halaman yang pernah Anda buka</h2><ul>";
      others.forEach(function (url) {
        var name = decodeURIComponent(relatif(url)) || "Beranda";
        body += '<li><a href="' + teks(url) + '">' + teks(name) + "</a></li>";
      });
      body += "</ul>";
    }
    if (!packages.length && !others.length) {
      body += "<p>Belum ada halaman yang tersimpan di perangkat ini.</p>";
    }
    var html = '<!doctype html><html lang="id"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width,initial-scale=1">' +
      "<title>Anda sedang luring - Kurikulum Kompetensi ASN</title><style>" +
      "body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a;background:#fff}" +
      "h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}" +
      "a{color:#283593}li{margin:.4rem 0}.kk-alamat{word-break:break-all;color:#444}" +
      "</style></head><body><main><h1>Anda sedang luring</h1>" +
      "<p>Halaman ini belum tersimpan di perangkat Anda, jadi tidak dapat dibuka tanpa sambungan internet:</p>" +
      '<p class="kk-alamat">' + teks(decodeURIComponent(relatif(wanted)) || "/") + "</p>" +
      "<p>Yang dapat Anda baca sekarang tanpa sambungan:</p>" + body +
      "<p>Saat sambungan kembali, muat ulang halaman ini. Untuk menyimpan jalur belajar, buka " +
      "halaman jalur belajar atau jabatan saat daring, lalu pilih <strong>Simpan untuk luring</strong>.</p>" +
      "</main></body></html>";
    return new Response(html, {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  });
}
