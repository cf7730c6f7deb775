"""The Zensical site in Chromium: its scripts do for a reader what they do on the MkDocs site.

The search dialog, the planner, the zone choice and the catalogue are run on the site
Zensical built (`seed_site_zensical`, `mini_site_zensical`), and where an answer depends
on the curriculum it is compared with the same steps on the MkDocs site, so the
expectation is never a number written here. Every page asset must load (no HTTP error, no
failed request, no console error) and nothing may leave 127.0.0.1.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest

from tests.browser import Traffic, new_context, serve
from tests.test_browser import assert_sound_plan, plan_ids, wait_for_planner

pytestmark = pytest.mark.browser

WHEN = datetime.datetime(2026, 11, 29, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def zensical_url(seed_site_zensical):
    with serve(seed_site_zensical) as url:
        yield url


@pytest.fixture(scope="module")
def mkdocs_url(seed_site):
    with serve(seed_site) as url:
        yield url


@pytest.fixture
def tab(chromium):
    """A page in a fresh context whose traffic must be clean when the test ends."""
    opened = []

    def make(**options):
        context = new_context(chromium, **options)
        traffic = Traffic()
        traffic.watch(context)
        opened.append((context, traffic))
        page = context.new_page()
        page.clock.install(time=WHEN)
        return page

    yield make
    problems = [traffic.problems() for _, traffic in opened]
    for context, _ in opened:
        context.close()
    assert not any(problems), "\n".join(problems)


def test_every_kind_of_page_loads_its_assets_and_stays_local(tab, zensical_url, seed_site_zensical):
    page = tab()
    paths = ["", "katalog/", "jadwal/", "rencana-belajar/", "glosarium/", "tag/"]
    for folder in ("modul", "jalur", "jalur-belajar", "jabatan"):
        first = sorted((seed_site_zensical / folder).glob("*/index.html"))[0]
        paths.append(f"{folder}/{first.parent.name}/")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in paths:
        response = page.goto(zensical_url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        assert page.title(), path
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
    # The engine writes its own search index (search.json); no page may fetch it.
    assert not [url for url in requested if "search" in urlsplit(url).path.rsplit("/", 1)[-1]]


def dialog_results(page, base: str, query: str) -> list[str]:
    page.goto(base + "modul/zona-integritas/")
    page.get_by_role("button", name="Cari di situs").click()
    page.wait_for_selector("dialog.kk-cari[open] #kk-cari-kata")
    page.fill("#kk-cari-kata", query)
    page.wait_for_function(
        """q => {
            const s = document.querySelector('.kk-cari-status').textContent;
            return s.includes('“' + q + '”') && (document.querySelector('.kk-cari-butir')
                || s.startsWith('Tidak ada'));
        }""",
        arg=query,
    )
    return page.eval_on_selector_all(
        ".kk-cari-butir a", "links => links.map(a => new URL(a.href).pathname)"
    )


def test_search_dialog_finds_the_same_pages(tab, zensical_url, mkdocs_url):
    for query in ("integritas", "pelayanan"):
        on_zensical = dialog_results(tab(), zensical_url, query)
        assert on_zensical, query
        assert on_zensical == dialog_results(tab(), mkdocs_url, query), query


def planned(page, base: str, jabatan: str) -> list[str]:
    page.goto(f"{base}rencana-belajar/#jabatan={jabatan}")
    wait_for_planner(page)
    page.wait_for_selector("#kk-hasil", state="visible")
    return plan_ids(page)


def test_planner_makes_the_same_plan(tab, zensical_url, mkdocs_url, planner_data):
    for jabatan in ("cpns", "pengawas"):
        plan = planned(tab(), zensical_url, jabatan)
        assert_sound_plan(plan, planner_data, jabatan)
        assert plan == planned(tab(), mkdocs_url, jabatan), jabatan


def test_catalogue_filters_to_the_same_modules(tab, zensical_url, mkdocs_url):
    def shown(base: str) -> tuple[str, list[str]]:
        page = tab()
        page.goto(base + "katalog/")
        page.select_option("#kk-jabatan", "pengawas")
        page.select_option("#kk-moda", "coaching")
        assert "jabatan=pengawas" in page.url
        names = page.eval_on_selector_all(
            ".kk-katalog-modul:not([hidden]) a",
            "links => links.filter(a => a.offsetParent !== null).map(a => a.textContent)",
        )
        return page.locator(".kk-katalog-jumlah").inner_text(), names

    count, names = shown(zensical_url)
    assert names and count.startswith(f"{len(names)} dari ")
    assert (count, names) == shown(mkdocs_url)


def test_zone_choice_reorders_every_session_line(tab, mini_site_zensical):
    with serve(mini_site_zensical) as base:
        page = tab(timezone_id="Asia/Jakarta")
        page.goto(base + "jadwal/")
        lines = page.locator(".kk-sesi-waktu")
        assert lines.count() >= 5
        assert page.locator("#kk-zona-pilih-0").input_value() == "WIB"
        page.select_option("#kk-zona-pilih-0", "WIT")
        first = page.locator(".kk-sesi-waktu strong").all_inner_texts()
        assert len(first) == lines.count()
        assert all(text.endswith("WIT") for text in first), first
        page.reload()
        assert page.locator("#kk-zona-pilih-0").input_value() == "WIT"
