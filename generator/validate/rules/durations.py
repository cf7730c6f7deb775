"""Durations that publish a figure nobody meant: JP that cannot be whole or half, and
webinar minutes that disagree with the webinar's own scheduled sessions."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.model.index import CurriculumIndex
from generator.problems.messages import number
from generator.problems.report import Problem
from generator.text.numbers import jp_text
from generator.validate.rules.rule import rule


def _jp_fraction(minutes, exact, jp, jp_minutes, lower, lower_jp, upper, upper_jp) -> str:
    return (
        f"kegiatan modul ini berjumlah {number(minutes)} menit, yaitu {exact} JP ({jp_minutes} "
        f"menit per JP), yang diterbitkan sebagai {jp} JP; JP bulat atau setengah yang tepat "
        f"memerlukan {number(lower)} menit ({lower_jp} JP) atau {number(upper)} menit "
        f"({upper_jp} JP)"
    )


@rule(
    "JP modul (total menit kegiatan / `jp_minutes`) bilangan bulat atau setengah; selain "
    "itu diberi peringatan yang menyebut total menit yang tepat.",
    warnings={
        "module-jp-fraction": _jp_fraction,
    },
)
def check_module_jp(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """A module of 300 minutes at 45 per JP publishes "6,7 JP": say which totals would not."""
    jp_minutes = index.config.jp_minutes
    # The smallest step of whole minutes that keeps JP whole or half.
    step = jp_minutes // 2 if jp_minutes % 2 == 0 else jp_minutes
    for module_id, item in index.modules.items():
        minutes = index.module_minutes(module_id)
        if minutes % step == 0:
            continue
        lower = minutes // step * step
        upper = lower + step
        yield item.document.warning(
            ("activities",),
            "module-jp-fraction",
            minutes=minutes,
            exact=_two_decimals(index.jp(minutes)),
            jp=jp_text(index.jp(minutes)),
            jp_minutes=jp_minutes,
            lower=lower,
            lower_jp=jp_text(index.jp(lower)),
            upper=upper,
            upper_jp=jp_text(index.jp(upper)),
        )


@rule(
    "Menit kegiatan webinar sama dengan lama sesinya (setiap sesi, atau jumlah semua sesi "
    "bila sesinya bagian-bagian webinar).",
    warnings={
        "webinar-session-minutes": lambda webinar, sessions: (
            f"kegiatan webinar berjumlah {number(webinar)} menit, tetapi sesi terjadwalnya "
            + ", ".join(f"{number(length)}" for length in sessions)
            + " menit; samakan `minutes` kegiatan webinar dengan lama sesinya agar JP yang "
            "diterbitkan sesuai dengan yang diikuti peserta"
        ),
    },
)
def check_webinar_sessions(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    """The webinar activity counts towards JP; its sessions say how long it really is.

    A session is one offering of the whole webinar, or the sessions are its parts and add
    up to it; when neither holds, the JP published is not what participants attend.
    """
    for item in index.modules.values():
        module = item.model
        webinars = [i for i, activity in enumerate(module.activities) if activity.mode == "webinar"]
        lengths = [session.minutes for session in module.sessions or []]
        if not webinars or not lengths:
            continue
        webinar = sum(module.activities[i].minutes for i in webinars)
        if webinar in lengths or sum(lengths) == webinar:
            continue
        yield item.document.warning(
            ("activities", webinars[0], "minutes"),
            "webinar-session-minutes",
            webinar=webinar,
            sessions=lengths,
        )


def _two_decimals(value) -> str:
    """6,49 for 292/45: the published figure ("6,5") rounds away what the warning is about."""
    hundredths = (value.numerator * 200 + value.denominator) // (2 * value.denominator)
    return f"{hundredths // 100},{hundredths % 100:02d}"
