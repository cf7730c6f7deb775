"""Diff: what a curriculum change means, as Markdown for the pull request's reviewers.

Each side is read from a git revision (straight from git's object store, without a
checkout) or from a folder, then loaded and validated exactly as `validate` does, so
the summary speaks of the same modules, JP, sessions and problems that CI and the
site see. Only what a reviewer has to weigh is reported: formatting and comments
alone are not a change.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from generator import format as fmt
from generator.index import (
    CurriculumIndex,
    is_published_status,
    jp_tenths,
    jp_text,
    track_folder,
)
from generator.load import (
    SITE_CONFIG,
    Document,
    Sources,
    curriculum_files,
    kind_of,
    load_sources,
)
from generator.messages import say
from generator.pipeline import resolve_today
from generator.render import clock, escape, short_date, zone_label
from generator.validation import Validation, validate

EXIT_OK, EXIT_USAGE = 0, 2
HEADING = "## Ringkasan perubahan kurikulum"
NO_CHANGE = "Tidak ada perubahan kurikulum."
# A removed and an added file this alike are one thing whose id changed.
RENAME_SIMILARITY = 0.8
# Longer values (summaries, descriptions) are named, not quoted: the git diff shows them.
SHORT_VALUE = 80

# Files that each hold one thing with an id, and the heading of their section.
ENTITY_KINDS: dict[str, str] = {
    "track": "Jalur",
    "framework": "Kerangka kompetensi",
    "module": "Modul",
    "pathway": "Jalur belajar",
}

Tree = dict[str, bytes]


class UsageError(Exception):
    """A side that names neither a folder nor a git revision that can be read."""


def main(args: argparse.Namespace) -> int:
    """Print the Markdown summary of the change from `args.base` to `args.head`."""
    today = resolve_today(args.today)
    try:
        base = read_tree(args.base, args.root)
        head = read_tree(args.head, args.root)
    except UsageError as exc:
        print(say("diff-refused", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(summarise(load_side(base, today=today), load_side(head, today=today)))
    return EXIT_OK


# --- reading a side ---------------------------------------------------------------------


def read_tree(side: str | None, root: Path) -> Tree:
    """Read the curriculum files of a folder, or of a git revision of `root` (None: its files)."""
    if side is None:
        if not root.is_dir():
            raise UsageError(say("diff-folder-missing", folder=root))
        return read_folder(root)
    if Path(side).is_dir():
        return read_folder(Path(side))
    return read_revision(root, side)


def read_folder(folder: Path) -> Tree:
    """Read the files load_sources reads: site_config.yml and everything under curriculum/."""
    tree = {}
    # The loader's own walk: symlinks are never followed (the validator reports them).
    config = folder / SITE_CONFIG
    own_config = [config] if config.is_file() and not config.is_symlink() else []
    for path in [*own_config, *curriculum_files(folder)[0]]:
        try:
            tree[path.relative_to(folder).as_posix()] = path.read_bytes()
        except OSError as exc:
            raise UsageError(say("diff-unreadable", file=path, reason=exc.strerror)) from None
    return tree


def read_revision(root: Path, revision: str) -> Tree:
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
    for entry in listing.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        path = name.decode("utf-8", "replace")
        if not meta or meta.split()[1] != b"blob" or not path.startswith(prefix):
            continue
        relpath = path[len(prefix) :]
        if ".." in PurePosixPath(relpath).parts:
            continue
        if relpath == SITE_CONFIG or relpath.startswith("curriculum/"):
            wanted[relpath] = meta.split()[2]
    return dict(zip(wanted, _blobs(root, list(wanted.values())), strict=True))


def _blobs(root: Path, object_ids: list[bytes]) -> list[bytes]:
    """Read many blobs with one git process (`cat-file --batch`), in order."""
    if not object_ids:
        return []
    output = _git(
        root,
        "cat-file",
        "--batch",
        stdin=b"".join(object_id + b"\n" for object_id in object_ids),
        failure=f"isi repositori `{root}` tidak dapat dibaca",
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


@dataclass(frozen=True, order=True)
class SessionTime:
    """A scheduled session as readers see it: local time in its own zone."""

    start: datetime.datetime  # aware, so sessions sort by instant
    local: str
    zone: str
    minutes: int

    @property
    def label(self) -> str:
        return f"{short_date(self.start.date())} {clock(self.start)} {zone_label(self.zone)}"


@dataclass
class Side:
    """One side of the comparison: its files, what the loader made of them, the verdict."""

    tree: Tree
    sources: Sources
    validation: Validation

    @cached_property
    def ids(self) -> dict[str, dict[str, str]]:
        """For each kind of entity, id → file (the first file when an id is duplicated)."""
        found: dict[str, dict[str, str]] = {kind: {} for kind in ENTITY_KINDS}
        for relpath in sorted(self.tree):
            kind = kind_of(relpath)
            if kind in found:
                found[kind].setdefault(PurePosixPath(relpath).stem, relpath)
        return found

    @cached_property
    def documents(self) -> dict[str, Document]:
        return {document.path: document for document in self.sources.documents}

    def data(self, relpath: str) -> Any:
        document = self.documents.get(relpath)
        return document.data if document else None

    def title(self, kind: str, item_id: str) -> str:
        data = self.data(self.ids[kind][item_id])
        title = data.get("title") if isinstance(data, dict) else None
        return f" — {escape(title)}" if isinstance(title, str) else ""

    @cached_property
    def index(self) -> CurriculumIndex:
        return CurriculumIndex(self.validation.checked)

    def model(self, kind: str, item_id: str) -> Any:
        return self.index.model(kind, item_id)

    def module_jp(self, module_id: str) -> Fraction | None:
        if self.model("module", module_id) is None:
            return None
        return self.index.module_jp(module_id)

    def required_modules(self, pathway_id: str) -> list[str]:
        pathway = self.model("pathway", pathway_id)
        if pathway is None:
            return []
        return [step.module for phase in pathway.phases for step in phase.steps if step.required]

    def pathway_jp(self, pathway_id: str) -> Fraction | None:
        """JP of the pathway's required steps; an unknown module counts for nothing."""
        if self.model("pathway", pathway_id) is None:
            return None
        module_jps = [self.module_jp(module_id) for module_id in self.required_modules(pathway_id)]
        return sum((jp for jp in module_jps if jp is not None), Fraction(0))

    def sessions(self, module_id: str | None) -> list[SessionTime]:
        instants = self.index.sessions(module_id) if module_id else []
        return sorted(
            SessionTime(s.start, s.session.start, s.zone, s.session.minutes) for s in instants
        )


