"""How the site writes dates and times: Indonesian, through Babel, the same on every page.

Pages, session lines, search results, the diff and editors' messages all call these, so
a date reads the same wherever it is shown. JavaScript twins:

- `short_date`: `longDate(iso)` in overrides/assets/rencana-belajar.js writes the planner's
  dates ("5 Maret 2026") from its own month names; tests/test_planner_parity.py feeds
  both every day of two years.
- zona-waktu.js writes no date of its own: it only reorders the texts `long_date` and
  `clock` wrote into each session line's `data-` attributes (render/sessions.py).
"""

from __future__ import annotations

import datetime

from babel.dates import format_date


def long_date(value: datetime.date) -> str:
    """A day with its weekday: "Kamis, 3 Desember 2026"."""
    return format_date(value, format="EEEE, d MMMM y", locale="id")


def short_date(value: datetime.date) -> str:
    """A day: "3 Desember 2026"."""
    return format_date(value, format="d MMMM y", locale="id")


def clock(value: datetime.datetime) -> str:
    """A time of day with a dot, as Indonesian writes it: "09.00"."""
    return value.strftime("%H.%M")


def utc_iso(value: datetime.datetime) -> str:
    """An instant in UTC as JavaScript's Date parses it everywhere: 2026-12-10T02:00:00Z."""
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
