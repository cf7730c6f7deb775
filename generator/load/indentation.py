"""Which indentation a line that YAML cannot place should have had.

When libyaml fails on a line for one of `_INDENT_NEEDLES`, `_misindented` looks for the
nearby line indented to no open level and the level it most likely meant, so the message
can name both columns and the line that sets the level. `_block_scalar_lines` tells which
lines are the text of a `|` or `>` block, where any indentation is the editor's prose; the
character checks use it as well, which is why it lives in a module of its own.
"""

from __future__ import annotations

import re

from generator.load.documents import Position

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
