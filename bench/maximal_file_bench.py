"""Build the seed with one module file at the format's bounds; print build seconds.

Usage: python bench/maximal_file_bench.py [--timeout 600]
Rows: the seed as it is, then the seed plus one module file as large as the validator
accepts (`MAX_FILE_BYTES`, 1 MB) whose lists are as long as it accepts (`MAX_LIST_ITEMS`):
2,000 objectives and 2,000 engagement items of plain text, each under the text bound. Each
row is one full `python -m generator build` (validate, render, write, `mkdocs build
--strict`, Pagefind) of a fresh project. The file one byte or one item beyond is refused
by `validate` at the line that crosses the bound (tests/test_bounds.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.glossary_bench import REPO, measure
from generator.format import models as fmt
from tests.sitebuild import copy_project

HEAD = """\
id: modul-maksimal
title: Modul pada Batas Format
summary: Satu berkas modul sebesar dan sepanjang yang diterima validator.
level: dasar
audience:
  - semua
competencies:
  - ref: berakhlak/akuntabel
activities:
  - mode: webinar
    minutes: 90
"""


def maximal_module() -> str:
    """A valid module file just under MAX_FILE_BYTES with two lists of MAX_LIST_ITEMS."""
    budget = fmt.MAX_FILE_BYTES - len(HEAD.encode("utf-8")) - 64
    per_item = budget // (2 * fmt.MAX_LIST_ITEMS)
    lines = []
    for key in ("objectives", "engagement"):
        lines.append(f"{key}:\n")
        for k in range(fmt.MAX_LIST_ITEMS):
            prefix = f"  - {key} {k}: "
            words = "menerapkan nilai akuntabel dalam layanan publik "
            text = (words * (per_item // len(words) + 1))[: per_item - len(prefix) - 1]
            lines.append(prefix.replace(": ", " ") + text.rstrip() + "\n")
    body = HEAD + "".join(lines)
    assert len(body.encode("utf-8")) <= fmt.MAX_FILE_BYTES, len(body)
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    print("| curriculum | largest file KB | pages | build s |")
    print("|---|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as temporary:
        for label, extra in (("seed", None), ("seed + one maximal module", maximal_module())):
            root = copy_project(REPO, Path(temporary) / label.replace(" ", "-"))
            if extra is not None:
                path = root / "curriculum" / "modules" / "berakhlak" / "modul-maksimal.yml"
                path.write_text(extra, encoding="utf-8")
            largest = max(p.stat().st_size for p in (root / "curriculum").rglob("*.yml"))
            seconds, pages = measure(root, args.timeout)
            shown = f"> {args.timeout:.0f}" if seconds is None else f"{seconds:.1f}"
            print(f"| {label} | {largest / 1024:.0f} | {pages or '–'} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
