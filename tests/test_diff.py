"""`generator diff`: the reviewers' summary of a curriculum change, compared exactly.

Each test writes BASE as the old side and BASE with one change as the new side, so
the expected Markdown is exactly what that change means.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.commands import cli
from generator.commands.diff import command as diff_module
from generator.commands.diff.changes import Snapshot
from generator.load.files import read_folder
from generator.problems import messages
from tests.conftest import (
    BASE,
    MODULE_DATA_DASAR,
    MODULE_DATA_LANJUT,
    MODULE_ETIKA,
    PATHWAY,
    TODAY,
    Files,
    write_project,
)

HEADING = "## Ringkasan perubahan kurikulum\n\n"
DATA_LANJUT = "curriculum/modules/digital/data-lanjut.yml"
PATHWAY_PATH = "curriculum/pathways/analis.yml"

MODULE_INTEGRITAS = """\
id: integritas
title: Integritas di Tempat Kerja
summary: Menjaga integritas dalam keputusan sehari-hari.
level: dasar
audience:
  - semua
objectives:
  - Mengenali konflik kepentingan.
competencies:
  - ref: nilai/akuntabel
activities:
  - mode: e-learning
    minutes: 90
  - mode: coaching
    minutes: 45
sessions:
  - start: "2027-01-12T13:30"
    timezone: Asia/Jayapura
    minutes: 60
