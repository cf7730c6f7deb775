"""What a reader sees on each page type, built from the mini fixture (tests/fixtures/mini).

The expected facts are worked out by hand in tests/fixtures/mini/EXPECTED.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.text.numbers import percent_shares
from tests.constants import MINI
from tests.search_bundle import fragments

pytestmark = pytest.mark.slow

REPO_EDIT = "https://github.com/kurikulum-asn/kurikulum/edit/main/"


@pytest.fixture
def site(mini_site) -> Path:
    return mini_site


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    """The article's text as a reader hears it, without spaces before punctuation."""
    text = re.sub(r"\s+", " ", soup.find("article").get_text(" ", strip=True))
    return re.sub(r" ([,.;:)])", r"\1", text)


def phases(soup: BeautifulSoup) -> list[tuple[str, str, list[str]]]:
    """Each pathway phase as a reader meets it under "Tahapan": a level-3 heading, the
    phase description, then a numbered list of steps, each a module link in bold."""
    found = []
    for heading in soup.select("article [role=heading][aria-level='3']"):
        description, steps = [], []
        for sibling in heading.find_next_siblings():
            if sibling.get("role") == "heading" or sibling.name in {"h2", "h3"}:
                break
            if sibling.name == "div" and sibling.find("ol", recursive=False):
                steps += [
                    li.select_one("p > strong > a").get_text()
                    for li in sibling.find("ol", recursive=False).find_all("li", recursive=False)
                ]
            else:
                description.append(sibling.get_text(" ", strip=True))
        found.append((heading.get_text(" ", strip=True), " ".join(description), steps))
    return found


def test_home_counts_and_next_sessions(site):
    soup = page(site, "")
    text = text_of(soup)
    assert "Modul dikelompokkan dalam 2 bidang; semuanya 5 modul, 20 JP." in text
    # Jabatan first: every "Saya …" choice leads to a jabatan page.
    choices = [a["href"] for a in soup.select("nav.kk-saya a")]
    assert choices[0] == "jabatan/cpns/" and len(choices) == 9
    assert "Hak 20 JP per tahun" in text
    assert "20 JP setara 15 jam belajar" in text
    sessions = [
        li.get_text(" ", strip=True)
        for li in soup.select("#sesi-terdekat ~ .kk-sesi-akan > ul > li")
    ]
    assert sessions[0].startswith(
        "Keamanan Siber untuk ASN — Kamis, 3 Desember 2026, 19.00–20.30 WIB"
    )
    assert len(sessions) == 5


def test_track_page_lists_modules_with_level_jp_modes_audience(site):
    soup = page(site, "jalur/nilai")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select("tbody tr")
    ]
    # From foundation to advanced, then by title.
    assert rows == [
        [
            "Integritas dalam Pelayanan",
            "Dasar",
            "3",
            "Webinar (daring sinkron), E-learning mandiri",
            "Semua ASN",
        ],
        [
            "Kode Etik ASN (Versi Lama) Diarsipkan",
            "Dasar",
            "1",
            "Rekaman webinar (asinkron)",
            "CPNS",
        ],
        [
            "Kolaborasi Lintas Unit",
            "Menengah",
            "6",
            "Tatap muka (klasikal), Komunitas praktik",
            "Pengawas, Administrator",
        ],
    ]
    assert "Total: 3 modul, 10 JP." in text_of(soup)


def test_module_page_shows_what_a_learner_needs(site):
    soup = page(site, "modul/integritas-dasar")
    text = text_of(soup)
    assert "Beban belajar: 3 JP (135 menit)" in text
    assert "Total 135 3" in text
    assert "Dilanjutkan dengan: Kolaborasi Lintas Unit" in text
    assert (
        "ASN Berintegritas dan Kolaboratif — langkah 1 dari 3, fase “Sebelum webinar”, wajib"
        in text
    )
    assert (
        "Rabu, 9 Desember 2026, 09.00–10.30 WIB · 10.00–11.30 WITA · 11.00–12.30 WIT · Zoom · "
        "Daftar ke webinar Integritas dalam Pelayanan · Tambahkan ke kalender" in text
    )
    assert "Sudah lewat Rabu, 14 Oktober 2026, 09.00–10.30 WIB" in text
    calendar = soup.find("a", string="Tambahkan ke kalender")
    assert calendar["href"] == "../../kalender/sesi/integritas-dasar-20261209-0200z.ics"
    assert (site / "kalender" / "sesi" / "integritas-dasar-20261209-0200z.ics").is_file()
    assert "1. Reaksi Survei kepuasan." in text
    assert "Alternatif untuk koneksi lemah: Rekaman audio saja dan ringkasan PDF." in text
    assert "Terakhir ditelaah: 1 September 2026" in text
    competency = soup.find("a", string="Integritas")
    assert competency["href"] == "../../kompetensi/inti/integritas/"
    resource = soup.find("a", string="Panduan di situs")
    assert resource["href"] == "../../halaman/tentang/"


