"""The reader's site on a phone and a desktop: jabatan first, tables that fit, axe on
every kind of page, and no English left from the theme.

The seed site is built once per session (tests/conftest.py `seed_site`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser import describe_violations, new_context, run_axe

NARROW = {"width": 360, "height": 780}
WIDE = {"width": 1280, "height": 800}
# English UI strings Material would print in a page if a template were left untranslated.
THEME_ENGLISH = ("Made with", "Not found", "Skip to content", "Back to top")


def first_page(site: Path, folder: str) -> str:
    found = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
    assert found, f"the built site has no page under {folder}/"
    return f"{folder}/{found[0]}/"


@pytest.fixture(scope="module")
def page_types(seed_site, planner_data) -> dict[str, str]:
    """One page of every kind the site has, picked from the built seed site."""
    competency = planner_data["frameworks"][0]["competencies"][0]["ref"]
    return {
        "beranda": "",
        "jabatan": "jabatan/pengawas/",
        "bidang (daftar)": "jalur/",
        "bidang": f"jalur/{planner_data['tracks'][0]['id']}/",
        "modul": "modul/keamanan-siber-dasar/",
        "jalur belajar (daftar)": "jalur-belajar/",
        "jalur belajar": "jalur-belajar/orientasi-cpns/",
        "kerangka (daftar)": "kompetensi/",
        "kerangka": f"kompetensi/{planner_data['frameworks'][0]['id']}/",
        "kompetensi": f"kompetensi/{competency}/",
        "peta kompetensi": "peta-kompetensi/",
        "cakupan (editor)": "kontributor/cakupan-kompetensi/",
        "rencana belajar": "rencana-belajar/",
        "jadwal": "jadwal/",
        "glosarium": "glosarium/",
        "tag": "tag/",
        "informasi": "halaman/",
        "halaman bebas": "halaman/pengakuan-jp/",
        "kontributor": "kontributor/",
    }


def goto(page, url: str) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url


def shoot(page, name: str) -> None:
    """Save a full-page screenshot when BROWSER_SCREENSHOTS names a folder."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


# Tables wider than the content column, and whether each sits in a scrolling box that
# keyboard users can reach (tabindex) and screen readers can name (a labelled region).
TABLES_SCRIPT = """() => {
    const column = document.querySelector('.md-content__inner');
    const limit = column.getBoundingClientRect().right + 1;
    const found = [];
    for (const table of column.querySelectorAll('table')) {
        let scroller = null;
        for (let p = table.parentElement; p && p !== column; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (['auto', 'scroll'].includes(style.overflowX) && p.scrollWidth > p.clientWidth + 1) {
                scroller = p;
                break;
            }
        }
        const wide = table.getBoundingClientRect().right > limit || scroller !== null;
        if (!wide) continue;
        const labelled = scroller && scroller.getAttribute('role') === 'region'
            && scroller.getAttribute('tabindex') === '0'
            && (scroller.getAttribute('aria-label') || scroller.getAttribute('aria-labelledby'));
        const head = table.querySelector('tr');
        found.push({
            table: head ? head.innerText.replace(/\\s+/g, ' ').slice(0, 60) : '?',
            width: Math.round(table.scrollWidth),
            labelledRegion: Boolean(labelled),
        });
    }
    return found;
}"""


@pytest.mark.browser
def test_tables_fit_a_360_px_phone_or_scroll_in_a_labelled_region(chromium, base_url, page_types):
    context = new_context(chromium, viewport=NARROW, is_mobile=True, has_touch=True)
    page = context.new_page()
    hidden = []
    seen_tables = 0
    for name in (
        "modul",
        "bidang",
        "bidang (daftar)",
        "jalur belajar",
        "jalur belajar (daftar)",
        "jadwal",
        "peta kompetensi",
    ):
        goto(page, base_url + page_types[name])
        seen_tables += page.locator(".md-content__inner table").count()
        for table in page.evaluate(TABLES_SCRIPT):
            if not table["labelledRegion"]:
                hidden.append(f"{name}: {table}")
    context.close()
    assert seen_tables > 10, "the pages checked should hold tables"
    assert not hidden, (
        "tables wider than a 360 px screen, outside a labelled region:\n" + "\n".join(hidden)
    )