status: draft
"""


@dataclass
class Diff:
    exit_code: int
    output: str
    stderr: str


@pytest.fixture
def run_diff(capsys: pytest.CaptureFixture[str]) -> Callable[..., Diff]:
    """Return a function running `generator diff` in-process with a fixed today."""

    def run(*args: str | Path) -> Diff:
        exit_code = cli.main(["diff", *map(str, args), "--today", TODAY])
        captured = capsys.readouterr()
        return Diff(exit_code, captured.out, captured.err)

    return run


@pytest.fixture
def diff(tmp_path: Path, run_diff: Callable[..., Diff]) -> Callable[[Files], Diff]:
    """Return a function: diff the folder BASE against BASE updated with `files`."""

    def run(files: Files) -> Diff:
        base = write_project(tmp_path / "base")
        head = write_project(tmp_path / "head", files)
        return run_diff(base, head)

    return run


def md(*lines: str) -> str:
    """Join expected Markdown lines; long ones are split with implicit concatenation."""
    return "\n".join(lines) + "\n"


def change(text: str, old: str, new: str) -> str:
    """Replace `old` in a fixture file, failing loudly when the fixture no longer has it."""
    assert old in text
    return text.replace(old, new)


def test_no_change(diff: Callable[[Files], Diff]) -> None:
    result = diff({})
    assert result.exit_code == 0
    assert result.output == HEADING + "Tidak ada perubahan kurikulum.\n"
    assert result.stderr == ""


def test_formatting_and_comments_alone_are_no_change(diff: Callable[[Files], Diff]) -> None:
    reformatted = "# Modul lanjutan.\n" + change(
        MODULE_DATA_LANJUT, "audience:\n  - administrator", "audience: [administrator]"
    )
    result = diff({DATA_LANJUT: reformatted})
    assert result.output == HEADING + "Tidak ada perubahan kurikulum.\n"


def test_added_module(diff: Callable[[Files], Diff]) -> None:
    result = diff({"curriculum/modules/nilai/integritas.yml": MODULE_INTEGRITAS})
    assert result.exit_code == 0
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Baru: `integritas` — Integritas di Tempat Kerja (jalur `nilai`, 3 JP, draf)",
        "",
        "### Sesi",
        "",
        "- `integritas`: sesi baru: 12 Januari 2027 13.30 WIT (60 menit)",
    )


def test_removed_module_reports_the_problems_it_leaves(diff: Callable[[Files], Diff]) -> None:
    result = diff({"curriculum/modules/nilai/etika.yml": None})
    assert result.exit_code == 0
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Dihapus: `etika` — Etika Pelayanan",
        "",
        "### JP",
        "",
        "- Jalur belajar `analis`: JP pilihan 3 JP → 0 JP (-3 JP), karena `etika`",
        "",
        "### Masalah validasi baru",
        "",
        "- Peringatan di `curriculum/competencies/nilai.yml:4:9`: kompetensi `nilai/akuntabel` "
        "belum dikembangkan oleh modul aktif mana pun; ini celah di peta kompetensi",
        "- Galat di `curriculum/pathways/analis.yml:16:17`: langkah menyebut modul `etika` yang "
        "tidak dikenal",
    )


def test_renamed_module_with_its_references_followed(diff: Callable[[Files], Diff]) -> None:
    result = diff(
        {
            "curriculum/modules/digital/data-dasar.yml": None,
            "curriculum/modules/digital/data-pengantar.yml": change(
                MODULE_DATA_DASAR, "id: data-dasar", "id: data-pengantar"
            ),
            DATA_LANJUT: change(MODULE_DATA_LANJUT, "- data-dasar", "- data-pengantar"),
            PATHWAY_PATH: change(PATHWAY, "module: data-dasar", "module: data-pengantar"),
        }
    )
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Berganti id: `data-dasar` → `data-pengantar`",
    )


def test_renamed_module_with_changes_of_its_own(diff: Callable[[Files], Diff]) -> None:
    renamed = change(MODULE_DATA_DASAR, "id: data-dasar", "id: data-pengantar")
    renamed = change(renamed, "title: Dasar Pengelolaan Data", "title: Pengantar Data")
    result = diff(
        {
            "curriculum/modules/digital/data-dasar.yml": None,
            "curriculum/modules/digital/data-pengantar.yml": renamed,
            DATA_LANJUT: change(MODULE_DATA_LANJUT, "- data-dasar", "- data-pengantar"),
            PATHWAY_PATH: change(PATHWAY, "module: data-dasar", "module: data-pengantar"),
        }
    )
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Berganti id: `data-dasar` → `data-pengantar`; juga diubah: `title` (Dasar Pengelolaan "
        "Data → Pengantar Data)",
    )


def test_changed_fields_quote_short_values(diff: Callable[[Files], Diff]) -> None:
    changed = change(MODULE_DATA_LANJUT, "level: menengah", "level: lanjut")
    changed = change(changed, "- Menganalisis data lintas unit.", "- Menyusun dasbor layanan.")
    result = diff({DATA_LANJUT: changed})
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `level` (menengah → lanjut), `objectives`",
    )


def test_changed_jp_and_the_pathway_it_shifts(diff: Callable[[Files], Diff]) -> None:
    longer = change(MODULE_DATA_LANJUT, "minutes: 180", "minutes: 225")
    result = diff({DATA_LANJUT: longer})
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `activities` (kegiatan ke-2: on-the-job, 180 menit → "
        "on-the-job, 225 menit)",
        "",
        "### JP",
        "",
        "- Modul `data-lanjut`: 6 JP → 7 JP (+1 JP)",
        "- Jalur belajar `analis`: JP wajib 7 JP → 8 JP (+1 JP), karena `data-lanjut`",
    )


def test_jp_minutes_shift_every_module(diff: Callable[[Files], Diff]) -> None:
    # 90 minutes per JP keeps every module whole or half: no JP warning in the way.
    result = diff({"site_config.yml": change(BASE["site_config.yml"], "45", "90")})
    assert result.output == HEADING + md(
        "### Aturan kurikulum (`site_config.yml`)",
        "",
        "- `jp_minutes`: 45 → 90",
        "",
        "### JP",
        "",
        "- Modul `data-dasar`: 1 JP → 0,5 JP (-0,5 JP)",
        "- Modul `data-lanjut`: 6 JP → 3 JP (-3 JP)",
        "- Modul `etika`: 3 JP → 1,5 JP (-1,5 JP)",
        "- Jalur belajar `analis`: JP wajib 7 JP → 3,5 JP (-3,5 JP), karena `data-dasar`, "
        "`data-lanjut`",
        "- Jalur belajar `analis`: JP pilihan 3 JP → 1,5 JP (-1,5 JP), karena `etika`",
    )


def test_jp_rounding_ties_round_half_up(diff: Callable[[Files], Diff]) -> None:
    # 135 and 315 minutes at 60 are 2.25 and 5.25 JP: a tie, rounded half up as the site
    # and the planner round it (float rounding gave 2,2 and 5,2).
    result = diff({"site_config.yml": change(BASE["site_config.yml"], "45", "60")})
    lines = result.output.splitlines()
    assert "- Modul `etika`: 3 JP → 2,3 JP (-0,7 JP)" in lines
    assert (
        "- Jalur belajar `analis`: JP wajib 7 JP → 5,3 JP (-1,7 JP), karena `data-dasar`, "
        "`data-lanjut`"
    ) in lines


def test_prerequisite_changes(diff: Callable[[Files], Diff]) -> None:
    changed = change(MODULE_DATA_LANJUT, "  - data-dasar\n", "  - etika\n")
    result = diff({DATA_LANJUT: changed})
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `prerequisites` (data-dasar → etika)",
        "",
        "### Prasyarat",
        "",
        "- `data-lanjut`: ditambah `etika`; dihapus `data-dasar`",
        "",
        "### Masalah validasi baru",
        "",
        "- Galat di `curriculum/pathways/analis.yml:15:17`: modul `data-lanjut` memerlukan "
        "`etika`, yang harus muncul di langkah sebelumnya atau di `assumes`",
    )


def test_moved_session(diff: Callable[[Files], Diff]) -> None:
    moved = change(
        MODULE_DATA_LANJUT,
        'start: "2026-12-10T09:00"\n    timezone: Asia/Makassar',
        'start: "2026-12-11T13:00"\n    timezone: Asia/Jakarta',
    )
    result = diff({DATA_LANJUT: moved})
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `sessions`",
        "",
        "### Sesi",
        "",
        "- `data-lanjut`: sesi dipindah dari 10 Desember 2026 09.00 WITA ke 11 Desember 2026 "
        "13.00 WIB",
    )


def test_broken_reference_is_a_new_error(diff: Callable[[Files], Diff]) -> None:
    result = diff({PATHWAY_PATH: change(PATHWAY, "module: data-dasar", "module: data-dasr")})
    assert result.exit_code == 0
    assert result.output == HEADING + md(
        "### Jalur belajar",
        "",
        "- Diubah: `analis`:",
        '  - langkah baru `data-dasr` di fase "Sebelum webinar" (wajib)',
        '  - langkah `data-dasar` dihapus dari fase "Sebelum webinar"',
        "",
        "### JP",
        "",
        "- Jalur belajar `analis`: JP wajib 7 JP → 6 JP (-1 JP), karena langkah wajib berubah",
        "",
        "### Masalah validasi baru",
        "",
        "- Galat di `curriculum/pathways/analis.yml:12:17`: langkah menyebut modul `data-dasr` "
        "yang tidak dikenal; mungkin maksud Anda `data-dasar`?",
        "- Galat di `curriculum/pathways/analis.yml:15:17`: modul `data-lanjut` memerlukan "
        "`data-dasar`, yang harus muncul di langkah sebelumnya atau di `assumes`",
    )


def test_a_known_problem_that_moved_lines_is_not_new(
    tmp_path: Path, run_diff: Callable[..., Diff]
) -> None:
    broken = change(PATHWAY, "module: etika", "module: etik")
    base = write_project(tmp_path / "base", {PATHWAY_PATH: broken})
    head = write_project(
        tmp_path / "head", {PATHWAY_PATH: change(broken, "outcomes:", "outcomes:\n  - Lulus.")}
    )
    assert run_diff(base, head).output == HEADING + md(
        "### Jalur belajar",
        "",
        "- Diubah: `analis`: `outcomes`",
    )


def test_a_reworded_message_leaves_known_problems_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems are matched by code, file and fields: rewording one is not a new problem.

    The base side is validated with today's wording and the head side, the very same
    curriculum, with the catalogue entry reworded, as when a pull request changes a message.
    """
    broken = change(PATHWAY, "module: etika", "module: etik")
    folder = write_project(tmp_path / "kurikulum", {PATHWAY_PATH: broken})
    today = datetime.date.fromisoformat(TODAY)
    base = diff_module.load_side(read_folder(folder), today=today)
    monkeypatch.setitem(
        messages.MESSAGES, "step-unknown", "modul `{module}` di langkah ini tidak ada{hint}"
    )
    head = diff_module.load_side(read_folder(folder), today=today)

    def unknown_steps(side: Snapshot) -> list[str]:
        return [problem.message for problem in side.problems if problem.code == "step-unknown"]

    assert unknown_steps(base) == [
        "langkah menyebut modul `etik` yang tidak dikenal; mungkin maksud Anda `etika`?"
    ]
    assert unknown_steps(head) == [
        "modul `etik` di langkah ini tidak ada; mungkin maksud Anda `etika`?"
    ]
    assert diff_module.summarise(base, head) == HEADING + "Tidak ada perubahan kurikulum.\n"


