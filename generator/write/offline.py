"""Write stage, after MkDocs and Pagefind: the offline manifests and the service worker.

Each package of the render stage's plan (`luring/rencana.json`: a pathway's or a jabatan's
pages and data files) becomes `luring/<package>.json`: every file a reader needs to read
those pages without a connection (the pages, what they load, Pagefind's engine and index
and the records of exactly those pages), each with its SHA-256 and size in bytes, so the
save dialog shows the exact download size before anything is fetched, and an update
downloads only the files whose hash changed. `luring/situs.json` is the whole site.
`luring/index.json` lists the packages' titles and sizes and the build's version, which
is also written into `sw.js`: a new build changes the worker's bytes, so browsers install
it and tell the reader once. Everything is sorted and hashed from the files themselves,
so two builds of the same site are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

PLAN = "luring/rencana.json"
FOLDER = "luring"
WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("sw.js")
SITE_PACKAGE = "situs"
SEARCH = "pagefind"
# Fetched by scripts at run time, not named in any page: the search dialog's data.
SEARCH_DATA = ("assets/pencarian-glosarium.json", "assets/pencarian-kata.json")
# Never offered for saving: maps for developers, Material's unused search worker and
# index, the wasm for pages without a language, sitemaps for crawlers.
SITE_SKIPPED_SUFFIXES = (".map", ".xml", ".xml.gz")
SITE_SKIPPED_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "search/")
PAGEFIND_MARK = b"pagefind_dcd"


class _PageParser(HTMLParser):
    """The title and the addresses of what a page loads (styles, scripts, icons, images)."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.loads, self._in_title, self._titled = "", [], False, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # Only the document's own title: SVG charts in the body carry <title> elements too.
        if tag == "title" and not self._titled:
            self._in_title = True
        elif tag == "link" and values.get("href"):
            rel = (values.get("rel") or "").split()
            if {"stylesheet", "icon", "manifest", "preload", "modulepreload"} & set(rel):
                self.loads.append(values["href"])
        elif tag in {"script", "img"} and values.get("src"):
            self.loads.append(values["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title, self._titled = False, True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _page_file(page: str) -> str:
    return f"{page}index.html"


def _inside(site: Path, page: str, address: str) -> str | None:
    """The site path of a page-relative address, when it is a file of the site."""
    if "://" in address or address.startswith(("//", "data:", "#")):
        return None
    address = address.split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(_page_file(page)), address))
    if joined.startswith("../") or not (site / joined).is_file():
        return None
    return joined


def _fragments(site: Path) -> dict[str, str]:
    """Pagefind's record file of each indexed page, keyed by the page's site path."""
    found = {}
    for path in sorted((site / SEARCH / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).removeprefix(PAGEFIND_MARK)
        url = json.loads(data)["url"]
        found[url.lstrip("/")] = path.relative_to(site).as_posix()
    return found


def _search_engine(site: Path) -> list[str]:
    """Pagefind's script, worker, entry, metadata, wasm and every index chunk: a word of a
    query may be in any chunk, but only the records of saved pages are needed."""
    bundle = site / SEARCH
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    names = ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]
    for language in entry["languages"].values():
        names += [f"pagefind.{language['hash']}.pf_meta", f"wasm.{language['wasm']}.pagefind"]
    files = [f"{SEARCH}/{name}" for name in names if (bundle / name).is_file()]
    for folder in ("index", "filter"):
        files += [p.relative_to(site).as_posix() for p in sorted((bundle / folder).glob("*"))]
    return [*files, *(name for name in SEARCH_DATA if (site / name).is_file())]


class _Files:
    """Hash, size and parsed pages of the site, each file read once."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._entries: dict[str, dict] = {}
        self._pages: dict[str, _PageParser] = {}

    def entry(self, path: str) -> dict:
        if path not in self._entries:
            data = (self.site / path).read_bytes()
            self._entries[path] = {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": len(data)}
        return self._entries[path]

    def page(self, page: str) -> _PageParser:
        if page not in self._pages:
            parser = _PageParser()
            parser.feed((self.site / _page_file(page)).read_text(encoding="utf-8"))
            self._pages[page] = parser
        return self._pages[page]


def _manifest(files: _Files, name: str, title: str, pages: list[str], extra: list[str]) -> dict:
    """A package: its pages (address and title), and every file with its hash and size.

    A page is cached under its own address (`modul/x/`), every other file under its path.
    """
    # Material titles every page "<page> - <site>", the home page included.
    site_title = files.page("").title.strip().rsplit(" - ", 1)[-1]
    urls: dict[str, str] = {}
    listed = []
    for page in pages:
        parsed = files.page(page)
        page_title = parsed.title.strip().removesuffix(f" - {site_title}") or site_title
        listed.append({"url": page, "judul": page_title})
        urls[page] = _page_file(page)
        for address in parsed.loads:
            if (found := _inside(files.site, page, address)) is not None:
                urls.setdefault(found, found)
    for path in extra:
        urls.setdefault(path, path)
    entries = [{"url": url, **files.entry(path)} for url, path in sorted(urls.items())]
    return {
        "nama": name,
        "judul": " ".join(title.split()),
        "halaman": listed,
        "berkas": entries,
        "ukuran": sum(entry["ukuran"] for entry in entries),
    }


def _site_pages(site: Path) -> list[str]:
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return sorted("" if page == "./" else page for page in pages)


def _site_files(site: Path) -> list[str]:
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative == WORKER or relative.startswith(f"{FOLDER}/"):
            continue
        if relative.endswith(SITE_SKIPPED_SUFFIXES) or relative.startswith(SITE_SKIPPED_PREFIXES):
            continue
        if relative.endswith("index.html") or relative == "404.html":
            continue
        files.append(relative)
    return files


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_offline(site: Path) -> None:
    """Turn the plan into manifests, the index and the service worker, in `site`."""
    plan_path = site / PLAN
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    plan_path.unlink()
    files = _Files(site)
    fragments = _fragments(site)
    engine = _search_engine(site)
    manifests = {}
    for name, spec in sorted(plan["paket"].items()):
        pages = spec["halaman"]
        records = [fragments[page] for page in pages if page in fragments]
        extra = [path for path in spec["berkas"] if (site / path).is_file()]
        manifests[name] = _manifest(files, name, spec["judul"], pages, [*extra, *engine, *records])
    every_page = _site_pages(site)
    manifests[SITE_PACKAGE] = _manifest(
        files, SITE_PACKAGE, "Seluruh situs", every_page, _site_files(site)
    )
    written = {}
    for name, manifest in manifests.items():
        text = _dump(manifest)
        written[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        target = site / FOLDER / f"{name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    version = hashlib.sha256(_dump(written).encode("utf-8")).hexdigest()[:16]
    index = {
        "versi": version,
        "paket": {
            name: {"judul": m["judul"], "ukuran": m["ukuran"], "berkas": len(m["berkas"])}
            for name, m in manifests.items()
        },
    }
    (site / FOLDER / "index.json").write_text(_dump(index), encoding="utf-8")
    worker = WORKER_SOURCE.read_text(encoding="utf-8").replace("__KK_VERSI__", version)
    (site / WORKER).write_text(worker, encoding="utf-8")
