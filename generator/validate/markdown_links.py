"""Links in editors' Markdown, read once for every check that needs them.

The link rules (generator.validate.rules.links and .resources), the placeholder rule
(.texts) and the `#section` check after rendering (generator.validate.anchors) all walk
the same texts and resolve the same site paths: this module is where they do it, so no
rule module reaches into another's helpers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.load.documents import Loc
from generator.model.documents import KINDS, Located
from generator.model.index import CurriculumIndex
from generator.model.routes import docs_path
from generator.validate.translate import loc_label

_LINK = re.compile(
    r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)"  # [text](target), with (balanced) parentheses
    r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"  # <scheme:...> autolinks
    r"|(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)"  # raw HTML attributes, quoted or not
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)",  # [label]: target (reference links)
    re.IGNORECASE | re.MULTILINE,
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = {"https", "mailto"}


def unsafe_links(markdown: str) -> list[str]:
    """Return link targets whose scheme is neither https nor mailto."""
    found = []
    for match in _LINK.finditer(markdown):
        target = next(group for group in match.groups() if group)
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
            found.append(target)
    return found


def markdown_values(
    data: Any, may_link: Callable[[str], bool] = lambda value: ":" in value
) -> Iterator[tuple[Loc, str]]:
    """Yield every text value that could hold a link, in file order, with its location."""
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if may_link(value):
                yield loc, value
        elif isinstance(value, dict):
            stack.extend(((*loc, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in reversed(list(enumerate(value))))


def text_documents(index: CurriculumIndex) -> list[Located]:
    """Every validated document holding editors' text (all but site_config.yml)."""
    return [
        *index.frameworks.values(),
        *index.tracks.values(),
        *index.modules.values(),
        *index.pathways.values(),
        *([index.glossary] if index.glossary else []),
    ]


@dataclass(frozen=True)
class MarkdownLink:
    """A link a reader could follow in an editor's Markdown: where it is written, and to."""

    path: str
    position: tuple[int, int]
    target: str
    field: str | None  # the YAML field it is in; None in a free page


def markdown_links(index: CurriculumIndex) -> Iterator[MarkdownLink]:
    """Every followable link in Markdown fields and free pages, in file order.

    Plain-text fields are left out (a link there is shown as written, never followed), and
    so is a free page's `# ` title line.
    """
    for item in text_documents(index):
        for loc, text in markdown_values(item.document.data, may_link):
            if not is_markdown_field(loc):
                continue
            for target in link_targets(text):
                position = item.document.find(target, loc)
                yield MarkdownLink(item.document.path, position, target, loc_label(loc))
    for page in index.pages:
        for line_number, line in enumerate(page.text.split("\n"), start=1):
            if line_number == 1 and line.startswith("# "):
                continue
            for target in link_targets(line):
                yield MarkdownLink(page.path, (line_number, line.find(target) + 1), target, None)


_ANCHOR = re.compile(r"^[a-z0-9_-]{1,80}$")


def published_ids(index: CurriculumIndex) -> dict[str, set[str]]:
    return {
        **{kind: set(index.published(kind)) for kind in KINDS},
        "competency": set(index.competencies),
        "page": index.page_ids,
    }


def site_link_problem(target: str, published: dict[str, set[str]]) -> dict | None:
    """Why a link without a scheme in an editor's Markdown cannot be published, if it can't.

    The rendered HTML is never read by MkDocs again, so only a site path that names a
    published page (or a section of the same page) can be resolved and index. The answer
    is the `site-link` message's `reason` (and `fragment`) fields.
    """
    if _SCHEME.match(target) or target.startswith("#"):
        return None
    if target.startswith("/") and not target.startswith("//"):
        path, _, fragment = target.partition("#")
        if fragment and not _ANCHOR.match(fragment):
            return {"reason": "fragment", "fragment": fragment[:40]}
        if docs_path(path, lambda kind, key: key in published[kind]):
            return None
        return {"reason": "unknown-page"}
    return {"reason": "unresolvable"}


# As _LINK, but only what the sanitiser keeps as a link a reader can follow: the `href` of
# an `<a>`; `<img>`, `<link>`, `<base>` and their addresses are removed anyway.
_FOLLOWED_LINK = re.compile(
    _LINK.pattern.replace(r"|(?:href|src)\s*=", r"|<a\b[^>]*?\bhref\s*="), _LINK.flags
)


def link_targets(text: str) -> Iterator[str]:
    """Targets of the links a reader could follow in one Markdown text."""
    for match in _FOLLOWED_LINK.finditer(text):
        yield next(group for group in match.groups() if group)


def is_markdown_field(loc: Loc) -> bool:
    """Whether the value at `loc` is rendered as Markdown (`description`, `definition`).

    A scale step's `description` is shown as plain text.
    """
    return bool(loc) and loc[-1] in ("description", "definition") and "levels" not in loc[:-1]


def may_link(value: str) -> bool:
    return "](" in value or "]:" in value or "<" in value or "=" in value