# --- git revisions -----------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the project in a subfolder, with BASE committed."""
    root = tmp_path / "repo"
    project = write_project(root / "kurikulum")
    git(root, "init", "--quiet")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "--no-gpg-sign", "-m", "Kurikulum awal")
    return project


def test_git_revisions_and_working_tree(repo: Path, run_diff: Callable[..., Diff]) -> None:
    first = git(repo, "rev-parse", "HEAD")
    moved = change(MODULE_DATA_LANJUT, '"2026-12-10T09:00"', '"2026-12-10T10:00"')
    write_project(repo, {DATA_LANJUT: moved}, base=False)
    git(repo, "commit", "--quiet", "--no-gpg-sign", "-am", "Geser sesi")
    tagged = MODULE_ETIKA + "tags:\n  - etika\n"
    write_project(repo, {"curriculum/modules/nilai/etika.yml": tagged}, base=False)
    session = md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `sessions`",
        "",
        "### Sesi",
        "",
        "- `data-lanjut`: sesi dipindah dari 10 Desember 2026 09.00 WITA ke 10 Desember 2026 "
        "10.00 WITA",
    )
    tags = "### Modul\n\n- Diubah: `etika`: `tags` ((tidak ada) → etika)\n"

    between = run_diff(first, "HEAD", "--root", repo)
    assert (between.exit_code, between.output) == (0, HEADING + session)
    working = run_diff("HEAD", "--root", repo)
    assert (working.exit_code, working.output) == (0, HEADING + tags)
    same = run_diff(first, first, "--root", repo)
    assert same.output == HEADING + "Tidak ada perubahan kurikulum.\n"


