"""Calendars (iCalendar, RFC 5545) of the published sessions, written with `icalendar`.

One file per session (the "Tambahkan ke kalender" link on its line), one of every session
at the site root (`jadwal.ics`, to subscribe to), one per track and one per pathway.
Past sessions stay in the subscribable calendars, so a subscriber's history does not
vanish; a calendar with no session at all is not written (RFC 5545 wants a component),
and nothing links to it.

Two builds of the same curriculum on the same day give the same bytes: each event's
UID comes from its module and start instant, DTSTAMP from the build's date, and the
VTIMEZONE blocks from the tz database over the years the sessions span, sorted by TZID.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from generator.model.curriculum import Curriculum
from generator.model.index import SessionInstant
from generator.model.routes import calendar_file, route
from generator.text import zones
from generator.text.numbers import jp_text

PRODID = "-//Kurikulum Kompetensi ASN//Jadwal Sesi//ID"
# Control characters are not allowed in iCalendar text (tab aside); line breaks in an
# editor's one-line text would make one property look like several to a reader.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def uid(session: SessionInstant, site_url: str) -> str:
    """The same for the same module and start instant, whatever else changes."""
    host = urlsplit(site_url).hostname or "kurikulum-asn.invalid"
    start = session.start.astimezone(datetime.UTC)
    twin = f"-{session.twin + 1}" if session.twin else ""
    return f"{session.module_id}-{start:%Y%m%dT%H%M%SZ}{twin}@{host}"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path if site_url else ""


def _event(c: Curriculum, session: SessionInstant, site_url: str) -> icalendar.Event:
    module = c.modules[session.module_id]
    details = session.session
    event = icalendar.Event()
    event.add("uid", uid(session, site_url))
    event.add("dtstamp", datetime.datetime.combine(c.today, datetime.time(), datetime.UTC))
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("summary", one_line(module.title))
    lines = [
        one_line(module.summary),
        f"Beban belajar modul: {jp_text(c.index.module_jp(session.module_id))} JP.",
        f"Waktu: {zones.moment(session.start, session.zone)}.",
    ]
    if details.platform:
        event.add("location", one_line(details.platform))
        lines.append(f"Platform: {one_line(details.platform)}")
    if details.registration_url:
        lines.append(f"Pendaftaran: {details.registration_url}")
    if details.recording_url:
        lines.append(f"Rekaman: {details.recording_url}")
    page = absolute(site_url, route("module", session.module_id).site)
    if page:
        lines.append(f"Halaman modul: {page}")
        event.add("url", page)
    event.add("description", "\n".join(lines))
    return event


@cache
def _vtimezone(zone: str, years: tuple[int, int]) -> icalendar.Timezone:
    """A zone's VTIMEZONE over the years the curriculum's sessions span, made once: the
    tz database's rules turned into iCalendar's take a while per zone (20 ms)."""
    first, last = years
    timezone = icalendar.Timezone.from_tzinfo(
        ZoneInfo(zone),
        tzid=zone,
        first_date=datetime.date(first - 1, 1, 1),
        last_date=datetime.date(last + 2, 1, 1),
    )
    # An English note on the range of years, for no reader.
    timezone.pop("COMMENT", None)
    return timezone


def _calendar(
    c: Curriculum,
    name: str,
    sessions: list[SessionInstant],
    site_url: str,
    years: tuple[int, int],
) -> str | None:
    if not sessions:
        return None
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", one_line(name))
    calendar.add("x-wr-calname", one_line(name))
    # Subscribers' calendar apps fetch again daily, as often as the site is rebuilt.
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    for session in sorted(sessions, key=lambda s: s.order):
        calendar.add_component(_event(c, session, site_url))
    # Sorted by TZID, so two builds write the same bytes (icalendar's own helper adds
    # them in set order, which changes with each process's hash seed).
    zones_used = sorted({s.zone for s in sessions})
    calendar.subcomponents[:0] = [_vtimezone(zone, years) for zone in zones_used]
    return calendar.to_ical().decode("utf-8")


def calendars(c: Curriculum, site_url: str = "") -> dict[str, str]:
    """Every calendar file, docs-relative path → iCalendar text (CRLF line ends)."""
    files: dict[str, str | None] = {}
    # One span of years for every calendar, so each zone's VTIMEZONE is made once.
    starts = [s.start.year for s in c.sessions]
    years = (min(starts, default=c.today.year), max(starts, default=c.today.year))
    for session in c.sessions:
        title = c.modules[session.module_id].title
        files[calendar_file("session", session)] = _calendar(c, title, [session], site_url, years)
    names = {
        ("schedule", ""): "Jadwal sesi kurikulum ASN",
        **{("track", i): f"Jadwal sesi jalur {t.title}" for i, t in c.tracks.items()},
        **{("pathway", i): f"Jadwal sesi jalur belajar {p.title}" for i, p in c.pathways.items()},
    }
    for (kind, item_id), name in names.items():
        sessions = c.calendar_sessions(kind, item_id)
        files[calendar_file(kind, item_id)] = _calendar(c, name, sessions, site_url, years)
    return {path: text for path, text in files.items() if text is not None}
