"""What a curriculum change is, as plain data: the facts `generator diff` words for reviewers.

A `Snapshot` is one side of the comparison (its files as read, what the loader made of
them, the validator's verdict and the curriculum index); `Changes` is what changed from
one side to the other, section by section, in the types below. Nothing here is worded: the
Indonesian summary is `templates/diff.md.j2`, rendered by `generator.commands.diff.command`.
Working the changes out is `generator.commands.diff.compare`; the types are apart from it
so that the template's data can be read in one place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, Literal

from generator.load.documents import SITE_CONFIG, Document, kind_of
from generator.model.documents import KINDS
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem

# --- one side ------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """One side of the comparison: files as read, documents as loaded, verdict and index."""

    files: dict[str, bytes]  # project-relative path → content
    documents: dict[str, Document]  # path → what the loader made of it (absent: unreadable)
    problems: list[Problem]  # the validator's, sorted
    index: CurriculumIndex  # facts about what validated
    today: datetime.date | None = None  # the build's today this side was validated for

    def ids(self, kind: str) -> dict[str, str]:
        """id → file of one kind of entity (the first file when an id is duplicated).

        From the file names, not the index: a file that no longer validates is still there.
        """
        return self._ids.get(kind, {})

    @cached_property
    def _ids(self) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for relpath in sorted(self.files):
            kind = kind_of(relpath)
            if kind in found:
                found[kind].setdefault(PurePosixPath(relpath).stem, relpath)
        return found

    def data(self, relpath: str) -> Any:
        document = self.documents.get(relpath)
        return document.data if document else None

    def title(self, relpath: str) -> str | None:
        data = self.data(relpath)
        title = data.get("title") if isinstance(data, dict) else None
        return title if isinstance(title, str) else None

    def module_jp(self, module_id: str | None) -> Fraction | None:
        """A validated module's JP; None for a module the index does not know."""
        if module_id is None or module_id not in self.index.modules:
            return None
        return self.index.module_jp(module_id)

    def required_jp(self, pathway_id: str, required: bool = True) -> Fraction | None:
        """A validated pathway's JP of required (or optional) steps; None for an unknown one."""
        if pathway_id not in self.index.pathways:
            return None
        return self.index.pathway_jp(pathway_id, required=required)

    @cached_property
    def invalid(self) -> dict[str, list[Problem]]:
        """Files present but left out of the index (they did not load or fit the format) →
        their problems. What the index says about them on this side is not what they say."""
        untyped = {
            relpath
            for kind in KINDS
            for item_id, relpath in self.ids(kind).items()
            if item_id not in self.index.collection(kind)
        }
        if SITE_CONFIG in self.files and self.index.config_document is None:
            untyped.add(SITE_CONFIG)
        found: dict[str, list[Problem]] = {relpath: [] for relpath in sorted(untyped)}
        for problem in self.problems:
            if problem.path in found:
                found[problem.path].append(problem)
        return found


# --- the changes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConfigChange:
    """A site_config.yml setting that changed."""

    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """One item of a list field that changed, as a reviewer names it: an activity by its
    position (counted from one), a competency by its reference; None for a side it is
    not on (added or removed)."""

    name: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class FieldChange:
    """A top-level field of an entity's file that changed; `quoted` when both values are
    short; `items` the list items that changed, when the field is told item by item
    (activities, competencies)."""

    key: str
    old: Any
    new: Any
    quoted: bool
    items: tuple[ItemChange, ...] = ()


