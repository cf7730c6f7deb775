"""Load stage: read curriculum files into plain data with a position for every value.

PyYAML is used only to compose the node tree (in C when libyaml is present);
values are constructed here so that every key and value keeps its line and column,
aliases are refused before anything can expand them, and no tag outside YAML's core
schema ever constructs an object.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import yaml

from generator.format.models import MAX_PAGE_NAME_CHARS
from generator.format.schema import SCHEMA_LINE_PREFIX, schema_line
from generator.problems import messages
from generator.problems.messages import describe_type
from generator.problems.report import Problem, error, warning

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _Loader

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
}

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
# YAML 1.2's core schema, which editors' YAML extensions follow: a plain scalar is a
# boolean, integer or float only when it is written like one of these. PyYAML resolves by
# YAML 1.1, where `yes`, `no`, `10:30`, `1_000` and `2026-04-27` are typed too; those stay
# text here, so the validator and the editor read every file alike.
_CORE_12 = {
    _TAG + "bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
    _TAG + "int": re.compile(r"[-+]?[0-9]+|0x[0-9a-fA-F]+"),
    _TAG + "float": re.compile(
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
    ),
    _TAG + "timestamp": None,  # YAML 1.2 has no dates: `2026-04-27` is text
}
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_INT = _TAG + "int"
_QUOTES = ("'", '"')
_ScalarNode = yaml.ScalarNode
_CORE_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
# Implicitly resolved by YAML 1.1 from plain scalars; constructed so that a hint can
# tell the editor to quote the value, never accepted where text is expected.
_LEGACY_TAGS = {_TAG + "timestamp"}
_ALIASES_SHOWN = 10
_INTEGER_KEY_PARENTS = {"kirkpatrick", "level_indicators"}
# Curriculum files nest a few levels; deeper input is refused before anything recurses.
# libyaml composes recursively in C and overflows the stack somewhere past 20,000 levels;
# a file with fewer indicator characters than _COMPOSE_SAFE cannot nest that deep.
MAX_DEPTH = 100
_COMPOSE_SAFE = 10_000

# Characters that change what a file means without being visible in an editor.
_INVISIBLE = messages.INVISIBLE_NAMES
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control, surrogate, invisible and direction characters a value may not hold; tab and
# line feed are ordinary text in a Markdown block.
_ESCAPED_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u2028\u2029\u2060\ufeff"
    "\u202a-\u202e\u2066-\u2069]"
)
_NBSP = "\u00a0"
# A zero-width joiner between two emoji builds one picture (👩🏽‍💻): that one is text.
_ZWJ = "\u200d"
_EMOJI_JOINER = re.compile(
    "(?<=[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\U0001f3fb-\U0001f3ff])\u200d"
    "(?=[\U0001f000-\U0001faff\u2600-\u27bf])"
)


# A non-breaking space (from a word processor or a web page) where YAML expects a space:
# in the indentation, after `:` or `- `, or at the end of a value. YAML takes it for a
# letter, so the line's structure silently changes; inside prose it is ordinary text.
_NBSP_PLACES = {
    "indent": re.compile(r"^[ \u00a0]*?(\u00a0)", re.MULTILINE),
    "colon": re.compile(r"(?<=:) *(\u00a0)"),
    "dash": re.compile(r"^ *- *(\u00a0)", re.MULTILINE),
    "end": re.compile(r"(\u00a0)[\u00a0 ]*\r?$", re.MULTILINE),
}


def _nbsp_problems(relpath: str, text: str) -> list[Problem]:
    if _NBSP not in text:
        return []
    found: dict[int, str] = {}
    for where, pattern in _NBSP_PLACES.items():
        for match in pattern.finditer(text):
            found.setdefault(match.start(1), where)
    in_block = _block_scalar_lines(text.split("\n"))
    problems = []
    for offset, where in sorted(found.items()):
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if where != "indent" and in_block[line - 1]:
            continue  # prose in a `|` or `>` block: there it is only a space that does not break
        problems.append(error(relpath, (line, col), "character-nbsp", where=where))
    return problems


def _joins_emoji(line: str, index: int) -> bool:
    return _EMOJI_JOINER.match(line, index) is not None


def _escaped_suspect(value: str) -> str | None:
    found = _ESCAPED_SUSPECT.search(_EMOJI_JOINER.sub("", value))
    return found.group() if found else None


# Any character _character_problems would report, so clean files skip the slow scan.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]|^ *\t",
    re.MULTILINE,
)


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


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while building many long-lived objects.

    Loading and validating make hundreds of thousands of containers that all survive and
    hardly any cycles; CPython's collector would rescan them again and again, which costs a
    third of the run and frees nothing. Cycles left behind are collected afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class SourceFiles:
    """A project's curriculum files as read, before loading: what `load_files` takes.

    `contents` maps a project-relative path (site_config.yml, curriculum/...) to its bytes;
    `symlinks` names the paths that are symbolic links, reported and never read. A folder
    (`read_folder`) and a git revision (`generator.diff`) are read into the same shape, so
    both go through the one loader.
    """

    contents: dict[str, bytes]
    symlinks: list[str] = field(default_factory=list)


def load_sources(root: Path) -> Sources:
    """Read site_config.yml and every file under curriculum/."""
    return load_files(read_folder(root))


def read_folder(root: Path) -> SourceFiles:
    """Read site_config.yml and every regular file under curriculum/; symlinks are named only.

    An unreadable file raises OSError.
    """
    config = root / SITE_CONFIG
    symlinks = [SITE_CONFIG] if config.is_symlink() else []
    paths, walk_symlinks = curriculum_files(root)
    symlinks.extend(walk_symlinks)
    if config.is_file() and not config.is_symlink():
        paths.insert(0, config)
    contents = {path.relative_to(root).as_posix(): path.read_bytes() for path in paths}
    return SourceFiles(contents, symlinks)


def load_files(files: SourceFiles) -> Sources:
    """Load curriculum files already read (see `SourceFiles`), in the loader's file order."""
    with paused_gc():
        return _load_files(files)


