"""The rules that span files, as data: `RULES`, assembled from the concern modules.

Each rule is declared once, beside its check, in the module of its concern (see
`generator.validate.rules.rule`): its codes with the severity and Indonesian wording of
each, and a one-line Indonesian summary for editors. The table lists the concern
modules' rules in the order of `CONCERNS`, each module's in the order it declares them;
that is the order the rules run in and the order the format reference's rules section
(rendered from `RULES`) lists them. A test checks that every code a concern module
reports is declared with the severity it is reported with, and the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from generator.validate.rules import (
    competencies,
    durations,
    glossary,
    html,
    links,
    outcomes,
    pages,
    pathways,
    prerequisites,
    resources,
    sessions,
    structure,
    texts,
)
from generator.validate.rules.rule import Check, Rule, declared_in

__all__ = ["CONCERNS", "RULES", "Check", "Rule", "assemble", "codes"]

# The order the rules run in and are listed in; a new concern module is added here.
CONCERNS: tuple[ModuleType, ...] = (
    structure,
    competencies,
    prerequisites,
    durations,
    pathways,
    sessions,
    links,
    html,
    pages,
    glossary,
    resources,
    texts,
    outcomes,
)


def assemble(concerns: Iterable[ModuleType]) -> tuple[Rule, ...]:
    """The rules the concern modules declare: module by module, each in declaration order."""
    return tuple(rule for module in concerns for rule in declared_in(module.__name__))


RULES: tuple[Rule, ...] = assemble(CONCERNS)


def codes() -> dict[str, str]:
    """Every code the rules report, with its severity."""
    return {code: severity for rule in RULES for code, severity in rule.codes.items()}
