"""The exact words of every message an editor's mistake gets that used to mislead.

Each case is one mistake editors make (copying from a word processor, an extra space,
thinking in Indonesian) in an otherwise valid project, with the one message it gets:
where it is, what is wrong and the fix, and never advice that does not apply.
"""

from __future__ import annotations

import subprocess

import pytest

from generator.commands import cli
from tests.conftest import (
    FRAMEWORK_WITH_LEVELS,
    FRAMEWORK_WITHOUT_LEVELS,
    GLOSSARY,
    MODULE_DATA_DASAR,
    MODULE_DATA_LANJUT,
    MODULE_ETIKA,
    PATHWAY,
    run_validate,
)

ETIKA = "curriculum/modules/nilai/etika.yml"
PATHWAY_PATH = "curriculum/pathways/analis.yml"
DATA_LANJUT = "curriculum/modules/digital/data-lanjut.yml"
DATA_DASAR = "curriculum/modules/digital/data-dasar.yml"
GLOSSARY_PATH = "curriculum/glossary.yml"
NILAI_FRAMEWORK = "curriculum/competencies/nilai.yml"
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
        # As a JSON reader sees every key ("1"), so the schema's verdict is the validator's.
        "a Kirkpatrick level in quotes is the level",
        {ETIKA: MODULE_ETIKA + 'evaluation:\n  kirkpatrick:\n    "1": Survei.\n'},
        [],
    ),
    (
        "a level indicator key in quotes is the level",
        {
            "curriculum/competencies/digital.yml": _replace(
                FRAMEWORK_WITH_LEVELS, "      1: Membaca", '      "1": Membaca'
            )
        },
        [],
    ),
    (
        "a Kirkpatrick level off the scale",
        {ETIKA: MODULE_ETIKA + 'evaluation:\n  kirkpatrick:\n    "5": Dampak.\n'},
        [
            f"{ETIKA}:18:5: error: kunci `5` di `evaluation.kirkpatrick` harus salah satu dari: "
            "1, 2, 3, 4; ditemukan bilangan bulat `5`"
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


CASES += [
    (
        "a video embedded with an iframe",
        {
            ETIKA: MODULE_ETIKA
            + 'description: |\n  Tonton:\n\n  <iframe src="https://video.example.org/x"></iframe>\n'
        },
        [
            f"{ETIKA}:19:3: warning: `<iframe>` di `description` tidak diterbitkan (HTML itu "
            "dibuang dari halaman); tautkan videonya atau halamannya: `[Tonton "
            "rekamannya](https://…)`"
        ],
    ),
    (
        "text coloured with style=",
        {ETIKA: MODULE_ETIKA + "description: '<p style=\"color: red\">Penting</p>'\n"},
        [
            f"{ETIKA}:16:18: warning: `style=…` di `description` tidak diterbitkan (HTML itu "
            "dibuang dari halaman); tampilan mengikuti gaya situs; hapus bagian ini dan pakai "
            "**tebal** atau _miring_ Markdown bila perlu"
        ],
    ),
    (
        "a script in a free page",
        {"curriculum/pages/tentang.md": "# Tentang\n\nTeks.\n\n<script>alert(1)</script>\n"},
        [
            "curriculum/pages/tentang.md:5:1: warning: `<script>` tidak diterbitkan (HTML itu "
            "dibuang dari halaman); skrip tidak pernah diterbitkan; hapus bagian ini"
        ],
    ),
]

CASES += [
    (
        "a module named index",
        {
            ETIKA: None,
            "curriculum/modules/nilai/index.yml": _replace(MODULE_ETIKA, "id: etika", "id: index"),
            PATHWAY_PATH: _replace(PATHWAY, "      - module: etika\n        required: false\n", ""),
        },
        [
            "curriculum/modules/nilai/index.yml:1:5: error: id `index` tidak dapat dipakai: "
            "`index` adalah halaman daftar di folder yang sama, yang akan tertimpa; pilih id "
            "lain, lalu ganti nama berkasnya menjadi id baru itu"
        ],
    ),
    (
        "a competency named after a Windows device",
        {
            NILAI_FRAMEWORK: _replace(
                FRAMEWORK_WITHOUT_LEVELS,
                "  - id: akuntabel",
                "  - id: con\n    title: Con\n    definition: Contoh.\n  - id: akuntabel",
            ),
        },
        [
            f"{NILAI_FRAMEWORK}:4:9: error: id `con` tidak dapat dipakai: `con` adalah nama "
            "perangkat yang dicadangkan Windows, sehingga berkasnya tidak dapat dibuka di "
            "Windows; pilih id lain",
            f"{NILAI_FRAMEWORK}:4:9: warning: kompetensi `nilai/con` belum dikembangkan oleh "
            "modul aktif mana pun; ini celah di peta kompetensi",
        ],
    ),
    (
        "a free page named after a Windows device",
        {"curriculum/pages/nul.md": "# Nul\n\nTeks.\n"},
        [
            "curriculum/pages/nul.md:1:1: error: nama `nul.md` dicadangkan Windows untuk "
            "perangkat, sehingga berkasnya tidak dapat dibuka di Windows; beri halaman ini nama "
            "lain, misalnya `tentang-kami.md`"
        ],
    ),
]

# The mistake table (issue "Editors can trust every verdict"): mistakes tried as editors make
# them in GitHub's web editor and in VS Code, each with the one message it gets, at the line
# to edit, saying what to write there.
CASES += [
    (
        "minutes written in JP",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 45", "minutes: 2 JP")},
        [
            f"{ETIKA}:15:14: error: `minutes` pada kegiatan ke-2 harus berupa bilangan "
            'bulat, ditemukan teks "2 JP"; 2 JP = 90 menit (1 JP = 45 menit), jadi tulis '
            "`90` (menit, bukan JP)",
        ],
    ),
    (
        "minutes written in hours",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 45", "minutes: 1,5 jam")},
        [
            f"{ETIKA}:15:14: error: `minutes` pada kegiatan ke-2 harus berupa bilangan "
            'bulat, ditemukan teks "1,5 jam"; 1,5 jam = 90 menit, jadi tulis `90` (menit, '
            "bukan jam)",
        ],
    ),
    (
        "session minutes written in JP",
        {
            DATA_LANJUT: _replace(
                MODULE_DATA_LANJUT,
                "    minutes: 90\n    registration",
                "    minutes: 2 JP\n    registration",
            )
        },
        [
            f"{DATA_LANJUT}:22:14: error: `minutes` pada sesi ke-1 harus berupa bilangan "
            'bulat, ditemukan teks "2 JP"; 2 JP = 90 menit (1 JP = 45 menit), jadi tulis '
            "`90` (menit, bukan JP)",
        ],
    ),
    (
        "minutes in curly quotes",
        {ETIKA: _replace(MODULE_ETIKA, "minutes: 45", "minutes: \u201c45\u201d")},
        [
            f"{ETIKA}:15:14: error: `minutes` pada kegiatan ke-2 harus berupa bilangan "
            'bulat, ditemukan teks "“45”"; tanda kutip lengkung dari pengolah kata (“ ” ‘ '
            "’) bukan tanda kutip YAML, hapus tanda kutipnya",
        ],
    ),
    (
        "an unclosed double quote found twenty lines on",
        {
            ETIKA: _replace(MODULE_ETIKA, "title: Etika Pelayanan", 'title: "Etika Pelayanan')
            + 'description: Lihat "Pedoman".\n'
        },
        [
            f'{ETIKA}:2:8: error: tanda kutip `"` yang dibuka di sini tidak ditutup di '
            "baris ini, jadi YAML membaca teksnya terus sampai tanda kutip berikutnya di "
            'baris 16; tambahkan `"` penutup di akhir nilai ini, atau hapus tanda kutip '
            "pembukanya",
        ],
    ),
    (
        "an unclosed single quote",
        {
            ETIKA: _replace(MODULE_ETIKA, "summary: Menerapkan", "summary: 'Menerapkan")
            + "description: Nilai 'akuntabel' dalam praktik.\n"
        },
        [
            f"{ETIKA}:3:10: error: tanda kutip `'` yang dibuka di sini tidak ditutup di "
            "baris ini, jadi YAML membaca teksnya terus sampai tanda kutip berikutnya di "
            "baris 16; tambahkan `'` penutup di akhir nilai ini, atau hapus tanda kutip "
            "pembukanya",
        ],
    ),
    (
        "no space after a colon",
        {ETIKA: _replace(MODULE_ETIKA, "level: dasar", "level:dasar")},
        [
            f"{ETIKA}:4:7: error: sesudah `level:` harus ada spasi; tulis `level: dasar`",
        ],
    ),
    (
        "no space after a colon on the last line",
        {ETIKA: MODULE_ETIKA + "status:draft\n"},
        [
            f"{ETIKA}:16:8: error: sesudah `status:` harus ada spasi; tulis `status: draft`",
        ],
    ),
    (
        "no space after a colon in a list item",
        {ETIKA: _replace(MODULE_ETIKA, "  - ref: nilai/akuntabel", "  - ref:nilai/akuntabel")},
        [
            f"{ETIKA}:10:5: error: kompetensi ke-1 harus berupa pemetaan `kunci: nilai`, "
            'ditemukan teks "ref:nilai/akuntabel"; sesudah `:` harus ada spasi, tulis `ref: '
            "nilai/akuntabel`",
        ],
    ),
    (
        "no space after a list dash",
        {ETIKA: _replace(MODULE_ETIKA, "  - semua", "  -semua")},
        [
            f"{ETIKA}:6:3: error: `audience` harus berupa daftar (setiap butir diawali `- "
            '`), ditemukan teks "-semua"; tulis `- semua`',
        ],
    ),
    (
        "a long description over two lines with a colon",
        {
            ETIKA: MODULE_ETIKA
            + "description: Modul ini membahas\n  hal berikut: etika dan nilai.\n"
        },
        [
            f"{ETIKA}:16:14: error: teks `description` berlanjut ke baris berikutnya dan "
            "baris 17 memuat `: `, yang dibaca YAML sebagai kunci baru; apit seluruh "
            'teksnya dengan tanda kutip ganda: `description: "…"`, dengan tanda kutip '
            "penutup di akhir baris terakhirnya",
        ],
    ),
    (
        "a colon inside a title",
        {ETIKA: _replace(MODULE_ETIKA, "title: Etika Pelayanan", "title: Etika: Pelayanan Publik")},
        [
            f"{ETIKA}:2:8: error: nilai `title` memuat `: `, yang dibaca YAML sebagai "
            'kunci baru; apit seluruh nilainya dengan tanda kutip: `title: "Etika: '
            'Pelayanan Publik"`',
        ],
    ),
    (
        "a title in curly quotes with a colon",
        {
            ETIKA: _replace(
                MODULE_ETIKA, "title: Etika Pelayanan", "title: \u201cEtika: Pelayanan\u201d"
            )
        },
        [
            f"{ETIKA}:2:8: error: tanda kutip lengkung `“` dari pengolah kata bukan tanda "
            "kutip YAML, jadi `: ` di dalam nilai ini dibaca sebagai kunci baru; ganti "
            'tanda kutip lengkung di awal dan akhir nilai dengan tanda kutip biasa `"`',
        ],
    ),
    (
        "two keys on one line",
        {
            ETIKA: _replace(
                MODULE_ETIKA, "  - mode: webinar\n    minutes: 90", "  - mode: webinar minutes: 90"
            )
        },
        [
            f"{ETIKA}:12:19: error: `minutes:` adalah kunci tersendiri: pindahkan "
            "`minutes:` dan nilainya ke baris baru, sejajar dengan `mode`",
        ],
    ),
    (
        "a tab in an activity",
        {ETIKA: _replace(MODULE_ETIKA, "\n    minutes: 45", "\n\tminutes: 45")},
        [
            f"{ETIKA}:15:1: error: karakter tab dipakai untuk indentasi; YAML hanya "
            "menerima spasi: ganti indentasi baris ini dengan 4 spasi, sejajar dengan baris "
            "14",
        ],
    ),
    (
        "a tab before a list item",
        {ETIKA: _replace(MODULE_ETIKA, "\n  - semua", "\n\t- semua")},
        [
            f"{ETIKA}:6:1: error: karakter tab dipakai untuk indentasi; YAML hanya "
            "menerima spasi: ganti indentasi baris ini dengan 2 spasi, dua spasi lebih "
            "dalam dari kuncinya di baris 5",
        ],
    ),
    (
        "a title left empty",
        {ETIKA: _replace(MODULE_ETIKA, "title: Etika Pelayanan", "title:")},
        [
            f"{ETIKA}:2:7: error: `title` belum diisi; tulis isinya sesudah `title: ` di baris ini",
        ],
    ),
    (
        "a title starting with #",
        {ETIKA: _replace(MODULE_ETIKA, "title: Etika Pelayanan", "title: #1 Etika")},
        [
            f"{ETIKA}:2:7: error: `title` kosong karena `#` sesudah spasi memulai komentar "
            'YAML (`#1 Etika` diabaikan); apit nilainya dengan tanda kutip: `title: "#1 '
            'Etika"`',
        ],
    ),
    (
        "audience on one line",
        {ETIKA: _replace(MODULE_ETIKA, "audience:\n  - semua", "audience: semua")},
        [
            f"{ETIKA}:5:11: error: `audience` harus berupa daftar (setiap butir diawali `- "
            '`), ditemukan teks "semua"; tulis `audience: [semua]`',
        ],
    ),
    (
        "a mode with a capital",
        {ETIKA: _replace(MODULE_ETIKA, "mode: webinar", "mode: Webinar")},
        [
            f"{ETIKA}:12:11: error: `mode` pada kegiatan ke-1 harus salah satu dari: "
            "webinar, recording, e-learning, classroom, coaching, mentoring, community, "
            'on-the-job; ditemukan teks "Webinar"; mungkin maksud Anda `webinar`?',
        ],
    ),
    (
        "a misspelt audience",
        {ETIKA: _replace(MODULE_ETIKA, "  - semua", "  - cpns\n  - pengawass")},
        [
            f"{ETIKA}:7:5: error: sasaran ke-2 harus salah satu dari: cpns, pelaksana, "
            "pengawas, administrator, jpt-pratama, jpt-madya, jpt-utama, "
            "fungsional-keterampilan, fungsional-keahlian, semua; ditemukan teks "
            '"pengawass"; mungkin maksud Anda `pengawas`?',
        ],
    ),
    (
        "a resource kind named by its file type",
        {
            ETIKA: MODULE_ETIKA
            + "resources:\n  - title: Bahan\n    url: https://example.org/a.pdf\n    kind: pdf\n"
        },
        [
            f"{ETIKA}:19:11: error: `kind` pada bahan ke-1 harus salah satu dari: slides, "
            'recording, document, video, link; ditemukan teks "pdf"; mungkin maksud Anda '
            "`document`?",
        ],
    ),
    (
        "a level in Indonesian",
        {ETIKA: _replace(MODULE_ETIKA, "level: dasar", "level: pemula")},
        [
            f"{ETIKA}:4:8: error: `level` harus salah satu dari: dasar, menengah, lanjut; "
            'ditemukan teks "pemula"; mungkin maksud Anda `dasar`?',
        ],
    ),
    (
        "a key in the singular",
        {ETIKA: _replace(MODULE_ETIKA, "objectives:", "objective:")},
        [
            f"{ETIKA}:7:1: error: kolom `objective` tidak dikenal; mungkin maksud Anda "
            "`objectives`?",
        ],
    ),
    (
        "a key with a capital",
        {ETIKA: _replace(MODULE_ETIKA, "summary:", "Summary:")},
        [
            f"{ETIKA}:3:1: error: kolom `Summary` tidak dikenal; mungkin maksud Anda `summary`?",
        ],
    ),
    (
        "a zone written as WITA",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, "timezone: Asia/Makassar", "timezone: WITA")},
        [
            f"{DATA_LANJUT}:21:15: error: `timezone` pada sesi ke-1: zona waktu `WITA` "
            "tidak dikenal; gunakan nama IANA seperti Asia/Jakarta (WIB), Asia/Makassar "
            "(WITA) atau Asia/Jayapura (WIT); mungkin maksud Anda `Asia/Makassar`?",
        ],
    ),
    (
        "a session date written day first",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, '"2026-12-10T09:00"', '"10-12-2026 09.00"')},
        [
            f"{DATA_LANJUT}:20:12: error: `start` pada sesi ke-1 harus berupa waktu "
            'setempat YYYY-MM-DDTHH:MM, mis. `2026-12-10T09:00`, ditemukan teks "10-12-2026 '
            '09.00"; tulis `2026-12-10T09:00` (tahun-bulan-tanggal, huruf T, jam:menit)',
        ],
    ),
    (
        "a session hour without its zero",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, '"2026-12-10T09:00"', "2026-12-10T9:00")},
        [
            f"{DATA_LANJUT}:20:12: error: `start` pada sesi ke-1 harus berupa waktu "
            "setempat YYYY-MM-DDTHH:MM, mis. `2026-12-10T09:00`, ditemukan teks "
            '"2026-12-10T9:00"; tulis `2026-12-10T09:00` (tahun-bulan-tanggal, huruf T, '
            "jam:menit)",
        ],
    ),
    (
        "a registration link with http",
        {
            DATA_LANJUT: _replace(
                MODULE_DATA_LANJUT, "https://example.org/daftar", "http://example.org/daftar"
            )
        },
        [
            f"{DATA_LANJUT}:23:23: error: `registration_url` pada sesi ke-1 harus berupa "
            'alamat yang diawali `https://`, ditemukan teks "http://example.org/daftar"; '
            "ganti `http://` dengan `https://`",
        ],
    ),
    (
        "a misspelt prerequisite",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, "  - data-dasar", "  - data-dasr")},
        [
            f"{DATA_LANJUT}:18:5: error: prasyarat `data-dasr` bukan modul yang dikenal; "
            "mungkin maksud Anda `data-dasar`?",
        ],
    ),
    (
        "a misspelt pathway step",
        {PATHWAY_PATH: _replace(PATHWAY, "module: data-lanjut", "module: data-lanjutan")},
        [
            f"{PATHWAY_PATH}:15:17: error: langkah menyebut modul `data-lanjutan` yang "
            "tidak dikenal; mungkin maksud Anda `data-lanjut`?",
        ],
    ),
    (
        "a misspelt competency",
        {ETIKA: _replace(MODULE_ETIKA, "ref: nilai/akuntabel", "ref: nilai/akuntable")},
        [
            f"{NILAI_FRAMEWORK}:4:9: warning: kompetensi `nilai/akuntabel` belum "
            "dikembangkan oleh modul aktif mana pun; ini celah di peta kompetensi",
            f"{ETIKA}:10:10: error: kompetensi `nilai/akuntable` tidak dikenal: kompetensi "
            "tidak ada di kerangka `nilai`; mungkin maksud Anda `nilai/akuntabel`?",
        ],
    ),
    (
        "a competency level off the scale",
        {DATA_LANJUT: _replace(MODULE_DATA_LANJUT, "    level: 3", "    level: 4")},
        [
            f"{DATA_LANJUT}:11:12: error: tingkat 4 tidak ada di skala kerangka `digital` "
            "(1, 2, 3)",
        ],
    ),
    (
        "a review date that does not exist",
        {ETIKA: MODULE_ETIKA + 'reviewed: "2026-13-01"\n'},
        [
            f"{ETIKA}:16:11: error: `reviewed`: `2026-13-01` bukan tanggal yang ada di "
            "kalender; tulis YYYY-MM-DD dengan bulan 01–12 dan tanggal yang ada di bulan itu",
        ],
    ),
    (
        "a required field left out",
        {
            ETIKA: _replace(
                MODULE_ETIKA, "summary: Menerapkan nilai akuntabel dalam pelayanan publik.\n", ""
            )
        },
        [
            f"{ETIKA}:1:1: error: kolom wajib `summary` belum ada",
        ],
    ),
    (
        "a boolean in Indonesian",
        {ETIKA: MODULE_ETIKA + "evaluation:\n  pre_test: Ya\n"},
        [
            f"{ETIKA}:17:13: error: `evaluation.pre_test` harus `true` atau `false`, "
            'ditemukan teks "Ya"; mungkin maksud Anda `true`?',
        ],
    ),
    (
        "a glossary term repeated with extra spaces",
        {GLOSSARY_PATH: GLOSSARY + '- term: "ASN  "\n  definition: Lagi.\n'},
        [
            f"{GLOSSARY_PATH}:7:9: error: istilah `ASN  ` sudah ada di butir 2; istilah harus unik",
        ],
    ),
    (
        "a prerequisite cycle over two files",
        {
            DATA_DASAR: _replace(
                MODULE_DATA_DASAR, "activities:", "prerequisites:\n  - data-lanjut\nactivities:"
            )
        },
        [
            f"{DATA_DASAR}:13:5: error: prasyarat membentuk siklus: data-dasar → "
            "data-lanjut → data-dasar; putuskan salah satunya",
            f"{DATA_LANJUT}:18:5: error: prasyarat membentuk siklus: data-lanjut → "
            "data-dasar → data-lanjut; putuskan salah satunya",
            f"{PATHWAY_PATH}:12:17: error: modul `data-dasar` memerlukan `data-lanjut`, "
            "yang harus muncul di langkah sebelumnya atau di `assumes`",
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_one_true_message(validate, files, expected):
    assert validate(files).problems == expected


def test_the_table_holds_forty_mistakes_each_with_a_located_message():
    mistakes = [case for case in CASES if case[2]]
    assert len(mistakes) >= 40
    for name, _files, expected in mistakes:
        line, column = expected[0].split(": ", 1)[0].split(":")[1:3]
        assert int(line) >= 1 and int(column) >= 1, name


def test_a_copied_module_is_the_one_told_to_change_its_id(project, tmp_path):
    """Git tells the copy from the original: the copy is asked to change its id, the
    original is told which file copied it, whatever the folders' order."""
    root = project()
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    copy = root / "curriculum/modules/digital/etika.yml"
    copy.write_text(MODULE_ETIKA, encoding="utf-8")
    assert run_validate(root).problems == [
        "curriculum/modules/digital/etika.yml:1:5: error: id `etika` juga dipakai oleh "
        f"`{ETIKA}`; id harus unik di semua jalur: ganti id di berkas ini, lalu ubah nama "
        "berkasnya menjadi id baru itu",
        f"{ETIKA}:1:5: error: id `etika` juga dipakai oleh "
        "`curriculum/modules/digital/etika.yml`; id harus unik di semua jalur: ganti id di "
        "`curriculum/modules/digital/etika.yml`, yang tampaknya salinan berkas ini",
    ]


def test_a_cycle_over_three_files_is_reported_in_each(validate):
    def module(module_id: str, prerequisite: str) -> str:
        text = _replace(MODULE_ETIKA, "id: etika", f"id: {module_id}")
        return text + f"prerequisites:\n  - {prerequisite}\n"

    files = {
        "curriculum/modules/nilai/a.yml": module("a", "b"),
        "curriculum/modules/nilai/b.yml": module("b", "c"),
        "curriculum/modules/nilai/c.yml": module("c", "a"),
    }
    assert validate(files).where == [
        "curriculum/modules/nilai/a.yml:17:5: error",
        "curriculum/modules/nilai/b.yml:17:5: error",
        "curriculum/modules/nilai/c.yml:17:5: error",
    ]


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
