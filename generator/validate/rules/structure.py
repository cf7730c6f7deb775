"""The curriculum's shape: track order, module folders, glossary terms."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import CurriculumIndex, track_folder
from generator.problems.report import Problem, error
from generator.validate.translate import close_match


def check_track_order(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    document = index.config_document
    if document is None:
        return
    seen: dict[str, int] = {}
    for i, track_id in enumerate(index.config.tracks):
        position = document.position(("tracks", i))
        if track_id in seen:
            yield error(
                document.path,
                position,
                "track-listed-twice",
                track=track_id,
                first=seen[track_id] + 1,
            )
            continue
        seen[track_id] = i
        if not index.exists("track", track_id):
            yield error(
                document.path,
                position,
                "track-unknown",
                track=track_id,
                suggestion=close_match(track_id, index.tracks),
            )
    for track_id, item in index.tracks.items():
        if track_id not in seen:
            yield error(
                document.path,
                document.key_position(("tracks",)),
                "track-not-listed",
                track=track_id,
                path=item.document.path,
            )


def check_module_folders(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in index.modules.values():
        folder = track_folder(item.document.path)
        if not index.exists("track", folder):
            yield error(
                item.document.path,
                item.document.key_position(("id",)),
                "module-folder-unknown",
                folder=folder,
                tracks=list(index.tracks),
                suggestion=close_match(folder, index.tracks),
            )


def check_glossary(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    if index.glossary is None:
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(index.glossary.model.root):
        key = entry.term.casefold()
        if key in seen:
            yield index.glossary.document.error(
                (i, "term"),
                "glossary-term-duplicate",
                term=entry.term,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)
