"""Typed documents: a file's format model together with the loaded document it came from.

A leaf of the package: it knows the format models and the loader's `Document` (for
positions) and nothing of validation, the index or pages, so every stage can name these
types without importing the stage that made them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.load.documents import Document

# The kinds of document that each hold one thing with an id, in the order readers meet
# them (the diff lists its changes in this order).
KINDS = ("track", "framework", "module", "pathway")

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[Model]):
    """A typed model together with the document it came from (for positions)."""

    document: Document
    model: Model
