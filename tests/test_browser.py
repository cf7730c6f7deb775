"""The built site in headless Chromium: loads cleanly, stays local, passes axe, fits a
phone, and the learning planner works end to end (keyboard included) and without
JavaScript.

The site is built once per test session from a copy of this project into a temporary
folder, so the real docs/ and site/ are never touched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import (
    Traffic,
    describe_violations,
    horizontal_overflow,
    new_context,
    run_axe,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PLANNER = "rencana-belajar/"


@pytest.fixture(scope="session")
def built(chromium, seed_site) -> Path:
    """The project's own curriculum, built once per session into a temporary copy."""
    return seed_site


@pytest.fixture(scope="session")
def pages(built, planner_data) -> dict[str, str]:
    """One page of each kind, picked from what this curriculum actually has."""
    pathways = sorted(p.parent.name for p in (built / "jalur-belajar").glob("*/index.html"))
    assert pathways, "the built site has no pathway page under jalur-belajar/"
    framework = planner_data["frameworks"][0]
    competency = framework["competencies"][0]["ref"]
    return {
        "beranda": "",
        "jalur": f"jalur/{planner_data['tracks'][0]['id']}/",
        "modul": f"modul/{planner_data['modules'][0]['id']}/",
        "jalur-belajar": f"jalur-belajar/{pathways[0]}/",
        "kompetensi": f"kompetensi/{competency}/",
        "peta-kompetensi": "peta-kompetensi/",
        "rencana-belajar": PLANNER,
    }


@pytest.fixture
def open_context(chromium):
    """Make browser contexts (reduced motion) that record their traffic; all are closed after."""
    made = []

    def make(**options):
        context = new_context(chromium, **options)
        traffic = Traffic()
        traffic.watch(context)
        made.append(context)
        return context, traffic

    yield make
    for context in made:
        context.close()


def goto(page, url: str) -> None:
    """Load a page afresh (a change of hash alone would not reload it)."""
    if page.url.split("#")[0] == url.split("#")[0]:
        page.goto("about:blank")
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, url
    assert response.status == 200, f"{url}: HTTP {response.status}"


