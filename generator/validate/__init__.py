"""Validate stage: typed checks of each file, then the rules that span files.

Every problem is located at the key or value it is about, worded in Indonesian (through
the message catalogue) with the field, the expectation and the value found, and all are
collected in one run. Nothing here raises on bad input.

- `translate`: one document against its format model, pydantic errors as problems;
- `collect`: the typed documents keyed by id, as the `CurriculumIndex` the rules read;
- `graph`: the prerequisite graph and its cycles;
- `rules`: the cross-file rules as a table (`RULES`), each declared beside its check in
  the module of its concern;
- `markdown_links`: the links in editors' Markdown, for the rules and `anchors`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.load.documents import Document, Sources
from generator.load.files import changed_paths, paused_gc
from generator.model.documents import Located
from generator.model.index import CurriculumIndex
from generator.problems.report import ERROR, Problem
from generator.validate import rules
from generator.validate.collect import broken_ids, collect
from generator.validate.translate import check_document


@dataclass
class Validation:
    index: CurriculumIndex
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not any(problem.severity == ERROR for problem in self.problems)


def validate(sources: Sources, *, today: datetime.date) -> Validation:
    """Check every file against its model, then every rule that spans files."""
    with paused_gc():
        return _validate(sources, today=today)


def _jp_minutes(documents: list[Document]) -> int:
    """The project's minutes per JP as written, for messages read before the config is typed."""
    for document in documents:
        if document.kind == "site_config" and isinstance(document.data, dict):
            value = document.data.get("jp_minutes", 45)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
    return 45


def _validate(sources: Sources, *, today: datetime.date) -> Validation:
    problems = list(sources.problems)
    typed: list[Located] = []
    unchecked: list[Document] = []
    jp_minutes = _jp_minutes(sources.documents)
    for document in sources.documents:
        model, document_problems = check_document(document, jp_minutes)
        problems.extend(document_problems)
        if model is not None:
            typed.append(Located(document, model))
        else:
            unchecked.append(document)
    root = sources.root
    index, index_problems = collect(
        typed, sources.pages, (lambda: changed_paths(root)) if root is not None else set
    )
    index.unchecked = unchecked
    problems.extend(index_problems)
    index.broken = broken_ids(problems)
    # Read at run time: a test adds a rule to the table as a new concern module would.
    for rule in rules.RULES:
        if rule.check is not None:
            problems.extend(rule.check(index, today))
    return Validation(index, sorted(set(problems)), sources.files)
