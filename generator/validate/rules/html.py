"""Raw HTML in editors' Markdown that the sanitiser removes: said where it was written."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import markdown

from generator.model.index import CurriculumIndex
from generator.problems.report import Problem, warning
from generator.text import html
from generator.validate.markdown_links import is_markdown_field, markdown_values, text_documents
from generator.validate.rules.rule import rule
from generator.validate.translate import loc_label

# What to write instead, by what was removed; anything else is written in Markdown.
_INSTEAD = {
    "iframe": "tautkan videonya atau halamannya: `[Tonton rekamannya](https://…)`",
    "video": "tautkan videonya: `[Tonton rekamannya](https://…)`",
    "audio": "tautkan rekamannya: `[Dengarkan](https://…)`",
    "embed": "tautkan berkasnya: `[Unduh bahan](https://…)`",
    "object": "tautkan berkasnya: `[Unduh bahan](https://…)`",
    "img": "tautkan gambarnya: `[Lihat gambar](https://…)`",
    "script": "skrip tidak pernah diterbitkan; hapus bagian ini",
    "style": "tampilan mengikuti gaya situs; hapus bagian ini dan pakai **tebal** atau "
    "_miring_ Markdown bila perlu",
    "form": "tautkan formulirnya: `[Isi formulir](https://…)`",
    "input": "tautkan formulirnya: `[Isi formulir](https://…)`",
    "button": "tulis tautan Markdown: `[Daftar](https://…)`",
    "font": "pakai **tebal** atau _miring_ Markdown",
    "center": "hapus; teks mengikuti tata letak situs",
}


def _advice(item: str) -> str:
    if item.startswith("<"):
        return _INSTEAD.get(item.strip("<>"), "tulis dengan Markdown")
    attribute = item.split(" ", 1)[1].rstrip("=")
    if attribute == "style":
        return _INSTEAD["style"]
    if attribute.startswith("on"):
        return _INSTEAD["script"]
    return "hapus atribut itu"


# A link the sanitiser drops for its scheme is the link rules' to report, with the link.
_URL_ATTRIBUTES = {"href", "src", "cite"}


def _reported(item: str) -> bool:
    return item.startswith("<") or item.split(" ", 1)[1].rstrip("=") not in _URL_ATTRIBUTES


def _shown(item: str) -> str:
    return item if item.startswith("<") else f"{item.split(' ', 1)[1]}…"


def _needle(item: str) -> str:
    return item.rstrip(">") if item.startswith("<") else item.split(" ", 1)[1]


@rule(
    "HTML di teks Markdown yang dibuang saat diterbitkan (mis. tag `iframe` dan `script`, "
    "atribut `style`) diberi peringatan beserta penggantinya.",
    warnings={
        "html-removed": lambda removed, advice, field=None: (
            f"`{removed}`"
            + (f" di {field}" if field else "")
            + f" tidak diterbitkan (HTML itu dibuang dari halaman); {advice}"
        ),
    },
)
def check_removed_html(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in text_documents(index):
        for loc, text in markdown_values(item.document.data, lambda value: "<" in value):
            if not is_markdown_field(loc):
                continue
            for removed in html.removed(markdown.markdown(text, extensions=["tables"])):
                if not _reported(removed):
                    continue
                position = item.document.find(_needle(removed), loc)
                yield item.document.warning(
                    loc,
                    "html-removed",
                    at=position,
                    removed=_shown(removed),
                    advice=_advice(removed),
                    field=loc_label(loc),
                )
    for page in index.pages:
        if "<" not in page.text:
            continue
        lines = page.text.split("\n")
        for removed in html.removed(markdown.markdown(page.text, extensions=["tables"])):
            if not _reported(removed):
                continue
            needle = _needle(removed)
            position = next(
                (
                    (number, line.find(needle) + 1)
                    for number, line in enumerate(lines, start=1)
                    if needle in line
                ),
                (1, 1),
            )
            yield warning(
                page.path,
                position,
                "html-removed",
                removed=_shown(removed),
                advice=_advice(removed),
            )
