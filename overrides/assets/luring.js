/* Offline reading, page side: registers the service worker (sw.js, written by
   `make site`), tells the reader once when a newer build is published, and on pathway and
   jabatan pages runs "Simpan untuk luring" (the control is `.kk-luring[data-kk-paket]`).

   Nothing is downloaded for offline until the reader asks: the dialog first fetches the
   sizes (luring/index.json, a few hundred bytes), and only the reader's choice fetches a
   package. The saving itself is the worker's (it also updates saved packages), so one
   piece of code compares hashes. Every text from the curriculum is inserted as text. */
(function () {
  "use strict";

  var TEXT = {
    open: "Simpan untuk luring",
    saved: "Tersimpan untuk luring",
    title: "Simpan untuk dibaca tanpa sambungan",
    intro: "Simpan halaman ini beserta isinya di perangkat Anda, lalu baca, cari dan susun rencana belajar tanpa sambungan internet. Ukuran di bawah adalah ukuran berkas yang diunduh; halaman yang sama tidak diunduh dua kali.",
    sizing: "Menghitung ukuran…",
    noSizes: "Ukuran tidak dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.",
    thisOne: function (title, size, files) { return "Simpan " + title + " (" + size + ", " + files + " berkas)"; },
    whole: function (size, files) { return "Simpan seluruh situs (" + size + ", " + files + " berkas)"; },
    progress: function (done, total) { return "Mengunduh… " + done + " dari " + total; },
    done: function (title, pages, size, fetched) {
      return "Tersimpan di perangkat ini: " + title + " — " + pages + " halaman, " + size +
        " (yang diunduh kali ini: " + fetched + ").";
    },
    failed: "Penyimpanan gagal, mungkin karena sambungan terputus. Bagian yang sudah terunduh tetap ada; coba lagi saat sambungan kembali.",
    pages: "Halaman yang tersimpan:",
    remove: function (title) { return "Hapus " + title + " dari perangkat ini"; },
    removed: function (title) { return title + " sudah dihapus dari perangkat ini."; },
    close: "Tutup",
    persisted: "Browser menyetujui penyimpanan tetap: simpanan ini tidak akan dihapus otomatis walau ruang perangkat menipis. Anda tetap dapat menghapusnya sendiri di sini.",
    notPersisted: "Browser belum menyetujui penyimpanan tetap: bila ruang perangkat hampir penuh, browser boleh menghapus simpanan ini tanpa bertanya. Buka halaman ini sesekali saat daring; bila simpanan hilang, simpan ulang.",
    noPersist: "Browser ini tidak dapat menjamin simpanan: bila ruang perangkat hampir penuh, simpanan bisa terhapus. Simpan ulang bila perlu.",
    zip: function (size) { return "Tanpa sambungan sama sekali? Unduh paket zip seluruh situs (" + size + ") untuk disalin ke laptop atau ponsel rekan; buka index.html di dalamnya."; },
    unsupported: "Browser ini tidak dapat menyimpan halaman untuk dibaca tanpa sambungan. Gunakan buklet PDF jalur belajar, atau browser lain (Chrome, Firefox, Safari versi baru).",
    update: "Situs ini sudah diperbarui. Jalur belajar yang Anda simpan ikut diperbarui otomatis; hanya berkas yang berubah yang diunduh.",
  };
  var PAKET = "kk-paket-";

  var script = document.currentScript;
  var root = new URL("../", script.src);
  var supported = "serviceWorker" in navigator && "caches" in window;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function size(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)).toLocaleString("id-ID") + " KB";
    return (bytes / 1024 / 1024).toLocaleString("id-ID", { maximumFractionDigits: 1 }) + " MB";
  }

  function ask(worker, message, onMessage) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { onMessage(event.data); };
    worker.postMessage(message, [channel.port2]);
  }

  /* The build's version, from the worker; the reader is told once when it changes. */
  function tellNewVersion(registration) {
    if (!registration.active) return;
    ask(registration.active, { type: "versi" }, function (answer) {
      var before = null;
      try {
        before = localStorage.getItem("kk-luring-versi");
        localStorage.setItem("kk-luring-versi", answer.versi);
      } catch (error) {
        return;
      }
      if (!before || before === answer.versi) return;
      var box = element("div", "kk-luring-kabar");
      box.setAttribute("role", "status");
      var close = element("button", "md-button", TEXT.close);
      close.type = "button";
      close.addEventListener("click", function () { box.remove(); });
      box.append(element("p", "", TEXT.update), close);
      var content = document.querySelector(".md-content");
      if (content) content.prepend(box);
    });
  }

  function manifestOf(name) {
    return caches.open(PAKET + name).then(function (cache) {
      return cache.match(new URL("luring/" + name + ".json", root).href);
    }).then(function (answer) { return answer ? answer.json() : null; });
  }

  function savedNames() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(PAKET) === 0; })
        .map(function (name) { return name.slice(PAKET.length); });
    });
  }

  function control(holder) {
    var own = holder.getAttribute("data-kk-paket");
    var button = element("button", "md-button kk-luring-tombol", TEXT.open);
    button.type = "button";
    button.setAttribute("aria-haspopup", "dialog");
    holder.append(button);
    var dialog = null, body;

    function refreshButton() {
      savedNames().then(function (names) {
        button.textContent = names.indexOf(own) >= 0 ? TEXT.saved : TEXT.open;
      });
    }

    function build() {
      // md-typeset: the theme's button and list styles, as inside the page's article.
      dialog = element("dialog", "kk-luring-dialog md-typeset");
      dialog.setAttribute("aria-labelledby", "kk-luring-judul");
      var heading = element("h2", "", TEXT.title);
      heading.id = "kk-luring-judul";
      body = element("div", "kk-luring-isi");
      var close = element("button", "md-button kk-luring-tutup", TEXT.close);
      close.type = "button";
      close.addEventListener("click", function () { dialog.close(); });
      dialog.append(heading, body, close);
      dialog.addEventListener("close", function () { button.focus(); });
      document.body.append(dialog);
    }

    function show() {
      if (!dialog) build();
      body.replaceChildren(element("p", "", TEXT.intro), element("p", "kk-luring-status", TEXT.sizing));
      dialog.showModal();
      Promise.all([
        fetch(new URL("luring/index.json", root), { cache: "no-cache" }).then(function (answer) {
          if (!answer.ok) throw new Error(answer.status);
          return answer.json();
        }),
        savedNames(),
      ]).then(function (found) {
        choices(found[0], found[1]);
      }, function () {
        savedNames().then(function (names) { choices(null, names); });
      });
    }

    function choices(index, saved) {
      var status = body.querySelector(".kk-luring-status");
      status.textContent = index ? "" : TEXT.noSizes;
      var wanted = [own, "situs"];
      wanted.forEach(function (name) {
        var about = index && index.paket[name];
        if (about && saved.indexOf(name) < 0) {
          var label = name === "situs" ? TEXT.whole(size(about.ukuran), about.berkas)
            : TEXT.thisOne(about.judul, size(about.ukuran), about.berkas);
          var save = element("button", "md-button" + (name === own ? " md-button--primary" : "") + " kk-luring-simpan", label);
          save.type = "button";
          save.addEventListener("click", function () { start(name, about.judul); });
          body.append(save);
          if (name === own) save.focus();
        }
      });
      if (index && index.zip && /^https:\/\//.test(index.zip.alamat)) {
        var line = element("p", "kk-luring-zip");
        var link = element("a", "", TEXT.zip(size(index.zip.ukuran)));
        link.href = index.zip.alamat;
        line.append(link);
        body.append(line);
      }
      saved.filter(function (name) { return wanted.indexOf(name) >= 0; }).forEach(function (name) {
        manifestOf(name).then(function (manifest) { if (manifest) report(manifest, null); });
      });
    }

    function start(name, title) {
      var status = body.querySelector(".kk-luring-status");
      body.querySelectorAll(".kk-luring-simpan").forEach(function (b) { b.disabled = true; });
      var bar = element("progress", "kk-luring-kemajuan");
      bar.max = 1;
      bar.value = 0;
      bar.setAttribute("aria-label", TEXT.title);
      status.after(bar);
      navigator.serviceWorker.ready.then(function (registration) {
        ask(registration.active, { type: "simpan", nama: name }, function (message) {
          if (message.type === "kemajuan") {
            bar.max = message.total;
            bar.value = message.selesai;
            status.textContent = TEXT.progress(size(message.selesai), size(message.total));
          } else if (message.type === "selesai") {
            bar.remove();
            status.textContent = "";
            body.querySelectorAll(".kk-luring-simpan").forEach(function (b) { b.remove(); });
            manifestOf(name).then(function (manifest) {
              report(manifest || { nama: name, judul: title, halaman: [], ukuran: message.hasil.ukuran },
                message.hasil.diunduh);
              refreshButton();
              persist();
            });
          } else if (message.type === "gagal") {
            bar.remove();
            status.textContent = TEXT.failed;
            body.querySelectorAll(".kk-luring-simpan").forEach(function (b) { b.disabled = false; });
          }
        });
      });
    }

    function report(manifest, fetched) {
      var box = element("section", "kk-luring-tersimpan");
      box.append(element("p", "", TEXT.done(manifest.judul, manifest.halaman.length,
        size(manifest.ukuran), fetched === null ? "0 KB" : size(fetched))));
      if (manifest.halaman.length) {
        var details = element("details");
        details.append(element("summary", "", TEXT.pages));
        var list = element("ul");
        manifest.halaman.forEach(function (page) {
          var item = element("li");
          var link = element("a", "", page.judul);
          link.href = new URL(page.url, root).href;
          item.append(link);
          list.append(item);
        });
        details.append(list);
        box.append(details);
      }
      var remove = element("button", "md-button kk-luring-hapus", TEXT.remove(manifest.judul));
      remove.type = "button";
      remove.addEventListener("click", function () {
        caches.delete(PAKET + manifest.nama).then(function () {
          box.replaceChildren(element("p", "", TEXT.removed(manifest.judul)));
          refreshButton();
        });
      });
      box.append(remove);
      body.append(box);
    }

    function persist() {
      var note = element("p", "kk-luring-tetap");
      body.append(note);
      if (!navigator.storage || !navigator.storage.persist) {
        note.textContent = TEXT.noPersist;
        return;
      }
      navigator.storage.persist().then(function (granted) {
        note.textContent = granted ? TEXT.persisted : TEXT.notPersisted;
      }, function () { note.textContent = TEXT.noPersist; });
    }

    button.addEventListener("click", show);
    refreshButton();
  }

  var holders = document.querySelectorAll(".kk-luring[data-kk-paket]");
  if (!supported) {
    holders.forEach(function (holder) { holder.append(element("p", "", TEXT.unsupported)); });
    return;
  }
  navigator.serviceWorker.register(new URL("sw.js", root).href).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    holders.forEach(control);
    tellNewVersion(registration);
    // Back online: ask whether a newer build was published (the browser compares sw.js,
    // 4 KB); a new worker then updates the saved packages, changed files only.
    window.addEventListener("online", function () {
      registration.update().catch(function () { return null; });
    });
  }, function () {
    // No worker here (the live preview of `make serve` has none): make sure one left by
    // an earlier build on the same address cannot answer for the preview's pages.
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { registration.unregister(); });
    });
  });
})();
