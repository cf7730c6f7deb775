"""Comparing two sides of a curriculum change: `compare(base, head)` returns `Changes`.

Every fact comes from the two `Snapshot`s' curriculum indexes or their loaded data. Ids are
matched across the sides first (a removed and an added file alike enough are one entity
whose id changed); then each section of `Changes` is worked out: settings, entities field
by field, module and pathway JP, prerequisites, sessions, other files and new problems.

Only what a reviewer has to weigh is a change: formatting and comments alone are not, and
a reference that merely follows a renamed module is not either.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from generator.commands.diff.changes import (
    Added,
    Changed,
    Changes,
    ConfigChange,
    Edit,
    EntityChanges,
    FieldChange,
    FileChange,
    InvalidFile,
    ItemChange,
    ModuleJp,
    PathwayJp,
    PrerequisiteChange,
    Removed,
    Renamed,
    SessionChange,
    SessionTime,
    Snapshot,
    StepChange,
)
from generator.format import models as fmt
from generator.load.documents import SITE_CONFIG, kind_of
from generator.model.documents import KINDS
from generator.model.index import CurriculumIndex, track_folder
from generator.problems.report import Problem
from generator.text.numbers import jp_tenths

# A removed and an added file this alike are one thing whose id changed.
RENAME_SIMILARITY = 0.8
# Longer values (summaries, descriptions) are named, not quoted: the git diff shows them.
SHORT_VALUE = 80
# Lists of ids and choices, shown whole before → after ("semua" → "pelaksana, cpns").
LISTED_FIELDS = frozenset({"audience", "prerequisites", "competencies", "assumes", "tags"})


# --- comparing ---------------------------------------------------------------------------------


@dataclass
class Matching:
    """How the ids of one kind of entity correspond across the two sides."""

    added: list[str]
    removed: list[str]
    renamed: dict[str, str]  # base id → head id
    kept: list[str]

    def pairs(self) -> list[tuple[str, str]]:
        """(base id, head id) of everything present on both sides, by head id."""
        both = [(item_id, item_id) for item_id in self.kept]
        return sorted([*both, *self.renamed.items()], key=lambda pair: pair[1])


def compare(base: Snapshot, head: Snapshot) -> Changes:
    """What changed from `base` to `head`."""
    return _Comparison(base, head).changes()


@dataclass
class _Comparison:
    base: Snapshot
    head: Snapshot
    matchings: dict[str, Matching] = field(init=False)

    broken: dict[str, list[Problem]] = field(init=False)

    def __post_init__(self) -> None:
        self.matchings = {kind: match(kind, self.base, self.head) for kind in KINDS}
        # Files that became invalid: valid in base (or new). One invalid on both sides is
        # left out of both indexes alike, so its changes and new problems stay truthful.
        moved = self._moved_paths()
        was_broken = {moved.get(path, path) for path in self.base.invalid}
        self.broken = {
            path: problems for path, problems in self.head.invalid.items() if path not in was_broken
        }

    def _moved_paths(self) -> dict[str, str]:
        """Base path → head path of every entity present on both sides."""
        return {
            self.base.ids(kind)[old]: self.head.ids(kind)[new]
            for kind, matching in self.matchings.items()
            for old, new in matching.pairs()
        }

    def _invalid(self, kind: str, item_id: str | None) -> bool:
        """Whether the head file of this id became invalid (and so is reported only as such)."""
        path = self.head.ids(kind).get(item_id) if item_id is not None else None
        return path is not None and path in self.broken

    def invalid(self) -> list[InvalidFile]:
        return [InvalidFile(path, problems) for path, problems in self.broken.items()]

    @property
    def renamed_modules(self) -> dict[str, str]:
        return self.matchings["module"].renamed

    def changes(self) -> Changes:
        return Changes(
            config=self.config(),
            entities=[self.entities(kind) for kind in KINDS],
            module_jp=self.module_jp(),
            pathway_jp=self.pathway_jp(),
            prerequisites=self.prerequisites(),
            sessions=self.sessions(),
            other_files=self.other_files(),
            new_problems=self.new_problems(),
            invalid=self.invalid(),
        )

    @property
    def config_broken(self) -> bool:
        """Head's settings are the defaults: every JP worked out from them would be untrue."""
        return SITE_CONFIG in self.broken

    def config(self) -> list[ConfigChange]:
        if self.config_broken:
            return []
        old, new = self.base.index.config, self.head.index.config
        return [
            ConfigChange(name, getattr(old, name), getattr(new, name))
            for name in fmt.SiteConfig.model_fields
            if getattr(old, name) != getattr(new, name)
        ]

    def entities(self, kind: str) -> EntityChanges:
        matching = self.matchings[kind]
        before, after = self.base.ids(kind), self.head.ids(kind)
        renamed = [
            Renamed(old, new, self.edit(kind, before[old], after[new]))
            for old, new in matching.renamed.items()
            if not self._invalid(kind, new)
        ]
        changed = [
            Changed(item_id, edit)
            for item_id in matching.kept
            if not self._invalid(kind, item_id)
            and (edit := self.edit(kind, before[item_id], after[item_id]))
        ]
        return EntityChanges(
            kind,
            added=[
                self.added(kind, item_id, after[item_id])
                for item_id in matching.added
                if not self._invalid(kind, item_id)
            ],
            removed=[
                Removed(item_id, self.base.title(before[item_id])) for item_id in matching.removed
            ],
            renamed=renamed,
            changed=changed,
        )

    def added(self, kind: str, item_id: str, relpath: str) -> Added:
        index = self.head.index
        typed = kind in ("module", "pathway") and item_id in index.collection(kind)
        return Added(
            item_id,
            self.head.title(relpath),
            track=track_folder(relpath) if kind == "module" else None,
            jp=self.head.module_jp(item_id) if kind == "module" else None,
            required_jp=self.head.required_jp(item_id) if kind == "pathway" else None,
            draft=typed and not index.is_published(kind, item_id),
        )

    def edit(self, kind: str, old_path: str, new_path: str) -> Edit:
        track = None
        if kind == "module" and track_folder(old_path) != track_folder(new_path):
            track = (track_folder(old_path), track_folder(new_path))
        old, new = self.base.data(old_path), self.head.data(new_path)
        if not isinstance(old, dict) or not isinstance(new, dict):
            unreadable = self.base.files[old_path] != self.head.files[new_path]
            return Edit(track, unreadable=unreadable)
        old = self._follow_renames(kind, old)
        steps = _step_changes(old.get("phases"), new.get("phases")) if kind == "pathway" else []
        fields = [
            _field_change(key, old.get(key), new.get(key))
            for key in _ordered_keys(kind, old, new)
            if key != "id"
            and not _same(old.get(key), new.get(key))
            # The steps say how `phases` changed, unless more than the steps did.
            and not (key == "phases" and steps and _same_phases(old[key], new[key]))
        ]
        return Edit(track, fields=fields, steps=steps)

    def _follow_renames(self, kind: str, data: dict) -> dict:
        """Rewrite references to renamed modules, so following a rename is no change."""
        renamed = self.renamed_modules
        if not renamed:
            return data

        def follow(value: Any) -> Any:
            return renamed.get(value, value) if isinstance(value, str) else value

        def follow_all(values: Any) -> Any:
            return [follow(value) for value in values] if isinstance(values, list) else values

        def follow_step(step: Any) -> Any:
            return (
                {**step, "module": follow(step.get("module"))} if isinstance(step, dict) else step
            )

        def follow_phase(phase: Any) -> Any:
            if not isinstance(phase, dict) or not isinstance(phase.get("steps"), list):
                return phase
            return {**phase, "steps": [follow_step(step) for step in phase["steps"]]}

        if kind == "module" and "prerequisites" in data:
            return {**data, "prerequisites": follow_all(data["prerequisites"])}
        if kind == "pathway":
            followed = {**data}
            if "assumes" in data:
                followed["assumes"] = follow_all(data["assumes"])
            if isinstance(data.get("phases"), list):
                followed["phases"] = [follow_phase(phase) for phase in data["phases"]]
            return followed
        return data

    def module_jp(self) -> list[ModuleJp]:
        if self.config_broken:
            return []
        changes = []
        for old, new in self.matchings["module"].pairs():
            before, after = self.base.module_jp(old), self.head.module_jp(new)
            if before is not None and after is not None and _shown_jp_differs(before, after):
                changes.append(ModuleJp(old, new, before, after, _shown_delta(before, after)))
        return changes

    def pathway_jp(self) -> list[PathwayJp]:
        if self.config_broken:
            return []
        return [
            change
            for old, new in self.matchings["pathway"].pairs()
            if not self._invalid("pathway", new) and not self._invalid_steps(new)
            for required in (True, False)
            if (change := self._pathway_jp(old, new, required))
        ]

    def _invalid_steps(self, pathway_id: str) -> bool:
        """A step's module is invalid in head: its JP counts for nothing there, untruly."""
        data = self.head.data(self.head.ids("pathway")[pathway_id])
        modules = [
            step[2] for step in _steps(data.get("phases") if isinstance(data, dict) else None)
        ]
        return any(self._invalid("module", module) for module in modules)

    def _pathway_jp(self, old: str, new: str, required: bool) -> PathwayJp | None:
        before = self.base.required_jp(old, required)
        after = self.head.required_jp(new, required)
        if before is None or after is None or not _shown_jp_differs(before, after):
            return None
        renamed = self.renamed_modules
        back = {new_id: old_id for old_id, new_id in renamed.items()}
        required_before = [
            renamed.get(m, m) for m in self.base.index.pathway_modules(old, required=required)
        ]
        required_after = self.head.index.pathway_modules(new, required=required)
        modules = [
            module_id
            for module_id in sorted(set(required_before) & set(required_after))
            if _shown_jp(self.base.module_jp(back.get(module_id, module_id)))
            != _shown_jp(self.head.module_jp(module_id))
        ]
        return PathwayJp(
            old,
            new,
            before,
            after,
            _shown_delta(before, after),
            modules,
            steps_changed=sorted(required_before) != sorted(required_after),
            required=required,
        )

    def prerequisites(self) -> list[PrerequisiteChange]:
        changes = []
        for old, new in self.matchings["module"].pairs():
            if old not in self.base.index.modules or new not in self.head.index.modules:
                continue
            before_model = self.base.index.modules[old].model
            after_model = self.head.index.modules[new].model
            before = [self.renamed_modules.get(m, m) for m in before_model.prerequisites or []]
            after = after_model.prerequisites or []
            added = [m for m in after if m not in before]
            removed = [m for m in before if m not in after]
            if added or removed:
                changes.append(PrerequisiteChange(old, new, added, removed))
        return changes

    def sessions(self) -> list[SessionChange]:
        if self.config_broken:
            return []  # a session without a zone would be read in the default zone
        module = self.matchings["module"]
        pairs: list[tuple[str | None, str | None]] = [
            *module.pairs(),
            *((None, item_id) for item_id in module.added),
            *((item_id, None) for item_id in module.removed),
        ]
        changes = []
        for old, new in sorted(pairs, key=lambda pair: pair[1] or pair[0] or ""):
            if self._invalid("module", new):
                continue
            before, after = _sessions(self.base.index, old), _sessions(self.head.index, new)
            old_id, new_id = old or new or "", new or old or ""
            today = self.head.today
            changes += [
                SessionChange(
                    old_id,
                    new_id,
                    change,
                    was,
                    now,
                    past=change in ("added", "moved")
                    and today is not None
                    and now is not None
                    and now.start.date() < today,
                )
                for change, was, now in _session_changes(before, after)
            ]
        return changes

    def other_files(self) -> list[FileChange]:
        paths = sorted(
            relpath
            for relpath in self.base.files.keys() | self.head.files.keys()
            if relpath != SITE_CONFIG and kind_of(relpath) not in KINDS
        )
        changes = []
        for relpath in paths:
            if relpath in self.broken:
                continue
            if relpath not in self.head.files:
                changes.append(FileChange(relpath, "removed"))
            elif relpath not in self.base.files:
                changes.append(FileChange(relpath, "added"))
            elif self._file_differs(relpath):
                changes.append(FileChange(relpath, "changed"))
        return changes

    def _file_differs(self, relpath: str) -> bool:
        old, new = self.base.documents.get(relpath), self.head.documents.get(relpath)
        if old is not None and new is not None:
            return not _same(old.data, new.data)
        return self.base.files[relpath] != self.head.files[relpath]

    def new_problems(self) -> list[Problem]:
        """Problems in head that base did not have, whatever line they moved to."""
        moved = self._moved_paths()
        # By what a problem is (file, severity, code, fields), never by its wording: a message
        # reworded in the catalogue leaves every known problem known.
        known = Counter(
            (moved.get(problem.path, problem.path), *problem.identity()[1:])
            for problem in self.base.problems
        )
        found = []
        for problem in self.head.problems:
            if problem.path in self.broken:
                continue  # listed with its file, under the invalid files
            key = problem.identity()
            if known[key]:
                known[key] -= 1
                continue
            found.append(problem)
        return found


