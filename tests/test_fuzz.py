"""Property tests: whatever a file holds, the validator reports located lines, never crashes.

Random text and bytes, and mutations of valid files, are written over one file of the
valid BASE project. For every example the validator must exit 0 or 1, print one
`path:line:col: severity: message` line per problem and a summary last, and point only
at lines that exist in the file.
"""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.pipeline import generate
from tests.conftest import BASE, run_validate, write_project
from tests.constants import TODAY_DATE

PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (error|warning): .+$")
SUMMARY = re.compile(r"^\d+ berkas diperiksa: (tidak ada masalah\.|\d+ galat, \d+ peringatan\.)$")
MODULE = "curriculum/modules/nilai/etika.yml"
# Everything YAML or our reader may count as the end of a line.
LINE_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces that make YAML change meaning: structure, anchors, tags, quotes, traps.
TOKENS = [
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\t",
    "  ",
    "#",
    "&a ",
    "*a",
    "&a [x, *a]",
    "!!",
    "!!python/object/apply:os.system ['true']",
    "!foo ",
    "!!binary ",
    "!!set ",
    "<<: ",
    "? ",
    "|",
    ">-",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "10:30",
    "no",
    "yes",
    "~",
    "0755",
    "2026-02-30",
    "2026-12-01",
    "1e999",
    "0x_",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x1b",
    "\r",
    "\u2028",
    "é",
    "😀",
    "\\",
    "\\x",
    '"\\u12"',
]


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("fuzz"))


