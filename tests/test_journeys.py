"""Journeys between features, walked as a reader on a 360 px phone would: a plan opened
from a link, the way from a module to the jabatan pages, and the catalogue as a page
(Back, an empty result, sessions judged by the reader's clock).

The seed site is built once per session (tests/conftest.py `seed_site`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser import accessibility_tree, new_context

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
