"""What pages say about evidence of effect: sentences, table cells and charts.

The figures come from `generator.model.evidence` (published groups only); this module
words them in Indonesian and draws them (`generator.render.charts`), for the module page's
"Bukti hasil", the "Hasil pembelajaran" page, pathway and track pages, `catalog.json` and
the search metadata alike, so each says the same thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.format import models as fmt
from generator.model import evidence as ev
from generator.render import charts
from generator.text.dates import short_date
from generator.text.decimals import decimal_text, percent_text

# Below this many people a figure is published but said to come from a small sample.
SMALL_SAMPLE = 30
# Sessions shown with charts on a module page, newest first; older ones are one table row
# each, which keeps a page with a long history small (bench/outcomes_bench.py).
DETAILED_SESSIONS = 3


def pct(share: ev.Share | float | None) -> str:
    if share is None:
        return "—"
    return percent_text(share.value if isinstance(share, ev.Share) else share)


def effect_text(effect: ev.Effect | None) -> str:
    """g_z 1,37 [0,51; 2,20], or g_av 1,03 (tanpa selang)."""
    if effect is None:
        return "—"
    value = decimal_text(effect.value, 2, fixed=True)
    if effect.has_interval:
        low = decimal_text(effect.low, 2, fixed=True)
        high = decimal_text(effect.high, 2, fixed=True)
        return f"{effect.name} {value} [{low}; {high}]"
    return f"{effect.name} {value} (tanpa selang: korelasi pre–post tidak diketahui)"


def pooled_effect_text(pooled: ev.Pooled) -> str:
    return "; ".join(
        f"{effect.name} {decimal_text(effect.value, 2, fixed=True)} (rata-rata tertimbang "
        f"{decimal_text(effect.people, 0)} orang, {effect.sessions} sesi)"
        for effect in pooled.effects
    )


def response_words(share: ev.Share | None, what: str = "peserta mengisi survei") -> str:
    """A response rate in words, with "hanya" when it is low."""
    if share is None:
        return ""
    if share.value < ev.LOW_RESPONSE_SHARE:
        return f"hanya {pct(share)} {what}"
    return f"{pct(share)} {what}"


def sample_words(n: int) -> str:
    if n < SMALL_SAMPLE:
        return f"sampel kecil ({decimal_text(n, 0)} orang): tafsirkan dengan hati-hati"
    return ""


def withheld_words(part: ev.Withheld) -> str:
    return (
        f"Angka {part.what} tidak diterbitkan: berasal dari kurang dari {part.min_size} orang "
        "(`min_group_size`), sehingga peserta dapat dikenali."
    )


def level_evidence(module_evidence: ev.ModuleEvidence, level: int) -> str:
    """What the published groups show at one Kirkpatrick level, pooled over sessions."""
    pooled = module_evidence.pooled
    sessions = module_evidence.sessions
    if level == 1:
        if pooled.agreement is None:
            return _absent(sessions, "reaction")
        parts = [
            f"{pct(pooled.agreement)} jawaban setuju (4–5) dari "
            f"{decimal_text(pooled.answers, 0)} jawaban"
        ]
        if pooled.response_rate is not None:
            parts.append(response_words(pooled.response_rate))
        return "; ".join(parts)
    if level == 2:
        if not pooled.matched:
            return _absent(sessions, "learning")
        text = (
            f"pre → post {pct(pooled.pre_share)} → {pct(pooled.post_share)} dari nilai "
            f"maksimum ({decimal_text(pooled.matched, 0)} orang berpasangan)"
        )
        effects = pooled_effect_text(pooled)
        return f"{text}; {effects}" if effects else text
    if level == 3:
        applied = pooled.applied_share
        if applied is None:
            return _absent(sessions, "application")
        return (
            f"{pct(applied)} menyatakan sudah menerapkan "
            f"({decimal_text(pooled.follow_up_responses, 0)} jawaban tindak lanjut)"
        )
    indicators = [result for session in sessions for result in session.results]
    if not indicators:
        return "belum ada"
    return f"{len(indicators)} indikator unit dilaporkan"


def _absent(sessions: list[ev.SessionEvidence], part: str) -> str:
    if any(isinstance(getattr(session, part), ev.Withheld) for session in sessions) or any(
        isinstance(item, ev.Withheld) for session in sessions for item in session.application
    ):
        return "ada, tetapi kelompoknya terlalu kecil untuk diterbitkan"
    return "belum ada"


def session_title(session: ev.SessionEvidence) -> str:
    return f"{short_date(session.delivered)}, {fmt.MODES[session.mode][0].lower()}"


FUNNEL_LABELS = {
    "registered": "Mendaftar",
    "attended_live": "Hadir langsung",
    "watched_recording": "Menonton rekaman",
    "completed": "Tuntas",
}


def older_row(session: ev.SessionEvidence) -> dict[str, str]:
    """An older session's figures as table cells; a withheld group says so."""
    small = "kelompok terlalu kecil"
    cells = {"attended": small, "response": "—", "agree": "—", "change": "—"}
    cells.update(effect="—", applied="—")
    if isinstance(session.participation, dict):
        attended = session.participation.get("attended_live")
        cells["attended"] = decimal_text(attended, 0) if attended is not None else "—"
    reaction = session.reaction
    if isinstance(reaction, ev.ReactionFigures):
        cells["response"] = pct(reaction.response_rate)
        answers = sum(item.agree.total for item in reaction.items)
        agree = sum(item.agree.count for item in reaction.items)
        cells["agree"] = pct(ev.Share(agree, answers)) if answers else "—"
    elif isinstance(reaction, ev.Withheld):
        cells["response"] = small
    learning = session.learning
    if isinstance(learning, ev.LearningFigures):
        cells["change"] = (
            f"{pct(learning.pre / learning.max_score)} → {pct(learning.post / learning.max_score)}"
        )
        cells["effect"] = effect_text(learning.effect).split(" (")[0]
    elif isinstance(learning, ev.Withheld):
        cells["change"] = small
    applied = [item for item in session.application if isinstance(item, ev.FollowUpFigures)]
    if applied:
        cells["applied"] = pct(
            ev.Share(sum(i.applied.count for i in applied), sum(i.applied.total for i in applied))
        )
    return cells


