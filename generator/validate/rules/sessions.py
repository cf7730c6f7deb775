"""Dates: session times that exist in their zone, zones readers can be told in words,
sessions in prerequisite order, review dates neither stale nor ahead."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.format import models as fmt
from generator.load.documents import Document, Loc
from generator.model.index import CurriculumIndex, SessionInstant
from generator.problems.report import Problem
from generator.text import zones
from generator.validate.rules.rule import rule

STALE_AFTER_DAYS = 365


@rule(
    "`start` sesi adalah waktu setempat yang benar-benar ada di zonanya (bukan jam yang "
    f"dilompati peralihan waktu), pada tahun {fmt.SESSION_YEARS[0]}–{fmt.SESSION_YEARS[1]}.",
    errors={
        "session-time-skipped": "`{start}` tidak ada di zona {zone} (jam dilompati peralihan "
        "waktu musim panas); pilih jam lain",
    },
)
def check_sessions(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in index.modules.values():
        for i, session in enumerate(item.model.sessions or []):
            instant = SessionInstant.of(item.model.id, i, session, index.config.default_timezone)
            if not instant.exists:
                yield item.document.error(
                    ("sessions", i, "start"),
                    "session-time-skipped",
                    start=str(session.start),
                    zone=instant.zone,
                )


@rule(
    "Zona waktu sesi (dan `default_timezone`) adalah nama IANA yang berlaku, bukan nama lama "
    "seperti `Asia/Ujung_Pandang`; zona di luar Indonesia diberi peringatan dan ditulis di "
    "situs dengan nama kota dan selisihnya dari UTC.",
    errors={
        "timezone-alias": "zona waktu `{zone}` adalah nama lama yang tidak dipakai lagi; tulis "
        "nama yang berlaku: `{current}`",
    },
    warnings={
        "timezone-abroad": "zona waktu `{zone}` bukan zona Indonesia; situs menuliskannya "
        "sebagai “{words}” lalu mengubahnya ke WIB, WITA dan WIT. Bila sesi diadakan dari "
        "Indonesia, pakai Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)",
    },
)
def check_zones(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """Old names are errors with the current one; a zone abroad is a warning that says how
    readers will see it (the site writes it in words, never as the raw identifier)."""
    if index.config_document is not None and "default_timezone" in (
        index.config_document.data or {}
    ):
        zone = index.config.default_timezone
        at = datetime.datetime.combine(today, datetime.time(), datetime.UTC)
        yield from _zone_problems(index.config_document, ("default_timezone",), zone, at)
    for item in index.modules.values():
        for i, session in enumerate(item.model.sessions or []):
            if session.timezone is None:
                continue
            instant = SessionInstant.of(item.model.id, i, session, session.timezone)
            loc = ("sessions", i, "timezone")
            yield from _zone_problems(item.document, loc, session.timezone, instant.start)


def _zone_problems(
    document: Document, loc: Loc, zone: str, at: datetime.datetime
) -> Iterator[Problem]:
    current = zones.current_name(zone)
    if current:
        yield document.error(loc, "timezone-alias", zone=zone, current=current)
    elif zones.label(zone) is None:
        yield document.warning(loc, "timezone-abroad", zone=zone, words=zones.words(zone, at))


@rule(
    "Dalam jalur belajar aktif, sesi berikutnya sebuah langkah tidak lebih awal daripada "
    "sesi berikutnya modul prasyaratnya (kecuali prasyarat yang tercantum di `assumes`).",
    warnings={
        "session-before-prerequisite": "sesi berikutnya modul `{module}` ({start}) lebih awal "
        "daripada sesi berikutnya prasyaratnya `{prerequisite}` ({prerequisite_start}); "
        "jadwalkan sesi prasyarat lebih dulu, atau pindahkan sesi modul ini sesudahnya",
    },
)
def check_session_order(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """A pathway step whose next session comes before its prerequisite's next session: the
    learner who follows the pathway's calendar meets the module before what it needs."""
    for item in index.pathways.values():
        pathway, document = item.model, item.document
        if not index.is_offered("pathway", pathway.id):
            continue
        # Prior learning (`assumes`) is done before the pathway starts, whenever it ran.
        assumed = set(pathway.assumes or [])
        for p, phase in enumerate(pathway.phases):
            for s, step in enumerate(phase.steps):
                located = index.modules.get(step.module)
                own = index.next_session(step.module, today) if located else None
                if own is None:
                    continue
                for prerequisite in located.model.prerequisites or []:
                    if prerequisite in assumed:
                        continue
                    before = index.next_session(prerequisite, today)
                    if before is None or prerequisite == step.module or own.order >= before.order:
                        continue
                    yield document.warning(
                        ("phases", p, "steps", s, "module"),
                        "session-before-prerequisite",
                        module=step.module,
                        start=zones.moment(own.start, own.zone),
                        prerequisite=prerequisite,
                        prerequisite_start=zones.moment(before.start, before.zone),
                    )


@rule(
    "Tanggal telaah (`reviewed`) modul yang ditawarkan tidak di masa depan; telaah lebih "
    "dari 12 bulan lalu diberi peringatan.",
    errors={
        "review-in-future": "tanggal telaah {reviewed} ada di masa depan",
    },
    warnings={
        "review-overdue": "isi modul terakhir ditelaah {reviewed}, lebih dari 12 bulan lalu; "
        "telaah ulang isinya lalu perbarui `reviewed`",
    },
)
def check_review_dates(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in index.modules.values():
        module = item.model
        if module.reviewed is None or not index.is_offered("module", module.id):
            continue
        age = (today - datetime.date.fromisoformat(module.reviewed)).days
        if age > STALE_AFTER_DAYS:
            yield item.document.warning(
                ("reviewed",),
                "review-overdue",
                reviewed=str(module.reviewed),
            )
        elif age < 0:
            yield item.document.error(
                ("reviewed",),
                "review-in-future",
                reviewed=str(module.reviewed),
            )
