"""Reading a project: a folder, or a set of files already read, into `Sources`.

`read_folder` reads site_config.yml and every regular file under curriculum/ (symlinks are
named, never followed) into `SourceFiles`; `load_files` takes each file for what its path
says it is (a free page, a YAML file of a known kind, or a file in the wrong place), checks
page names and loads each YAML file with `load_document`. `generator diff` reads a git
revision into the same `SourceFiles`, so both sides go through this one loader.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from generator.format.models import MAX_FILE_BYTES, MAX_PAGE_NAME_CHARS, WINDOWS_RESERVED
from generator.load.characters import read_text
from generator.load.documents import (
    PAGES_DIR,
    SITE_CONFIG,
    Document,
    Page,
    SourceFiles,
    Sources,
    kind_of,
)
from generator.load.yaml_document import load_document
from generator.problems.report import Problem, error


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while building many long-lived objects.

    Loading and validating make hundreds of thousands of containers that all survive and
    hardly any cycles; CPython's collector would rescan them again and again, which costs a
    third of the run and frees nothing. Cycles left behind are collected afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_sources(root: Path) -> Sources:
    """Read site_config.yml and every file under curriculum/."""
    sources = load_files(read_folder(root))
    sources.root = root
    return sources


def changed_paths(root: Path) -> set[str]:
    """The curriculum files git sees as new or changed: against the pull request's base in
    GitHub Actions, else against HEAD (with untracked files); empty when git cannot tell."""
    base = os.environ.get("GITHUB_BASE_REF")
    commands = [["status", "--porcelain", "--untracked-files=all", "--", "curriculum"]]
    if base:
        commands.append(["diff", "--name-only", f"origin/{base}...HEAD", "--", "curriculum"])
    found: set[str] = set()
    for command in commands:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *command],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode != 0:
            continue
        for line in done.stdout.splitlines():
            path = line[3:] if command[0] == "status" else line
            found.add(path.split(" -> ")[-1].strip().strip('"'))
    return found


def read_folder(root: Path) -> SourceFiles:
    """Read site_config.yml and every regular file under curriculum/; symlinks are named only.

    An unreadable file raises OSError.
    """
    config = root / SITE_CONFIG
    symlinks = [SITE_CONFIG] if config.is_symlink() else []
    paths, walk_symlinks = curriculum_files(root)
    symlinks.extend(walk_symlinks)
    if config.is_file() and not config.is_symlink():
        paths.insert(0, config)
    contents = {path.relative_to(root).as_posix(): path.read_bytes() for path in paths}
    return SourceFiles(contents, symlinks)


def load_files(files: SourceFiles) -> Sources:
    """Load curriculum files already read (see `SourceFiles`), in the loader's file order."""
    with paused_gc():
        return _load_files(files)


def file_order(relpath: str) -> tuple[bool, PurePosixPath]:
    """site_config.yml first, then the curriculum files as the folder walk sorts them."""
    return (relpath != SITE_CONFIG, PurePosixPath(relpath))


def _load_files(files: SourceFiles) -> Sources:
    documents: list[Document] = []
    pages: list[Page] = []
    problems: list[Problem] = []
    if SITE_CONFIG in files.symlinks:
        problems.append(error(SITE_CONFIG, (1, 1), "symlink"))
    elif SITE_CONFIG not in files.contents:
        problems.append(error(SITE_CONFIG, (1, 1), "site-config-missing"))
    problems.extend(
        error(relpath, (1, 1), "symlink") for relpath in files.symlinks if relpath != SITE_CONFIG
    )
    for relpath in sorted(files.contents, key=file_order):
        raw = files.contents[relpath]
        if len(raw) > MAX_FILE_BYTES:
            line = raw.count(b"\n", 0, MAX_FILE_BYTES) + 1
            problems.append(
                error(
                    relpath,
                    (line, 1),
                    "file-too-large",
                    size=len(raw),
                    limit=MAX_FILE_BYTES,
                    line=line,
                )
            )
            continue
        if relpath.startswith(PAGES_DIR):
            page_problems = _page_name_problems(relpath)
            problems.extend(page_problems)
            if page_problems:
                continue
            text, text_problems = read_text(relpath, raw)
            problems.extend(text_problems)
            if text is not None and not text_problems:
                pages.append(Page(relpath, text))
            continue
        kind = kind_of(relpath)
        if kind is None:
            problems.append(error(relpath, (1, 1), _unexpected_file_code(relpath)))
            continue
        document, file_problems = load_document(relpath, kind, raw)
        problems.extend(file_problems)
        if document is not None:
            documents.append(document)
    return Sources(documents, pages, problems, len(files.contents))


_PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")
_PAGE_NAME_MAX = MAX_PAGE_NAME_CHARS


def curriculum_files(root: Path) -> tuple[list[Path], list[str]]:
    """Every regular file under curriculum/, sorted, and the symlinks met (never followed).

    A symlink could publish any file of the machine that builds the site (`/etc/passwd`
    as a page), or make the walk loop forever; the loader reports each one.
    """
    base = root / "curriculum"
    if base.is_symlink():
        return [], ["curriculum"]
    found: list[Path] = []
    symlinks: list[str] = []
    stack = [base] if base.is_dir() else []
    while stack:
        directory = stack.pop()
        for entry in os.scandir(directory):
            path = Path(entry.path)
            if entry.is_symlink():
                symlinks.append(path.relative_to(root).as_posix())
            elif entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(path)
    return sorted(found), symlinks


def _page_name_problems(relpath: str) -> list[Problem]:
    """A free page becomes `/halaman/<name>/`: one folder, one slug, one page per name."""
    name = relpath.removeprefix(PAGES_DIR)
    if "/" in name:
        return [error(relpath, (1, 1), "page-in-subfolder", name=name.rsplit("/", 1)[-1])]
    if not name.endswith(".md"):
        return [error(relpath, (1, 1), "page-not-markdown")]
    if name == "index.md":
        return [error(relpath, (1, 1), "page-index-name")]
    if name.removesuffix(".md") in WINDOWS_RESERVED:
        return [error(relpath, (1, 1), "page-reserved-name", name=name)]
    if len(name) - 3 > _PAGE_NAME_MAX or not _PAGE_NAME.match(name):
        suggestion = slug_suggestion(name.removesuffix(".md"))
        return [
            error(relpath, (1, 1), "page-name", limit=_PAGE_NAME_MAX, suggestion=suggestion or None)
        ]
    return []


def slug_suggestion(name: str) -> str:
    """A valid slug close to what the editor wrote, or "" when nothing usable is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))
    return slug[:_PAGE_NAME_MAX].rstrip("-")


def _unexpected_file_code(relpath: str) -> str:
    return "file-yaml-misplaced" if relpath.endswith((".yml", ".yaml")) else "file-unknown"
