"""Property tests: whatever a file holds, the validator reports located lines, never crashes.

Random text and bytes, and mutations of valid files, are written over one file of the
valid BASE project. For every example the validator must exit 0 or 1, print one
`path:line:col: severity: message` line per problem and a summary last, and point only
at lines that exist in the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE, run_validate, write_project

PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (error|warning): .+$")
SUMMARY = re.compile(r"^\d+ berkas diperiksa: (tidak ada masalah\.|\d+ galat, \d+ peringatan\.)$")
MODULE = "curriculum/modules/nilai/etika.yml"
# Everything YAML or our reader may count as the end of a line.
LINE_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces that make YAML change meaning: structure, anchors, tags, quotes, traps.
TOKENS = [
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\t",
    "  ",
    "#",
    "&a ",
    "*a",
    "&a [x, *a]",
    "!!",
    "!!python/object/apply:os.system ['true']",
    "!foo ",
    "!!binary ",
    "!!set ",
    "<<: ",
    "? ",
    "|",
    ">-",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "10:30",
    "no",
    "yes",
    "~",
    "0755",
    "2026-02-30",
    "2026-12-01",
    "1e999",
    "0x_",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x1b",
    "\r",
    "\u2028",
    "é",
    "😀",
    "\\",
    "\\x",
    '"\\u12"',
]


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("fuzz"))


def _check(root: Path, relpath: str, content: str | bytes) -> None:
    """Write `content` over `relpath` (BASE's copy is restored after) and check the report."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    (root / relpath).write_bytes(raw)
    try:
        result = run_validate(root)
    finally:
        (root / relpath).write_bytes(BASE[relpath].encode("utf-8"))
    assert result.exit_code in (0, 1), result.stderr
    assert result.lines, "nothing printed"
    assert SUMMARY.match(result.summary), result.summary
    text = raw.decode("utf-8", "replace")
    last_line = len(LINE_BREAKS.findall(text)) + 1
    for line in result.problems:
        match = PROBLEM.match(line)
        assert match, f"not a problem line: {line!r}"
        assert int(match["line"]) >= 1 and int(match["col"]) >= 1, line
        if match["path"] == relpath:
            assert int(match["line"]) <= last_line + 1, (line, last_line)
    if result.exit_code == 0:
        assert "error" not in {line.split(": ")[1] for line in result.problems}


# --- (a) random content ---------------------------------------------------------------------


@settings(FUZZ, max_examples=50)
@given(text=st.text(max_size=300))
def test_random_text(project_root, text):
    _check(project_root, MODULE, text)


@settings(FUZZ, max_examples=30)
@given(raw=st.binary(max_size=300))
def test_random_bytes(project_root, raw):
    _check(project_root, MODULE, raw)


@settings(FUZZ, max_examples=60)
@given(pieces=st.lists(st.sampled_from([*TOKENS, "id", "title", "x", "1", " "]), max_size=40))
def test_random_yaml_like_text(project_root, pieces):
    _check(project_root, MODULE, "".join(pieces))


# --- (b) mutations of valid files -------------------------------------------------------------


@st.composite
def _mutated(draw: st.DrawFn, original: str) -> str:
    text = original
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        operation = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "replace"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if operation == "delete":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=20)) :]
        elif operation == "duplicate":
            end = at + draw(st.integers(min_value=1, max_value=40))
            text = text[:end] + text[at:end] + text[end:]
        elif operation == "insert":
            token = draw(st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=3)))
            text = text[:at] + token + text[at:]
        elif operation == "swap":
            lines = text.split("\n")
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            key, _, _ = lines[i].partition(":")
            lines[i] = f"{key}: {draw(st.sampled_from(TOKENS))}"
            text = "\n".join(lines)
    return text


@settings(FUZZ, max_examples=120)
@given(text=_mutated(BASE[MODULE]))
def test_mutated_module(project_root, text):
    _check(project_root, MODULE, text)


@settings(FUZZ, max_examples=60)
@given(
    relpath_and_text=st.sampled_from(sorted(set(BASE) - {MODULE})).flatmap(
        lambda relpath: st.tuples(st.just(relpath), _mutated(BASE[relpath]))
    )
)
def test_mutated_other_files(project_root, relpath_and_text):
    relpath, text = relpath_and_text
    _check(project_root, relpath, text)