@dataclass(frozen=True)
class StepChange:
    """One step of a pathway that came, went, moved, became optional or required, or the
    new order of the steps kept in one phase."""

    change: Literal["added", "removed", "moved", "required", "optional", "reordered"]
    phase: str  # the phase (title) it is in on the head side; for "removed", the base side
    module: str | None = None
    from_phase: str | None = None  # "moved": the phase it was in
    required: bool = True  # "added", "removed": whether the step is required
    before: tuple[str, ...] = ()  # "reordered": the kept steps' order, base and head
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edit:
    """How one entity's file changed, references to renamed modules followed."""

    track: tuple[str, str] | None = None  # a module moved to another track's folder
    unreadable: bool = False  # a side did not load and the bytes differ
    fields: list[FieldChange] = field(default_factory=list)
    steps: list[StepChange] = field(default_factory=list)  # pathways

    def __bool__(self) -> bool:
        return bool(self.track or self.unreadable or self.fields or self.steps)


@dataclass(frozen=True)
class Added:
    """A new entity, with what a reviewer weighs first."""

    id: str
    title: str | None
    track: str | None = None  # modules: the folder it is in
    jp: Fraction | None = None  # modules that validate
    required_jp: Fraction | None = None  # pathways that validate
    draft: bool = False


@dataclass(frozen=True)
class Removed:
    id: str
    title: str | None


@dataclass(frozen=True)
class Renamed:
    """A removed and an added file alike enough to be one entity whose id changed."""

    old_id: str
    new_id: str
    edit: Edit


@dataclass(frozen=True)
class Changed:
    id: str
    edit: Edit


@dataclass(frozen=True)
class EntityChanges:
    """The changes to one kind of entity (`track`, `framework`, `module`, `pathway`)."""

    kind: str
    added: list[Added]
    removed: list[Removed]
    renamed: list[Renamed]
    changed: list[Changed]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)


@dataclass(frozen=True)
class ModuleJp:
    """A module whose JP, as shown, changed."""

    old_id: str
    new_id: str
    before: Fraction
    after: Fraction
    delta: Fraction  # the difference of the shown (rounded) values


@dataclass(frozen=True)
class PathwayJp:
    """A pathway whose required (or optional) JP, as shown, changed, and why."""

    old_id: str
    new_id: str
    before: Fraction
    after: Fraction
    delta: Fraction
    modules: list[str]  # such modules on both sides whose shown JP changed
    steps_changed: bool  # the required (optional) steps themselves changed
    required: bool = True


@dataclass(frozen=True)
class InvalidFile:
    """A file with errors on the head side: only its problems are reported, no changes.

    Whatever its data would say (sessions gone, JP shifted) did not happen: the site keeps
    building from the last valid curriculum until it is fixed.
    """

    path: str
    problems: list[Problem]


@dataclass(frozen=True)
class PrerequisiteChange:
    old_id: str
    new_id: str
    added: list[str]
    removed: list[str]


@dataclass(frozen=True, order=True)
class SessionTime:
    """A scheduled session as readers see it: local time in its own zone."""

    start: datetime.datetime  # aware, so sessions sort by instant
    local: str
    zone: str
    minutes: int


@dataclass(frozen=True)
class SessionChange:
    """A session of a module that changed duration, moved, was removed or was added."""

    old_id: str
    new_id: str
    change: Literal["duration", "moved", "removed", "added"]
    before: SessionTime | None
    after: SessionTime | None
    # An added or moved session dated before the build's today: published as past at once.
    past: bool = False


@dataclass(frozen=True)
class FileChange:
    """A file that is not one identified thing: the glossary, pages, stray files."""

    path: str
    change: Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Changes:
    """Everything `generator diff` reports, section by section."""

    config: list[ConfigChange]
    entities: list[EntityChanges]  # in KINDS order
    module_jp: list[ModuleJp]
    pathway_jp: list[PathwayJp]
    prerequisites: list[PrerequisiteChange]
    sessions: list[SessionChange]
    other_files: list[FileChange]
    new_problems: list[Problem]
    invalid: list[InvalidFile] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(
            (
                self.invalid,
                self.config,
                any(self.entities),
                self.module_jp,
                self.pathway_jp,
                self.prerequisites,
                self.sessions,
                self.other_files,
                self.new_problems,
            )
        )
