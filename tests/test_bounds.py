"""Bounded work for any input, and no traceback from any input.

Glossary abbreviations are applied once per field and page (linear in the glossary),
refused links are located in one pass, and every size bound is reported at its line.
"""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.abbr import AbbrExtension

from generator.format import models as fmt
from generator.render.abbreviations import Abbreviations, abbreviation_lines
from generator.render.markdown import markdown_html
from generator.text.numbers import number_text
from tests.conftest import GLOSSARY as GLOSSARY_YAML
from tests.conftest import MODULE_ETIKA, SITE_CONFIG

TERMS = {
    "ASN": "Aparatur Sipil Negara",
    "PNS": "Pegawai Negeri Sipil",
    "SPBE": "Sistem Pemerintahan Berbasis Elektronik",
    "SPBE-X": "Versi uji",
    "e-KTP": "Kartu Tanda Penduduk elektronik",
    "Zona Integritas": "Predikat unit kerja",
    "_X": "Istilah berawalan garis bawah",
    "(BPS)": "Badan Pusat Statistik",
    "A&B": "Tidak dipakai: ampersan",
}
PAGE_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc", "admonition"]


# --- abbreviations -----------------------------------------------------------------------


def test_a_term_or_expansion_with_a_line_break_or_control_character_is_not_an_abbreviation():
    hostile = {
        "ZZ\r# Judul {: onclick=alert(1) }\rZZ": "x",
        "YY\n!!! danger": "x",
        "NEL\x85x": "x",
        "LS\u2028x": "x",
        "PS\u2029x": "x",
        "ESC\x1bx": "x",
        "DEL\x7fx": "x",
        "OK1": "baris\rbaru",
        "OK2": "baris\u2028baru",
        "OK3": "nul\x00",
        "JP": "Jam Pelajaran",
    }
    assert abbreviation_lines(hostile) == "*[JP]: Jam Pelajaran\n"
    assert Abbreviations(hostile).titles == {"JP": "Jam Pelajaran"}


def test_terms_that_match_inside_markdown_placeholders_are_not_abbreviations():
    # Python-Markdown keeps stashed HTML, escapes and entities as STX…ETX placeholders
    # while `abbr` runs: `wzxhzdk:0`, `42` (for `\*`) and `amp` would break the page.
    terms = {"wzxhzdk": "x", "wzxhzdk:0": "x", ":1": "x", "42": "x", "amp": "x", "JP": "y"}
    assert list(Abbreviations(terms).titles) == ["JP"]
    html = markdown_html("a \\* b <b>c</b> &amp; JP", terms)
    assert html == '<p>a * b <b>c</b> &amp; <abbr title="y">JP</abbr></p>'


def test_an_empty_expansion_is_not_an_abbreviation():
    # `*[JP]: ` with no title is not a definition: it would be shown on every page.
    assert abbreviation_lines({"JP": " \t ", "ASN": "Aparatur"}) == "*[ASN]: Aparatur\n"


def test_page_definitions_are_only_the_terms_on_the_page_one_block_each():
    abbreviations = Abbreviations(TERMS)
    text = "# ASN dan SPBE-X\n\nTanpa istilah lain: PN, SPB.\n"
    assert abbreviations.definitions(text) == (
        "*[ASN]: Aparatur Sipil Negara\n\n"
        "*[SPBE]: Sistem Pemerintahan Berbasis Elektronik\n\n"
        "*[SPBE-X]: Versi uji\n"
    )
    assert abbreviations.definitions("Tidak ada istilah.") == ""


# Words, glossary terms and the Markdown syntax around them.
_PIECES = [
    *TERMS,
    "ASNX",
    "XASN",
    "SPBE-",
    "Zona",
    "Integritas",
    "e",
    "KTP",
    "BPS",
    " ",
    "\n",
    "\n\n",
    "\t",
    "*",
    "**",
    "_",
    "__",
    "`",
    "[",
    "](https://contoh.go.id)",
    "]",
    "\\",
    "<b>",
    "</b>",
    "&amp;",
    "# ",
    "- ",
    "1. ",
    "> ",
    "| a | b |\n|---|---|\n| ",
    "{: .x }",
    "    ",
    "(",
    ")",
    "-",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30))
