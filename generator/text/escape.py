"""Plain text made safe for where it lands: a Markdown line, a code span, an HTML attribute,
the theme's unescaped front matter, a Markdown link target.

Curriculum text comes from editors' YAML and may hold anything; each function here is the
one way the pages, the diff and the search block write such text into their own syntax.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")
# Every character Python or a browser treats as a line break: inside one line of
# Markdown any of them could start a heading, a list or an attribute block.
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# `:name:` would become an emoji icon; `- ` or `1. ` at the start, a list.
_EMOJI_COLON = re.compile(r":(?=[\w+-]+:)")
_LIST_START = re.compile(r"^(\d+)\.|^-(?=\s)")


def one_line(text: object) -> str:
    """Plain text as one line: every kind of line break becomes a space."""
    return _LINE_BREAKS.sub(" ", str(text))


def escape(text: object) -> str:
    """Escape plain text so Markdown shows it literally and HTML cannot run."""
    value = html.escape(one_line(text), quote=False)
    value = _MARKDOWN_SPECIALS.sub(r"\\\1", value)
    value = _EMOJI_COLON.sub("&#58;", value)
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else "\\-", value)


def code_span(text: object) -> str:
    """Plain text as one Markdown code span, shown literally whatever backticks it holds."""
    value = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    # CommonMark strips one space on each side when both are there: pad only when needed.
    pad = " " if value.startswith(("`", " ")) or value.endswith(("`", " ")) else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def escape_attr(text: object) -> str:
    return html.escape(one_line(text), quote=True)


def theme_text(text: object) -> str:
    """Plain text for the theme, which prints front-matter values into HTML unescaped.

    MkDocs and Material (and Zensical) put `title`, `description` and tag names into
    `<title>`, the header, `<meta content="…">`, navigation and the search index as
    they are, so the value must already be HTML: escaped, quotes included, on one line.
    """
    return html.escape(" ".join(one_line(text).split()), quote=True)


def link_target(url: str) -> str:
    """Percent-encode what could end a Markdown link target early and smuggle in HTML."""
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")
