"""Building the `CurriculumIndex` from the documents that passed their model: ids, files, kinds.

Two cross-file checks happen here because they decide what is indexed: an `id` must be
its file's name, and ids are unique per kind (the table in `rules` declares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from generator.format import models as fmt
from generator.load.documents import Page, kind_of
from generator.model.documents import KINDS, Located
from generator.model.index import CurriculumIndex
from generator.problems.report import ERROR, Problem


def collect(
    typed: list[Located], pages: list[Page], changed: Callable[[], set[str]] = set
) -> tuple[CurriculumIndex, list[Problem]]:
    """`changed` names the files the editor changed (asked only when an id is taken twice)."""
    problems: list[Problem] = []
    holders: dict[tuple[str, str], list[Located]] = {}
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
        holders.setdefault((kind, stem), []).append(item)
        if stem not in bucket:
            bucket[stem] = item
    duplicates = [items for items in holders.values() if len(items) > 1]
    if duplicates:
        problems.extend(_duplicate_problems(duplicates, changed()))
    for items in index.outcomes.values():
        items.sort(key=lambda item: (item.model.delivered, item.document.path))
    return index, problems


def _duplicate_problems(duplicates: list[list[Located]], changed: set[str]) -> list[Problem]:
    """Each file holding a taken id gets the message, the one to rename told so: the file
    git sees as changed (a copy), else the later one in file order."""
    problems = []
    for items in duplicates:
        paths = [item.document.path for item in items]
        edited = [path for path in paths if path in changed]
        copy = edited[0] if len(edited) == 1 else paths[-1]
        for item in items:
            path = item.document.path
            others = [other for other in paths if other != path]
            problems.append(
                item.document.error(
                    ("id",),
                    "id-duplicate",
                    id=item.model.id,
                    first=others[0],
                    rename=path == copy,
                    copy=None if path == copy else copy,
                )
            )
    return problems


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
