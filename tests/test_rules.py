"""Every rule of FORMAT.md, and how problems are reported.

Each test breaks the valid BASE project (tests/conftest.py) in one way and compares
the exact lines printed: `path:line:col: severity: message`.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import (
    FRAMEWORK_WITH_LEVELS,
    FRAMEWORK_WITHOUT_LEVELS,
    GLOSSARY,
    MODULE_DATA_DASAR,
    MODULE_DATA_LANJUT,
    MODULE_ETIKA,
    PATHWAY,
    SITE_CONFIG,
    TRACK_NILAI,
    run_validate,
    run_validate_process,
)

ETIKA = "curriculum/modules/nilai/etika.yml"
DATA_DASAR = "curriculum/modules/digital/data-dasar.yml"
DATA_LANJUT = "curriculum/modules/digital/data-lanjut.yml"
PATHWAY_PATH = "curriculum/pathways/analis.yml"
NILAI = "curriculum/competencies/nilai.yml"
DIGITAL = "curriculum/competencies/digital.yml"
CONFIG = "site_config.yml"
UNDEVELOPED_NILAI = (
    f"{NILAI}:4:9: warning: kompetensi `nilai/akuntabel` belum dikembangkan oleh modul aktif "
    "mana pun; ini celah di peta kompetensi"
)


def _error(path: str, position: str, message: str) -> str:
    return f"{path}:{position}: error: {message}"


def _warning(path: str, position: str, message: str) -> str:
    return f"{path}:{position}: warning: {message}"


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _module(module_id: str, *, prerequisites: tuple[str, ...] = (), extra: str = "") -> str:
    """A small valid module in track `nilai` developing `nilai/akuntabel`."""
    lines = [
        f"id: {module_id}",
        f"title: Modul {module_id}",
        "summary: Modul uji.",
        "level: dasar",
        "audience: [semua]",
        "objectives: [Memahami.]",
        "competencies:",
        "  - ref: nilai/akuntabel",
        "activities:",
        "  - mode: coaching",
        "    minutes: 45",
    ]
    if prerequisites:
        lines.append("prerequisites:")
        lines.extend(f"  - {item}" for item in prerequisites)
    return "\n".join(lines) + "\n" + extra


# --- types, keys and values of one file -----------------------------------------------------


def test_base_project_is_valid(validate):
    result = validate()
    assert result.lines == ["10 berkas diperiksa: tidak ada masalah."]
    assert result.exit_code == 0


def test_unknown_key_with_did_you_mean(validate):
    result = validate({ETIKA: _replace(MODULE_ETIKA, "objectives:", "objective:")})
    # One mistake, one line: the missing `objectives` is what the hint already says.
    assert result.problems == [
        _error(ETIKA, "7:1", "kolom `objective` tidak dikenal; mungkin maksud Anda `objectives`?"),
    ]
    assert result.exit_code == 1


def test_unknown_nested_key_names_its_parent(validate):
    text = _replace(MODULE_ETIKA, "    minutes: 90\n", "    minutes: 90\n    titel: Webinar\n")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "14:5",
            "kolom `titel` tidak dikenal di kegiatan ke-1; mungkin maksud Anda `title`?",
        )
    ]


def test_unknown_key_without_a_close_match_lists_the_known_keys(validate):
    text = _replace(MODULE_ETIKA, "    minutes: 90\n", "    minutes: 90\n    warna: biru\n")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "14:5",
            "kolom `warna` tidak dikenal di kegiatan ke-1; kolom yang dikenal: mode, minutes, "
            "title, description",
        )
    ]


def test_missing_required_field(validate):
    result = validate({ETIKA: _replace(MODULE_ETIKA, "level: dasar\n", "")})
    assert result.problems == [_error(ETIKA, "1:1", "kolom wajib `level` belum ada")]


def test_missing_required_field_in_a_list_item(validate):
    text = _replace(
        MODULE_ETIKA, "  - mode: e-learning\n    minutes: 45\n", "  - mode: e-learning\n"
    )
    assert validate({ETIKA: text}).problems == [
        _error(ETIKA, "14:5", "kolom wajib `minutes` belum ada di kegiatan ke-2"),
    ]


def test_missing_field_is_located_after_the_schema_line(validate):
    text = (
        "# yaml-language-server: $schema=../../../generator/schema/module.schema.json\n"
        + _replace(MODULE_ETIKA, "level: dasar\n", "")
    )
    assert validate({ETIKA: text}).problems == [
        _error(ETIKA, "2:1", "kolom wajib `level` belum ada"),
    ]


def test_wrong_enum_with_did_you_mean(validate):
    result = validate({ETIKA: _replace(MODULE_ETIKA, "mode: webinar", "mode: webinr")})
    assert result.problems == [
        _error(
            ETIKA,
            "12:11",
            "`mode` pada kegiatan ke-1 harus salah satu dari: webinar, recording, e-learning, "
            'classroom, coaching, mentoring, community, on-the-job; ditemukan teks "webinr"; '
            "mungkin maksud Anda `webinar`?",
        )
    ]


def test_wrong_audience(validate):
    text = _replace(MODULE_ETIKA, "  - semua", "  - semua\n  - eselon-3")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "7:5",
            "sasaran ke-2 harus salah satu dari: cpns, pelaksana, pengawas, administrator, "
            "jpt-pratama, jpt-madya, jpt-utama, fungsional-keterampilan, fungsional-keahlian, "
            'semua; ditemukan teks "eselon-3"',
        )
    ]


def test_minutes_must_be_positive(validate):
    text = _replace(MODULE_ETIKA, "minutes: 90", "minutes: 0")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "13:14",
            "`minutes` pada kegiatan ke-1 harus lebih besar dari 0, ditemukan bilangan bulat `0`",
        ),
    ]


def test_quoted_number_is_not_an_integer(validate):
    text = _replace(MODULE_ETIKA, "minutes: 90", 'minutes: "90"')
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "13:14",
            '`minutes` pada kegiatan ke-1 harus berupa bilangan bulat, ditemukan teks "90"; hapus '
            "tanda kutip",
        ),
    ]


def test_empty_required_list(validate):
    text = _replace(MODULE_ETIKA, "objectives:\n  - Menjelaskan makna akuntabel.", "objectives: []")
    assert validate({ETIKA: text}).problems == [
        _error(ETIKA, "7:13", "`objectives` harus berisi minimal 1 butir"),
    ]


def test_slug_pattern(validate):
    result = validate({ETIKA: _replace(MODULE_ETIKA, "id: etika", "id: Etika_Baru")})
    assert result.problems == [
        _error(
            ETIKA,
            "1:5",
            "`id` harus berupa slug (huruf kecil, angka dan tanda hubung, mis. `keamanan-siber`), "
            'ditemukan teks "Etika_Baru"; mungkin maksud Anda `etika-baru`?',
        )
    ]


def test_slug_at_most_64_characters(validate):
    long_id = "a" * 65
    text = _replace(MODULE_ETIKA, "id: etika", f"id: {long_id}")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "1:5",
            "`id` paling banyak 64 karakter, ditemukan 65 karakter; persingkat teksnya",
        ),
    ]


def test_summary_longer_than_200_characters(validate):
    text = _replace(
        MODULE_ETIKA,
        "summary: Menerapkan nilai akuntabel dalam pelayanan publik.",
        "summary: " + "a" * 201,
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "3:10",
            "`summary` paling banyak 200 karakter, ditemukan 201 karakter; pindahkan uraian "
            "panjang ke `description`",
        )
    ]


def test_summary_of_exactly_200_characters_is_fine(validate):
    text = _replace(
        MODULE_ETIKA,
        "summary: Menerapkan nilai akuntabel dalam pelayanan publik.",
        "summary: " + "a" * 200,
    )
    assert validate({ETIKA: text}).outcome == (0, [])


def test_summary_on_several_lines(validate):
    text = _replace(
        MODULE_ETIKA,
        "summary: Menerapkan nilai akuntabel dalam pelayanan publik.",
        "summary: |\n  Baris satu.\n  Baris dua.",
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "3:10",
            "`summary` harus satu baris teks tanpa baris baru (uraian panjang masuk "
            '`description`), ditemukan teks "Baris satu.\\nBaris dua.\\n"',
        )
    ]


def test_top_level_must_be_a_mapping(validate):
    assert validate({ETIKA: "- id: etika\n"}).problems == [
        _error(ETIKA, "1:1", "isi berkas harus berupa pemetaan `kunci: nilai`, ditemukan daftar"),
    ]


def test_glossary_must_be_a_list(validate):
    result = validate({"curriculum/glossary.yml": "JP: Jam Pelajaran\n"})
    assert result.problems == [
        _error(
            "curriculum/glossary.yml",
            "1:1",
            "isi berkas harus berupa daftar (setiap butir diawali `- `), ditemukan pemetaan",
        )
    ]


# --- ids, files and folders ----------------------------------------------------------------------


def test_id_must_equal_the_file_stem(validate):
    result = validate({ETIKA: _replace(MODULE_ETIKA, "id: etika", "id: etika-baru")})
    # The pathway still names `etika`: the file exists, so that is not reported again.
    assert result.problems == [
        _error(
            ETIKA,
            "1:5",
            "`id` harus sama dengan nama berkas: berkas `etika.yml` berisi id `etika-baru`; ubah "
            "id menjadi `etika` atau ganti nama berkasnya menjadi `etika-baru.yml`",
        )
    ]


def test_duplicate_module_ids_across_tracks(validate):
    result = validate({"curriculum/modules/digital/etika.yml": MODULE_ETIKA})
    # Without git to tell which is the copy, the later file in file order is to be renamed.
    assert result.problems == [
        _error(
            "curriculum/modules/digital/etika.yml",
            "1:5",
            f"id `etika` juga dipakai oleh `{ETIKA}`; id harus unik di semua jalur: ganti id di "
            f"`{ETIKA}`, yang tampaknya salinan berkas ini",
        ),
        _error(
            ETIKA,
            "1:5",
            "id `etika` juga dipakai oleh `curriculum/modules/digital/etika.yml`; id harus unik "
            "di semua jalur: ganti id di berkas ini, lalu ubah nama berkasnya menjadi id baru itu",
        ),
    ]


def test_module_folder_must_be_a_track(validate):
    path = "curriculum/modules/nilia/lain.yml"
    result = validate({path: _module("lain")})
    assert result.problems == [
        _error(
            path,
            "1:1",
            "folder `curriculum/modules/nilia/` bukan jalur yang dikenal (jalur yang ada: "
            "digital, nilai); mungkin maksud Anda `nilai`?",
        )
    ]


def test_track_listed_but_missing(validate):
    result = validate({CONFIG: SITE_CONFIG + "  - kepemimpinan\n"})
    assert result.problems == [
        _error(
            CONFIG,
            "5:5",
            "jalur `kepemimpinan` tidak punya berkas `curriculum/tracks/kepemimpinan.yml`",
        )
    ]


def test_track_listed_with_a_typo(validate):
    text = _replace(SITE_CONFIG, "  - digital\n", "  - digitl\n")
    assert validate({CONFIG: text}).problems == [
        _error(
            CONFIG,
            "2:1",
            "jalur `digital` (curriculum/tracks/digital.yml) belum tercantum di `tracks`; "
            "tambahkan agar urutannya jelas",
        ),
        _error(
            CONFIG,
            "4:5",
            "jalur `digitl` tidak punya berkas `curriculum/tracks/digitl.yml`; mungkin maksud "
            "Anda `digital`?",
        ),
    ]


def test_track_file_not_listed(validate):
    path = "curriculum/tracks/ekstra.yml"
    result = validate({path: _replace(TRACK_NILAI, "id: nilai", "id: ekstra")})
    assert result.problems == [
        _error(
            CONFIG,
            "2:1",
            "jalur `ekstra` (curriculum/tracks/ekstra.yml) belum tercantum di `tracks`; "
            "tambahkan agar urutannya jelas",
        )
    ]


def test_track_listed_twice(validate):
    result = validate({CONFIG: SITE_CONFIG + "  - nilai\n"})
    assert result.problems == [
        _error(
            CONFIG,
            "5:5",
            "jalur `nilai` tercantum dua kali di `tracks` (pertama di butir 1); hapus salah "
            "satunya",
        )
    ]


def test_unknown_files_in_curriculum(validate):
    result = validate(
        {
            "curriculum/catatan.txt": "catatan",
            "curriculum/lain.yml": "a: 1\n",
            "curriculum/modules/nilai/etika.json": "{}",
        }
    )
    unknown = (
        "berkas tidak dikenal di dalam `curriculum/`; halaman bebas berupa `.md` di "
        "`curriculum/pages/`, selain itu hanya berkas `.yml`"
    )
    assert result.problems == [
        _error("curriculum/catatan.txt", "1:1", unknown),
        _error(
            "curriculum/lain.yml",
            "1:1",
            "berkas YAML ini tidak berada di tempat yang dikenal; modul ada di "
            "`curriculum/modules/<jalur>/<modul>.yml`, jalur di `curriculum/tracks/`, jalur "
            "belajar di `curriculum/pathways/`, kerangka kompetensi di `curriculum/competencies/`",
        ),
        _error("curriculum/modules/nilai/etika.json", "1:1", unknown),
    ]


def test_missing_site_config(validate):
    result = validate({CONFIG: None})
    assert result.problems == [
        _error(CONFIG, "1:1", "berkas `site_config.yml` tidak ditemukan di akar proyek"),
    ]
    assert result.summary == "9 berkas diperiksa: 1 galat, 0 peringatan."


def test_unknown_default_timezone(validate):
    text = SITE_CONFIG + "default_timezone: Asia/Jakata\n"
    assert validate({CONFIG: text}).problems == [
        _error(
            CONFIG,
            "5:19",
            "`default_timezone`: zona waktu `Asia/Jakata` tidak dikenal; gunakan nama IANA "
            "seperti Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT); mungkin "
            "maksud Anda `Asia/Jakarta`?",
        )
    ]


# --- competencies ---------------------------------------------------------------------------------


def test_competency_ref_to_unknown_framework(validate):
    text = _replace(MODULE_ETIKA, "ref: nilai/akuntabel", "ref: nilia/akuntabel")
    assert validate({ETIKA: text}).problems == [
        UNDEVELOPED_NILAI,
        _error(
            ETIKA,
            "10:10",
            "kompetensi `nilia/akuntabel` tidak dikenal: kerangka `nilia` tidak ada (kerangka "
            "yang ada: digital, nilai); mungkin maksud Anda `nilai`?",
        ),
    ]


def test_competency_ref_to_unknown_competency(validate):
    text = _replace(MODULE_ETIKA, "ref: nilai/akuntabel", "ref: nilai/akuntable")
    assert validate({ETIKA: text}).problems == [
        UNDEVELOPED_NILAI,
        _error(
            ETIKA,
            "10:10",
            "kompetensi `nilai/akuntable` tidak dikenal: kompetensi tidak ada di kerangka "
            "`nilai`; mungkin maksud Anda `nilai/akuntabel`?",
        ),
    ]


def test_competency_ref_pattern(validate):
    text = _replace(MODULE_ETIKA, "ref: nilai/akuntabel", "ref: akuntabel")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "10:10",
            "`ref` pada kompetensi ke-1 harus berbentuk `<kerangka>/<kompetensi>`, mis. "
            '`manajerial/integritas`, ditemukan teks "akuntabel"',
        )
    ]


def test_competency_listed_twice(validate):
    text = _replace(MODULE_ETIKA, "  - ref: nilai/akuntabel\n", "  - ref: nilai/akuntabel\n" * 2)
    assert validate({ETIKA: text}).problems == [
        _error(ETIKA, "11:10", "kompetensi `nilai/akuntabel` dicantumkan dua kali"),
    ]


def test_level_required_when_the_framework_has_levels(validate):
    text = _replace(MODULE_DATA_DASAR, "    level: 1\n", "")
    assert validate({DATA_DASAR: text}).problems == [
        _error(
            DATA_DASAR,
            "10:5",
            "rujukan `digital/data` wajib menyebut `level` karena kerangka `digital` bertingkat "
            "(1, 2, 3)",
        )
    ]


def test_level_forbidden_when_the_framework_has_none(validate):
    text = _replace(
        MODULE_ETIKA, "  - ref: nilai/akuntabel\n", "  - ref: nilai/akuntabel\n    level: 2\n"
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "11:5",
            "kerangka `nilai` tidak bertingkat; hapus `level` dari rujukan `nilai/akuntabel`",
        )
    ]


def test_level_not_in_the_scale(validate):
    text = _replace(MODULE_DATA_DASAR, "    level: 1\n", "    level: 4\n")
    assert validate({DATA_DASAR: text}).problems == [
        _error(DATA_DASAR, "11:12", "tingkat 4 tidak ada di skala kerangka `digital` (1, 2, 3)"),
    ]


def test_level_outside_one_to_nine(validate):
    text = _replace(MODULE_DATA_DASAR, "    level: 1\n", "    level: 10\n")
    assert validate({DATA_DASAR: text}).problems == [
        _error(
            DATA_DASAR,
            "11:12",
            "`level` pada kompetensi ke-1 maksimal 9, ditemukan bilangan bulat `10`",
        )
    ]


def test_level_indicator_outside_the_scale(validate):
    text = _replace(FRAMEWORK_WITH_LEVELS, "      3: Menganalisis", "      5: Menganalisis")
    assert validate({DIGITAL: text}).problems == [
        _error(DIGITAL, "16:7", "tingkat 5 tidak ada di skala `levels` kerangka ini (1, 2, 3)"),
    ]


def test_level_indicators_in_a_framework_without_levels(validate):
    text = FRAMEWORK_WITHOUT_LEVELS + "    level_indicators:\n      1: Menepati janji.\n"
    assert validate({NILAI: text}).problems == [
        _error(
            NILAI,
            "8:7",
            "`level_indicators` hanya untuk kerangka bertingkat; kerangka ini tidak punya `levels`",
        )
    ]


def test_duplicate_scale_level(validate):
    text = _replace(FRAMEWORK_WITH_LEVELS, "  - level: 3\n", "  - level: 2\n")
    assert validate({DIGITAL: text}).problems == [
        _error(DIGITAL, "8:12", "tingkat 2 muncul dua kali di `levels`"),
        _error(DIGITAL, "16:7", "tingkat 3 tidak ada di skala `levels` kerangka ini (1, 2, 2)"),
        _error(DATA_LANJUT, "11:12", "tingkat 3 tidak ada di skala kerangka `digital` (1, 2, 2)"),
    ]


def test_module_without_competencies_is_a_warning(validate):
    text = _replace(MODULE_ETIKA, "competencies:\n  - ref: nilai/akuntabel\n", "")
    result = validate({ETIKA: text})
    assert result.problems == [
        UNDEVELOPED_NILAI,
        _warning(
            ETIKA,
            "1:1",
            "modul ini belum memetakan kompetensi apa pun; tambahkan `competencies` agar modul "
            "muncul di peta kompetensi",
        ),
    ]
    assert result.exit_code == 0
    assert result.summary == "10 berkas diperiksa: 0 galat, 2 peringatan."


def test_module_with_empty_competencies_points_at_the_key(validate):
    text = _replace(MODULE_ETIKA, "competencies:\n  - ref: nilai/akuntabel\n", "competencies: []\n")
    assert validate({ETIKA: text}).problems[1] == _warning(
        ETIKA,
        "9:1",
        "modul ini belum memetakan kompetensi apa pun; tambahkan `competencies` agar modul "
        "muncul di peta kompetensi",
    )


def test_competency_developed_by_no_module_is_a_warning(validate):
    text = FRAMEWORK_WITHOUT_LEVELS + (
        "  - id: loyal\n    title: Loyal\n    definition: Setia kepada bangsa dan negara.\n"
    )
    result = validate({NILAI: text})
    assert result.problems == [
        _warning(
            NILAI,
            "7:9",
            "kompetensi `nilai/loyal` belum dikembangkan oleh modul aktif mana pun; ini celah di "
            "peta kompetensi",
        )
    ]
    assert result.exit_code == 0


def test_competency_developed_only_by_a_draft_module_is_a_warning(validate):
    text = MODULE_ETIKA + "status: draft\n"
    pathway = _replace(PATHWAY, "      - module: etika\n        required: false\n", "")
    assert validate({ETIKA: text, PATHWAY_PATH: pathway}).problems == [UNDEVELOPED_NILAI]


def test_broken_module_does_not_cause_undeveloped_warnings(validate):
    text = _replace(MODULE_ETIKA, "level: dasar", "level: pemula")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "4:8",
            "`level` harus salah satu dari: dasar, menengah, lanjut; ditemukan teks "
            '"pemula"; mungkin maksud Anda `dasar`?',
        )
    ]


# --- prerequisites -----------------------------------------------------------------------------


def test_unknown_prerequisite(validate):
    text = _replace(MODULE_DATA_LANJUT, "  - data-dasar", "  - data-dasr")
    assert validate({DATA_LANJUT: text}).problems == [
        _error(
            DATA_LANJUT,
            "18:5",
            "prasyarat `data-dasr` bukan modul yang dikenal; mungkin maksud Anda `data-dasar`?",
        )
    ]


def test_module_is_its_own_prerequisite(validate):
    text = _replace(MODULE_DATA_LANJUT, "  - data-dasar", "  - data-dasar\n  - data-lanjut")
    assert validate({DATA_LANJUT: text}).problems == [
        _error(
            DATA_LANJUT,
            "19:5",
            "modul `data-lanjut` tidak boleh menjadi prasyarat dirinya sendiri; hapus butir ini",
        )
    ]


def test_prerequisite_cycle_names_the_whole_cycle(validate):
    files = {
        "curriculum/modules/nilai/a.yml": _module("a", prerequisites=("b",)),
        "curriculum/modules/nilai/b.yml": _module("b", prerequisites=("c",)),
        "curriculum/modules/nilai/c.yml": _module("c", prerequisites=("a",)),
    }
    # Each file of the cycle is told, from its own module: the edit may be in any of them.
    assert validate(files).problems == [
        _error(
            f"curriculum/modules/nilai/{first}.yml",
            "13:5",
            f"prasyarat membentuk siklus: {cycle}; putuskan salah satunya",
        )
        for first, cycle in [("a", "a → b → c → a"), ("b", "b → c → a → b"), ("c", "c → a → b → c")]
    ]


def test_two_cycles_are_reported_separately(validate):
    files = {
        "curriculum/modules/nilai/a.yml": _module("a", prerequisites=("b",)),
        "curriculum/modules/nilai/b.yml": _module("b", prerequisites=("a",)),
        "curriculum/modules/nilai/x.yml": _module("x", prerequisites=("y",)),
        "curriculum/modules/nilai/y.yml": _module("y", prerequisites=("x",)),
    }
    assert validate(files).problems == [
        _error(
            f"curriculum/modules/nilai/{first}.yml",
            "13:5",
            f"prasyarat membentuk siklus: {cycle}; putuskan salah satunya",
        )
        for first, cycle in [
            ("a", "a → b → a"),
            ("b", "b → a → b"),
            ("x", "x → y → x"),
            ("y", "y → x → y"),
        ]
    ]


def test_active_module_with_a_draft_prerequisite(validate):
    files = {
        "curriculum/modules/nilai/a.yml": _module("a", prerequisites=("b",)),
        "curriculum/modules/nilai/b.yml": _module("b", extra="status: draft\n"),
    }
    assert validate(files).problems == [
        _error(
            "curriculum/modules/nilai/a.yml",
            "13:5",
            "prasyarat `b` masih draf sehingga tidak diterbitkan; terbitkan modul itu atau hapus "
            "prasyarat ini",
        )
    ]


# --- pathways ------------------------------------------------------------------------------------


def test_pathway_step_names_an_unknown_module(validate):
    text = _replace(PATHWAY, "module: etika", "module: etik")
    assert validate({PATHWAY_PATH: text}).problems == [
        _error(
            PATHWAY_PATH,
            "16:17",
            "langkah menyebut modul `etik` yang tidak dikenal; mungkin maksud Anda `etika`?",
        )
    ]


def test_pathway_step_repeats_a_module(validate):
    text = _replace(PATHWAY, "module: etika", "module: data-dasar")
    assert validate({PATHWAY_PATH: text}).problems == [
        _error(
            PATHWAY_PATH,
            "16:17",
            "modul `data-dasar` sudah ada di langkah ke-1 di fase ke-1; satu modul hanya boleh "
            "muncul sekali dalam jalur belajar",
        )
    ]


def test_pathway_step_before_its_prerequisite(validate):
    text = _replace(PATHWAY, "      - module: data-dasar\n", "      - module: etika\n")
    text = _replace(
        text, "      - module: etika\n        required: false\n", "      - module: data-dasar\n"
    )
    assert validate({PATHWAY_PATH: text}).problems == [
        _error(
            PATHWAY_PATH,
            "15:17",
            "modul `data-lanjut` memerlukan `data-dasar`, yang harus muncul di langkah "
            "sebelumnya atau di `assumes`",
        )
    ]


def test_prerequisite_in_assumes_is_satisfied(validate):
    text = _replace(PATHWAY, "phases:\n", "assumes:\n  - data-dasar\nphases:\n")
    text = _replace(
        text, "  - title: Sebelum webinar\n    steps:\n      - module: data-dasar\n", ""
    )
    assert validate({PATHWAY_PATH: text}).outcome == (0, [])


def test_pathway_step_also_in_assumes(validate):
    text = _replace(PATHWAY, "phases:\n", "assumes:\n  - data-dasar\nphases:\n")
    assert validate({PATHWAY_PATH: text}).problems == [
        _error(
            PATHWAY_PATH,
            "14:17",
            "modul `data-dasar` sudah tercantum di `assumes`; hapus dari salah satunya",
        )
    ]


def test_pathway_assumes_an_unknown_module(validate):
    text = _replace(PATHWAY, "phases:\n", "assumes:\n  - data-dsar\nphases:\n")
    assert validate({PATHWAY_PATH: text}).problems == [
        _error(
            PATHWAY_PATH,
            "10:5",
            "`assumes` menyebut `data-dsar` yang bukan modul dikenal; mungkin maksud Anda "
            "`data-dasar`?",
        )
    ]


def test_active_pathway_with_a_draft_module(validate):
    result = validate({ETIKA: MODULE_ETIKA + "status: draft\n"})
    assert result.problems == [
        UNDEVELOPED_NILAI,
        _error(
            PATHWAY_PATH,
            "16:17",
            "jalur belajar aktif tidak boleh memuat modul draf `etika`",
        ),
    ]


def test_draft_pathway_may_contain_a_draft_module(validate):
    files = {ETIKA: MODULE_ETIKA + "status: draft\n", PATHWAY_PATH: PATHWAY + "status: draft\n"}
    assert validate(files).problems == [UNDEVELOPED_NILAI]


def test_archived_module_in_an_active_pathway_is_a_warning(validate):
    result = validate({ETIKA: MODULE_ETIKA + "status: archived\n"})
    assert result.problems == [
        UNDEVELOPED_NILAI,
        _warning(
            PATHWAY_PATH,
            "16:17",
            "modul `etika` sudah diarsipkan; ganti dengan modul penggantinya",
        ),
    ]
    assert result.exit_code == 0


# --- sessions, dates and links ----------------------------------------------------------------


SESSION = 'sessions:\n  - start: "2026-12-10T09:00"\n    timezone: Asia/Makassar\n    minutes: 90\n'


def _with_session(old: str = "", new: str = "", extra: str = "") -> str:
    session = _replace(SESSION, old, new) if old else SESSION
    return MODULE_ETIKA + session + extra


def test_valid_session(validate):
    assert validate({ETIKA: _with_session()}).outcome == (0, [])


def test_session_without_timezone_uses_the_default(validate):
    text = _with_session("    timezone: Asia/Makassar\n", "")
    assert validate({ETIKA: text}).outcome == (0, [])


def test_session_start_pattern(validate):
    text = _with_session("2026-12-10T09:00", "10-12-2026 09:00")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "17:12",
            "`start` pada sesi ke-1 harus berupa waktu setempat YYYY-MM-DDTHH:MM, mis. "
            '`2026-12-10T09:00`, ditemukan teks "10-12-2026 09:00"; tulis `2026-12-10T09:00` '
            "(tahun-bulan-tanggal, huruf T, jam:menit)",
        )
    ]


def test_session_start_with_seconds_is_told_to_drop_them(validate):
    text = _with_session('"2026-12-10T09:00"', "2026-12-10T09:00:00")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "17:12",
            "`start` pada sesi ke-1 harus berupa waktu setempat YYYY-MM-DDTHH:MM, mis. "
            '`2026-12-10T09:00`, ditemukan teks "2026-12-10T09:00:00"; tulis tanpa detik: '
            "`2026-12-10T09:00`",
        )
    ]


def test_session_on_an_impossible_date(validate):
    text = _with_session("2026-12-10", "2026-02-30")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "17:12",
            "`start` pada sesi ke-1: `2026-02-30T09:00` bukan tanggal dan jam yang ada; "
            "tulis tanggal yang ada di kalender dan jam 00:00–23:59",
        ),
    ]


def test_session_at_an_impossible_hour(validate):
    text = _with_session("T09:00", "T24:30")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "17:12",
            "`start` pada sesi ke-1: `2026-12-10T24:30` bukan tanggal dan jam yang ada; "
            "tulis tanggal yang ada di kalender dan jam 00:00–23:59",
        ),
    ]


def test_unknown_timezone_with_did_you_mean(validate):
    text = _with_session("Asia/Makassar", "Asia/Makasar")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "18:15",
            "`timezone` pada sesi ke-1: zona waktu `Asia/Makasar` tidak dikenal; gunakan nama IANA "
            "seperti Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT); mungkin "
            "maksud Anda `Asia/Makassar`?",
        )
    ]


def test_local_time_skipped_by_daylight_saving(validate):
    text = _with_session("Asia/Makassar", "Europe/Berlin").replace(
        "2026-12-10T09:00", "2026-03-29T02:30"
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "17:12",
            "`2026-03-29T02:30` tidak ada di zona Europe/Berlin (jam dilompati peralihan waktu "
            "musim panas); pilih jam lain",
        ),
        _warning(ETIKA, "18:15", BERLIN_ABROAD.format(offset="UTC+1")),
    ]


BERLIN_ABROAD = (
    "zona waktu `Europe/Berlin` bukan zona Indonesia; situs menuliskannya sebagai “waktu Berlin "
    "({offset})” lalu mengubahnya ke WIB, WITA dan WIT. Bila sesi diadakan dari Indonesia, pakai "
    "Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)"
)


@pytest.mark.parametrize(
    "zone", ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]
)
def test_indonesian_zones_need_no_word(validate, zone):
    assert validate({ETIKA: _with_session("Asia/Makassar", zone)}).outcome == (0, [])


def test_zone_abroad_is_a_warning_naming_city_and_offset(validate):
    result = validate({ETIKA: _with_session("Asia/Makassar", "Europe/Amsterdam")})
    assert result.problems == [
        _warning(
            ETIKA,
            "18:15",
            BERLIN_ABROAD.replace("Berlin", "Amsterdam").format(offset="UTC+1"),
        )
    ]
    assert result.exit_code == 0


def test_zone_abroad_offset_is_the_one_on_the_session_day(validate):
    text = _with_session("Asia/Makassar", "Europe/Berlin").replace("2026-12-10", "2026-07-10")
    assert validate({ETIKA: text}).problems == [
        _warning(ETIKA, "18:15", BERLIN_ABROAD.format(offset="UTC+2"))
    ]


@pytest.mark.parametrize(
    ("alias", "current"),
    [("Asia/Ujung_Pandang", "Asia/Makassar"), ("Asia/Calcutta", "Asia/Kolkata")],
)
def test_deprecated_zone_alias_is_an_error_with_the_current_name(validate, alias, current):
    assert validate({ETIKA: _with_session("Asia/Makassar", alias)}).problems == [
        _error(
            ETIKA,
            "18:15",
            f"zona waktu `{alias}` adalah nama lama yang tidak dipakai lagi; tulis nama yang "
            f"berlaku: `{current}`",
        )
    ]


@pytest.mark.parametrize(
    ("offset", "advice"),
    [
        ("UTC+8", "tulis `Asia/Makassar` (WITA), zona Indonesia dengan selisih itu"),
        ('"GMT+7"', "tulis `Asia/Jakarta` (WIB), zona Indonesia dengan selisih itu"),
        ('"UTC+09:00"', "tulis `Asia/Jayapura` (WIT), zona Indonesia dengan selisih itu"),
        ("Etc/GMT-8", "tulis `Asia/Makassar` (WITA), zona Indonesia dengan selisih itu"),
        ("UTC+1", "tulis nama IANA kota tempat sesi diadakan, mis. `Europe/Amsterdam`"),
    ],
)
def test_offset_instead_of_a_zone_suggests_the_indonesian_zone(validate, offset, advice):
    shown = offset.strip('"')
    assert validate({ETIKA: _with_session("Asia/Makassar", offset)}).problems == [
        _error(
            ETIKA,
            "18:15",
            f"`timezone` pada sesi ke-1: `{shown}` adalah selisih jam, bukan zona waktu; {advice}",
        )
    ]


def test_default_timezone_alias_is_an_error(validate):
    text = SITE_CONFIG + "default_timezone: Asia/Ujung_Pandang\n"
    assert validate({CONFIG: text}).problems == [
        _error(
            CONFIG,
            "5:19",
            "zona waktu `Asia/Ujung_Pandang` adalah nama lama yang tidak dipakai lagi; tulis nama "
            "yang berlaku: `Asia/Makassar`",
        )
    ]


def _timed(module: str, start: str) -> str:
    """A module with one session at `start` (WIB)."""
    session = f'sessions:\n  - start: "{start}"\n    timezone: Asia/Jakarta\n    minutes: 90\n'
    return module + session


def test_pathway_step_with_a_session_before_its_prerequisites_session(validate):
    lanjut = _replace(MODULE_DATA_LANJUT, "2026-12-10T09:00", "2026-12-03T09:00")
    files = {DATA_DASAR: _timed(MODULE_DATA_DASAR, "2027-01-07T09:00"), DATA_LANJUT: lanjut}
    assert validate(files).problems == [
        _warning(
            PATHWAY_PATH,
            "15:17",
            "sesi berikutnya modul `data-lanjut` (3 Desember 2026 09.00 WITA) lebih awal daripada "
            "sesi berikutnya prasyaratnya `data-dasar` (7 Januari 2027 09.00 WIB); jadwalkan sesi "
            "prasyarat lebih dulu, atau pindahkan sesi modul ini sesudahnya",
        )
    ]


def test_prerequisite_in_assumes_may_have_its_session_later(validate):
    lanjut = _replace(MODULE_DATA_LANJUT, "2026-12-10T09:00", "2026-12-03T09:00")
    pathway = _replace(PATHWAY, "phases:\n", "assumes:\n  - data-dasar\nphases:\n")
    pathway = _replace(
        pathway, "  - title: Sebelum webinar\n    steps:\n      - module: data-dasar\n", ""
    )
    files = {
        DATA_DASAR: _timed(MODULE_DATA_DASAR, "2027-01-07T09:00"),
        DATA_LANJUT: lanjut,
        PATHWAY_PATH: pathway,
    }
    assert validate(files).outcome == (0, [])


def test_pathway_steps_whose_sessions_follow_prerequisites_are_fine(validate):
    files = {DATA_DASAR: _timed(MODULE_DATA_DASAR, "2026-12-01T09:00")}
    assert validate(files).outcome == (0, [])


def test_past_sessions_of_a_prerequisite_do_not_count(validate):
    # Only the next sessions are compared: a prerequisite session already held is the
    # recording the learner can follow, whatever the dates.
    files = {DATA_DASAR: _timed(MODULE_DATA_DASAR, "2026-11-01T09:00")}
    assert validate(files).outcome == (0, [])


def test_local_time_repeated_by_daylight_saving_is_accepted(validate):
    text = _with_session("Asia/Makassar", "Europe/Berlin").replace(
        "2026-12-10T09:00", "2026-10-25T02:30"
    )
    # Only the zone's own warning: the repeated hour is read as the first (summer) one.
    assert validate({ETIKA: text}).outcome == (
        0,
        [_warning(ETIKA, "18:15", BERLIN_ABROAD.format(offset="UTC+2"))],
    )


def test_http_registration_url(validate):
    text = _with_session(extra="    registration_url: http://example.org/daftar\n")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "20:23",
            "`registration_url` pada sesi ke-1 harus berupa alamat yang diawali `https://`, "
            'ditemukan teks "http://example.org/daftar"; ganti `http://` dengan `https://`',
        )
    ]


RESOURCE = "resources:\n  - title: Panduan\n    url: {url}\n    kind: document\n"


@pytest.mark.parametrize("url", ["/modul/data-dasar/", "/jalur-belajar/analis/", "/glosarium/"])
def test_resource_url_may_be_a_page_of_the_site(validate, url):
    assert validate({ETIKA: MODULE_ETIKA + RESOURCE.format(url=url)}).outcome == (0, [])


def test_resource_url_to_a_page_the_site_does_not_have(validate):
    text = MODULE_ETIKA + RESOURCE.format(url="/modul/data-dasr/")
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "18:10",
            "`/modul/data-dasr/` bukan halaman situs ini; pakai jalur halaman seperti "
            "`/modul/<id>/`, `/jalur-belajar/<id>/` atau `/halaman/<nama>/`, atau alamat "
            "`https://`",
        )
    ]


def test_resource_url_with_another_scheme(validate):
    text = (
        MODULE_ETIKA + "resources:\n  - title: Berkas\n    url: ftp://x.org/a\n    kind: document\n"
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "18:10",
            "`url` pada bahan ke-1 harus berupa alamat `https://…` atau jalur di dalam situs yang "
            'diawali `/`, ditemukan teks "ftp://x.org/a"',
        )
    ]


def test_javascript_link_in_markdown(validate):
    text = MODULE_ETIKA + "description: Lihat [contoh](javascript:alert(1)) di sini.\n"
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "16:29",
            "tautan `javascript:alert(1)` di `description` tidak diizinkan; hanya `https://` "
            "(dan `mailto:` untuk kontak)",
        )
    ]


def test_http_link_in_raw_html_in_a_nested_description(validate):
    text = _replace(
        MODULE_ETIKA,
        "    minutes: 90\n",
        '    minutes: 90\n    description: Buka <a href="http://x.org">tautan</a>.\n',
    )
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "14:32",
            "tautan `http://x.org` di `description` pada kegiatan ke-1 tidak diizinkan; hanya "
            "`https://` (dan `mailto:` untuk kontak)",
        )
    ]


def test_reference_style_link_in_markdown(validate):
    text = MODULE_ETIKA + "description: |\n  Lihat [contoh][1].\n\n  [1]: http://example.org\n"
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "19:8",
            "tautan `http://example.org` di `description` tidak diizinkan; hanya `https://` (dan "
            "`mailto:` untuk kontak)",
        )
    ]


def test_https_and_mailto_links_are_allowed(validate):
    text = (
        MODULE_ETIKA
        + "description: Lihat [panduan](https://example.org) atau [surel](mailto:a@b.id).\n"
    )
    assert validate({ETIKA: text}).outcome == (0, [])


def test_http_link_in_a_free_page(validate):
    page = "curriculum/pages/tentang.md"
    result = validate({page: "# Tentang\n\nBaca [panduan](http://example.org/panduan).\n"})
    assert result.problems == [
        _error(
            page,
            "3:16",
            "tautan `http://example.org/panduan` tidak diizinkan; hanya `https://` (dan `mailto:`)",
        )
    ]


def test_free_page_with_invalid_utf8(validate):
    page = "curriculum/pages/tentang.md"
    result = validate({page: b"# Tentang\n\nCaf\xe9\n"})
    assert result.problems == [
        _error(
            page,
            "3:4",
            "berkas bukan UTF-8 yang sah (bita 0xe9); simpan ulang berkas dengan pengodean UTF-8",
        )
    ]


def test_review_older_than_twelve_months_is_a_warning(validate):
    result = validate({ETIKA: MODULE_ETIKA + 'reviewed: "2025-11-28"\n'})
    assert result.problems == [
        _warning(
            ETIKA,
            "16:11",
            "isi modul terakhir ditelaah 2025-11-28, lebih dari 12 bulan lalu; telaah ulang "
            "isinya lalu perbarui `reviewed`",
        )
    ]
    assert result.exit_code == 0


def test_review_exactly_twelve_months_ago_is_fine(validate):
    assert validate({ETIKA: MODULE_ETIKA + 'reviewed: "2025-11-29"\n'}).problems == []


def test_review_in_the_future(validate):
    assert validate({ETIKA: MODULE_ETIKA + 'reviewed: "2026-11-30"\n'}).problems == [
        _error(ETIKA, "16:11", "tanggal telaah 2026-11-30 ada di masa depan"),
    ]


def test_review_date_that_does_not_exist(validate):
    assert validate({ETIKA: MODULE_ETIKA + 'reviewed: "2026-02-30"\n'}).problems == [
        _error(
            ETIKA,
            "16:11",
            "`reviewed`: `2026-02-30` bukan tanggal yang ada di kalender; tulis "
            "YYYY-MM-DD dengan bulan 01–12 dan tanggal yang ada di bulan itu",
        ),
    ]


def test_review_date_pattern(validate):
    assert validate({ETIKA: MODULE_ETIKA + 'reviewed: "30-11-2026"\n'}).problems == [
        _error(
            ETIKA,
            "16:11",
            "`reviewed` harus berupa tanggal YYYY-MM-DD, mis. `2026-11-30`, "
            'ditemukan teks "30-11-2026"',
        ),
    ]


# --- glossary ------------------------------------------------------------------------------------


def test_glossary_duplicate_term_ignores_case(validate):
    text = GLOSSARY + "- term: jp\n  definition: Lagi.\n"
    assert validate({"curriculum/glossary.yml": text}).problems == [
        _error(
            "curriculum/glossary.yml",
            "7:9",
            "istilah `jp` sudah ada di butir 1; istilah harus unik",
        )
    ]


# --- reporting -----------------------------------------------------------------------------------


# Archiving `etika` leaves `nilai/akuntabel` to another module, so that the one warning
# left is the archived module in the active pathway.
ARCHIVED = {
    ETIKA: MODULE_ETIKA + "status: archived\n",
    DATA_DASAR: _replace(
        MODULE_DATA_DASAR, "competencies:\n", "competencies:\n  - ref: nilai/akuntabel\n"
    ),
}
ARCHIVED_WARNING = _warning(
    PATHWAY_PATH, "16:17", "modul `etika` sudah diarsipkan; ganti dengan modul penggantinya"
)


def test_strict_turns_warnings_into_failure(validate):
    result = validate(ARCHIVED, "--strict")
    assert result.lines == [ARCHIVED_WARNING, "10 berkas diperiksa: 0 galat, 1 peringatan."]
    assert result.exit_code == 1


def test_strict_without_warnings_passes(validate):
    assert validate({}, "--strict").outcome == (0, [])


def test_all_problems_in_one_run_sorted_by_file_and_line(validate):
    files = {
        DATA_LANJUT: _replace(MODULE_DATA_LANJUT, "level: menengah", "level: mahir"),
        ETIKA: MODULE_ETIKA + "status: archived\nowner: 12\n",
        CONFIG: SITE_CONFIG + "jp_minutes: 50\n",
    }
    result = validate(files)
    assert result.lines == [
        _error(
            DATA_LANJUT,
            "4:8",
            "`level` harus salah satu dari: dasar, menengah, lanjut; ditemukan teks "
            '"mahir"; mungkin maksud Anda `lanjut`?',
        ),
        _error(
            ETIKA,
            "17:8",
            "`owner` harus berupa teks, ditemukan `12` tanpa tanda kutip, yang dibaca YAML "
            'sebagai bilangan bulat `12`; apitkan nilai dengan tanda kutip: "12"',
        ),
        _error(
            CONFIG,
            "5:1",
            "kunci `jp_minutes` ganda dalam pemetaan yang sama (pertama di baris 1); hapus atau "
            "gabungkan salah satunya",
        ),
        "10 berkas diperiksa: 3 galat, 0 peringatan.",
    ]
    assert result.exit_code == 1


def test_lines_sort_numerically_not_as_text(validate):
    text = _replace(MODULE_ETIKA, "level: dasar", "level: 1") + "status: 2\n"
    problems = validate({ETIKA: text}).problems
    assert [line.split(":")[1] for line in problems] == ["4", "16"]


def test_github_format(validate):
    result = validate(
        {
            **ARCHIVED,
            DATA_DASAR: _replace(MODULE_DATA_DASAR, "mode: e-learning", "mode: elearning"),
        },
        "--format",
        "github",
    )
    assert result.lines == [
        f"::error file={DATA_DASAR},line=13,col=11::`mode` pada kegiatan ke-1 harus salah satu "
        "dari: webinar, recording, e-learning, classroom, coaching, mentoring, community, "
        'on-the-job; ditemukan teks "elearning"; mungkin maksud Anda `e-learning`?',
        f"::warning file={PATHWAY_PATH},line=16,col=17::modul `etika` sudah diarsipkan; ganti "
        "dengan modul penggantinya",
        "10 berkas diperiksa: 1 galat, 1 peringatan.",
    ]


def test_github_format_escapes_newlines_and_percent(validate):
    text = _replace(
        MODULE_ETIKA,
        "summary: Menerapkan nilai akuntabel dalam pelayanan publik.",
        'summary: "100% baris\\ndua"',
    )
    result = validate({ETIKA: text}, "--format", "github")
    assert len(result.lines) == 2
    assert result.lines[0].endswith('ditemukan teks "100%25 baris\\ndua"')


def test_github_format_is_automatic_in_github_actions(project):
    root = project(ARCHIVED)
    result = run_validate(root, env={"GITHUB_ACTIONS": "true"})
    assert result.lines[0].startswith(f"::warning file={PATHWAY_PATH},line=16,col=17::")
    assert run_validate(root, "--format", "text", env={"GITHUB_ACTIONS": "true"}).lines[0] == (
        ARCHIVED_WARNING
    )


def test_json_format(validate):
    result = validate(ARCHIVED, "--format", "json")
    assert json.loads(result.output) == [
        {
            "path": PATHWAY_PATH,
            "line": 16,
            "col": 17,
            "severity": "warning",
            "message": "modul `etika` sudah diarsipkan; ganti dengan modul penggantinya",
            "code": "step-archived",
            "fields": {"module": "etika"},
        }
    ]
    assert result.exit_code == 0


def test_json_format_without_problems(validate):
    assert json.loads(validate({}, "--format", "json").output) == []


def test_positional_paths_filter_the_report(project):
    files = {
        ETIKA: MODULE_ETIKA + "owner: 12\n",
        DATA_DASAR: _replace(MODULE_DATA_DASAR, "level: dasar", "level: pemula"),
    }
    root = project(files)
    only_etika = run_validate(root, str(root / ETIKA))
    assert [line.split(":")[0] for line in only_etika.problems] == [ETIKA]
    assert only_etika.exit_code == 1
    assert run_validate(root, ETIKA).problems == only_etika.problems
    clean = run_validate(root, str(root / PATHWAY_PATH))
    assert clean.problems == []
    assert clean.exit_code == 0


def test_a_path_that_does_not_exist_is_a_usage_error(project):
    result = run_validate(project({}), "curriculum/modules/nilai/etik.yml")
    assert result.exit_code == 2
    assert result.stderr == "galat: berkas `curriculum/modules/nilai/etik.yml` tidak ditemukan\n"


def test_summary_counts_errors_and_warnings(validate):
    result = validate({**ARCHIVED, CONFIG: SITE_CONFIG + "jp_minutes: 50\n"})
    assert result.summary == "10 berkas diperiksa: 1 galat, 1 peringatan."


def test_summary_counts_free_pages(validate):
    result = validate({"curriculum/pages/tentang.md": "# Tentang\n"})
    assert result.lines == ["11 berkas diperiksa: tidak ada masalah."]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--today", "2026-02-30"],
        ["--tidak-ada"],
    ],
)
def test_usage_errors_exit_2(project, args):
    result = run_validate(project(), *args)
    assert result.exit_code == 2
    assert result.output == ""
    assert "penggunaan salah" in result.stderr


def test_missing_root_folder_exits_2(tmp_path):
    result = run_validate(tmp_path / "tidak-ada")
    assert result.exit_code == 2
    assert result.stderr.startswith("galat: folder `")


def test_broken_file_is_not_reported_again_where_it_is_used(validate):
    files = {
        ETIKA: "id: etika\ntitle: [\n",
        "curriculum/tracks/digital.yml": "id: digital\ntitle: Digital\n",
    }
    result = validate(files)
    assert result.problems == [
        _error(
            ETIKA,
            "3:1",
            "nilai diharapkan di sini tetapi tidak ditemukan; periksa tanda kurung, tanda kutip "
            "dan indentasi",
        ),
        _error("curriculum/tracks/digital.yml", "1:1", "kolom wajib `summary` belum ada"),
    ]


# --- end to end, as a real process --------------------------------------------------------------


def test_process_reports_and_exits_1(project):
    root = project({ETIKA: _replace(MODULE_ETIKA, "mode: webinar", "mode: webinr")})
    result = run_validate_process(root)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.lines[0].startswith(f"{ETIKA}:12:11: error: `mode` pada kegiatan ke-1 harus")
    assert result.lines[-1] == "10 berkas diperiksa: 1 galat, 0 peringatan."


def test_process_on_a_valid_project_exits_0(project):
    result = run_validate_process(project(), "--strict")
    assert (result.exit_code, result.output) == (0, "10 berkas diperiksa: tidak ada masalah.\n")


def test_process_github_format_from_the_environment(project):
    result = run_validate_process(project(ARCHIVED), env={"GITHUB_ACTIONS": "true"})
    assert result.lines[0].startswith("::warning file=curriculum/pathways/analis.yml,line=16,")


def test_process_usage_error_exits_2(project):
    result = run_validate_process(project(), "--format", "yaml")
    assert result.exit_code == 2
    assert "penggunaan salah" in result.stderr
    assert "Traceback" not in result.stderr


def test_process_never_prints_a_traceback(project):
    files = {ETIKA: b"\xff\xfe\x00id: [\n", DATA_DASAR: "a: &x [*x]\n", PATHWAY_PATH: "!!set\n"}
    result = run_validate_process(project(files))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.output
    # Each broken file is reported, as errors, rather than the run stopping at the first.
    assert {where.split(":")[0] for where in result.where} == {ETIKA, DATA_DASAR, PATHWAY_PATH}
    assert {where.rsplit(": ", 1)[1] for where in result.where} == {"error"}


def test_placeholder_text_left_in_a_published_module_fails_the_check(validate):
    text = _replace(MODULE_ETIKA, "title: Etika Pelayanan", 'title: "ISI: judul modul"')
    result = validate({ETIKA: text})
    assert result.exit_code == 1
    assert result.problems == [
        _error(
            ETIKA,
            "2:8",
            "`title` masih berisi teks isian `ISI: …`; ganti dengan isi sebenarnya sebelum "
            "diterbitkan",
        )
    ]


def test_placeholder_text_in_a_draft_is_fine(validate):
    text = _replace(MODULE_ETIKA, "title: Etika Pelayanan", 'title: "ISI: judul modul"')
    draft = text + "status: draft\n"
    problems = validate({ETIKA: draft}).problems
    assert not [line for line in problems if "teks isian" in line]


def test_url_with_markup_characters_is_refused(validate):
    text = (
        MODULE_ETIKA
        + 'resources:\n  - title: Bahan\n    url: "https://x.go.id/a)<b>"\n    kind: link\n'
    )
    problems = validate({ETIKA: text}).problems
    assert problems == [
        _error(
            ETIKA,
            "18:10",
            "`url` pada bahan ke-1 harus berupa alamat `https://…` atau jalur di dalam situs yang "
            'diawali `/`, ditemukan teks "https://x.go.id/a)<b>"',
        )
    ]


def test_reference_typo_in_a_file_with_another_error_is_still_reported(validate):
    text = _replace(MODULE_DATA_LANJUT, "level: menengah", "level: mahir")
    text = _replace(text, "  - data-dasar\n", "  - data-dasr\n")
    pathway = _replace(PATHWAY, "level: dasar", "level: pemula")
    pathway = _replace(pathway, "module: etika", "module: etik")
    assert validate({DATA_LANJUT: text, PATHWAY_PATH: pathway}).problems == [
        _error(
            DATA_LANJUT,
            "4:8",
            "`level` harus salah satu dari: dasar, menengah, lanjut; ditemukan teks "
            '"mahir"; mungkin maksud Anda `lanjut`?',
        ),
        _error(
            DATA_LANJUT,
            "18:5",
            "prasyarat `data-dasr` bukan modul yang dikenal; mungkin maksud Anda `data-dasar`?",
        ),
        _error(
            PATHWAY_PATH,
            "6:8",
            "`level` harus salah satu dari: dasar, menengah, lanjut; ditemukan teks "
            '"pemula"; mungkin maksud Anda `dasar`?',
        ),
        _error(
            PATHWAY_PATH,
            "16:17",
            "langkah menyebut modul `etik` yang tidak dikenal; mungkin maksud Anda `etika`?",
        ),
    ]


def test_pathway_step_whose_module_misses_the_pathway_audience_is_a_warning(validate):
    pathway = _replace(PATHWAY, "  - administrator\n", "  - pengawas\n  - administrator\n")
    assert validate({PATHWAY_PATH: pathway}).problems == [
        _warning(
            PATHWAY_PATH,
            "16:17",
            "modul `data-lanjut` tidak menyasar `pengawas`, padahal jalur belajar ini "
            "menyasarnya; tambahkan ke `audience` modul itu agar peta kompetensi tidak berlubang",
        )
    ]
