"""A scheduled session as its line on a page reads it: its own zone first, then WIB, WITA
and WIT, with the texts the zone script (overrides/assets/zona-waktu.js) reorders."""

from __future__ import annotations

from generator.model.curriculum import ZONE_ALIASES, ZONES, SessionInstant
from generator.model.routes import calendar_file
from generator.text import zones
from generator.text.dates import clock, long_date, utc_iso
from generator.text.escape import escape_attr


def zone_label(zone: str) -> str:
    """The name readers know for an editor's zone (WIB for Asia/Jakarta), else the zone."""
    return ZONES.get(zone) or ZONE_ALIASES.get(zone) or zone


def session_times(session: SessionInstant) -> dict:
    """The session's time in its own zone and in each Indonesian zone, for its line.

    `attrs` carries the same texts, one per Indonesian zone (`data-wib="date|range"`), and
    the session's instants in UTC: the zone script (overrides/assets/zona-waktu.js) puts
    the reader's zone first and moves a session that has ended to "Sudah lewat", with
    Babel's Indonesian dates from the build rather than the browser's own wording.
    """
    own = zones.words(session.zone, session.start)
    conversions = []
    for zone, label in ZONES.items():
        start, end = session.in_zone(zone), session.end.astimezone(session.in_zone(zone).tzinfo)
        conversions.append(
            {
                "label": label,
                "date": long_date(start.date()),
                "range": f"{clock(start)}–{clock(end)} {label}",
                "own": label == own,
            }
        )
    end = session.end
    date, own_range = long_date(session.start.date()), f"{clock(session.start)}–{clock(end)} {own}"
    data = {
        "data-mulai": utc_iso(session.start),
        "data-selesai": utc_iso(end),
        "data-zona": zones.label(session.zone) or "",
    }
    data.update({f"data-{c['label'].lower()}": f"{c['date']}|{c['range']}" for c in conversions})
    if not zones.label(session.zone):
        data["data-asal"] = f"{date}|{own_range}"
    return {
        "date": date,
        "range": own_range,
        "conversions": conversions,
        "iso": session.start.isoformat(),
        "attrs": " ".join(f'{name}="{escape_attr(value)}"' for name, value in data.items()),
        "calendar": calendar_file("session", session),
    }
