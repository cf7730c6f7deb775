"""Compare two builds of the same docs/ (MkDocs and Zensical) page for page.

`python -m tests.compare_sites SITE_A SITE_B` prints the comparison; tests/test_engines.py
asserts on it. What is compared, and how each page is normalised first:

- the pages: every `*.html` file of either site must exist in the other;
- the reader's page identity: `<title>` and `<meta name="description">`, text as is;
- the article (`<article>`, which holds everything the curriculum says and nothing of the
  theme's header, navigation, table of contents or footer), after setting aside theme
  markup in three ways:
  1. the heading permalinks (`a.headerlink`, "¶") are removed: the engines place them
     differently on the tag index;
  2. the tag chips (`nav.md-tags`) are taken out and compared on their own, as the list of
     (tag, target) pairs: MkDocs puts them above the article's text, Zensical below it;
  3. every internal `href`/`src` is replaced by the file and fragment it resolves to
     (`modul/etika/index.html#sesi`), so `/kurikulum/./` and `/kurikulum/` are one link;
     external addresses stay as written;
  and then written out canonically: one line per start tag (attributes sorted by name,
  class names sorted), end tag and text node; in text, whitespace runs collapsed to one
  space and whitespace at either end of a node dropped (so is whitespace-only text), except
  inside `<pre>`, where text is kept exactly; comments dropped;
- the data files the build copies (`.ics`, `.json` under assets/ and the root): byte equal;
- the offline manifests (`luring/`), which list each package's files with their hashes and
  sizes: the files are each engine's own (its theme's scripts, its HTML), so what must be
  equal is which pages and which of our data files each package holds, and each manifest
  must be true of its own site (every file listed exists with that size and SHA-256).

Anything else (theme scripts and styles, navigation, sitemap, the engines' own search
files) is the engine's and is listed in the README, not here.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

LINKED = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
EXTERNAL_SCHEMES = {"https", "http", "mailto"}
SPACE = re.compile(r"\s+")
# Files the build writes beside the pages (calendars, open data, the scripts' data).
DATA_SUFFIXES = (".ics", ".json")
# Files an engine writes for itself and the other does not (see the README).
ENGINE_OWN = {"search.json", "tags.json"}
# In an offline manifest, the files each engine makes for itself: the theme's (under its
# own names) and Pagefind's (named by hashes of what it indexed from that engine's HTML).
ENGINE_FILES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "pagefind/")


def site_base(mkdocs_yml: Path) -> str:
    """The path the site is published under (from site_url), which 404.html links from."""
    config = mkdocs_yml.read_text(encoding="utf-8")
    site_url = next(line for line in config.splitlines() if line.startswith("site_url:"))
    return urlsplit(site_url.split(":", 1)[1].strip()).path or "/"


def resolve(site: Path, base: str, relpath: str, url: str) -> str | None:
    """The site file (and fragment) an internal reference names, None when it leaves the site.

    A folder resolves to its index.html; a root-relative path must start with `base`.
    The result may name a file that does not exist: `unresolved` says so.
    """
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return None
    fragment = f"#{unquote(parts.fragment)}" if parts.fragment else ""
    if not parts.path:
        return relpath + fragment
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base):
            return f"(outside {base}){path}"
        path, relpath = path[len(base) :], "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(relpath), path))
    if target in (".", ""):
        target = ""
    if target == ".." or target.startswith("../"):
        return f"(outside the site){path}"
    if (site / target).is_dir() or path.endswith("/") or not target:
        target = posixpath.join(target, "index.html") if target else "index.html"
    return target + fragment


def ids_of(site: Path, relpath: str, cache: dict[str, set[str]]) -> set[str]:
    if relpath not in cache:
        soup = BeautifulSoup((site / relpath).read_text(encoding="utf-8"), "html.parser")
        cache[relpath] = {element["id"] for element in soup.find_all(id=True)}
    return cache[relpath]


def unresolved(site: Path, base: str) -> list[str]:
    """Every internal reference of every page that names no file, or no anchor, of the site."""
    problems, anchors = [], {}
    for page in sorted(site.rglob("*.html")):
        relpath = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LINKED.items():
            for element in soup.find_all(tag):
                url = element.get(attribute)
                parts = urlsplit(url.strip()) if url is not None else None
                if parts is None or parts.scheme in EXTERNAL_SCHEMES:
                    continue
                if parts.scheme or parts.netloc:
                    problems.append(f"{relpath}: {url!r}: not a link into the site")
                    continue
                target = resolve(site, base, relpath, url)
                file, _, fragment = target.partition("#")
                if file.startswith("("):
                    problems.append(f"{relpath}: {url!r}: {file}")
                elif not (site / file).is_file():
                    problems.append(f"{relpath}: {url!r}: {file} does not exist")
                elif (
                    fragment
                    and file.endswith(".html")
                    and fragment not in ids_of(site, file, anchors)
                ):
                    problems.append(f"{relpath}: {url!r}: no #{fragment} in {file}")
    return problems


def _lines(node: Tag, site: Path, base: str, relpath: str, pre: bool = False) -> list[str]:
    lines = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            text = str(child) if pre else SPACE.sub(" ", str(child)).strip()
            if text:
                lines.append(f"text {text!r}")
            continue
        if not isinstance(child, Tag):
            continue
        attributes = []
        for name in sorted(child.attrs):
            value = child.attrs[name]
            value = " ".join(sorted(value)) if isinstance(value, list) else value
            if LINKED.get(child.name) == name and urlsplit(value.strip()).scheme not in (
                EXTERNAL_SCHEMES
            ):
                value = resolve(site, base, relpath, value) or value
            attributes.append(f"{name}={value!r}")
        lines.append(f"<{child.name} {' '.join(attributes)}>".replace(" >", ">"))
        lines += _lines(child, site, base, relpath, pre or child.name == "pre")
        lines.append(f"</{child.name}>")
    return lines


@dataclass
class Page:
    """One page, normalised as the module docstring says."""

    title: str
    description: str
    tags: list[tuple[str, str]]
    article: list[str]


def read_page(site: Path, base: str, relpath: str) -> Page:
    soup = BeautifulSoup((site / relpath).read_text(encoding="utf-8"), "html.parser")
    title = soup.title.get_text() if soup.title else ""
    meta = soup.find("meta", attrs={"name": "description"})
    article = soup.find("article")
    tags = []
    if article is not None:
        for permalink in article.select("a.headerlink"):
            permalink.decompose()
        for chips in article.select("nav.md-tags"):
            tags += [
                (chip.get_text(strip=True), resolve(site, base, relpath, chip.get("href", "")))
                for chip in chips.select("a.md-tag")
            ]
            chips.decompose()
    return Page(
        title=title,
        description=meta.get("content", "") if meta else "",
        tags=tags,
        article=_lines(article, site, base, relpath) if article is not None else [],
    )


@dataclass
class Comparison:
    pages: int = 0
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)
    # page → what differs in it, as readable text (a unified diff for the article)
    differences: dict[str, str] = field(default_factory=dict)
    data_files: int = 0

    def report(self, a: str = "a", b: str = "b") -> str:
        lines = [
            f"{self.pages} pages compared, {len(self.differences)} differ; "
            f"{self.data_files} data files compared",
        ]
        lines += [f"only in {a}: {path}" for path in self.only_in_a]
        lines += [f"only in {b}: {path}" for path in self.only_in_b]
        for path, text in sorted(self.differences.items()):
            lines += [f"--- {path}", text]
        return "\n".join(lines)


def compare(a: Path, b: Path, base: str) -> Comparison:
    """Compare site `a` with site `b`, both published under `base`."""
    result = Comparison()
    pages_a = {path.relative_to(a).as_posix() for path in a.rglob("*.html")}
    pages_b = {path.relative_to(b).as_posix() for path in b.rglob("*.html")}
    result.only_in_a = sorted(pages_a - pages_b)
    result.only_in_b = sorted(pages_b - pages_a)
    for relpath in sorted(pages_a & pages_b):
        result.pages += 1
        one, other = read_page(a, base, relpath), read_page(b, base, relpath)
        found = []
        for what in ("title", "description", "tags"):
            if getattr(one, what) != getattr(other, what):
                found.append(f"{what}: {getattr(one, what)!r} != {getattr(other, what)!r}")
        if one.article != other.article:
            found += difflib.unified_diff(one.article, other.article, "a", "b", n=2, lineterm="")
        if found:
            result.differences[relpath] = "\n".join(found)
    for file in sorted(a.rglob("*")):
        relpath = file.relative_to(a).as_posix()
        if (
            file.suffix not in DATA_SUFFIXES
            or relpath in ENGINE_OWN
            or relpath.startswith(("pagefind/", "assets/javascripts/"))
        ):
            continue
        result.data_files += 1
        twin = b / relpath
        if not twin.is_file():
            result.only_in_a.append(relpath)
        elif relpath.startswith("luring/"):
            if problem := compare_manifests(a, b, relpath):
                result.differences[relpath] = problem
        elif twin.read_bytes() != file.read_bytes():
            result.differences[relpath] = "bytes differ"
    return result


def compare_manifests(a: Path, b: Path, relpath: str) -> str:
    """What differs between two engines' offline manifest `relpath`, or ""."""
    one, other = (json.loads((site / relpath).read_text(encoding="utf-8")) for site in (a, b))
    for site, manifest in ((a, one), (b, other)):
        for entry in manifest.get("berkas", []) if isinstance(manifest, dict) else []:
            if not isinstance(entry, dict):
                continue
            target = site / unquote(entry["url"])
            if target.is_dir() or entry["url"].endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                return f"{site.name}: {entry['url']} listed but missing"
            body = target.read_bytes()
            if len(body) != entry["ukuran"] or hashlib.sha256(body).hexdigest() != entry["sha256"]:
                return f"{site.name}: {entry['url']} listed with another size or hash"
    return "" if ours(one) == ours(other) else "the packages hold other pages or data files"


