"""The generator's shape: no import circle, and each folder imports only what lies below it.

Read from the source with `ast`, so imports inside functions and under `TYPE_CHECKING`
count too: a circle hidden behind either still ties two modules together for a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.constants import REPO

PACKAGE = REPO / "generator"

# What each folder may import besides itself. The stages run top to bottom
# (load → validate → model → render → write); `pipeline` strings them together and
# `commands` are the adapters around it. `format`, `text` and `problems` are shared by all.
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "problems": {"text"},
    "format": {"text", "problems"},
    "load": {"format", "text", "problems"},
    "model": {"load", "format", "text", "problems"},
    "validate": {"model", "load", "format", "text", "problems"},
    "render": {"validate", "model", "load", "format", "text", "problems"},
    "write": {"text", "problems"},
    "pipeline": {"render", "validate", "model", "load", "write", "format", "text", "problems"},
    "commands": {
        "pipeline",
        "render",
        "validate",
        "model",
        "load",
        "write",
        "format",
        "text",
        "problems",
    },
    "__main__": {"commands"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports_of(name: str, source: str | None = None) -> set[str]:
    """The generator modules that module `name` imports, anywhere in its body."""
    path = MODULES.get(name)
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    package = name if path is not None and path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from generator.text import numbers` imports the module generator.text.numbers.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        found.update(target for target in targets if target in MODULES and target != name)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def folder(name: str) -> str:
    return name.split(".")[1] if name != "generator" else ""


def test_the_generator_has_no_import_circle():
    assert circles(GRAPH) == []


def test_the_circle_finder_sees_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def test_the_import_reader_sees_imports_in_functions_and_under_type_checking():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from generator.model.index import CurriculumIndex\n"
        "def f():\n    from generator.text import numbers\n    from . import zones\n"
    )
    assert imports_of("generator.text.probe", source) == {
        "generator.model.index",
        "generator.text.numbers",
        "generator.text.zones",
    }


def test_each_folder_imports_only_what_lies_below_it():
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if folder(name) and folder(target) != folder(name)
        if folder(target) not in ALLOWED[folder(name)]
    )
    assert wrong == []


def test_every_folder_and_top_level_module_has_a_place_in_the_layering():
    places = {folder(name) for name in MODULES if folder(name)}
    assert places == set(ALLOWED)
