"""`generator new`: scaffolds that validate as written and once filled, and every refusal."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.commands import cli
from generator.format.models import FORMAT_MODELS
from generator.format.schema import schema_line
from tests.conftest import BASE, MODULE_DATA_DASAR, MODULE_ETIKA, run_validate, write_project

MODULE_PATH = "curriculum/modules/digital/keamanan-siber.yml"
PATHWAY_PATH = "curriculum/pathways/analis-pemula.yml"
TRACK_PATH = "curriculum/tracks/literasi.yml"
# Every kind with the options that create it and the file it writes.
KINDS = {
    "module": (["--track", "digital", "--id", "keamanan-siber"], MODULE_PATH),
    "pathway": (["--id", "analis-pemula"], PATHWAY_PATH),
    "track": (["--id", "literasi"], TRACK_PATH),
}
CLEAN = "berkas diperiksa: tidak ada masalah."
NEXT_MODULE = (
    'Berikutnya: ganti setiap teks "ISI: …", lalu ubah `status` menjadi `active` agar modul '
    "ini diterbitkan. Periksa dengan `python -m generator validate`.\n"
)
SLUG_RULE = (
    "id berupa slug: huruf kecil a-z, angka 0-9 dan tanda hubung di antaranya, tanpa spasi, "
    "tidak diawali atau diakhiri tanda hubung, paling banyak 64 karakter"
)


@dataclass
class New:
    exit_code: int
    output: str
    stderr: str
    prompts: list[str] = field(default_factory=list)


@pytest.fixture
def new(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., New]:
    """Return a function running `generator new` in-process, answering prompts from a list."""

    def run(root: Path, *args: str, answers: list[str] | None = None) -> New:
        prompts: list[str] = []
        remaining = list(answers or [])

        def answer(prompt: str) -> str:
            prompts.append(prompt)
            if not remaining:
                raise EOFError
            return remaining.pop(0)

        monkeypatch.setattr("builtins.input", answer)
        exit_code = cli.main(["new", *args, "--root", str(root)])
        captured = capsys.readouterr()
        return New(exit_code, captured.out, captured.err, prompts)

    return run


def fill(text: str) -> str:
    """Do what the editor is asked to: write every `ISI:` text, map a competency, publish."""
    text = re.sub(r'"ISI: [^"]*"', '"Teks yang sudah diisi editor."', text)
    text = text.replace("status: draft", "status: active")
    example = "# competencies:\n#   - ref: digital/data\n#     level: 1\n"
    return text.replace(example, example.replace("# ", "").replace("#", ""))


def uncommented(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


# --- what is written -------------------------------------------------------------------


def test_options_mode_writes_a_module_that_validates_as_written(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    root = write_project(tmp_path)
    result = new(root, "module", "--track", "digital", "--id", "keamanan-siber", "--title", "Aman")
    assert (result.exit_code, result.stderr, result.prompts) == (0, "", [])
    assert result.output == f"dibuat: {MODULE_PATH}\n" + NEXT_MODULE
    text = (root / MODULE_PATH).read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_line("module", MODULE_PATH)
    assert "id: keamanan-siber\ntitle: Aman\n" in text
    assert run_validate(root).lines == [f"11 {CLEAN}"]


def test_interactive_mode_asks_for_id_track_and_title(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    root = write_project(tmp_path)
    result = new(root, "module", answers=["keamanan-siber", "2", "Keamanan Siber: Dasar"])
    assert result.exit_code == 0
    # In CONTRIBUTING's order: id, track, title.
    assert result.prompts == [
        "Id modul (slug, mis. keamanan-siber): ",
        "Jalur modul (nomor atau id): ",
        "Judul modul: ",
    ]
    assert result.output == (
        "Jalur yang ada:\n"
        "  1. nilai — Nilai Dasar\n"
        "  2. digital — Transformasi Digital\n"
        f"dibuat: {MODULE_PATH}\n" + NEXT_MODULE
    )
    # A title YAML would misread is quoted.
    assert 'title: "Keamanan Siber: Dasar"\n' in (root / MODULE_PATH).read_text(encoding="utf-8")


def test_interactive_mode_asks_again_after_an_unusable_answer(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    root = write_project(tmp_path)
    answers = ["Keamanan Siber", "data-dasar", "keamanan-siber", "digitl", "digital", " ", "Aman"]
    result = new(root, "module", answers=answers)
    assert result.exit_code == 0
    assert len(result.prompts) == len(answers)
    assert result.stderr == (
        f"galat: id `Keamanan Siber` tidak sah: {SLUG_RULE}; mungkin maksud Anda "
        "`keamanan-siber`?\n"
        "galat: id `data-dasar` sudah dipakai oleh `curriculum/modules/digital/data-dasar.yml`; "
        "id modul harus unik di semua jalur, pilih id lain\n"
        "galat: jalur `digitl` tidak dikenal; jalur yang ada: nilai, digital; mungkin maksud "
        "Anda `digital`?\n"
        "galat: judul tidak boleh kosong\n"
    )
    assert (root / MODULE_PATH).is_file()


def test_interactive_mode_can_be_cancelled(tmp_path: Path, new: Callable[..., New]) -> None:
    root = write_project(tmp_path)
    result = new(root, "pathway", answers=["analis-pemula"])
    assert result.exit_code == 1
    assert result.stderr == "\ndibatalkan; tidak ada berkas yang ditulis\n"
    assert not (root / PATHWAY_PATH).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_scaffold_validates_as_written_and_once_filled(
    tmp_path: Path, new: Callable[..., New], kind: str
) -> None:
    root = write_project(tmp_path)
    options, relpath = KINDS[kind]
    assert new(root, kind, *options, "--title", "Judul Baru").exit_code == 0
    as_written = run_validate(root)
    if kind == "track":
        # A track has no draft status: its placeholder would be published, so the check
        # fails until it is filled.
        assert as_written.exit_code == 1
        assert as_written.lines == [
            f"{relpath}:7:10: error: `summary` masih berisi teks isian `ISI: …`; ganti "
            "dengan isi sebenarnya sebelum diterbitkan",
            "11 berkas diperiksa: 1 galat, 0 peringatan.",
        ]
    else:
        assert as_written.exit_code == 0
        assert as_written.lines == [f"11 {CLEAN}"]

    path = root / relpath
    filled = fill(path.read_text(encoding="utf-8"))
    assert "ISI:" not in uncommented(filled)
    path.write_text(filled, encoding="utf-8")
    assert run_validate(root, "--strict").lines == [f"11 {CLEAN}"]


@pytest.mark.parametrize("kind", KINDS)
def test_scaffold_has_every_required_field_and_shows_every_optional_one(
    tmp_path: Path, new: Callable[..., New], kind: str
) -> None:
    root = write_project(tmp_path)
    options, relpath = KINDS[kind]
    new(root, kind, *options, "--title", "Judul Baru")
    text = (root / relpath).read_text(encoding="utf-8")
    model = FORMAT_MODELS[kind]
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    assert required <= set(yaml.safe_load(text))
    for name in model.model_fields:
        assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name


def test_pathway_assumes_the_prerequisites_of_its_placeholder_module(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    # No active module is free of prerequisites: the first one's go to `assumes`.
    root = write_project(
        tmp_path,
        {
            "curriculum/modules/digital/data-dasar.yml": MODULE_DATA_DASAR + "status: archived\n",
            "curriculum/modules/nilai/etika.yml": MODULE_ETIKA + "prerequisites:\n  - data-dasar\n",
        },
    )
    before = run_validate(root).problems
    assert new(root, "pathway", "--id", "analis-pemula", "--title", "Analis").exit_code == 0
    text = (root / PATHWAY_PATH).read_text(encoding="utf-8")
    assert "assumes:\n  - data-dasar\n" in text
    assert "      - module: data-lanjut\n" in text
    (root / PATHWAY_PATH).write_text(fill(text), encoding="utf-8")
    # The placeholder step's module serves only administrators, not the placeholder
    # audience `semua`: the editor is told, as for any pathway.
    after = run_validate(root).problems
    expected = (
        f"{PATHWAY_PATH}:29:17: warning: modul `data-lanjut` tidak menyasar `semua`, padahal "
        "jalur belajar ini menyasarnya; tambahkan ke `audience` modul itu agar peta "
        "kompetensi tidak berlubang"
    )
    assert sorted(after) == sorted([*before, expected])


def test_new_track_is_appended_to_site_config_preserving_it(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    config = "# Urutan jalur.\njp_minutes: 45\ntracks:\n  - nilai\n  - digital  # terakhir\n\n"
    root = write_project(tmp_path, {"site_config.yml": config})
    result = new(root, "track", "--id", "literasi", "--title", "Literasi Digital")
    assert result.exit_code == 0
    assert result.output == (
        f"dibuat: {TRACK_PATH}\n"
        "ditambahkan: `literasi` di akhir `tracks` dalam site_config.yml; pindahkan bila "
        "urutannya perlu diubah\n"
        'Berikutnya: ganti setiap teks "ISI: …" di berkas itu.\n'
    )
    assert (root / "site_config.yml").read_text(encoding="utf-8") == (
        "# Urutan jalur.\njp_minutes: 45\ntracks:\n  - nilai\n  - digital  # terakhir\n"
        "  - literasi\n\n"
    )


def test_new_track_with_a_flow_style_list_gets_a_reminder(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    config = "tracks: [nilai, digital]\n"
    root = write_project(tmp_path, {"site_config.yml": config})
    result = new(root, "track", "--id", "literasi", "--title", "Literasi")
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == (
        "ingat: tambahkan `literasi` ke `tracks` dalam site_config.yml (berkas itu tidak dapat "
        "diubah otomatis karena daftarnya tidak berbentuk butir `- `)"
    )
    assert (root / "site_config.yml").read_text(encoding="utf-8") == config


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["module", "--track", "digital", "--id", "data-dasar"],
            "berkas `curriculum/modules/digital/data-dasar.yml` sudah ada dan tidak akan "
            "ditimpa; pilih id lain, atau sunting berkas itu langsung",
        ),
        (
            ["pathway", "--id", "analis"],
            "berkas `curriculum/pathways/analis.yml` sudah ada dan tidak akan ditimpa; pilih id "
            "lain, atau sunting berkas itu langsung",
        ),
        (
            ["track", "--id", "nilai"],
            "berkas `curriculum/tracks/nilai.yml` sudah ada dan tidak akan ditimpa; pilih id "
            "lain, atau sunting berkas itu langsung",
        ),
        (
            ["module", "--track", "nilai", "--id", "data-dasar"],
            "id `data-dasar` sudah dipakai oleh `curriculum/modules/digital/data-dasar.yml`; id "
            "modul harus unik di semua jalur, pilih id lain",
        ),
        (
            ["module", "--track", "nilai", "--id", "Etika Publik"],
            f"id `Etika Publik` tidak sah: {SLUG_RULE}; mungkin maksud Anda `etika-publik`?",
        ),
        (
            ["pathway", "--id=-analis-"],
            f"id `-analis-` tidak sah: {SLUG_RULE}; mungkin maksud Anda `analis`?",
        ),
        (
            ["module", "--track", "keuangan", "--id", "anggaran"],
            "jalur `keuangan` tidak dikenal; jalur yang ada: nilai, digital",
        ),
        (["track", "--track", "nilai", "--id", "baru"], "`--track` hanya berlaku untuk modul"),
        (["track", "--id", "baru", "--title", " "], "judul tidak boleh kosong"),
    ],
)
def test_refusals(tmp_path: Path, new: Callable[..., New], args: list[str], message: str) -> None:
    root = write_project(tmp_path)
    before = sorted(path for path in root.rglob("*"))
    result = new(root, *args, *([] if "--title" in args else ["--title", "Judul"]))
    assert (result.exit_code, result.output, result.stderr) == (1, "", f"galat: {message}\n")
    assert sorted(path for path in root.rglob("*")) == before
    assert (root / "site_config.yml").read_text(encoding="utf-8") == BASE["site_config.yml"]


def test_a_duplicate_id_is_refused_even_under_another_extension(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    root = write_project(tmp_path, {"curriculum/pathways/pemula.yaml": "id: pemula\n"})
    result = new(root, "pathway", "--id", "pemula", "--title", "Pemula")
    assert result.exit_code == 1
    assert result.stderr == (
        "galat: id `pemula` sudah dipakai oleh `curriculum/pathways/pemula.yaml`; id jalur "
        "belajar harus unik, pilih id lain\n"
    )


def test_a_module_needs_a_track_to_exist(tmp_path: Path, new: Callable[..., New]) -> None:
    root = write_project(tmp_path, {"site_config.yml": "tracks: [nilai]\n"}, base=False)
    result = new(root, "module", "--id", "etika", "--title", "Etika")
    assert result.exit_code == 1
    assert result.stderr == (
        "galat: belum ada jalur di `curriculum/tracks/`; buat dulu dengan "
        "`python -m generator new track`\n"
    )


def test_a_pathway_needs_an_active_module_for_its_first_step(
    tmp_path: Path, new: Callable[..., New]
) -> None:
    draft = MODULE_ETIKA + "status: draft\n"
    root = write_project(tmp_path, {"curriculum/modules/nilai/etika.yml": draft})
    for module in ("data-dasar", "data-lanjut"):
        (root / f"curriculum/modules/digital/{module}.yml").unlink()
    result = new(root, "pathway", answers=["pemula", "Pemula"])
    assert (result.exit_code, result.prompts) == (1, [])
    assert result.stderr == (
        "galat: belum ada modul aktif untuk langkah pertama jalur belajar; buat dan terbitkan "
        "modulnya dulu (`python -m generator new module`)\n"
    )
