"""Offline reading on the seed site, in Chromium, as a reader on a failing connection uses it.

"Offline" is both sides of a real outage: the context is set offline (the page's
`navigator.onLine` and its `online` event) and the local server drops every connection
(the service worker's own fetches, which the context's setting does not reach). The
expected pages, sizes and words come from the built manifests and pages.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import re
import shutil
import threading
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Traffic, new_context, serve

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
PATHWAY = "orientasi-cpns"


class _Switch(http.server.SimpleHTTPRequestHandler):
    """Serves the site, or, while `down` is set, closes every connection unanswered."""

    down = threading.Event()

    def handle(self) -> None:
        if self.down.is_set():
            self.close_connection = True
            return
        super().handle()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base(seed_site) -> Iterator[str]:
    with serve(seed_site, _Switch) as url:
        yield url


@contextlib.contextmanager
def offline(context) -> Iterator[None]:
    _Switch.down.set()
    context.set_offline(True)
    try:
        yield
    finally:
        _Switch.down.clear()
        context.set_offline(False)


def manifest(site: Path, name: str) -> dict:
    return json.loads((site / "luring" / f"{name}.json").read_text(encoding="utf-8"))


def size_text(size: int) -> str:
    """The size as the dialog words it (id-ID: decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB".replace(",", ".")
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " MB"


def search(page, query: str) -> list[str]:
    page.get_by_role("button", name="Cari di situs").click()
    page.wait_for_selector("dialog.kk-cari[open] #kk-cari-kata")
    page.fill("#kk-cari-kata", query)
    page.wait_for_function(
        "q => document.querySelector('.kk-cari-status').textContent.includes('“' + q + '”')",
        arg=query,
    )
    page.wait_for_selector(".kk-cari-butir a")
    return page.eval_on_selector_all(
        ".kk-cari-butir a", "links => links.map(a => new URL(a.href).pathname)"
    )


def save(page, base: str, name: str) -> None:
    page.goto(f"{base}{name}/")
    page.get_by_role("button", name="Simpan untuk luring").click()
    page.locator(".kk-luring-simpan.md-button--primary").click()
    page.wait_for_selector(".kk-luring-tersimpan")


def test_a_saved_pathway_reads_and_searches_offline(chromium, base, seed_site):
    package = manifest(seed_site, f"jalur-belajar/{PATHWAY}")
    whole = manifest(seed_site, "situs")
    context = new_context(chromium, viewport=PHONE)
    traffic = Traffic()
    traffic.watch(context)
    page = context.new_page()
    page.goto(f"{base}jalur-belajar/{PATHWAY}/")
    page.get_by_role("button", name="Simpan untuk luring").click()
    own = page.locator(".kk-luring-simpan.md-button--primary")
    # The exact size is shown before anything of the package is downloaded.
    assert f"({size_text(package['ukuran'])}, {len(package['berkas'])} berkas)" in own.inner_text()
    everything = page.locator(".kk-luring-simpan", has_text="seluruh situs").inner_text()
    assert f"({size_text(whole['ukuran'])}, {len(whole['berkas'])} berkas)" in everything
    assert not [url for url in traffic.requests if "/modul/" in url or "pf_fragment" in url]
    own.click()
    done = page.locator(".kk-luring-tersimpan")
    done.wait_for()
    assert f"{len(package['halaman'])} halaman" in done.inner_text()
    page.wait_for_selector(".kk-luring-tetap:not(:empty)")
    page.get_by_role("button", name="Tutup").click()

    modules = [entry for entry in package["halaman"] if entry["url"].startswith("modul/")]
    saved = {entry["url"] for entry in package["halaman"]}
    unsaved = next(
        f"modul/{path.name}/"
        for path in sorted((seed_site / "modul").iterdir())
        if f"modul/{path.name}/" not in saved
    )
    with offline(context):
        for entry in modules:
            page.goto(base + entry["url"])
            assert page.title() == f"{entry['judul']} - Kurikulum Kompetensi ASN"
            assert page.locator("article h1").count() == 1
        # The planner (opened as the pathway page links it) and the zone choice.
        page.goto(f"{base}rencana-belajar/?jabatan=cpns&jalur-belajar={PATHWAY}")
        page.wait_for_selector('#kk-rencana-form button[type="submit"]:enabled')
        page.goto(f"{base}jalur-belajar/{PATHWAY}/")
        page.select_option("#kk-zona-pilih-0", "WIT")
        firsts = page.locator(".kk-sesi-waktu strong").all_inner_texts()
        assert firsts and all(text.endswith("WIT") for text in firsts)
        page.goto(base + modules[0]["url"])
        assert "modul/antikorupsi-gratifikasi/" in saved
        assert "/modul/antikorupsi-gratifikasi/" in search(page, "gratifikasi")
        page.goto(base + unsaved)
        assert page.locator("h1").inner_text() == "Anda sedang luring"
        listed = page.locator("main a").evaluate_all("links => links.map(a => a.href)")
        assert base + modules[0]["url"] in listed
        assert page.locator("html").get_attribute("lang") == "id"
        page.go_back()
        page.wait_for_url(base + modules[0]["url"])
        page.get_by_role("button", name="Cari di situs").click()
    # Back online, on the same page, without reloading: the whole index answers again.
    page.fill("#kk-cari-kata", "")
    title_word = unsaved.split("/")[1].split("-")[0]
    page.fill("#kk-cari-kata", title_word)
    page.wait_for_selector(f'.kk-cari-butir a[href$="/{unsaved}"]')
    assert traffic.foreign() == []
    context.close()


def test_search_that_failed_offline_comes_back_by_itself(chromium, base):
    context = new_context(chromium, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base}modul/zona-integritas/")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    with offline(context):
        page.get_by_role("button", name="Cari di situs").click()
        page.wait_for_selector(".kk-cari-status:has-text('Pencarian gagal dimuat')")
        assert page.locator(".kk-cari-borang").is_hidden()
    page.wait_for_selector("#kk-cari-kata", state="visible")
    page.fill("#kk-cari-kata", "integritas")
    page.wait_for_selector('.kk-cari-butir a[href$="/modul/zona-integritas/"]')
    context.close()


def test_nothing_for_offline_is_fetched_until_asked(chromium, base, seed_site):
    context = new_context(chromium, viewport=PHONE)
    traffic = Traffic()
    traffic.watch(context)
    page = context.new_page()
    page.goto(f"{base}jalur-belajar/{PATHWAY}/")
    page.get_by_role("button", name="Simpan untuk luring").wait_for()
    fetched = {url.removeprefix(base).split("?")[0] for url in traffic.requests}
    assert not {name for name in fetched if name.startswith(("luring/", "pagefind/", "modul/"))}
    context.close()


class _Logged(http.server.SimpleHTTPRequestHandler):
    """Serves the site and remembers every path asked for."""

    asked: typing.ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path.split("?")[0])
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