def load_side(tree: Tree, *, today: datetime.date) -> Side:
    """Load and validate `tree` with the very loader and checks `validate` uses."""
    # load_sources reads a folder: writing the tree to a temporary one keeps a single
    # loader, with the same messages, for folders and revisions alike.
    with tempfile.TemporaryDirectory(prefix="kurikulum-diff-") as folder:
        root = Path(folder)
        for relpath, content in tree.items():
            path = root / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        sources = load_sources(root)
    return Side(tree, sources, validate(sources, today=today))


# --- matching ids across the sides ---------------------------------------------------------


@dataclass
class Matching:
    """How the ids of one kind of entity correspond across the two sides."""

    added: list[str]
    removed: list[str]
    renamed: dict[str, str]  # base id → head id
    kept: list[str]

    def pairs(self) -> list[tuple[str, str]]:
        """(base id, head id) of everything present on both sides, by head id."""
        both = [(item_id, item_id) for item_id in self.kept]
        return sorted([*both, *self.renamed.items()], key=lambda pair: pair[1])


def match(kind: str, base: Side, head: Side) -> Matching:
    """Pair the ids of `kind`, taking a removed+added pair of alike files as a rename."""
    before, after = base.ids[kind], head.ids[kind]
    removed = sorted(before.keys() - after.keys())
    added = sorted(after.keys() - before.keys())
    candidates = []
    for old in removed:
        for new in added:
            score = _similarity(base, before[old], head, after[new])
            if score >= RENAME_SIMILARITY:
                candidates.append((-score, old, new))
    renamed: dict[str, str] = {}
    for _, old, new in sorted(candidates):
        if old not in renamed and new not in renamed.values():
            renamed[old] = new
    return Matching(
        added=[item_id for item_id in added if item_id not in renamed.values()],
        removed=[item_id for item_id in removed if item_id not in renamed],
        renamed=dict(sorted(renamed.items())),
        kept=sorted(before.keys() & after.keys()),
    )


