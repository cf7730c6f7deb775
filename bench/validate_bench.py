"""Time loading + validating a synthetic curriculum against bare CSafeLoader parsing.

Usage: python bench/validate_bench.py [--modules 5000] [--repeat 3]

Both measurements run in this one process on the same files: (a) `yaml.load` with
`CSafeLoader` over every file, (b) `generator.pipeline.check` (load with positions,
every per-file and cross-file rule). Each is repeated and the best time is kept,
since the machine is noisy; the ratio b/a is the figure to watch (target: at most 3×).
Peak memory is measured in separate untimed runs with tracemalloc, which slows the
code it traces.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_curriculum

from generator.pipeline import check

TODAY = datetime.date(2026, 11, 29)
TARGET_RATIO = 3.0


def curriculum_files(root: Path) -> list[Path]:
    return [root / "site_config.yml", *sorted((root / "curriculum").rglob("*.yml"))]


def parse_only(root: Path) -> int:
    """Parse every file with libyaml and nothing else: the floor we compare against."""
    files = curriculum_files(root)
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return len(files)


def load_and_validate(root: Path) -> int:
    validation = check(root, today=TODAY)
    if not validation.ok:
        first = "\n".join(problem.as_text() for problem in validation.problems[:5])
        raise SystemExit(f"the synthetic curriculum should be valid:\n{first}")
    return len(validation.problems)


def best_time(run: Callable[[Path], int], root: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run(root)
        times.append(time.perf_counter() - started)
    return min(times)


def peak_memory(run: Callable[[Path], int], root: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        run(root)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=5000, help="number of modules")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = write_curriculum(Path(temporary) / "kurikulum", args.modules)
        files = curriculum_files(root)
        size = sum(path.stat().st_size for path in files)
        warnings = load_and_validate(root)  # also warms the file cache and imports
        parse = best_time(parse_only, root, args.repeat)
        ours = best_time(load_and_validate, root, args.repeat)
        parse_peak = peak_memory(parse_only, root)
        ours_peak = peak_memory(load_and_validate, root)
    ratio = ours / parse
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{args.modules} modules, {len(files)} files, {size / 1024 / 1024:.1f} MB YAML")
    print(f"best of {args.repeat} runs; {warnings} warnings from validation")
    print(f"{'':34} {'time s':>8} {'peak MB':>9}")
    print(f"{'(a) yaml.load CSafeLoader':34} {parse:8.2f} {parse_peak / 2**20:9.1f}")
    print(f"{'(b) load + validate (check)':34} {ours:8.2f} {ours_peak / 2**20:9.1f}")
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print(f"ratio b/a: {ratio:.2f}× ({verdict} the {TARGET_RATIO:.0f}× target)")
    print(f"process peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
