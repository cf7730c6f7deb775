"""What the search dialog and the catalogue read, besides Pagefind's own index.

- `facts(curriculum)`: per generated page, what a result shows (kind, track, JP, level,
  next session, archived) and sorts by; `with_search_facts` appends them to those pages
  as a hidden block of Pagefind metadata and sort keys (`data-pagefind-meta/sort`), each
  value the element's text, escaped, never an attribute value: Pagefind splits attribute
  values at commas and colons, and curriculum text has both. No `data-pagefind-filter`:
  Pagefind 1.5.2 writes filter values in a random order (a Rust HashMap), so two builds
  of the same input would differ, and it decodes entities in them twice. The catalogue
  filters its own list instead. The block carries `data-pagefind-ignore`, so its words
  are not indexed twice or shown in excerpts (Pagefind still reads the metadata inside it).
- `GLOSSARY_DATA`: the glossary's abbreviations with their expansions, which the search
  script fetches with the first query to search both forms (`ZI` and *zona integritas*).
- `WORDS_DATA`: the words of published titles and glossary terms, fetched only when a
  query finds nothing, to offer "Mungkin maksud Anda: …".

Drafts never get here: the curriculum model has dropped them already.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.format import models as fmt
from generator.model.curriculum import Curriculum
from generator.model.routes import route
from generator.render.evidence import search_summary
from generator.text.dates import short_date
from generator.text.escape import theme_text
from generator.text.numbers import jp_tenths, jp_text

GLOSSARY_DATA = "assets/pencarian-glosarium.json"
EDITOR_KIND = "Untuk editor"
WORDS_DATA = "assets/pencarian-kata.json"
# Words shorter than this are not worth correcting ("di", "dan").
_SHORTEST_WORD = 4
_WORD = re.compile(r"[^\W\d_][^\W_]*", re.UNICODE)


@dataclass(frozen=True)
class Facts:
    """What one page's search result shows (`meta`) and sorts by (`sort`), as plain text."""

    meta: dict[str, str]
    sort: dict[str, str] = field(default_factory=dict)


def module_facts(c: Curriculum, module_id: str) -> Facts:
    module = c.modules[module_id]
    track = c.tracks[c.module_track[module_id]]
    jp = c.index.module_jp(module_id)
    meta = {
        "jenis": "Modul",
        "jalur": track.title,
        "jp": jp_text(jp),
        "tingkat": fmt.LEVELS[module.level],
    }
    if upcoming := c.upcoming_sessions(module_id):
        meta["sesi"] = short_date(upcoming[0].start.date())
    if not c.index.is_offered("module", module_id):
        meta["status"] = fmt.STATUSES[module.status]
    # Published groups only (generator.model.evidence): a withheld figure never gets here.
    if evidence := search_summary(c.evidence[module_id]):
        meta["bukti"] = evidence
    return Facts(meta, {"jp": f"{jp_tenths(jp):06d}"})


def facts(c: Curriculum) -> dict[str, Facts]:
    """The search facts of each page that has them, by docs path."""
    found = {route("module", module_id).docs: module_facts(c, module_id) for module_id in c.modules}
    for pathway_id, pathway in c.pathways.items():
        meta = {
            "jenis": "Jalur belajar",
            "jp": jp_text(c.index.pathway_jp(pathway_id)),
            "tingkat": fmt.LEVELS[pathway.level],
        }
        if not c.index.is_offered("pathway", pathway_id):
            meta["status"] = fmt.STATUSES[pathway.status]
        found[route("pathway", pathway_id).docs] = Facts(meta)
    for track_id in c.tracks:
        found[route("track", track_id).docs] = Facts({"jenis": "Bidang"})
    for framework_id, framework in c.frameworks.items():
        block = Facts({"jenis": "Kompetensi", "jalur": framework.title})
        found[route("framework", framework_id).docs] = block
        for competency in framework.competencies:
            found[route("competency", f"{framework_id}/{competency.id}").docs] = block
    found[route("glossary").docs] = Facts({"jenis": "Glosarium"})
    # Pages for curriculum editors: the dialog ranks them after the readers' pages
    # (EDITOR_KIND in overrides/assets/pencarian.js is the same text).
    for editor_page in ("contributing", "reference", "coverage"):
        found[route(editor_page).docs] = Facts({"jenis": EDITOR_KIND})
    return found


def search_block(facts: Facts) -> str:
    """Pagefind's metadata for a page: element text escaped for the theme, one line each."""
    lines = ['<div class="kk-cari-data" hidden data-pagefind-ignore>']
    lines += [
        f'<span data-pagefind-meta="{key}">{theme_text(value)}</span>'
        for key, value in facts.meta.items()
    ]
    lines += [
        f'<span data-pagefind-sort="{key}">{theme_text(value)}</span>'
        for key, value in facts.sort.items()
    ]
    # A raw HTML block: at column 0 and followed by a blank line, so Markdown leaves it whole.
    return "\n".join(lines) + "\n</div>\n"


def with_search_facts(pages: dict[str, str], facts: dict[str, Facts]) -> dict[str, str]:
    """`pages` with each page that has facts ending in its search block."""
    return {
        path: f"{text.rstrip()}\n\n{search_block(facts[path])}" if path in facts else text
        for path, text in pages.items()
    }


def glossary_data(c: Curriculum) -> str:
    """Abbreviation ↔ expansion pairs; the script inserts them as text only."""
    pairs = [[entry.term, entry.expansion] for entry in c.glossary if entry.expansion]
    return json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))


def words_data(c: Curriculum) -> str:
    """Distinct lower-case words of published titles and glossary terms, for suggestions.

    Bounded by the vocabulary of titles, not by the number of pages: 1,000 modules with
    similar titles add few words.
    """
    texts = [module.title for module in c.modules.values()]
    texts += [track.title for track in c.tracks.values()]
    texts += [pathway.title for pathway in c.pathways.values()]
    texts += [
        competency.title
        for framework in c.frameworks.values()
        for competency in framework.competencies
    ]
    texts += [entry.term for entry in c.glossary]
    texts += [entry.expansion for entry in c.glossary if entry.expansion]
    words = {
        word.casefold()
        for text in texts
        for word in _WORD.findall(text)
        if len(word) >= _SHORTEST_WORD
    }
    return json.dumps(sorted(words), ensure_ascii=False, separators=(",", ":"))


def data_files(c: Curriculum) -> dict[str, str]:
    return {GLOSSARY_DATA: glossary_data(c), WORDS_DATA: words_data(c)}
