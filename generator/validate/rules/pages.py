"""Free pages (`curriculum/pages/*.md`): bounded like the Markdown fields they resemble."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem, error


def check_page_bounds(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """Free pages are rendered like Markdown fields: bound what they cost to render."""
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
