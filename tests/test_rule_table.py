"""The rule table says what the rules do: codes, severities and checks match the code.

Each rule is declared beside its check (generator.validate.rules.rule); these tests keep
the declarations honest: a concern module reports exactly the codes it declares, each
with its declared severity, its wording is what the catalogue answers with, and every
module that declares a rule is in the table.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from generator.problems import messages
from generator.problems.report import ERROR, WARNING
from generator.validate import collect, rules
from generator.validate.rules import RULES, structure
from generator.validate.rules.rule import declared_in

SEVERITY_OF_CALL = {"error": ERROR, "warning": WARNING}


def reported(module) -> dict[str, str]:
    """Every literal code a module passes to `error(path, position, code)` or
    `document.error(loc, code)` (and the `warning` twins), with its severity."""
    found = {}
    for node in ast.walk(ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name):
            name, at = node.func.id, 2
        elif isinstance(node.func, ast.Attribute):
            name, at = node.func.attr, 1
        else:
            continue
        if (
            name in SEVERITY_OF_CALL
            and len(node.args) > at
            and isinstance(node.args[at], ast.Constant)
        ):
            code = node.args[at].value
            assert found.setdefault(code, SEVERITY_OF_CALL[name]) == found[code], code
            found[code] = SEVERITY_OF_CALL[name]
    return found


def _rule_modules() -> list:
    names = [f"{rules.__name__}.{info.name}" for info in pkgutil.iter_modules(rules.__path__)]
    return [importlib.import_module(name) for name in names]


def _declared(module) -> dict[str, str]:
    return {
        code: level for rule in declared_in(module.__name__) for code, level in rule.codes.items()
    }


def test_every_reported_code_is_declared_with_its_severity():
    modules = [collect, *_rule_modules()]
    assert len(modules) > 5
    in_code = {code: level for module in modules for code, level in reported(module).items()}
    assert in_code == rules.codes()


def test_each_module_declares_the_codes_it_reports():
    """Module by module: the declaration sits beside the check that reports its codes.

    The ids rule is the one exception: declared in `structure`, applied in `collect`.
    """
    for module in _rule_modules():
        in_code = reported(module)
        if module is structure:
            in_code |= reported(collect)
        assert (module.__name__, in_code) == (module.__name__, _declared(module))


def test_every_module_that_declares_or_reports_a_rule_is_in_the_table():
    for module in _rule_modules():
        if _declared(module) or reported(module):
            assert module in rules.CONCERNS, module.__name__
    assert [rule for rule in RULES if rule.module not in {m.__name__ for m in rules.CONCERNS}] == []


def test_the_catalogue_answers_with_each_rules_own_wording():
    for rule in RULES:
        for code, wording in rule.wording.items():
            assert messages.MESSAGES[code] is wording, code


def test_each_code_belongs_to_one_rule_and_is_in_the_catalogue():
    declared = [code for rule in RULES for code in rule.codes]
    assert len(declared) == len(set(declared))
    assert [code for code in declared if code not in messages.MESSAGES] == []


def test_a_rules_check_lives_in_the_rules_package():
    for rule in RULES:
        assert rule.summary and rule.summary.endswith(".")
        if rule.check is None:
            assert set(rule.codes) == set(reported(collect)) != set()
        else:
            assert rule.check.__module__.startswith("generator.validate.rules.")