def test_session_crossing_midnight_shows_the_next_day_in_wit(site):
    text = text_of(page(site, "modul/keamanan-siber"))
    assert (
        "Minggu, 20 Desember 2026, 22.30–23.30 WIB · 23.30–00.30 WITA · "
        "00.30–01.30 WIT (Senin, 21 Desember 2026)" in text
    )
    assert "Selasa, 22 September 2026, 13.00–14.30 WIT · 11.00–12.30 WIB · 12.00–13.30 WITA" in text


def test_markdown_is_sanitised_and_text_is_escaped(site):
    html = (site / "modul" / "integritas-dasar" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    assert "alert(1)" not in html or "&lt;script&gt;alert(1)" in html
    link = soup.find("a", string="klik")
    assert link["href"] == "https://example.org"
    assert not soup.select("[onerror], [onclick], a[href^='javascript:']")


def test_glossary_abbreviations_are_explained_where_they_appear(site):
    soup = page(site, "modul/integritas-dasar")
    titles = {abbr.get_text(): abbr["title"] for abbr in soup.find_all("abbr")}
    assert titles["JP"] == "Jam Pelajaran"
    track = page(site, "jalur/digital")
    assert any(
        a["title"] == "Sistem Pemerintahan Berbasis Elektronik" for a in track.find_all("abbr")
    )


def test_edit_link_opens_the_yaml_source(site):
    soup = page(site, "modul/keamanan-siber")
    edit = soup.find("a", rel="edit")
    assert edit["href"] == REPO_EDIT + "curriculum/modules/digital/keamanan-siber.yml"


def test_archived_module_is_published_and_marked(site):
    text = text_of(page(site, "modul/etika-lama"))
    assert "Modul diarsipkan" in text
    assert "Status: Diarsipkan" in text


def test_draft_module_is_published_nowhere(site):
    # The fixture's draft: without it this test would prove nothing.
    draft = (MINI / "curriculum/modules/digital/ai-generatif.yml").read_text(encoding="utf-8")
    assert "status: draft" in draft and "AI Generatif" in draft
    assert not (site / "modul" / "ai-generatif").exists()
    searched = set()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}:
            content = path.read_text(encoding="utf-8")
            assert "ai-generatif" not in content, path
            assert "AI Generatif" not in content, path
            searched.add(path.relative_to(site).as_posix())
    assert {"index.html", "sitemap.xml", "assets/pencarian-kata.json"} <= searched
    assert {"katalog/index.html", "assets/pencarian-glosarium.json"} <= searched
    # The search index: no result, filter or metadata of the draft.
    records = fragments(site)
    assert len(records) > 10
    for name, record in records.items():
        text = json.dumps(record, ensure_ascii=False)
        assert "ai-generatif" not in text and "AI Generatif" not in text, name