def test_unknown_revision_is_a_usage_error(repo: Path, run_diff: Callable[..., Diff]) -> None:
    result = run_diff("tidak-ada", "--root", repo)
    assert result.exit_code == 2
    assert result.output == ""
    assert result.stderr == (
        f"galat: `tidak-ada` bukan folder yang ada maupun revisi git yang dikenal di `{repo}`; "
        "periksa ejaannya, atau ambil dulu cabangnya (mis. `git fetch origin main`)\n"
    )


def test_revision_outside_a_repository_is_a_usage_error(
    tmp_path: Path, run_diff: Callable[..., Diff]
) -> None:
    project = write_project(tmp_path / "bukan-repo")
    result = run_diff("main", "--root", project)
    assert result.exit_code == 2
    assert result.stderr == (
        f"galat: `main` bukan folder yang ada, dan `{project}` bukan repositori git sehingga "
        "revisi tidak dapat dibaca; berikan dua folder, atau `--root` ke repositori\n"
    )


def test_hostile_keys_and_file_names_stay_literal(diff: Callable[[Files], Diff]) -> None:
    """Curriculum text never becomes Markdown or HTML in the summary, backticks included."""
    hostile_key = MODULE_DATA_LANJUT + '"a`<b>x</b>": 1\n'
    retitled = change(MODULE_ETIKA, "title: Etika Pelayanan", 'title: "# <b>x</b> `y`"')
    result = diff(
        {
            DATA_LANJUT: hostile_key,
            "curriculum/modules/nilai/etika.yml": retitled,
            "curriculum/``*x*`<i>.txt": "teks\n",
        }
    )
    lines = result.output.splitlines()
    # An unknown key makes the file invalid: reported as such, with no changes of its own.
    assert (
        "- `curriculum/modules/digital/data-lanjut.yml` tidak valid; perubahan lain di berkas "
        "ini tidak dilaporkan sampai galatnya diperbaiki:" in lines
    )
    assert [line for line in lines if "Diubah: `data-lanjut`" in line] == []
    assert (
        "- Diubah: `etika`: `title` (Etika Pelayanan → \\# &lt;b&gt;x&lt;/b&gt; \\`y\\`)" in lines
    )
    assert "- Baru: ```curriculum/``*x*`<i>.txt```" in lines


