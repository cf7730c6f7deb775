"""Build a project copy into a temporary folder, as a newcomer's checkout would."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

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
