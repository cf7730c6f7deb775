"""After rendering: every `#section` a curriculum links to exists on the page it names.

Section names come from the headings of the generated page, so they can only be checked
once the page is rendered. MkDocs would find a missing one in a resource link too, but
late, in English and without saying which YAML line to fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache

import markdown

from generator.model.index import CurriculumIndex
from generator.model.routes import docs_path
from generator.problems.report import Problem, error
from generator.validate.markdown_links import markdown_links, published_ids

# The extensions in mkdocs.yml that shape headings and their ids.
_EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "abbr"]
_SHOWN = 8


def section_ids(page_markdown: str) -> list[str]:
    """The ids of the headings of one generated page, in page order."""
    if page_markdown.startswith("---\n"):
        page_markdown = page_markdown.split("\n---\n", 1)[-1]
    md = markdown.Markdown(extensions=_EXTENSIONS)
    md.convert(page_markdown)
    ids: list[str] = []
    stack = list(reversed(md.toc_tokens))
    while stack:
        token = stack.pop()
        ids.append(token["id"])
        stack.extend(reversed(token["children"]))
    return ids


def has_section_links(index: CurriculumIndex) -> bool:
    """Whether any link names a `#section` of a site page: else there is nothing to check."""
    return next(_section_links(index), None) is not None


def missing_sections(index: CurriculumIndex, pages: dict[str, str]) -> list[Problem]:
    published = published_ids(index)

    def exists(kind: str, key: str) -> bool:
        return key in published[kind]

    ids_of = cache(lambda docs: section_ids(pages[docs]))
    problems = []
    for path, position, target in _section_links(index):
        page_path, _, fragment = target.partition("#")
        docs = docs_path(page_path, exists)
        if docs is None or docs not in pages or fragment in ids_of(docs):
            continue
        problems.append(
            error(path, position, "section-missing", **_fields(target, fragment, ids_of(docs)))
        )
    return problems


def _fields(target: str, fragment: str, ids: list[str]) -> dict:
    close = difflib.get_close_matches(fragment, ids, n=1)
    return {
        "page": target.partition("#")[0],
        "fragment": fragment,
        "sections": ids[:_SHOWN],
        "more": max(len(ids) - _SHOWN, 0),
        "suggestion": close[0] if close else None,
    }


def _section_links(index: CurriculumIndex) -> Iterator[tuple[str, tuple[int, int], str]]:
    """(file, position, site path with a fragment) for every such link in the curriculum."""
    for item in index.modules.values():
        for i, resource in enumerate(item.model.resources or []):
            if _is_section_link(resource.url):
                position = item.document.position(("resources", i, "url"))
                yield item.document.path, position, resource.url
    for link in markdown_links(index):
        if _is_section_link(link.target):
            yield link.path, link.position, link.target


def _is_section_link(target: str) -> bool:
    return target.startswith("/") and not target.startswith("//") and "#" in target
