"""Diff: what a curriculum change means, as Markdown for the pull request's reviewers.

Two parts, and the wording. Reading (this module, with `main` for `python -m generator
diff`): each side is a git revision (read straight from git's object store, without a
checkout) or a folder, read into the loader's `SourceFiles` and loaded and validated
exactly as `validate` does, so the summary speaks of the same modules, JP, sessions and
problems that CI and the site see. Comparing: `compare.py` works out what changed from the
two sides' curriculum indexes, as the plain data of `changes.py`. Wording:
`templates/diff.md.j2` writes that data as Indonesian Markdown.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path, PurePosixPath

from jinja2 import Environment

from generator.commands.diff.changes import Changes, Snapshot
from generator.commands.diff.compare import compare
from generator.commands.diff.outcomes import outcome_words
from generator.load.documents import SITE_CONFIG, SourceFiles
from generator.load.files import load_files, read_folder
from generator.pipeline import resolve_today
from generator.problems.messages import say
from generator.render.environment import environment
from generator.validate import validate

EXIT_OK, EXIT_USAGE = 0, 2
# git's file mode for a symbolic link: never followed, reported as the folder walk does.
GIT_SYMLINK = b"120000"


class UsageError(Exception):
    """A side that names neither a folder nor a git revision that can be read."""


def main(args: argparse.Namespace) -> int:
    """Print the Markdown summary of the change from `args.base` to `args.head`."""
    today = resolve_today(args.today)
    try:
        base = read_side(args.base, args.root)
        head = read_side(args.head, args.root)
    except UsageError as exc:
        print(say("diff-refused", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(summarise(load_side(base, today=today), load_side(head, today=today)))
    return EXIT_OK


# --- reading a side ---------------------------------------------------------------------


def read_side(side: str | None, root: Path) -> SourceFiles:
    """Read the curriculum files of a folder, or of a git revision of `root` (None: its files)."""
    if side is None:
        if not root.is_dir():
            raise UsageError(say("diff-folder-missing", folder=root))
        return _read_folder(root)
    if Path(side).is_dir():
        return _read_folder(Path(side))
    return read_revision(root, side)


def _read_folder(folder: Path) -> SourceFiles:
    if not _is_project_root(folder):
        # Two `curriculum/` folders would otherwise compare as two empty projects.
        parent = folder.resolve().parent
        raise UsageError(
            say(
                "diff-not-project-root",
                folder=folder,
                suggestion=str(parent) if _is_project_root(parent) else None,
            )
        )
    try:
        return read_folder(folder)
    except OSError as exc:
        raise UsageError(say("diff-unreadable", file=exc.filename, reason=exc.strerror)) from None


def read_revision(root: Path, revision: str) -> SourceFiles:
    """Read the curriculum files of `revision` from git's object store."""
    if not root.is_dir():
        raise UsageError(say("diff-folder-missing", folder=root))
    unknown = say("diff-unknown-revision", revision=revision, root=root)
    if revision.startswith("-"):
        raise UsageError(unknown)
    # The project may sit in a subfolder of the repository: git paths carry that prefix.
    prefix = _git(
        root,
        "rev-parse",
        "--show-prefix",
        failure=say("diff-not-a-repository", revision=revision, root=root),
    ).decode("utf-8", "replace")
    prefix = prefix.strip()
    commit = _git(
        root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", failure=unknown
    )
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit.strip(), failure=unknown)
    wanted: dict[str, bytes] = {}
    symlinks: list[str] = []
    for entry in listing.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        path = name.decode("utf-8", "replace")
        if not meta or meta.split()[1] != b"blob" or not path.startswith(prefix):
            continue
        relpath = path[len(prefix) :]
        if ".." in PurePosixPath(relpath).parts:
            continue
        if (
            relpath != SITE_CONFIG
            and relpath != "curriculum"
            and not relpath.startswith("curriculum/")
        ):
            continue
        if meta.split()[0] == GIT_SYMLINK:
            symlinks.append(relpath)
        elif relpath != "curriculum":
            wanted[relpath] = meta.split()[2]
    if not wanted and not symlinks:
        raise UsageError(say("diff-revision-empty", revision=revision, root=root))
    contents = dict(zip(wanted, _blobs(root, list(wanted.values())), strict=True))
    return SourceFiles(contents, symlinks)


def _is_project_root(folder: Path) -> bool:
    return (folder / SITE_CONFIG).exists() or (folder / "curriculum").is_dir()


def _blobs(root: Path, object_ids: list[bytes]) -> list[bytes]:
    """Read many blobs with one git process (`cat-file --batch`), in order."""
    if not object_ids:
        return []
    output = _git(
        root,
        "cat-file",
        "--batch",
        stdin=b"".join(object_id + b"\n" for object_id in object_ids),
        failure=say("diff-repository-unreadable", root=root),
    )
    contents, position = [], 0
    for _ in object_ids:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        contents.append(output[header_end + 1 : header_end + 1 + size])
        position = header_end + 1 + size + 1
    return contents


def _git(root: Path, *args: str, failure: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise UsageError(say("diff-no-git")) from None
    if done.returncode != 0:
        raise UsageError(failure)
    return done.stdout


# --- loading a side ---------------------------------------------------------------------


def load_side(files: SourceFiles, *, today: datetime.date) -> Snapshot:
    """Load and validate `files` with the very loader and checks `validate` uses."""
    sources = load_files(files)
    validation = validate(sources, today=today)
    return Snapshot(
        files=files.contents,
        documents={document.path: document for document in sources.documents},
        problems=validation.problems,
        index=validation.index,
        today=today,
    )


# --- the summary ---------------------------------------------------------------------------


def summarise(base: Snapshot, head: Snapshot) -> str:
    """Write the Markdown summary of what changed from `base` to `head`."""
    return words(compare(base, head), outcome_words(base, head))


def words(changes: Changes, outcomes: dict[str, str] | None = None) -> str:
    """The Indonesian Markdown for `changes` (templates/diff.md.j2); `outcomes` words the
    outcome files among the other files (generator.commands.diff.outcomes)."""
    return (
        _environment().get_template("diff.md.j2").render(changes=changes, outcomes=outcomes or {})
    )


def _environment() -> Environment:
    """The site's template environment (text filters `e`, `code`, `jp`, `short_date` …,
    globals `clock` and `zone_label`) plus the problem wording the summary quotes."""
    env = environment()
    env.tests.update(list=lambda value: isinstance(value, list))
    env.globals.update(say=say)
    env.filters.update(capitalize_first=lambda text: text[:1].upper() + text[1:])
    return env
