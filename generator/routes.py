"""Where each page lives: site paths (`/modul/<id>/`) and their generated Markdown files.

Editors may link to a page of the site by its path; the validator checks the path
against these routes and the renderer turns it into a relative Markdown link that
MkDocs then verifies, so a moved page can never leave a silently broken link.
"""

from __future__ import annotations

from collections.abc import Callable

FIXED_PAGES = {
    "": "index.md",
    "jalur": "jalur/index.md",
    "jalur-belajar": "jalur-belajar/index.md",
    "kompetensi": "kompetensi/index.md",
    "peta-kompetensi": "peta-kompetensi.md",
    "rencana-belajar": "rencana-belajar.md",
    "jadwal": "jadwal.md",
    "glosarium": "glosarium.md",
    "tag": "tag.md",
    "halaman": "halaman/index.md",
    "kontributor": "kontributor/index.md",
    "kontributor/referensi-format": "kontributor/referensi-format.md",
}


def docs_path(site_path: str, exists: Callable[[str, str], bool]) -> str | None:
    """Map `/modul/x/` to `modul/x.md`; `exists(kind, id)` says which items are published.

    Kinds asked about: track, module, pathway, framework, competency (`fw/id`), page.
    """
    path = site_path.split("#", 1)[0].strip("/")
    if path in FIXED_PAGES:
        return FIXED_PAGES[path]
    parts = path.split("/")
    prefixes = {"jalur": "track", "modul": "module", "jalur-belajar": "pathway", "halaman": "page"}
    if len(parts) == 2 and parts[0] in prefixes and exists(prefixes[parts[0]], parts[1]):
        return f"{parts[0]}/{parts[1]}.md"
    if parts[0] == "kompetensi" and len(parts) == 2 and exists("framework", parts[1]):
        return f"kompetensi/{parts[1]}/index.md"
    if parts[0] == "kompetensi" and len(parts) == 3 and exists("competency", "/".join(parts[1:])):
        return f"kompetensi/{parts[1]}/{parts[2]}.md"
    return None


def directory_url(docs: str) -> str:
    """The published address of a generated file, relative to the site root.

    MkDocs (and Zensical) publish `x/index.md` at `x/` and `x/y.md` at `x/y/`.
    """
    stem = docs.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def page_root(docs: str) -> str:
    """From the published page of `docs` back to the site root: "", "../", "../../" …"""
    return "../" * directory_url(docs).count("/")