def _similarity(base: Side, old_path: str, head: Side, new_path: str) -> float:
    old_data, new_data = base.data(old_path), head.data(new_path)
    old_title = old_data.get("title") if isinstance(old_data, dict) else None
    new_title = new_data.get("title") if isinstance(new_data, dict) else None
    if isinstance(old_title, str) and old_title == new_title:
        return 1.0
    old_lines = _content_lines(base.tree[old_path])
    new_lines = _content_lines(head.tree[new_path])
    return difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).ratio()


def _content_lines(raw: bytes) -> list[str]:
    # "Otherwise similar": the id line is the one line a rename must change.
    lines = raw.decode("utf-8", "replace").splitlines()
    return [line for line in lines if not line.startswith("id:")]


# --- the summary ---------------------------------------------------------------------------


def summarise(base: Side, head: Side) -> str:
    """Write the Markdown summary of what changed from `base` to `head`."""
    comparison = Comparison(base, head)
    sections = [
        ("Aturan kurikulum (`site_config.yml`)", comparison.config_lines()),
        *((title, comparison.entity_lines(kind)) for kind, title in ENTITY_KINDS.items()),
        ("JP", comparison.jp_lines()),
        ("Prasyarat", comparison.prerequisite_lines()),
        ("Sesi", comparison.session_lines()),
        ("Berkas lain", comparison.other_file_lines()),
        ("Masalah validasi baru", comparison.new_problem_lines()),
    ]
    blocks = [f"### {title}\n\n" + "\n".join(lines) for title, lines in sections if lines]
    return "\n\n".join([HEADING, *(blocks or [NO_CHANGE])]) + "\n"


