"""Published texts: no `ISI: …` placeholder left from a scaffolded file."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem
from generator.validate.markdown_links import markdown_values
from generator.validate.rules.rule import rule
from generator.validate.translate import loc_label


@rule(
    "Jalur, modul dan jalur belajar yang diterbitkan tidak lagi memuat teks isian "
    f"`{fmt.PLACEHOLDER} …`.",
    # An error, not a warning: the pull-request check fails on it, so a scaffold's
    # placeholders are never published behind a green check.
    errors={
        "placeholder-left": lambda field, placeholder: (
            f"{field} masih berisi teks isian `{placeholder} …`; ganti dengan isi sebenarnya "
            "sebelum diterbitkan"
        ),
    },
)
def check_placeholders(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    located = [
        *index.tracks.values(),
        *(index.modules[module_id] for module_id in index.published("module")),
        *(index.pathways[pathway_id] for pathway_id in index.published("pathway")),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data):
            if fmt.PLACEHOLDER in text:
                yield item.document.error(
                    loc,
                    "placeholder-left",
                    field=loc_label(loc),
                    placeholder=fmt.PLACEHOLDER,
                )
