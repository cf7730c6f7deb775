"""Time MkDocs and Zensical back to back on the seed and synthetic curricula.

Usage: python bench/engine_bench.py [--modules 1000] [--runs 2]

Each curriculum is laid out once as a fresh project (as the build tests do) and its
Markdown written once; then, alternating engine by engine for `--runs` rounds, it times
(a) the whole `python -m generator build --engine E` (validation, Markdown, the engine,
Pagefind, the swap of site/) and (b) the engine alone on the same docs/ (`mkdocs build
--strict` / `zensical build --strict`). Zensical's cache (.cache/) is emptied before each
of its runs, so both engines build from nothing. The best of the rounds is reported, as a
Markdown table for the README: wall-clock seconds and CPU seconds (user + system of the
build's processes, which a busy shared machine disturbs much less than the wall clock).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import write_curriculum

from tests.sitebuild import copy_project as prepare

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"
ENGINES = ("mkdocs", "zensical")


# The hook is told the pages are ready (they are written once, before the timing).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KURIKULUM_PAGES_READY": "1", "NO_COLOR": "1"}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], root: Path, label: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (and every process it started)."""
    cpu, started = _cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{label}: failed\n{(result.stderr + result.stdout)[-3000:]}")
    return seconds, _cpu() - cpu


def engine_only(engine: str, root: Path) -> list[str]:
    out = root / ".bench-site"
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    config = root / ".bench.yml"
    config.write_text(f'INHERIT: mkdocs.yml\nsite_dir: "{out.name}"\n', encoding="utf-8")
    return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]


def measure(label: str, root: Path, runs: int) -> list[dict]:
    markdown = [sys.executable, "-m", "generator", "build", "--markdown-only"]
    run([*markdown, "--root", str(root), "--today", TODAY], root, f"{label} markdown")
    keys = ("full", "full_cpu", "alone", "alone_cpu")
    best = {engine: dict.fromkeys(keys, 1e9) for engine in ENGINES}
    for _ in range(runs):
        for engine in ENGINES:
            shutil.rmtree(root / ".cache", ignore_errors=True)
            full = [sys.executable, "-m", "generator", "build", "--engine", engine]
            times = run([*full, "--root", str(root), "--today", TODAY], root, label)
            shutil.rmtree(root / ".cache", ignore_errors=True)
            shutil.rmtree(root / ".bench-site", ignore_errors=True)
            times += run(engine_only(engine, root), root, f"{label} {engine}")
            for key, value in zip(keys, times, strict=True):
                best[engine][key] = min(best[engine][key], value)
    pages = len(list((root / "site").rglob("index.html")))
    modules = len(list((root / "site" / "modul").glob("*/index.html")))
    return [
        {"label": label, "engine": e, "modules": modules, "pages": pages, **best[e]}
        for e in ENGINES
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, nargs="*", default=[1000])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        rows += measure("seed", prepare(REPO, work / "seed"), args.runs)
        for count in args.modules:
            source = write_curriculum(work / f"source-{count}", count)
            project = prepare(source, work / f"site-{count}")
            rows += measure(f"synthetic {count}", project, args.runs)
    print(
        "| curriculum | modules | pages | engine | whole build s | CPU s | engine alone s | CPU s |"
    )
    print("|---|--:|--:|---|--:|--:|--:|--:|")
    for row in rows:
        print(
            f"| {row['label']} | {row['modules']} | {row['pages']} | {row['engine']} "
            f"| {row['full']:.1f} | {row['full_cpu']:.1f} | {row['alone']:.1f} "
            f"| {row['alone_cpu']:.1f} |"
        )


if __name__ == "__main__":
    main()
