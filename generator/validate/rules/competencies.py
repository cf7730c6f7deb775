"""Frameworks and the modules' competency references: known, levelled as the scale says."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from generator.model.index import CurriculumIndex
from generator.problems.messages import did_you_mean, or_none
from generator.problems.report import Problem
from generator.validate.rules.rule import rule
from generator.validate.translate import close_match


def _scale(levels: Iterable[int]) -> str:
    return ", ".join(str(level) for level in levels)


def _competency_unknown(ref: str, framework: str, frameworks: list[str] | None, suggestion):
    if frameworks is not None:
        detail = f"kerangka `{framework}` tidak ada (kerangka yang ada: {or_none(frameworks)})"
    else:
        detail = f"kompetensi tidak ada di kerangka `{framework}`"
    return f"kompetensi `{ref}` tidak dikenal: {detail}{did_you_mean(suggestion)}"


@rule(
    "Dalam satu kerangka, tingkat dan id kompetensi unik; `level_indicators` hanya pada "
    "kerangka bertingkat dan hanya untuk tingkat di skalanya.",
    errors={
        "level-duplicate": "tingkat {level} muncul dua kali di `levels`",
        "competency-id-duplicate": "id kompetensi `{id}` muncul dua kali dalam kerangka ini",
        "level-indicators-unlevelled": "`level_indicators` hanya untuk kerangka bertingkat; "
        "kerangka ini tidak punya `levels`",
        "level-indicator-off-scale": lambda level, scale: (
            f"tingkat {level} tidak ada di skala `levels` kerangka ini ({_scale(scale)})"
        ),
    },
)
def check_frameworks(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    for item in index.frameworks.values():
        framework, document = item.model, item.document
        scale = [step.level for step in framework.levels or []]
        for i, level in enumerate(scale):
            if level in scale[:i]:
                yield document.error(
                    ("levels", i, "level"),
                    "level-duplicate",
                    level=level,
                )
        seen: set[str] = set()
        for i, competency in enumerate(framework.competencies):
            if competency.id in seen:
                yield document.error(
                    ("competencies", i, "id"),
                    "competency-id-duplicate",
                    id=competency.id,
                )
            seen.add(competency.id)
            for level in competency.level_indicators or {}:
                loc = ("competencies", i, "level_indicators", level)
                if not scale:
                    yield document.error(loc, "level-indicators-unlevelled", key=True)
                    break
                if level not in scale:
                    yield document.error(
                        loc,
                        "level-indicator-off-scale",
                        key=True,
                        level=level,
                        scale=list(scale),
                    )


@rule(
    "Rujukan kompetensi modul (`<kerangka>/<kompetensi>`) ada dan tidak ganda; `level` "
    "wajib bila kerangkanya bertingkat, dilarang bila tidak, dan ada di skalanya; modul "
    "yang diterbitkan tanpa kompetensi diberi peringatan.",
    errors={
        "competency-ref-duplicate": "kompetensi `{ref}` dicantumkan dua kali",
        "competency-unknown": _competency_unknown,
        "level-not-allowed": "kerangka `{framework}` tidak bertingkat; hapus `level` dari "
        "rujukan `{ref}`",
        "level-required": lambda ref, framework, scale: (
            f"rujukan `{ref}` wajib menyebut `level` karena kerangka `{framework}` bertingkat "
            f"({_scale(scale)})"
        ),
        "level-off-scale": lambda level, framework, scale: (
            f"tingkat {level} tidak ada di skala kerangka `{framework}` ({_scale(scale)})"
        ),
    },
    warnings={
        "module-no-competencies": "modul ini belum memetakan kompetensi apa pun; tambahkan "
        "`competencies` agar modul muncul di peta kompetensi",
    },
)
def check_competency_refs(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    competencies = index.competencies
    for item in index.modules.values():
        module, document = item.model, item.document
        if not module.competencies:
            if index.is_published("module", module.id):
                yield document.warning(
                    ("competencies",) if module.competencies is not None else ("id",),
                    "module-no-competencies",
                    key=True,
                )
            continue
        seen: set[str] = set()
        for i, ref in enumerate(module.competencies):
            yield from _check_ref(document, i, ref, competencies, index, seen)
            seen.add(ref.ref)


def _check_ref(document, i, ref, competencies, index, seen) -> Iterator[Problem]:
    loc = ("competencies", i)
    if ref.ref in seen:
        yield document.error(
            (*loc, "ref"),
            "competency-ref-duplicate",
            ref=ref.ref,
        )
        return
    if ref.ref not in competencies:
        framework_id = ref.ref.split("/")[0]
        if framework_id in index.broken.get("framework", set()):
            return
        framework_unknown = framework_id not in index.frameworks
        yield document.error(
            (*loc, "ref"),
            "competency-unknown",
            ref=ref.ref,
            framework=framework_id,
            frameworks=list(index.frameworks) if framework_unknown else None,
            suggestion=close_match(framework_id, index.frameworks)
            if framework_unknown
            else close_match(ref.ref, competencies),
        )
        return
    framework, _ = competencies[ref.ref]
    scale = [step.level for step in framework.levels or []]
    if not scale and ref.level is not None:
        yield document.error(
            (*loc, "level"),
            "level-not-allowed",
            key=True,
            framework=framework.id,
            ref=ref.ref,
        )
    elif scale and ref.level is None:
        yield document.error(
            loc,
            "level-required",
            ref=ref.ref,
            framework=framework.id,
            scale=list(scale),
        )
    elif scale and ref.level not in scale:
        yield document.error(
            (*loc, "level"),
            "level-off-scale",
            level=ref.level,
            framework=framework.id,
            scale=list(scale),
        )


@rule(
    "Setiap kompetensi dikembangkan oleh sedikitnya satu modul aktif.",
    warnings={
        "competency-uncovered": "kompetensi `{framework}/{competency}` belum dikembangkan oleh "
        "modul aktif mana pun; ini celah di peta kompetensi",
    },
)
def check_undeveloped_competencies(
    index: CurriculumIndex, today: datetime.date
) -> Iterator[Problem]:
    if index.broken.get("module", set()) - index.modules.keys():
        return  # a module that could not be read may develop any of them
    # Archived modules are no longer offered, so they leave the competency undeveloped.
    developed = {
        ref.ref
        for module_id, item in index.modules.items()
        if index.is_offered("module", module_id)
        for ref in item.model.competencies or []
    }
    for item in index.frameworks.values():
        for i, competency in enumerate(item.model.competencies):
            if f"{item.model.id}/{competency.id}" not in developed:
                yield item.document.warning(
                    ("competencies", i, "id"),
                    "competency-uncovered",
                    framework=item.model.id,
                    competency=competency.id,
                )
