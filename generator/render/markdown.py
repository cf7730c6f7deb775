"""Editors' Markdown fields as sanitised HTML, with glossary abbreviations and their links
resolved for the page they land on.

Python-Markdown passes raw HTML (and `javascript:` links) through, so every field is
rendered here and cleaned by nh3 before a template places it as a raw HTML block, which
MkDocs never parses (or checks) again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import unquote

import markdown
from markdown.extensions.abbr import AbbrExtension

from generator.model.curriculum import Curriculum
from generator.model.routes import directory_url, docs_path
from generator.render.abbreviations import Abbreviations
from generator.text import html


def markdown_html(
    text: str | None,
    abbreviations: Abbreviations | dict[str, str],
    links: Callable[[str], str | None] | None = None,
) -> str:
    """Render an editor's Markdown field to sanitised HTML with glossary abbreviations.

    One Markdown instance is reused (`reset()` between fields) and given only the glossary
    terms that occur in the field, through the `abbr` extension's glossary: nothing is
    appended to the editor's text, so the cost is linear in the field and in the glossary.
    `links` maps each link target to the one published (None drops the link, keeping
    its text): the HTML is never read by MkDocs again, so it cannot check or resolve it.
    """
    if not text:
        return ""
    if not isinstance(abbreviations, Abbreviations):
        abbreviations = Abbreviations(abbreviations)
    converter, abbr = _field_markdown()
    abbr.reset_glossary()
    abbr.load_glossary(abbreviations.used_in(text))
    converter.reset()
    rendered = converter.convert(text)

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "a" and name == "href" and links is not None:
            return links(value)
        return value

    return html.clean(rendered, attribute).strip()


def field_link(target: str, page_root: str, curriculum: Curriculum) -> str | None:
    """Where a link in an editor's Markdown points once published, or None to drop it.

    `https:` and `mailto:` stay (the sanitiser has refused every other scheme); a site path
    such as `/modul/x/#bagian` becomes relative to the page, so it works wherever the site
    is hosted; a link to the same page's section stays. Anything else, like a relative
    `../x.md` or `//host/`, would be a dead or foreign link: the validator reports it, and
    this drops it should it ever get here.
    """
    if target.startswith(("https://", "mailto:", "#")):
        return target
    if not target.startswith("/") or target.startswith("//"):
        return None
    path, _, fragment = target.partition("#")
    docs = docs_path(unquote(path), curriculum.index.is_published)
    if docs is None:
        return None
    return page_root + directory_url(docs) + (f"#{fragment}" if fragment else "")


@cache
def _field_markdown() -> tuple[markdown.Markdown, AbbrExtension]:
    abbr = AbbrExtension()
    return markdown.Markdown(extensions=[abbr, "tables", "sane_lists"]), abbr