def test_a_symlink_is_reported_never_read(
    tmp_path: Path, repo: Path, run_diff: Callable[..., Diff]
) -> None:
    """In a folder or a git revision (mode 120000), a symlink is the loader's problem."""
    secret = tmp_path / "rahasia.md"
    secret.write_text("# kata sandi rahasia\n", encoding="utf-8")
    first = git(repo, "rev-parse", "HEAD")
    (repo / "curriculum/pages").mkdir()
    os.symlink(secret, repo / "curriculum/pages/rahasia.md")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "--no-gpg-sign", "-m", "Tautan")
    expected = HEADING + md(
        "### Masalah validasi baru",
        "",
        "- Galat di `curriculum/pages/rahasia.md:1:1`: " + messages.say("symlink"),
    )
    between = run_diff(first, "HEAD", "--root", repo)
    assert (between.exit_code, between.output) == (0, expected)
    folders = run_diff(write_project(tmp_path / "base"), repo)
    assert (folders.exit_code, folders.output) == (0, expected)


# --- what reviewers act on: each kind of change, exactly -------------------------------------


def test_a_step_moved_to_another_phase_and_made_required(diff: Callable[[Files], Diff]) -> None:
    moved = change(
        PATHWAY,
        "      - module: data-dasar\n",
        "      - module: data-dasar\n      - module: etika\n",
    )
    moved = change(moved, "      - module: etika\n        required: false\n", "")
    assert diff({PATHWAY_PATH: moved}).output == HEADING + md(
        "### Jalur belajar",
        "",
        "- Diubah: `analis`:",
        '  - langkah `etika` dipindah dari fase "Setelah webinar" ke fase "Sebelum webinar"',
        "  - langkah `etika` menjadi wajib",
        "",
        "### JP",
        "",
        "- Jalur belajar `analis`: JP wajib 7 JP → 10 JP (+3 JP), karena langkah wajib berubah",
        "- Jalur belajar `analis`: JP pilihan 3 JP → 0 JP (-3 JP), karena langkah pilihan berubah",
    )


def test_a_required_step_made_optional(diff: Callable[[Files], Diff]) -> None:
    optional = change(
        PATHWAY,
        "      - module: data-lanjut\n",
        "      - module: data-lanjut\n        required: false\n",
    )
    assert diff({PATHWAY_PATH: optional}).output == HEADING + md(
        "### Jalur belajar",
        "",
        "- Diubah: `analis`:",
        "  - langkah `data-lanjut` menjadi pilihan",
        "",
        "### JP",
        "",
        "- Jalur belajar `analis`: JP wajib 7 JP → 1 JP (-6 JP), karena langkah wajib berubah",
        "- Jalur belajar `analis`: JP pilihan 3 JP → 9 JP (+6 JP), karena langkah pilihan berubah",
    )


def test_steps_reordered_within_a_phase(diff: Callable[[Files], Diff]) -> None:
    reordered = change(
        PATHWAY,
        "      - module: data-lanjut\n      - module: etika\n        required: false\n",
        "      - module: etika\n        required: false\n      - module: data-lanjut\n",
    )
    assert diff({PATHWAY_PATH: reordered}).output == HEADING + md(
        "### Jalur belajar",
        "",
        "- Diubah: `analis`:",
        '  - urutan langkah di fase "Setelah webinar": `data-lanjut`, `etika` → `etika`, '
        "`data-lanjut`",
    )


