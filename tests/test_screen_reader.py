"""Every kind of page as a screen reader and a keyboard meet it, on a 360 px phone.

Read from Chromium's accessibility tree (tests/browser.py `accessibility_tree`), not
from axe: headings are announced as their text (no "¶" from the permalinks), landmarks,
buttons and icons have Indonesian names, the page title comes right after the skip
link, and the closed navigation drawer keeps its links out of the Tab order.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import accessibility_tree, new_context

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

PAGES = {
    "beranda": "",
    "jabatan": "jabatan/pengawas/",
    "bidang (daftar)": "jalur/",
    "bidang": "jalur/spbe/",
    "modul": "modul/keamanan-siber-dasar/",
    "jalur belajar (daftar)": "jalur-belajar/",
    "jalur belajar": "jalur-belajar/orientasi-cpns/",
    "kerangka (daftar)": "kompetensi/",
    "peta kompetensi": "peta-kompetensi/",
    "katalog": "katalog/",
    "rencana belajar": "rencana-belajar/",
    "jadwal": "jadwal/",
    "glosarium": "glosarium/",
    "tag": "tag/",
    "informasi": "halaman/",
    "halaman bebas": "halaman/pengakuan-jp/",
    "kontributor": "kontributor/",
    "referensi format": "kontributor/referensi-format/",
}
# Material's English strings (and the toc extension's default permalink title) that a
# screen reader would announce if a template or a setting were left untranslated.
ENGLISH = re.compile(
    r"\b(Header|Footer|Skip to content|Back to top|Table of contents|Navigation|"
    r"Permanent link|Edit this page|Previous|Next|Search|Go to repository|Copy to clipboard)\b"
)
# Roles a screen reader announces by their name: without one they are "link", "image"…
MUST_BE_NAMED = {
    "link",
    "button",
    "image",
    "img",
    "graphics-symbol",
    "navigation",
    "region",
    "search",
    "form",
    "complementary",
    "radio",
    "checkbox",
    "combobox",
    "textbox",
    "searchbox",
}

FOCUSED = """() => {
    const el = document.activeElement;
    const where = el.closest('.md-sidebar') ? 'drawer'
        : el.closest('article') ? 'content'
        : el.closest('.md-header') ? 'header'
        : el.closest('[data-md-component=skip]') ? 'skip' : 'other';
    return {where, text: (el.getAttribute('aria-label') || el.textContent || '').trim()};
}"""


@pytest.fixture(scope="module")
def phone(chromium):
    context = new_context(chromium, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def open_page(page, url: str) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url
    # navigasi.js has run once the drawer's button carries its state.
    page.wait_for_selector('.md-header label[for="__drawer"][aria-expanded]', state="attached")


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_a_screen_reader_hears_names_in_indonesian_and_the_title_first(phone, base_url, kind):
    open_page(phone, base_url + PAGES[kind])
    tree = accessibility_tree(phone)
    pilcrows = [f"{n.role} {n.name!r}" for n in tree if "¶" in n.name]
    assert not pilcrows, f"{kind}: names holding ¶: {pilcrows[:5]}"
    english = [f"{n.role} {n.name!r}" for n in tree if ENGLISH.search(n.name)]
    assert not english, f"{kind}: English theme strings: {english[:5]}"
    unnamed = [
        f"{n.role} (after {tree[i - 1].role} {tree[i - 1].name!r})"
        for i, n in enumerate(tree)
        if n.role in MUST_BE_NAMED and not n.name
    ]
    assert not unnamed, f"{kind}: unnamed {unnamed}"

    links = [n for n in tree if n.role == "link"]
    assert links[0].name == "Lewati ke isi", f"{kind}: first link is {links[0].name!r}"
    article = next(i for i, n in enumerate(tree) if n.role == "article")
    first = tree[article + 1]
    assert (first.role, first.level) == ("heading", 1), (
        f"{kind}: the article starts with {first.role} {first.name!r}, not its title"
    )
    headings = phone.evaluate(
        """() => [...document.querySelectorAll('article h1, article h2, article h3')]
            .filter(h => h.getClientRects().length)
            .map(h => { const c = h.cloneNode(true);
                        c.querySelectorAll('.headerlink').forEach(a => a.remove());
                        return c.textContent.replace(/\\s+/g, ' ').trim(); })"""
    )
    heard = [n.name for n in tree if n.role == "heading"]
    assert [h for h in headings if h not in heard] == [], f"{kind}: headings heard as {heard}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["beranda", "modul", "katalog", "rencana belajar"])
def test_with_the_drawer_closed_tab_goes_from_the_skip_link_to_the_content(phone, base_url, kind):
    open_page(phone, base_url + PAGES[kind])
    stops = []
    for _ in range(12):
        phone.keyboard.press("Tab")
        stops.append(phone.evaluate(FOCUSED))
        if stops[-1]["where"] == "content":
            break
    assert stops[0] == {"where": "skip", "text": "Lewati ke isi"}, stops
    assert stops[-1]["where"] == "content", stops
    # Between them only the header's own controls: the menu button, colours, search.
    assert {stop["where"] for stop in stops[1:-1]} <= {"header"}, stops
    assert len(stops) <= 6, stops


@pytest.mark.browser
def test_the_menu_button_opens_the_drawer_by_keyboard_and_escape_closes_it(phone, base_url):
    open_page(phone, base_url + PAGES["modul"])
    button = phone.locator('.md-header label[for="__drawer"]')
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.evaluate(FOCUSED)["where"] == "drawer"
    names = [n.name for n in accessibility_tree(phone) if n.role == "link"]
    assert "Katalog" in names and "Jabatan Pengawas" in names
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert "Katalog" not in [n.name for n in accessibility_tree(phone) if n.role == "link"]


@pytest.mark.browser
def test_on_a_desktop_the_sidebar_stays_in_the_tab_order(chromium, base_url):
    context = new_context(chromium, viewport=DESKTOP)
    page = context.new_page()
    open_page(page, base_url + PAGES["modul"])
    names = [n.name for n in accessibility_tree(page) if n.role == "link"]
    assert "Katalog" in names
    context.close()
