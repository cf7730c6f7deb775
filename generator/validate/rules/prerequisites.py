"""Prerequisites: each names another, known, published module, and none form a cycle."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.load.documents import Document
from generator.model.index import is_published_status
from generator.problems.report import Problem, error
from generator.validate.collect import Checked, raw_items
from generator.validate.graph import find_cycles, prerequisite_graph
from generator.validate.translate import close_match


def check_prerequisites(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    modules = checked.modules
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
            elif not checked.exists("module", prerequisite):
                yield from found(unknown_prerequisite(checked, document, i, prerequisite))
            elif (
                prerequisite in modules
                and is_published_status(module.status)
                and not is_published_status(modules[prerequisite].model.status)
            ):
                yield error(
                    document.path,
                    position,
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


def found(problem: Problem | None) -> Iterator[Problem]:
    """The problem, if there is one, as an iterator to `yield from`."""
    if problem is not None:
        yield problem


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


def check_cycles(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for cycle in find_cycles(prerequisite_graph(checked)):
        first = checked.modules[cycle[0]]
        index = (first.model.prerequisites or []).index(cycle[1])
        yield first.document.error(
            ("prerequisites", index),
            "prerequisite-cycle",
            cycle=list(cycle),
        )
