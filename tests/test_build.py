"""The build as a maintainer sees it: reproducible, atomic, nothing written on error."""

from __future__ import annotations

import os

import pytest

from tests.constants import FIXTURES
from tests.sitebuild import build, copy_project, run_generator, tree_digest

pytestmark = pytest.mark.slow

MINI = FIXTURES / "mini"


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "proyek")


def test_two_builds_in_different_folders_are_byte_identical(tmp_path):
    first = copy_project(MINI, tmp_path / "satu")
    second = copy_project(MINI, tmp_path / "dua")
    build(first)
    build(second)
    assert tree_digest(first / "site") == tree_digest(second / "site")
    assert tree_digest(first / "docs") == tree_digest(second / "docs")


def test_rebuild_rewrites_no_unchanged_markdown(project):
    build(project)
    before = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")}
    result = run_generator(project, "build", "--markdown-only")
    assert result.returncode == 0, result.stderr
    assert "(0 berubah, 0 dihapus)" in result.stdout
    after = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")}
    assert before == after


def test_page_of_a_deleted_module_is_removed_from_docs(project):
    modules = project / "curriculum" / "modules"
    track = sorted(p for p in modules.iterdir() if p.is_dir())[0]
    original = next(
        path
        for path in sorted(track.glob("*.yml"))
        if "status: draft" not in path.read_text(encoding="utf-8")
    )
    copy = track / "salinan-uji.yml"
    copy.write_text(
        original.read_text(encoding="utf-8").replace(
            f"id: {original.stem}\n", "id: salinan-uji\n", 1
        ),
        encoding="utf-8",
    )
    result = run_generator(project, "build", "--markdown-only")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "docs" / "modul" / "salinan-uji" / "index.md").is_file()
    copy.unlink()
    result = run_generator(project, "build", "--markdown-only")
    assert result.returncode == 0, result.stdout + result.stderr
    # Its page, and the calendar file of each of its sessions.
    sessions = original.read_text(encoding="utf-8").count("  - start:")
    assert f"{1 + sessions} dihapus" in result.stdout
    assert not (project / "docs" / "modul" / "salinan-uji" / "index.md").exists()
    assert not list((project / "docs").rglob("salinan-uji*"))


def test_invalid_curriculum_writes_nothing_and_keeps_the_site(project):
    build(project)
    site_before = tree_digest(project / "site")
    docs_before = tree_digest(project / "docs")
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "jp_minute: 45\n", encoding="utf-8")
    result = run_generator(project, "build")
    assert result.returncode == 1
    assert "site_config.yml:" in result.stderr
    assert "kolom `jp_minute` tidak dikenal" in result.stderr
    assert "situs lama tetap utuh" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project / "docs") == docs_before


@pytest.mark.parametrize(("engine", "name"), [("mkdocs", "MkDocs"), ("zensical", "Zensical")])
def test_failed_engine_build_keeps_the_previous_site(project, engine, name):
    built = run_generator(project, "build", "--engine", engine)
    assert built.returncode == 0, built.stdout + built.stderr
    site_before = tree_digest(project / "site")
    # The validator checks every curriculum link, so break the engine through a theme
    # override instead (Zensical, unlike MkDocs, builds past a nav entry naming no page).
    override = project / "overrides" / "partials" / "copyright.html"
    override.write_text("{% if %}rusak{% endif %}\n", encoding="utf-8")
    result = run_generator(project, "build", "--engine", engine)
    assert result.returncode == 1
    assert f"{name} gagal membangun situs; situs lama tetap utuh" in result.stderr
    assert "copyright.html" in result.stderr
    assert tree_digest(project / "site") == site_before
    leftovers = [entry for entry in os.listdir(project) if entry.startswith(".site-")]
    assert leftovers == []


def test_failed_search_index_keeps_the_previous_site(project, monkeypatch, tmp_path):
    build(project)
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    site_before = tree_digest(project / "site")
    module = project / "curriculum" / "modules" / "nilai" / "integritas-dasar.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "title: Integritas dalam Pelayanan", "title: Integritas dalam Pelayanan Publik"
        ),
        encoding="utf-8",
    )
    # A Pagefind that fails, through the variable its Python wrapper reads for its binary.
    failing = tmp_path / "pagefind-gagal"
    failing.write_text("#!/bin/sh\necho 'Error: disk penuh' >&2\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(failing))
    result = run_generator(project, "build")
    assert result.returncode == 1
    assert "Pagefind gagal membuat indeks pencarian; situs lama tetap utuh" in result.stderr
    assert "disk penuh" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == site_before
    leftovers = [name for name in os.listdir(project) if name.startswith(".site-")]
    assert leftovers == []