@dataclass
class Comparison:
    """The two sides with their ids matched; each method writes one section's lines."""

    base: Side
    head: Side

    @cached_property
    def matchings(self) -> dict[str, Matching]:
        return {kind: match(kind, self.base, self.head) for kind in ENTITY_KINDS}

    @property
    def renamed_modules(self) -> dict[str, str]:
        return self.matchings["module"].renamed

    def config_lines(self) -> list[str]:
        old, new = self.base.validation.checked.config, self.head.validation.checked.config
        return [
            f"- `{name}`: {_shown(getattr(old, name))} → {_shown(getattr(new, name))}"
            for name in fmt.SiteConfig.model_fields
            if getattr(old, name) != getattr(new, name)
        ]

    def entity_lines(self, kind: str) -> list[str]:
        matching = self.matchings[kind]
        lines = [
            f"- Baru: `{item_id}`{self.head.title(kind, item_id)}{self._facts(kind, item_id)}"
            for item_id in matching.added
        ]
        lines += [
            f"- Dihapus: `{item_id}`{self.base.title(kind, item_id)}"
            for item_id in matching.removed
        ]
        for old, new in matching.renamed.items():
            changes = self._field_changes(kind, old, new)
            also = f"; juga diubah: {changes}" if changes else ""
            lines.append(f"- Berganti id: `{old}` → `{new}`{also}")
        for item_id in matching.kept:
            changes = self._field_changes(kind, item_id, item_id)
            if changes:
                lines.append(f"- Diubah: `{item_id}`: {changes}")
        return lines

    def _facts(self, kind: str, item_id: str) -> str:
        """What a reviewer weighs first about a new module or pathway."""
        facts = []
        if kind == "module":
            facts.append(f"jalur `{track_folder(self.head.ids[kind][item_id])}`")
            jp = self.head.module_jp(item_id)
            facts += [f"{jp_text(jp)} JP"] if jp is not None else []
        elif kind == "pathway":
            jp = self.head.pathway_jp(item_id)
            facts += [f"JP wajib {jp_text(jp)} JP"] if jp is not None else []
        model = self.head.model(kind, item_id) if kind in ("module", "pathway") else None
        facts += ["draf"] if model is not None and not is_published_status(model.status) else []
        return f" ({', '.join(facts)})" if facts else ""

    def _field_changes(self, kind: str, old_id: str, new_id: str) -> str:
        old_path, new_path = self.base.ids[kind][old_id], self.head.ids[kind][new_id]
        parts = []
        if kind == "module" and track_folder(old_path) != track_folder(new_path):
            parts.append(f"jalur ({track_folder(old_path)} → {track_folder(new_path)})")
        old, new = self.base.data(old_path), self.head.data(new_path)
        if not isinstance(old, dict) or not isinstance(new, dict):
            if self.base.tree[old_path] != self.head.tree[new_path]:
                parts.append("isi berkas (tidak terbaca; lihat masalah validasi)")
            return ", ".join(parts)
        old = self._follow_renames(kind, old)
        for key in _ordered_keys(kind, old, new):
            if key != "id" and not _same(old.get(key), new.get(key)):
                parts.append(_field_change(key, old.get(key), new.get(key)))
        return ", ".join(parts)

    def _follow_renames(self, kind: str, data: dict) -> dict:
        """Rewrite references to renamed modules, so following a rename is no change."""
        renamed = self.renamed_modules
        if not renamed:
            return data

        def follow(value: Any) -> Any:
            return renamed.get(value, value) if isinstance(value, str) else value

        def follow_all(values: Any) -> Any:
            return [follow(value) for value in values] if isinstance(values, list) else values

        def follow_step(step: Any) -> Any:
            return (
                {**step, "module": follow(step.get("module"))} if isinstance(step, dict) else step
            )

        def follow_phase(phase: Any) -> Any:
            if not isinstance(phase, dict) or not isinstance(phase.get("steps"), list):
                return phase
            return {**phase, "steps": [follow_step(step) for step in phase["steps"]]}

        if kind == "module" and "prerequisites" in data:
            return {**data, "prerequisites": follow_all(data["prerequisites"])}
        if kind == "pathway":
            followed = {**data}
            if "assumes" in data:
                followed["assumes"] = follow_all(data["assumes"])
            if isinstance(data.get("phases"), list):
                followed["phases"] = [follow_phase(phase) for phase in data["phases"]]
            return followed
        return data

    def jp_lines(self) -> list[str]:
        lines = []
        for old, new in self.matchings["module"].pairs():
            before, after = self.base.module_jp(old), self.head.module_jp(new)
            if before is not None and after is not None and jp_text(before) != jp_text(after):
                lines.append(f"- Modul {_label(old, new)}: {_jp_change(before, after)}")
        for old, new in self.matchings["pathway"].pairs():
            before, after = self.base.pathway_jp(old), self.head.pathway_jp(new)
            if before is not None and after is not None and jp_text(before) != jp_text(after):
                lines.append(
                    f"- Jalur belajar {_label(old, new)}: JP wajib {_jp_change(before, after)}"
                    f"{self._pathway_jp_causes(old, new)}"
                )
        return lines

    def _pathway_jp_causes(self, old: str, new: str) -> str:
        before = [self.renamed_modules.get(m, m) for m in self.base.required_modules(old)]
        after = self.head.required_modules(new)
        back = {new_id: old_id for old_id, new_id in self.renamed_modules.items()}
        causes = [
            f"`{module_id}`"
            for module_id in sorted(set(before) & set(after))
            if _jp_shown(self.base.module_jp(back.get(module_id, module_id)))
            != _jp_shown(self.head.module_jp(module_id))
        ]
        if sorted(before) != sorted(after):
            causes.append("langkah wajib berubah")
        return f", karena {', '.join(causes)}" if causes else ""

    def prerequisite_lines(self) -> list[str]:
        lines = []
        for old, new in self.matchings["module"].pairs():
            before_model, after_model = (
                self.base.model("module", old),
                self.head.model("module", new),
            )
            if before_model is None or after_model is None:
                continue
            before = [self.renamed_modules.get(m, m) for m in before_model.prerequisites or []]
            after = after_model.prerequisites or []
            parts = []
            added = [f"`{m}`" for m in after if m not in before]
            removed = [f"`{m}`" for m in before if m not in after]
            parts += [f"ditambah {', '.join(added)}"] if added else []
            parts += [f"dihapus {', '.join(removed)}"] if removed else []
            if parts:
                lines.append(f"- {_label(old, new)}: {'; '.join(parts)}")
        return lines

    def session_lines(self) -> list[str]:
        module = self.matchings["module"]
        pairs: list[tuple[str | None, str | None]] = [
            *module.pairs(),
            *((None, item_id) for item_id in module.added),
            *((item_id, None) for item_id in module.removed),
        ]
        lines = []
        for old, new in sorted(pairs, key=lambda pair: pair[1] or pair[0] or ""):
            before, after = self.base.sessions(old), self.head.sessions(new)
            label = _label(old or new, new or old)
            lines += [f"- {label}: {change}" for change in _session_changes(before, after)]
        return lines

    def other_file_lines(self) -> list[str]:
        """Files that are not one identified thing: the glossary, pages, stray files."""
        paths = sorted(
            relpath
            for relpath in self.base.tree.keys() | self.head.tree.keys()
            if relpath != SITE_CONFIG and kind_of(relpath) not in ENTITY_KINDS
        )
        lines = []
        for relpath in paths:
            if relpath not in self.head.tree:
                lines.append(f"- Dihapus: `{relpath}`")
            elif relpath not in self.base.tree:
                lines.append(f"- Baru: `{relpath}`")
            elif self._file_differs(relpath):
                lines.append(f"- Diubah: `{relpath}`")
        return lines

    def _file_differs(self, relpath: str) -> bool:
        old, new = self.base.documents.get(relpath), self.head.documents.get(relpath)
        if old is not None and new is not None:
            return not _same(old.data, new.data)
        return self.base.tree[relpath] != self.head.tree[relpath]

    def new_problem_lines(self) -> list[str]:
        """Problems in head that base did not have, whatever line they moved to."""
        moved = {
            self.base.ids[kind][old]: self.head.ids[kind][new]
            for kind, matching in self.matchings.items()
            for old, new in matching.pairs()
        }
        # By what a problem is (file, severity, code, fields), never by its wording: a message
        # reworded in the catalogue leaves every known problem known.
        known = Counter(
            (moved.get(problem.path, problem.path), *problem.identity()[1:])
            for problem in self.base.validation.problems
        )
        lines = []
        for problem in self.head.validation.problems:
            key = problem.identity()
            if known[key]:
                known[key] -= 1
                continue
            location = f"{problem.path}:{problem.line}:{problem.col}"
            lines.append(
                say(
                    "diff-new-problem",
                    severity=problem.severity,
                    location=location,
                    message=problem.message,
                )
            )
        return lines


