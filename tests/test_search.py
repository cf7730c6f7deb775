"""Search and the catalogue on the seed site, in Chromium, as a reader uses them.

Search is Pagefind's chunked index (built by `make site` into site/pagefind/), asked by the
site's own dialog (overrides/assets/pencarian.js); the catalogue (katalog/) filters its own
list (overrides/assets/katalog.js). Expectations come from the curriculum or the built
pages, not from numbers written here.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.format import models as fmt
from generator.load.files import load_sources
from generator.model.curriculum import build_curriculum
from generator.text.dates import short_date
from generator.text.numbers import jp_text
from generator.validate import validate
from tests.browser import (
    Traffic,
    _QuietHandler,
    describe_violations,
    horizontal_overflow,
    new_context,
    run_axe,
    serve,
)
from tests.constants import REPO, TODAY
from tests.search_bundle import fragments

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PREVIEW = (
    "Pencarian tidak tersedia di pratinjau langsung; jalankan make site lalu buka folder site/."
)


@pytest.fixture(scope="module")
def base(seed_site):
    with serve(seed_site) as url:
        yield url


@pytest.fixture
def page(chromium, base):
    # Routes cannot see what a service worker fetches, and a test here replaces the
    # glossary by a route; the worker's own search is tested in tests/test_offline.py.
    context = new_context(chromium, viewport=PHONE, service_workers="block")
    traffic = Traffic()
    traffic.watch(context)
    tab = context.new_page()
    tab.traffic = traffic
    yield tab
    problems = traffic.problems()
    context.close()
    assert not problems, problems


@functools.cache
def seed_index():
    return validate(load_sources(REPO), today=datetime.date.fromisoformat(TODAY)).index


def body_text(site: Path, url: str) -> str:
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]")
    return body.get_text(" ").casefold()


def open_dialog(page, base, path="modul/zona-integritas/"):
    page.goto(base + path)
    page.get_by_role("button", name="Cari di situs").click()
    page.wait_for_selector("dialog.kk-cari[open] #kk-cari-kata")


def search(page, query: str) -> list[dict]:
    """Type a query into the dialog; the shown results as {url, text}."""
    page.fill("#kk-cari-kata", query)
    return shown_results(page, query)


def shown_results(page, query: str) -> list[dict]:
    """Once the dialog has answered `query`: the shown results as {url, text}."""
    page.wait_for_function(
        """q => {
            const s = document.querySelector('.kk-cari-status').textContent;
            return s.includes('“' + q + '”') && (document.querySelector('.kk-cari-butir')
                || s.startsWith('Tidak ada'));
        }""",
        arg=query,
    )
    return page.eval_on_selector_all(
        ".kk-cari-butir",
        "items => items.map(li => ({url: new URL(li.querySelector('a').href).pathname,"
        " text: li.innerText}))",
    )


def api_urls(page, base, query: str) -> set[str]:
    """Every result of Pagefind's own JavaScript API for `query` (no dialog, no paging)."""
    return set(
        page.evaluate(
            """async ([root, q]) => {
                const pagefind = await import(root + 'pagefind/pagefind.js');
                await pagefind.options({baseUrl: '/'});
                const found = await pagefind.search(q);
                const data = await Promise.all(found.results.map(r => r.data()));
                return data.map(d => d.url);
            }""",
            [base, query],
        )
    )


def test_first_visits_request_no_search_file(chromium, base, seed_site):
    assert not (seed_site / "search").exists()
    context = new_context(chromium, viewport=PHONE)
    traffic = Traffic()
    traffic.watch(context)
    tab = context.new_page()
    for path in ["", "modul/zona-integritas/", "katalog/", "glosarium/"]:
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    context.close()
    paths = [urlsplit(url).path for url in traffic.requests]
    assert "/modul/zona-integritas/" in paths
    search_files = [
        path
        for path in paths
        if path.startswith(("/search/", "/pagefind/")) or path.startswith("/assets/pencarian-")
    ]
    assert not search_files, search_files
    assert not traffic.problems(), traffic.problems()


