"""The editor and the validator agree: the real yaml-language-server against the schema.

Editors see the schema through their YAML extension (the `# yaml-language-server:
$schema=` line); the pull request sees the validator. Each typical mistake must be marked
in both at the same line and column, and a valid file must be clean in both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import FRAMEWORK_WITH_LEVELS, MODULE_ETIKA, PATHWAY
from tests.constants import MINI, REPO
from tests.yamlls import LanguageServer

MODULE = "curriculum/modules/nilai/etika.yml"
SCHEMA_LINE = "# yaml-language-server: $schema=../../../generator/schema/module.schema.json\n"
# Where the editor "opens" the test module: the schema line resolves against the repository.
EDITED = REPO / MODULE
ETIKA = SCHEMA_LINE + MODULE_ETIKA
# The server's own English, which the schema's errorMessage replaces where it can.
ENGLISH = re.compile(r"Incorrect type|Value is not accepted|Property .* is not allowed|Missing")


@pytest.fixture(scope="module")
def server():
    language_server = LanguageServer()
    yield language_server
    language_server.close()


def _curriculum_files(root: Path) -> list[Path]:
    return [root / "site_config.yml", *sorted((root / "curriculum").rglob("*.yml"))]


@pytest.mark.parametrize("root", [REPO, MINI], ids=["seed", "mini"])
def test_no_diagnostic_on_a_valid_curriculum(server, root):
    marked = server.diagnose_all(_curriculum_files(root))
    assert {
        path.relative_to(root).as_posix(): found for path, found in marked.items() if found
    } == {}
    assert len(marked) > 10


def _replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# (mistake, module text, positions both must mark, what the editor says there)
MISTAKES = [
    ("typo key", _replace(ETIKA, "\nlevel:", "\nlevle:"), [(5, 1)], "kolom tidak dikenal"),
    (
        "bad choice",
        _replace(ETIKA, "mode: e-learning", "mode: komunitas"),
        [(15, 11)],
        "Moda harus salah satu dari: webinar, recording",
    ),
    ("zero minutes", _replace(ETIKA, "minutes: 45", "minutes: 0"), [(16, 14)], "minimum of 0"),
    (
        "missing key",
        _replace(ETIKA, "summary: Menerapkan nilai akuntabel dalam pelayanan publik.\n", ""),
        [(2, 1)],
        "kolom wajib: id, title, summary",
    ),
    (
        "text for a number",
        _replace(ETIKA, "minutes: 45", "minutes: 45 menit"),
        [(16, 14)],
        "Menit harus berupa bilangan bulat",
    ),
    (
        "list for a text",
        _replace(ETIKA, "title: Etika Pelayanan", "title:\n  - Etika"),
        [(4, 3)],
        "Judul harus berupa teks",
    ),
    ("number for a text", ETIKA + "owner: 12\n", [(17, 8)], "Pemilik harus berupa teks"),
    (
        "text for a mapping",
        ETIKA + "evaluation: yes\n",
        [(17, 13)],
        "Evaluasi harus berupa pemetaan",
    ),
    (
        "text for a list",
        ETIKA + "prerequisites: data-dasar\n",
        [(17, 16)],
        "Prasyarat harus berupa daftar",
    ),
    (
        "day and month swapped",
        ETIKA + "reviewed: 30-11-2026\n",
        [(17, 11)],
        "Tanggal telaah harus berupa tanggal YYYY-MM-DD",
    ),
    (
        "yes for true",
        ETIKA + "accessibility:\n  captions: yes\n",
        [(18, 13)],
        "Teks takarir harus `true` atau `false`",
    ),
    (
        "Indonesian boolean",
        ETIKA + "evaluation:\n  pre_test: ya\n",
        [(18, 13)],
        "Pre-test harus `true` atau `false`",
    ),
    (
        "Kirkpatrick level 5",
        ETIKA + "evaluation:\n  kirkpatrick:\n    1: Survei.\n    5: Dampak.\n",
        [(20, 5)],
        "kunci harus salah satu dari: 1, 2, 3, 4",
    ),
    (
        "capitals in a prerequisite",
        ETIKA + "prerequisites:\n  - Data-Dasar\n",
        [(18, 5)],
        "Prasyarat harus berupa slug",
    ),
]
# Read alike by both: YAML 1.2 has no dates or `yes`, so these are text, as written.
ACCEPTED = [
    ("unquoted date", ETIKA + "reviewed: 2026-06-01\n"),
    ("quoted date", ETIKA + 'reviewed: "2026-06-01"\n'),
    ("yes in a text", ETIKA + "owner: yes\n"),
    ("clock time in a text", ETIKA + "tags:\n  - 10:30\n"),
    ("Kirkpatrick levels", ETIKA + "evaluation:\n  kirkpatrick:\n    1: Survei.\n    4: Hasil.\n"),
    ("empty optional list", ETIKA + "prerequisites:\n"),
    # A JSON key is always text: `"1":` is the level 1 for the validator and every client.
    ("quoted Kirkpatrick level", ETIKA + 'evaluation:\n  kirkpatrick:\n    "1": Survei.\n'),
]


def _validator_positions(validate, text: str) -> list[tuple[int, int]]:
    result = validate({MODULE: text})
    positions = []
    for line in result.problems:
        path, line_number, col, _rest = line.split(":", 3)
        assert path == MODULE, line
        positions.append((int(line_number), int(col)))
    return sorted(set(positions))


@pytest.mark.parametrize(
    ("text", "positions", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_mistake_is_marked_where_the_validator_reports_it(
    server, validate, text, positions, says
):
    assert _validator_positions(validate, text) == positions
    marked = server.diagnostics(EDITED, text)
    assert [(d.line, d.col) for d in marked if (d.line, d.col) in positions] == positions
    messages = [d.message for d in marked if (d.line, d.col) in positions]
    assert any(says in message for message in messages), messages
    # In Indonesian wherever the schema can say it: not ranges, which are the server's.
    if says != "minimum of 0":
        assert [d.message for d in marked if ENGLISH.search(d.message)] == []


@pytest.mark.parametrize("text", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_what_the_validator_accepts_the_editor_accepts(server, validate, text):
    assert _validator_positions(validate, text) == []
    assert server.diagnostics(EDITED, text) == []


def test_a_typo_key_is_marked_with_what_is_allowed(server):
    text = _replace(ETIKA, "\nlevel:", "\nlevle:")
    marked = {(d.line, d.col): d.message for d in server.diagnostics(EDITED, text)}
    # The server also marks the missing `level` at the top; the validator's "did you mean"
    # names both in one message.
    assert sorted(marked) == [(2, 1), (5, 1)]
    assert "kolom wajib: id, title, summary, level" in marked[(5, 1)]


def test_hover_shows_one_title_plain_backticks_and_a_label_per_value(server):
    line = ETIKA.split("\n").index("level: dasar") + 1
    shown = server.hover(EDITED, line, 9, ETIKA)
    assert shown.startswith("#### Tingkat\n\n`dasar`, `menengah` atau `lanjut`.")
    assert "||" not in shown and "\\`" not in shown
    assert "* `dasar`: Dasar\n* `menengah`: Menengah\n* `lanjut`: Lanjut" in shown


def test_hover_on_an_optional_key_shows_its_title_once(server):
    text = ETIKA + "owner: Pusat Pengembangan\n"
    shown = server.hover(EDITED, 17, 3, text)
    assert shown.startswith("#### Pemilik\n\nUnit penanggung jawab.")
    assert "||" not in shown


def test_completion_never_writes_null(server):
    text = ETIKA + "pre\n"
    items = server.completion(EDITED, 17, 4, text)
    offered = {item["label"]: item.get("insertText", "") for item in items}
    assert "prerequisites" in offered and "sessions" in offered
    assert [label for label, insert in offered.items() if "null" in insert.lower()] == []


def test_level_indicator_keys_are_read_alike_quoted_or_not_and_off_scale_marked(server, validate):
    path = "curriculum/competencies/digital.yml"
    text = "# yaml-language-server: $schema=../../generator/schema/framework.schema.json\n"
    quoted = text + _replace(FRAMEWORK_WITH_LEVELS, "      1: Membaca", '      "1": Membaca')
    assert validate({path: quoted}).outcome == (0, [])
    assert server.diagnostics(REPO / path, quoted) == []
    wrong = text + _replace(FRAMEWORK_WITH_LEVELS, "      1: Membaca", "      10: Membaca")
    result = validate({path: wrong})
    assert [line.split(": error: ")[0] for line in result.problems] == [f"{path}:16:7"]
    marked = server.diagnostics(REPO / path, wrong)
    assert [(d.line, d.col, d.message) for d in marked] == [
        (16, 7, "kunci harus salah satu dari: 1, 2, 3, 4, 5, 6, 7, 8, 9")
    ]


def test_an_indonesian_boolean_in_a_pathway_is_marked_by_both(server, validate):
    path = "curriculum/pathways/analis.yml"
    text = "# yaml-language-server: $schema=../../generator/schema/pathway.schema.json\n"
    text += _replace(PATHWAY, "required: false", "required: tidak")
    result = validate({path: text})
    assert [line.split(": error: ")[0] for line in result.problems] == [f"{path}:18:19"]
    marked = server.diagnostics(REPO / path, text)
    assert [(d.line, d.col) for d in marked] == [(18, 19)]
    assert marked[0].message.startswith("Wajib harus `true` atau `false`")


# --- the same schema read by a standard JSON Schema 2020-12 validator over the JSON form ---
# A pre-commit hook or another IDE reads a curriculum file as JSON data, where every key is
# text ("1", never 1): it must give the validator's verdict as the editor's server does.


def _json_form(relpath: str, text: str):
    from generator.load.documents import kind_of
    from generator.load.yaml_document import load_document

    kind = kind_of(relpath)
    document, problems = load_document(relpath, kind, text.encode("utf-8"))
    assert document is not None, problems
    return kind, json.loads(json.dumps(document.data))


def _json_errors(relpath: str, text: str) -> list[str]:
    kind, data = _json_form(relpath, text)
    schema = json.loads((REPO / "generator/schema" / f"{kind}.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    return [error.message for error in validator.iter_errors(data)]


@pytest.mark.parametrize("root", [REPO, MINI], ids=["seed", "mini"])
def test_every_curriculum_file_is_valid_as_json_data(root):
    found = {
        path.relative_to(root).as_posix(): _json_errors(
            path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")
        )
        for path in _curriculum_files(root)
    }
    assert {path: errors for path, errors in found.items() if errors} == {}
    # The level keys are there, as text: what an integer-only enum refused.
    kirkpatrick = [
        data["evaluation"]["kirkpatrick"]
        for data in (_json_form(path, (root / path).read_text("utf-8"))[1] for path in found)
        if isinstance(data, dict) and (data.get("evaluation") or {}).get("kirkpatrick")
    ]
    assert kirkpatrick and all(isinstance(key, str) for keys in kirkpatrick for key in keys)


@pytest.mark.parametrize(
    ("text", "positions"), [m[1:3] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_mistake_the_validator_reports_is_refused_as_json_data(validate, text, positions):
    assert _validator_positions(validate, text) == positions
    assert _json_errors(MODULE, text) != []


@pytest.mark.parametrize("text", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_what_the_validator_accepts_is_accepted_as_json_data(validate, text):
    assert _validator_positions(validate, text) == []
    assert _json_errors(MODULE, text) == []
