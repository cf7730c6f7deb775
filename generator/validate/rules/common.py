"""Helpers the rule modules share, so that none imports another's private one."""

from __future__ import annotations

from collections.abc import Iterator

from generator.problems.report import Problem


def found(problem: Problem | None) -> Iterator[Problem]:
    """The problem, if there is one, as an iterator to `yield from`."""
    if problem is not None:
        yield problem
