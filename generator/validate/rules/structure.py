"""The curriculum's shape: ids that name their files, track order, module folders."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.model.index import CurriculumIndex, track_folder
from generator.problems.messages import did_you_mean, or_none
from generator.problems.report import Problem
from generator.validate.rules.rule import Rule, declare, rule
from generator.validate.translate import close_match

# Applied while the documents are collected (generator.validate.collect), since it decides
# what is indexed at all; declared here, first, with its wording like every other rule.
IDS = declare(
    Rule(
        "`id` sama dengan nama berkasnya dan unik untuk jenisnya; id modul unik di semua jalur.",
        errors={
            "id-not-file-name": lambda stem, id, stem_valid=True: (
                f"`id` harus sama dengan nama berkas: berkas `{stem}.yml` berisi id `{id}`; "
                + (
                    f"ubah id menjadi `{stem}` atau ganti nama berkasnya menjadi `{id}.yml`"
                    if stem_valid
                    else "nama berkas itu bukan id yang sah, jadi ganti nama berkasnya menjadi "
                    f"`{id}.yml`"
                )
            ),
            "id-duplicate": lambda id, first, rename=True, copy=None: (
                f"id `{id}` juga dipakai oleh `{first}`; id harus unik di semua jalur: "
                + (
                    "ganti id di berkas ini, lalu ubah nama berkasnya menjadi id baru itu"
                    if rename
                    else f"ganti id di `{copy}`, yang tampaknya salinan berkas ini"
                )
            ),
        },
        module=__name__,
    )
)


def _reserved(id: str) -> str:
    why = (
        "`index` adalah halaman daftar di folder yang sama, yang akan tertimpa"
        if id == "index"
        else f"`{id}` adalah nama perangkat yang dicadangkan Windows, sehingga berkasnya tidak "
        "dapat dibuka di Windows"
    )
    return f"id `{id}` tidak dapat dipakai: {why}; pilih id lain"


@rule(
    "`id` bukan `index` (nama halaman daftar) dan bukan nama yang dicadangkan Windows "
    "(`con`, `nul`, `prn`, `aux`, `com1`…, `lpt1`…).",
    errors={
        "id-reserved": lambda id, file=True: (
            _reserved(id) + (", lalu ganti nama berkasnya menjadi id baru itu" if file else "")
        ),
    },
)
def check_reserved_ids(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for kind in ("framework", "track", "module", "pathway"):
        for item in index.collection(kind).values():
            if item.model.id in fmt.RESERVED_NAMES:
                yield item.document.error(("id",), "id-reserved", id=item.model.id)
    for item in index.frameworks.values():
        for i, competency in enumerate(item.model.competencies):
            if competency.id in fmt.RESERVED_NAMES:
                yield item.document.error(
                    ("competencies", i, "id"), "id-reserved", id=competency.id, file=False
                )


@rule(
    "`tracks` di `site_config.yml` mencantumkan setiap jalur yang ada, masing-masing sekali.",
    errors={
        "track-listed-twice": "jalur `{track}` tercantum dua kali di `tracks` (pertama di butir "
        "{first}); hapus salah satunya",
        "track-unknown": "jalur `{track}` tidak punya berkas `curriculum/tracks/{track}.yml`{hint}",
        "track-not-listed": "jalur `{track}` ({path}) belum tercantum di `tracks`; tambahkan agar "
        "urutannya jelas",
    },
)
def check_track_order(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    document = index.config_document
    if document is None:
        return
    seen: dict[str, int] = {}
    for i, track_id in enumerate(index.config.tracks):
        if track_id in seen:
            yield document.error(
                ("tracks", i),
                "track-listed-twice",
                track=track_id,
                first=seen[track_id] + 1,
            )
            continue
        seen[track_id] = i
        if not index.exists("track", track_id):
            yield document.error(
                ("tracks", i),
                "track-unknown",
                track=track_id,
                suggestion=close_match(track_id, index.tracks),
            )
    for track_id, item in index.tracks.items():
        if track_id not in seen:
            yield document.error(
                ("tracks",),
                "track-not-listed",
                key=True,
                track=track_id,
                path=item.document.path,
            )


@rule(
    "Folder modul (`curriculum/modules/<jalur>/`) menyebut jalur yang ada.",
    errors={
        "module-folder-unknown": lambda folder, tracks, suggestion: (
            f"folder `curriculum/modules/{folder}/` bukan jalur yang dikenal (jalur yang ada: "
            f"{or_none(tracks)}){did_you_mean(suggestion)}"
        ),
    },
)
def check_module_folders(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in index.modules.values():
        folder = track_folder(item.document.path)
        if not index.exists("track", folder):
            yield item.document.error(
                ("id",),
                "module-folder-unknown",
                key=True,
                folder=folder,
                tracks=list(index.tracks),
                suggestion=close_match(folder, index.tracks),
            )
