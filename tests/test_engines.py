"""The generated docs/ build with either engine, and every internal reference resolves.

The Markdown in docs/ is meant for any engine that reads mkdocs.yml. Zensical (the
successor engine, pinned in the lock) ignores `hooks:`, so the pages are generated
first with `python -m generator build --markdown-only`, as a Zensical user would. Both
sites are then parsed, and every `href`/`src` of `a`, `link`, `script`, `img` and
`source` must name a file of that site (a folder URL names its index.html).
"""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.constants import REPO
from tests.sitebuild import copy_project, run_generator

pytestmark = pytest.mark.slow

REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
# Links that leave the site on purpose (including the contributor guide's pointer to
# the local preview at http://127.0.0.1:8000); they are not this test's business.
EXTERNAL_SCHEMES = {"https", "http", "mailto"}


def site_path() -> str:
    """The path the site is published under (site_url), which 404.html links from."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = next(line for line in config.splitlines() if line.startswith("site_url:"))
    return urlsplit(site_url.split(":", 1)[1].strip()).path or "/"


def broken_references(site: Path, base: str = "/") -> list[str]:
    """Every internal reference in the site's HTML that names no file of the site.

    `base` is the path the site is published under: a root-relative reference must
    start with it (404.html is served at any depth, so it links from the root).
    """
    problems = []
    for page in sorted(site.rglob("*.html")):
        relpath = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in REFERENCES.items():
            for element in soup.find_all(tag):
                url = element.get(attribute)
                if url is None:
                    continue
                problem = _unresolved(site, base, relpath, url.strip())
                if problem:
                    problems.append(f"{relpath}: <{tag} {attribute}={url!r}>: {problem}")
    return problems


def _unresolved(site: Path, base: str, relpath: str, url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in EXTERNAL_SCHEMES:
        return None
    if parts.scheme or parts.netloc:
        return "not a link into the site"
    if not parts.path:
        return None if url.startswith(("#", "?")) or not url else "empty"
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base):
            return f"outside {base}, where the site is published"
        path, relpath = path[len(base) :], "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(relpath), path))
    if target == ".." or target.startswith("../"):
        return "outside the site"
    file = site / target
    if file.is_dir():
        file = file / "index.html"
    elif path.endswith("/"):
        return "no such folder"
    return None if file.is_file() else f"{file.relative_to(site).as_posix()} does not exist"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The seed curriculum's pages, generated into docs/ of a fresh project."""
    root = copy_project(REPO, tmp_path_factory.mktemp("mesin") / "proyek")
    result = run_generator(root, "build", "--markdown-only")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_zensical_builds_the_generated_docs_with_no_broken_reference(project):
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--config-file", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    shutil.move(site, project / "site-zensical")
    site = project / "site-zensical"
    pages = list(site.rglob("index.html"))
    assert (site / "rencana-belajar" / "index.html").is_file()
    assert len(pages) > 50, len(pages)
    # The theme override's head (schema.org data, the zone script) and the data files.
    module = next((site / "modul").glob("*/index.html")).read_text(encoding="utf-8")
    assert '<script type="application/ld+json">{"@context":"https://schema.org"' in module
    for name in ("jadwal.ics", "catalog.json", "catalog.schema.json"):
        assert (site / name).read_bytes() == (project / "docs" / name).read_bytes(), name
    broken = broken_references(site, site_path())
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:30])


def test_mkdocs_builds_the_same_docs_with_no_broken_reference(seed_site):
    assert (seed_site / "rencana-belajar" / "index.html").is_file()
    assert len(list(seed_site.rglob("index.html"))) > 50
    broken = broken_references(seed_site, site_path())
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:30])


def test_the_reference_check_sees_what_a_browser_would_not_find(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.css").write_text("", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<link rel="stylesheet" href="../assets/x.css"><a href="../">home</a>'
        '<a href="#top">top</a><a href="https://example.org/">out</a>'
        '<a href="mailto:a@example.org">mail</a><a href="../a/?q=1#x">self</a>'
        '<link rel="stylesheet" href="../../assets/x.css"><script src="assets/x.js"></script>'
        '<img src="/assets/x.css"><a href="javascript:alert(1)">x</a><a href="../b/">b</a>'
        '<a href="/situs/a/">root-relative</a><a href="//example.org/x">other host</a>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in broken_references(tmp_path, "/situs/")] == [
        "<a href='javascript:alert(1)'>: not a link into the site",
        "<a href='../b/'>: no such folder",
        "<a href='//example.org/x'>: not a link into the site",
        "<link href='../../assets/x.css'>: outside the site",
        "<script src='assets/x.js'>: a/assets/x.js does not exist",
        "<img src='/assets/x.css'>: outside /situs/, where the site is published",
    ]
