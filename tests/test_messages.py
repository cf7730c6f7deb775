"""The message catalogue: every code documented, in CONTRIBUTING.md or the format reference.

The sqlite-utils habit: a test fails when a code editors can meet is documented nowhere, or
when the guide's table still names a code the catalogue no longer has. A cross-file rule's
codes are documented by its declaration: the format reference's "Aturan lintas berkas"
table is rendered from it, so a new rule needs no row in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.problems import messages
from generator.problems.report import error
from generator.render.reference import render_rules
from generator.validate import rules

GUIDE = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"
CODE = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`")


def documented_codes() -> list[str]:
    """The codes in the first column of section 4's tables, in the order they appear."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("\n## 4.", 1)[1].split("\n## 5.", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Kode |"), "each table's first column is the codes"
    codes = []
    for row in rows:
        if row.startswith("| Kode |"):
            continue
        first = row.split(" | ", 1)[0].removeprefix("| ")
        found = CODE.findall(first)
        assert found, f"a row without a code: {row[:80]}"
        codes.extend(found)
    return codes


def reference_codes() -> list[str]:
    """The codes in the last column of the format reference's cross-file rules' table."""
    section = "\n".join(render_rules()).split("## Aturan lintas berkas", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Aturan | Tingkat | Kode |"
    return [code for row in rows[1:] for code in CODE.findall(row.rsplit(" | ", 1)[1])]


def test_every_code_is_documented_in_contributing_or_the_reference():
    missing = sorted(set(messages.MESSAGES) - set(documented_codes()) - set(reference_codes()))
    assert missing == [], f"codes in neither CONTRIBUTING.md section 4 nor the reference: {missing}"


def test_the_reference_lists_every_rule_code():
    assert sorted(reference_codes()) == sorted(rules.codes())


def test_contributing_names_no_code_that_does_not_exist():
    stale = sorted(set(documented_codes()) - set(messages.MESSAGES))
    assert stale == [], f"CONTRIBUTING.md section 4 names codes the catalogue lacks: {stale}"


def test_each_code_is_documented_once():
    codes = documented_codes()
    assert sorted(code for code in set(codes) if codes.count(code) > 1) == []


def test_codes_are_short_lowercase_kebab():
    assert [code for code in messages.MESSAGES if not CODE.fullmatch(f"`{code}`")] == []


def test_a_problem_carries_its_code_and_fields_and_the_catalogue_wording():
    problem = error("a.yml", (3, 4), "prerequisite-unknown", module="etik", suggestion="etika")
    assert (problem.code, problem.fields) == (
        "prerequisite-unknown",
        {"module": "etik", "suggestion": "etika"},
    )
    assert problem.message == (
        "prasyarat `etik` bukan modul yang dikenal; mungkin maksud Anda `etika`?"
    )


def test_did_you_mean_is_built_in_one_place():
    # As built, with the suggestion in backticks; the format reference only names it.
    sources = Path(messages.__file__).parent.rglob("*.py")
    places = {
        path.name: path.read_text(encoding="utf-8").count("mungkin maksud Anda `")
        for path in sources
    }
    assert {name: count for name, count in places.items() if count} == {"messages.py": 1}


def test_every_code_is_used_by_the_generator():
    """A code no module or template reports any more is removed from the catalogue (and guide).

    A rule's codes are written in its declaration, so for them tests/test_rule_table.py
    checks instead that its module reports each one.
    """
    package = Path(messages.__file__).parent.parent
    sources = "".join(
        path.read_text(encoding="utf-8")
        for path in [*package.rglob("*.py"), *package.rglob("templates/*.j2")]
        if path != Path(messages.__file__)
    )
    own = [code for code in messages.MESSAGES if code not in rules.codes()]
    assert len(own) > 50
    assert [code for code in own if f'"{code}"' not in sources] == []


def test_a_problem_is_identified_without_its_wording_or_advice():
    first = error("a.yml", (3, 4), "prerequisite-unknown", module="etik", suggestion="etika")
    moved = error("a.yml", (9, 4), "prerequisite-unknown", module="etik", suggestion="etiket")
    other = error("a.yml", (3, 4), "prerequisite-unknown", module="etis", suggestion="etika")
    assert first.identity() == moved.identity() != other.identity()
