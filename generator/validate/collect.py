"""Building the `CurriculumIndex` from the documents that passed their model: ids, files, kinds.

Two cross-file checks happen here because they decide what is indexed: an `id` must be
its file's name, and ids are unique per kind (the table in `rules` declares them).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from generator.format import models as fmt
from generator.load.documents import Page, kind_of
from generator.model.documents import KINDS, Located
from generator.model.index import CurriculumIndex
from generator.problems.report import ERROR, Problem


def collect(typed: list[Located], pages: list[Page]) -> tuple[CurriculumIndex, list[Problem]]:
    problems: list[Problem] = []
    config_items = [item for item in typed if item.document.kind == "site_config"]
    config = config_items[0].model if config_items else fmt.SiteConfig.model_construct(tracks=[])
    index = CurriculumIndex(config, config_items[0].document if config_items else None, pages=pages)
    for item in typed:
        kind, document = item.document.kind, item.document
        if kind == "glossary":
            index.glossary = item
            continue
        if kind == "outcome":
            index.outcomes.setdefault(PurePosixPath(document.path).parent.name, []).append(item)
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
        bucket = index.collection(kind)
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
    for items in index.outcomes.values():
        items.sort(key=lambda item: (item.model.delivered, item.document.path))
    return index, problems


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
