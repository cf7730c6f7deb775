"""Bounded work for any input, and no traceback from any input.

Glossary abbreviations are applied once per field and page (linear in the glossary),
refused links are located in one pass, and every size bound is reported at its line.
"""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.abbr import AbbrExtension

from generator.render import Abbreviations, abbreviation_lines, markdown_html

GLOSSARY = {
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
    abbreviations = Abbreviations(GLOSSARY)
    text = "# ASN dan SPBE-X\n\nTanpa istilah lain: PN, SPB.\n"
    assert abbreviations.definitions(text) == (
        "*[ASN]: Aparatur Sipil Negara\n\n"
        "*[SPBE]: Sistem Pemerintahan Berbasis Elektronik\n\n"
        "*[SPBE-X]: Versi uji\n"
    )
    assert abbreviations.definitions("Tidak ada istilah.") == ""


# Words, glossary terms and the Markdown syntax around them.
_PIECES = [
    *GLOSSARY,
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
    abbreviations = Abbreviations(GLOSSARY)
    # A field: rendered with the terms found in it, as with the whole glossary appended.
    assert markdown_html(text, abbreviations) == _field_with_whole_glossary(text)
    # A page (generated pages end with a line of text): MkDocs' extensions with the page's
    # definitions render as with all of them.
    text += "\n\nAkhir.\n"
    whole = markdown.markdown(
        f"{text}\n\n{abbreviation_lines(GLOSSARY)}", extensions=PAGE_EXTENSIONS
    )
    own = markdown.markdown(
        f"{text}\n\n{abbreviations.definitions(text)}", extensions=PAGE_EXTENSIONS
    )
    assert own == whole


def _field_with_whole_glossary(text: str) -> str:
    """What markdown_html gave before it looked for the field's terms: every one of them."""
    import nh3

    from generator.render import _ALLOWED_TAGS

    if not text:
        return ""
    abbr = AbbrExtension(glossary=Abbreviations(GLOSSARY).titles)
    rendered = markdown.markdown(text, extensions=[abbr, "tables", "sane_lists"])
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


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