def test_pathway_totals_order_and_mix(site):
    soup = page(site, "jalur-belajar/asn-berintegritas")
    text = text_of(soup)
    assert "Beban belajar: 9 JP wajib + 4 JP pilihan" in text
    # The annual target is a yearly minimum and the weekly pace a what-if: both true.
    assert (
        "Target tahunan: langkah wajibnya (9 JP) muat dalam target 20 JP setahun; sisa 11 JP "
        "bisa diisi langkah pilihan atau modul lain." in text
    )
    assert (
        "Bila instansi memberi waktu lebih: dengan 4 JP per minggu, seluruh langkah wajib "
        "selesai dalam ±3 minggu." in text
    )
    assert "Tahun ini:" not in text, "a pathway within the target has no year split"
    assert "Langkah wajib 9 Langkah pilihan 4 Seluruh langkah 13" in text
    # The shares add up to 100 % and are the planner's: rounding each share on its own
    # gave 69/15/15 = 99 % here while the planner showed 69/16/15.
    assert (
        "Formal: 69% dari JP jalur belajar ini (9 JP); disarankan ±10% "
        "Dari orang lain: 16% dari JP jalur belajar ini (2 JP); disarankan ±20% "
        "Pengalaman kerja: 15% dari JP jalur belajar ini (2 JP); disarankan ±70%" in text
    )
    # What to do about it, with the pathway's own optional steps that help.
    assert "Porsi pengalaman kerja masih kecil." in text
    planner = json.loads((site / "assets/rencana-belajar.json").read_text(encoding="utf-8"))
    modules = {module["id"]: module for module in planner["modules"]}
    steps = ["integritas-dasar", "kolaborasi-tim", "keamanan-siber"]
    groups = ["formal", "social", "experiential"]
    minutes = [sum(modules[step]["groups"][group] for step in steps) for group in groups]
    shares = re.findall(r": (\d+)% dari JP", text.split("Keseimbangan 70-20-10", 1)[1])[:3]
    assert [int(share) for share in shares] == percent_shares(minutes) == [69, 16, 15]
    assert sum(percent_shares(minutes)) == 100
    assert phases(soup) == [
        (
            "Fase 1: Sebelum webinar",
            "Siapkan diri dengan modul integritas.",
            ["Integritas dalam Pelayanan"],
        ),
        ("Fase 2: Saat webinar", "", ["Kolaborasi Lintas Unit"]),
        ("Fase 3: Setelah webinar", "", ["Keamanan Siber untuk ASN"]),
    ]
    assert "Keamanan Siber untuk ASN — 4 JP, pilihan" in text
    assert "Catatan: Ikuti kelas tatap muka di Makassar." in text
    bar = soup.select_one(".kk-bar")
    assert bar["aria-label"] == "Formal 69%, Dari orang lain 16%, Pengalaman kerja 15%"
    legend = [li.select_one(".kk-warna")["class"] for li in soup.select(".kk-legenda li")]
    assert legend == [["kk-warna", f"kk-bar-{group}"] for group in groups]


def test_pathway_names_prerequisites_taken_from_assumes(site):
    soup = page(site, "jalur-belajar/analis-data")
    text = text_of(soup)
    assert [(title, steps) for title, _, steps in phases(soup)] == [
        ("Fase 1: Persiapan", ["Kolaborasi Lintas Unit"]),
        ("Fase 2: Praktik", ["Literasi Data Layanan"]),
    ]
    assert (
        "Jalur belajar ini disusun untuk Anda yang sudah mengikuti modul berikut. Bila belum, "
        "ambil lebih dulu: Integritas dalam Pelayanan (3 JP)" in text
    )
    assert "Prasyarat dari bekal awal: Integritas dalam Pelayanan" in text
    assert "langkah wajibnya (12 JP) muat dalam target 20 JP setahun" in text


def test_competency_page_lists_modules_level_by_level(site):
    text = text_of(page(site, "kompetensi/teknis/analisis-data"))
    level_1 = text.split("Tingkat 1: Dasar")[1].split("Tingkat 2")[0]
    level_2 = text.split("Tingkat 2: Menengah")[1].split("Tingkat 3")[0]
    level_3 = text.split("Tingkat 3: Mahir")[1]
    assert "Literasi Data Layanan" in level_1
    assert "Belum ada modul untuk tingkat ini." in level_2
    assert "Keamanan Siber untuk ASN" in level_3


def test_matrix_counts_cells_and_lists_promised_gaps(site):
    soup = page(site, "peta-kompetensi")
    # The curriculum team's analysis is on its own page; readers get the map.
    assert "sel terlayani" not in text_of(soup)
    coverage = page(site, "kontributor/cakupan-kompetensi")
    assert "29 dari 36 sel terlayani (81%)" in text_of(coverage)
    promised = coverage.find(id="celah-di-jalur-belajar").find_next("table")
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in promised.select("tbody tr")
    ]
    assert rows == [["Pelaksana", "Kolaborasi", "Menjadi Analis Data Layanan"]]
    teknis = soup.find(id="peta-teknis").find_next("table")
    header = [th.get_text(strip=True) for th in teknis.select("thead th")]
    analysis = [td.get_text(" ", strip=True) for td in teknis.select("tbody tr")[0].find_all("td")]
    assert analysis[header.index("Pelaksana")] == "2 modul, tk. 1, 3"
    assert analysis[header.index("CPNS")] == "1 modul, tk. 3"
    # Each served cell links to its competency; an empty one says so in words.
    cell = teknis.select("tbody tr")[0].find_all("td")[header.index("CPNS")]
    assert cell.a["href"] == "../kompetensi/teknis/analisis-data/"
    assert "belum ada" in text_of(soup)


