"""Problems found in the curriculum, and the three ways to report them."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from generator.problems import messages

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: the unit every stage reports in."""

    path: str
    line: int
    col: int
    severity: str
    message: str
    # What the problem is (a code of generator/problems/messages.py or of a rule) and its
    # named values; the message above is the catalogue's wording of the two, made one line.
    code: str = field(default="", compare=False)
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def identity(self) -> tuple[str, str, str, str]:
        """What stays the same when a message is reworded: file, severity, code and fields.

        Advice (a close match, what exists elsewhere) is not part of what is wrong here: a
        module added elsewhere changes a suggestion, not the problem.
        """
        fields = {k: v for k, v in self.fields.items() if k not in messages.ADVICE_FIELDS}
        return (
            self.path,
            self.severity,
            self.code,
            json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str),
        )

    def as_text(self) -> str:
        # A file name may hold a line break too; the message was made one line already.
        return f"{_one_line(self.path)}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def as_github(self) -> str:
        # As GitHub documents (and @actions/core does): a command ends at a line break, and
        # a property value also at `,` or `:`.
        # Control characters (an escape in a file name) are escaped as the text form does, so
        # no terminal or log viewer reading the workflow's output interprets them.
        message = _command_data(self.message)
        path = _command_data(_one_line(self.path, keep="\r\n"))
        path = path.replace(":", "%3A").replace(",", "%2C")
        return f"::{self.severity} file={path},line={self.line},col={self.col}::{message}"


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def error(path: str, position: tuple[int, int], code: str, /, **fields: Any) -> Problem:
    return _problem(path, position, ERROR, code, fields)


def warning(path: str, position: tuple[int, int], code: str, /, **fields: Any) -> Problem:
    return _problem(path, position, WARNING, code, fields)


def _problem(
    path: str, position: tuple[int, int], severity: str, code: str, fields: dict[str, Any]
) -> Problem:
    message = _one_line(messages.text(code, fields))
    return Problem(path, position[0], position[1], severity, message, code, fields)


# Text direction controls reorder what a terminal or log viewer shows around them.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escaped(char: str) -> bool:
    return char in _BIDI or (char != "\t" and unicodedata.category(char) in ("Cc", "Zl", "Zp"))


def _one_line(message: str, keep: str = "") -> str:
    """Escape line breaks, control and direction characters quoted from a file: one
    problem, one line, shown as written."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if char not in keep and _escaped(char)
        else char
        for char in message
    )


def _json_safe(text: str) -> str:
    """JSON escapes only U+0000–U+001F itself; the rest are escaped as \\uXXXX too, which
    any JSON reader turns back into the same text."""
    return "".join(
        f"\\u{ord(char):04x}" if char != "\n" and _escaped(char) else char for char in text
    )


def count(problems: Iterable[Problem], severity: str) -> int:
    return sum(1 for problem in problems if problem.severity == severity)


def summary(problems: list[Problem], files: int) -> str:
    errors, warnings = count(problems, ERROR), count(problems, WARNING)
    if not problems:
        return messages.say("summary-clean", files=files)
    return messages.say("summary-counts", files=files, errors=errors, warnings=warnings)


def report(problems: list[Problem], files: int, output_format: str) -> str:
    """Render sorted problems with a closing summary line."""
    ordered = sorted(set(problems))
    if output_format == "json":
        return _json_safe(
            json.dumps(
                [asdict(problem) for problem in ordered], ensure_ascii=False, indent=2, default=str
            )
        )
    render = Problem.as_github if output_format == "github" else Problem.as_text
    lines = [render(problem) for problem in ordered]
    lines.append(summary(ordered, files))
    return "\n".join(lines)
