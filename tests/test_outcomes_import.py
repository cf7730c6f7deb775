"""`python -m generator outcomes import`: a per-person CSV becomes an aggregate outcome
file that holds no name, NIP or e-mail address, and the command says what it ignored."""

from __future__ import annotations

import contextlib
import io
import statistics
from pathlib import Path

import yaml

from generator.commands import cli
from tests.conftest import write_project

ROWS = [
    ("Budi Santoso", "198001012005011001", "budi@contoh.go.id", 50, 70, 4, 5),
    ("Sari Dewi", "198502022010012002", "sari@contoh.go.id", 60, 85, 5, 4),
    ("Andi Wijaya", "199003032015031003", "andi@contoh.go.id", 45, 65, 3, 4),
    ("Rina Marlina", "198704042012042004", "rina@contoh.go.id", 70, 80, 4, 4),
    ("Joko Susilo", "199205052019051005", "joko@contoh.go.id", 55, 78, 2, 3),
    ("Maya Putri", "198906062014062006", "maya@contoh.go.id", 65, 90, 5, 5),
]
HEADER = "Nama Peserta;NIP;Kontak;Nilai Pre Test;Nilai Post Test;Materi relevan;Saya puas\n"


def write_csv(folder: Path) -> Path:
    path = folder / "rekap.csv"
    path.write_text(HEADER + "".join(";".join(map(str, row)) + "\n" for row in ROWS), "utf-8")
    return path


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["outcomes", "import", *argv])
    return code, out.getvalue()


def test_import_writes_aggregates_only_and_names_what_it_ignored(tmp_path):
    root = write_project(tmp_path / "p")
    csv_path = write_csv(tmp_path)
    args = [str(csv_path), "--module", "etika", "--delivered", "2026-11-10", "--root", str(root)]
    # A guessed mapping is printed and not written until confirmed.
    code, output = run(*args)
    assert code == 1
    assert "kolom `Nilai Pre Test` → pre (ditebak dari judul kolom)" in output
    assert "kolom `Materi relevan` → relevance (ditebak dari judul kolom)" in output
    assert (
        "kolom diabaikan, tidak disalin: Nama Peserta (nama atau kontak), NIP (NIP), "
        "Kontak (alamat surel)"
    ) in output
    assert not (root / "curriculum" / "outcomes").exists()

    code, output = run(*args, "--yes")
    assert code == 0, output
    written = root / "curriculum" / "outcomes" / "etika" / "2026-11-10.yml"
    text = written.read_text(encoding="utf-8")
    for name, nip, email, *_ in ROWS:
        assert name not in text and name.split()[0] not in text
        assert nip not in text and email not in text
    data = yaml.safe_load(text)
    pre = [row[3] for row in ROWS]
    post = [row[4] for row in ROWS]
    assert data["participation"] == {"attended_live": 6}
    assert data["learning"]["matched"] == 6
    assert data["learning"]["pre"] == {
        "mean": round(statistics.mean(pre), 2),
        "sd": round(statistics.stdev(pre), 2),
    }
    assert data["learning"]["diff_sd"] == round(
        statistics.stdev(b - a for a, b in zip(pre, post, strict=True)), 2
    )
    assert data["reaction"] == {
        "responses": 6,
        "relevance": [0, 1, 1, 2, 2],
        "satisfaction": [0, 0, 1, 3, 2],
    }
    # The file it wrote is a valid outcome file of the project.
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["validate", "--root", str(root), "--today", "2026-11-29"]) == 0


def test_import_refuses_to_map_a_personal_column(tmp_path):
    root = write_project(tmp_path / "p")
    csv_path = write_csv(tmp_path)
    code, output = run(
        str(csv_path),
        "--module",
        "etika",
        "--delivered",
        "2026-11-10",
        "--root",
        str(root),
        "--item",
        "relevance=Kontak",
        "--yes",
    )
    assert code == 1
    assert "kolom `Kontak` berisi alamat surel, data pribadi" in output
    assert "Tidak ada berkas yang ditulis" in output
    assert not (root / "curriculum" / "outcomes").exists()


def test_import_refuses_a_module_id_that_is_a_path(tmp_path):
    root = write_project(tmp_path / "p")
    code, output = run(
        str(write_csv(tmp_path)),
        "--module",
        "../../x",
        "--delivered",
        "2026-11-10",
        "--root",
        str(root),
        "--yes",
    )
    assert code == 2 and "bukan id modul" in output
    assert not (tmp_path / "x").exists()
