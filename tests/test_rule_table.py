"""The rule table says what the rules do: codes, severities and checks match the code."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from generator.problems import messages
from generator.problems.report import ERROR, WARNING
from generator.validate import collect, rules
from generator.validate.rules import RULES

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


def test_every_reported_code_is_declared_with_its_severity():
    concerns = [f"{rules.__name__}.{info.name}" for info in pkgutil.iter_modules(rules.__path__)]
    modules = [collect, *map(importlib.import_module, concerns)]
    assert len(modules) > 5
    in_code = {code: level for module in modules for code, level in reported(module).items()}
    assert in_code == rules.codes()


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