def test_melayani_finds_the_competency_and_modules_that_say_pelayanan(page, base, seed_site):
    open_dialog(page, base)
    shown = search(page, "melayani")
    assert shown[0]["url"] == "/kompetensi/berakhlak/berorientasi-pelayanan/", shown[:3]
    assert shown[0]["text"].splitlines()[0] == "Berorientasi Pelayanan"
    # More results than one page: the button to show them; fewer: no button.
    assert len(shown) == 8
    more = page.get_by_role("button", name="Tampilkan lebih banyak")
    more.click()
    page.wait_for_function("document.querySelectorAll('.kk-cari-butir').length === 16")
    # Focus goes to the first new result, so a keyboard or screen reader user reads on.
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.kk-cari-butir a')[8]"
    )
    assert "Kompetensi" in shown[0]["text"]
    only_pelayanan = {
        f"/modul/{folder.name}/"
        for folder in (seed_site / "modul").iterdir()
        if "pelayanan" in (text := body_text(seed_site, f"modul/{folder.name}/"))
        and "melayani" not in text
    }
    assert only_pelayanan, "the seed has no module that says only 'pelayanan'"
    found = api_urls(page, base, "melayani")
    assert only_pelayanan <= found, only_pelayanan - found


def test_berintegritas_finds_the_integrity_pages(page, base, seed_site):
    titled = {
        record["url"]
        for record in fragments(seed_site).values()
        if re.search(r"\bintegritas\b", record["meta"]["title"], re.I)
    }
    assert "/modul/zona-integritas/" in titled and len(titled) >= 3
    open_dialog(page, base)
    shown = search(page, "berintegritas")
    assert shown
    assert titled <= api_urls(page, base, "berintegritas"), titled
    assert any(item["url"] in titled for item in shown[:3]), shown[:3]


def test_abbreviation_and_expansion_give_the_same_top_module(page, base):
    open_dialog(page, base, "")
    top = {}
    for query in ("ZI", "zona integritas"):
        modules = [item for item in search(page, query) if "\nModul" in "\n" + item["text"]]
        top[query] = modules[0]["url"]
    assert top["ZI"] == top["zona integritas"] == "/modul/zona-integritas/", top
    spbe = [
        search(page, query)[:3] for query in ("SPBE", "Sistem Pemerintahan Berbasis Elektronik")
    ]
    assert spbe[0] and [r["url"] for r in spbe[0]] == [r["url"] for r in spbe[1]], spbe


def test_a_query_naming_many_abbreviations_answers_within_a_second(page, base):
    """Each abbreviation in a query doubles its variants: 18 of them made 262,144 queries
    and froze the page. A glossary built to expand as much as it can now answers at once."""
    pairs = [[f"K{i}", f"integritas pelayanan {i}"] for i in range(1, 19)]
    page.route(
        "**/assets/pencarian-glosarium.json",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(pairs)
        ),
    )
    open_dialog(page, base, "")
    assert search(page, "integritas")  # Pagefind and the glossary are loaded
    query = " ".join(f"K{i}" for i in range(1, 19))
    started = time.monotonic()
    found = search(page, query)
    elapsed = time.monotonic() - started
    assert found and elapsed < 1.0, elapsed
    status = page.text_content(".kk-cari-status")
    also = status.split("Juga dicari: ", 1)[1].split(", ")
    assert 1 <= len(also) <= 7, status


def test_result_says_kind_track_jp_and_level_and_marks_the_words(page, base):
    index = seed_index()
    module = index.modules["zona-integritas"].model
    track = index.tracks[index.track_of("zona-integritas")].model
    open_dialog(page, base)
    page.fill("#kk-cari-kata", "zona integritas")
    item = page.locator(".kk-cari-butir", has=page.locator('a[href$="/modul/zona-integritas/"]'))
    info = item.locator(".kk-cari-info").inner_text()
    jp = index.module_jp("zona-integritas")
    assert info.startswith("Modul")
    assert track.title in info and f"{jp_text(jp)} JP" in info and fmt.LEVELS[module.level] in info
    curriculum = build_curriculum(index, today=datetime.date.fromisoformat(TODAY))
    upcoming = curriculum.upcoming_sessions("zona-integritas")
    assert upcoming, "the seed's zona-integritas module has an upcoming session"
    assert f"sesi berikutnya {short_date(upcoming[0].start.date())}" in info
    marks = item.locator(".kk-cari-cuplikan mark").all_inner_texts()
    words = {re.sub(r"\W", "", mark.casefold()) for mark in marks}
    assert words == {"zona", "integritas"}, marks


