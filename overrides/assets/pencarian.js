/* Site search: the header button and the keys "/", "s" and "f" open a dialog that asks
   Pagefind's chunked index (pagefind/pagefind.js, built by `make site`).

   Nothing is fetched until the dialog opens; the glossary pairs come with the first query
   and the word list for "Mungkin maksud Anda" only when a query finds nothing. Every text
   from the index is inserted as text: Pagefind stores page text unescaped, so its ready-made
   excerpt (HTML with <mark>) is not used; the matched words are marked here instead. */
(function () {
  "use strict";

  var TEXT = {
    title: "Cari",
    label: "Kata kunci",
    placeholder: "mis. pelayanan publik, ZI, SPBE",
    close: "Tutup pencarian",
    loading: "Memuat pencarian…",
    searching: "Mencari…",
    results: function (n, q) { return n + " hasil untuk “" + q + "”"; },
    none: function (q) { return "Tidak ada hasil untuk “" + q + "”."; },
    more: "Tampilkan lebih banyak",
    suggest: "Mungkin maksud Anda: ",
    also: function (q) { return "Juga dicari: " + q; },
    preview: "Pencarian tidak tersedia di pratinjau langsung; jalankan make site lalu buka folder site/.",
    savedOnly: "Tanpa sambungan, hanya halaman yang tersimpan di perangkat ini yang ditampilkan.",
    offline: "Pencarian gagal dimuat. Periksa sambungan internet Anda, lalu coba lagi.",
    page: "Halaman",
    jp: " JP",
    session: "sesi berikutnya ",
    // The kind of the pages for curriculum editors (EDITOR_KIND in generator/render/search.py).
    editorKind: "Untuk editor",
    glossaryKind: "Glosarium",
  };
  // Each result fetches its page record (2–3 KB gzipped): eight fill a phone screen twice.
  var PAGE_SIZE = 8;
  var EXCERPT_WORDS = 28;

  var script = document.currentScript;
  var root = new URL("../", script.src);
  var button = headerButton();
  var dialog = null, input, status, suggestion, list, moreButton;
  var pagefind = null, loading = null, failed = false, attempts = 0;
  var retryTimer = null, retryDelay = 1000;
  var glossary = null, words = null;
  var sequence = 0, timer = null, merged = [], shown = 0, opener = null, asked = [];
  // How much of a page's text its title and summary take, at most, in Pagefind's record.
  var OPENING_CHARACTERS = 400;

  // The button is made here, not in a copy of the theme's header template: without
  // JavaScript there is no search, so there is no dead button either. Its icon is the
  // theme's own, put in a <template> by overrides/main.html.
  function headerButton() {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "md-header__button md-icon kk-cari-tombol";
    made.setAttribute("aria-label", "Cari di situs");
    made.setAttribute("aria-haspopup", "dialog");
    made.title = "Cari (/)";
    made.hidden = true;
    var icon = document.getElementById("kk-cari-ikon");
    if (icon) made.appendChild(icon.content.cloneNode(true));
    var header = document.querySelector(".md-header__inner");
    if (header) header.insertBefore(made, header.querySelector(".md-header__source"));
    return made;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fetchJson(path) {
    return fetch(new URL(path, root)).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  function build() {
    dialog = element("dialog", "kk-cari md-typeset");
    dialog.setAttribute("aria-labelledby", "kk-cari-judul");
    var head = element("div", "kk-cari-kepala");
    var heading = element("h2", "", TEXT.title);
    heading.id = "kk-cari-judul";
    var close = element("button", "kk-cari-tutup", "×");
    close.type = "button";
    close.setAttribute("aria-label", TEXT.close);
    close.addEventListener("click", function () { dialog.close(); });
    head.append(heading, close);
    var form = element("form", "kk-cari-borang");
    form.setAttribute("role", "search");
    var label = element("label", "", TEXT.label);
    label.htmlFor = "kk-cari-kata";
    input = element("input");
    input.id = "kk-cari-kata";
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = TEXT.placeholder;
    input.setAttribute("enterkeyhint", "search");
    form.append(label, input);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(input.value);
    });
    // Escape closes the dialog at once, also when the search box holds text (a search
    // box would otherwise take the first Escape to clear itself).
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        dialog.close();
      }
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    // Arrow keys move between the query and the results, as in Material's own search.
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0 && document.activeElement !== input) return;
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else if (next < links.length) links[next].focus();
    });
    status = element("p", "kk-cari-status");
    status.setAttribute("role", "status");
    suggestion = element("p", "kk-cari-saran");
    suggestion.hidden = true;
    list = element("ol", "kk-cari-hasil");
    moreButton = element("button", "md-button kk-cari-lagi", TEXT.more);
    moreButton.type = "button";
    moreButton.hidden = true;
    moreButton.addEventListener("click", showMore);
    dialog.append(head, form, status, suggestion, list, moreButton);
    // Focus goes back where it was. Opened by a shortcut from the page itself, that is the
    // body, which cannot take focus: leave the input at once, or until the browser moves
    // focus off the closed dialog the next shortcut would count as typing in it.
    dialog.addEventListener("close", function () {
      if (dialog.contains(document.activeElement)) document.activeElement.blur();
      if (opener && opener !== document.body && opener.isConnected) opener.focus();
    });
    // A click on the backdrop (outside the dialog's box) closes it, as readers expect.
    dialog.addEventListener("click", function (event) {
      if (event.target !== dialog) return;
      var box = dialog.getBoundingClientRect();
      var inside = event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    });
    document.body.append(dialog);
  }

  /* A failed dynamic import stays failed for that address until the page reloads, and a
     Pagefind instance whose init failed keeps its error: each retry after a connection
     problem imports under a fresh address. Retried when the dialog opens again and as soon
     as the browser is back online, so the search box returns by itself. */
  function load() {
    if (loading) return loading;
    var address = new URL("pagefind/pagefind.js", root);
    if (attempts) address.search = "?ulang=" + attempts;
    attempts += 1;
    loading = import(address.href).then(function (module) {
      return module.options({ baseUrl: root.pathname }).then(function () {
        return module.init();
      }).then(function () {
        pagefind = module;
        if (dialog) {
          dialog.querySelector(".kk-cari-borang").hidden = false;
          if (status.textContent === TEXT.offline || status.textContent === TEXT.loading) {
            status.textContent = "";
          }
          if (dialog.open && !input.value) input.focus();
        }
      });
    }).catch(function () {
      failed = true;
      // The live preview (`mkdocs serve`) has no bundle: say so, once, instead of a box
      // that never answers. Anything else is a connection problem.
      return fetch(new URL("pagefind/pagefind.js", root), { method: "HEAD" })
        .then(function (response) { return response.status === 404; })
        .catch(function () { return false; })
        .then(function (missing) {
          var form = dialog.querySelector(".kk-cari-borang");
          form.hidden = true;
          status.textContent = missing ? TEXT.preview : TEXT.offline;
          if (!missing) {
            failed = false;
            loading = null;
            retryLater();
          }
        });
    });
    return loading;
  }

  /* A connection that has just come back often fails its first requests: while the
     dialog is open and the browser says it is online, try again, waiting longer each time. */
  function retryLater() {
    if (retryTimer || !navigator.onLine || !dialog || !dialog.open) return;
    retryTimer = setTimeout(function () {
      retryTimer = null;
      if (!pagefind && !loading) load();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  window.addEventListener("online", function () {
    retryDelay = 1000;
    if (dialog && !pagefind && !loading) load();
  });

  function open() {
    if (!dialog) build();
    if (dialog.open) return;
    opener = document.activeElement;
    dialog.showModal();
    if (!pagefind && !failed) status.textContent = TEXT.loading;
    load().then(function () {
      if (pagefind && status.textContent === TEXT.loading) status.textContent = "";
    });
    if (!dialog.querySelector(".kk-cari-borang").hidden) {
      input.focus();
      input.select();
    }
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function normal(text) {
    return text.toLocaleLowerCase("id").replace(/\s+/g, " ").trim();
  }

  /* At most this many queries per search: each abbreviation in a query doubles the
     variants, so a query naming many of them would otherwise freeze the page. */
  var MAX_VARIANTS = 8;

  /* The query and the same query with each glossary abbreviation swapped for its expansion
     (and back). The set is the same whichever form the reader typed, and the results of
     its queries are merged by their best score, so `ZI` and `zona integritas` rank alike. */
  function variants(query) {
    var found = [normal(query)];
    (glossary || []).forEach(function (pair) {
      if (found.length >= MAX_VARIANTS) return;
      var term = normal(pair[0]), expansion = normal(pair[1]);
      [[term, expansion], [expansion, term]].forEach(function (swap) {
        var pattern;
        if (!swap[0]) return;
        try {
          pattern = new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(swap[0]) +
            "(?=$|[^\\p{L}\\p{N}])", "u");
        } catch (error) {
          return; // a term no pattern can hold is left out, never breaks the search
        }
        found.slice().forEach(function (text) {
          if (pattern.test(text)) {
            var swapped = text.replace(pattern, function (all, before) {
              return before + swap[1];
            });
            if (found.length < MAX_VARIANTS && found.indexOf(swapped) < 0) found.push(swapped);
          }
        });
      });
    });
    return found;
  }

  function run(query) {
    var mine = ++sequence;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      suggestion.hidden = true;
      moreButton.hidden = true;
      return Promise.resolve();
    }
    status.textContent = TEXT.searching;
    var ready = glossary ? Promise.resolve() : fetchJson("assets/pencarian-glosarium.json")
      .then(function (pairs) { glossary = pairs; })
      .catch(function () { glossary = []; });
    return Promise.all([load(), ready]).then(function () {
      if (!pagefind) return null;
      var queries = variants(query);
      return Promise.all(queries.map(function (text) { return pagefind.search(text); }))
        .then(function (searches) { return { queries: queries, searches: searches }; });
    }).then(function (answer) {
      if (!answer || mine !== sequence) return;
      var best = {};
      answer.searches.forEach(function (search) {
        search.results.forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      asked = answer.queries;
      merged = Object.keys(best).map(function (id) { return best[id]; });
      merged.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
      list.replaceChildren();
      shown = 0;
      suggestion.hidden = true;
      suggestion.replaceChildren();
      if (!merged.length) {
        status.textContent = TEXT.none(query);
        moreButton.hidden = true;
        return suggest(query, mine);
      }
      status.textContent = TEXT.results(merged.length, query) +
        (answer.queries.length > 1 ? ". " + TEXT.also(answer.queries.slice(1).join(", ")) : "");
      return showMore();
    });
  }

  function showMore() {
    var mine = sequence;
    var page = merged.slice(shown, shown + PAGE_SIZE);
    shown += page.length;
    moreButton.hidden = shown >= merged.length;
    // Offline, only the records of saved pages are on the device: the others are left out.
    return Promise.all(page.map(function (result) {
      return result.data().catch(function () { return null; });
    }))
      .then(function (items) {
        if (mine !== sequence) return;
        var first = null;
        if (items.indexOf(null) >= 0 && status.textContent.indexOf(TEXT.savedOnly) < 0) {
          status.textContent = status.textContent.replace(/\.?$/, ". ") + TEXT.savedOnly;
        }
        // Offline, results whose pages are not saved come back as null: left out.
        items = items.filter(Boolean);
        if (shown <= PAGE_SIZE) items = openingFirst(items, asked);
        items.forEach(function (data) {
          var item = render(data);
          first = first || item;
          list.append(item);
        });
        if (first && shown > PAGE_SIZE) first.querySelector("a").focus();
      });
  }

  function render(data) {
    var meta = data.meta || {};
    var item = element("li", "kk-cari-butir");
    var link = element("a", "kk-cari-tautan", plain(meta.title || data.url));
    link.href = data.url;
    var info = element("p", "kk-cari-info");
    info.append(element("span", "kk-cari-jenis", meta.jenis || TEXT.page));
    var next = meta.sesi ? TEXT.session + meta.sesi : "";
    [meta.jalur, meta.jp ? meta.jp + TEXT.jp : "", meta.tingkat, next, meta.bukti].forEach(function (part) {
      if (part) info.append(" · " + part);
    });
    if (meta.status) {
      info.append(" ");
      info.append(element("span", "kk-lencana kk-arsip", meta.status));
    }
    item.append(link, info, excerpt(data));
    return item;
  }

  /* Pagefind matches word stems and prefixes, so a page that only mentions a word sharing
     the query's stem ("pengadaan" and "adaptif" both reach "ada") can outrank the page
     named by it. Within the first page of results (whose records are fetched anyway), the
     pages whose title or summary hold every word of the query, or of one of its glossary
     forms, come first, and pages for editors (the contributor guide, the format
     reference) last; the order is otherwise Pagefind's. A word is held when the page has
     a word that starts with it or shares most of its letters in a row ("melayani" and
     "pelayanan" share "elayan"; "pengadaan" and "adaptif" only "ada"). */
  function openingFirst(items, queries) {
    var wordsOf = function (text) { return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean); };
    var forms = queries.map(wordsOf);
    function common(a, b) {
      var longest = 0, previous = [], row;
      for (var i = 1; i <= a.length; i++) {
        row = [0];
        for (var j = 1; j <= b.length; j++) {
          row[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] || 0) + 1 : 0;
          if (row[j] > longest) longest = row[j];
        }
        previous = row;
      }
      return longest;
    }
    function holds(words, wanted) {
      return words.some(function (word) {
        if (word.indexOf(wanted) === 0) return true;
        var shared = common(word, wanted);
        return shared >= 4 && shared >= 0.6 * Math.min(word.length, wanted.length);
      });
    }
    function opens(data) {
      var words = wordsOf(normal((data.content || "").slice(0, OPENING_CHARACTERS)));
      return forms.some(function (wanted) {
        return wanted.length && wanted.every(function (word) { return holds(words, word); });
      });
    }
    var named = [], defined = [], other = [], editors = [];
    items.forEach(function (data) {
      var kind = (data.meta || {}).jenis;
      if (kind === TEXT.editorKind) editors.push(data);
      else if (!opens(data)) other.push(data);
      else (kind === TEXT.glossaryKind ? defined : named).push(data);
    });
    // The glossary defines a short form; the pages about the thing it names come first.
    return named.concat(defined, other, editors);
  }

  /* Headings end in the theme's permalink sign (¶), which Pagefind keeps as text. */
  function plain(text) {
    return text.replace(/\s*¶/g, "");
  }

  /* Pagefind's word locations index the page text split at white space. */
  function excerpt(data) {
    var paragraph = element("p", "kk-cari-cuplikan");
    var content = (data.content || "").split(/[\r\n\s]+/g);
    var marked = {};
    (data.locations || []).forEach(function (at) { marked[at] = true; });
    var first = (data.locations && data.locations.length) ? Math.min.apply(null, data.locations) : 0;
    var start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
    var end = Math.min(content.length, start + EXCERPT_WORDS);
    if (start > 0) paragraph.append("… ");
    for (var i = start; i < end; i++) {
      if (i > start) paragraph.append(" ");
      var word = plain(content[i]);
      if (marked[i]) paragraph.append(element("mark", "", word));
      else paragraph.append(word);
    }
    if (end < content.length) paragraph.append(" …");
    return paragraph;
  }

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [], row = [], before = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
      }
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /* "Mungkin maksud Anda": each unknown word of the query replaced by the nearest word of
     the site's titles and glossary (one edit for short words, two for longer ones). */
  function suggest(query, mine) {
    var ready = words ? Promise.resolve() : fetchJson("assets/pencarian-kata.json")
      .then(function (list) { words = list; })
      .catch(function () { words = []; });
    return ready.then(function () {
      if (mine !== sequence) return;
      var known = {};
      words.forEach(function (word) { known[word] = true; });
      var changed = false;
      var corrected = normal(query).split(" ").map(function (word) {
        if (word.length < 4 || known[word]) return word;
        var limit = word.length <= 5 ? 1 : 2, nearest = null, best = limit + 1;
        words.forEach(function (candidate) {
          var d = distance(word, candidate, limit);
          if (d < best || (d === best && nearest && candidate < nearest)) {
            best = d;
            nearest = candidate;
          }
        });
        if (nearest && best <= limit) {
          changed = true;
          return nearest;
        }
        return word;
      }).join(" ");
      if (!changed) return;
      suggestion.replaceChildren(TEXT.suggest);
      var choice = element("button", "kk-cari-usul", corrected);
      choice.type = "button";
      choice.addEventListener("click", function () {
        input.value = corrected;
        input.focus();
        run(corrected);
      });
      suggestion.append(choice);
      suggestion.hidden = false;
    });
  }

  function editable(target) {
    return target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", open);
  // Material's own shortcuts for its search; its plugin is off, so they open this dialog.
  // Captured on window first, so Material's handler does not also toggle its search.
  window.addEventListener("keydown", function (event) {
    if (dialog && dialog.open) return;
    if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  }, true);
})();