def file_order(relpath: str) -> tuple[bool, PurePosixPath]:
    """site_config.yml first, then the curriculum files as the folder walk sorts them."""
    return (relpath != SITE_CONFIG, PurePosixPath(relpath))


def _load_files(files: SourceFiles) -> Sources:
    documents: list[Document] = []
    pages: list[Page] = []
    problems: list[Problem] = []
    if SITE_CONFIG in files.symlinks:
        problems.append(error(SITE_CONFIG, (1, 1), "symlink"))
    elif SITE_CONFIG not in files.contents:
        problems.append(error(SITE_CONFIG, (1, 1), "site-config-missing"))
    problems.extend(
        error(relpath, (1, 1), "symlink") for relpath in files.symlinks if relpath != SITE_CONFIG
    )
    for relpath in sorted(files.contents, key=file_order):
        raw = files.contents[relpath]
        if relpath.startswith(PAGES_DIR):
            page_problems = _page_name_problems(relpath)
            problems.extend(page_problems)
            if page_problems:
                continue
            text, text_problems = read_text(relpath, raw)
            problems.extend(text_problems)
            if text is not None and not text_problems:
                pages.append(Page(relpath, text))
            continue
        kind = kind_of(relpath)
        if kind is None:
            problems.append(error(relpath, (1, 1), _unexpected_file_code(relpath)))
            continue
        document, file_problems = load_document(relpath, kind, raw)
        problems.extend(file_problems)
        if document is not None:
            documents.append(document)
    return Sources(documents, pages, problems, len(files.contents))


PAGES_DIR = "curriculum/pages/"
_PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")
_PAGE_NAME_MAX = MAX_PAGE_NAME_CHARS


def curriculum_files(root: Path) -> tuple[list[Path], list[str]]:
    """Every regular file under curriculum/, sorted, and the symlinks met (never followed).

    A symlink could publish any file of the machine that builds the site (`/etc/passwd`
    as a page), or make the walk loop forever; the loader reports each one.
    """
    base = root / "curriculum"
    if base.is_symlink():
        return [], ["curriculum"]
    found: list[Path] = []
    symlinks: list[str] = []
    stack = [base] if base.is_dir() else []
    while stack:
        directory = stack.pop()
        for entry in os.scandir(directory):
            path = Path(entry.path)
            if entry.is_symlink():
                symlinks.append(path.relative_to(root).as_posix())
            elif entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(path)
    return sorted(found), symlinks