@pytest.mark.browser
def test_the_competency_map_scrolls_with_its_row_labels_in_view(chromium, base_url):
    context = new_context(chromium, viewport=NARROW, is_mobile=True, has_touch=True)
    page = context.new_page()
    goto(page, base_url + "peta-kompetensi/")
    region = page.locator(".kk-gulir").first
    assert region.get_attribute("tabindex") == "0"
    label = page.locator("#" + region.get_attribute("aria-labelledby"))
    assert label.inner_text().strip(), "the region is named by its framework's heading"
    first_cell = region.locator("tbody td").first
    before = first_cell.bounding_box()["x"]
    region.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert abs(first_cell.bounding_box()["x"] - before) < 2, "the competency names scroll away"
    assert page.locator(".kk-geser").first.is_visible(), "no visible cue that the table scrolls"
    # On a phone the reader is offered the jabatan first, as links to their competencies.
    links = page.locator(".kk-saya a")
    assert links.count() >= 9
    assert links.first.get_attribute("href").endswith("#kompetensi")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(NARROW, "light"), (WIDE, "light"), (NARROW, "dark")],
    ids=["360", "1280", "360-gelap"],
)
def test_every_page_type_has_no_axe_violations(chromium, base_url, page_types, viewport, scheme):
    context = new_context(chromium, viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    failures = []
    plan = {"rencana (cpns)": "rencana-belajar/?jabatan=cpns"}
    for name, path in {**page_types, **plan}.items():
        goto(page, base_url + path)
        if "?" in path:
            page.wait_for_selector("#kk-hasil", state="visible")
        violations = run_axe(page)
        if violations:
            failures.append(f"{name} ({path}):\n{describe_violations(violations)}")
    context.close()
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


@pytest.mark.browser
def test_home_reaches_a_jabatans_pathways_and_plan_by_links_alone(chromium, base_url, planner_data):
    context = new_context(chromium, viewport=NARROW, java_script_enabled=False)
    page = context.new_page()
    goto(page, base_url)
    choices = page.locator("nav.kk-saya")
    assert choices.inner_text().startswith("Saya CPNS")
    # One tap: "Saya pengawas" opens the jabatan's page with its pathways and sessions.
    choices.get_by_role("link", name="Saya pengawas").click()
    page.wait_for_load_state()
    assert page.url.endswith("/jabatan/pengawas/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Untuk Pengawas"
    pathway_links = page.locator("h3 a[href*='jalur-belajar/']")
    assert pathway_links.count() >= 1
    assert "JP wajib" in page.inner_text("article")
    assert "70-20-10" in page.inner_text("article")
    pengawas = next(a for a in planner_data["audiences"] if a["id"] == "pengawas")
    first = pengawas["pathways"][0]
    # Two taps: the plan link names the jabatan and the pathway to start from.
    plan = page.get_by_role("link", name="Buka rencana belajar Pengawas")
    href = plan.get_attribute("href")
    assert href == f"../../rencana-belajar/?jabatan=pengawas&jalur-belajar={first}", href
    pathway_href = pathway_links.first.get_attribute("href")
    context.close()

    # With JavaScript the same link opens a plan that starts from that pathway.
    context = new_context(chromium, viewport=NARROW)
    page = context.new_page()
    goto(page, base_url + "jabatan/pengawas/")
    page.get_by_role("link", name="Buka rencana belajar Pengawas").click()
    page.wait_for_selector("#kk-hasil", state="visible")
    pathway = next(p for p in planner_data["pathways"] if p["id"] == first)
    required = [step["module"] for step in pathway["steps"] if step["required"]]
    modules = page.eval_on_selector_all(
        "#kk-daftar li[data-modul]", "l => l.map(e => e.dataset.modul)"
    )
    assert modules[0] == required[0]
    reason = page.inner_text(f'li[data-modul="{required[0]}"] .kk-alasan')
    assert "Langkah wajib 1 dari" in reason and pathway["title"] in reason
    assert pathway["title"] in page.inner_text("#kk-ringkasan")
    assert f"jalur-belajar={first}" in page.input_value("#kk-tautan")
    goto(page, base_url + "jabatan/pengawas/" + pathway_href)
    assert page.locator("h1").inner_text().rstrip("¶") == pathway["title"]
    context.close()


@pytest.mark.browser
def test_the_planner_form_can_start_from_another_pathway(chromium, base_url, planner_data):
    context = new_context(chromium, viewport=NARROW)
    page = context.new_page()
    goto(page, base_url + "rencana-belajar/")
    page.wait_for_selector('#kk-rencana-form button[type="submit"]:enabled')
    pengawas = next(a for a in planner_data["audiences"] if a["id"] == "pengawas")
    assert len(pengawas["pathways"]) >= 2, "the seed gives pengawas two pathways"
    other = next(p for p in planner_data["pathways"] if p["id"] == pengawas["pathways"][1])
    page.check('input[name="jabatan"][value="pengawas"]')
    page.click("summary:has-text('Pilih jalur belajar lain')")
    page.check(f'input[name="jalur-belajar"][value="{other["id"]}"]')
    page.click('#kk-rencana-form button[type="submit"]')
    page.wait_for_selector("#kk-hasil", state="visible")
    assert other["title"] in page.inner_text("#kk-ringkasan")
    assert f"jalur-belajar={other['id']}" in page.input_value("#kk-tautan")
    # Back to "pick for my jabatan": the jabatan's own pathway again.
    page.check('input[name="jalur-belajar"][value=""]')
    page.click('#kk-rencana-form button[type="submit"]')
    page.wait_for_function(
        "id => document.getElementById('kk-tautan').value.includes('jalur-belajar=' + id)",
        arg=pengawas["pathways"][0],
    )
    context.close()


@pytest.mark.browser
def test_screenshots_at_360_px(chromium, base_url):
    """Home, a jabatan, a pathway, a module and the competency map, for design review
    (saved when BROWSER_SCREENSHOTS names a folder); each must load and fit."""
    context = new_context(chromium, viewport=NARROW, is_mobile=True, has_touch=True)
    page = context.new_page()
    for name, path in {
        "beranda": "",
        "jabatan": "jabatan/cpns/",
        "jalur-belajar": "jalur-belajar/orientasi-cpns/",
        "modul": "modul/keamanan-siber-dasar/",
        "peta-kompetensi": "peta-kompetensi/",
    }.items():
        goto(page, base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW["width"], f"{name} scrolls sideways ({width} px)"
        shoot(page, f"i12-reader-{name}-360")
    context.close()


def test_no_rendered_page_shows_english_from_the_theme(seed_site):
    found = []
    for html in sorted(seed_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        found += [f"{html.relative_to(seed_site)}: {s}" for s in THEME_ENGLISH if s in text]
    assert not found, "\n".join(found[:20])
    not_found = (seed_site / "404.html").read_text(encoding="utf-8")
    assert "Halaman tidak ditemukan" in not_found


def test_footer_names_whom_to_ask(seed_site):
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    footer = home[home.index('class="md-copyright"') :]
    assert "Pertanyaan tentang kurikulum:" in footer
    assert re.search(r'<a href="(https://|mailto:)[^"]+">', footer)


def test_tag_page_jump_links_land_on_tags(seed_site):
    page = (seed_site / "tag" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="kk-huruf"[^>]*>(.*?)</nav>', page, re.S)
    assert nav, "no A–Z links on the tag page"
    targets = re.findall(r'href="#([^"]+)"', nav.group(1))
    assert len(targets) >= 10
    ids = set(re.findall(r'id="([^"]+)"', page))
    missing = [target for target in targets if target not in ids]
    assert not missing, f"A–Z links without a tag heading: {missing}"
    glossary = (seed_site / "glosarium" / "index.html").read_text(encoding="utf-8")
    letters = re.findall(r'<a href="#(huruf-[a-z]+)"', glossary)
    assert letters and all(f'id="{letter}"' in glossary for letter in letters)


def test_contacts_follow_the_owner_unit_then_the_site(project):
    from generator import pipeline
    from tests.conftest import MODULE_ETIKA, SITE_CONFIG, TRACK_DIGITAL, TRACK_NILAI
    from tests.constants import TODAY_DATE

    root = project(
        {
            "site_config.yml": SITE_CONFIG
            + "contact: mailto:kurikulum@contoh.go.id\n"
            + "owners:\n  - name: Pusat Nilai\n    contact: https://contoh.go.id/nilai\n",
            "curriculum/tracks/nilai.yml": TRACK_NILAI + "owner: Pusat Nilai\n",
            "curriculum/tracks/digital.yml": TRACK_DIGITAL,
            "curriculum/modules/nilai/etika.yml": MODULE_ETIKA,
        }
    )
    generated = pipeline.generate(root, today=TODAY_DATE)
    assert generated.pages is not None, [p.as_text() for p in generated.validation.problems]
    etika = generated.pages["modul/etika/index.md"]
    # The module names no owner: its track's unit, and that unit's contact.
    assert "- **Penanggung jawab:** Pusat Nilai" in etika
    assert "[https://contoh.go.id/nilai](https://contoh.go.id/nilai)" in etika
    digital = generated.pages["jalur/digital/index.md"]
    assert "[kurikulum@contoh.go.id](mailto:kurikulum@contoh.go.id)" in digital
    assert '"kk_contact": "mailto:kurikulum@contoh.go.id"' in generated.pages["index.md"]
    # A bare address is a contact too.
    from generator.format.models import CONTACT_PATTERN

    assert re.fullmatch(CONTACT_PATTERN, "kurikulum@contoh.go.id")


@pytest.mark.parametrize(
    "contact",
    [
        "javascript:alert(1)",
        "http://contoh.go.id/kontak",
        "'kurikulum@contoh.go.id<script>kkXss=1</script>'",
        "'https://contoh.go.id/\"onmouseover=kkXss=1'",
        "'mailto:kurikulum@contoh.go.id?subject=<b>'",
    ],
)
def test_a_contact_that_is_neither_mail_nor_https_is_refused(validate, contact):
    # The footer and the pages print it as a link: nothing but an address may pass.
    from tests.conftest import SITE_CONFIG

    result = validate({"site_config.yml": SITE_CONFIG + f"contact: {contact}\n"})
    code, lines = result.outcome
    assert code == 1
    assert any("site_config.yml" in line and "alamat surel" in line for line in lines), lines


def test_seed_pathways_say_true_things_about_the_annual_target():
    from fractions import Fraction

    from generator import pipeline
    from generator.model.curriculum import build_curriculum
    from tests.constants import REPO, TODAY_DATE

    generated = pipeline.generate(REPO, today=TODAY_DATE)
    assert generated.pages is not None
    curriculum = build_curriculum(generated.validation.index, today=TODAY_DATE)
    target = curriculum.config.annual_jp_target
    pace = curriculum.config.weekly_jp_pace
    for pathway_id in curriculum.pathways:
        page = generated.pages[f"jalur-belajar/{pathway_id}/index.md"]
        required = curriculum.index.pathway_jp(pathway_id, required=True)
        years = curriculum.index.pathway_years(pathway_id)
        # Each year but the last reaches the target; together they are the required steps.
        assert [m for year in years for m in year] == curriculum.index.pathway_modules(
            pathway_id, required=True
        )
        assert all(curriculum.total_jp(year) >= target for year in years[:-1])
        if required > target:
            assert f"selesai dalam {len(years)} tahun" in page, pathway_id
            assert "**Tahun ini:**" in page, pathway_id
        # The weekly pace is said as what it is: a faster rate than the annual minimum.
        weeks = -(-required // pace)
        assert (
            f"dengan {pace} JP per minggu, seluruh langkah wajib selesai dalam ±{weeks} minggu"
            in page
        )
        assert Fraction(weeks * pace) >= required
        assert "memenuhi hak" not in page


def test_a_session_line_in_the_readers_zone_still_explains_each_zone(chromium, base_url):
    # The seed glossary explains WIB/WITA/WIT; the zone script rewrites each session line
    # and must keep those explanations, in the new order.
    context = new_context(chromium, viewport=NARROW, timezone_id="Asia/Jayapura")
    page = context.new_page()
    goto(page, base_url + "jadwal/")
    assert page.locator("#kk-zona-pilih-0").input_value() == "WIT"
    line = page.locator(".kk-sesi-waktu").first
    assert line.locator("strong").inner_text().endswith("WIT")
    explained = line.locator("abbr")
    assert explained.all_inner_texts() == ["WIT", "WIB", "WITA"]
    assert [explained.nth(i).get_attribute("title") for i in range(3)] == [
        "Waktu Indonesia Timur",
        "Waktu Indonesia Barat",
        "Waktu Indonesia Tengah",
    ]
    context.close()