def _check(root: Path, relpath: str, content: str | bytes) -> None:
    """Write `content` over `relpath` (BASE's copy is restored after) and check the report."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    (root / relpath).write_bytes(raw)
    try:
        result = run_validate(root)
    finally:
        (root / relpath).write_bytes(BASE[relpath].encode("utf-8"))
    assert result.exit_code in (0, 1), result.stderr
    assert result.lines, "nothing printed"
    assert SUMMARY.match(result.summary), result.summary
    text = raw.decode("utf-8", "replace")
    last_line = len(LINE_BREAKS.findall(text)) + 1
    for line in result.problems:
        match = PROBLEM.match(line)
        assert match, f"not a problem line: {line!r}"
        assert int(match["line"]) >= 1 and int(match["col"]) >= 1, line
        if match["path"] == relpath:
            assert int(match["line"]) <= last_line + 1, (line, last_line)
    if result.exit_code == 0:
        assert "error" not in {line.split(": ")[1] for line in result.problems}


# --- (a) random content ---------------------------------------------------------------------


@settings(FUZZ, max_examples=50)
@given(text=st.text(max_size=300))
def test_random_text(project_root, text):
    _check(project_root, MODULE, text)


@settings(FUZZ, max_examples=30)
@given(raw=st.binary(max_size=300))
def test_random_bytes(project_root, raw):
    _check(project_root, MODULE, raw)


@settings(FUZZ, max_examples=60)
@given(pieces=st.lists(st.sampled_from([*TOKENS, "id", "title", "x", "1", " "]), max_size=40))
def test_random_yaml_like_text(project_root, pieces):
    _check(project_root, MODULE, "".join(pieces))


# --- (b) mutations of valid files -------------------------------------------------------------


@st.composite
def _mutated(draw: st.DrawFn, original: str) -> str:
    text = original
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        operation = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "replace"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if operation == "delete":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=20)) :]
        elif operation == "duplicate":
            end = at + draw(st.integers(min_value=1, max_value=40))
            text = text[:end] + text[at:end] + text[end:]
        elif operation == "insert":
            token = draw(st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=3)))
            text = text[:at] + token + text[at:]
        elif operation == "swap":
            lines = text.split("\n")
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            key, _, _ = lines[i].partition(":")
            lines[i] = f"{key}: {draw(st.sampled_from(TOKENS))}"
            text = "\n".join(lines)
    return text


@settings(FUZZ, max_examples=120)
@given(text=_mutated(BASE[MODULE]))
def test_mutated_module(project_root, text):
    _check(project_root, MODULE, text)


@settings(FUZZ, max_examples=60)
@given(
    relpath_and_text=st.sampled_from(sorted(set(BASE) - {MODULE})).flatmap(
        lambda relpath: st.tuples(st.just(relpath), _mutated(BASE[relpath]))
    )
)
def test_mutated_other_files(project_root, relpath_and_text):
    relpath, text = relpath_and_text
    _check(project_root, relpath, text)


# --- (c) any value in any field: validate, and when valid, render -------------------------------

# BASE with every optional field filled in, so that every field of every kind of file can be
# replaced by an arbitrary value.
RICH: dict[str, Any] = {
    "site_config.yml": {
        "jp_minutes": 45,
        "annual_jp_target": 20,
        "default_timezone": "Asia/Jakarta",
        "weekly_jp_pace": 4,
        "tracks": ["nilai", "digital"],
    },
    "curriculum/competencies/digital.yml": {
        "id": "digital",
        "title": "Kompetensi Digital",
        "source": "Peraturan contoh",
        "description": "Uraian **kerangka** ASN.",
        "levels": [
            {"level": n, "title": f"Tingkat {n}", "description": "Uraian JP."} for n in (1, 2, 3)
        ],
        "competencies": [
            {
                "id": "data",
                "title": "Pengelolaan Data",
                "definition": "Definisi [tautan](https://contoh.go.id).",
                "behaviours": ["Membaca data."],
                "level_indicators": {1: "Membaca tabel data.", 3: "Menganalisis data."},
            }
        ],
    },
    "curriculum/tracks/digital.yml": {
        "id": "digital",
        "title": "Transformasi Digital",
        "summary": "Kecakapan digital.",
        "description": "Uraian jalur SPBE.",
        "icon": "material/laptop",
    },
    "curriculum/modules/digital/data-lanjut.yml": {
        "id": "data-lanjut",
        "title": "Analisis Data Layanan",
        "summary": "Menganalisis data layanan lintas unit.",
        "description": "Uraian *modul* dengan JP dan ASN.",
        "level": "menengah",
        "audience": ["administrator"],
        "objectives": ["Menganalisis data lintas unit."],
        "competencies": [{"ref": "digital/data", "level": 3}],
        "activities": [
            {"mode": "webinar", "minutes": 90, "title": "Webinar", "description": "Sesi JP."},
            {"mode": "on-the-job", "minutes": 180},
        ],
        "prerequisites": ["data-dasar"],
        "speakers": [{"name": "Nama", "role": "Narasumber", "organisation": "Instansi"}],
        "resources": [
            {"title": "Salindia", "url": "https://contoh.go.id/s.pdf", "kind": "slides"},
            {"title": "Modul dasar", "url": "/modul/data-dasar/", "kind": "link"},
        ],
        "engagement": ["Kuis"],
        "evaluation": {"pre_test": True, "post_test": False, "kirkpatrick": {1: "Survei"}},
        "accessibility": {
            "captions": True,
            "transcript": True,
            "sign_language": False,
            "low_bandwidth": "Audio saja",
        },
        "sessions": [
            {
                "start": "2026-12-10T09:00",
                "timezone": "Asia/Makassar",
                "minutes": 90,
                "platform": "Zoom",
                "registration_url": "https://contoh.go.id/daftar",
                "recording_url": "https://contoh.go.id/rekaman",
            }
        ],
        "status": "active",
        "owner": "Pusat",
        "reviewed": "2026-06-01",
        "tags": ["data"],
    },
    "curriculum/pathways/analis.yml": {
        "id": "analis",
        "title": "Jalur Analis Data",
        "summary": "Dari membaca data hingga menganalisisnya.",
        "description": "Uraian jalur belajar.",
        "audience": ["administrator"],
        "level": "dasar",
        "outcomes": ["Menganalisis data layanan."],
        "assumes": ["etika"],
        "phases": [
            {
                "title": "Sebelum webinar",
                "description": "Fase *pertama* JP.",
                "steps": [{"module": "data-dasar", "required": True, "note": "Catatan"}],
            },
            {"title": "Setelah webinar", "steps": [{"module": "data-lanjut"}]},
        ],
        "status": "active",
    },
    "curriculum/glossary.yml": [
        {"term": "JP", "expansion": "Jam Pelajaran", "definition": "Satuan *waktu* belajar."},
        {"term": "ASN", "definition": "Pegawai instansi pemerintah."},
    ],
}
RICH_PAGE = "curriculum/pages/tentang.md"
RICH_PAGE_TEXT = "# Tentang\n\nHalaman tentang JP dan [modul](https://contoh.go.id).\n"

# Values that have broken something before, or sit on a bound.
_EDGE_VALUES = [
    "9999-12-31T23:00",
    "0001-01-01T01:00",
    "2100-12-31T23:00",
    "2026-03-29T02:30",
    "Etc/GMT+12",
    "Etc/GMT-14",
    # The widest offsets of real places (Etc/GMT±N is refused as an offset, not a zone).
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Ujung_Pandang",
    "UTC+8",
    "Asia/Jayapura",
    "9999-12-31",
    "0001-01-01",
    "/modul/data-dasar/#x){:onmouseover=alert(1)}",
    "/",
    "//evil.example/",
    "https://contoh.go.id/" + "a" * 2000,
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "ZZ\r# Judul {: onclick=alert(1) }\rZZ",
    "*[JP]: ''",
    "wzxhzdk:0",
    "42",
    "<script>alert(1)</script>",
    "[" * 101,
    "a" * 10_001,
    0,
    -1,
    1,
    9,
    10,
    1440,
    1441,
    100_000,
    100_001,
    99_999_999_999,
    10**400,
    1.5,
    float("inf"),
    True,
    False,
    None,
    [],
    {},
    ["x"],
    {"a": 1},
]

_VALUES = st.recursive(
    st.one_of(
        st.sampled_from(_EDGE_VALUES),
        st.text(max_size=60),
        st.integers(),
        st.booleans(),
        st.none(),
        st.floats(allow_nan=False),
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "title", "level", "1"]), children, max_size=2)
    ),
    max_leaves=5,
)


def _leaves(data: Any, loc: tuple = ()) -> list[tuple]:
    """Every location in `data`: mappings, lists and the values in them."""
    found = [loc]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _leaves(value, (*loc, i))
    return found


_LOCATIONS = [(relpath, loc) for relpath, data in RICH.items() for loc in _leaves(data)[1:]]


def _replaced(data: Any, loc: tuple, value: Any) -> Any:
    copy = json.loads(json.dumps(data))  # keys become text; put integer keys back below
    target = copy
    for part in loc[:-1]:
        target = target[part if isinstance(target, list) else str(part)]
    key = loc[-1]
    target[key if isinstance(target, list) else str(key)] = value
    return copy


def _yaml(data: Any) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    # json turned the integer level keys into text; YAML must read them as integers again.
    return re.sub(r"^(\s*)'([1-9])':", r"\1\2:", text, flags=re.MULTILINE)


@pytest.fixture(scope="module")
def rich_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("rich"))
    for relpath, data in RICH.items():
        (root / relpath).write_text(_yaml(data), encoding="utf-8")
    (root / RICH_PAGE).parent.mkdir(parents=True, exist_ok=True)
    (root / RICH_PAGE).write_text(RICH_PAGE_TEXT, encoding="utf-8")
    return root


def test_rich_project_is_valid_and_renders(rich_root):
    generated = generate(rich_root, today=TODAY_DATE)
    assert [problem.message for problem in generated.validation.problems] == []
    assert generated.pages


def _generate_with(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    original = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        generated = generate(root, today=TODAY_DATE)
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)
    if generated.validation.ok:
        assert generated.pages
    for problem in generated.validation.problems:
        assert problem.line >= 1 and problem.col >= 1, problem


@settings(FUZZ, max_examples=200)
@given(where=st.sampled_from(_LOCATIONS), value=_VALUES)
def test_any_value_in_any_field_validates_and_renders(rich_root, where, value):
    relpath, loc = where
    _generate_with(rich_root, relpath, _yaml(_replaced(RICH[relpath], loc, value)))


@settings(FUZZ, max_examples=60)
@given(
    name=st.text(
        st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=80,
    ).filter(lambda name: name not in (".", "..")),
    text=st.one_of(st.text(max_size=300), st.sampled_from([RICH_PAGE_TEXT, "[" * 101])),
)
def test_any_page_name_and_text_validate_and_render(rich_root, name, text):
    try:
        _generate_with(rich_root, f"curriculum/pages/{name}.md", text)
    except OSError as exc:  # a name the file system itself refuses (too long, ...)
        assume(exc.errno in (errno.ENAMETOOLONG, errno.EILSEQ, errno.EINVAL))
