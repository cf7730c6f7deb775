"""Where each page lives: site paths (`/modul/<id>/`) and their generated Markdown files.

`route(kind, id)` gives every page's place, both ways of writing it; the renderer
writes pages there, templates link to them (the `route` filter) and the planner JSON
carries each module's `url`. `docs_path` goes the other way: editors may link to a page
of the site by its path; the validator checks the path against these routes and the
renderer turns it into a relative Markdown link that MkDocs then verifies, so a moved
page can never leave a silently broken link.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable
from typing import NamedTuple

# Pages of which the site has one, by kind: their generated Markdown file. Every page's
# file is the index.md of the folder it is published as: a relative link in the page's
# raw HTML (an editor's `[Etika](/modul/etika/)`, written `../../modul/etika/`) then means
# the same from the file and from the published page, and both engines agree on it
# (MkDocs leaves raw HTML as written; Zensical resolves it from the file).
SINGLE_PAGES: dict[str, str] = {
    "home": "index.md",
    "catalog": "katalog/index.md",
    "tracks": "jalur/index.md",
    "pathways": "jalur-belajar/index.md",
    "frameworks": "kompetensi/index.md",
    "matrix": "peta-kompetensi/index.md",
    "planner": "rencana-belajar/index.md",
    "schedule": "jadwal/index.md",
    "outcomes": "hasil-pembelajaran/index.md",
    "glossary": "glosarium/index.md",
    "tags": "tag/index.md",
    "pages": "halaman/index.md",
    "contributing": "kontributor/index.md",
    "reference": "kontributor/referensi-format/index.md",
    "coverage": "kontributor/cakupan-kompetensi/index.md",
}
# Pages of which there is one per item: the folder of their folders.
ITEM_FOLDERS: dict[str, str] = {
    "track": "jalur",
    "module": "modul",
    "pathway": "jalur-belajar",
    "page": "halaman",
    "audience": "jabatan",
}


class Route(NamedTuple):
    """A page's published path relative to the site root (`modul/x/`) and its docs file."""

    site: str
    docs: str


def route(kind: str, item_id: str = "") -> Route:
    """Where the page of `kind` (and `item_id`) lives.

    Kinds: those of SINGLE_PAGES; `track`, `module`, `pathway`, `audience` (a jabatan)
    and `page` (a free page's file stem) with their id; `framework` with its id;
    `competency` with `fw/id`.
    """
    if kind in SINGLE_PAGES:
        docs = SINGLE_PAGES[kind]
    elif kind in ITEM_FOLDERS:
        docs = f"{ITEM_FOLDERS[kind]}/{item_id}/index.md"
    elif kind == "framework":
        docs = f"kompetensi/{item_id}/index.md"
    elif kind == "competency":
        framework_id, _, competency_id = item_id.partition("/")
        docs = f"kompetensi/{framework_id}/{competency_id}/index.md"
    else:
        raise KeyError(kind)
    return Route(directory_url(docs), docs)


# Files that are data, not pages: copied into the site as they are (see render_pages).
CATALOG = "catalog.json"
CATALOG_SCHEMA = "catalog.schema.json"
SCHEDULE_CALENDAR = "jadwal.ics"


def calendar_file(kind: str, item: object = "") -> str:
    """Where a calendar lives, relative to the site root (and docs/).

    Kinds: `schedule` (every session), `track` and `pathway` with their id, `session`
    with a `SessionInstant` (named by module and UTC start, so the name stays while the
    session does).
    """
    if kind == "schedule":
        return SCHEDULE_CALENDAR
    if kind == "track":
        return f"kalender/jalur/{item}.ics"
    if kind == "pathway":
        return f"kalender/jalur-belajar/{item}.ics"
    if kind == "session":
        start = item.start.astimezone(datetime.UTC)  # type: ignore[attr-defined]
        twin = f"-{item.twin + 1}" if item.twin else ""  # type: ignore[attr-defined]
        return f"kalender/sesi/{item.module_id}-{start:%Y%m%d-%H%M}z{twin}.ics"  # type: ignore[attr-defined]
    raise KeyError(kind)


def relative_link(from_docs: str, to_docs: str) -> str:
    """A Markdown link from one generated file to another, which MkDocs checks."""
    return posixpath.relpath(to_docs, posixpath.dirname(from_docs) or ".")


def docs_path(site_path: str, exists: Callable[[str, str], bool]) -> str | None:
    """Map `/modul/x/` to `modul/x/index.md`; `exists(kind, id)` says which items are published.

    Kinds asked about: track, module, pathway, framework, competency (`fw/id`), page.
    """
    path = site_path.split("#", 1)[0].strip("/")
    if path in FIXED_PAGES:
        return FIXED_PAGES[path]
    parts = path.split("/")
    kinds = {folder: kind for kind, folder in ITEM_FOLDERS.items()}
    if len(parts) == 2 and parts[0] in kinds and exists(kinds[parts[0]], parts[1]):
        return route(kinds[parts[0]], parts[1]).docs
    if parts[0] == "kompetensi" and len(parts) == 2 and exists("framework", parts[1]):
        return route("framework", parts[1]).docs
    if parts[0] == "kompetensi" and len(parts) == 3 and exists("competency", "/".join(parts[1:])):
        return route("competency", "/".join(parts[1:])).docs
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


# Site path (no slashes around it) → docs file, for the pages of which there is one.
FIXED_PAGES = {directory_url(docs).strip("/"): docs for docs in SINGLE_PAGES.values()}