def test_a_typo_gets_a_suggestion_that_searches(page, base):
    open_dialog(page, base)
    assert search(page, "gratifkasi") == []
    assert page.get_by_role("button", name="Tampilkan lebih banyak").is_hidden()
    offer = page.locator(".kk-cari-saran button")
    assert offer.inner_text() == "gratifikasi"
    assert page.locator(".kk-cari-saran").inner_text().startswith("Mungkin maksud Anda:")
    offer.click()
    page.wait_for_selector('.kk-cari-butir a[href$="/modul/antikorupsi-gratifikasi/"]')


def test_search_by_keyboard_only(page, base):
    page.goto(base + "jadwal/")
    page.keyboard.press("/")
    page.wait_for_selector("dialog.kk-cari[open]")
    assert page.evaluate("document.activeElement.id") == "kk-cari-kata"
    page.keyboard.press("Escape")
    assert page.locator("dialog.kk-cari[open]").count() == 0
    page.keyboard.press("s")
    page.wait_for_selector("dialog.kk-cari[open]")
    page.keyboard.type("gratifikasi")
    assert shown_results(page, "gratifikasi")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.href")
    assert second == page.eval_on_selector_all(".kk-cari-butir a", "links => links[1].href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kk-cari-kata"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.kk-cari-butir') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")
    target = page.evaluate("new URL(document.activeElement.href).pathname")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == target)
    # Opened from the header's button, closing returns focus to the button.
    page.get_by_role("button", name="Cari di situs").focus()
    page.keyboard.press("Enter")
    # A search first: leaving the page while Pagefind still loads would cancel requests.
    search(page, "gratifikasi")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('kk-cari-tombol')")
    # Typing in a form field never opens the dialog.
    page.goto(base + "katalog/")
    page.focus("#kk-jp-min")
    page.keyboard.press("s")
    assert page.locator("dialog.kk-cari[open]").count() == 0


def test_search_dialog_is_accessible_at_360_px(page, base):
    open_dialog(page, base)
    search(page, "pelayanan")
    dialog = page.get_by_role("dialog", name="Cari")
    assert dialog.is_visible()
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["width"], overflow


def test_live_preview_says_once_that_search_is_unavailable(chromium, seed_site):
    class WithoutBundle(_QuietHandler):
        # What `mkdocs serve` is: the site without site/pagefind/.
        def send_head(self):
            if self.path.startswith("/pagefind/"):
                self.send_error(404)
                return None
            return super().send_head()

    context = new_context(chromium, viewport=PHONE)
    tab = context.new_page()
    with serve(seed_site, WithoutBundle) as url:
        tab.goto(url + "modul/zona-integritas/")
        tab.get_by_role("button", name="Cari di situs").click()
        tab.wait_for_function(
            "t => document.querySelector('.kk-cari-status').textContent === t", arg=PREVIEW
        )
        assert tab.locator("#kk-cari-kata").is_hidden()
        assert tab.get_by_role("button", name="Tampilkan lebih banyak").is_hidden()
        assert tab.locator("dialog.kk-cari").inner_text().count(PREVIEW) == 1
    context.close()


# --- the catalogue -------------------------------------------------------------------------


def published_modules() -> dict[str, fmt.Module]:
    index = seed_index()
    return {module_id: index.modules[module_id].model for module_id in index.published("module")}


def shown_modules(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            ".kk-katalog-modul:not([hidden]) a, .kk-katalog-hasil:not([hidden]) li a",
            "links => links.filter(a => a.offsetParent !== null)"
            ".map(a => new URL(a.href).pathname.split('/')[2])",
        )
    )


