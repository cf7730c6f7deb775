"""One YAML file into a `Document`: its data with a position for every key and value.

PyYAML is used only to compose the node tree (in C when libyaml is present);
values are constructed here so that every key and value keeps its line and column,
aliases are refused before anything can expand them, and no tag outside YAML's core
schema ever constructs an object. Scalars resolve by YAML 1.2's core schema, as the
editors' YAML extensions do.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from generator.format.models import MAX_LIST_ITEMS
from generator.format.schema import SCHEMA_LINE_PREFIX, schema_line
from generator.load.characters import (
    _NBSP,
    _escaped_character,
    _escaped_suspect,
    _sanitise,
    read_text,
)
from generator.load.documents import Document, Loc, Position, Span
from generator.load.indentation import _INDENT_NEEDLES, _misindented
from generator.load.syntax import diagnose
from generator.problems import messages
from generator.problems.messages import describe_type
from generator.problems.report import Problem, error, warning

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _Loader


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
        diagnosed = diagnose(text, exc.problem_mark) if exc.problem_mark else None
        if diagnosed is not None:
            position, code, fields = diagnosed
        elif fields.get("needle") in _INDENT_NEEDLES:
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
            if len(node.value) > MAX_LIST_ITEMS:
                first = node.value[MAX_LIST_ITEMS].start_mark
                self._problem(
                    (first.line + 1, first.column + 1),
                    "list-too-long",
                    count=len(node.value),
                    limit=MAX_LIST_ITEMS,
                )
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
            # `"1":` is the level 1, as every JSON reader of the file sees it (a JSON key is
            # always text): the validator, the editor and JSON tools agree.
            if (
                isinstance(key, str)
                and loc
                and loc[-1] in _INTEGER_KEY_PARENTS
                and key.isascii()
                and key.isdigit()
                and len(key) < 4
            ):
                key = int(key)
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
