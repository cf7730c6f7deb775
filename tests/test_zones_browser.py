"""Session lines in the reader's zone, and upcoming versus past by the reader's clock.

The mini fixture's site (built "today" = 2026-11-29) in headless Chromium, with the
browser's clock fixed by Playwright so nothing depends on the day the tests run.
"""

from __future__ import annotations

import datetime

import pytest

from tests.browser import new_context, serve

pytestmark = pytest.mark.browser

BUILD_DAY = datetime.datetime(2026, 11, 29, 3, 0, tzinfo=datetime.UTC)
# integritas-dasar: 9 December 2026, 09.00–10.30 WIB (02.00–03.30 UTC), upcoming in the build.
MODULE = "modul/integritas-dasar/"
BEFORE_END = datetime.datetime(2026, 12, 9, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def base_url(chromium, mini_site):
    with serve(mini_site) as url:
        yield url


@pytest.fixture
def context(chromium):
    made = []

    def make(**options):
        context = new_context(chromium, **options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def first_times(page) -> list[str]:
    return page.locator(".kk-sesi-waktu strong").all_inner_texts()


def open_at(context, url: str, when: datetime.datetime):
    page = context.new_page()
    page.clock.install(time=when)
    page.goto(url)
    return page


def test_chosen_zone_comes_first_on_every_line_and_survives_a_reload(context, base_url):
    browser = context(timezone_id="Asia/Jakarta")
    page = open_at(browser, base_url + "jadwal/", BUILD_DAY)
    lines = page.locator(".kk-sesi-waktu")
    assert lines.count() >= 5
    assert page.locator("#kk-zona-pilih-0").input_value() == "WIB"  # from the browser's zone
    assert all(text.endswith("WIB") for text in first_times(page))
    page.select_option("#kk-zona-pilih-0", "WIT")
    wit = first_times(page)
    assert len(wit) == lines.count()
    assert all(text.endswith("WIT") for text in wit), wit
    # The other two zones follow, each once.
    for line in lines.all_inner_texts():
        assert line.count("WIB") == 1 and line.count("WITA") == 1, line
    page.reload()
    assert page.locator("#kk-zona-pilih-0").input_value() == "WIT"
    assert all(text.endswith("WIT") for text in first_times(page))
    # The same choice holds on a module page.
    module = open_at(browser, base_url + MODULE, BUILD_DAY)
    assert first_times(module) and all(text.endswith("WIT") for text in first_times(module))


def test_wit_time_is_the_conversion_the_build_wrote(context, base_url):
    page = open_at(context(timezone_id="Asia/Jayapura"), base_url + MODULE, BUILD_DAY)
    # The browser in Jayapura starts in WIT without being asked.
    assert page.locator("#kk-zona-pilih-0").input_value() == "WIT"
    upcoming = page.locator(".kk-sesi-akan .kk-sesi-waktu").first
    assert upcoming.locator("strong").inner_text() == "Rabu, 9 Desember 2026, 11.00–12.30 WIT"
    assert "09.00–10.30 WIB" in upcoming.inner_text()


def test_browser_outside_indonesia_keeps_each_sessions_own_zone(context, base_url):
    page = open_at(context(timezone_id="Europe/Amsterdam"), base_url + "jadwal/", BUILD_DAY)
    assert page.locator("#kk-zona-pilih-0").input_value() == "asal"
    assert any(text.endswith("WITA") for text in first_times(page))
    assert any(text.endswith("WIB") for text in first_times(page))


def test_session_moves_to_past_when_the_clock_passes_it(context, base_url):
    page = open_at(context(timezone_id="Asia/Jakarta"), base_url + MODULE, BEFORE_END)
    upcoming, past = page.locator(".kk-sesi-akan"), page.locator(".kk-sesi-lewat")
    assert "9 Desember 2026" in upcoming.inner_text()
    assert upcoming.get_by_role("link", name="Daftar ke webinar Integritas dalam Pelayanan").count()
    page.clock.fast_forward("01:00:00")  # 04.00 UTC: the session ended at 03.30
    assert "9 Desember 2026" in past.locator("li").first.inner_text()
    assert "9 Desember 2026" not in upcoming.inner_text()
    assert upcoming.inner_text().strip() == "Belum ada sesi terjadwal."
    assert (
        past.get_by_role("link", name="Daftar ke webinar Integritas dalam Pelayanan").count() == 0
    )
    assert past.get_by_role("link", name="Tambahkan ke kalender").count() == 0
    # The older session keeps its recording link, below the one that just ended.
    assert past.get_by_role("link", name="Rekaman webinar Integritas dalam Pelayanan").count() == 1
    assert "14 Oktober 2026" in past.locator("li").nth(1).inner_text()
    # Under "Sudah lewat" a line needs no "(sudah lewat)" of its own.
    assert "sudah lewat" not in past.inner_text()


def test_schedule_page_after_the_last_session(context, base_url):
    page = open_at(
        context(timezone_id="Asia/Jakarta"),
        base_url + "jadwal/",
        datetime.datetime(2027, 6, 1, tzinfo=datetime.UTC),
    )
    assert page.locator(".kk-sesi-akan li").count() == 0
    assert page.locator(".kk-sesi-akan").inner_text().strip() == "Belum ada sesi terjadwal."
    assert page.locator(".kk-sesi-lewat .kk-sesi-kosong:visible").count() == 0
    assert page.locator(".kk-sesi-lewat li").count() >= 5


def test_without_javascript_the_builds_view_stands(context, base_url):
    page = context(java_script_enabled=False).new_page()
    page.goto(base_url + MODULE)
    assert page.locator(".kk-zona-pilihan").is_hidden()
    assert first_times(page)[0] == "Rabu, 9 Desember 2026, 09.00–10.30 WIB"
    assert page.get_by_role("link", name="Tambahkan ke kalender").count() == 1


def test_planner_shows_each_next_session_in_the_readers_zone(context, base_url):
    page = open_at(
        context(timezone_id="Asia/Jayapura"),
        base_url + "rencana-belajar/#jabatan=administrator",
        BUILD_DAY,
    )
    item = page.locator('#kk-daftar li[data-modul="integritas-dasar"]')
    assert "sesi langsung berikutnya Rabu, 9 Desember 2026, 11.00–12.30 WIT" in item.inner_text()
    page.select_option("#kk-zona-pilih-0", "WIB")
    assert "sesi langsung berikutnya Rabu, 9 Desember 2026, 09.00–10.30 WIB" in item.inner_text()
    # The mini plan's sessions follow their prerequisites': no warning.
    assert page.locator(".kk-sesi-terlalu-awal").count() == 0


def test_pathway_step_moves_on_to_the_following_session(context, base_url):
    # keamanan-siber: 3 December 19.00–20.30 WIB, then 20 December 22.30 WIB.
    page = open_at(
        context(timezone_id="Asia/Jakarta"),
        base_url + "jalur-belajar/asn-berintegritas/",
        datetime.datetime(2026, 12, 3, 14, 0, tzinfo=datetime.UTC),
    )
    shown = page.locator(".kk-sesi-giliran:visible")
    texts = shown.all_inner_texts()
    assert not any("3 Desember 2026" in text for text in texts), texts
    assert any(text.startswith("Minggu, 20 Desember 2026, 22.30") for text in texts), texts
    assert (
        page.locator(".kk-sesi-giliran:visible", has_text="20 Desember 2026")
        .get_by_role("link", name="Tambahkan ke kalender")
        .count()
        == 1
    )


def test_pathway_step_says_when_its_last_written_session_has_passed(context, base_url):
    page = open_at(
        context(timezone_id="Asia/Jakarta"),
        base_url + "jalur-belajar/asn-berintegritas/",
        datetime.datetime(2026, 12, 9, 4, 0, tzinfo=datetime.UTC),
    )
    step = page.locator(".kk-sesi-giliran", has_text="9 Desember 2026")
    assert "11.00–12.30 WIT (sudah lewat) · Zoom" in step.inner_text()
    assert (
        step.get_by_role("link", name="Daftar ke webinar Integritas dalam Pelayanan").count() == 0
    )
    later = page.locator(".kk-sesi-giliran", has_text="15 Desember 2026")
    assert later.get_by_role("link", name="Daftar ke webinar Kolaborasi Lintas Unit").count() == 1
