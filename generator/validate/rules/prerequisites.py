"""Prerequisites: each names another, known, published module, and none form a cycle."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.load import Document
from generator.model.index import is_published_status
from generator.problems.report import Problem
from generator.validate.collect import Checked, raw_items
from generator.validate.graph import find_cycles, prerequisite_graph
from generator.validate.rules.common import found
from generator.validate.rules.rule import rule
from generator.validate.translate import close_match


@rule(
    "Prasyarat menyebut modul lain yang ada; prasyarat modul yang diterbitkan bukan draf.",
    errors={
        "prerequisite-self": "modul `{module}` tidak boleh menjadi prasyarat dirinya sendiri; "
        "hapus butir ini",
        "prerequisite-unknown": "prasyarat `{module}` bukan modul yang dikenal{hint}",
        "prerequisite-draft": "prasyarat `{module}` masih draf sehingga tidak diterbitkan; "
        "terbitkan modul itu atau hapus prasyarat ini",
    },
)
def check_prerequisites(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    modules = checked.modules
    for item in modules.values():
        module, document = item.model, item.document
        for i, prerequisite in enumerate(module.prerequisites or []):
            if prerequisite == module.id:
                yield document.error(
                    ("prerequisites", i),
                    "prerequisite-self",
                    module=module.id,
                )
            elif not checked.exists("module", prerequisite):
                yield from found(unknown_prerequisite(checked, document, i, prerequisite))
            elif (
                prerequisite in modules
                and is_published_status(module.status)
                and not is_published_status(modules[prerequisite].model.status)
            ):
                yield document.error(
                    ("prerequisites", i),
                    "prerequisite-draft",
                    module=prerequisite,
                )
    # A module that failed its model still names its prerequisites: a typo there is
    # reported now, not hidden behind the file's other error.
    for document in checked.unchecked:
        if document.kind != "module":
            continue
        for i, module_id in raw_items(document.data, "prerequisites"):
            if isinstance(module_id, str):
                yield from found(unknown_prerequisite(checked, document, i, module_id))


def unknown_prerequisite(
    checked: Checked, document: Document, i: int, module_id: str
) -> Problem | None:
    """The `prerequisite-unknown` problem for item `i` of `prerequisites`, if it names no module."""
    if checked.exists("module", module_id):
        return None
    return document.error(
        ("prerequisites", i),
        "prerequisite-unknown",
        module=module_id,
        suggestion=close_match(module_id, checked.modules),
    )


@rule(
    "Prasyarat tidak membentuk siklus; pesannya menyebut seluruh siklus.",
    errors={
        "prerequisite-cycle": lambda cycle: (
            "prasyarat membentuk siklus: " + " → ".join(cycle) + "; putuskan salah satunya"
        ),
    },
)
def check_cycles(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for cycle in find_cycles(prerequisite_graph(checked)):
        first = checked.modules[cycle[0]]
        index = (first.model.prerequisites or []).index(cycle[1])
        yield first.document.error(
            ("prerequisites", index),
            "prerequisite-cycle",
            cycle=list(cycle),
        )
