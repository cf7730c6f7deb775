"""Calendars as a reader's calendar app reads them: parsed back with `icalendar`.

Each test writes a small project (BASE of tests/conftest.py plus a few sessions),
generates its pages and reads the `.ics` files among them.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml

from generator import pipeline
from tests.conftest import MODULE_DATA_LANJUT, MODULE_ETIKA, PATHWAY
from tests.constants import MINI, TODAY, TODAY_DATE

ETIKA = "curriculum/modules/nilai/etika.yml"
DATA_LANJUT = "curriculum/modules/digital/data-lanjut.yml"
PATHWAY_PATH = "curriculum/pathways/analis.yml"
DRAFT_PATHWAY = PATHWAY + "status: draft\n"
SITE_URL = "https://kurikulum.example.go.id/"
MKDOCS = f"site_name: Uji\nsite_url: {SITE_URL}\n"

# The same instant written in each of Indonesia's zones: 02.00 UTC.
THREE_ZONES = """\
sessions:
  - start: "2026-12-10T09:00"
    timezone: Asia/Jakarta
    minutes: 90
    platform: Zoom
    registration_url: https://example.org/daftar/wib
  - start: "2026-12-11T10:00"
    timezone: Asia/Makassar
    minutes: 120
    recording_url: https://example.org/rekaman/wita
  - start: "2026-12-12T11:00"
    timezone: Asia/Jayapura
    minutes: 60
