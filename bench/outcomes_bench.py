"""Evidence of effect at scale: a synthetic curriculum built with and without outcome files.

Usage: python bench/outcomes_bench.py [--modules 1000] [--files 5000]
Writes the synthetic curriculum (bench/synthetic.py) twice, the second time with `--files`
aggregate outcome files spread over the modules (five sessions each by default, with every
Kirkpatrick level and some groups under `min_group_size`), builds both with
`python -m generator build`, and prints build times and module page bytes (raw and
gzipped: the first visit of a module page stays ≤ 100 KB gzipped with the theme's assets,
see README "Search and catalogue bytes") as a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import module_id, write_curriculum

from generator.format.schema import schema_line
from tests.sitebuild import copy_project as prepare

TODAY = "2026-11-29"


def outcome_yaml(module: str, delivered: str, n: int) -> str:
    """An aggregate outcome file; every seventh is a group of 3 (withheld on pages)."""
    small = n % 7 == 0
    attended = 3 if small else 40 + n % 60
    responses = attended if small else attended // 2
    agree = responses // 2
    matched = attended if small else attended - 5
    lines = [
        f"module: {module}",
        f'delivered: "{delivered}"',
        "source: formulir daring",
        "example: true",
        "participation:",
        f"  registered: {attended + 20}",
        f"  attended_live: {attended}",
        "reaction:",
        f"  responses: {responses}",
        f"  relevance: [0, 0, {responses - agree}, {agree}, 0]",
        "learning:",
        "  max_score: 100",
        f"  matched: {matched}",
        f"  pre: {{mean: {50 + n % 10}, sd: 12}}",
        f"  post: {{mean: {70 + n % 10}, sd: 10}}",
    ]
    if n % 2:
        lines.append(f"  diff_sd: {10 + n % 5}")
    if n % 3 == 0:
        lines += [
            "application:",
            "  - after_days: 30",
            f"    responses: {responses}",
            f"    applied: {agree}",
        ]
    if n % 5 == 0:
        lines += [
            "results:",
            "  - indicator: Layanan selesai tepat waktu",
            '    unit: "%"',
            f"    before: {60 + n % 10}",
            f"    after: {75 + n % 10}",
            "    source: rekap unit",
        ]
    return "\n".join(lines) + "\n"


def add_outcomes(root: Path, modules: int, files: int) -> None:
    start = datetime.date(2025, 1, 6)
    for n in range(files):
        module = module_id(n % modules)
        delivered = (start + datetime.timedelta(days=7 * (n // modules))).isoformat()
        relpath = f"curriculum/outcomes/{module}/{delivered}.yml"
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"{schema_line('outcome', relpath)}\n{outcome_yaml(module, delivered, n)}",
            encoding="utf-8",
        )


def build(root: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--today", TODAY],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def page_sizes(site: Path) -> tuple[float, float, float]:
    pages = [path.read_bytes() for path in (site / "modul").rglob("index.html")]
    raw = [len(page) for page in pages]
    zipped = [len(gzip.compress(page, mtime=0)) for page in pages]
    return statistics.median(raw) / 1024, statistics.median(zipped) / 1024, max(zipped) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--files", type=int, default=5000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for label, files in (
            ("without outcomes", 0),
            (f"with {args.files} outcome files", args.files),
        ):
            source = write_curriculum(work / f"source-{files}", args.modules)
            if files:
                add_outcomes(source, args.modules, files)
            root = prepare(source, work / f"site-{files}")
            seconds = build(root)
            raw, zipped, zipped_max = page_sizes(root / "site")
            rows.append((label, seconds, raw, zipped, zipped_max))
    print("| curriculum | build s | module page KB (median) | gzipped KB (median / max) |")
    print("|---|--:|--:|--:|")
    for label, seconds, raw, zipped, zipped_max in rows:
        print(
            f"| {args.modules} modules, {label} | {seconds:.1f} | {raw:.1f} | "
            f"{zipped:.1f} / {zipped_max:.1f} |"
        )
    print(f"\nbuild time ×{rows[1][1] / rows[0][1]:.2f} with the outcome files")


if __name__ == "__main__":
    main()
