"""Build a project copy into a temporary folder, as a newcomer's checkout would."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.constants import REPO, TODAY


def copy_project(curriculum_root: Path, dest: Path) -> Path:
    """Lay out a project: its curriculum and rules, with this repo's site identity and code."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(curriculum_root / "curriculum", dest / "curriculum")
    shutil.copy(curriculum_root / "site_config.yml", dest / "site_config.yml")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", dest / "overrides")
    shutil.copy(REPO / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    # mkdocs.yml names its hook by path; the package itself is installed in .venv.
    (dest / "generator").symlink_to(REPO / "generator")
    return dest


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator", *args, "--root", str(root), "--today", TODAY]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600)


def build(root: Path) -> subprocess.CompletedProcess:
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def tree_digest(folder: Path) -> dict[str, str]:
    """Map every file under folder to a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (pytest-xdist workers are separate processes)."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this test session, the same for every pytest-xdist worker."""
    base = tmp_path_factory.getbasetemp()
    # Under pytest-xdist each worker's basetemp is a folder inside the session's.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_site(
    name: str, source: Path, tmp_path_factory: pytest.TempPathFactory, engine: str = "mkdocs"
) -> Iterator[Path]:
    """Build `source` once per test session with `engine` and yield its site/, for tests
    that only read it.

    The first worker to get here builds under a lock; the others wait and reuse the build.
    A test that changes a project must make its own with copy_project: when the session
    ends, each worker checks that the shared project is byte for byte as it was built.
    """
    folder = _session_folder(tmp_path_factory) / f"bersama-{name}"
    project, digest, failed = folder / "proyek", folder / "digest.json", folder / "gagal.txt"
    with file_lock(folder.with_name(f"{folder.name}.lock")):
        if failed.is_file():
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        if not digest.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            copy_project(source, project)
            result = run_generator(project, "build", "--engine", engine)
            if result.returncode != 0:
                message = f"building the shared {name} site failed:\n{result.stdout}{result.stderr}"
                failed.write_text(message, encoding="utf-8")
                pytest.fail(message, pytrace=False)
            digest.write_text(json.dumps(tree_digest(project)), encoding="utf-8")
    yield project / "site"
    built = json.loads(digest.read_text(encoding="utf-8"))
    now = tree_digest(project)
    changed = sorted(path for path in built.keys() | now.keys() if built.get(path) != now.get(path))
    assert not changed, (
        f"a test changed the shared {name} project (tests that change a project must build "
        f"their own with copy_project): {changed[:20]}"
    )
