"""How a cross-file rule is declared: once, beside its check, with everything it says.

    @rule(
        "Prasyarat tidak membentuk siklus; pesannya menyebut seluruh siklus.",
        errors={"prerequisite-cycle": lambda cycle: "prasyarat membentuk siklus: …"},
    )
    def check_cycles(index, today): ...

A declaration names the codes the check reports, the severity of each (the mapping it is
in), the Indonesian wording of each (a catalogue entry: a `str.format` template or a
function of the problem's fields, see generator.problems.messages) and a one-line
Indonesian summary for the format reference. Declaring a rule adds its wording to the
message catalogue, so `document.error(loc, code)` finds it like any other code, and
records the rule under its module; `generator.validate.rules` assembles the table from
the concern modules in a fixed order, and each module's rules in the order declared.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from generator.model.index import CurriculumIndex
from generator.problems import messages
from generator.problems.messages import Template
from generator.problems.report import ERROR, WARNING, Problem

Check = Callable[[CurriculumIndex, datetime.date], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One cross-file rule: its summary, its codes' wording by severity, and its check.

    `check` is None for the rule that is applied while the documents are collected
    (ids), since it decides what is indexed at all.
    """

    summary: str
    errors: Mapping[str, Template] = field(default_factory=dict)
    warnings: Mapping[str, Template] = field(default_factory=dict)
    check: Check | None = None
    # The concern module that declares it: where the table looks for it.
    module: str = ""

    @property
    def codes(self) -> dict[str, str]:
        """Code → severity, errors first (the order the format reference lists them)."""
        return {**dict.fromkeys(self.errors, ERROR), **dict.fromkeys(self.warnings, WARNING)}

    @property
    def wording(self) -> dict[str, Template]:
        """Code → its catalogue entry."""
        return {**self.errors, **self.warnings}

    @property
    def severity(self) -> str:
        """`error`, `warning`, or `error/warning` for a rule that reports both."""
        found = [severity for severity in (ERROR, WARNING) if severity in self.codes.values()]
        return "/".join(found)


# Declared rules by module name, each module's in declaration order.
_DECLARED: dict[str, list[Rule]] = {}


def declare(declared: Rule) -> Rule:
    """Record a rule under its module and add its wording to the message catalogue.

    A code already in the catalogue is refused: a code has one wording and one rule.
    """
    if not declared.module:
        raise ValueError(f"rule without a module: {declared.summary}")
    overlap = declared.errors.keys() & declared.warnings.keys()
    if overlap:
        raise ValueError(f"codes declared both as error and warning: {sorted(overlap)}")
    messages.register(declared.wording)
    _DECLARED.setdefault(declared.module, []).append(declared)
    return declared


def rule(
    summary: str,
    *,
    errors: Mapping[str, Template] | None = None,
    warnings: Mapping[str, Template] | None = None,
) -> Callable[[Check], Check]:
    """Declare the check beneath as a rule; the check itself is returned unchanged."""

    def declare_check(check: Check) -> Check:
        declare(Rule(summary, dict(errors or {}), dict(warnings or {}), check, check.__module__))
        return check

    return declare_check


def declared_in(module_name: str) -> list[Rule]:
    """The rules a module declares, in the order it declares them."""
    return list(_DECLARED.get(module_name, []))
