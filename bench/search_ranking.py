"""How often the page a reader is after comes in the search dialog's first three results.

Usage:
    python bench/search_ranking.py --site /path/to/site [--site LABEL=/path ...]

Types every query of `tests/search_queries.py` into the site's own dialog in Chromium
(Pagefind plus the glossary's abbreviations, as a reader gets them) and prints the hit
rate and the queries missed with what came first instead. The README's figures come from
this script, run on the seed site before and after a ranking change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.search_queries import QUERIES, hit_rate, hits


def measure(site: Path, browser) -> tuple[int, dict[str, list[str]], list[str]]:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + "modul/zona-integritas/")
        page.get_by_role("button", name="Cari di situs").click()
        page.wait_for_selector("dialog.kk-cari[open] #kk-cari-kata")
        answers = hits(page)
        page.close()
    found, missed = hit_rate(answers)
    return found, answers, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", action="append", required=True, help="[LABEL=]PATH")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for item in args.site:
            label, _, path = item.rpartition("=")
            found, answers, missed = measure(Path(path), browser)
            expected = dict(QUERIES)
            first = sum(1 for q, top in answers.items() if top[:1] and top[0] in expected[q])
            print(f"{label or path}: {found}/{len(QUERIES)} in the top three, {first} first")
            if args.verbose:
                for query, top in answers.items():
                    print(f"  {query!r}: {top}")
            for query in missed:
                print(f"  missed {query!r}: {answers[query]}")
        browser.close()


if __name__ == "__main__":
    main()
