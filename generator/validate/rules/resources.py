"""Module resources: a `url` on this site names a published page and a valid section."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import CurriculumIndex
from generator.problems.report import Problem
from generator.validate.markdown_links import published_ids, site_link_problem
from generator.validate.rules.rule import rule


@rule(
    "`url` sumber belajar yang diawali `/` menunjuk halaman situs yang diterbitkan, dan "
    "`#bagian`-nya berupa nama bagian.",
    errors={
        "resource-fragment": "bagian `#{fragment}` pada `{url}` bukan nama bagian halaman; nama "
        "bagian hanya memuat huruf kecil, angka dan tanda hubung, seperti "
        "`/modul/<id>/#tujuan-pembelajaran`",
        "resource-unknown-page": "`{url}` bukan halaman situs ini; pakai jalur halaman seperti "
        "`/modul/<id>/`, `/jalur-belajar/<id>/` atau `/halaman/<nama>/`, atau alamat `https://`",
    },
)
def check_site_paths(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    published = published_ids(index)
    for item in index.modules.values():
        for i, resource in enumerate(item.model.resources or []):
            if not resource.url.startswith("/"):
                continue  # `https://`, which the format's pattern already checked
            reason = site_link_problem(resource.url, published)
            if reason is None:
                continue
            loc = ("resources", i, "url")
            if reason["reason"] == "fragment":
                fragment, url = reason["fragment"], resource.url[:80]
                yield item.document.error(loc, "resource-fragment", fragment=fragment, url=url)
            else:
                yield item.document.error(loc, "resource-unknown-page", url=resource.url)
