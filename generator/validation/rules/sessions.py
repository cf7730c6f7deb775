"""Dates: session times that exist in their zone, review dates neither stale nor ahead."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.index import is_offered_status, session_instant
from generator.problems import Problem
from generator.validation.collect import Checked

STALE_AFTER_DAYS = 365


def check_sessions(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        for i, session in enumerate(item.model.sessions or []):
            instant = session_instant(item.model.id, i, session, checked.config.default_timezone)
            if not instant.exists:
                yield item.document.error(
                    ("sessions", i, "start"),
                    "session-time-skipped",
                    start=str(session.start),
                    zone=instant.zone,
                )


def check_review_dates(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        module = item.model
        if module.reviewed is None or not is_offered_status(module.status):
            continue
        age = (today - datetime.date.fromisoformat(module.reviewed)).days
        if age > STALE_AFTER_DAYS:
            yield item.document.warning(
                ("reviewed",),
                "review-overdue",
                reviewed=str(module.reviewed),
            )
        elif age < 0:
            yield item.document.error(
                ("reviewed",),
                "review-in-future",
                reviewed=str(module.reviewed),
            )