# --- matching ids across the sides ---------------------------------------------------------


def match(kind: str, base: Snapshot, head: Snapshot) -> Matching:
    """Pair the ids of `kind`, taking a removed+added pair of alike files as a rename."""
    before, after = base.ids(kind), head.ids(kind)
    removed = sorted(before.keys() - after.keys())
    added = sorted(after.keys() - before.keys())
    candidates = []
    for old in removed:
        for new in added:
            score = _similarity(base, before[old], head, after[new])
            if score >= RENAME_SIMILARITY:
                candidates.append((-score, old, new))
    renamed: dict[str, str] = {}
    for _, old, new in sorted(candidates):
        if old not in renamed and new not in renamed.values():
            renamed[old] = new
    return Matching(
        added=[item_id for item_id in added if item_id not in renamed.values()],
        removed=[item_id for item_id in removed if item_id not in renamed],
        renamed=dict(sorted(renamed.items())),
        kept=sorted(before.keys() & after.keys()),
    )


def _similarity(base: Snapshot, old_path: str, head: Snapshot, new_path: str) -> float:
    old_title, new_title = base.title(old_path), head.title(new_path)
    if old_title is not None and old_title == new_title:
        return 1.0
    old_lines = _content_lines(base.files[old_path])
    new_lines = _content_lines(head.files[new_path])
    return difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).ratio()


