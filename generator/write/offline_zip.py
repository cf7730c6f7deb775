"""The package for no connection at all: the built site as a zip that opens from `file://`.

A training unit copies it to a laptop or phone and opens `index.html`. Browsers show a
folder listing, not `index.html`, for a `file://` address ending in `/`, so every
relative link to a folder of the site is rewritten to name its `index.html`. Search
needs a server (Pagefind fetches its index), so the zip has an A–Z index of every page
instead, said on its first page; the search and offline scripts, the service worker
and the offline manifests are left out. Built from `site/` by `python -m generator zip`
in the publishing workflow (a release asset), not by every `make site`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
import zipfile
from pathlib import Path

INDEX_PAGE = "indeks-a-z.html"
PLANNER_DATA = "assets/rencana-belajar.json"
PLANNER_SCRIPT = "assets/rencana-belajar-data.js"
FIRST_PAGE_NOTE = (
    '<div class="admonition info"><p class="admonition-title">Salinan luring</p>'
    "<p>Ini salinan situs untuk dibaca tanpa sambungan internet. Pencarian tidak tersedia "
    'di salinan ini: gunakan <a href="{index}">Indeks A–Z</a>, yang memuat semua halaman. '
    "Rencana belajar dan tautan ke situs lain memerlukan sambungan.</p></div>"
)
LEFT_OUT_PREFIXES = ("pagefind/", "luring/", "assets/javascripts/lunr/", "search/")
# 404.html is a server's page, with addresses from the site root.
LEFT_OUT_FILES = ("sw.js", "sitemap.xml", "sitemap.xml.gz", "404.html")
LEFT_OUT_SUFFIXES = (".map",)
_SCRIPT = re.compile(r'<script src="[^"]*assets/(?:pencarian|luring)\.js" defer></script>')
_HREF = re.compile(r'href="([^"]*)"')
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_ARTICLE = re.compile(r"(<article [^>]*>)(.*?)(</article>)", re.DOTALL)


def _kept(relative: str) -> bool:
    return not (
        relative.startswith(LEFT_OUT_PREFIXES)
        or relative in LEFT_OUT_FILES
        or relative.endswith(LEFT_OUT_SUFFIXES)
    )


def _file_link(site: Path, page: str, target: str) -> str:
    """A page-relative link, naming `index.html` when it points at a folder of the site."""
    if not target or target.startswith(("#", "/")) or re.match(r"^[a-zA-Z][a-zA-Z+.-]*:", target):
        return target
    parts = re.split(r"([?#])", target, maxsplit=1)
    path, rest = parts[0], "".join(parts[1:])
    if not path:
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if (site / resolved).is_dir():
        path = path.rstrip("/") + "/index.html"
    return path + rest


def _rewrite(site: Path, page: str, text: str) -> str:
    text = _SCRIPT.sub("", text)
    return _HREF.sub(
        lambda m: f'href="{html.escape(_file_link(site, page, html.unescape(m[1])))}"', text
    )


def _title(text: str) -> str:
    found = _TITLE.search(text)
    return html.unescape(found[1]).strip() if found else ""


def _sort_key(title: str) -> str:
    return unicodedata.normalize("NFKD", title).casefold()


def _without_toc(text: str) -> str:
    """The page without its table of contents (Material's secondary navs, nested navs and
    all: one in the sidebar, one inside the primary navigation for phones)."""
    while (start := text.find('<nav class="md-nav md-nav--secondary"')) >= 0:
        depth, at = 0, start
        for match in re.compile(r"<nav\b|</nav>").finditer(text, start):
            depth += 1 if match[0] == "<nav" else -1
            at = match.end()
            if depth == 0:
                break
        text = text[:start] + text[at:]
    return text


def _planner_data(site: Path) -> str:
    """The planner's data as a script (file:// refuses fetch), each module's address naming
    its `index.html`."""
    data = json.loads((site / PLANNER_DATA).read_text(encoding="utf-8"))
    for module in data.get("modules", []):
        if module.get("url", "").endswith("/"):
            module["url"] += "index.html"
    return "window.KK_RENCANA_DATA = " + json.dumps(data, ensure_ascii=True) + ";\n"


def _a_to_z(site: Path, pages: dict[str, str]) -> str:
    """The A–Z page: the home page's frame with a list of every page by its title."""
    home = _without_toc(pages["index.html"])
    site_name = _title(home).rsplit(" - ", 1)[-1]
    entries = []
    for path, text in pages.items():
        title = _title(text).removesuffix(f" - {site_name}") or site_name
        entries.append((title, path))
    entries.sort(key=lambda entry: (_sort_key(entry[0]), entry[1]))
    groups: dict[str, list[tuple[str, str]]] = {}
    for title, path in entries:
        first = _sort_key(title)[:1].upper()
        groups.setdefault(first if first.isalpha() else "#", []).append((title, path))
    # The frame's "skip to content" link names the home page's heading: the index's takes it.
    skip = re.search(r'href="#([^"]*)" class="md-skip"', home)
    heading = f' id="{skip[1]}"' if skip else ""
    body = [f"<h1{heading}>Indeks A–Z</h1>", "<p>Semua halaman salinan ini, urut abjad.</p>"]
    letters = [f'<a href="#huruf-{i}">{html.escape(k)}</a>' for i, k in enumerate(groups)]
    body.append("<p>" + " · ".join(letters) + "</p>")
    for i, (letter, items) in enumerate(groups.items()):
        body.append(f'<h2 id="huruf-{i}">{html.escape(letter)}</h2><ul>')
        body += [f'<li><a href="{html.escape(p)}">{html.escape(t)}</a></li>' for t, p in items]
        body.append("</ul>")
    framed = _ARTICLE.sub(lambda m: m[1] + "\n".join(body) + m[3], home, count=1)
    return _TITLE.sub(f"<title>Indeks A–Z - {html.escape(site_name)}</title>", framed, count=1)


def write_offline_zip(site: Path, target: Path) -> Path:
    """Write the `file://` package of the built `site` to `target` (byte-reproducible)."""
    files = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and _kept(p.relative_to(site).as_posix())
    )
    pages = {
        path: _rewrite(site, path, (site / path).read_text(encoding="utf-8"))
        for path in files
        if path.endswith(".html")
    }
    note = FIRST_PAGE_NOTE.format(index=INDEX_PAGE)
    pages["index.html"] = _ARTICLE.sub(
        lambda m: m[1] + note + m[2] + m[3], pages["index.html"], count=1
    )
    pages[INDEX_PAGE] = _a_to_z(site, pages)
    planner = "rencana-belajar/index.html"
    if planner in pages and (site / PLANNER_DATA).is_file():
        pages[PLANNER_SCRIPT] = _planner_data(site)
        script = '<script src="../assets/rencana-belajar.js"'
        pages[planner] = pages[planner].replace(
            script, f'<script src="../{PLANNER_SCRIPT}"></script>{script}'
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted({*files, *pages}):
            # A fixed date: two packages of the same site are the same bytes.
            info = zipfile.ZipInfo(f"kurikulum-asn/{path}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = pages[path].encode("utf-8") if path in pages else (site / path).read_bytes()
            archive.writestr(info, data, compresslevel=9)
    partial.replace(target)
    return target


def record_offline_zip(site: Path, package: Path, address: str) -> None:
    """Name the package and its size in `luring/index.json`, where the save dialog links it
    (the zip leaves `luring/` out, so recording it there changes nothing inside it)."""
    index_path = site / "luring" / "index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["zip"] = {"alamat": address, "ukuran": package.stat().st_size}
    text = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    index_path.write_text(text, encoding="utf-8")