def test_only_the_terms_on_the_page_render_as_the_whole_glossary_does(pieces):
    text = "".join(pieces)
    abbreviations = Abbreviations(TERMS)
    # A field: rendered with the terms found in it, as with the whole glossary appended.
    assert markdown_html(text, abbreviations) == _field_with_whole_glossary(text)
    # A page (generated pages end with a line of text): MkDocs' extensions with the page's
    # definitions render as with all of them.
    text += "\n\nAkhir.\n"
    whole = markdown.markdown(f"{text}\n\n{abbreviation_lines(TERMS)}", extensions=PAGE_EXTENSIONS)
    own = markdown.markdown(
        f"{text}\n\n{abbreviations.definitions(text)}", extensions=PAGE_EXTENSIONS
    )
    assert own == whole


def _field_with_whole_glossary(text: str) -> str:
    """What markdown_html gave before it looked for the field's terms: every one of them."""
    from generator.text import html

    if not text:
        return ""
    abbr = AbbrExtension(glossary=Abbreviations(TERMS).titles)
    rendered = markdown.markdown(text, extensions=[abbr, "tables", "sane_lists"])
    return html.clean(rendered).strip()


def test_abbreviations_are_found_in_linear_time():
    terms = {f"SK{k:04d}": f"Satuan kerja {k}" for k in range(5000)}
    abbreviations = Abbreviations(terms)
    text = " ".join(f"SK{k:04d}" for k in range(0, 5000, 7)) * 5
    found = abbreviations.used_in(text)
    assert list(found) == [f"SK{k:04d}" for k in range(0, 5000, 7)]
    assert re.fullmatch(
        r"(\*\[SK\d{4}\]: Satuan kerja \d+\n\n)*\*\[SK\d{4}\]: [^\n]+\n",
        abbreviations.definitions(text),
    )


# --- refused links: located in one pass, at most ten per value, then a count -------------------

ETIKA = "curriculum/modules/nilai/etika.yml"
PAGE = "curriculum/pages/panduan.md"
LINK_REFUSED = (
    "tautan `javascript:a({})` di `description` tidak diizinkan; hanya `https://` (dan "
    "`mailto:` untuk kontak)"
)


def _error(path: str, position: str, message: str) -> str:
    return f"{path}:{position}: error: {message}"


def test_at_most_ten_refused_links_per_value_then_a_count(validate):
    links = "".join(f"  [x](javascript:a({i}))\n" for i in range(25))
    result = validate({ETIKA: MODULE_ETIKA + "description: |\n" + links})
    assert result.problems == [
        *(_error(ETIKA, f"{17 + i}:7", LINK_REFUSED.format(i)) for i in range(10)),
        _error(ETIKA, "27:7", LINK_REFUSED.format(10) + " (dan 14 tautan lain sesudah ini)"),
    ]


def test_eleven_refused_links_need_no_count(validate):
    links = " ".join(f"[x](javascript:a({i}))" for i in range(11))
    result = validate({ETIKA: MODULE_ETIKA + f"description: Lihat {links}\n"})
    columns = [24 + 21 * i for i in range(11)]
    assert [line.split(": error: ")[0] for line in result.problems] == [
        f"{ETIKA}:16:{column}" for column in columns
    ]
    assert "sesudah ini" not in result.output


def test_at_most_ten_refused_links_per_page_then_a_count(validate):
    text = "# Panduan\n\n" + "[x](javascript:a) " * 15 + "\n\n<a href='http://x.id'>y</a>\n"
    result = validate({PAGE: text})
    message = "tautan `{}` tidak diizinkan; hanya `https://` (dan `mailto:`)"
    assert result.problems == [
        *(_error(PAGE, f"3:{5 + 18 * i}", message.format("javascript:a")) for i in range(10)),
        _error(PAGE, "3:185", message.format("javascript:a") + " (dan 5 tautan lain sesudah ini)"),
    ]


def test_twenty_thousand_refused_links_validate_in_seconds(validate):
    import time

    # 200 activities with 100 refused links each, and a page with 20,000.
    links = "[x](javascript:a) " * 100
    activities = "".join(
        f"  - mode: coaching\n    minutes: 45\n    description: Lihat {links}\n" for _ in range(200)
    )
    module = MODULE_ETIKA.replace("activities:\n", "activities:\n" + activities)
    started = time.perf_counter()
    result = validate({ETIKA: module, PAGE: "# P\n\n" + "[x](javascript:a) " * 20_000 + "\n"})
    # 26 s and more when each link's search started again at the top of the file.
    assert time.perf_counter() - started < 10
    counted = [line for line in result.problems if "sesudah ini" in line]
    assert len(result.problems) == 201 * 11 + 2  # and the page is too long, with too many `[`
    assert counted[0].endswith("(dan 89 tautan lain sesudah ini)")
    assert counted[-1].startswith(PAGE)
    assert counted[-1].endswith("(dan 19989 tautan lain sesudah ini)")


