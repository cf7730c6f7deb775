"""Outcomes: each file belongs to a module and a date, and its counts and scores agree."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.format import models as fmt
from generator.load.documents import Document
from generator.model.evidence import reached
from generator.model.index import CurriculumIndex
from generator.problems.report import Problem
from generator.text.decimals import decimal_text
from generator.validate.rules.rule import rule
from generator.validate.translate import close_match

_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(-[2-9]|-[1-9][0-9]+)?$")


@rule(
    "Berkas hasil ada di `curriculum/outcomes/<modul>/` untuk modul yang ada, `module`-nya "
    "sama dengan nama folder, nama berkasnya tanggal `delivered` (`YYYY-MM-DD.yml`, atau "
    "`-2`, `-3` … untuk sesi lain pada hari itu), dan tanggalnya tidak di masa depan.",
    errors={
        "outcome-folder-unknown": "folder `{folder}` tidak menamai modul yang ada; hasil disimpan "
        "di `curriculum/outcomes/<id-modul>/`{hint}",
        "outcome-module-mismatch": "`module` bernilai `{module}`, padahal berkas ini ada di "
        "folder `{folder}`; samakan keduanya",
        "outcome-file-name": "nama berkas `{name}` harus tanggal `delivered` ({delivered}), "
        "mis. `{delivered}.yml`, atau `{delivered}-2.yml` untuk sesi kedua hari itu",
        "outcome-in-future": "tanggal pelaksanaan {delivered} ada di masa depan; hasil hanya "
        "dicatat sesudah sesi berlangsung",
    },
)
def check_outcome_place(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for folder, items in index.outcomes.items():
        known = folder in index.modules or folder in index.broken.get("module", set())
        for item in items:
            outcome, document = item.model, item.document
            if not known:
                yield document.error(
                    ("module",),
                    "outcome-folder-unknown",
                    folder=folder,
                    suggestion=close_match(folder, index.modules),
                )
            elif outcome.module != folder:
                yield document.error(
                    ("module",), "outcome-module-mismatch", module=outcome.module, folder=folder
                )
            name = PurePosixPath(document.path).stem
            found = _FILE_NAME.match(name)
            if found is None or found.group(1) != outcome.delivered:
                yield document.error(
                    ("delivered",), "outcome-file-name", name=name, delivered=outcome.delivered
                )
            if datetime.date.fromisoformat(outcome.delivered) > today:
                yield document.error(
                    ("delivered",), "outcome-in-future", delivered=outcome.delivered
                )


@rule(
    "`session` berkas hasil, bila ada, adalah salah satu sesi modulnya dan jatuh pada "
    "tanggal `delivered`.",
    errors={
        "outcome-session-unknown": "modul `{module}` tidak punya sesi yang mulai `{session}`; "
        "tulis `start` salah satu sesinya, atau hapus `session`",
        "outcome-session-date": "sesi `{session}` tidak jatuh pada tanggal `delivered` "
        "({delivered}); samakan tanggalnya",
    },
)
def check_outcome_session(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for folder, items in index.outcomes.items():
        located = index.modules.get(folder)
        if located is None:
            continue
        starts = {session.start for session in located.model.sessions or []}
        for item in items:
            session = item.model.session
            if session is None:
                continue
            if session not in starts:
                yield item.document.error(
                    ("session",), "outcome-session-unknown", module=folder, session=session
                )
            elif session[:10] != item.model.delivered:
                yield item.document.error(
                    ("session",),
                    "outcome-session-date",
                    session=session,
                    delivered=item.model.delivered,
                )


@rule(
    "Angka berkas hasil saling cocok: ada minimal satu angka partisipasi; responden tidak "
    "lebih dari orang yang dijangkau; jawaban tiap butir survei tidak lebih dari "
    "responden; `matched` tidak lebih dari orang yang dijangkau; `passed` tidak lebih dari "
    "`matched`; `applied` dan `confirmed_by_supervisor` tidak lebih dari `responses`; "
    "rata-rata dan batas lulus di antara 0 dan `max_score`. Hadir lebih banyak daripada "
    "mendaftar hanya diberi peringatan (orang bisa ikut tanpa mendaftar).",
    errors={
        "outcome-participation-empty": "`participation` harus memuat minimal satu jumlah: "
        "`registered`, `attended_live`, `watched_recording` atau `completed`",
        "outcome-count-too-high": "{field} ({value}) lebih dari {limit_name} ({limit}); periksa "
        "kembali rekapnya",
        "outcome-score-range": "{field} ({value}) di luar rentang nilai 0 sampai `max_score` "
        "({max_score})",
    },
    warnings={
        "outcome-attended-over-registered": "`attended_live` ({attended}) lebih dari "
        "`registered` ({registered}); wajar bila ada yang ikut tanpa mendaftar, periksa bila "
        "tidak",
    },
)
def check_outcome_counts(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for items in index.outcomes.values():
        for item in items:
            yield from _count_problems(item.document, item.model)


def _count_problems(document: Document, outcome: fmt.Outcome) -> Iterator[Problem]:
    part = outcome.participation
    if all(value is None for value in part.model_dump().values()):
        yield document.error(("participation",), "outcome-participation-empty", key=True)
        return
    if (
        part.attended_live is not None
        and part.registered is not None
        and part.attended_live > part.registered
    ):
        yield document.warning(
            ("participation", "attended_live"),
            "outcome-attended-over-registered",
            attended=part.attended_live,
            registered=part.registered,
        )
    people = reached(part)

    def over(loc, value, limit, limit_name):
        if value > limit:
            return document.error(
                loc,
                "outcome-count-too-high",
                field=f"`{loc[-1]}`" if isinstance(loc[-1], str) else f"`{loc[0]}`",
                value=value,
                limit=limit,
                limit_name=limit_name,
            )
        return None

    found: list[Problem | None] = []
    reaction = outcome.reaction
    if reaction is not None:
        found.append(over(("reaction", "responses"), reaction.responses, people, "orang dijangkau"))
        for key in fmt.REACTION_ITEMS:
            counts = getattr(reaction, key)
            if counts is not None:
                found.append(
                    over(("reaction", key), sum(counts), reaction.responses, "`responses`")
                )
    learning = outcome.learning
    if learning is not None:
        found.append(over(("learning", "matched"), learning.matched, people, "orang dijangkau"))
        if learning.passed is not None:
            found.append(
                over(("learning", "passed"), learning.passed, learning.matched, "`matched`")
            )
        for loc, value in (
            (("learning", "pre", "mean"), learning.pre.mean),
            (("learning", "post", "mean"), learning.post.mean),
            (("learning", "pass_score"), learning.pass_score),
        ):
            if value is not None and not 0 <= value <= learning.max_score:
                yield document.error(
                    loc,
                    "outcome-score-range",
                    field="`" + ".".join(str(part) for part in loc[1:]) + "`",
                    value=decimal_text(value, 2),
                    max_score=decimal_text(learning.max_score, 2),
                )
    for i, follow_up in enumerate(outcome.application or []):
        base = ("application", i)
        found.append(over((*base, "responses"), follow_up.responses, people, "orang dijangkau"))
        found.append(
            over((*base, "applied"), follow_up.applied, follow_up.responses, "`responses`")
        )
        if follow_up.confirmed_by_supervisor is not None:
            found.append(
                over(
                    (*base, "confirmed_by_supervisor"),
                    follow_up.confirmed_by_supervisor,
                    follow_up.responses,
                    "`responses`",
                )
            )
    yield from (problem for problem in found if problem is not None)
