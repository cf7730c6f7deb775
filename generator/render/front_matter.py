"""A page's YAML front matter, and the title a free page goes by."""

from __future__ import annotations

import math
import re

import yaml

from generator.load.documents import Page
from generator.text.escape import theme_text

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def front_matter(
    source: str,
    title: str,
    description: str = "",
    tags: list[str] | None = None,
    hide: list[str] | None = None,
    assets: list[str] | None = None,
    *,
    contact: str | None = None,
    jsonld: str = "",
) -> str:
    """The page's YAML front matter, every value double-quoted by a YAML emitter.

    `contact` (site_config.yml) is for the footer (overrides/partials/copyright.html).

    A hand-written line (or Jinja's `tojson`, which writes an emoji as a surrogate
    pair that the YAML loader refuses) lets a title end the front matter early or
    make MkDocs drop it without a word.
    """
    meta: dict[str, object] = {"source": source, "title": theme_text(title)}
    if description:
        meta["description"] = theme_text(description)
    if tags:
        meta["tags"] = [theme_text(tag_label(tag)) for tag in tags]
    if hide:
        meta["hide"] = list(hide)
    if assets:
        meta["kk_assets"] = list(assets)
    if contact:
        meta["kk_contact"] = theme_text(contact)
    if jsonld:
        # Already safe inside <script> (render/jsonld.py, script_json); the theme prints it.
        meta["kk_jsonld"] = jsonld
    body = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_style='"', width=math.inf
    )
    notice = "# Dihasilkan dari berkas `source`; sunting berkas itu, bukan halaman ini."
    return f"---\n{notice}\n{body}---"


def tag_label(tag: str) -> str:
    """A tag as readers see it: a slug ("keamanan-siber") as words ("keamanan siber").

    The theme's tag anchors slugify the name, so both forms land on the same anchor; a
    tag that is not a slug is shown as written.
    """
    return tag.replace("-", " ") if _SLUG.fullmatch(tag) else tag


def page_title(page: Page) -> str:
    """A free page's title: its first `# ` heading, else its file name."""
    first = page.text.split("\n", 1)[0]
    if first.startswith("# "):
        return first[2:].strip()
    return page.path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()
