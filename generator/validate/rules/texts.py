"""Published texts: no `ISI: …` placeholder left from a scaffolded file."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.model.index import is_published_status
from generator.problems.report import Problem
from generator.validate.collect import Checked
from generator.validate.markdown_links import markdown_values
from generator.validate.rules.rule import rule
from generator.validate.translate import loc_label


@rule(
    "Jalur, modul dan jalur belajar yang diterbitkan tidak lagi memuat teks isian "
    f"`{fmt.PLACEHOLDER} …`.",
    warnings={
        "placeholder-left": lambda field, placeholder: (
            f"`{field}` masih berisi teks isian `{placeholder} …`; ganti dengan isi sebenarnya "
            "sebelum diterbitkan"
        ),
    },
)
def check_placeholders(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    located = [
        *checked.tracks.values(),
        *(item for item in checked.modules.values() if is_published_status(item.model.status)),
        *(item for item in checked.pathways.values() if is_published_status(item.model.status)),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data):
            if fmt.PLACEHOLDER in text:
                yield item.document.warning(
                    loc,
                    "placeholder-left",
                    field=loc_label(loc),
                    placeholder=fmt.PLACEHOLDER,
                )