def shoot(page, name: str) -> None:
    """Save a screenshot when BROWSER_SCREENSHOTS names a folder (for design review)."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


# --- every kind of page --------------------------------------------------------------


def test_pages_load_cleanly_and_stay_local(open_context, base_url, pages):
    context, traffic = open_context()
    page = context.new_page()
    for name, path in pages.items():
        goto(page, base_url + path)
        assert page.title(), name
    assert not traffic.problems(), traffic.problems()
    assert traffic.requests, "no request was recorded"
    hosts = {urlsplit(url).hostname for url in traffic.requests}
    assert hosts == {"127.0.0.1"}, hosts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_axe_violations(open_context, base_url, pages, scheme):
    # Phones in dark mode get the slate scheme through the palette's media query.
    context, _ = open_context(color_scheme=scheme)
    page = context.new_page()
    failures = []
    for name, path in {**pages, "rencana-belajar (rencana)": PLANNER + "#jabatan=cpns"}.items():
        goto(page, base_url + path)
        if "#" in path:
            page.wait_for_selector("#kk-hasil", state="visible")
        violations = run_axe(page)
        if violations:
            failures.append(f"{name} ({path}):\n{describe_violations(violations)}")
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


def test_pages_fit_a_phone_screen(open_context, base_url, pages):
    context, _ = open_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = []
    for name, path in {**pages, "rencana-belajar (rencana)": PLANNER + "#jabatan=cpns"}.items():
        goto(page, base_url + path)
        found = horizontal_overflow(page)
        if found["scrollWidth"] > found["width"] or found["culprits"]:
            too_wide.append(f"{name}: {found}")
    assert not too_wide, "pages scroll sideways at 390 px:\n" + "\n".join(too_wide)


# --- the planner ----------------------------------------------------------------------


def plan_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#kk-daftar li[data-modul]", "items => items.map(li => li.dataset.modul)"
    )


def total_text(page) -> str:
    return page.inner_text("#kk-ringkasan .kk-total")


def wait_for_planner(page) -> None:
    """The form is on the page from the start; its button is switched on with the data."""
    page.wait_for_selector('#kk-rencana-form button[type="submit"]:enabled', state="visible")


def assert_sound_plan(plan: list[str], data: dict, audience: str) -> None:
    """At least the target, prerequisites present and earlier, modules for the jabatan."""
    modules = {module["id"]: module for module in data["modules"]}
    assert plan, "the plan is empty"
    minutes = sum(modules[module_id]["minutes"] for module_id in plan)
    assert minutes >= data["annual_jp_target"] * data["jp_minutes"], (plan, minutes)
    needed = set()
    for position, module_id in enumerate(plan):
        for prerequisite in modules[module_id]["prerequisites"]:
            assert prerequisite in plan[:position], f"{prerequisite} must come before {module_id}"
            needed.add(prerequisite)
    for module_id in plan:
        audiences = modules[module_id]["audience"]
        assert audience in audiences or "semua" in audiences or module_id in needed, module_id


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_planner_end_to_end_with_the_keyboard(open_context, base_url, planner_data):
    context, traffic = open_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    goto(page, base_url + PLANNER)
    wait_for_planner(page)

    # Keyboard only: Tab to the first jabatan, Space to choose it, Tab to submit, Enter.
    tab_to(page, 'input[name="jabatan"][value="cpns"]')
    page.keyboard.press("Space")
    assert page.is_checked('input[name="jabatan"][value="cpns"]')
    tab_to(page, '#kk-rencana-form button[type="submit"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#kk-hasil", state="visible")
    assert page.evaluate("document.activeElement.id") == "kk-hasil-judul"
    plan = plan_ids(page)
    assert_sound_plan(plan, planner_data, "cpns")
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('disusun')")
    assert f"target {planner_data['annual_jp_target']} JP" in total_text(page)
    assert "%" in page.inner_text("#kk-keseimbangan .kk-campuran")
    first = plan[0]
    assert page.get_attribute(f'li[data-modul="{first}"] a', "href") == f"../modul/{first}/"
    shoot(page, "rencana-390")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)

    # The same plan after a reload, and from localStorage on a link without the hash.
    page.reload(wait_until="networkidle")
    page.wait_for_selector("#kk-hasil", state="visible")
    assert plan_ids(page) == plan
    goto(page, base_url + PLANNER)
    page.wait_for_selector("#kk-hasil", state="visible")
    assert plan_ids(page) == plan
    assert page.is_checked('input[name="jabatan"][value="cpns"]')

    # The share link gives the same plan in a fresh browser with nothing saved.
    link = page.input_value("#kk-tautan")
    assert re.search(r"#jabatan=cpns&.*modul=", link), link
    fresh, fresh_traffic = open_context()
    other = fresh.new_page()
    goto(other, link)
    other.wait_for_selector("#kk-hasil", state="visible")
    assert plan_ids(other) == plan
    assert not fresh_traffic.problems(), fresh_traffic.problems()

    # A shared link wins over what this browser saved.
    goto(page, base_url + PLANNER + "#jabatan=administrator")
    page.wait_for_selector("#kk-hasil", state="visible")
    administrator = plan_ids(page)
    assert administrator != plan
    assert_sound_plan(administrator, planner_data, "administrator")
    goto(page, base_url + PLANNER)
    page.wait_for_selector("#kk-hasil", state="visible")
    assert plan_ids(page) == administrator, "the opened link should now be the saved plan"
    # A link pasted into the address bar of the open page is followed too.
    page.evaluate("location.hash = 'jabatan=pengawas'")
    page.wait_for_function("document.getElementById('kk-tautan').value.includes('pengawas')")
    assert_sound_plan(plan_ids(page), planner_data, "pengawas")
    page.evaluate("history.back()")
    page.wait_for_function("document.getElementById('kk-tautan').value.includes('administrator')")
    assert plan_ids(page) == administrator

    # Removing a module nobody needs: Enter on its named button; the total changes.
    modules = {module["id"]: module for module in planner_data["modules"]}
    needed = {p for module_id in administrator for p in modules[module_id]["prerequisites"]}
    leaf = next(module_id for module_id in administrator if module_id not in needed)
    title = modules[leaf]["title"]
    before = total_text(page)
    button = page.get_by_role("button", name=f"Hapus {title} dari rencana")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('Dihapus')")
    assert leaf not in plan_ids(page)
    assert total_text(page) != before
    assert page.evaluate("document.activeElement.classList.contains('kk-hapus')")
    assert f"modul={','.join(plan_ids(page))}" in page.input_value("#kk-tautan")

    # Adding a module with a missing prerequisite brings the prerequisite too, before it.
    in_plan = set(plan_ids(page))
    eligible = [
        m
        for m in planner_data["modules"]
        if ("administrator" in m["audience"] or "semua" in m["audience"])
        and m["id"] not in in_plan
        and m["prerequisites"]
        and not set(m["prerequisites"]) <= in_plan
    ]
    assert eligible, "no module with a missing prerequisite to add"
    target = eligible[0]
    page.focus("#kk-tambah-pilih")
    page.select_option("#kk-tambah-pilih", target["id"])
    tab_to(page, "#kk-tambah-tombol", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('prasyarat')")
    after_add = plan_ids(page)
    assert_sound_plan(after_add, planner_data, "administrator")
    prerequisite = next(p for p in target["prerequisites"] if p not in in_plan)
    assert after_add.index(prerequisite) < after_add.index(target["id"])

    # Removing that prerequisite must ask first; Space on "Batal" keeps everything.
    page.get_by_role("button", name=f"Hapus {modules[prerequisite]['title']} dari rencana").focus()
    page.keyboard.press("Enter")
    confirm = page.locator(".kk-konfirmasi")
    confirm.wait_for(state="visible")
    assert modules[target["id"]]["title"] in confirm.inner_text()
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    tab_to(page, ".kk-konfirmasi button:not(.md-button--primary)", limit=3)
    page.keyboard.press("Space")
    assert plan_ids(page) == after_add
    assert page.locator(".kk-konfirmasi").count() == 0

    # …and confirming removes the prerequisite together with the module needing it.
    page.get_by_role("button", name=f"Hapus {modules[prerequisite]['title']} dari rencana").focus()
    page.keyboard.press("Enter")
    page.locator(".kk-konfirmasi .md-button--primary").wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-button--primary')")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('.kk-konfirmasi')")
    remaining = plan_ids(page)
    assert prerequisite not in remaining and target["id"] not in remaining
    assert remaining == [m for m in after_add if m in remaining]
    assert not traffic.problems(), traffic.problems()


# Every layout shift since navigation start, as the browser reports them (the input a
# Lighthouse CLS figure is made of); shifts right after input do not count there either.
LAYOUT_SHIFTS = """() => new Promise(done => {
    new PerformanceObserver((list, observer) => {
        observer.disconnect();
        done(list.getEntries().filter(e => !e.hadRecentInput).map(e => ({
            value: e.value,
            sources: (e.sources || []).map(s => s.node ? (s.node.id || s.node.nodeName) : '?'),
        })));
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done([]), 1000);
})"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["hp", "layar"])
def test_planner_page_does_not_move_as_the_script_starts(open_context, base_url, viewport):
    context, _ = open_context(viewport=viewport)
    page = context.new_page()
    goto(page, base_url + PLANNER)
    wait_for_planner(page)
    assert page.inner_text("#kk-status") == ""
    shifts = page.evaluate(LAYOUT_SHIFTS)
    total = sum(shift["value"] for shift in shifts)
    assert total < 0.01, f"layout shifts add up to {total:.3f}: {shifts}"


def test_planner_prints_only_the_plan(open_context, base_url):
    context, _ = open_context()
    page = context.new_page()
    goto(page, base_url + PLANNER + "#jabatan=cpns")
    page.wait_for_selector("#kk-hasil", state="visible")
    assert page.get_by_role("button", name="Cetak rencana").is_visible()
    hideable = ("#kk-rencana-form", ".kk-aksi", ".kk-hapus", "#jalur-belajar-per-jabatan")
    # On screen first, so that "hidden in print" cannot pass for an element that is gone.
    for shown in hideable:
        assert page.locator(shown).first.is_visible(), shown
    page.emulate_media(media="print")
    for hidden in hideable:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#kk-daftar").is_visible()
    assert page.locator(".kk-bar").is_visible()


def test_planner_says_so_when_its_data_cannot_load(open_context, base_url):
    context, traffic = open_context()
    context.route("**/rencana-belajar.json", lambda route: route.abort())
    page = context.new_page()
    goto(page, base_url + PLANNER)
    page.wait_for_function("document.getElementById('kk-status').textContent.includes('dimuat')")
    assert "Data rencana belajar tidak dapat dimuat" in page.inner_text("#kk-status")
    assert page.locator("#kk-rencana-form").count() == 1
    assert not page.locator("#kk-rencana-form").is_visible()
    assert not [error for error in traffic.console_errors if "pageerror" in error]


def test_planner_without_javascript_still_explains_itself(open_context, base_url, planner_data):
    context, traffic = open_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, base_url + PLANNER)
    body = page.inner_text("article")
    assert f"{planner_data['annual_jp_target']} JP per tahun" in body
    assert f"1 JP sama dengan {planner_data['jp_minutes']} menit" in body
    assert "memerlukan JavaScript" in body
    assert page.locator("#kk-rencana").count() == 1
    assert not page.locator("#kk-rencana").is_visible()
    controls = page.locator("article").locator("form, button, input, select, textarea")
    assert not controls.filter(visible=True).count(), "a control that cannot work without JS"
    assert page.locator('article a[href="../jalur-belajar/"]').first.is_visible()
    assert page.locator('article li a[href^="../jalur-belajar/"]').count() >= 1
    assert planner_data["audiences"]
    for audience in planner_data["audiences"]:
        assert f"{audience['label']}:" in body, audience
    assert not any(url.endswith("rencana-belajar.json") for url in traffic.requests)
