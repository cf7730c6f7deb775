"""The published schemas and format reference stay in step with the models and the files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.format import models as fmt
from generator.format.schema import DRAFT, SCHEMA_DIR, render_schemas, schema_line
from generator.load.documents import kind_of
from generator.render.reference import REFERENCE_PATH, render_reference
from tests.conftest import run_validate
from tests.constants import MINI, REPO

STALE = "berkas skema usang: jalankan `make schema` lalu commit hasilnya"
SCHEMAS = render_schemas()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_file_is_up_to_date(name):
    path = SCHEMA_DIR / name
    assert path.is_file(), f"{path} tidak ada; {STALE}"
    assert path.read_text(encoding="utf-8") == SCHEMAS[name], f"{name}: {STALE}"


def test_no_stale_schema_file_is_left_behind():
    assert sorted(path.name for path in SCHEMA_DIR.glob("*.schema.json")) == sorted(SCHEMAS)


def test_format_reference_is_up_to_date():
    assert REFERENCE_PATH.read_text(encoding="utf-8") == render_reference(), (
        f"{REFERENCE_PATH.name}: {STALE}"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_draft_2020_12(name):
    schema = json.loads(SCHEMAS[name])
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name


def _objects(schema: dict) -> Iterator[tuple[str, dict]]:
    """Yield (where, object schema) for the root and every $defs entry."""
    yield "(akar)", schema
    for name, definition in schema.get("$defs", {}).items():
        yield f"$defs.{name}", definition


def _untitled(schema: dict) -> list[str]:
    missing = []
    for where, definition in _objects(schema):
        if definition.get("type") == "object" or "properties" in definition:
            missing += [
                f"{where}: {key}" for key in ("title", "description") if not definition.get(key)
            ]
        for name, spec in definition.get("properties", {}).items():
            missing += [
                f"{where}.{name}: {key}" for key in ("title", "description") if not spec.get(key)
            ]
    return missing


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_a_title_and_description(name):
    schema = json.loads(SCHEMAS[name])
    assert _untitled(schema) == []
    assert schema.get("title") and schema.get("description")


def _format_models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(fmt).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == fmt.__name__
        and value is not fmt.Strict
        and "[" not in value.__name__  # RootModel[...] is pydantic's generic, not ours
    ]


@pytest.mark.parametrize("model", _format_models(), ids=lambda model: model.__name__)
def test_titles_are_written_not_generated(model):
    """Check titles are written in Indonesian, not pydantic's "Jp Minutes" from `jp_minutes`."""
    assert model.model_config.get("title"), f"{model.__name__}: model_config title"
    assert model.__doc__, f"{model.__name__}: docstring (the schema description)"
    for name, field in model.model_fields.items():
        if model.__pydantic_root_model__:
            continue
        assert field.title, f"{model.__name__}.{name}: title"
        assert field.description, f"{model.__name__}.{name}: description"


def _yaml_files(root: Path) -> list[Path]:
    files = sorted((root / "curriculum").rglob("*.y*ml"))
    config = root / "site_config.yml"
    return [config, *files] if config.is_file() else files


def _schema_line_problems(root: Path) -> list[str]:
    problems = []
    for path in _yaml_files(root):
        kind = kind_of(path.relative_to(root).as_posix())
        if kind is None:
            continue  # an unknown file is the validator's business
        expected = schema_line(kind, path.relative_to(REPO).as_posix())
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first != expected:
            problems.append(f"{path.relative_to(REPO)}: baris pertama harus `{expected}`")
    return problems


def test_schema_line_points_to_the_published_schema():
    assert schema_line("module", "curriculum/modules/spbe/keamanan-siber.yml") == (
        "# yaml-language-server: $schema=../../../generator/schema/module.schema.json"
    )
    assert schema_line("site_config", "site_config.yml") == (
        "# yaml-language-server: $schema=generator/schema/site_config.schema.json"
    )


def test_every_seed_file_starts_with_its_schema_line():
    assert _yaml_files(REPO), "kurikulum awal belum ada"
    assert _schema_line_problems(REPO) == []


def test_every_fixture_file_starts_with_its_schema_line():
    assert _schema_line_problems(MINI) == []


def test_every_schema_line_resolves_to_a_schema_file():
    for path in _yaml_files(REPO) + _yaml_files(MINI):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = first.split("$schema=", 1)[-1]
        assert (path.parent / target).resolve().is_file(), f"{path}: {target}"


def test_seed_curriculum_is_valid_in_strict_mode():
    result = run_validate(REPO, "--strict")
    assert result.exit_code == 0, result.output
    assert result.summary.endswith("tidak ada masalah."), result.output


def test_mini_fixture_has_only_its_intended_warnings():
    # integritas-dasar keeps a `<script>` the sanitiser removes (hostile text), and
    # analis-data one step whose module does not serve the pathway's audience, so
    # that the site's list of promised competency gaps has a known entry to show.
    result = run_validate(MINI)
    assert result.lines == [
        "curriculum/modules/nilai/integritas-dasar.yml:10:61: warning: `<script>` di "
        "`description` tidak diterbitkan (HTML itu dibuang dari halaman); skrip tidak pernah "
        "diterbitkan; hapus bagian ini",
        "curriculum/pathways/analis-data.yml:15:17: warning: modul `kolaborasi-tim` tidak "
        "menyasar `pelaksana`, padahal jalur belajar ini menyasarnya; tambahkan ke `audience` "
        "modul itu agar peta kompetensi tidak berlubang",
        "17 berkas diperiksa: 0 galat, 2 peringatan.",
    ]
    assert result.exit_code == 0
