"""The glossary: each term once."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.problems.report import Problem
from generator.validate.collect import Checked
from generator.validate.rules.rule import rule


@rule(
    "Istilah glosarium unik (tanpa membedakan huruf besar dan kecil).",
    errors={
        "glossary-term-duplicate": "istilah `{term}` sudah ada di butir {first}; istilah harus "
        "unik",
    },
)
def check_glossary(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    if checked.glossary is None:
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(checked.glossary.model.root):
        key = entry.term.casefold()
        if key in seen:
            yield checked.glossary.document.error(
                (i, "term"),
                "glossary-term-duplicate",
                term=entry.term,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)