# --- size bounds, each reported at its line -----------------------------------------------------


SESSION = 'sessions:\n  - start: "{start}"\n    timezone: {zone}\n    minutes: {minutes}\n'


def _session(start: str = "2026-12-10T09:00", zone: str = "Asia/Jakarta", minutes="90") -> str:
    return MODULE_ETIKA + SESSION.format(start=start, zone=zone, minutes=minutes)


@pytest.mark.parametrize(
    ("start", "zone", "year"),
    [("9999-12-31T23:00", "Pacific/Pago_Pago", 9999), ("0001-01-01T01:00", "Asia/Tokyo", 1)],
)
def test_session_year_out_of_range(validate, start, zone, year):
    # Both overflowed when converted between zones (OverflowError, a traceback).
    result = validate({ETIKA: _session(start, zone)})
    assert result.problems == [
        _error(
            ETIKA,
            "17:12",
            f"`start` pada sesi ke-1: tahun {year} di luar rentang 2000–2100; periksa tahunnya",
        )
    ]


def test_session_years_2000_and_2100_are_valid(validate):
    text = _session("2000-01-01T00:00", "Asia/Tokyo") + SESSION.format(
        start="2100-12-31T23:00", zone="Pacific/Pago_Pago", minutes=1440
    ).removeprefix("sessions:\n")
    result = validate({ETIKA: text})
    # A day-long session is valid; that the webinar activity is shorter is only a warning.
    assert result.exit_code == 0
    assert [line for line in result.problems if ": error: " in line] == []


def test_session_longer_than_a_day(validate):
    # 99999999999 minutes passed validation and crashed the build.
    result = validate({ETIKA: _session(minutes="99999999999")})
    assert result.problems == [
        _error(
            ETIKA,
            "19:14",
            "`minutes` pada sesi ke-1 maksimal 1.440, ditemukan bilangan bulat `99999999999`",
        )
    ]


def test_activity_minutes_of_401_digits(validate):
    text = MODULE_ETIKA.replace("minutes: 90", "minutes: " + "9" * 401)
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "13:14",
            "`minutes` pada kegiatan ke-1 maksimal 100.000, ditemukan bilangan 401 digit",
        )
    ]


def test_activity_minutes_bound(validate):
    result = validate({ETIKA: MODULE_ETIKA.replace("minutes: 90", "minutes: 100001")})
    assert result.problems == [
        _error(
            ETIKA,
            "13:14",
            "`minutes` pada kegiatan ke-1 maksimal 100.000, ditemukan bilangan bulat `100001`",
        )
    ]
    # 100,000 + 45 minutes is no whole JP: a warning, not an error.
    assert validate({ETIKA: MODULE_ETIKA.replace("minutes: 90", "minutes: 99990")}).outcome == (
        0,
        [],
    )


@pytest.mark.parametrize(
    ("key", "limit"),
    [("jp_minutes", "240"), ("annual_jp_target", "10.000"), ("weekly_jp_pace", "1.000")],
)
def test_site_config_numbers_are_bounded(validate, key, limit):
    lines = [line for line in SITE_CONFIG.splitlines() if not line.startswith(key)]
    result = validate({"site_config.yml": "\n".join([*lines, f"{key}: {10**30}"]) + "\n"})
    line = len(lines) + 1
    assert result.problems == [
        _error(
            "site_config.yml",
            f"{line}:{len(key) + 3}",
            f"`{key}` maksimal {limit}, ditemukan bilangan 31 digit",
        )
    ]


def test_markdown_field_length(validate):
    text = MODULE_ETIKA + "description: " + "a" * 10_001 + "\n"
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "16:14",
            "`description` paling banyak 10.000 karakter, ditemukan 10.001 karakter; persingkat "
            "atau pecah uraiannya",
        )
    ]
    assert validate({ETIKA: MODULE_ETIKA + "description: " + "a" * 10_000 + "\n"}).outcome == (
        0,
        [],
    )


@pytest.mark.parametrize("char", ["[", "<"])
def test_markdown_field_markup_count(validate, char):
    text = MODULE_ETIKA + "description: 'x " + f"{char}a " * 101 + "'\n"
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "16:14",
            f"`description` memuat 101 tanda `{char}`; paling banyak 100 dalam satu teks Markdown "
            "(tautan, gambar dan HTML membuat situs lambat dibangun); kurangi atau pecah teksnya",
        )
    ]
    assert validate({ETIKA: MODULE_ETIKA + "description: 'x " + "[a] " * 100 + "'\n"}).outcome == (
        0,
        [],
    )