def test_pages_load_nothing_from_third_parties(site):
    checked = {"script": 0, "link": 0}
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute) or ""
                is_page_link = tag == "link" and "stylesheet" not in element.get("rel", [])
                if is_page_link or not url:
                    continue
                assert not url.startswith(("http:", "https:", "//")), (path, url)
                checked[tag] = checked.get(tag, 0) + 1
    # Every page loads the theme's scripts and stylesheets: were they looked at?
    assert checked["script"] > 0 and checked["link"] > 0, checked
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_only_the_planner_page_loads_the_planner_assets(site):
    assert (site / "rencana-belajar" / "index.html").is_file()
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        css = soup.select('head link[rel="stylesheet"][href$="rencana-belajar.css"]')
        js = soup.select('script[src$="rencana-belajar.js"]')
        if path.relative_to(site).as_posix() == "rencana-belajar/index.html":
            assert [link["href"] for link in css] == ["../assets/rencana-belajar.css"]
            assert [script["src"] for script in js] == ["../assets/rencana-belajar.js"]
            assert js[0].has_attr("defer")
            assert soup.select_one("head noscript") is not None
        else:
            assert not css and not js, path


def test_search_index_and_sitemap_cover_published_pages(site):
    records = {record["url"]: record for record in fragments(site).values()}
    assert "/modul/etika-lama/" in records
    archived = records["/modul/etika-lama/"]
    assert archived["meta"]["status"] == "Diarsipkan"
    assert archived["meta"]["jenis"] == "Modul"
    assert not (site / "search").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "modul/keamanan-siber/" in sitemap


def test_navigation_has_only_section_pages(site):
    soup = page(site, "modul/literasi-data")
    nav_links = soup.select("nav.md-nav--primary a.md-nav__link")
    assert nav_links, "no primary navigation found on the page"
    assert not [a for a in nav_links if "/modul/" in (a.get("href") or "")]


def test_link_targets_cannot_carry_html():
    from generator.text.escape import link_target

    target = link_target("https://contoh.go.id/a)<script>alert(1)</script>")
    assert "<" not in target and ")" not in target
    assert target.startswith("https://contoh.go.id/a%29%3Cscript%3E")
    assert link_target("https://contoh.go.id/daftar?id=1&sesi=2#jadwal") == (
        "https://contoh.go.id/daftar?id=1&sesi=2#jadwal"
    )


def test_glossary_terms_that_would_break_markup_are_not_used_as_abbreviations():
    from generator.render.abbreviations import abbreviation_lines
    from generator.render.markdown import markdown_html

    lines = abbreviation_lines({"JP": "Jam Pelajaran", "<b>x]": "Jahat <i>"})
    assert lines == "*[JP]: Jam Pelajaran\n"
    html = markdown_html("Hak 20 JP.", {"JP": "Jam <b>Pelajaran</b>"})
    assert html == '<p>Hak 20 <abbr title="Jam &lt;b&gt;Pelajaran&lt;/b&gt;">JP</abbr>.</p>'


def test_plain_text_fields_stay_text_under_the_site_markdown_extensions():
    import markdown

    from generator.text.escape import escape

    hostile = 'Judul {: onclick="alert(1)" } <img src=x onerror=alert(1)> *tebal* ~x~ 100%'
    html = markdown.markdown(
        f"# {escape(hostile)}\n\n- {escape(hostile)}",
        extensions=["attr_list", "md_in_html", "tables", "abbr"],
    )
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("[onclick], [onerror], img, em")
    assert html.count('Judul {: onclick="alert(1)" } &lt;img src=x onerror=alert(1)&gt;') == 2
    assert "*tebal* ~x~ 100%" in html


def test_without_javascript_no_page_has_a_dead_search_button(site):
    # The search button is made by assets/pencarian.js; the static header carries only
    # the theme's icon in an inert <template>, so a reader without JavaScript sees no
    # control that does nothing.
    for path in ("", "katalog"):
        soup = page(site, path)
        assert not soup.select(".kk-cari-tombol"), path
        template = soup.select_one("template#kk-cari-ikon")
        assert template is not None and "<svg" in str(template), path
