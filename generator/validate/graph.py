"""The prerequisite graph between modules, and the cycles in it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.index import CurriculumIndex


def prerequisite_graph(index: CurriculumIndex) -> dict[str, list[str]]:
    """Each valid module's prerequisites that are valid modules too, without itself."""
    return {
        module_id: [
            p for p in item.model.prerequisites or [] if p in index.modules and p != module_id
        ]
        for module_id, item in index.modules.items()
    }


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Return each prerequisite cycle once, as a closed walk starting at its smallest id."""
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = path[path.index(child) :]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    smallest = cycle.index(min(cycle))
                    ordered = cycle[smallest:] + cycle[:smallest]
                    cycles.append([*ordered, ordered[0]])
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return cycles
