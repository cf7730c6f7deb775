"""`generator diff` says what an added, changed or removed outcome file reports."""

from __future__ import annotations

from generator.commands import cli
from tests.conftest import write_project
from tests.constants import TODAY
from tests.test_outcome_rules import OUTCOME, VALID

WITH_DIFF_SD = VALID.replace(
    "  post: {mean: 72, sd: 10}\n", "  post: {mean: 72, sd: 10}\n  diff_sd: 8\n"
)


def run(capsys, tmp_path, base_files, head_files) -> str:
    base = write_project(tmp_path / "base", base_files)
    head = write_project(tmp_path / "head", head_files)
    assert cli.main(["diff", str(base), str(head), "--today", TODAY]) == 0
    return capsys.readouterr().out


def test_added_outcome_file_in_words(capsys, tmp_path):
    output = run(capsys, tmp_path, {}, {OUTCOME: WITH_DIFF_SD})
    assert (
        "- Hasil sesi 10 November 2026 modul `etika` ditambahkan: 30 hadir; pre → post 55 → 72, "
        f"g_z 2,03 [1,21; 2,83] (`{OUTCOME}`)"
    ) in output


def test_changed_and_removed_outcome_files(capsys, tmp_path):
    changed = run(
        capsys, tmp_path / "a", {OUTCOME: VALID}, {OUTCOME: VALID.replace("mean: 72", "mean: 75")}
    )
    assert (
        "- Hasil sesi 10 November 2026 modul `etika` diubah: 30 hadir; pre → post 55 → 75, g_av"
        in changed
    )
    removed = run(capsys, tmp_path / "b", {OUTCOME: VALID}, {})
    assert f"- Hasil sesi 10 November 2026 modul `etika` dihapus (`{OUTCOME}`)" in removed