def test_catalogue_filters_by_jabatan_and_mode_exactly_as_the_curriculum_says(page, base):
    modules = published_modules()
    jabatan, mode = "pengawas", "coaching"
    expected = {
        module_id
        for module_id, module in modules.items()
        if seed_index().serves("module", module_id, jabatan)
        and mode in {activity.mode for activity in module.activities}
    }
    assert expected and len(expected) < len(modules)
    page.goto(base + "katalog/")
    # Archived modules only when asked for (tests/test_journeys.py).
    modules = {m: module for m, module in modules.items() if seed_index().is_offered("module", m)}
    expected = {m for m in expected if m in modules}
    assert shown_modules(page) == set(modules)
    page.select_option("#kk-jabatan", jabatan)
    by_jabatan = {m for m in modules if seed_index().serves("module", m, jabatan)}
    assert shown_modules(page) == by_jabatan
    page.select_option("#kk-moda", mode)
    assert shown_modules(page) == expected
    assert page.locator(".kk-katalog-jumlah").inner_text() == (
        f"{len(expected)} dari {len(modules)} modul"
    )
    # Counts per value: what choosing it would leave, with the other filters kept.
    label = page.locator("#kk-moda option[value=webinar]").inner_text()
    webinar = {
        m for m in by_jabatan if "webinar" in {activity.mode for activity in modules[m].activities}
    }
    assert label == f"{fmt.MODES['webinar'][0]} ({len(webinar)})"
    # The state is in the address: opening it again shows the same list.
    assert "jabatan=pengawas" in page.url and "moda=coaching" in page.url
    page.goto(page.url)
    assert shown_modules(page) == expected


def test_catalogue_combines_jp_range_upcoming_and_sorts(page, base):
    index = seed_index()
    modules = published_modules()
    page.goto(base + "katalog/?jp_min=4&jp_max=10&mendatang=1&urut=jp")
    curriculum = build_curriculum(index, today=datetime.date.fromisoformat(TODAY))
    expected = [
        m
        for m in curriculum.modules
        if 4 <= index.module_jp(m) <= 10 and curriculum.upcoming_sessions(m)
    ]
    assert expected
    order = page.eval_on_selector_all(
        ".kk-katalog-hasil li a", "links => links.map(a => new URL(a.href).pathname.split('/')[2])"
    )
    assert set(order) == set(expected)
    jps = [index.module_jp(m) for m in order]
    assert jps == sorted(jps)
    assert set(modules) >= set(order)


def test_catalogue_is_accessible_at_360_px(page, base):
    page.goto(base + "katalog/?jabatan=administrator&urut=judul")
    page.wait_for_selector(".kk-katalog-saring:not([hidden])")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["width"], overflow


def test_catalogue_without_javascript_lists_every_published_module_by_track(seed_site):
    index = seed_index()
    modules = published_modules()
    soup = BeautifulSoup((seed_site / "katalog" / "index.html").read_text("utf-8"), "html.parser")
    assert "penyaringan dan pengurutan memerlukan JavaScript" in soup.get_text()
    listed = {}
    for section in soup.select(".kk-katalog-jalur"):
        track = section.h2.get_text().removesuffix("¶").strip()
        for item in section.select("li"):
            module_id = item.a["href"].strip("/").split("/")[-1]
            listed[module_id] = (track, item.get_text())
    assert set(listed) == set(modules)
    for module_id, (track, text) in listed.items():
        module = modules[module_id]
        assert track == index.tracks[index.track_of(module_id)].model.title
        assert fmt.LEVELS[module.level] in text and " JP" in text
        assert ("Diarsipkan" in text) == (module.status == "archived"), module_id
    drafts = [m for m, item in index.modules.items() if item.model.status == "draft"]
    archived = [m for m, module in modules.items() if module.status == "archived"]
    assert drafts and archived, "the seed has a draft and an archived module"
    assert not set(drafts) & set(listed)
    # Drafts are in no search record either; archived ones say so.
    records = {record["url"]: record for record in fragments(seed_site).values()}
    for draft in drafts:
        title = index.modules[draft].model.title
        assert not [u for u, r in records.items() if title in r["content"] or draft in u]
    for module_id in archived:
        assert records[f"/modul/{module_id}/"]["meta"]["status"] == "Diarsipkan"
