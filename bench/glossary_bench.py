"""Build the seed curriculum with a synthetic glossary of growing size; print build seconds.

Usage: python bench/glossary_bench.py [--terms 100 200 400 1000] [--timeout 600]
Each row is one full `python -m generator build` (validate, render, write, `mkdocs build
--strict`) of the seed laid out as a fresh project, its glossary grown to the given number
of terms. Every synthetic definition mentions two other terms and the seed's `ASN`, so the
glossary page and many definitions carry abbreviations. A build that outlives the timeout
is printed as `> timeout`. Compare the ratios within one run: the shape (linear) matters.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

# The same fresh-project layout the build tests use.
from tests.sitebuild import copy_project

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"


def synthetic_entries(count: int, start: int) -> str:
    """YAML for glossary entries start..count-1 (the seed has `start` terms already)."""
    entries = []
    for k in range(start, count):
        other, another = start + (k + 1) % (count - start), start + (k + 7) % (count - start)
        entries.append(
            f"- term: SK{k:04d}\n"
            f"  expansion: Satuan Kerja Sintetis nomor {k}\n"
            f"  definition: >-\n"
            f"    Istilah sintetis SK{k:04d} untuk pengukuran; berkaitan dengan SK{other:04d}\n"
            f"    dan SK{another:04d}, dipakai oleh setiap ASN di unit kerja.\n"
        )
    return "".join(entries)


def project(work: Path, terms: int) -> Path:
    root = copy_project(REPO, work / f"terms-{terms}")
    glossary = root / "curriculum" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    seed_terms = text.count("\n- term: ")
    glossary.write_text(text + synthetic_entries(terms, seed_terms), encoding="utf-8")
    return root


def measure(root: Path, timeout: float) -> tuple[float | None, int]:
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--root", str(root), "--today", TODAY],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, 0
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(
            f"{root.name}: build failed\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
        )
    return seconds, len(list((root / "site").rglob("index.html")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terms", type=int, nargs="*", default=[100, 200, 400, 1000])
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    print("| glossary terms | glossary KB | pages | build s |")
    print("|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as temporary:
        for terms in args.terms:
            root = project(Path(temporary), terms)
            size = (root / "curriculum" / "glossary.yml").stat().st_size / 1024
            seconds, pages = measure(root, args.timeout)
            shown = f"> {args.timeout:.0f}" if seconds is None else f"{seconds:.1f}"
            print(f"| {terms:,} | {size:.0f} | {pages or '–'} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