def _content_lines(raw: bytes) -> list[str]:
    # "Otherwise similar": the id line is the one line a rename must change.
    lines = raw.decode("utf-8", "replace").splitlines()
    return [line for line in lines if not line.startswith("id:")]


# --- helpers -------------------------------------------------------------------------------


def _sessions(index: CurriculumIndex, module_id: str | None) -> list[SessionTime]:
    instants = index.sessions(module_id) if module_id else []
    return sorted(
        SessionTime(s.start, s.session.start, s.zone, s.session.minutes) for s in instants
    )


def _session_changes(
    before: list[SessionTime], after: list[SessionTime]
) -> Iterator[tuple[str, SessionTime | None, SessionTime | None]]:
    """Sessions at the same local time and zone are the same; the rest moved, came or went."""
    left = list(after)
    unmatched = []
    for session in before:
        twin = next((s for s in left if (s.local, s.zone) == (session.local, session.zone)), None)
        if twin is None:
            unmatched.append(session)
            continue
        left.remove(twin)
        if twin.minutes != session.minutes:
            yield "duration", session, twin
    for old, new in zip(unmatched, left, strict=False):
        yield "moved", old, new
    for session in unmatched[len(left) :]:
        yield "removed", session, None
    for session in left[len(unmatched) :]:
        yield "added", None, session


