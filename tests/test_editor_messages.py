"""The exact words of every message an editor's mistake gets that used to mislead.

Each case is one mistake editors make (copying from a word processor, an extra space,
thinking in Indonesian) in an otherwise valid project, with the one message it gets:
where it is, what is wrong and the fix, and never advice that does not apply.
"""

from __future__ import annotations

import pytest

from generator.commands import cli
from tests.conftest import FRAMEWORK_WITH_LEVELS, MODULE_DATA_LANJUT, MODULE_ETIKA, PATHWAY

ETIKA = "curriculum/modules/nilai/etika.yml"
PATHWAY_PATH = "curriculum/pathways/analis.yml"
DATA_LANJUT = "curriculum/modules/digital/data-lanjut.yml"
NBSP_FIX = (
    "tampak seperti spasi tetapi YAML membacanya sebagai huruf, jadi ganti dengan spasi biasa"
)


def _replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# (case, {path: text}, the report's lines without the summary)
CASES = [
    (
        "NBSP in the indentation",
        {ETIKA: _replace(MODULE_ETIKA, "\n  - semua", "\n\u00a0 - semua")},
        [f"{ETIKA}:6:1: error: spasi tak-putus (NBSP, U+00A0) di indentasi; {NBSP_FIX}"],
    ),
    (
        "NBSP after a colon",
        {ETIKA: _replace(MODULE_ETIKA, "title: Etika", "title:\u00a0Etika")},
        [
            f"{ETIKA}:2:7: error: spasi tak-putus (NBSP, U+00A0) sesudah tanda titik dua `:`; "
            + NBSP_FIX
        ],
    ),
    (
        "NBSP after a list dash",
        {ETIKA: _replace(MODULE_ETIKA, "  - semua", "  -\u00a0semua")},
        [f"{ETIKA}:6:4: error: spasi tak-putus (NBSP, U+00A0) sesudah tanda butir `-`; {NBSP_FIX}"],
    ),
    (
        "NBSP at the end of an id",
        {ETIKA: _replace(MODULE_ETIKA, "id: etika", "id: etika\u00a0")},
        [f"{ETIKA}:1:10: error: spasi tak-putus (NBSP, U+00A0) di akhir baris; {NBSP_FIX}"],
    ),
    (
        "NBSP at the end of a line of prose is no mistake",
        {
            ETIKA: MODULE_ETIKA
            + "description: |\n  Paragraf pertama.\u00a0\n  Kedua:\u00a0berbaris.\n"
        },
        [],
    ),
    (
        "zero-width space in an id",
        {ETIKA: _replace(MODULE_ETIKA, "id: etika", "id: eti\u200bka")},
        [
            f"{ETIKA}:1:8: error: karakter tak terlihat: spasi lebar-nol (U+200B); hapus "
            "karakter ini"
        ],
    ),
    (
        "five spaces instead of four",
        {ETIKA: _replace(MODULE_ETIKA, "\n    minutes: 45", "\n     minutes: 45")},
        [
            f"{ETIKA}:15:6: error: indentasi tidak cocok: baris ini menjorok 5 spasi, sedangkan "
            "baris setingkatnya (baris 14) menjorok 4 spasi; samakan indentasinya"
        ],
    ),
    (
        "three spaces instead of four",
        {ETIKA: _replace(MODULE_ETIKA, "\n    minutes: 45", "\n   minutes: 45")},
        [
            f"{ETIKA}:15:4: error: indentasi tidak cocok: baris ini menjorok 3 spasi, sedangkan "
            "baris setingkatnya (baris 14) menjorok 4 spasi; samakan indentasinya"
        ],
    ),
    (
        "an indented top-level key",
        {ETIKA: _replace(MODULE_ETIKA, "\ntitle: Etika", "\n     title: Etika")},
        [
            f"{ETIKA}:2:6: error: indentasi tidak cocok: baris ini menjorok 5 spasi, sedangkan "
            "baris setingkatnya (baris 1) menjorok 0 spasi; samakan indentasinya"
        ],
    ),
    (
        "a second objective merged into the first",
        {
            ETIKA: _replace(
                MODULE_ETIKA,
                "  - Menjelaskan makna akuntabel.\n",
                "  - Menjelaskan makna akuntabel dalam layanan.\n    - Menerapkan nilai.\n",
            )
        },
        [
            f"{ETIKA}:9:5: warning: baris ini diawali `- ` tetapi menjorok lebih dalam dari butir "
            "di baris 8, sehingga YAML membacanya sebagai lanjutan teks butir itu, bukan butir "
            "baru; samakan indentasi `- ` dengan butir di atasnya"
        ],
    ),
    (
        "a level written as a word",
        {
            ETIKA: _replace(
                MODULE_ETIKA,
                "  - ref: nilai/akuntabel",
                "  - ref: nilai/akuntabel\n    level: empat",
            )
        },
        [
            f"{ETIKA}:11:12: error: `level` pada kompetensi ke-1 harus berupa bilangan bulat, "
            'ditemukan teks "empat"; tulis bilangannya saja: `4`'
        ],
    ),
    (
        "minutes with a unit",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 45", "minutes: 60 menit")},
        [
            f"{ETIKA}:15:14: error: `minutes` pada kegiatan ke-2 harus berupa bilangan bulat, "
            'ditemukan teks "60 menit"; tulis bilangannya saja: `60`'
        ],
    ),
    (
        "minutes in quotes",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 45", 'minutes: "45"')},
        [
            f"{ETIKA}:15:14: error: `minutes` pada kegiatan ke-2 harus berupa bilangan bulat, "
            'ditemukan teks "45"; hapus tanda kutip'
        ],
    ),
    (
        "status in Indonesian",
        {ETIKA: MODULE_ETIKA + "status: aktif\n"},
        [
            f"{ETIKA}:16:9: error: `status` harus salah satu dari: active, draft, archived; "
            'ditemukan teks "aktif"; mungkin maksud Anda `active`?'
        ],
    ),
    (
        "mode in Indonesian",
        {ETIKA: _replace(MODULE_ETIKA, "mode: e-learning", "mode: penugasan")},
        [
            f"{ETIKA}:14:11: error: `mode` pada kegiatan ke-2 harus salah satu dari: webinar, "
            "recording, e-learning, classroom, coaching, mentoring, community, on-the-job; "
            'ditemukan teks "penugasan"; mungkin maksud Anda `on-the-job`?'
        ],
    ),
    (
        "required: tidak",
        {PATHWAY_PATH: _replace(PATHWAY, "required: false", "required: tidak")},
        [
            f"{PATHWAY_PATH}:17:19: error: `required` pada langkah ke-2 di fase ke-2 harus "
            '`true` atau `false`, ditemukan teks "tidak"; mungkin maksud Anda `false`?'
        ],
    ),
    (
        "required: wajib",
        {PATHWAY_PATH: _replace(PATHWAY, "required: false", "required: wajib")},
        [
            f"{PATHWAY_PATH}:17:19: error: `required` pada langkah ke-2 di fase ke-2 harus "
            '`true` atau `false`, ditemukan teks "wajib"; mungkin maksud Anda `true`?'
        ],
    ),
    (
        "captions: yes",
        {ETIKA: MODULE_ETIKA + "accessibility:\n  captions: yes\n"},
        [
            f"{ETIKA}:17:13: error: `accessibility.captions` harus `true` atau `false`, "
            'ditemukan teks "yes"; mungkin maksud Anda `true`?'
        ],
    ),
    (
        "an id with capitals and an underscore",
        {ETIKA: _replace(MODULE_ETIKA, "id: etika", "id: Etika_Pelayanan")},
        [
            f"{ETIKA}:1:5: error: `id` harus berupa slug (huruf kecil, angka dan tanda hubung, "
            'mis. `keamanan-siber`), ditemukan teks "Etika_Pelayanan"; mungkin maksud Anda '
            "`etika-pelayanan`?"
        ],
    ),
    (
        "a file name that is no id",
        {ETIKA: None, "curriculum/modules/nilai/Etika Pelayanan.yml": MODULE_ETIKA},
        [
            "curriculum/modules/nilai/Etika Pelayanan.yml:1:5: error: `id` harus sama dengan "
            "nama berkas: berkas `Etika Pelayanan.yml` berisi id `etika`; nama berkas itu bukan "
            "id yang sah, jadi ganti nama berkasnya menjadi `etika.yml`",
            f"{PATHWAY_PATH}:16:17: error: langkah menyebut modul `etika` yang tidak dikenal",
        ],
    ),
    (
        "JP that is neither whole nor half",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 90", "minutes: 255")},
        [
            f"{ETIKA}:12:3: warning: kegiatan modul ini berjumlah 300 menit, yaitu 6,67 JP (45 "
            "menit per JP), yang diterbitkan sebagai 6,7 JP; JP bulat atau setengah yang tepat "
            "memerlukan 270 menit (6 JP) atau 315 menit (7 JP)"
        ],
    ),
    (
        "webinar minutes unlike the session's",
        {
            DATA_LANJUT: _replace(
                _replace(MODULE_DATA_LANJUT, "minutes: 90\n  - mode", "minutes: 135\n  - mode"),
                "minutes: 180",
                "minutes: 135",
            )
        },
        [
            f"{DATA_LANJUT}:14:14: warning: kegiatan webinar berjumlah 135 menit, tetapi sesi "
            "terjadwalnya 90 menit; samakan `minutes` kegiatan webinar dengan lama sesinya agar "
            "JP yang diterbitkan sesuai dengan yang diikuti peserta"
        ],
    ),
    (
        "a Kirkpatrick level in quotes",
        {ETIKA: MODULE_ETIKA + 'evaluation:\n  kirkpatrick:\n    "1": Survei.\n'},
        [
            f"{ETIKA}:18:5: error: kunci `1` di `evaluation.kirkpatrick` harus salah satu dari: "
            '1, 2, 3, 4; ditemukan teks "1"; tulis tanpa tanda kutip'
        ],
    ),
    (
        "a level indicator key in quotes",
        {
            "curriculum/competencies/digital.yml": _replace(
                FRAMEWORK_WITH_LEVELS, "      1: Membaca", '      "1": Membaca'
            )
        },
        [
            "curriculum/competencies/digital.yml:15:7: error: kunci `1` di "
            "`level_indicators` pada kompetensi ke-1 harus berupa bilangan bulat, ditemukan teks "
            '"1"; hapus tanda kutip'
        ],
    ),
    (
        "session start with seconds",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, '"2026-12-10T09:00"', "2026-12-10T09:00:00")},
        [
            f"{DATA_LANJUT}:20:12: error: `start` pada sesi ke-1 harus berupa waktu setempat "
            'YYYY-MM-DDTHH:MM, mis. `2026-12-10T09:00`, ditemukan teks "2026-12-10T09:00:00"; '
            "tulis tanpa detik: `2026-12-10T09:00`"
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_one_true_message(validate, files, expected):
    assert validate(files).problems == expected


# --- the command line speaks Indonesian throughout -------------------------------------------

ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:")


@pytest.mark.parametrize("command", [[], ["validate"], ["build"], ["schema"], ["diff"], ["new"]])
def test_help_is_indonesian_throughout(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*command, "--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("penggunaan: python -m generator")
    assert "-h, --help" in shown and "tampilkan bantuan ini lalu keluar" in shown
    assert [word for word in ARGPARSE_ENGLISH if word in shown] == []


@pytest.mark.parametrize(
    ("argv", "detail"),
    [
        (["validate", "--bogus"], "argumen tidak dikenal: --bogus"),
        ([], "argumen berikut wajib diisi: PERINTAH"),
        (
            ["new", "modul"],
            "argumen JENIS: pilihan 'modul' tidak dikenal (pilih salah satu dari 'module', "
            "'pathway', 'track')",
        ),
        (["validate", "--today"], "argumen --today: memerlukan satu nilai"),
    ],
)
def test_usage_errors_are_indonesian(capsys, argv, detail):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("penggunaan: python -m generator")
    assert errors[-1].endswith(f": penggunaan salah: {detail}")