def _page_name_problems(relpath: str) -> list[Problem]:
    """A free page becomes `/halaman/<name>/`: one folder, one slug, one page per name."""
    name = relpath.removeprefix(PAGES_DIR)
    if "/" in name:
        return [error(relpath, (1, 1), "page-in-subfolder", name=name.rsplit("/", 1)[-1])]
    if not name.endswith(".md"):
        return [error(relpath, (1, 1), "page-not-markdown")]
    if name == "index.md":
        return [error(relpath, (1, 1), "page-index-name")]
    if len(name) - 3 > _PAGE_NAME_MAX or not _PAGE_NAME.match(name):
        suggestion = slug_suggestion(name.removesuffix(".md"))
        return [
            error(relpath, (1, 1), "page-name", limit=_PAGE_NAME_MAX, suggestion=suggestion or None)
        ]
    return []


def slug_suggestion(name: str) -> str:
    """A valid slug close to what the editor wrote, or "" when nothing usable is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))
    return slug[:_PAGE_NAME_MAX].rstrip("-")


def _unexpected_file_code(relpath: str) -> str:
    return "file-yaml-misplaced" if relpath.endswith((".yml", ".yaml")) else "file-unknown"


def read_text(relpath: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 strictly and report characters an editor cannot see."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = f"{raw[exc.start]:02x}"
        return None, [error(relpath, (line, col), "file-not-utf8", byte=byte)]
    text = text.removeprefix("\ufeff")
    nbsp = _nbsp_problems(relpath, text)
    if not _SUSPECT.search(_EMOJI_JOINER.sub("", text)):
        return text, nbsp
    return text, sorted([*_character_problems(relpath, text), *nbsp])


def _character_problems(relpath: str, text: str):
    for line_number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        for col, char in enumerate(line, start=1):
            if char == "\t" and col <= indent:
                yield error(relpath, (line_number, col), "tab-indent")
            elif char == _ZWJ and _joins_emoji(line, col - 1):
                continue
            elif char in _INVISIBLE or char in _BIDI:
                yield error(
                    relpath,
                    (line_number, col),
                    "character-invisible",
                    codepoint=f"U+{ord(char):04X}",
                )
            elif char not in "\t\r" and unicodedata.category(char) in ("Cc", "Cs"):
                yield error(
                    relpath, (line_number, col), "character-control", codepoint=f"U+{ord(char):04X}"
                )


def _sanitise(text: str) -> str:
    """Blank out what was already reported so parsing can still find the other problems."""
    for pattern in _NBSP_PLACES.values():
        text = pattern.sub(lambda match: match.group(0).replace(_NBSP, " "), text)
    out = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        chars = [" " if char == "\t" and i < indent else char for i, char in enumerate(line)]
        out.append(
            "".join(
                char
                for char in chars
                if char not in _INVISIBLE
                and char not in _BIDI
                and (char in "\t\r" or unicodedata.category(char) not in ("Cc", "Cs"))
            )
        )
    return "\n".join(out)


def load_document(relpath: str, kind: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file; return its document (None when unusable) and its problems."""
    text, problems = read_text(relpath, raw)
    if text is None:
        return None, problems
    if problems:
        text = _sanitise(text)
    node, parse_problems = _compose(relpath, text)
    problems.extend(parse_problems)
    if node is None:
        return None, problems
    builder = _Builder(relpath, text)
    data = builder.build(node, ())
    problems.extend(builder.problems)
    problems.extend(_schema_line_problems(relpath, kind, text))
    if builder.too_deep:
        return None, problems  # as when parsing found it: the rest would only mislead
    return Document(relpath, kind, data, builder.spans, text), problems


def _schema_line_problems(relpath: str, kind: str, text: str) -> list[Problem]:
    """A schema line for another kind of file silently gives the editor the wrong help.

    Only the schema's file name is compared: how many `../` lead to generator/schema/
    depends on where the project sits (the test fixtures live deeper than the seed).
    """
    first = text.split("\n", 1)[0].rstrip("\r")
    if not first.startswith(SCHEMA_LINE_PREFIX):
        return []
    expected = schema_line(kind, relpath)
    named = first.removeprefix(SCHEMA_LINE_PREFIX).rsplit("/", 1)[-1]
    if named == expected.rsplit("/", 1)[-1]:
        return []
    return [warning(relpath, (1, 1), "schema-line-wrong", named=named, expected=expected)]


