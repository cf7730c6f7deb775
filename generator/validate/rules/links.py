"""Links in editors' Markdown: only https and mailto, and site paths that are published.

Reading the links is generator.validate.markdown_links', shared with the resource and
placeholder rules and with `generator.validate.anchors`, which checks the `#section`
part after rendering.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import CurriculumIndex
from generator.problems.report import Problem, error
from generator.validate.markdown_links import (
    markdown_links,
    markdown_values,
    published_ids,
    site_link_problem,
    text_documents,
    unsafe_links,
)
from generator.validate.rules.rule import rule
from generator.validate.translate import loc_label

_LINKS_SHOWN = 10


def _more_links(more: int) -> str:
    return f" (dan {more} tautan lain sesudah ini)" if more else ""


@rule(
    "Alamat tautan hanya `https://` (dan `mailto:` untuk kontak), juga di dalam teks "
    "Markdown dan halaman bebas.",
    errors={
        "link-scheme": lambda target, field, more=0: (
            f"tautan `{target}` di {field} tidak diizinkan; hanya `https://` (dan `mailto:` "
            f"untuk kontak){_more_links(more)}"
        ),
        "page-link-scheme": lambda target, more=0: (
            f"tautan `{target}` tidak diizinkan; hanya `https://` (dan `mailto:`)"
            f"{_more_links(more)}"
        ),
    },
)
def check_links(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in text_documents(index):
        for loc, text in markdown_values(item.document.data):
            targets = unsafe_links(text)
            if not targets:
                continue
            # Ten lines say enough; each search goes on from the previous hit.
            positions = item.document.find_all(targets[: _LINKS_SHOWN + 1], loc)
            for shown, (target, position) in enumerate(zip(targets, positions, strict=False)):
                yield item.document.error(
                    loc,
                    "link-scheme",
                    at=position,
                    target=target[:60],
                    field=loc_label(loc),
                    more=_more(len(targets), shown),
                )
    for page in index.pages:
        found: list[tuple[str, tuple[int, int]]] = []
        total = 0
        for line_number, line in enumerate(page.text.split("\n"), start=1):
            targets = unsafe_links(line)
            total += len(targets)
            column = 0
            for target in targets[: _LINKS_SHOWN + 1 - len(found)]:
                column = max(line.find(target, column), 0)
                found.append((target, (line_number, column + 1)))
                column += len(target)
        for shown, (target, position) in enumerate(found):
            # A free page is Markdown, not a YAML document: its problems are at a line.
            yield error(
                page.path,
                position,
                "page-link-scheme",
                target=target[:60],
                more=_more(total, shown),
            )


def _more(total: int, shown: int) -> int:
    """After ten refused links in one value, the eleventh says how many more follow."""
    if shown == _LINKS_SHOWN and total > _LINKS_SHOWN + 1:
        return total - _LINKS_SHOWN - 1
    return 0


_SITE_LINK_REASONS = {
    "fragment": lambda fragment: (
        f"bagian `#{fragment}` bukan nama bagian halaman; nama bagian hanya memuat huruf kecil, "
        "angka dan tanda hubung"
    ),
    "unknown-page": lambda fragment: (
        "bukan halaman situs ini; pakai jalur halaman yang ada seperti `/modul/<id>/`, "
        "`/jalur-belajar/<id>/` atau `/halaman/<nama>/`"
    ),
    "unresolvable": lambda fragment: (
        "tidak dapat diperiksa; tautkan halaman situs dengan jalurnya yang diawali `/`, seperti "
        "`/modul/<id>/`, atau pakai alamat `https://`"
    ),
}


def _site_link(target: str, reason: str, fragment: str | None = None, field: str | None = None):
    where = f" di {field}" if field is not None else ""
    return f"tautan `{target}`{where} {_SITE_LINK_REASONS[reason](fragment)}"


@rule(
    "Tautan tanpa skema di teks Markdown adalah jalur halaman situs ini yang diterbitkan "
    "(`/modul/<id>/`, boleh dengan `#bagian`) atau `#bagian` halaman yang sama.",
    errors={"site-link": _site_link},
)
def check_site_links(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    published = published_ids(index)
    for link in markdown_links(index):
        if (reason := site_link_problem(link.target, published)) is not None:
            where = {"field": link.field} if link.field is not None else {}
            # A link in a YAML field or in a free page: `markdown_links` located it already.
            yield error(
                link.path, link.position, "site-link", target=link.target[:60], **where, **reason
            )
