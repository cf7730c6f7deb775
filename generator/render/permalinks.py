"""A Python-Markdown extension for the site's pages: heading permalinks that screen
readers and the keyboard skip.

The `toc` extension appends to every heading a link whose text is "¶"; its
`permalink_title` is only a tooltip, so the link is named "¶", every heading is
announced with a trailing "¶", and the Tab key stops on one link per heading. The
heading itself keeps its `id` (the table of contents and shared links still reach
it), and the "¶" stays visible on hover for readers who copy a section's address.
Listed in `mkdocs.yml` after `toc`, so MkDocs and Zensical both run it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Runs after the toc extension's treeprocessor (priority 5), which adds the links.
_PRIORITY = 4


class _HidePermalinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.set("aria-hidden", "true")
                link.set("tabindex", "-1")


class PermalinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_HidePermalinks(md), "kk_permalinks", _PRIORITY)


def makeExtension(**kwargs: object) -> PermalinkExtension:
    return PermalinkExtension(**kwargs)
