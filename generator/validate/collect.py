"""Building `Checked` from the documents that passed their model: ids, files and kinds.

Two cross-file checks happen here because they decide what is indexed: an `id` must be
its file's name, and ids are unique per kind (the table in `rules` declares them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from generator.format import models as fmt
from generator.load.documents import Document, Page, kind_of
from generator.model.index import KINDS, CurriculumIndex
from generator.problems.report import ERROR, Problem


@dataclass
class Located:
    """A typed model together with the document it came from (for positions)."""

    document: Document
    model: Any


@dataclass
class Checked:
    """The curriculum after validation: typed models, keyed by id, in file order."""

    config: fmt.SiteConfig
    config_document: Document | None
    frameworks: dict[str, Located] = field(default_factory=dict)
    tracks: dict[str, Located] = field(default_factory=dict)
    modules: dict[str, Located] = field(default_factory=dict)
    pathways: dict[str, Located] = field(default_factory=dict)
    glossary: Located | None = None
    pages: list[Page] = field(default_factory=list)
    # Ids of files that exist but failed to load or validate, by kind: references to
    # them are not reported again, since the file's own errors already say what to fix.
    broken: dict[str, set[str]] = field(default_factory=dict)
    # Documents that failed their model: their references are still checked where the
    # raw data allows, so a typo there is not hidden behind the file's other error.
    unchecked: list[Document] = field(default_factory=list)

    def collection(self, kind: str) -> dict[str, Located]:
        """The documents of one kind (`framework`, `track`, `module`, `pathway`), by id."""
        return {
            "framework": self.frameworks,
            "track": self.tracks,
            "module": self.modules,
            "pathway": self.pathways,
        }[kind]

    def exists(self, kind: str, item_id: str) -> bool:
        """Say whether a file of `kind` with this id exists, valid or not."""
        return item_id in self.collection(kind) or item_id in self.broken.get(kind, set())

    @cached_property
    def index(self) -> CurriculumIndex:
        """The facts about these documents, worked out once (see generator.index)."""
        return CurriculumIndex(self)


def collect(typed: list[Located], pages: list[Page]) -> tuple[Checked, list[Problem]]:
    problems: list[Problem] = []
    config_items = [item for item in typed if item.document.kind == "site_config"]
    config = config_items[0].model if config_items else fmt.SiteConfig.model_construct(tracks=[])
    checked = Checked(config, config_items[0].document if config_items else None, pages=pages)
    for item in typed:
        kind, document = item.document.kind, item.document
        if kind == "glossary":
            checked.glossary = item
            continue
        if kind not in KINDS:
            continue
        stem = PurePosixPath(document.path).stem
        if item.model.id != stem:
            problems.append(
                document.error(
                    ("id",),
                    "id-not-file-name",
                    stem=stem,
                    id=item.model.id,
                    stem_valid=re.fullmatch(fmt.SLUG_PATTERN, stem) is not None,
                )
            )
            continue
        bucket = checked.collection(kind)
        if stem in bucket:
            first = bucket[stem].document.path
            problems.append(
                document.error(
                    ("id",),
                    "id-duplicate",
                    id=stem,
                    first=first,
                )
            )
            continue
        bucket[stem] = item
    return checked, problems


def broken_ids(problems: list[Problem]) -> dict[str, set[str]]:
    broken: dict[str, set[str]] = {}
    for problem in problems:
        kind = kind_of(problem.path)
        if problem.severity == ERROR and kind in KINDS:
            broken.setdefault(kind, set()).add(PurePosixPath(problem.path).stem)
    return broken


def raw_items(data: Any, key: str) -> list[tuple[int, Any]]:
    """The numbered items of a list under `key` in raw data, or none when it is no list."""
    value = data.get(key) if isinstance(data, dict) else None
    return list(enumerate(value)) if isinstance(value, list) else []
