"""Published texts: no `ISI: …` placeholder left from a scaffolded file."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator import format as fmt
from generator.index import is_published_status
from generator.problems import Problem
from generator.validation.collect import Checked
from generator.validation.rules.links import markdown_values
from generator.validation.translate import loc_label


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