def funnel_bars(session: ev.SessionEvidence) -> list[charts.Bar]:
    bars = []
    if isinstance(session.participation, dict):
        bars = [
            charts.Bar(label, session.participation[key])
            for key, label in FUNNEL_LABELS.items()
            if key in session.participation
        ]
    if isinstance(session.reaction, ev.ReactionFigures):
        bars.append(charts.Bar("Mengisi survei", session.reaction.responses))
    if isinstance(session.learning, ev.LearningFigures):
        bars.append(charts.Bar("Pre- dan post-test", session.learning.matched))
    for item in session.application:
        if isinstance(item, ev.FollowUpFigures):
            bars.append(charts.Bar(f"Tindak lanjut {item.after_days} hari", item.responses))
    return bars


def funnel_svg(chart_id: str, session: ev.SessionEvidence) -> str:
    bars = funnel_bars(session)
    desc = "; ".join(f"{bar.label}: {decimal_text(bar.value, 0)} orang" for bar in bars)
    return charts.funnel(chart_id, f"Partisipasi sesi {session_title(session)}", desc, bars)


def reaction_svg(chart_id: str, session: ev.SessionEvidence) -> str:
    reaction = session.reaction
    assert isinstance(reaction, ev.ReactionFigures)
    rows = [charts.LikertRow(item.label, item.counts) for item in reaction.items]
    desc = "; ".join(
        f"{item.label}: {pct(item.agree)} setuju, "
        f"{pct(ev.Share(item.counts[0] + item.counts[1], item.agree.total))} tidak setuju"
        for item in reaction.items
    )
    return charts.diverging(chart_id, f"Reaksi peserta sesi {session_title(session)}", desc, rows)


def change_svg(chart_id: str, sessions: list[ev.SessionEvidence]) -> str:
    rows = []
    for session in sessions:
        learning = session.learning
        if not isinstance(learning, ev.LearningFigures):
            continue
        effect = learning.effect
        rows.append(
            charts.ChangeRow(
                short_date(session.delivered),
                learning.pre / learning.max_score,
                learning.post / learning.max_score,
                effect_text(effect).split(" (")[0] if effect else "",
                effect.low if effect else None,
                effect.value if effect else None,
                effect.high if effect else None,
            )
        )
    desc = "; ".join(
        f"{row.label}: {pct(row.pre)} → {pct(row.post)} dari nilai maksimum"
        + (f", {row.effect}" if row.effect else "")
        for row in rows
    )
    return charts.pre_post(chart_id, "Nilai sebelum dan sesudah, dengan ukuran efek", desc, rows)


def has_learning(sessions: list[ev.SessionEvidence]) -> bool:
    return any(isinstance(session.learning, ev.LearningFigures) for session in sessions)