def test_an_optional_step_added_and_removed(diff: Callable[[Files], Diff]) -> None:
    added = PATHWAY + "      - module: integritas\n        required: false\n"
    added = change(added, "      - module: etika\n        required: false\n", "")
    result = diff(
        {
            PATHWAY_PATH: added,
            "curriculum/modules/nilai/integritas.yml": change(
                MODULE_INTEGRITAS, "status: draft\n", ""
            ),
        }
    )
    assert result.output == HEADING + md(
        "### Modul",
        "",
        "- Baru: `integritas` — Integritas di Tempat Kerja (jalur `nilai`, 3 JP)",
        "",
        "### Jalur belajar",
        "",
        "- Diubah: `analis`:",
        '  - langkah baru `integritas` di fase "Setelah webinar" (pilihan)',
        '  - langkah `etika` dihapus dari fase "Setelah webinar"',
        "",
        "### Sesi",
        "",
        "- `integritas`: sesi baru: 12 Januari 2027 13.30 WIT (60 menit)",
    )


def test_audience_level_and_competencies_before_and_after(diff: Callable[[Files], Diff]) -> None:
    etika = change(MODULE_ETIKA, "  - semua\n", "  - pelaksana\n  - administrator\n")
    etika = change(etika, "level: dasar", "level: menengah")
    etika = change(
        etika,
        "  - ref: nilai/akuntabel",
        "  - ref: nilai/akuntabel\n  - ref: digital/data\n    level: 1",
    )
    assert diff({"curriculum/modules/nilai/etika.yml": etika}).output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `etika`: `level` (dasar → menengah), `audience` (semua → pelaksana, "
        "administrator), `competencies` (digital/data baru: tingkat 1)",
    )


def test_session_added_and_removed_with_their_zones(diff: Callable[[Files], Diff]) -> None:
    two = change(
        MODULE_DATA_LANJUT,
        "    registration_url: https://example.org/daftar\n",
        "    registration_url: https://example.org/daftar\n"
        '  - start: "2026-12-17T09:00"\n    minutes: 90\n',
    )
    base = diff({DATA_LANJUT: two})
    assert base.output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `sessions`",
        "",
        "### Sesi",
        "",
        "- `data-lanjut`: sesi baru: 17 Desember 2026 09.00 WIB (90 menit)",
    )


def test_a_head_file_that_became_invalid_is_reported_with_its_problems_only(
    diff: Callable[[Files], Diff],
) -> None:
    # Before: "sesi dihapus: 10 Desember 2026 09.00 WITA" and a JP drop, neither true.
    typo = change(MODULE_DATA_LANJUT, "level: menengah", "level: Menengah")
    typo = change(typo, "title: Analisis Data Layanan", "title: Analisis Data")
    result = diff({DATA_LANJUT: typo})
    assert result.exit_code == 0
    assert result.output == HEADING + md(
        "### Berkas tidak valid",
        "",
        "- `curriculum/modules/digital/data-lanjut.yml` tidak valid; perubahan lain di berkas "
        "ini tidak dilaporkan sampai galatnya diperbaiki:",
        "  - Galat di `curriculum/modules/digital/data-lanjut.yml:4:8`: `level` harus salah satu "
        'dari: dasar, menengah, lanjut; ditemukan teks "Menengah"; mungkin maksud Anda '
        "`menengah`?",
    )


@pytest.mark.parametrize("inside", ["curriculum", "tests"])
def test_a_folder_that_is_not_a_project_root_is_a_usage_error(
    tmp_path: Path, run_diff: Callable[..., Diff], inside: str
) -> None:
    base = write_project(tmp_path / "base")
    head = write_project(tmp_path / "head")
    (head / "tests").mkdir()
    result = run_diff(base / inside if inside == "curriculum" else head / inside, head / inside)
    assert result.exit_code == 2
    assert result.output == ""
    folder = base / inside if inside == "curriculum" else head / inside
    parent = folder.parent
    assert result.stderr == (
        f"galat: `{folder}` bukan akar proyek: di dalamnya tidak ada `site_config.yml` maupun "
        f"folder `curriculum/`; berikan folder yang memuat keduanya; mungkin maksud Anda "
        f"`{parent}`?\n"
    )


