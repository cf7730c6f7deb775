"""The mini fixture's generated Markdown equals the reviewed golden files."""

from __future__ import annotations

import difflib

import pytest

from tests.constants import GOLDEN
from tests.golden import render_fixture

REGENERATE = "run `make golden` and review the diff of tests/golden/"
# Enough lines to see what changed on a page; a page rewritten wholesale is cut short.
MAX_DIFF_LINES = 60


@pytest.fixture(scope="module")
def pages():
    return render_fixture()


def page_diff(relpath: str, expected: str, actual: str, limit: int = MAX_DIFF_LINES) -> str:
    """A unified diff from the golden file to the generated page, at most `limit` lines."""
    lines = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/mini/{relpath}",
            tofile=f"generated/{relpath}",
        )
    )
    shown = "".join(line if line.endswith("\n") else line + "\n" for line in lines[:limit])
    if len(lines) > limit:
        shown += f"… {len(lines) - limit} more diff lines\n"
    return shown


def test_same_set_of_pages(pages):
    expected = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    missing, extra = sorted(expected - set(pages)), sorted(set(pages) - expected)
    assert not missing and not extra, (
        f"golden files no longer generated: {missing}; generated pages with no golden file: "
        f"{extra}: {REGENERATE}"
    )


def test_every_page_matches_its_golden_file(pages):
    diffs = []
    for relpath, text in sorted(pages.items()):
        golden = GOLDEN / relpath
        # Bytes, not read_text: calendars end their lines with CRLF, which text mode drops.
        expected = golden.read_bytes().decode("utf-8") if golden.is_file() else ""
        if expected != text:
            diffs.append(page_diff(relpath, expected, text))
    if diffs:
        pytest.fail(
            f"{len(diffs)} pages differ from tests/golden/mini:\n" + "".join(diffs) + REGENERATE,
            pytrace=False,
        )


def test_a_changed_page_is_shown_as_a_bounded_diff():
    expected = "".join(f"baris {n}\n" for n in range(100))
    actual = expected.replace("baris 7\n", "baris tujuh\n")
    shown = page_diff("modul/x.md", expected, actual)
    assert "--- tests/golden/mini/modul/x.md\n+++ generated/modul/x.md\n" in shown
    assert "-baris 7\n+baris tujuh\n" in shown
    rewritten = page_diff("modul/x.md", expected, expected.upper(), limit=10)
    assert len(rewritten.splitlines()) == 11 and rewritten.endswith("more diff lines\n")