@dataclass(frozen=True)
class ModuleEffect:
    """The effect size a comparison shows for a module: its one session's, with that
    session's interval, or the people-weighted pool of several, with none."""

    name: str
    value: float
    low: float | None
    high: float | None
    people: int
    sessions: int

    @property
    def text(self) -> str:
        value = decimal_text(self.value, 2, fixed=True)
        if self.low is not None and self.high is not None:
            low = decimal_text(self.low, 2, fixed=True)
            high = decimal_text(self.high, 2, fixed=True)
            return f"{self.name} {value} [{low}; {high}]"
        if self.sessions > 1:
            return f"{self.name} {value} (gabungan {self.sessions} sesi, tanpa selang)"
        return f"{self.name} {value} (tanpa selang)"


def module_effect(module_evidence: ev.ModuleEvidence) -> ModuleEffect | None:
    effects = [
        (session.learning.matched, session.learning.effect)
        for session in module_evidence.sessions
        if isinstance(session.learning, ev.LearningFigures) and session.learning.effect
    ]
    if not effects:
        return None
    if len(effects) == 1:
        people, effect = effects[0]
        return ModuleEffect(effect.name, effect.value, effect.low, effect.high, people, 1)
    pooled = module_evidence.pooled.effects
    # Several formulas across sessions: the one covering the most people.
    best = max(pooled, key=lambda effect: effect.people)
    return ModuleEffect(best.name, best.value, None, None, best.people, best.sessions)


def group_summary(c, module_ids: list[str], with_evidence: list[str]) -> str:
    """A track's or pathway's evidence in one sentence, pooled over its modules' published
    groups and weighted by people."""
    module_ids = [module_id for module_id in module_ids if module_id in c.evidence]
    having = [module_id for module_id in module_ids if module_id in with_evidence]
    head = f"{len(having)} dari {len(module_ids)} modul punya bukti hasil"
    if not having:
        return head + "."
    pooled = c.pooled_evidence(module_ids)
    parts = [head]
    if pooled.people_reached:
        parts.append(f"{decimal_text(pooled.people_reached, 0)} orang dijangkau")
    if pooled.response_rate is not None:
        parts.append(response_words(pooled.response_rate))
    if pooled.agreement is not None:
        parts.append(f"{pct(pooled.agreement)} jawaban survei setuju")
    if pooled.matched:
        parts.append(
            f"pre → post {pct(pooled.pre_share)} → {pct(pooled.post_share)} "
            f"({decimal_text(pooled.matched, 0)} orang)"
        )
    if pooled.applied_share is not None:
        parts.append(f"{pct(pooled.applied_share)} sudah menerapkan")
    text = "; ".join(parts) + "."
    return text + " Data contoh." if pooled.example else text


def comparison_rows(c, module_ids: list[str]) -> list[charts.ChangeRow]:
    """One row per module with published pre/post figures: pooled shares of the maximum,
    and the module's effect (`module_effect`)."""
    rows = []
    for module_id in module_ids:
        found = c.evidence[module_id]
        pooled = found.pooled
        if not pooled.matched or pooled.pre_share is None or pooled.post_share is None:
            continue
        effect = module_effect(found)
        rows.append(
            charts.ChangeRow(
                c.modules[module_id].title,
                pooled.pre_share,
                pooled.post_share,
                effect.text.split(" (")[0] if effect else "",
                effect.low if effect else None,
                effect.value if effect else None,
                effect.high if effect else None,
            )
        )
    return rows


def comparison_svg(c, module_ids: list[str]) -> str:
    rows = comparison_rows(c, module_ids)
    desc = "; ".join(
        f"{row.label}: {pct(row.pre)} → {pct(row.post)}" + (f", {row.effect}" if row.effect else "")
        for row in rows
    )
    return charts.pre_post(
        "hasil-banding", "Perbandingan modul: sebelum, sesudah, ukuran efek", desc, rows
    )


def search_summary(module_evidence: ev.ModuleEvidence) -> str:
    """One line for search results: the evidence level and the main published figures."""
    if not module_evidence.sessions:
        return ""
    parts = [f"Bukti hasil: {module_evidence.level_label}"]
    pooled = module_evidence.pooled
    if pooled.matched:
        parts.append(f"pre → post {pct(pooled.pre_share)} → {pct(pooled.post_share)}")
    if pooled.applied_share is not None:
        parts.append(f"{pct(pooled.applied_share)} menerapkan")
    if module_evidence.example:
        parts.append("data contoh")
    return "; ".join(parts)
