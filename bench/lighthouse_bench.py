"""Lighthouse (mobile) on the planner page and one page of every other kind.

Usage: python bench/lighthouse_bench.py [--site DIR] [--runs 3] [--json DIR]
       (or `make bench-lighthouse`, which installs Lighthouse from bench/package-lock.json)

Without --site, the project's own curriculum is built into a temporary copy first (the
same layout the build tests use), so the figures are for the code in this checkout and
not for whatever an old site/ holds. The site is served on 127.0.0.1 with gzip for text
files, as GitHub Pages serves it (--no-gzip serves the bytes as they are), and
Lighthouse runs fully offline against it with Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium). Each page is measured --runs times; the table shows the median
performance score and the median cumulative layout shift, as Markdown for the README.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests import browser
from tests.browser import CHROMIUM_ARGS
from tests.constants import REPO
from tests.sitebuild import build, copy_project

LIGHTHOUSE = REPO / "bench" / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text files for clients that accept it."""

    gzip = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns, for bytes already in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(directory: Path, *, compress: bool) -> contextlib.AbstractContextManager[str]:
    return browser.serve(directory, type("Handler", (_Handler,), {"gzip": compress}))


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, picked from what the built curriculum actually has."""
    data = json.loads((site / "assets" / "rencana-belajar.json").read_text(encoding="utf-8"))
    pathways = sorted(p.parent.name for p in (site / "jalur-belajar").glob("*/index.html"))
    framework = data["frameworks"][0]
    return {
        "rencana-belajar": "rencana-belajar/",
        "beranda": "",
        "jalur": f"jalur/{data['tracks'][0]['id']}/",
        "modul": f"modul/{data['modules'][0]['id']}/",
        "jalur-belajar": f"jalur-belajar/{pathways[0]}/",
        "kompetensi": f"kompetensi/{framework['competencies'][0]['ref']}/",
        "peta-kompetensi": "peta-kompetensi/",
    }


def lighthouse(url: str, out: Path) -> dict:
    """One mobile Lighthouse run (the default form factor and simulated throttling)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--form-factor=mobile",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse: {url}: {report['runtimeError']}")
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
    }


def measure(site: Path, runs: int, keep: Path | None, *, compress: bool) -> list[dict]:
    rows = []
    with serve(site, compress=compress) as base, tempfile.TemporaryDirectory() as temporary:
        reports = keep or Path(temporary)
        reports.mkdir(parents=True, exist_ok=True)
        for name, path in page_kinds(site).items():
            results = [
                lighthouse(base + path, reports / f"{name or 'beranda'}-{run}.json")
                for run in range(runs)
            ]
            rows.append(
                {
                    "name": name,
                    "path": "/" + path,
                    "performance": statistics.median(r["performance"] for r in results),
                    "scores": [r["performance"] for r in results],
                    "cls": statistics.median(r["cls"] for r in results),
                    "cls_max": max(r["cls"] for r in results),
                    "lcp": statistics.median(r["lcp"] for r in results),
                    "tbt": statistics.median(r["tbt"] for r in results),
                }
            )
            row = rows[-1]
            print(f"  {name}: {row['scores']} CLS {row['cls']:.3f}", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--json", type=Path, help="keep the Lighthouse reports in this folder")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run `npm ci --prefix bench` first")
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site
        if site is None:
            root = copy_project(REPO, Path(temporary) / "proyek")
            build(root)
            site = root / "site"
        rows = measure(site.resolve(), args.runs, args.json, compress=not args.no_gzip)
    print(f"| page | performance (median of {args.runs}) | CLS | LCP s | TBT ms |")
    print("|---|--:|--:|--:|--:|")
    for row in rows:
        print(
            f"| {row['name']} (`{row['path']}`) | {row['performance']:.0f} | "
            f"{row['cls']:.3f} | {row['lcp']:.1f} | {row['tbt']:.0f} |"
        )


if __name__ == "__main__":
    main()
