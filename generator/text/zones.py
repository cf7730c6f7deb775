"""Time zones as readers and editors meet them: Indonesia's three, aliases, zones abroad.

Readers know WIB, WITA and WIT; editors write IANA names. The tz database keeps old names
(`Asia/Ujung_Pandang`) as links to current ones (`Asia/Makassar`), and those links are
not listed in its `zone.tab`: the pinned `tzdata` package ships both, so an alias is a
name outside `zone.tab` whose compiled rules are byte for byte those of a name in it.
No hand-written alias table goes stale with a tzdata release.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from generator.text.dates import clock, short_date

# Indonesia's three zones in display order, with the abbreviations readers know.
DISPLAY: dict[str, str] = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
# Every IANA zone in Indonesia (Pontianak keeps WIB), with its abbreviation.
INDONESIAN: dict[str, str] = {**DISPLAY, "Asia/Pontianak": "WIB"}
# The Indonesian zone for each whole-hour offset, for editors who write `UTC+8`.
BY_OFFSET: dict[int, str] = {7: "Asia/Jakarta", 8: "Asia/Makassar", 9: "Asia/Jayapura"}

# `UTC+8`, `GMT+07:00`, `UTC-3`: an offset, not a zone. `Etc/GMT-8` is the tz database's
# own spelling of UTC+8 (its sign is POSIX's, inverted).
_OFFSET = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_ETC_OFFSET = re.compile(r"^Etc/GMT([+-])(\d{1,2})$")


def label(zone: str) -> str | None:
    """WIB, WITA or WIT for an Indonesian zone, else None."""
    return INDONESIAN.get(zone)


def offset_hours(text: str) -> float | None:
    """The offset from UTC, in hours, that an offset-like name means (`UTC+8` → 8.0)."""
    found = _OFFSET.match(text.strip())
    if found:
        sign, hours, minutes = found.groups()
        value = int(hours) + int(minutes or 0) / 60
        return value if sign == "+" else -value
    found = _ETC_OFFSET.match(text.strip())
    if found:
        sign, hours = found.groups()
        return -int(hours) if sign == "+" else int(hours)
    return None


def zone_for_offset(text: str) -> str | None:
    """The Indonesian zone an offset-like name should be, when it is one of Indonesia's."""
    hours = offset_hours(text)
    return BY_OFFSET.get(int(hours)) if hours is not None and hours == int(hours) else None


@cache
def current_names() -> frozenset[str]:
    """The zones the tz database lists as current (its `zone.tab`), plus UTC."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    names = {line.split("\t")[2] for line in text.splitlines() if line and not line.startswith("#")}
    return frozenset(names | {"UTC", "Etc/UTC"})


@cache
def _compiled(name: str) -> bytes | None:
    parts = name.split("/")
    try:
        return resources.files("tzdata.zoneinfo").joinpath(*parts).read_bytes()
    except (OSError, ValueError):
        return None


@cache
def _by_rules() -> dict[bytes, list[str]]:
    found: dict[bytes, list[str]] = {}
    # Indonesian names first, so an Indonesian alias is never sent abroad.
    for name in [*INDONESIAN, *sorted(current_names() - INDONESIAN.keys())]:
        data = _compiled(name)
        if data is not None:
            found.setdefault(data, []).append(name)
    return found


def current_name(zone: str) -> str | None:
    """The current name for a deprecated alias (`Asia/Ujung_Pandang` → `Asia/Makassar`).

    None for a current name, for an unknown one, and for an old name whose rules no
    current zone shares (`EST5EDT`): that one is reported as a zone abroad.
    """
    if zone in current_names() or zone not in available_timezones():
        return None
    data = _compiled(zone)
    matches = _by_rules().get(data, []) if data else []
    if not matches:
        return None
    # Prefer a name in the same region (`US/Eastern` is not `America/Detroit`'s twin by name).
    region = zone.split("/")[0]
    same = [name for name in matches if name.split("/")[0] == region]
    return (same or matches)[0]


def offset_text(value: datetime.datetime) -> str:
    """`UTC+7`, `UTC+5.30`, `UTC−3` (with a minus sign) for an aware time."""
    offset = value.utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f".{rest:02d}" if rest else "")


def city(zone: str) -> str:
    """The place a zone is named after (`America/Argentina/Buenos_Aires` → `Buenos Aires`)."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def words(zone: str, at: datetime.datetime) -> str:
    """A zone as readers read it: WIB/WITA/WIT, else its city and offset at that time."""
    known = label(zone)
    if known:
        return known
    local = at.astimezone(ZoneInfo(zone))
    if zone in ("UTC", "Etc/UTC"):
        return "UTC"
    return f"waktu {city(zone)} ({offset_text(local)})"


def moment(value: datetime.datetime, zone: str) -> str:
    """An instant as one phrase in a zone: `3 Desember 2026 09.00 WIB`."""
    local = value.astimezone(ZoneInfo(zone))
    return f"{short_date(local.date())} {clock(local)} {words(zone, value)}"
