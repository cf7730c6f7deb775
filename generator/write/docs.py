"""Write stage, first half: put the generated Markdown in docs/, rewriting only what changed.

docs/ always holds exactly the rendered pages plus a marker file naming the folder as
generated; a file whose content is the same keeps its modification time, so `mkdocs serve`
does not rebuild in a loop. Writing docs/ needs nothing but the file system; building the
site from it (MkDocs, Pagefind, the swap of site/) is `generator.write.site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GENERATED_MARKER = ".generated-by-kurikulum"


@dataclass(frozen=True)
class WriteResult:
    written: list[str]
    removed: list[str]


def write_docs(pages: dict[str, str], docs_dir: Path) -> WriteResult:
    """Write pages under docs_dir, rewriting only files whose content changed.

    Files left from an earlier run (a module that was removed) are deleted, so the
    docs folder is always exactly the rendered set; unchanged files keep their
    modification time, so `mkdocs serve` does not rebuild in a loop.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = []
    marker = {GENERATED_MARKER: "Folder ini dihasilkan dari curriculum/; jangan disunting.\n"}
    for relpath, text in sorted({**pages, **marker}.items()):
        target = docs_dir / relpath
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        if relpath != GENERATED_MARKER:
            written.append(relpath)
    removed = []
    for path in sorted(docs_dir.rglob("*")):
        relpath = path.relative_to(docs_dir).as_posix()
        if path.is_file() and relpath not in pages and relpath != GENERATED_MARKER:
            path.unlink()
            removed.append(relpath)
    for directory in sorted(docs_dir.rglob("*"), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    return WriteResult(written, removed)