"""


def generate(project, files=()) -> dict[str, str]:
    root = project({"mkdocs.yml": MKDOCS, **dict(files)})
    generated = pipeline.generate(root, today=TODAY_DATE)
    assert generated.pages is not None, [p.as_text() for p in generated.validation.problems]
    return generated.pages


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def test_each_instant_is_the_one_in_the_yaml(project):
    pages = generate(project, {ETIKA: MODULE_ETIKA + THREE_ZONES})
    found = {str(e["uid"]): e for e in events(pages["jadwal.ics"]) if "etika" in str(e["uid"])}
    starts = sorted(utc(e.decoded("dtstart")) for e in found.values())
    assert starts == [
        datetime.datetime(2026, 12, 10, 2, 0, tzinfo=datetime.UTC),  # 09.00 WIB
        datetime.datetime(2026, 12, 11, 2, 0, tzinfo=datetime.UTC),  # 10.00 WITA
        datetime.datetime(2026, 12, 12, 2, 0, tzinfo=datetime.UTC),  # 11.00 WIT
    ]
    by_zone = {e["dtstart"].params["TZID"]: e for e in found.values()}
    assert sorted(by_zone) == ["Asia/Jakarta", "Asia/Jayapura", "Asia/Makassar"]
    wita = by_zone["Asia/Makassar"]
    assert wita.decoded("dtstart").replace(tzinfo=None) == datetime.datetime(2026, 12, 11, 10)
    assert utc(wita.decoded("dtend")) == datetime.datetime(2026, 12, 11, 4, 0, tzinfo=datetime.UTC)
    wib = by_zone["Asia/Jakarta"]
    assert str(wib["summary"]) == "Etika Pelayanan"
    assert str(wib["location"]) == "Zoom"
    description = str(wib["description"])
    assert "Beban belajar modul: 3 JP." in description
    assert "Pendaftaran: https://example.org/daftar/wib" in description
    assert f"Halaman modul: {SITE_URL}modul/etika/" in description
    assert str(wib["url"]) == f"{SITE_URL}modul/etika/"
    assert "Rekaman: https://example.org/rekaman/wita" in str(wita["description"])


def test_every_session_of_the_mini_fixture_is_in_its_own_file_and_the_schedule(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    pages = pipeline.generate(root, today=TODAY_DATE).pages
    expected = set()
    for path in sorted((MINI / "curriculum" / "modules").rglob("*.yml")):
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        if module.get("status") == "draft":
            continue
        for session in module.get("sessions") or []:
            zone = ZoneInfo(session.get("timezone", "Asia/Jakarta"))
            start = datetime.datetime.fromisoformat(session["start"]).replace(tzinfo=zone)
            expected.add((module["id"], utc(start)))
    in_schedule = {
        (str(e["uid"]).split("-2")[0], utc(e.decoded("dtstart")))
        for e in events(pages["jadwal.ics"])
    }
    assert in_schedule == expected
    single = [path for path in pages if path.startswith("kalender/sesi/")]
    assert len(single) == len(expected)
    for path in single:
        assert len(events(pages[path])) == 1


ABROAD = '  - start: "2027-07-01T10:00"\n    timezone: Europe/Amsterdam\n    minutes: 60\n'


def test_every_zone_used_has_its_vtimezone(project):
    abroad = THREE_ZONES + ABROAD
    calendar = icalendar.Calendar.from_ical(
        generate(project, {ETIKA: MODULE_ETIKA + abroad})["jadwal.ics"]
    )
    zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    used = {e["dtstart"].params["TZID"] for e in calendar.walk("VEVENT")}
    assert used <= zones.keys()
    wita = zones["Asia/Makassar"].walk("STANDARD")[0]
    assert wita.decoded("tzoffsetto") == datetime.timedelta(hours=8)
    # Amsterdam has summer time: both its rules are there, summer +02:00 in July.
    amsterdam = zones["Europe/Amsterdam"]
    assert {c.name for c in amsterdam.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert datetime.timedelta(hours=2) in {
        c.decoded("tzoffsetto") for c in amsterdam.walk("DAYLIGHT")
    }
    event = next(
        e for e in calendar.walk("VEVENT") if e["dtstart"].params["TZID"] == "Europe/Amsterdam"
    )
    assert utc(event.decoded("dtstart")) == datetime.datetime(2027, 7, 1, 8, tzinfo=datetime.UTC)


def test_two_builds_are_byte_identical_and_uids_follow_module_and_start(project):
    files = {ETIKA: MODULE_ETIKA + THREE_ZONES}
    first, second = generate(project, files), generate(project, files)
    calendars = sorted(path for path in first if path.endswith(".ics"))
    assert calendars and calendars == sorted(p for p in second if p.endswith(".ics"))
    assert all(first[path] == second[path] for path in calendars)
    assert all(
        "\r\n" in first[path] and "\n" not in first[path].replace("\r\n", "") for path in calendars
    )
    # A new title, platform and length keep each session's UID; a new start changes it.
    renamed = MODULE_ETIKA.replace("Etika Pelayanan", "Etika Pelayanan Publik")
    moved = THREE_ZONES.replace("platform: Zoom", "platform: Teams").replace(
        "minutes: 90", "minutes: 100"
    )
    moved = moved.replace("2026-12-12T11:00", "2026-12-12T12:00")
    third = generate(project, {ETIKA: renamed + moved})

    def uids(pages):
        return sorted(
            str(e["uid"]) for e in events(pages["jadwal.ics"]) if "etika" in str(e["uid"])
        )

    before, after = uids(first), uids(third)
    assert before[:2] == after[:2]
    assert before[2] != after[2]
    assert before[2].endswith("@kurikulum.example.go.id")
    stamps = {e.decoded("dtstamp") for e in events(first["jadwal.ics"])}
    assert stamps == {datetime.datetime(2026, 11, 29, tzinfo=datetime.UTC)}


def test_builds_in_processes_with_different_hash_seeds_are_byte_identical(project):
    # Set order changes with each process's hash seed; the calendars must not.
    root = project({"mkdocs.yml": MKDOCS, ETIKA: MODULE_ETIKA + THREE_ZONES + ABROAD})
    found = []
    for seed in ("1", "2"):
        command = [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--markdown-only",
            "--root",
            str(root),
        ]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [*command, "--today", TODAY], capture_output=True, text=True, env=env, timeout=300
        )
        assert done.returncode == 0, done.stdout + done.stderr
        found.append({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.ics")})
    assert found[0] and found[0] == found[1]


def test_drafts_never_appear(project):
    draft = {ETIKA: MODULE_ETIKA + THREE_ZONES + "status: draft\n", PATHWAY_PATH: DRAFT_PATHWAY}
    pages = generate(project, draft)
    for path, text in pages.items():
        if path.endswith(".ics"):
            assert "etika" not in text.lower(), path
    assert not any(path.startswith("kalender/sesi/etika-") for path in pages)
    assert "kalender/jalur/nilai.ics" not in pages


def test_past_only_calendar_keeps_its_history_and_no_session_means_no_calendar(project):
    past = THREE_ZONES.replace("2026-12-1", "2026-10-1")
    pages = generate(project, {ETIKA: MODULE_ETIKA + past})
    track = events(pages["kalender/jalur/nilai.ics"])
    assert sorted(utc(e.decoded("dtstart")).date().isoformat() for e in track) == [
        "2026-10-10",
        "2026-10-11",
        "2026-10-12",
    ]
    # The module page lists them as past: no calendar link, the recording link stays.
    module = pages["modul/etika/index.md"]
    assert "Tambahkan ke kalender" not in module
    assert "[Rekaman webinar Etika Pelayanan](https://example.org/rekaman/wita)" in module
    assert "Kalender sesi jalur Nilai" in pages["jalur/nilai/index.md"]
    # Without any session the track has no calendar, and its page links to none.
    without = generate(project, {DATA_LANJUT: MODULE_DATA_LANJUT.split("sessions:")[0]})
    assert "kalender/jalur/digital.ics" not in without
    assert "Kalender sesi jalur" not in without["jalur/digital/index.md"]


def test_pages_link_to_calendars_that_exist(project):
    pages = generate(project, {ETIKA: MODULE_ETIKA + THREE_ZONES})
    module = pages["modul/etika/index.md"]
    for path in (p for p in pages if p.startswith("kalender/sesi/etika-")):
        assert f"[Tambahkan ke kalender](../../{path})" in module
    assert "(../jadwal.ics)" in pages["jadwal/index.md"]
    assert "(../../kalender/jalur-belajar/analis.ics)" in pages["jalur-belajar/analis/index.md"]


@pytest.mark.parametrize("field", ["title", "platform"])
def test_hostile_text_cannot_add_a_property_or_event(project, field):
    # Control characters never get this far (the loader refuses them); what is left is
    # iCalendar's own punctuation, and a text that looks like its lines.
    hostile = "Judul <b>x</b>; END:VEVENT, BEGIN:VEVENT \\ SUMMARY:palsu"
    text = MODULE_ETIKA + THREE_ZONES
    quoted = yaml.safe_dump(hostile, default_style='"').strip()
    if field == "title":
        text = text.replace("title: Etika Pelayanan", f"title: {quoted}")
    else:
        text = text.replace("platform: Zoom", f"platform: {quoted}")
    pages = generate(project, {ETIKA: text})
    calendar = icalendar.Calendar.from_ical(pages["jadwal.ics"])
    found = calendar.walk("VEVENT")
    assert len(found) == 3 + 1  # etika's three and data-lanjut's one
    key = "summary" if field == "title" else "location"
    assert hostile in {str(event.get(key)) for event in found}
    lines = pages["jadwal.ics"].split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 4
    assert not any(line.startswith("SUMMARY:palsu") for line in lines)


def test_two_sessions_at_the_same_instant_each_get_their_own_file_uid_and_link(project):
    """The same instant written in two zones (09.00 WIB and 10.00 WITA) is two sessions to
    the editor: each keeps its own calendar file, UID and registration link."""
    twins = """\
sessions:
  - start: "2026-12-10T09:00"
    timezone: Asia/Jakarta
    minutes: 90
    registration_url: https://example.org/daftar/wib
  - start: "2026-12-10T10:00"
    timezone: Asia/Makassar
    minutes: 90
    registration_url: https://example.org/daftar/wita
"""
    pages = generate(project, {ETIKA: MODULE_ETIKA + twins})
    files = sorted(path for path in pages if path.startswith("kalender/sesi/etika-"))
    assert files == [
        "kalender/sesi/etika-20261210-0200z-2.ics",
        "kalender/sesi/etika-20261210-0200z.ics",
    ]
    first, second = (events(pages[path])[0] for path in reversed(files))
    assert str(first["uid"]) != str(second["uid"])
    assert "daftar/wib" in str(first["description"]) + str(first.get("url", ""))
    assert "daftar/wita" in str(second["description"]) + str(second.get("url", ""))
    module = pages["modul/etika/index.md"]
    for path in files:
        assert f"[Tambahkan ke kalender](../../{path})" in module
    uids = [str(e["uid"]) for e in events(pages["jadwal.ics"]) if "etika" in str(e["uid"])]
    assert len(uids) == len(set(uids)) == 2