def test_glossary_definition_is_markdown_and_bounded(validate):
    text = GLOSSARY_YAML.replace(
        "definition: Satuan waktu belajar, 45 menit.", "definition: " + "a" * 10_001
    )
    result = validate({"curriculum/glossary.yml": text})
    assert result.problems == [
        _error(
            "curriculum/glossary.yml",
            "3:15",
            "`definition` pada istilah ke-1 paling banyak 10.000 karakter, ditemukan 10.001 "
            "karakter; "
            "persingkat atau pecah uraiannya",
        )
    ]


def test_plain_text_field_length(validate):
    text = MODULE_ETIKA.replace("title: Etika Pelayanan", "title: " + "a" * 1001)
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "2:8",
            "`title` paling banyak 1.000 karakter, ditemukan 1.001 karakter; persingkat teksnya",
        )
    ]


def test_url_length(validate):
    url = "https://contoh.go.id/" + "a" * 2000
    text = MODULE_ETIKA + f"resources:\n  - title: T\n    url: {url}\n    kind: link\n"
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "18:10",
            "`url` pada bahan ke-1 paling banyak 2.000 karakter, ditemukan 2.021 karakter; "
            "persingkat teksnya",
        )
    ]


def test_page_name_length(validate):
    # A 254-character file name passed validation and crashed the build.
    name = "a" * 251
    result = validate({f"curriculum/pages/{name}.md": "# Hai\n\nTeks.\n"})
    assert result.problems == [
        _error(
            f"curriculum/pages/{name}.md",
            "1:1",
            "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat "
            "huruf kecil a-z, angka dan tanda hubung, paling panjang 64 karakter sebelum `.md`; "
            f"ganti nama berkasnya, misalnya `{'a' * 64}.md`",
        )
    ]
    assert validate({f"curriculum/pages/{'a' * 64}.md": "# Hai\n"}).outcome == (0, [])


def test_page_length(validate):
    text = "# Panduan\n\n" + ("kata " * 19 + "kata\n") * 300 + "akhir\n"
    result = validate({PAGE: text})
    assert result.problems == [
        _error(
            PAGE,
            "302:90",
            "halaman paling banyak 30.000 karakter, ditemukan 30.017 karakter; pecah menjadi "
            "beberapa halaman",
        )
    ]


def test_page_markup_count_points_at_the_first_one_too_many(validate):
    text = "# Panduan\n\n" + "[a] " * 100 + "\n\nlagi [b]\n"
    result = validate({PAGE: text})
    assert result.problems == [
        _error(
            PAGE,
            "5:6",
            "halaman memuat 101 tanda `[`; paling banyak 100 dalam satu halaman (tautan, gambar "
            "dan HTML membuat situs lambat dibangun); kurangi atau pecah menjadi beberapa halaman",
        )
    ]


def test_a_file_over_the_size_bound_is_refused_at_the_line_that_crosses_it(validate):
    objective = "  - " + "Menjelaskan makna akuntabel dalam pelayanan publik. " * 9 + "\n"
    count = fmt.MAX_FILE_BYTES // len(objective) + 10
    text = MODULE_ETIKA.replace("  - Menjelaskan makna akuntabel.\n", objective * count)
    size = len(text.encode("utf-8"))
    line = text.encode("utf-8")[: fmt.MAX_FILE_BYTES].count(b"\n") + 1
    result = validate({ETIKA: text})
    assert result.problems == [
        f"{ETIKA}:{line}:1: error: berkas ini {number_text(size)} bita, lebih dari batas "
        f"1.000.000 bita per berkas (batas itu terlewati di baris {line}); pecah isinya menjadi "
        "beberapa modul atau pindahkan bahan panjang ke tautan `resources`"
    ]


def test_a_list_over_the_length_bound_is_refused_at_its_first_item_too_many(validate):
    objectives = "".join(f"  - Tujuan {k}.\n" for k in range(fmt.MAX_LIST_ITEMS + 5))
    text = MODULE_ETIKA.replace("  - Menjelaskan makna akuntabel.\n", objectives)
    result = validate({ETIKA: text})
    assert result.problems == [
        f"{ETIKA}:{8 + fmt.MAX_LIST_ITEMS}:5: error: daftar ini berisi 2.005 butir, lebih dari "
        "batas 2.000 butir per daftar (butir ke-2.001 ada di baris ini); ringkas daftarnya atau "
        "pecah isinya menjadi beberapa berkas"
    ]
