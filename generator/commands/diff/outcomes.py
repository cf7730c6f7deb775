"""Outcome files in `generator diff`: each added, changed or removed one said in words.

"Hasil sesi 10 Februari 2027 modul `x` ditambahkan: 84 hadir, pre → post 58 → 79,
g_z 1,20 [0,90; 1,50]". The figures are `generator.model.evidence`'s, under the head's
`min_group_size`, so a review comment never shows a figure the site would withhold.
Kept apart from the comparison of entities (compare.py): outcome files stay in its
"Berkas lain" list, and the template words them with these sentences instead of a path.
"""

from __future__ import annotations

from pydantic import ValidationError

from generator.commands.diff.changes import Snapshot
from generator.format import models as fmt
from generator.load.documents import kind_of
from generator.model import evidence as ev
from generator.render.evidence import effect_text
from generator.text.dates import short_date
from generator.text.decimals import decimal_text

_VERBS = {"added": "ditambahkan", "changed": "diubah", "removed": "dihapus"}


def outcome_words(base: Snapshot, head: Snapshot) -> dict[str, str]:
    """Path → the sentence for each outcome file that differs between the sides."""
    min_size = head.index.config.min_group_size
    found = {}
    for path in sorted(base.files.keys() | head.files.keys()):
        if kind_of(path) != "outcome":
            continue
        old, new = base.documents.get(path), head.documents.get(path)
        if old is not None and new is not None and old.data == new.data:
            continue
        change = (
            "removed"
            if path not in head.files
            else "added"
            if path not in base.files
            else "changed"
        )
        side = head if change != "removed" else base
        found[path] = _sentence(side, path, change, min_size)
    return found


def _sentence(side: Snapshot, path: str, change: str, min_size: int) -> str:
    document = side.documents.get(path)
    try:
        outcome = fmt.Outcome.model_validate(document.data) if document is not None else None
    except ValidationError:
        outcome = None
    if outcome is None:
        return f"berkas hasil `{path}` {_VERBS[change]} (belum valid)"
    session = ev.session_evidence(path, outcome, min_size=min_size)
    head = f"hasil sesi {short_date(session.delivered)} modul `{outcome.module}` {_VERBS[change]}"
    if change == "removed":
        return head
    parts = []
    if isinstance(session.participation, dict):
        attended = session.participation.get("attended_live")
        if attended is not None:
            parts.append(f"{decimal_text(attended, 0)} hadir")
    learning = session.learning
    if isinstance(learning, ev.LearningFigures):
        parts.append(
            f"pre → post {decimal_text(learning.pre)} → {decimal_text(learning.post)}, "
            + effect_text(learning.effect).split(" (")[0]
        )
    if any(
        isinstance(part, ev.Withheld)
        for part in (session.participation, session.reaction, session.learning)
    ):
        parts.append(f"sebagian kelompok di bawah {min_size} orang, angkanya tidak diterbitkan")
    if outcome.example:
        parts.append("data contoh")
    return head + (": " + "; ".join(parts) if parts else "")
