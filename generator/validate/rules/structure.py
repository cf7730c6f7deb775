"""The curriculum's shape: track order, module folders, glossary terms."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import track_folder
from generator.problems.report import Problem, error
from generator.validate.collect import Checked
from generator.validate.translate import close_match


def check_track_order(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    document = checked.config_document
    if document is None:
        return
    seen: dict[str, int] = {}
    for i, track_id in enumerate(checked.config.tracks):
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
        if not checked.exists("track", track_id):
            yield error(
                document.path,
                position,
                "track-unknown",
                track=track_id,
                suggestion=close_match(track_id, checked.tracks),
            )
    for track_id, item in checked.tracks.items():
        if track_id not in seen:
            yield error(
                document.path,
                document.key_position(("tracks",)),
                "track-not-listed",
                track=track_id,
                path=item.document.path,
            )


def check_module_folders(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        folder = track_folder(item.document.path)
        if not checked.exists("track", folder):
            yield error(
                item.document.path,
                item.document.key_position(("id",)),
                "module-folder-unknown",
                folder=folder,
                tracks=list(checked.tracks),
                suggestion=close_match(folder, checked.tracks),
            )


def check_glossary(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    if checked.glossary is None:
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(checked.glossary.model.root):
        key = entry.term.casefold()
        if key in seen:
            yield checked.glossary.document.error(
                (i, "term"),
                "glossary-term-duplicate",
                term=entry.term,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)
