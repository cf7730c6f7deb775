"""The sanitiser editors' Markdown goes through, and what it removes from a text.

Pages place each Markdown field's HTML only after `clean` (generator.render.markdown); the
validator asks `removed` what the same cleaning would drop, so an editor who wrote an
`<iframe>` or a `style=` hears about it instead of seeing it vanish from the page.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"}
URL_SCHEMES = {"https", "mailto"}
LINK_REL = "noopener noreferrer"


def clean(html: str, attribute_filter: Callable[[str, str, str], str | None] | None = None) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        attribute_filter=attribute_filter,
    )


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(f"<{tag}>")
        self.found.extend(f"{tag} {name}=" for name, _ in attrs if name != "rel")


def _markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


def removed(html: str) -> list[str]:
    """The tags (`<iframe>`) and attributes (`div style=`) that `clean` drops, in order."""
    kept = _markup(clean(html))
    dropped = []
    for item in _markup(html):
        if item in kept:
            kept.remove(item)
        elif item not in dropped:
            dropped.append(item)
    # The attributes of a tag removed whole go with it: one message for the tag.
    tags = {item.strip("<>") for item in dropped if item.startswith("<")}
    return [item for item in dropped if item.startswith("<") or item.split(" ")[0] not in tags]
