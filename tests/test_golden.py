"""The mini fixture's generated Markdown equals the reviewed golden files."""

from __future__ import annotations

import pytest

from tests.golden import GOLDEN, render_fixture

REGENERATE = "run `make golden` and review the diff of tests/golden/"


@pytest.fixture(scope="module")
def pages():
    return render_fixture()


def test_same_set_of_pages(pages):
    expected = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    assert set(pages) == expected, REGENERATE


def test_every_page_matches_its_golden_file(pages):
    changed = [
        relpath
        for relpath, text in sorted(pages.items())
        if not (GOLDEN / relpath).is_file()
        or (GOLDEN / relpath).read_text(encoding="utf-8") != text
    ]
    assert changed == [], f"{changed}: {REGENERATE}"