def _shown_jp(value: Fraction | None) -> int | None:
    return None if value is None else jp_tenths(value)


def _shown_jp_differs(before: Fraction, after: Fraction) -> bool:
    return jp_tenths(before) != jp_tenths(after)


def _shown_delta(before: Fraction, after: Fraction) -> Fraction:
    # The difference of the shown values, so the line adds up as the reader reads it.
    return Fraction(jp_tenths(after) - jp_tenths(before), 10)


def _ordered_keys(kind: str, old: dict, new: dict) -> list[str]:
    """Keys in the format's order, then unknown keys (typos) alphabetically."""
    known = list(fmt.FORMAT_MODELS[kind].model_fields)
    present = {str(key) for key in old.keys() | new.keys()}
    return [key for key in known if key in present] + sorted(present - set(known))


def _field_change(key: str, old: Any, new: Any) -> FieldChange:
    items = _item_changes(key, old, new)
    if items:
        return FieldChange(key, old, new, quoted=False, items=tuple(items))
    if key in LISTED_FIELDS:
        old, new = _listed(old), _listed(new)
        quoted = _is_short_list(old) and _is_short_list(new)
        return FieldChange(key, old, new, quoted=quoted)
    return FieldChange(key, old, new, quoted=_is_short(old) and _is_short(new))


