"""Adding a rule end to end, the way CONTRIBUTING.md says: one declaration, one check.

An example concern module is written to a temporary file and added to the rule table as
a new module in `CONCERNS` would be. Declaring its rule is all it takes for validation to
report the rule's Indonesian message at the right line, for the message catalogue to know
the code, and for the format reference to list it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from generator.load.files import load_sources
from generator.problems import messages
from generator.render.reference import render_reference
from generator.validate import rules, validate
from generator.validate.rules import rule as rule_module
from tests.constants import MINI, TODAY_DATE

CODE = "track-description-missing"
SUMMARY = "Setiap jalur punya `description` yang menjelaskan isinya."
WORDING = "jalur `{track}` belum punya `description`; tambahkan agar halaman jalurnya tidak kosong"

EXAMPLE_CONCERN = f'''
"""Tracks: each says what it is about."""

from generator.validate.rules.rule import rule


@rule(
    {SUMMARY!r},
    warnings={{{CODE!r}: {WORDING!r}}},
)
def check_track_descriptions(index, today):
    for track_id, item in index.tracks.items():
        if item.model.description is None:
            yield item.document.warning(("id",), {CODE!r}, key=True, track=track_id)
'''


def _load_concern(path: Path):
    spec = importlib.util.spec_from_file_location("contoh_aturan_jalur", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reported(code: str) -> list[str]:
    problems = validate(load_sources(MINI), today=TODAY_DATE).problems
    return [problem.as_text() for problem in problems if problem.code == code]


@pytest.fixture
def isolated_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declarations made by a test leave the catalogue and the declared rules as they were."""
    monkeypatch.setattr(messages, "MESSAGES", dict(messages.MESSAGES))
    monkeypatch.setattr(rule_module, "_DECLARED", dict(rule_module._DECLARED))


@pytest.mark.usefixtures("isolated_registry")
def test_a_declared_rule_is_checked_worded_and_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing knows the code before the rule is declared.
    assert CODE not in messages.MESSAGES
    assert CODE not in render_reference()
    assert _reported(CODE) == []

    concern_file = tmp_path / "contoh_aturan_jalur.py"
    concern_file.write_text(EXAMPLE_CONCERN, encoding="utf-8")
    concern = _load_concern(concern_file)
    monkeypatch.setattr(rules, "RULES", rules.assemble([*rules.CONCERNS, concern]))

    # Validation reports it, worded in Indonesian and located at the key it is about.
    assert _reported(CODE) == [
        "curriculum/tracks/digital.yml:2:1: warning: jalur `digital` belum punya "
        "`description`; tambahkan agar halaman jalurnya tidak kosong"
    ]
    # The catalogue finds its wording through the declaration.
    assert messages.text(CODE, {"track": "nilai"}) == (
        "jalur `nilai` belum punya `description`; tambahkan agar halaman jalurnya tidak kosong"
    )
    # The format reference lists it, last in the cross-file rules' table.
    reference = render_reference()
    row = f"| {SUMMARY} | peringatan | `{CODE}` |"
    assert row in reference.splitlines()
    table = reference.split("## Aturan lintas berkas", 1)[1]
    assert [line for line in table.splitlines() if line.startswith("| ")][-1] == row


@pytest.mark.usefixtures("isolated_registry")
def test_a_code_is_declared_once() -> None:
    with pytest.raises(ValueError, match="prerequisite-cycle"):
        rule_module.declare(
            rule_module.Rule(
                "Contoh.", errors={"prerequisite-cycle": "siklus"}, module="contoh_aturan"
            )
        )
    assert rule_module.declared_in("contoh_aturan") == []
