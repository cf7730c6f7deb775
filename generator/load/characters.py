"""Decoding a file, and the characters in it an editor cannot see.

`read_text` decodes UTF-8 strictly and reports tab indentation, invisible, direction and
control characters, and non-breaking spaces where YAML expects a space; `_sanitise` blanks
out what was reported so that the YAML can still be parsed for its other problems. The
same characters written as YAML escapes in double quotes are named by `_escaped_suspect`
and `_escaped_character`. Free Markdown pages go through `read_text` as YAML files do, so
these checks are apart from the YAML parsing.
"""

from __future__ import annotations

import re
import unicodedata

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _Loader

import yaml

from generator.load.indentation import _block_scalar_lines, _open_levels
from generator.problems import messages
from generator.problems.report import Problem, error

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


_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*", re.MULTILINE)


def tab_fixes(text: str) -> dict[int, tuple[int, int, bool]]:
    """For each line indented with a tab (0-based): the spaces it needs, the line (1-based)
    it then lines up with, and whether it goes under that line (its key ends in `:`).

    A tab is no fixed number of spaces: the line needs the column of a level open above
    it. Of those, the first that lets the file parse past this line is the one meant,
    trying the line above's own keys first (an editor pressing Tab continues them).
    """
    if "\t" not in text:
        return {}
    lines = text.split("\n")
    fixes: dict[int, tuple[int, int, bool]] = {}
    for index, line in enumerate(lines):
        found = _LEADING_TABS.match(line)
        if not found:
            continue
        in_block = _block_scalar_lines(lines)
        if in_block[index]:
            continue
        levels = _open_levels(lines, in_block, index + 1)
        opener = levels.pop(-1, None)
        candidates = []
        if opener is not None:
            candidates.append((opener[0] + 2, opener[1], True))
        candidates += [
            (column, reference, False)
            for column, reference in sorted(levels.values(), key=lambda level: -level[0])
        ]
        rest = line[found.end() :]
        for column, reference, under in candidates:
            trial = [*lines[:index], " " * column + rest, *lines[index + 1 :]]
            trial = [_LEADING_TABS.sub(lambda m: m.group(0).replace("\t", " "), t) for t in trial]
            if _parses_past(trial, index):
                lines[index] = " " * column + rest
                fixes[index] = (column, reference, under)
                break
    return fixes


def _parses_past(lines: list[str], index: int) -> bool:
    try:
        yaml.compose("\n".join(lines), Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line > index + 1
    except (yaml.YAMLError, ValueError, UnicodeError):
        return False
    return True


def _character_problems(relpath: str, text: str):
    fixes = tab_fixes(text)
    for line_number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        for col, char in enumerate(line, start=1):
            if char == "\t" and col <= indent:
                spaces, reference, under = fixes.get(line_number - 1, (None, None, False))
                yield error(
                    relpath,
                    (line_number, col),
                    "tab-indent",
                    spaces=spaces,
                    line=reference,
                    under=under,
                )
                break
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
    fixes = tab_fixes(text)
    for number, line in enumerate(text.split("\n")):
        if number in fixes:
            line = " " * fixes[number][0] + line.lstrip(" \t")
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


def _escaped_character(char: str) -> dict[str, str]:
    kind = "invisible" if char in _INVISIBLE else "direction" if char in _BIDI else "control"
    escape = char.encode("unicode_escape").decode("ascii")
    return {"codepoint": f"U+{ord(char):04X}", "kind": kind, "escape": escape}
