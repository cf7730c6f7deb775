"""What search and the catalogue cost a reader, in gzipped bytes over the wire, in Chromium.

Usage:
    python bench/search_bench.py                      # build the seed and 1,000 modules
    python bench/search_bench.py --modules 1000 5000
    python bench/search_bench.py --site seed=/path/to/site   # measure a built site as is

The site is served by a local server that gzips text files, as GitHub Pages does (Pagefind's
own index files are compressed already and sent as they are). Each request's transfer size
is Chromium's encoded body size plus headers (Playwright's `request.sizes()`), in a fresh
browser context with an empty cache. Figures for the README's Measurements section:

- first visit of a module page: every byte, and the bytes of search files in it;
- the first query, and each further query (the largest of a few), after the dialog opens;
- the catalogue's first view filtered by jabatan and mode (`katalog/?jabatan=…&moda=…`).

A site built before Pagefind (Material's search plugin) is measured the same way: its
queries are typed into Material's search box.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from synthetic import write_curriculum

from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.sitebuild import copy_project

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"
MODULE = {"seed": "modul/zona-integritas/", "synthetic": "modul/modul-00512/"}
QUERIES = {
    "seed": ["pelayanan", "integritas", "data", "kepemimpinan", "gratifikasi"],
    "synthetic": ["pelayanan", "sintetis", "ringkasan", "kepanjangan", "digital"],
}
CATALOGUE = "katalog/?jabatan=administrator&moda=webinar"
TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzipping text (level 9, as CDNs roughly do) when the browser asks."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.is_file() and path.suffix in TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Meter:
    """Bytes received per request in one browser context, from a mark on."""

    def __init__(self, context):
        self.rows: list[tuple[str, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        sizes = request.sizes()
        self.rows.append(
            (urlsplit(request.url).path, sizes["responseBodySize"] + sizes["responseHeadersSize"])
        )

    def mark(self) -> int:
        return len(self.rows)

    def since(self, mark: int) -> list[tuple[str, int]]:
        return self.rows[mark:]


def total(rows) -> int:
    return sum(size for _, size in rows)


def is_search_file(path: str) -> bool:
    return (
        path.startswith(("/search/", "/pagefind/"))
        or path.startswith("/assets/pencarian-")
        or "/workers/search" in path
    )


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def run_query(page, query: str, pagefind: bool) -> None:
    if pagefind:
        page.fill("#kk-cari-kata", query)
        page.wait_for_function(
            "q => document.querySelector('.kk-cari-status').textContent.includes('“' + q + '”')",
            arg=query,
        )
    else:
        # Material searches on key presses, not on a filled value.
        page.fill("input.md-search__input", "")
        page.locator("input.md-search__input").press_sequentially(query)
        page.wait_for_selector(".md-search-result__item")
    settle(page)


def measure_site(chromium, site: Path, kind: str) -> dict:
    pagefind = (site / "pagefind" / "pagefind.js").is_file()
    result: dict = {"engine": "Pagefind" if pagefind else "Material (lunr)"}
    with serve(site, GzipHandler) as base:
        context = chromium.new_context(viewport={"width": 360, "height": 740})
        meter = Meter(context)
        page = context.new_page()
        page.goto(base + MODULE[kind])
        settle(page)
        first = meter.since(0)
        result["first_visit"] = total(first)
        result["first_visit_search"] = total(row for row in first if is_search_file(row[0]))
        mark = meter.mark()
        if pagefind:
            page.get_by_role("button", name="Cari di situs").click()
            page.wait_for_selector("dialog.kk-cari[open]")
        else:
            page.click("label.md-header__button[for=__search]")
        queries = []
        for query in QUERIES[kind]:
            run_query(page, query, pagefind)
            queries.append(total(meter.since(mark)))
            mark = meter.mark()
        result["queries"] = dict(zip(QUERIES[kind], queries, strict=True))
        result["first_query"] = queries[0]
        result["further_query_max"] = max(queries[1:])
        context.close()
        if (site / "katalog" / "index.html").is_file():
            context = chromium.new_context(viewport={"width": 360, "height": 740})
            meter = Meter(context)
            page = context.new_page()
            page.goto(base + CATALOGUE)
            page.wait_for_selector(".kk-katalog-jumlah:not([hidden])")
            settle(page)
            result["catalogue"] = total(meter.since(0))
            result["catalogue_shown"] = page.inner_text(".kk-katalog-jumlah")
            context.close()
    return result


def build(root: Path) -> Path:
    command = [sys.executable, "-m", "generator", "build", "--root", str(root), "--today", TODAY]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed\n{done.stderr[-3000:]}")
    return root / "site"


def kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, nargs="*", default=[1000])
    parser.add_argument(
        "--site", action="append", default=[], help="LABEL=PATH of a built site (seed…/synthetic…)"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        sites = []
        for item in args.site:
            label, _, path = item.partition("=")
            sites.append((label, Path(path)))
        if not args.site:
            sites.append(("seed", build(copy_project(REPO, work / "seed"))))
            for count in args.modules:
                source = write_curriculum(work / f"source-{count}", count)
                site = build(copy_project(source, work / f"site-{count}"))
                sites.append((f"synthetic {count}", site))
        playwright = stack.enter_context(sync_playwright())
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        for label, site in sites:
            kind = "seed" if label.startswith("seed") else "synthetic"
            rows.append((label, measure_site(chromium, site, kind)))
        chromium.close()
    print(
        "| curriculum | search | module first visit KB | of it search files KB "
        "| first query KB | further query KB (max) | catalogue filtered KB |"
    )
    print("|---|---|--:|--:|--:|--:|--:|")
    for label, row in rows:
        print(
            f"| {label} | {row['engine']} | {kb(row['first_visit'])} | "
            f"{kb(row['first_visit_search'])} | {kb(row['first_query'])} | "
            f"{kb(row['further_query_max'])} | {kb(row.get('catalogue'))} |"
        )
    print()
    for label, row in rows:
        each = ", ".join(f"{query} {kb(size)}" for query, size in row["queries"].items())
        print(f"- {label}: queries in order (KB): {each}")
        if "catalogue_shown" in row:
            print(f"  catalogue `{CATALOGUE}` shows {row['catalogue_shown']}")


if __name__ == "__main__":
    main()