def _item_changes(key: str, old: Any, new: Any) -> list[ItemChange]:
    """The items of `activities` (by position) or `competencies` (by reference) that
    changed, or none when the field is no such list on both sides."""
    if not isinstance(old, list) or not isinstance(new, list):
        return []
    if key == "activities":
        changes = []
        for position in range(max(len(old), len(new))):
            before = _activity(old[position]) if position < len(old) else None
            after = _activity(new[position]) if position < len(new) else None
            if before != after:
                changes.append(ItemChange(f"kegiatan ke-{position + 1}", before, after))
        return changes
    if key == "competencies":
        before = {ref: level for ref, level in _competency_levels(old)}
        after = {ref: level for ref, level in _competency_levels(new)}
        if len(before) != len(old) or len(after) != len(new):
            return []  # a reference given twice: the whole lists say it better
        return [
            ItemChange(ref, _level_text(before.get(ref, ...)), _level_text(after.get(ref, ...)))
            for ref in [*before, *(ref for ref in after if ref not in before)]
            if before.get(ref, ...) != after.get(ref, ...)
        ]
    return []


def _activity(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    text = f"{item.get('mode')}, {item.get('minutes')} menit"
    return text + (f", \u201c{item['title']}\u201d" if isinstance(item.get("title"), str) else "")


def _competency_levels(items: list) -> list[tuple[str, Any]]:
    return [
        (str(item.get("ref")), item.get("level")) if isinstance(item, dict) else (str(item), None)
        for item in items
    ]


def _level_text(level: Any) -> str | None:
    """`tingkat 2`, `tanpa tingkat`, or None for a side the competency is not on."""
    if level is ...:
        return None
    return "tanpa tingkat" if level is None else f"tingkat {level}"


def _listed(value: Any) -> Any:
    """A competency as `ref (tingkat N)`, so a list of them reads as one line."""
    if not isinstance(value, list):
        return value
    return [
        f"{item.get('ref')}" + (f" (tingkat {item['level']})" if "level" in item else "")
        if isinstance(item, dict)
        else item
        for item in value
    ]


def _is_short_list(value: Any) -> bool:
    if isinstance(value, list):
        return (
            all(_is_short(item) for item in value)
            and sum(map(len, map(str, value))) <= 4 * SHORT_VALUE
        )
    return _is_short(value)


def _steps(phases: Any) -> list[tuple[str, int, str, bool]]:
    """(phase title, phase number, module, required) of each well-formed step, in order."""
    found = []
    for number, phase in enumerate(phases if isinstance(phases, list) else []):
        if not isinstance(phase, dict) or not isinstance(phase.get("steps"), list):
            continue
        title = str(phase.get("title", number + 1))
        for step in phase["steps"]:
            if isinstance(step, dict) and isinstance(step.get("module"), str):
                found.append(
                    (title, number, step["module"], step.get("required", True) is not False)
                )
    return found


def _step_changes(old: Any, new: Any) -> list[StepChange]:
    before = {module: (title, required) for title, _, module, required in _steps(old)}
    after_steps = _steps(new)
    after = {module: (title, required) for title, _, module, required in after_steps}
    changes = []
    for title, _, module, required in after_steps:
        if module not in before:
            changes.append(StepChange("added", title, module, required=required))
        elif before[module][0] != title:
            changes.append(StepChange("moved", title, module, from_phase=before[module][0]))
        if module in before and before[module][1] != required:
            changes.append(StepChange("required" if required else "optional", title, module))
    for title, _, module, required in _steps(old):
        if module not in after:
            changes.append(StepChange("removed", title, module, required=required))
    for title in dict.fromkeys(title for title, *_ in after_steps):
        kept = [m for t, _, m, _ in after_steps if t == title and before.get(m, ("",))[0] == t]
        was = [m for t, _, m, _ in _steps(old) if t == title and m in kept]
        if was != kept:
            changes.append(StepChange("reordered", title, before=tuple(was), after=tuple(kept)))
    return changes


def _same_phases(old: Any, new: Any) -> bool:
    """The phases alike but for their steps."""

    def without_steps(phases: Any) -> Any:
        if not isinstance(phases, list):
            return phases
        return [
            {key: value for key, value in phase.items() if key != "steps"}
            if isinstance(phase, dict)
            else phase
            for phase in phases
        ]

    return _same(without_steps(old), without_steps(new))


def _is_short(value: Any) -> bool:
    if isinstance(value, str):
        return "\n" not in value and len(value) <= SHORT_VALUE
    return value is None or isinstance(value, int | float)


def _same(old: Any, new: Any) -> bool:
    """Equal data, where `true` is not `1` (Python says it is) and key order does not count."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[key], new[key]) for key in old)
    if isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))
    return old == new