def _too_deep(text: str) -> Position | None:
    """Return where nesting first exceeds MAX_DEPTH, parsing only when it could."""
    if sum(text.count(char) for char in "[{-?:") < _COMPOSE_SAFE:
        return None
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return (event.start_mark.line + 1, event.start_mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, ValueError, UnicodeError):
        return None  # composing reports the same error, at no greater depth
    finally:
        loader.dispose()
    return None


def _compose(relpath: str, text: str) -> tuple[yaml.Node | None, list[Problem]]:
    deep = _too_deep(text)
    if deep is not None:
        return None, [error(relpath, deep, "yaml-too-deep", limit=MAX_DEPTH)]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        opened = exc.context_mark
        if mark and opened and opened.index < mark.index and mark.index >= len(text.rstrip()):
            mark = opened  # at the end of the file: point where the quote or bracket opened
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        code, fields = _translate_yaml_error(exc)
        if fields.get("needle") in _INDENT_NEEDLES:
            lines = [mark.line + 1 for mark in (exc.problem_mark, exc.context_mark) if mark]
            found = _misindented(text, [*lines, *(line - 1 for line in lines)])
            if found is not None:
                position, fields = found
                code = "yaml-indentation"
        return None, [error(relpath, position, code, **fields)]
    except (yaml.YAMLError, ValueError, UnicodeError, RecursionError) as exc:
        return None, [error(relpath, (1, 1), "yaml-unreadable", exception=exc.__class__.__name__)]
    finally:
        loader.dispose()
    if node is None:
        return None, [error(relpath, (1, 1), "file-empty")]
    return node, []


# libyaml's words for a line it cannot place; the line's indentation usually says why.
_INDENT_NEEDLES = {
    "mapping values are not allowed",
    "could not find expected ':'",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
}
_BLOCK_SCALAR = re.compile(r"^[^#]*(?::|-)\s+[|>][-+0-9]*\s*(#.*)?$")
_ITEM = re.compile(r"- +")


def _columns(line: str) -> list[int]:
    """Where the line's keys and items start: `  - mode: x` has an item at 2 and a key at 4."""
    column = len(line) - len(line.lstrip(" "))
    columns = [column]
    while match := _ITEM.match(line, column):
        column = match.end()
        columns.append(column)
    return columns