def test_a_root_below_the_project_is_a_usage_error(
    repo: Path, run_diff: Callable[..., Diff]
) -> None:
    below = repo / "curriculum"
    result = run_diff("HEAD", "HEAD", "--root", below)
    assert result.exit_code == 2
    assert result.stderr == (
        f"galat: revisi `HEAD` tidak memuat `site_config.yml` maupun `curriculum/` di `{below}`; "
        "berikan `--root` ke akar proyek\n"
    )


def test_session_removed_with_its_zone(diff: Callable[[Files], Diff]) -> None:
    without = change(
        MODULE_DATA_LANJUT,
        'sessions:\n  - start: "2026-12-10T09:00"\n    timezone: Asia/Makassar\n    minutes: 90\n'
        "    registration_url: https://example.org/daftar\n",
        "",
    )
    assert diff({DATA_LANJUT: without}).output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `sessions`",
        "",
        "### Sesi",
        "",
        "- `data-lanjut`: sesi dihapus: 10 Desember 2026 09.00 WITA",
    )


def test_an_invalid_site_config_reports_no_settings_or_jp(diff: Callable[[Files], Diff]) -> None:
    broken = change(BASE["site_config.yml"], "jp_minutes: 45", "jp_minutes: 60\njp_minute: 45")
    assert diff({"site_config.yml": broken}).output == HEADING + md(
        "### Berkas tidak valid",
        "",
        "- `site_config.yml` tidak valid; perubahan lain di berkas ini tidak dilaporkan sampai "
        "galatnya diperbaiki:",
        "  - Galat di `site_config.yml:2:1`: kolom `jp_minute` tidak dikenal; mungkin maksud "
        "Anda `jp_minutes`?",
    )


def test_a_webinar_made_longer_names_the_activity_and_the_session(
    diff: Callable[[Files], Diff],
) -> None:
    # Before: "`activities`, `sessions`" and nothing a reviewer could check.
    longer = change(
        MODULE_DATA_LANJUT,
        "minutes: 90\n  - mode: on-the-job",
        "minutes: 135\n  - mode: on-the-job",
    )
    longer = change(
        longer, "    minutes: 90\n    registration", "    minutes: 135\n    registration"
    )
    assert diff({DATA_LANJUT: longer}).output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `activities` (kegiatan ke-1: webinar, 90 menit → webinar, 135 "
        "menit), `sessions`",
        "",
        "### JP",
        "",
        "- Modul `data-lanjut`: 6 JP → 7 JP (+1 JP)",
        "- Jalur belajar `analis`: JP wajib 7 JP → 8 JP (+1 JP), karena `data-lanjut`",
        "",
        "### Sesi",
        "",
        "- `data-lanjut`: sesi 10 Desember 2026 09.00 WITA, durasi 90 → 135 menit",
    )


def test_only_the_competencies_that_changed_are_named(diff: Callable[[Files], Diff]) -> None:
    data = change(MODULE_DATA_LANJUT, "    level: 3", "    level: 2")
    data = change(
        data, "  - ref: digital/data\n", "  - ref: nilai/akuntabel\n  - ref: digital/data\n"
    )
    assert diff({DATA_LANJUT: data}).output == HEADING + md(
        "### Modul",
        "",
        "- Diubah: `data-lanjut`: `competencies` (digital/data: tingkat 3 → tingkat 2; "
        "nilai/akuntabel baru: tanpa tingkat)",
    )


def test_a_new_session_dated_in_the_past_is_flagged(diff: Callable[[Files], Diff]) -> None:
    past = change(
        MODULE_DATA_LANJUT,
        "    registration_url: https://example.org/daftar\n",
        "    registration_url: https://example.org/daftar\n"
        '  - start: "2025-12-17T09:00"\n    minutes: 90\n',
    )
    assert diff({DATA_LANJUT: past}).output.endswith(
        "- `data-lanjut`: sesi baru: 17 Desember 2025 09.00 WIB (90 menit) — **tanggalnya sudah "
        'lewat**: sesi ini langsung tampil sebagai "Sudah lewat"; periksa tahun dan tanggalnya\n'
    )
