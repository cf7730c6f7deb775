"""Prerequisites: each names another, known, published module, and none form a cycle."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.load.documents import Document
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem, error
from generator.validate.collect import raw_items
from generator.validate.graph import find_cycles, prerequisite_graph
from generator.validate.translate import close_match


def check_prerequisites(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    modules = index.modules
    for item in modules.values():
        module, document = item.model, item.document
        for i, prerequisite in enumerate(module.prerequisites or []):
            position = document.position(("prerequisites", i))
            if prerequisite == module.id:
                yield error(
                    document.path,
                    position,
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
                yield error(
                    document.path,
                    position,
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


def found(problem: Problem | None) -> Iterator[Problem]:
    """The problem, if there is one, as an iterator to `yield from`."""
    if problem is not None:
        yield problem


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


def check_cycles(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for cycle in find_cycles(prerequisite_graph(index)):
        first = index.modules[cycle[0]]
        position = (first.model.prerequisites or []).index(cycle[1])
        yield first.document.error(
            ("prerequisites", position),
            "prerequisite-cycle",
            cycle=list(cycle),
        )
