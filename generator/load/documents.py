"""What the load stage hands on: the loaded data types and the paths that name a file's kind.

`Document` is one YAML file's data with the `Span` (line and column) of every key and
value, so any later stage can locate a problem at the value it is about; `Page` is a free
Markdown page; `Sources` is everything read from a project and `SourceFiles` the project's
files as bytes, before loading. Validation, the model, rendering and the commands use these
types without reading a file, so this module imports nothing else of the loader.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.problems.report import Problem, error, warning

Loc = tuple[str | int, ...]
Position = tuple[int, int]

# One entry per kind of curriculum file: where it lives and which schema it follows.
SITE_CONFIG = "site_config.yml"
GLOSSARY = "curriculum/glossary.yml"
KIND_PATTERNS = {
    "framework": re.compile(r"^curriculum/competencies/[^/]+\.ya?ml$"),
    "track": re.compile(r"^curriculum/tracks/[^/]+\.ya?ml$"),
    "module": re.compile(r"^curriculum/modules/[^/]+/[^/]+\.ya?ml$"),
    "pathway": re.compile(r"^curriculum/pathways/[^/]+\.ya?ml$"),
    # Evidence of effect, one file per delivered session: the folder names the module.
    "outcome": re.compile(r"^curriculum/outcomes/[^/]+/[^/]+\.ya?ml$"),
}
# Free Markdown pages (`Page`): read as text, never as YAML.
PAGES_DIR = "curriculum/pages/"


class Span(NamedTuple):
    """Where a value sits; `key` is the position of the key that names it, if any."""

    value: Position
    key: Position | None = None
    source: str | None = None  # the plain scalar as written, when YAML gave it a non-text type
    quoted: bool = False  # written in quotes: only then can a message say "remove the quotes"


@dataclass
class Document:
    """One curriculum file: its data and the position of every value in it."""

    path: str
    kind: str
    data: Any
    spans: dict[Loc, Span] = field(default_factory=dict)
    text: str = ""

    def span(self, loc: Loc) -> Span:
        """Return the span of `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            found = self.spans.get(tuple(loc[:end]))
            if found is not None:
                return found
        return Span((1, 1))

    def position(self, loc: Loc) -> Position:
        return self.span(loc).value

    def error(
        self,
        loc: Loc,
        code: str,
        /,
        *,
        key: bool = False,
        at: Position | None = None,
        **fields: Any,
    ) -> Problem:
        """An error located at the value at `loc` of this document (see `locate`)."""
        return error(self.path, self.locate(loc, key=key, at=at), code, **fields)

    def warning(
        self,
        loc: Loc,
        code: str,
        /,
        *,
        key: bool = False,
        at: Position | None = None,
        **fields: Any,
    ) -> Problem:
        """A warning located at the value at `loc` of this document (see `locate`)."""
        return warning(self.path, self.locate(loc, key=key, at=at), code, **fields)

    def locate(self, loc: Loc, *, key: bool = False, at: Position | None = None) -> Position:
        """Where a problem about `loc` points: its value, its key (`key=True`: the key is
        what is wrong, or there is no value to point at), or `at`, a place inside the value
        that `find`/`find_all` located (a link in a Markdown block)."""
        if at is not None:
            return at
        return self.key_position(loc) if key else self.position(loc)

    def key_position(self, loc: Loc) -> Position:
        span = self.span(loc)
        return span.key or span.value

    def find(self, needle: str, loc: Loc) -> Position:
        """Locate text written inside the value at `loc` (a link in a Markdown block)."""
        return self.find_all([needle], loc)[0]

    def find_all(self, needles: list[str], loc: Loc) -> list[Position]:
        """Locate each needle inside the value at `loc`, each one after the previous hit.

        One pass over the value however many needles there are: a needle not found is
        placed at the value itself, and the search goes on from there.
        """
        line, col = self.position(loc)
        starts = self._line_starts
        offset = starts[line - 1] + col - 1 if line <= len(starts) else len(self.text)
        positions = []
        for needle in needles:
            found = self.text.find(needle, offset)
            if found < 0:
                positions.append((line, col))
                continue
            number = bisect.bisect_right(starts, found)
            positions.append((number, found - starts[number - 1] + 1))
            offset = found + len(needle)
        return positions

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        """The offset in `text` where each line (split on `\\n`) starts."""
        return [0, *(match.end() for match in re.finditer("\n", self.text))]


@dataclass
class Page:
    """A free-form Markdown page from curriculum/pages/."""

    path: str
    text: str


@dataclass
class Sources:
    """Everything read from a project root, before validation."""

    documents: list[Document]
    pages: list[Page]
    problems: list[Problem]
    files: int
    # The project root when read from a folder: where git can tell which files an editor
    # changed (None for a git revision or files given in memory).
    root: Path | None = None


def kind_of(relpath: str) -> str | None:
    """Name the schema a project-relative path follows, or None."""
    if relpath == SITE_CONFIG:
        return "site_config"
    if relpath == GLOSSARY:
        return "glossary"
    for kind, pattern in KIND_PATTERNS.items():
        if pattern.match(relpath):
            return kind
    return None


@dataclass
class SourceFiles:
    """A project's curriculum files as read, before loading: what `load_files` takes.

    `contents` maps a project-relative path (site_config.yml, curriculum/...) to its bytes;
    `symlinks` names the paths that are symbolic links, reported and never read. A folder
    (`read_folder`) and a git revision (`generator.commands.diff.command`) are read into the
    same shape, so both go through the one loader.
    """

    contents: dict[str, bytes]
    symlinks: list[str] = field(default_factory=list)
