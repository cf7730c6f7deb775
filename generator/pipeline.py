"""The whole pipeline, stage by stage: load → validate → model → render → write."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from generator.load import load_sources
from generator.validate import Validation, validate


def resolve_today(today: str | None = None) -> datetime.date:
    """Pick "today": the option, else SOURCE_DATE_EPOCH, else the clock (UTC+7, WIB)."""
    if today:
        return datetime.date.fromisoformat(today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    wib = datetime.timezone(datetime.timedelta(hours=7))
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), wib).date()
    return datetime.datetime.now(wib).date()


def check(root: Path, *, today: datetime.date) -> Validation:
    """Load and validate everything under `root`."""
    return validate(load_sources(root), today=today)
