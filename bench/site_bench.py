"""Build the seed and synthetic curricula and report build time, page size and site size.

Usage: python bench/site_bench.py [--modules 500 5000]
Figures are printed as a Markdown table for the README. Compare the ratios within one
run: the machine is noisy, the shape (linear time, flat page size) is what matters.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import write_curriculum

# The same fresh-project layout the build tests use.
from tests.sitebuild import copy_project as prepare

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"


def measure(label: str, root: Path) -> dict:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--today", TODAY],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{label}: build failed\n{result.stderr[-3000:]}")
    site = root / "site"
    pages = list(site.rglob("index.html"))
    module_pages = [p.stat().st_size for p in (site / "modul").rglob("index.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    modules = len(module_pages)
    return {
        "label": label,
        "modules": modules,
        "pages": len(pages),
        "seconds": seconds,
        "ms_per_page": 1000 * seconds / len(pages),
        "module_page_kb": statistics.median(module_pages) / 1024,
        "module_page_max_kb": max(module_pages) / 1024,
        "site_mb": total / 1024 / 1024,
        # Pagefind's bundle (chunks a reader fetches a few of per query), or before it
        # Material's whole index.
        "search_mb": sum(
            path.stat().st_size
            for folder in (site / "pagefind", site / "search")
            for path in folder.rglob("*")
            if path.is_file()
        )
        / 1024
        / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, nargs="*", default=[500, 5000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        rows.append(measure("seed", prepare(REPO, work / "seed")))
        for count in args.modules:
            source = write_curriculum(work / f"source-{count}", count)
            rows.append(measure(f"synthetic {count}", prepare(source, work / f"site-{count}")))
    print(
        "| curriculum | modules | pages | build s | ms/page | module page KB | site MB "
        "| search files MB |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        print(
            f"| {row['label']} | {row['modules']} | {row['pages']} | {row['seconds']:.1f} | "
            f"{row['ms_per_page']:.1f} | {row['module_page_kb']:.1f} / "
            f"{row['module_page_max_kb']:.1f} | {row['site_mb']:.1f} | {row['search_mb']:.1f} |"
        )
    if len(rows) >= 3:
        small, large = rows[-2], rows[-1]
        print(
            f"\n{large['modules'] / small['modules']:.0f}× the modules: build time "
            f"×{large['seconds'] / small['seconds']:.1f}, median module page "
            f"×{large['module_page_kb'] / small['module_page_kb']:.2f}"
        )


if __name__ == "__main__":
    main()
