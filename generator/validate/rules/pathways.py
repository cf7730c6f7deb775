"""Pathways: known steps, each module once, in prerequisite order, fit for its audience."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.load.documents import Document, Loc
from generator.model.index import CurriculumIndex
from generator.problems.messages import backticked
from generator.problems.report import Problem
from generator.validate.collect import raw_items
from generator.validate.rules.common import found
from generator.validate.rules.rule import rule
from generator.validate.translate import close_match, loc_label


@rule(
    "Dalam jalur belajar, `assumes` dan setiap langkah menyebut modul yang ada, sebuah modul "
    "muncul paling banyak sekali, dan prasyarat setiap langkah sudah muncul sebelumnya atau "
    "di `assumes`; jalur belajar aktif tidak memuat modul draf, dan modul arsip atau yang "
    "tidak menyasar jabatan sasarannya diberi peringatan.",
    errors={
        "assumes-unknown": "`assumes` menyebut `{module}` yang bukan modul dikenal{hint}",
        "step-unknown": "langkah menyebut modul `{module}` yang tidak dikenal{hint}",
        "step-repeated": "modul `{module}` sudah ada di {first}; satu modul hanya boleh muncul "
        "sekali dalam jalur belajar",
        "step-also-assumed": "modul `{module}` sudah tercantum di `assumes`; hapus dari salah "
        "satunya",
        "step-draft": "jalur belajar aktif tidak boleh memuat modul draf `{module}`",
        "step-order": "modul `{module}` memerlukan `{prerequisite}`, yang harus muncul di langkah "
        "sebelumnya atau di `assumes`",
    },
    warnings={
        "step-archived": "modul `{module}` sudah diarsipkan; ganti dengan modul penggantinya",
        "step-audience": lambda module, audiences: (
            f"modul `{module}` tidak menyasar {backticked(audiences)}, padahal jalur belajar ini "
            "menyasarnya; tambahkan ke `audience` modul itu agar peta kompetensi tidak berlubang"
        ),
    },
)
def check_pathways(index: CurriculumIndex, today: datetime.date) -> Iterator[Problem]:
    modules = index.modules
    for item in index.pathways.values():
        pathway, document = item.model, item.document
        assumed = set()
        for i, module_id in enumerate(pathway.assumes or []):
            if not index.exists("module", module_id):
                yield document.error(
                    ("assumes", i),
                    "assumes-unknown",
                    module=module_id,
                    suggestion=close_match(module_id, modules),
                )
            assumed.add(module_id)
        earlier: dict[str, str] = {}
        for p, phase in enumerate(pathway.phases):
            for s, step in enumerate(phase.steps):
                loc = ("phases", p, "steps", s, "module")
                yield from _check_step(document, loc, pathway, step, index, earlier, assumed)
                earlier.setdefault(step.module, loc_label(loc[:-1]))
    # A pathway that failed its model still names its steps' modules: a typo there is
    # reported now, not hidden behind the file's other error.
    for document in index.unchecked:
        if document.kind != "pathway":
            continue
        for p, phase in raw_items(document.data, "phases"):
            for s, step in raw_items(phase, "steps"):
                module_id = step.get("module") if isinstance(step, dict) else None
                if isinstance(module_id, str):
                    loc = ("phases", p, "steps", s, "module")
                    yield from found(unknown_step(index, document, loc, module_id))


def unknown_step(
    index: CurriculumIndex, document: Document, loc: Loc, module_id: str
) -> Problem | None:
    """The `step-unknown` problem for the step's `module` at `loc`, if it names no module."""
    if index.exists("module", module_id):
        return None
    return document.error(
        loc,
        "step-unknown",
        module=module_id,
        suggestion=close_match(module_id, index.modules),
    )


def _check_step(document, loc, pathway, step, index, earlier, assumed) -> Iterator[Problem]:
    modules = index.modules
    if step.module not in modules:
        yield from found(unknown_step(index, document, loc, step.module))
        return
    if step.module in earlier:
        yield document.error(
            loc,
            "step-repeated",
            module=step.module,
            first=earlier[step.module],
        )
        return
    if step.module in assumed:
        yield document.error(
            loc,
            "step-also-assumed",
            module=step.module,
        )
        return
    module = modules[step.module].model
    offered = index.is_offered("pathway", pathway.id)
    if offered and not index.is_published("module", step.module):
        yield document.error(
            loc,
            "step-draft",
            module=step.module,
        )
    elif offered and not index.is_offered("module", step.module):
        yield document.warning(
            loc,
            "step-archived",
            module=step.module,
        )
    unserved = [
        audience
        for audience in pathway.audience
        if not index.serves("module", step.module, audience)
    ]
    if offered and unserved:
        # The competency map counts a module only for its own audience: this step would
        # leave a gap that the pathway promises to fill.
        yield document.warning(
            loc,
            "step-audience",
            module=step.module,
            audiences=list(unserved),
        )
    for prerequisite in module.prerequisites or []:
        if prerequisite == step.module:
            continue  # reported in the module itself
        if prerequisite in modules and prerequisite not in earlier and prerequisite not in assumed:
            yield document.error(
                loc,
                "step-order",
                module=step.module,
                prerequisite=prerequisite,
            )
