"""Free pages (`curriculum/pages/*.md`): bounded like the Markdown fields they resemble."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.model.index import CurriculumIndex
from generator.problems.messages import number
from generator.problems.report import Problem, error
from generator.text.numbers import number_text
from generator.validate.rules.rule import rule


@rule(
    "Halaman bebas (`curriculum/pages/<nama>.md`) berisi paling banyak "
    f"{number_text(fmt.MAX_PAGE_CHARS)} karakter dan {fmt.MAX_MARKUP_CHARS} tanda `[` atau "
    "`<`.",
    errors={
        "page-too-long": lambda limit, length: (
            f"halaman paling banyak {number(limit)} karakter, ditemukan {number(length)} "
            "karakter; pecah menjadi beberapa halaman"
        ),
        "page-markup": lambda count, char, limit: (
            f"halaman memuat {number(count)} tanda `{char}`; paling banyak {limit} dalam satu "
            "halaman (tautan, gambar dan HTML membuat situs lambat dibangun); kurangi atau pecah "
            "menjadi beberapa halaman"
        ),
    },
)
def check_page_bounds(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """Free pages are rendered like Markdown fields: bound what they cost to render.

    A free page is Markdown, not a YAML document: its problems are located at a line.
    """
    for page in index.pages:
        # The file name's length is the loader's (generator.load.files._page_name_problems).
        if len(page.text) > fmt.MAX_PAGE_CHARS:
            yield error(
                page.path,
                _offset_position(page.text, fmt.MAX_PAGE_CHARS),
                "page-too-long",
                limit=fmt.MAX_PAGE_CHARS,
                length=len(page.text),
            )
        found = fmt.markup_count(page.text)
        if found:
            char, count = found
            offset = -1
            for _ in range(fmt.MAX_MARKUP_CHARS + 1):
                offset = page.text.find(char, offset + 1)
            yield error(
                page.path,
                _offset_position(page.text, offset),
                "page-markup",
                count=count,
                char=char,
                limit=fmt.MAX_MARKUP_CHARS,
            )


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
