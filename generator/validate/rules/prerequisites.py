"""Prerequisites: each names another, known, published module, and none form a cycle."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.load.documents import Document
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem
from generator.validate.collect import raw_items
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
def check_prerequisites(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    modules = index.modules
    for item in modules.values():
        module, document = item.model, item.document
        for i, prerequisite in enumerate(module.prerequisites or []):
            if prerequisite == module.id:
                yield document.error(
                    ("prerequisites", i),
                    "prerequisite-self",
                    module=module.id,
                )
            elif not index.exists("module", prerequisite):
                yield from found(unknown_prerequisite(index, document, i, prerequisite))
            elif (
                prerequisite in modules
                and index.is_published("module", module.id)
                and not index.is_published("module", prerequisite)
            ):
                yield document.error(
                    ("prerequisites", i),
                    "prerequisite-draft",
                    module=prerequisite,
                )
    # A module that failed its model still names its prerequisites: a typo there is
    # reported now, not hidden behind the file's other error.
    for document in index.unchecked:
        if document.kind != "module":
            continue
        for i, module_id in raw_items(document.data, "prerequisites"):
            if isinstance(module_id, str):
                yield from found(unknown_prerequisite(index, document, i, module_id))


def unknown_prerequisite(
    index: CurriculumIndex, document: Document, i: int, module_id: str
) -> Problem | None:
    """The `prerequisite-unknown` problem for item `i` of `prerequisites`, if it names no module."""
    if index.exists("module", module_id):
        return None
    return document.error(
        ("prerequisites", i),
        "prerequisite-unknown",
        module=module_id,
        suggestion=close_match(module_id, index.modules),
    )


@rule(
    "Prasyarat tidak membentuk siklus; pesannya menyebut seluruh siklus.",
    errors={
        "prerequisite-cycle": lambda cycle: (
            "prasyarat membentuk siklus: " + " → ".join(cycle) + "; putuskan salah satunya"
        ),
    },
)
def check_cycles(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    # Every file of the cycle gets it, each starting from its own module: the edit that
    # closed the cycle may be in any of them.
    for cycle in find_cycles(prerequisite_graph(index)):
        ring = list(cycle[:-1]) if cycle[0] == cycle[-1] else list(cycle)
        for start, module_id in enumerate(ring):
            item = index.modules[module_id]
            following = ring[(start + 1) % len(ring)]
            position = (item.model.prerequisites or []).index(following)
            rotated = [*ring[start:], *ring[:start], module_id]
            yield item.document.error(
                ("prerequisites", position),
                "prerequisite-cycle",
                cycle=rotated,
            )