def ours(manifest: object) -> object:
    """A manifest without what is each engine's own: theme and search-index files, whose
    names, sizes and hashes follow the engine's HTML, and the totals counted over them."""
    if isinstance(manifest, list):
        return [ours(item) for item in manifest]
    if not isinstance(manifest, dict):
        return manifest
    kept = {}
    for key, value in manifest.items():
        if key in {"sha256", "ukuran", "versi"} or (
            key == "berkas" and not isinstance(value, list)
        ):
            continue
        if key == "berkas":
            urls = (entry["url"] if isinstance(entry, dict) else entry for entry in value)
            kept[key] = sorted(
                url for url in urls if not url.startswith(ENGINE_FILES) and url not in ENGINE_OWN
            )
        else:
            kept[key] = ours(value)
    return kept


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python -m tests.compare_sites SITE_A SITE_B [MKDOCS_YML]", file=sys.stderr)
        return 2
    a, b = Path(argv[0]), Path(argv[1])
    base = site_base(Path(argv[2]) if len(argv) == 3 else Path("mkdocs.yml"))
    comparison = compare(a, b, base)
    print(comparison.report(str(a), str(b)))
    for site in (a, b):
        problems = unresolved(site, base)
        print(f"{site}: {len(problems)} unresolved links or anchors")
        print("\n".join(problems[:50]))
    return 1 if comparison.differences or comparison.only_in_a or comparison.only_in_b else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
