"""Journeys between features, walked as a reader on a 360 px phone would: a plan opened
from a link, the way from a module to the jabatan pages, and the catalogue as a page
(Back, an empty result, sessions judged by the reader's clock).

The seed site is built once per session (tests/conftest.py `seed_site`).
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.browser import accessibility_tree, new_context
from tests.constants import TODAY

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PLANNER = "rencana-belajar/"
CATALOGUE = "katalog/"


@pytest.fixture
def page(chromium):
    context = new_context(chromium, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def goto(page, url: str) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url


def shoot(page, name: str, *, full_page: bool = False) -> None:
    """Save a screenshot when BROWSER_SCREENSHOTS names a folder (for design review)."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=full_page)


def in_view_below_header(page, selector: str) -> bool:
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return box.top >= header.bottom - 1 && box.bottom <= innerHeight;
        }""",
        selector,
    )


@pytest.mark.parametrize(
    "link",
    [
        "#jabatan=pengawas",  # a shared plan link
        "?jabatan=pengawas",  # "Buka rencana belajar Pengawas" on the jabatan page
    ],
)
def test_a_plan_opened_from_a_link_is_announced_in_view_with_focus(page, base_url, link):
    goto(page, base_url + PLANNER + link)
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('dimuat')")
    assert page.evaluate("document.activeElement.id") == "kk-hasil-judul"
    assert in_view_below_header(page, "#kk-hasil-judul")
    status = page.inner_text("#kk-status")
    assert status.startswith("Rencana dari tautan dimuat:"), status
    live = page.get_attribute("#kk-status", "role"), page.get_attribute("#kk-status", "aria-live")
    assert live == ("status", "polite")


def test_the_jabatan_pages_button_opens_the_announced_plan(page, base_url):
    goto(page, base_url + "jabatan/pengawas/")
    page.get_by_role("link", name=re.compile("^Buka rencana belajar Pengawas")).first.click()
    page.wait_for_url(re.compile(r"/rencana-belajar/\?jabatan=pengawas"))
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('dimuat')")
    assert page.evaluate("document.activeElement.id") == "kk-hasil-judul"
    assert in_view_below_header(page, "#kk-hasil-judul")


def test_a_module_for_every_jabatan_leads_to_each_jabatan_page(page, base_url):
    goto(page, base_url + "modul/keamanan-siber-dasar/")
    links = [n.name for n in accessibility_tree(page) if n.role == "link"]
    for jabatan in ("CPNS", "Pengawas", "JPT Utama", "Fungsional keahlian"):
        assert jabatan in links, f"no link named {jabatan!r} on the module page"
    page.get_by_role("link", name="Pengawas", exact=True).first.click()
    assert page.url.endswith("/jabatan/pengawas/")


# --- the catalogue as a page ----------------------------------------------------------


def listed(page) -> list[str]:
    return page.eval_on_selector_all(
        ".kk-katalog-modul:not([hidden]) a, .kk-katalog-hasil:not([hidden]) li a",
        "links => links.filter(a => a.offsetParent !== null && a.closest('li'))"
        ".map(a => new URL(a.href).pathname.split('/')[2])",
    )


def count_text(page) -> str:
    return page.inner_text(".kk-katalog-jumlah")


def test_catalogue_filters_enter_the_history_so_back_undoes_them(page, base_url):
    goto(page, base_url + "jabatan/pengawas/")
    goto(page, base_url + CATALOGUE)
    everything = count_text(page)
    page.select_option("#kk-jabatan", "pengawas")
    by_jabatan = count_text(page)
    page.select_option("#kk-moda", "coaching")
    both = count_text(page)
    assert len({everything, by_jabatan, both}) == 3
    assert "jabatan=pengawas" in page.url and "moda=coaching" in page.url
    page.go_back()
    page.wait_for_function("!location.search.includes('moda=')")
    assert count_text(page) == by_jabatan
    assert page.input_value("#kk-moda") == "" and page.input_value("#kk-jabatan") == "pengawas"
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert count_text(page) == everything and page.input_value("#kk-jabatan") == ""
    page.go_forward()
    page.wait_for_function("location.search.includes('jabatan=pengawas')")
    assert count_text(page) == by_jabatan
    # Back from the unfiltered catalogue leaves it for the page before, as any page does.
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(r"/jabatan/pengawas/$"))


def test_an_empty_catalogue_says_which_filter_to_loosen_and_clears_it(page, base_url):
    # Coaching for the JPT Utama at two JP at most: the JP bound is what leaves nothing.
    goto(page, base_url + CATALOGUE + "?jabatan=jpt-utama&moda=coaching&jp_max=2")
    assert count_text(page).startswith("0 dari ")
    box = page.locator(".kk-katalog-kosong")
    assert box.is_visible()
    assert "Longgarkan" in box.inner_text()
    buttons = box.get_by_role("button")
    names = buttons.all_inner_texts()
    assert names[-1] == "Hapus semua saringan"
    assert any(name.startswith("Hapus JP ") for name in names), names
    box.evaluate("box => box.scrollIntoView({block: 'center'})")
    shoot(page, "katalog-kosong-360")
    box.get_by_role("button", name=re.compile("^Hapus JP ")).click()
    assert not count_text(page).startswith("0 ")
    assert not box.is_visible()
    assert "jp_max" not in page.url and "jabatan=jpt-utama" in page.url
    page.go_back()
    page.wait_for_function("location.search.includes('jp_max=2')")
    assert box.is_visible()
    box.get_by_role("button", name="Hapus semua saringan").click()
    page.wait_for_function("location.search === ''")
    assert not box.is_visible()


def test_archived_modules_are_listed_only_when_asked_for(page, base_url, seed_site):
    html = (seed_site / "katalog" / "index.html").read_text(encoding="utf-8")
    archived = {
        item.a["href"].rstrip("/").rsplit("/", 1)[-1]
        for item in BeautifulSoup(html, "html.parser").select('li.kk-katalog-modul[data-arsip="1"]')
    }
    assert archived, "the seed has no archived module in the catalogue"
    goto(page, base_url + CATALOGUE + "?urut=judul")
    assert not archived & set(listed(page))
    page.check("#kk-arsip")
    assert archived <= set(listed(page))
    assert "arsip=1" in page.url


def test_upcoming_sessions_are_judged_by_the_readers_clock(chromium, base_url):
    # Built on the tests' day (29 November 2026); read on 8 December 2026 at 13.00 WIB, after
    # the only session of "keputusan-berbasis-data" ended (09.00–11.30 WIB that day).
    context = new_context(chromium, viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-08T06:00:00Z")
    goto(page, base_url + CATALOGUE + "?mendatang=1&urut=sesi")
    shown = listed(page)
    assert "keputusan-berbasis-data" not in shown
    assert "antikorupsi-gratifikasi" in shown  # its session of 9 December is still ahead
    first = page.locator(".kk-katalog-hasil li").first.inner_text()
    assert "sesi berikutnya 9 Desember 2026" in first, first
    context.close()
    # The same list before that session ended still has it.
    context = new_context(chromium, viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-08T01:00:00Z")
    goto(page, base_url + CATALOGUE + "?mendatang=1")
    assert "keputusan-berbasis-data" in listed(page)
    context.close()


def test_catalogue_selects_show_their_whole_value_at_360_px(page, base_url):
    goto(page, base_url + CATALOGUE + "?jabatan=administrator&jalur=spbe&urut=jp-turun")
    cut = page.evaluate(
        """() => {
            const canvas = document.createElement('canvas').getContext('2d');
            return [...document.querySelectorAll('.kk-katalog-saring select')].flatMap(select => {
                const style = getComputedStyle(select);
                canvas.font = style.font;
                // Room for the text: the box less its padding and the arrow (about 24 px).
                const room = select.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight) - 24;
                return [...select.options]
                    .filter(option => canvas.measureText(option.textContent).width > room)
                    .map(option => option.textContent);
            });
        }"""
    )
    assert cut == [], cut


def test_the_home_pages_nearest_sessions_are_refilled_when_one_passes(chromium, base_url):
    def nearest(at: str) -> list[str]:
        context = new_context(chromium, viewport=PHONE)
        page = context.new_page()
        page.clock.set_fixed_time(at)
        goto(page, base_url)
        page.wait_for_selector(".kk-zona-pilihan select")
        shown = page.eval_on_selector_all(
            ".kk-sesi-akan li .kk-sesi-waktu",
            "spans => spans.filter(s => s.offsetParent !== null)"
            ".map(s => s.getAttribute('data-selesai'))",
        )
        context.close()
        return shown

    built = nearest("2026-11-29T00:00:00Z")
    assert len(built) == 5
    # Just after the first of them ended: still five, the rest moved up and one more.
    ended = datetime.datetime.fromisoformat(built[0]) + datetime.timedelta(minutes=1)
    later = nearest(ended.isoformat())
    assert len(later) == 5, later
    assert later[:4] == built[1:], (built, later)
    assert later[4] not in built


# --- small things a reader notices ----------------------------------------------------


def test_the_printed_plan_is_the_page_a_supervisor_signs(page, base_url):
    # Read on the day of the build, so the plan's sessions are still ahead.
    page.clock.set_fixed_time(f"{TODAY}T03:00:00Z")
    goto(page, base_url + PLANNER + "#jabatan=cpns")
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('dimuat')")
    share = page.input_value("#kk-tautan")
    assert not page.locator(".kk-tanda-tangan").is_visible()
    page.emulate_media(media="print")
    printed = page.inner_text(".md-content__inner")
    assert "Jabatan: CPNS" in printed
    assert f"Rencana ini di situs: {share}" in printed
    assert page.locator(".kk-tanda-tangan").is_visible()
    assert printed.count("Nama, NIP dan tanda tangan") == 2
    items = page.locator("#kk-daftar li").all_inner_texts()
    assert items and all(" JP" in item for item in items), items
    assert any("sesi langsung berikutnya" in item for item in items), items
    controls = page.eval_on_selector_all(
        ".md-content__inner button, .md-content__inner select, .md-content__inner input",
        "found => found.filter(c => c.getClientRects().length).map(c => c.outerHTML.slice(0, 80))",
    )
    assert controls == [], controls
    shoot(page, "rencana-cetak-360", full_page=True)


WORDS_CUT = """() => {
    const cut = [];
    for (const cell of document.querySelectorAll('.md-typeset td, .md-typeset th')) {
        // Headers kept for screen readers only (a phone's stacked rows) sit in a 1 px box.
        const head = cell.closest('thead');
        if (head && head.getBoundingClientRect().width <= 1) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('code, a[href^="http"]')) continue;
            const re = /[\\p{L}\\p{N}]+/gu;
            for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (tops.size > 1) cut.push(m[0]);
            }
        }
    }
    return cut;
}"""


@pytest.mark.parametrize(
    "path",
    ["modul/keamanan-siber-dasar/", "jalur-belajar/orientasi-cpns/", "halaman/pengakuan-jp/"],
)
def test_table_words_are_not_broken_mid_word_at_360_px(page, base_url, path):
    goto(page, base_url + path)
    assert page.evaluate(WORDS_CUT) == []
