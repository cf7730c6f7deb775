"""Which line an editor must edit when YAML cannot read a file, and what to write there.

libyaml reports where it gave up, which for the commonest mistakes is not where the
mistake is: an unclosed quote is found at the next quote, perhaps twenty lines on; a
missing space after `level:` on the line below; a colon in the second line of a long text
as a key out of place. `diagnose` looks at the tokens read before the error and the lines
around it for these mistakes and returns the line to edit with its own message, or None
to keep libyaml's.
"""

from __future__ import annotations

import functools
import re
import typing

import yaml
from pydantic import BaseModel

from generator.format import models as fmt
from generator.load.documents import Position
from generator.load.indentation import _block_scalar_lines

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _Loader

# `level:dasar`: a key, a colon and no space. `https://` is no key.
_NO_SPACE = re.compile(r"^( *(?:- +)?)([A-Za-z_][A-Za-z0-9_]*):(?![\s/])(\S.*)$")
_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_KEY_LIKE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def diagnose(text: str, mark: yaml.Mark) -> tuple[Position, str, dict] | None:
    """(position, code, fields) of the mistake behind a YAML error at `mark`, or None."""
    lines = text.split("\n")
    line = mark.line  # 0-based
    tokens = _tokens_before(text, mark.index)
    return (
        _unclosed_quote(tokens, line)
        or _curly_quotes(lines, line, mark.column)
        or _missing_space(lines, line)
        or _colon_in_value(lines, line, mark.column)
        or _multiline_text(tokens, lines, line, mark.column)
    )


_KEY_VALUE = re.compile(r"^( *(?:- +)?)([A-Za-z_][A-Za-z0-9_]*): +(.*?)\s*$")


@functools.cache
def _field_names() -> frozenset[str]:
    """Every key of the format, to tell a second key on the line from words of a text."""
    names: set[str] = set()
    seen: set[type] = set()
    stack: list = list(fmt.FORMAT_MODELS.values())
    while stack:
        annotation = stack.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                continue
            seen.add(annotation)
            for name, info in annotation.model_fields.items():
                names.add(name)
                stack.append(info.annotation)
        else:
            stack.extend(typing.get_args(annotation))
    names.discard("root")
    return frozenset(names)


def _colon_in_value(lines: list[str], line: int, column: int):
    """`title: Etika: Pelayanan` (quote the value) or `- mode: webinar minutes: 90` (two
    keys on one line: the second goes on a line of its own)."""
    if line >= len(lines):
        return None
    found = _KEY_VALUE.match(lines[line])
    if not found or column < found.start(3) or column >= len(lines[line]):
        return None
    if lines[line][column] != ":":
        return None
    key, value = found.group(2), found.group(3)
    before = lines[line][found.start(3) : column].split()
    if before and before[-1] in _field_names() and len(before) > 1:
        return (
            (line + 1, column - len(before[-1]) + 1),
            "yaml-two-keys",
            {"key": before[-1], "first": key},
        )
    quote = '"' if '"' not in value else "'" if "'" not in value else None
    if quote is None or value.startswith(("'", '"')):
        return None
    return (
        (line + 1, found.start(3) + 1),
        "yaml-colon-in-value",
        {"key": key, "fix": f"{key}: {quote}{value}{quote}"},
    )


def _tokens_before(text: str, index: int) -> list[yaml.Token]:
    found: list[yaml.Token] = []
    loader = _Loader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if token.start_mark.index > index:
                break
            found.append(token)
    except (yaml.YAMLError, ValueError, UnicodeError):
        pass
    finally:
        loader.dispose()
    return found


def _unclosed_quote(tokens: list[yaml.Token], line: int):
    """A quoted text that runs over lines before the error: its quote was never closed
    on its own line, and YAML read on to the next quote it met."""
    for token in reversed(tokens):
        if not isinstance(token, yaml.ScalarToken) or token.style not in ('"', "'"):
            continue
        start, end = token.start_mark, token.end_mark
        if end.line > start.line and end.line <= line:
            return (
                (start.line + 1, start.column + 1),
                "yaml-quote-unclosed",
                {"quote": token.style, "until": end.line + 1},
            )
        return None
    return None


def _curly_quotes(lines: list[str], line: int, column: int):
    """`title: “Etika: Pelayanan”`: quotes from a word processor are letters to YAML."""
    if line >= len(lines):
        return None
    text = lines[line]
    for index, char in enumerate(text[: column + 1]):
        if char in _CURLY:
            return (line + 1, index + 1), "yaml-curly-quotes", {"quote": char}
    return None


def _missing_space(lines: list[str], line: int):
    """`level:dasar` on the error's line or the two above it (libyaml fails on the next)."""
    in_block = _block_scalar_lines(lines)
    for number in range(min(line, len(lines) - 1), max(line - 3, -1), -1):
        if in_block[number]:
            continue
        found = _NO_SPACE.match(lines[number])
        if found:
            column = len(found.group(1)) + len(found.group(2)) + 1
            return (
                (number + 1, column + 1),
                "yaml-colon-space",
                {"key": found.group(2), "value": found.group(3)[:40]},
            )
    return None


def _multiline_text(tokens: list[yaml.Token], lines: list[str], line: int, column: int):
    """A plain text continued on the next line holds `: `, which YAML takes for a key.

    A continuation whose words before `:` look like a key is more likely a key indented too
    deep, which the indentation message explains.
    """
    if line >= len(lines):
        return None
    before = lines[line][:column].strip().removeprefix("- ")
    if _KEY_LIKE.fullmatch(before):
        return None
    for index in range(len(tokens) - 1, 0, -1):
        token = tokens[index]
        if isinstance(token, yaml.ScalarToken) and not token.style:
            start, end = token.start_mark, token.end_mark
            if start.line < line == end.line:
                key = _key_before(tokens, index)
                if key is None:
                    return None
                return (
                    (start.line + 1, start.column + 1),
                    "yaml-multiline-colon",
                    {"key": key, "line": line + 1},
                )
            return None
    return None


def _key_before(tokens: list[yaml.Token], index: int) -> str | None:
    if index >= 3 and isinstance(tokens[index - 1], yaml.ValueToken):
        key = tokens[index - 2]
        if isinstance(key, yaml.ScalarToken):
            return key.value
    return None
