"""A synthetic curriculum of any size, valid by construction, for the benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.format.schema import schema_line

TRACKS = ["berakhlak", "spbe", "kepemimpinan", "teknis"]
MODES = ["webinar", "recording", "e-learning", "coaching", "community", "on-the-job"]
ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]


def _write(root: Path, relpath: str, kind: str, body: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{schema_line(kind, relpath)}\n{body}", encoding="utf-8")


def module_id(i: int) -> str:
    return f"modul-{i:05d}"


def module_yaml(i: int) -> str:
    previous = i - len(TRACKS)
    prerequisites = (
        f"prerequisites:\n  - {module_id(previous)}\n" if previous >= 0 and i % 3 else ""
    )
    modes = [(MODES[(i + k) % len(MODES)], 45 * (1 + (i + k) % 3)) for k in range(3)]
    # A session lasts as long as the webinar it schedules (the validator warns otherwise).
    webinar = sum(minutes for mode, minutes in modes if mode == "webinar") or 90
    session = ""
    if i % 5 == 0:
        month = 1 + i % 12
        session = (
            "sessions:\n"
            f'  - start: "2027-{month:02d}-{1 + i % 27:02d}T09:00"\n'
            f"    timezone: {ZONES[i % 3]}\n"
            f"    minutes: {webinar}\n"
            "    platform: Zoom\n"
            f"    registration_url: https://contoh.go.id/daftar/{i}\n"
        )
    activities = "".join(
        f"  - mode: {mode}\n    minutes: {minutes}\n    title: Kegiatan {k + 1}\n"
        for k, (mode, minutes) in enumerate(modes)
    )
    return (
        f"id: {module_id(i)}\n"
        f"title: Modul sintetis nomor {i} tentang pelayanan publik digital\n"
        f"summary: Ringkasan modul {i} untuk pengujian skala situs kurikulum ASN.\n"
        "description: |\n"
        f"  Modul **{i}** membahas praktik baik pelayanan publik dan SPBE.\n\n"
        "  - butir pertama\n  - butir kedua\n"
        f"level: {['dasar', 'menengah', 'lanjut'][i % 3]}\n"
        "audience:\n  - pelaksana\n  - administrator\n"
        "objectives:\n  - Menjelaskan konsep utama.\n  - Menerapkan di unit kerja.\n"
        "competencies:\n"
        f"  - ref: manajerial/kompetensi-{i % 8}\n    level: {1 + i % 5}\n"
        f"  - ref: nilai/nilai-{i % 7}\n"
        f"activities:\n{activities}"
        f"{prerequisites}"
        "speakers:\n  - role: Narasumber\n    organisation: Pusat Pengembangan Kompetensi\n"
        "resources:\n  - title: Salindia\n    url: https://contoh.go.id/salindia.pdf\n"
        "    kind: slides\n"
        "evaluation:\n  pre_test: true\n  post_test: true\n  kirkpatrick:\n"
        "    1: Survei kepuasan\n    2: Post-test\n"
        "accessibility:\n  captions: true\n  low_bandwidth: Rekaman audio dan PDF ringkas\n"
        f"{session}"
        "owner: Pusat Pengembangan Kompetensi ASN\n"
        'reviewed: "2026-06-01"\n'
        f"tags:\n  - topik-{i % 40}\n"
    )


def write_curriculum(root: Path, modules: int) -> Path:
    """Write site_config.yml and curriculum/ for `modules` modules under root."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "site_config.yml").write_text(
        "tracks:\n" + "".join(f"  - {track}\n" for track in TRACKS), encoding="utf-8"
    )
    _write(
        root,
        "curriculum/competencies/manajerial.yml",
        "framework",
        "id: manajerial\ntitle: Kompetensi Manajerial\nlevels:\n"
        + "".join(f"  - level: {n}\n    title: Tingkat {n}\n" for n in range(1, 6))
        + "competencies:\n"
        + "".join(
            f"  - id: kompetensi-{k}\n    title: Kompetensi {k}\n    definition: Definisi {k}.\n"
            for k in range(8)
        ),
    )
    _write(
        root,
        "curriculum/competencies/nilai.yml",
        "framework",
        "id: nilai\ntitle: Nilai Dasar\ncompetencies:\n"
        + "".join(
            f"  - id: nilai-{k}\n    title: Nilai {k}\n    definition: Definisi nilai {k}.\n"
            for k in range(7)
        ),
    )
    for track in TRACKS:
        _write(
            root,
            f"curriculum/tracks/{track}.yml",
            "track",
            f"id: {track}\ntitle: Jalur {track}\nsummary: Ringkasan jalur {track}.\n",
        )
    for i in range(modules):
        track = TRACKS[i % len(TRACKS)]
        _write(root, f"curriculum/modules/{track}/{module_id(i)}.yml", "module", module_yaml(i))
    for p in range(max(1, modules // 100)):
        # Each pathway follows one track's prerequisite chain: i, i+4, i+8 ...
        start = p * 100
        steps = "".join(
            f"      - module: {module_id(start + 4 * k)}\n"
            for k in range(6)
            if start + 4 * k < modules
        )
        _write(
            root,
            f"curriculum/pathways/jalur-{p:04d}.yml",
            "pathway",
            f"id: jalur-{p:04d}\ntitle: Jalur belajar {p}\nsummary: Ringkasan {p}.\n"
            "audience:\n  - pelaksana\nlevel: dasar\noutcomes:\n  - Mampu.\n"
            + (f"assumes:\n  - {module_id(start - 4)}\n" if start >= 4 else "")
            + "phases:\n  - title: Inti\n    steps:\n"
            + steps,
        )
    _write(
        root,
        "curriculum/glossary.yml",
        "glossary",
        "".join(
            f"- term: ISTILAH{k}\n  expansion: Kepanjangan istilah {k}\n  definition: Definisi.\n"
            for k in range(30)
        ),
    )
    return root
