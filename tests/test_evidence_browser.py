"""A module's "Bukti hasil" in Chromium: charts a screen reader can name, a summary and
tables, axe-clean at 360 and 1280 px in both schemes, and the same with JavaScript off;
a group under `min_group_size` shows no figure and says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import describe_violations, horizontal_overflow, new_context, run_axe

pytestmark = pytest.mark.browser

MODULE = "modul/zona-integritas/"
SMALL = "modul/dasar-sains-data/"
OUTCOMES_PAGE = "hasil-pembelajaran/"
WIDTHS = (360, 1280)


def shoot(page, name: str, selector: str | None = None) -> None:
    """Save a screenshot when BROWSER_SCREENSHOTS names a folder (for design review)."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    target = Path(folder) / f"{name}.png"
    if selector:
        page.locator(selector).screenshot(path=str(target))
    else:
        page.screenshot(path=str(target), full_page=True)


def section_facts(page) -> dict:
    """What the evidence section holds, read from the DOM as a reader's tools see it."""
    return page.evaluate(
        """() => {
        const heading = document.getElementById('bukti-hasil');
        const charts = [...document.querySelectorAll('figure.kk-grafik svg')];
        const named = charts.map(svg => {
            const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
            return svg.getAttribute('role') === 'img'
                && ids.every(id => {
                    const part = document.getElementById(id);
                    return part && part.textContent.trim();
                });
        });
        const visible = charts.filter(svg => svg.getBoundingClientRect().width > 100);
        const text = document.querySelector('article').innerText;
        return {
            heading: !!heading,
            charts: charts.length,
            named: named.every(Boolean),
            visible: visible.length,
            tables: document.querySelectorAll('article table').length,
            example: text.includes('Data contoh'),
            earlier: text.includes('Dari versi modul sebelumnya'),
            text: text,
        };
    }"""
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_evidence_section_charts_tables_and_axe(chromium, base_url, width, scheme):
    context = new_context(chromium, viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(base_url + MODULE, wait_until="networkidle")
        facts = section_facts(page)
        assert facts["heading"] and facts["named"]
        # The pre → post chart, and for each of two sessions a funnel and a reaction chart.
        assert facts["charts"] == 5 and facts["visible"] == 5
        assert facts["example"] and facts["earlier"]
        assert "g_z 1,76 [1,41; 2,11]" in facts["text"]
        violations = run_axe(page)
        assert not violations, describe_violations(violations)
        overflow = horizontal_overflow(page)
        assert overflow["scrollWidth"] <= overflow["width"], overflow
        if width == 360:
            shoot(page, f"bukti-hasil-360-{scheme}", "#bukti-hasil ~ figure >> nth=0")
            page.locator("#bukti-hasil").scroll_into_view_if_needed()
            page.set_viewport_size({"width": 360, "height": 2400})
            page.evaluate("document.getElementById('bukti-hasil').scrollIntoView()")
            page.screenshot(path=_shot_path(f"modul-bukti-hasil-360-{scheme}"))
    finally:
        context.close()


def _shot_path(name: str) -> str:
    folder = Path(os.environ.get("BROWSER_SCREENSHOTS") or "/dev/null").expanduser()
    if str(folder) == "/dev/null":
        return str(Path(os.environ.get("TMPDIR", "/tmp")) / f"{name}.png")
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / f"{name}.png")


def test_nothing_is_lost_without_javascript(chromium, base_url):
    with_script = new_context(chromium, viewport={"width": 360, "height": 900})
    without = new_context(
        chromium, viewport={"width": 360, "height": 900}, java_script_enabled=False
    )
    try:
        facts = []
        for context in (with_script, without):
            page = context.new_page()
            page.goto(base_url + MODULE, wait_until="networkidle")
            facts.append(section_facts(page))
        assert facts[1]["charts"] == facts[0]["charts"] == facts[1]["visible"]
        assert facts[1]["tables"] == facts[0]["tables"]
        assert "hanya 48\u00a0% responden survei menjawab tindak lanjut" in facts[1]["text"]
    finally:
        with_script.close()
        without.close()


def test_small_group_shows_no_figure_and_says_why(chromium, base_url):
    context = new_context(chromium, viewport={"width": 360, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + SMALL, wait_until="networkidle")
        facts = section_facts(page)
        assert facts["charts"] == 0
        assert "kurang dari 5 orang" in facts["text"]
        section = facts["text"].split("Bukti hasil", 1)[1]
        # The seed's small class had 4 attendees with a mean of 40 → 62,5: none of it shows.
        for figure in ("62,5", "40 →", " 4 orang"):
            assert figure not in section
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_outcomes_page_compares_modules_and_passes_axe(chromium, base_url, seed_site, width):
    context = new_context(chromium, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + OUTCOMES_PAGE, wait_until="networkidle")
        text = page.locator("article").inner_text()
        assert "13 dari 41 modul" in text
        # One session with diff_sd: its interval; two sessions: pooled, said to have none.
        assert "g_z 1,22 [0,97; 1,47]" in text
        assert "g_z 1,60 (gabungan 2 sesi, tanpa selang)" in text
        assert page.locator("figure.kk-grafik svg[role=img]").count() == 1
        violations = run_axe(page)
        assert not violations, describe_violations(violations)
        overflow = horizontal_overflow(page)
        assert overflow["scrollWidth"] <= overflow["width"], overflow
        if width == 360:
            shoot(page, "hasil-pembelajaran-360")
    finally:
        context.close()


def test_catalogue_filters_modules_with_evidence(chromium, base_url):
    context = new_context(chromium, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "katalog/?bukti=1", wait_until="networkidle")
        assert page.locator("#kk-bukti").is_checked()
        shown = page.locator(".kk-katalog-modul:not([hidden])")
        assert shown.count() == 13
        assert page.locator("label[for=kk-bukti]").inner_text() == "Ada bukti hasil (13)"
        page.locator("#kk-bukti").uncheck()
        assert "bukti" not in page.url
        # Every module not archived (archived ones are listed only when asked for).
        offered = page.locator(".kk-katalog-modul:not([data-arsip])").count()
        assert offered > 13
        assert page.locator(".kk-katalog-modul:not([hidden])").count() == offered
    finally:
        context.close()
