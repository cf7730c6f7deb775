"""What a reader can save for offline reading: one package per pathway and per jabatan.

The render stage knows which pages belong together (a pathway's modules, its calendar,
the planner); only the write stage, after MkDocs and Pagefind, knows the files' bytes.
So this writes the plan (`luring/rencana.json`, site paths only) and
`generator.write.offline` turns it into the manifests readers download, with each
file's hash and size, and removes the plan from the site.
"""

from __future__ import annotations

import json

from generator.format import models as fmt
from generator.model.curriculum import AUDIENCE_COLUMNS, Curriculum
from generator.model.routes import calendar_file, route
from generator.render.booklet import booklet_file
from generator.render.planner import PLANNER_DATA

OFFLINE_PLAN = "luring/rencana.json"


def package_name(kind: str, item_id: str) -> str:
    """A package's name, which is also its manifest's path under `luring/` (no `.json`)."""
    return route(kind, item_id).site.rstrip("/")


def offline_plan(c: Curriculum) -> dict[str, str]:
    """The plan file: each package's title, its pages and the data files its pages fetch."""
    planner = route("planner").site
    packages: dict[str, dict] = {}
    pathway_pages: dict[str, list[str]] = {}
    for pathway_id, pathway in c.pathways.items():
        pages = [route("pathway", pathway_id).site]
        modules = c.index.pathway_modules(pathway_id)
        pages += [route("module", module_id).site for module_id in modules]
        pathway_pages[pathway_id] = [*pages, planner]
        files = [PLANNER_DATA, booklet_file(pathway_id)]
        if c.calendar_sessions("pathway", pathway_id):
            files.append(calendar_file("pathway", pathway_id))
        packages[package_name("pathway", pathway_id)] = {
            "judul": f"Jalur belajar {pathway.title}",
            "halaman": pathway_pages[pathway_id],
            "berkas": files,
        }
    for audience in AUDIENCE_COLUMNS:
        pages = [route("audience", audience).site]
        files = [PLANNER_DATA]
        for pathway_id in c.index.audience_pathways(audience):
            pages += [page for page in pathway_pages[pathway_id] if page not in pages]
            if c.calendar_sessions("pathway", pathway_id):
                files.append(calendar_file("pathway", pathway_id))
        packages[package_name("audience", audience)] = {
            "judul": f"Untuk {fmt.AUDIENCES[audience]}",
            "halaman": pages,
            "berkas": files,
        }
    plan = {"paket": packages}
    return {OFFLINE_PLAN: json.dumps(plan, ensure_ascii=False, sort_keys=True, indent=1)}