def _session_changes(before: list[SessionTime], after: list[SessionTime]) -> Iterator[str]:
    """Sessions at the same local time and zone are the same; the rest moved, came or went."""
    left = list(after)
    unmatched = []
    for session in before:
        twin = next((s for s in left if (s.local, s.zone) == (session.local, session.zone)), None)
        if twin is None:
            unmatched.append(session)
            continue
        left.remove(twin)
        if twin.minutes != session.minutes:
            yield f"sesi {session.label}, durasi {session.minutes} → {twin.minutes} menit"
    for old, new in zip(unmatched, left, strict=False):
        duration = (
            f", durasi {old.minutes} → {new.minutes} menit" if old.minutes != new.minutes else ""
        )
        yield f"sesi dipindah dari {old.label} ke {new.label}{duration}"
    for session in unmatched[len(left) :]:
        yield f"sesi dihapus: {session.label}"
    for session in left[len(unmatched) :]:
        yield f"sesi baru: {session.label} ({session.minutes} menit)"


def _label(old: str, new: str) -> str:
    return f"`{new}`" if old == new else f"`{new}` (sebelumnya `{old}`)"


def _jp_shown(value: Fraction | None) -> str | None:
    return None if value is None else jp_text(value)


def _jp_change(before: Fraction, after: Fraction) -> str:
    # The difference of the shown values, so the line adds up as the reader reads it.
    delta = jp_tenths(after) - jp_tenths(before)
    sign = "+" if delta > 0 else "-"
    shown = jp_text(Fraction(abs(delta), 10))
    return f"{jp_text(before)} JP → {jp_text(after)} JP ({sign}{shown} JP)"


def _ordered_keys(kind: str, old: dict, new: dict) -> list[str]:
    """Keys in the format's order, then unknown keys (typos) alphabetically."""
    known = list(fmt.FORMAT_MODELS[kind].model_fields)
    present = {str(key) for key in old.keys() | new.keys()}
    return [key for key in known if key in present] + sorted(present - set(known))


def _field_change(key: str, old: Any, new: Any) -> str:
    if _is_short(old) and _is_short(new):
        return f"`{key}` ({_shown(old)} → {_shown(new)})"
    return f"`{key}`"


def _is_short(value: Any) -> bool:
    if isinstance(value, str):
        return "\n" not in value and len(value) <= SHORT_VALUE
    return value is None or isinstance(value, int | float)


def _shown(value: Any) -> str:
    if value is None:
        return "(tidak ada)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value) or "(kosong)"
    return escape(value)


def _same(old: Any, new: Any) -> bool:
    """Equal data, where `true` is not `1` (Python says it is) and key order does not count."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[key], new[key]) for key in old)
    if isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))
    return old == new