def _misindented(text: str, candidates: list[int]) -> tuple[Position, dict] | None:
    """The first candidate line indented to no open level, with the level it likely meant."""
    lines = text.split("\n")
    in_block = _block_scalar_lines(lines)
    for number in candidates:
        if not 1 <= number <= len(lines) or in_block[number - 1]:
            continue
        line = lines[number - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = len(line) - len(line.lstrip(" "))
        levels = _open_levels(lines, in_block, number)
        if found in levels:
            continue
        opener = levels.pop(-1, None)
        if opener is not None and found > opener[0]:
            continue  # the line above opens a block: any deeper indentation starts it
        if not levels:
            continue
        expected = min(levels, key=lambda column: (abs(column - found), -column))
        return (number, found + 1), {
            "found": found,
            "expected": expected,
            "line": levels[expected][1],
        }
    return None


def _open_levels(lines: list[str], in_block: list[bool], number: int) -> dict:
    """Columns line `number` may start at: {column: (column, a line starting there)}.

    Key -1 holds the line above when it opens a block (ends with `:` or `-`).
    """
    levels: dict[int, tuple[int, int]] = {}
    limit = None
    first = True
    for index in range(number - 2, -1, -1):
        line = lines[index]
        if in_block[index] or not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = _columns(line)
        if first:
            first = False
            content = line.split(" #", 1)[0].rstrip()
            if content.endswith(":") or content.rstrip().endswith("-"):
                levels[-1] = (columns[-1], index + 1)
        if limit is not None and columns[0] >= limit:
            continue
        for column in columns:
            if limit is None or column < limit:
                levels.setdefault(column, (column, index + 1))
        limit = columns[0]
        if limit == 0:
            break
    return levels


def _block_scalar_lines(lines: list[str]) -> list[bool]:
    """Which lines are the text of a `|` or `>` block (any indentation is theirs)."""
    inside = [False] * len(lines)
    owner = None
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if owner is not None and (not line.strip() or indent > owner):
            inside[index] = True
            continue
        owner = (
            indent if _BLOCK_SCALAR.match(line) or line.rstrip().endswith((": |", ": >")) else None
        )
    return inside


def _translate_yaml_error(exc: yaml.MarkedYAMLError) -> tuple[str, dict[str, str]]:
    problem = exc.problem or ""
    context = exc.context or ""
    for needle in messages.YAML_SYNTAX_NEEDLES:
        if needle in problem or needle in context:
            return "yaml-syntax", {"needle": needle}
    return "yaml-invalid", {"detail": problem or context}


class _Builder:
    """Construct plain values from a node tree, recording spans and problems."""

    def __init__(self, relpath: str, text: str):
        self.relpath = relpath
        self.text = text
        self.spans: dict[Loc, Span] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._aliases_reported = False
        self.too_deep = False
        scalars = yaml.constructor.SafeConstructor()
        self._constructors = {
            _TAG + "int": scalars.construct_yaml_int,
            _TAG + "float": scalars.construct_yaml_float,
            _TAG + "bool": scalars.construct_yaml_bool,
            _TAG + "null": scalars.construct_yaml_null,
            _TAG + "timestamp": scalars.construct_yaml_timestamp,
        }
        self._resolver = yaml.resolver.Resolver()

    def _problem(self, position: Position, code: str, /, **fields: Any) -> None:
        self.problems.append(error(self.relpath, position, code, **fields))

    def build(self, node: yaml.Node, loc: Loc, key: Position | None = None) -> Any:
        mark = node.start_mark
        position = (mark.line + 1, mark.column + 1)
        # Fast path for the most common node, plain text met for the first time.
        if node.tag == _STR and node.__class__ is _ScalarNode and id(node) not in self._seen:
            self._seen.add(id(node))
            self.spans[loc] = Span(position, key, None, node.style in _QUOTES)
            if (
                not node.style
                and node.end_mark.line > mark.line
                and loc
                and isinstance(loc[-1], int)
            ):
                self._merged_item(node)
            # Written literally these were refused when the file was read; a YAML escape
            # ("\r", "\x00", "\u202E") in double quotes is the only way left to carry one.
            if node.style == '"' and (found := _escaped_suspect(node.value)):
                self._problem(position, "yaml-escaped-character", **_escaped_character(found))
            return node.value
        if len(loc) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            if not self.too_deep:
                self.too_deep = True
                self._problem(position, "yaml-too-deep", limit=MAX_DEPTH)
            return None
        if id(node) in self._seen:
            self._report_aliases()
            return None
        self._seen.add(id(node))
        if self._refused_tag(node, position):
            self.spans[loc] = Span(position, key)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc, position, key)
        self.spans[loc] = Span(position, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._mapping(node, loc)

    @functools.cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    def _merged_item(self, node: yaml.ScalarNode) -> None:
        """Warn when a list item's text swallowed the next item: `- a` then `    - b`.

        A `- ` line indented deeper than the item above is, to YAML, more words of that
        item's text ("... layanan. - Menerapkan ..."): valid, and silently one item short.
        """
        lines = self._lines
        for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
            line = lines[number]
            stripped = line.lstrip(" ")
            if stripped.startswith("- "):
                col = len(line) - len(stripped) + 1
                start = node.start_mark.line + 1
                self.problems.append(
                    warning(self.relpath, (number + 1, col), "list-item-merged", line=start)
                )
                return

    def _refused_tag(self, node: yaml.Node, position: Position) -> bool:
        if node.tag in _CORE_TAGS or node.tag in _LEGACY_TAGS:
            return False
        shown = node.tag.replace(_TAG, "!!", 1) if node.tag.startswith(_TAG) else node.tag
        self._problem(position, "yaml-tag", tag=shown)
        return True

    def _scalar(self, node: yaml.ScalarNode, loc: Loc, position: Position, key) -> Any:
        value, source = self._construct_scalar(node, position)
        if node.style == '"' and (found := _escaped_suspect(node.value)):
            self._problem(position, "yaml-escaped-character", **_escaped_character(found))
        self.spans[loc] = Span(position, key, source, node.style in _QUOTES)
        return value

    def _construct_scalar(
        self, node: yaml.ScalarNode, position: Position
    ) -> tuple[Any, str | None]:
        if node.tag == _STR:
            return node.value, None
        if node.tag in _CORE_12:
            core = _CORE_12[node.tag]
            if node.tag == _INT and _DECIMAL.fullmatch(node.value):
                # The common case (`minutes: 90`), without asking the resolver; `0755` is
                # 755 in YAML 1.2, not octal.
                return int(node.value), None if node.style else node.value
            if (core is None or not core.fullmatch(node.value)) and self._implicit(node):
                return node.value, None
        tag = node.tag.removeprefix(_TAG)
        constructor = self._constructors.get(node.tag)
        if constructor is None:  # !!seq or !!map on a single value
            self._problem(position, "yaml-tag-on-scalar", tag=tag)
            return node.value, None
        try:
            value = constructor(node)
        except (ValueError, TypeError, OverflowError):
            # What YAML only guessed (2026-02-30, 0x_) stays text: a text field accepts it and
            # a date or number field reports it once. An explicit tag (!!int abc) is an error.
            if not self._implicit(node):
                self._problem(position, "yaml-tag-unreadable", tag=tag, text=node.value)
            return node.value, None
        # libyaml marks a plain scalar with style "", the pure loader with None.
        return value, None if node.style else node.value

    def _implicit(self, node: yaml.ScalarNode) -> bool:
        return (
            not node.style
            and self._resolver.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag
        )

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result: dict = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = self._key(key_node, loc, key_position)
            if key is None:
                continue
            if key in first_seen:
                self._problem(
                    key_position, "yaml-duplicate-key", key=key, first_line=first_seen[key]
                )
                continue
            first_seen[key] = key_position[0]
            result[key] = self.build(value_node, (*loc, key), key_position)
        return result

    def _key(self, key_node: yaml.Node, loc: Loc, position: Position) -> str | int | None:
        if (
            key_node.tag == _STR
            and key_node.__class__ is _ScalarNode
            and id(key_node) not in self._seen
            and _NBSP not in key_node.value
        ):
            self._seen.add(id(key_node))
            return key_node.value
        if id(key_node) in self._seen:
            self._report_aliases()
            return None
        self._seen.add(id(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            self._problem(position, "yaml-key-not-scalar")
            return None
        if key_node.tag == _TAG + "merge":
            self._problem(position, "yaml-merge-key")
            return None
        if key_node.tag == _TAG + "str":
            if _NBSP in key_node.value:
                # At the NBSP itself when the key is written on one line, as it nearly always is.
                if key_node.end_mark.line == key_node.start_mark.line and not key_node.style:
                    position = (position[0], position[1] + key_node.value.index(_NBSP))
                self._problem(position, "yaml-key-nbsp", key=key_node.value.replace(_NBSP, "␣"))
                # Read on as if it were fixed, so the key is not also reported as unknown.
                return key_node.value.replace(_NBSP, " ").strip()
            return key_node.value
        if self._refused_tag(key_node, position):
            return None
        value, _ = self._construct_scalar(key_node, position)
        integer_allowed = bool(loc) and loc[-1] in _INTEGER_KEY_PARENTS
        if isinstance(value, str) or (
            isinstance(value, int) and not isinstance(value, bool) and integer_allowed
        ):
            return value
        self._problem(position, "yaml-key-not-text", key=key_node.value, found=describe_type(value))
        return None

    def _report_aliases(self) -> None:
        if self._aliases_reported:
            return
        self._aliases_reported = True
        positions = []
        try:
            for token in yaml.scan(self.text, Loader=_Loader):
                if isinstance(token, yaml.AliasToken):
                    positions.append((token.start_mark.line + 1, token.start_mark.column + 1))
        except (yaml.YAMLError, ValueError, UnicodeError):
            positions = positions or [(1, 1)]
        positions = positions or [(1, 1)]
        # An alias bomb has dozens of aliases; ten lines say enough.
        for position in positions[:_ALIASES_SHOWN]:
            self._problem(position, "yaml-alias")
        if len(positions) > _ALIASES_SHOWN:
            more = len(positions) - _ALIASES_SHOWN - 1
            self._problem(positions[_ALIASES_SHOWN], "yaml-alias", more=more)


def _escaped_character(char: str) -> dict[str, str]:
    kind = "invisible" if char in _INVISIBLE else "direction" if char in _BIDI else "control"
    escape = char.encode("unicode_escape").decode("ascii")
    return {"codepoint": f"U+{ord(char):04X}", "kind": kind, "escape": escape}
