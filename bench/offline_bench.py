"""Offline reading: booklet sizes and cost, saved-package sizes, the offline zip.

Usage: python bench/offline_bench.py [--modules 1000] [--booklets 10]
Builds the seed as a fresh project twice (booklets made, then reused from the cache),
reads the offline manifests the build wrote (a package's exact bytes, and what they
weigh gzipped as GitHub Pages sends them), writes the zip, then times the booklets of a
synthetic curriculum of `--modules` modules. Prints Markdown for the README.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import write_curriculum

from generator.load.files import load_sources
from generator.model.curriculum import build_curriculum
from generator.render.booklet import booklets
from generator.validate import validate
from generator.write.booklets import make_booklets
from tests.sitebuild import copy_project

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-12-08"


def run(*args: str, root: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "generator", *args, "--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - started


def gzipped(site: Path, manifest: dict) -> int:
    total = 0
    for entry in manifest["berkas"]:
        url = entry["url"]
        path = url + "index.html" if url == "" or url.endswith("/") else url
        data = (site / path).read_bytes()
        # Pagefind's files are gzipped already; GitHub Pages sends them as they are.
        total += len(data) if path.startswith("pagefind/") else len(gzip.compress(data, 6))
    return total


def kb(size: int) -> str:
    return f"{size / 1024:,.0f}"


def seed(work: Path) -> None:
    root = copy_project(REPO, work / "seed")
    cold = run("build", "--today", TODAY, root=root)
    warm = run("build", "--today", TODAY, root=root)
    site = root / "site"
    pdfs = sorted((site / "buklet").glob("*.pdf"))
    sizes = [p.stat().st_size for p in pdfs]
    print(f"Seed: `make site` {cold:.1f} s with {len(pdfs)} booklets made, {warm:.1f} s when")
    print("every booklet comes from the cache (nothing changed).\n")
    print(
        f"Booklets: {len(pdfs)} PDFs, {kb(min(sizes))}–{kb(max(sizes))} KB "
        f"(median {kb(statistics.median(sizes))} KB).\n"
    )
    print("| package | pages | files | bytes KB | gzipped KB (sent) |")
    print("|---|--:|--:|--:|--:|")
    index = json.loads((site / "luring" / "index.json").read_text(encoding="utf-8"))
    for name in sorted(index["paket"], key=lambda n: (n.split("/")[0] != "jalur-belajar", n)):
        manifest = json.loads((site / "luring" / f"{name}.json").read_text(encoding="utf-8"))
        print(
            f"| {name} | {len(manifest['halaman'])} | {len(manifest['berkas'])} | "
            f"{kb(manifest['ukuran'])} | {kb(gzipped(site, manifest))} |"
        )
    target = work / "luring.zip"
    run("zip", "--output", str(target), root=root)
    print(f"\nOffline zip: {kb(target.stat().st_size)} KB.\n")


def synthetic(work: Path, modules: int, sample: int) -> None:
    source = write_curriculum(work / f"source-{modules}", modules)
    today = datetime.date.fromisoformat(TODAY)
    curriculum = build_curriculum(validate(load_sources(source), today=today).index, today=today)
    htmls = booklets(curriculum, site_name="Kurikulum Kompetensi ASN", site_url="")
    chosen = dict(sorted(htmls.items())[:sample])
    steps = [len(c) for c in (curriculum.index.pathway_modules(p) for p in curriculum.pathways)]
    started = time.perf_counter()
    made = make_booklets(chosen, work / "cache")
    seconds = (time.perf_counter() - started) / len(chosen)
    sizes = [p.stat().st_size for p in made.values()]
    print(
        f"Synthetic {modules} modules: {len(htmls)} pathways of {min(steps)}–{max(steps)} "
        f"modules; a booklet costs {seconds:.2f} s to make (mean of {len(chosen)}) and weighs "
        f"{kb(min(sizes))}–{kb(max(sizes))} KB; all {len(htmls)} from a cold cache "
        f"≈ {seconds * len(htmls):.0f} s, after an edit to one pathway {seconds:.2f} s."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--booklets", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        seed(work)
        synthetic(work, args.modules, args.booklets)


if __name__ == "__main__":
    main()