def publish_change(site: Path, page: str) -> str:
    """What a new build with one changed page publishes: the page, the manifests that list
    it (its new hash and size), and a service worker with a new version."""
    path = site / page / "index.html"
    path.write_bytes(path.read_bytes().replace(b"</body>", b"<!-- baru --></body>"))
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    for manifest_path in (site / "luring").rglob("*.json"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in manifest.get("berkas", []):
            if entry["url"] == page:
                entry.update(sha256=digest, ukuran=len(data))
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    worker = site / "sw.js"
    text = worker.read_text(encoding="utf-8")
    version = re.search(r'var VERSI = "([^"]+)"', text)[1]
    worker.write_text(text.replace(version, "versi-baru-uji"), encoding="utf-8")
    return digest


def test_a_new_build_updates_saved_pathways_fetching_only_changed_files(
    chromium, seed_site, tmp_path
):
    site = shutil.copytree(seed_site, tmp_path / "site")
    changed = "modul/arsip-digital/"
    with serve(site, _Logged) as base:
        context = new_context(chromium, viewport=PHONE)
        page = context.new_page()
        save(page, base, f"jalur-belajar/{PATHWAY}")
        page.reload()
        assert page.locator(".kk-luring-kabar").count() == 0
        digest = publish_change(site, changed)
        _Logged.asked.clear()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        # Playwright's wait_for_function does not await a promise: poll in the page.
        updated = page.evaluate(
            """async ([name, url, digest]) => {
                const key = new URL('/luring/' + name + '.json', location).href;
                for (let tries = 0; tries < 300; tries++) {
                    const held = await (await caches.open('kk-paket-' + name)).match(key);
                    const manifest = held ? await held.json() : {berkas: []};
                    if (manifest.berkas.some(f => f.url === url && f.sha256 === digest)) {
                        return true;
                    }
                    await new Promise(done => setTimeout(done, 100));
                }
                return false;
            }""",
            [f"jalur-belajar/{PATHWAY}", changed, digest],
        )
        assert updated
        assert sorted(set(_Logged.asked)) == sorted(
            {"/sw.js", f"/luring/jalur-belajar/{PATHWAY}.json", f"/{changed}"}
        )
        # Told once: on the next page, and not again after that.
        page.reload()
        page.locator(".kk-luring-kabar", has_text="sudah diperbarui").wait_for()
        page.reload()
        page.get_by_role("button", name="Tersimpan untuk luring").wait_for()
        assert page.locator(".kk-luring-kabar").count() == 0
        context.close()


def test_first_visit_of_a_module_page_stays_within_100_kb_gzipped(seed_site):
    """The page, everything it loads and the service worker its registration fetches,
    gzipped as GitHub Pages sends them: the offline code may not push it over budget."""
    import gzip
    from html.parser import HTMLParser

    class Loads(HTMLParser):
        found: typing.ClassVar[list[str]] = []

        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "link" and "stylesheet" in (values.get("rel") or "").split():
                self.found.append(values["href"])
            elif tag in {"script", "img"} and values.get("src"):
                self.found.append(values["src"])

    page = seed_site / "modul" / "zona-integritas" / "index.html"
    parser = Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    files = [page, seed_site / "sw.js"]
    files += [(page.parent / src).resolve() for src in parser.found if "://" not in src]
    assert seed_site / "assets" / "luring.js" in files
    total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    assert total <= 100 * 1024, f"{total / 1024:.1f} KB"
