"""The glossary: each term once."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import CurriculumIndex
from generator.problems.report import Problem
from generator.validate.rules.rule import rule


@rule(
    "Istilah glosarium unik (tanpa membedakan huruf besar dan kecil, maupun spasi).",
    errors={
        "glossary-term-duplicate": "istilah `{term}` sudah ada di butir {first}; istilah harus "
        "unik",
    },
)
def check_glossary(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    if index.glossary is None:
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(index.glossary.model.root):
        # As the search dialog reads terms: spaces inside and around do not tell two apart.
        key = " ".join(entry.term.split()).casefold()
        if key in seen:
            yield index.glossary.document.error(
                (i, "term"),
                "glossary-term-duplicate",
                term=entry.term,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)
