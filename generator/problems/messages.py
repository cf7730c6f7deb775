"""Every message an editor sees from the generator, once, keyed by a stable code.

A problem is reported as `document.error(loc, code, **fields)` (or, where there is no
YAML document, `error(path, position, code, **fields)`) and a command prints
`say(code, **fields)`: the code names the kind of message (it is what `--format json` shows
and what the diff compares), the fields are its named values, and the entry here turns both
into the Indonesian sentence. Rewording a message means editing its entry and nothing else.
A cross-file rule's entries are declared with the rule, beside its check
(generator.validate.rules), which adds them here through `register`; all others are here.
Every code is
documented in CONTRIBUTING.md's message table or, for a rule's, in the format reference's
rules table (tests/test_messages.py checks it both ways).

An entry is a `str.format` template or, where the sentence has optional parts, a function
of the same named fields. A field named `suggestion` (a close match, or None) fills the
template's `{hint}` with the one "did you mean" phrase, built in `did_you_mean`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.text import zones
from generator.text.numbers import number_text

Template = str | Callable[..., str]

# Fields that advise (a close match, what exists elsewhere) rather than say what is wrong:
# the diff leaves them out when it asks whether a problem is one it already knew.
ADVICE_FIELDS = frozenset({"suggestion", "allowed", "tracks", "frameworks", "sections", "more"})


def did_you_mean(suggestion: object) -> str:
    """The one way a close match is offered, after the sentence it completes."""
    return f"; mungkin maksud Anda `{suggestion}`?" if suggestion else ""


def number(value: object) -> str:
    """Write a count the Indonesian way (10.000), as pages do; anything else as it is."""
    return number_text(value) if isinstance(value, int) else str(value)


def describe_type(value: Any) -> str:
    """Name a loaded value's type in Indonesian, with the value when it is short."""
    if value is None:
        return "nilai kosong (null)"
    if isinstance(value, bool):
        return f"boolean `{str(value).lower()}`"
    if isinstance(value, int):
        return f"bilangan bulat `{value}`"
    if isinstance(value, float):
        return f"bilangan `{value}`"
    if isinstance(value, datetime.datetime):
        return f"waktu `{value.isoformat()}`"
    if isinstance(value, datetime.date):
        return f"tanggal `{value.isoformat()}`"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'teks "{shown}"'
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return type(value).__name__


def subject(field: str, key_of: str | None = None) -> str:
    """What a value problem is about (a `loc_label`), or a key in a mapping."""
    return f"kunci `{field}` di {key_of}" if key_of is not None else field


def found_unquoted(source: str, value: Any) -> str:
    return f"`{source}` tanpa tanda kutip, yang dibaca YAML sebagai {describe_type(value)}"


def backticked(names: Iterable[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def or_none(names: Iterable[str]) -> str:
    return ", ".join(names) or "(belum ada)"


# --- The loader: reading files, YAML syntax, refused YAML features -------------------------

_YAML_SYNTAX = {
    "expected a single document": "berkas berisi lebih dari satu dokumen YAML (dipisah `---`); "
    "satu berkas hanya boleh berisi satu dokumen",
    "mapping values are not allowed": "tanda titik dua `:` tidak diharapkan di sini; jika nilai "
    "berisi `: `, apitkan nilai dengan tanda kutip",
    "could not find expected ':'": "tanda titik dua `:` tidak ditemukan; periksa indentasi, atau "
    "apitkan nilai dengan tanda kutip",
    "found character '\\t' that cannot start any token": "karakter tab tidak diizinkan di sini; "
    "YAML hanya menerima spasi",
    "found undefined alias": "alias `*` tidak diizinkan (dan anchor-nya tidak ada); tulis "
    "nilainya secara lengkap",
    "found unknown escape character": "urutan escape `\\` tidak dikenal; pakai tanda kutip tunggal",
    "did not find expected key": "kunci tidak ditemukan di tempat yang diharapkan; periksa "
    "indentasi baris ini",
    "did not find expected '-' indicator": "butir daftar `- ` diharapkan di sini; periksa "
    "indentasi baris ini",
    "expected <block end>": "indentasi tidak konsisten; samakan indentasi baris ini dengan baris "
    "setingkatnya",
    "found character": "karakter ini tidak boleh mengawali nilai YAML; apitkan nilai dengan "
    "tanda kutip",
    "found duplicate anchor": "anchor `&` ganda; anchor dan alias tidak didukung, tulis nilainya "
    "secara lengkap",
    "found unexpected ':'": "tanda titik dua `:` tidak diharapkan; apitkan nilai dengan tanda "
    "kutip",
    "expected ',' or ']'": "daftar dalam kurung siku belum ditutup dengan `]` atau butirnya "
    "tidak dipisah koma",
    "expected ',' or '}'": "pemetaan dalam kurung kurawal belum ditutup dengan `}` atau butirnya "
    "tidak dipisah koma",
    "found a tab character": "karakter tab tidak diizinkan di sini; YAML hanya menerima spasi",
    "while scanning a quoted scalar": "teks bertanda kutip belum ditutup; tambahkan tanda kutip "
    "penutup",
    "found unexpected end of stream": "berkas berakhir sebelum struktur selesai; mungkin ada "
    "tanda kutip yang belum ditutup",
    "block sequence entries are not allowed": "butir daftar `- ` tidak boleh di sini; tulis "
    "daftar di baris baru, menjorok di bawah kuncinya",
    "did not find expected node content": "nilai diharapkan di sini tetapi tidak ditemukan; "
    "periksa tanda kurung, tanda kutip dan indentasi",
    "did not find expected <document start>": "ada isi tambahan setelah akhir data; periksa "
    "kurung tutup yang berlebih atau penanda akhir dokumen `...`",
    "while scanning a directive": "baris yang diawali `%` dibaca sebagai direktif YAML; apitkan "
    "nilai dengan tanda kutip",
    "while scanning an anchor": "nama anchor `&` tidak sah; jika nilai diawali `&`, apitkan "
    "nilai dengan tanda kutip",
    "while scanning an alias": "nama alias `*` tidak sah; jika nilai diawali `*`, apitkan nilai "
    "dengan tanda kutip",
    "while scanning a tag": "tag `!` tidak sah; jika nilai diawali `!`, apitkan nilai dengan "
    "tanda kutip",
}
# libyaml's own phrases, in the order they are looked for in its problem and context.
YAML_SYNTAX_NEEDLES = tuple(_YAML_SYNTAX)

# Characters that change what a file means without being visible in an editor.
INVISIBLE_NAMES = {
    "\u200b": "spasi lebar-nol (U+200B)",
    "\u200c": "pemisah lebar-nol (U+200C)",
    "\u200d": "penyambung lebar-nol (U+200D)",
    "\u200e": "tanda arah kiri-ke-kanan (U+200E)",
    "\u200f": "tanda arah kanan-ke-kiri (U+200F)",
    "\u2028": "pemisah baris Unicode (U+2028)",
    "\u2029": "pemisah paragraf Unicode (U+2029)",
    "\u2060": "penyambung kata (U+2060)",
    "\ufeff": "tanda urutan bita/BOM (U+FEFF) di tengah berkas",
    "\u0085": "baris baru NEL (U+0085)",
}


def _invisible(codepoint: str) -> str:
    """An invisible character's name, or a text direction control's, by its code (`U+200B`)."""
    char = chr(int(codepoint.removeprefix("U+"), 16))
    return INVISIBLE_NAMES.get(char, f"kendali arah teks ({codepoint})")


def _escaped(codepoint: str, kind: str, escape: str) -> str:
    name = _invisible(codepoint) if kind != "control" else f"karakter kendali {codepoint}"
    return (
        f"nilai ini memuat {name}, ditulis sebagai escape (mis. `{escape}`) di dalam tanda "
        "kutip ganda; karakter itu tidak terlihat dan dapat merusak halaman, hapus escape-nya"
    )


_ALIAS = "alias YAML (`*nama`) tidak diizinkan; tulis nilainya secara lengkap di sini"

_LOADER: dict[str, Template] = {
    "site-config-missing": "berkas `site_config.yml` tidak ditemukan di akar proyek",
    "symlink": "tautan simbolik (symlink) tidak diterima: kurikulum hanya memuat berkas yang "
    "benar-benar ada di repositori; ganti tautan ini dengan berkasnya sendiri",
    "file-yaml-misplaced": "berkas YAML ini tidak berada di tempat yang dikenal; modul ada di "
    "`curriculum/modules/<jalur>/<modul>.yml`, jalur di `curriculum/tracks/`, jalur belajar di "
    "`curriculum/pathways/`, kerangka kompetensi di `curriculum/competencies/`",
    "file-unknown": "berkas tidak dikenal di dalam `curriculum/`; halaman bebas berupa `.md` di "
    "`curriculum/pages/`, selain itu hanya berkas `.yml`",
    "page-in-subfolder": "halaman bebas harus langsung berada di `curriculum/pages/`, bukan di "
    "subfolder; pindahkan ke `curriculum/pages/{name}`",
    "page-not-markdown": "hanya berkas Markdown (`.md`) yang boleh ada di `curriculum/pages/`",
    "page-index-name": "nama `index.md` sudah dipakai untuk daftar halaman Informasi; beri "
    "halaman ini nama lain, misalnya `tentang-kami.md`",
    "file-too-large": lambda size, limit, line: (
        f"berkas ini {number(size)} bita, lebih dari batas {number(limit)} bita per berkas "
        f"(batas itu terlewati di baris {line}); pecah isinya menjadi beberapa modul atau "
        "pindahkan bahan panjang ke tautan `resources`"
    ),
    "list-too-long": lambda count, limit: (
        f"daftar ini berisi {number(count)} butir, lebih dari batas {number(limit)} butir per "
        f"daftar (butir ke-{number(limit + 1)} ada di baris ini); ringkas daftarnya atau pecah "
        "isinya menjadi beberapa berkas"
    ),
    "page-reserved-name": "nama `{name}` dicadangkan Windows untuk perangkat, sehingga berkasnya "
    "tidak dapat dibuka di Windows; beri halaman ini nama lain, misalnya `tentang-kami.md`",
    "page-name": lambda limit, suggestion: (
        "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat huruf "
        f"kecil a-z, angka dan tanda hubung, paling panjang {limit} karakter sebelum `.md`; "
        "ganti nama berkasnya" + (f", misalnya `{suggestion}.md`" if suggestion else "")
    ),
    "file-not-utf8": "berkas bukan UTF-8 yang sah (bita 0x{byte}); simpan ulang berkas dengan "
    "pengodean UTF-8",
    "tab-indent": lambda spaces=None, line=None, under=False: (
        "karakter tab dipakai untuk indentasi; YAML hanya menerima spasi: "
        + (
            "ganti tab dengan spasi, sejajar dengan baris setingkatnya"
            if spaces is None
            else f"ganti indentasi baris ini dengan {spaces} spasi, dua spasi lebih dalam dari "
            f"kuncinya di baris {line}"
            if under
            else f"ganti indentasi baris ini dengan {spaces} spasi, sejajar dengan baris {line}"
            if spaces
            else f"hapus tab di awal baris ini, sejajar dengan baris {line}"
        )
    ),
    "character-invisible": lambda codepoint: (
        f"karakter tak terlihat: {_invisible(codepoint)}; hapus karakter ini"
    ),
    "character-control": "karakter kendali {codepoint} tidak boleh ada dalam berkas; hapus "
    "karakter ini",
    "schema-line-wrong": "baris skema menunjuk `{named}`, skema untuk jenis berkas lain; di sini "
    "seharusnya `{expected}` agar editor dapat membantu mengisi",
    "yaml-too-deep": "data bersarang terlalu dalam (lebih dari {limit} tingkat); periksa kurung "
    "`[` atau `{{` yang tidak ditutup dan indentasinya",
    "yaml-syntax": lambda needle: _YAML_SYNTAX[needle],
    "yaml-invalid": "struktur YAML tidak valid ({detail})",
    "yaml-unreadable": "YAML tidak dapat dibaca ({exception})",
    "file-empty": "berkas tidak berisi data (kosong atau hanya komentar); isi berkas dengan data "
    "sesuai formatnya",
    "yaml-tag": "tag YAML `{tag}` tidak diizinkan; hanya nilai YAML biasa (teks, bilangan, "
    "boolean, daftar, pemetaan) yang diterima",
    "yaml-tag-on-scalar": "tag YAML `!!{tag}` tidak dapat dipakai pada nilai tunggal; hapus "
    "tag-nya",
    "yaml-tag-unreadable": "nilai `{text}` tidak dapat dibaca sebagai `!!{tag}`; periksa "
    "penulisannya",
    "yaml-escaped-character": _escaped,
    "yaml-duplicate-key": "kunci `{key}` ganda dalam pemetaan yang sama (pertama di baris "
    "{first_line}); hapus atau gabungkan salah satunya",
    "yaml-key-not-scalar": "kunci pemetaan harus berupa teks, bukan daftar atau pemetaan",
    "yaml-merge-key": "kunci gabungan `<<` tidak didukung; tulis setiap kunci secara lengkap",
    "yaml-key-nbsp": "kunci `{key}` berisi spasi tak-putus (NBSP, di sini ditandai ␣); ganti "
    "dengan spasi biasa atau hapus",
    "yaml-key-not-text": "kunci pemetaan harus berupa teks; `{key}` dibaca YAML sebagai {found}. "
    "Apitkan kunci dengan tanda kutip",
    "yaml-alias": lambda more=0: _ALIAS + (f" (dan {more} alias lain sesudah ini)" if more else ""),
}


# --- Field values, as the format's model reports them --------------------------------------


def _missing(field: str, parent: str | None) -> str:
    return f"kolom wajib `{field}` belum ada" + (f" di {parent}" if parent else "")


def _unknown(field: str, parent: str | None, suggestion: str | None, allowed: list[str]) -> str:
    where = f" di {parent}" if parent else ""
    listing = f"; kolom yang dikenal: {', '.join(allowed)}" if allowed else ""
    return f"kolom `{field}` tidak dikenal{where}{did_you_mean(suggestion) or listing}"


def _not_text(subject: str, found: str, quote: str | None = None) -> str:
    hint = f'; apitkan nilai dengan tanda kutip: "{quote}"' if quote is not None else ""
    return f"{subject} harus berupa teks, ditemukan {found}{hint}"


CURLY_QUOTES = "tanda kutip lengkung dari pengolah kata (“ ” ‘ ’) bukan tanda kutip YAML"


def _not_integer(
    subject: str,
    found: str,
    quoted: bool,
    suggestion: str | None = None,
    duration: dict | None = None,
    curly: bool = False,
) -> str:
    if curly:
        hint = f"; {CURLY_QUOTES}, hapus tanda kutipnya"
    elif duration is not None:
        per = f" (1 JP = {duration['jp_minutes']} menit)" if duration["unit"] == "JP" else ""
        hint = (
            f"; {duration['amount']} {duration['unit']} = {number(duration['minutes'])} menit"
            f"{per}, jadi tulis `{duration['minutes']}` (menit, bukan {duration['unit']})"
        )
    elif quoted:
        hint = "; hapus tanda kutip"
    elif suggestion is not None:
        hint = f"; tulis bilangannya saja: `{suggestion}`"
    else:
        hint = ""
    return f"{subject} harus berupa bilangan bulat, ditemukan {found}{hint}"


_PATTERN_HINTS = {
    "https": "; ganti `http://` dengan `https://`",
    "lowercase": "; gunakan huruf kecil tanpa spasi",
}


def _pattern(
    subject: str,
    pattern: str | None,
    found: str,
    hint: str | None,
    fix: str | None = None,
    suggestion: str | None = None,
) -> str:
    expected = PATTERN_EXPECTED.get(pattern or "", PATTERN_OTHER)
    if hint == "seconds":
        advice = f"; tulis tanpa detik: `{fix}`"
    elif hint == "local-time":
        advice = f"; tulis `{fix}` (tahun-bulan-tanggal, huruf T, jam:menit)"
    elif suggestion:
        advice = did_you_mean(suggestion)
    else:
        advice = _PATTERN_HINTS.get(hint or "", "")
    return f"{subject} {expected}, ditemukan {found}{advice}"


_TOO_LONG_HINTS = {
    "summary": "pindahkan uraian panjang ke `description`",
    "markdown": "persingkat atau pecah uraiannya",
}


def _too_long(subject: str, limit: int, length: int, hint: str | None) -> str:
    return (
        f"{subject} paling banyak {number(limit)} karakter, ditemukan {number(length)} "
        f"karakter; {_TOO_LONG_HINTS.get(hint or '', 'persingkat teksnya')}"
    )


_VALUES: dict[str, Template] = {
    "field-missing": _missing,
    "field-unknown": _unknown,
    "outcome-personal-data": "kunci `{field}` berisi data pribadi peserta; berkas hasil hanya "
    "memuat angka agregat (jumlah, rata-rata), tidak pernah nama, NIP, surel atau baris per "
    "orang, karena repositori ini terbuka untuk umum dan setiap isinya terbit di situs; hapus "
    "kunci ini dan simpan data per orang di luar repositori",
    "value-not-text": _not_text,
    "value-not-integer": _not_integer,
    "value-not-boolean": "{subject} harus `true` atau `false`, ditemukan {found}{hint}",
    "value-not-list": lambda subject, found, fix=None: (
        f"{subject} harus berupa daftar (setiap butir diawali `- `), ditemukan {found}"
        + (f"; tulis `{fix}`" if fix else "")
    ),
    "value-not-mapping": lambda subject, found, fix=None: (
        f"{subject} harus berupa pemetaan `kunci: nilai`, ditemukan {found}"
        + (f"; sesudah `:` harus ada spasi, tulis `{fix}`" if fix else "")
    ),
    "value-blank": "{subject} belum diisi; tulis isinya sesudah `{key}: ` di baris ini",
    "value-comment": "{subject} kosong karena `#` sesudah spasi memulai komentar YAML (`{text}` "
    'diabaikan); apit nilainya dengan tanda kutip: `{key}: "{text}"`',
    "value-not-choice": lambda subject, choices, found, suggestion, unquote=False: (
        f"{subject} harus salah satu dari: {', '.join(choices)}; ditemukan {found}"
        + ("; tulis tanpa tanda kutip" if unquote else did_you_mean(suggestion))
    ),
    "value-pattern": _pattern,
    "value-too-long": _too_long,
    "value-markup": "{subject} memuat {count} tanda `{char}`; paling banyak {limit} dalam satu "
    "teks Markdown (tautan, gambar dan HTML membuat situs lambat dibangun); kurangi atau pecah "
    "teksnya",
    "value-huge": lambda subject, limit, digits: (
        f"{subject} maksimal {number(limit)}, ditemukan bilangan {digits} digit"
    ),
    "value-empty": "{subject} tidak boleh kosong",
    "value-too-few": "{subject} harus berisi minimal {minimum} butir",
    "value-not-greater": "{subject} harus lebih besar dari {limit}, ditemukan {found}",
    "value-too-small": "{subject} minimal {limit}, ditemukan {found}",
    "value-too-large": lambda subject, limit, found: (
        f"{subject} maksimal {number(limit)}, ditemukan {found}"
    ),
    "timezone-unknown": "{subject}: zona waktu `{zone}` tidak dikenal; gunakan nama IANA seperti "
    "Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT){hint}",
    "timezone-offset": lambda subject, zone, suggestion: (
        f"{subject}: `{zone}` adalah selisih jam, bukan zona waktu; "
        + (
            f"tulis `{suggestion}` ({zones.DISPLAY[suggestion]}), zona Indonesia dengan selisih itu"
            if suggestion
            else "tulis nama IANA kota tempat sesi diadakan, mis. `Europe/Amsterdam`"
        )
    ),
    "date-unreal": "{subject}: `{value}` bukan tanggal yang ada di kalender; tulis YYYY-MM-DD "
    "dengan bulan 01–12 dan tanggal yang ada di bulan itu",
    "datetime-unreal": "{subject}: `{value}` bukan tanggal dan jam yang ada; tulis tanggal yang "
    "ada di kalender dan jam 00:00–23:59",
    "session-year": "{subject}: tahun {year} di luar rentang {first}–{last}; periksa tahunnya",
    "value-invalid": "{subject} tidak sah ({detail}), ditemukan {found}",
}

# What each of the format's patterns asks for, keyed by the pattern's name in format.py.
PATTERN_EXPECTED = {
    "SLUG_PATTERN": "harus berupa slug (huruf kecil, angka dan tanda hubung, mis. "
    "`keamanan-siber`)",
    "REF_PATTERN": "harus berbentuk `<kerangka>/<kompetensi>`, mis. `manajerial/integritas`",
    "DATE_PATTERN": "harus berupa tanggal YYYY-MM-DD, mis. `2026-11-30`",
    "LOCAL_TIME_PATTERN": "harus berupa waktu setempat YYYY-MM-DDTHH:MM, mis. `2026-12-10T09:00`",
    "HTTPS_PATTERN": "harus berupa alamat yang diawali `https://`",
    "SITE_URL_PATTERN": "harus berupa alamat `https://…` atau jalur di dalam situs yang "
    "diawali `/`",
    "ICON_PATTERN": "harus berupa nama ikon Material, mis. `material/shield-account`",
    "CONTACT_PATTERN": "harus berupa alamat surel (mis. `kurikulum@instansi.go.id`) atau "
    "alamat yang diawali `https://`",
    "ONE_LINE": "harus satu baris teks tanpa baris baru (uraian panjang masuk `description`)",
}
PATTERN_OTHER = "tidak sesuai format"


# --- After rendering: `#section` links ---------------------------------------------------
# The cross-file rules' wording is declared with each rule (generator.validate.rules) and
# added to this catalogue by `register`; this check runs after rendering, outside them.


def _section_missing(page: str, fragment: str, sections: list[str], more: int, suggestion):
    if sections:
        listing = f" (bagian yang ada: {backticked('#' + s for s in sections)}"
        listing += f" dan {more} lainnya)" if more else ")"
    else:
        listing = " (halaman itu tidak punya bagian)"
    hint = did_you_mean(f"{page}#{suggestion}" if suggestion else None)
    return f"halaman `{page}` tidak punya bagian `#{fragment}`{listing}{hint}"


_ANCHORS: dict[str, Template] = {
    "section-missing": _section_missing,
}

# --- The commands: what `validate`, `build`, `schema`, `diff` and `new` print ----------------


def _slug_rule(limit: int) -> str:
    return (
        "id berupa slug: huruf kecil a-z, angka 0-9 dan tanda hubung di antaranya, tanpa spasi, "
        f"tidak diawali atau diakhiri tanda hubung, paling banyak {limit} karakter"
    )


# What the editor reads for each kind, in prompts and messages.
NOUNS = {"module": "modul", "pathway": "jalur belajar", "track": "jalur"}


def _id_taken(id: str, kind: str, owner: str) -> str:
    where = " di semua jalur" if kind == "module" else ""
    return (
        f"id `{id}` sudah dipakai oleh `{owner}`; id {NOUNS[kind]} harus unik{where}, pilih id lain"
    )


def _next_steps(kind: str) -> str:
    return (
        'Berikutnya: ganti setiap teks "ISI: …", lalu ubah `status` menjadi `active` agar '
        f"{NOUNS[kind]} ini diterbitkan. Periksa dengan `python -m generator validate`."
    )


_COMMANDS: dict[str, Template] = {
    "summary-clean": "{files} berkas diperiksa: tidak ada masalah.",
    "summary-counts": "{files} berkas diperiksa: {errors} galat, {warnings} peringatan.",
    "cli-usage": "{prog}: penggunaan salah: {detail}",
    "cli-date": "`{value}` bukan tanggal YYYY-MM-DD",
    "import-module-invalid": "galat: `{module}` bukan id modul (huruf kecil, angka dan tanda "
    "hubung, mis. `zona-integritas`)",
    "import-unreadable": "galat: {file} tidak dapat dibaca sebagai CSV UTF-8: {reason}",
    "import-item-flag": "galat: `--item {item}` harus berbentuk BUTIR=KOLOM, dengan BUTIR salah "
    "satu dari: {keys}",
    "import-column-missing": "galat: kolom `{column}` tidak ada di {file}; kolom yang ada: "
    "{columns}",
    "import-personal-column": "galat: kolom `{column}` berisi {what}, data pribadi; berkas hasil "
    "tidak pernah memuat data per orang, jadi kolom ini tidak dapat dipetakan. Tidak ada "
    "berkas yang ditulis",
    "import-nothing": "galat: tidak ada kolom nilai atau survei yang dikenali di {file}; "
    "petakan dengan --pre, --post atau --item BUTIR=KOLOM",
    "import-column-map": lambda column, target, guessed: (
        f"kolom `{column}` → {target}" + (" (ditebak dari judul kolom)" if guessed else "")
    ),
    "import-ignored": "kolom diabaikan, tidak disalin: {columns}",
    "import-ask": "Pemetaan di atas benar? Tulis berkas hasil? [y/N] ",
    "import-confirm": "kolom ditebak dari judulnya; periksa pemetaan di atas, lalu jalankan lagi "
    "dengan --yes untuk menulis berkas hasilnya. Tidak ada berkas yang ditulis",
    "import-written": "ditulis: {path} (dari {people} baris; hanya angka agregat, tanpa data "
    "per orang)",
    "cli-folder-missing": "galat: folder `{folder}` tidak ditemukan",
    "cli-file-missing": "galat: berkas `{file}` tidak ditemukan",
    "build-invalid": "galat: kurikulum tidak valid; tidak ada yang ditulis dan situs lama tetap "
    "utuh",
    "build-written": "{pages} halaman Markdown di {folder}/ ({changed} berubah, {removed} dihapus)",
    "build-mkdocs-failed": "galat: MkDocs gagal membangun situs; situs lama tetap utuh",
    "build-zensical-failed": "galat: Zensical gagal membangun situs; situs lama tetap utuh",
    "build-search-failed": "galat: Pagefind gagal membuat indeks pencarian; situs lama tetap "
    "utuh. Jalankan `make site` lagi; bila tetap gagal, pasang ulang dependensi dengan "
    "`make clean` lalu `make site`",
    "build-done": "situs selesai dibangun di {folder}/",
    "zip-no-site": "galat: folder `{folder}` belum berisi situs; jalankan `make site` lebih dulu",
    "zip-done": "paket luring ditulis: {path} ({size})",
    "serve-invalid": "galat: kurikulum tidak valid; halaman pratinjau tidak diubah. Perbaiki "
    "galat di atas lalu simpan lagi",
    "schema-written": "ditulis: {path}",
    "diff-refused": "galat: {detail}",
    "diff-folder-missing": "folder `{folder}` tidak ditemukan",
    "diff-unreadable": "berkas `{file}` tidak dapat dibaca ({reason})",
    "diff-unknown-revision": "`{revision}` bukan folder yang ada maupun revisi git yang dikenal "
    "di `{root}`; periksa ejaannya, atau ambil dulu cabangnya (mis. `git fetch origin main`)",
    "diff-not-a-repository": "`{revision}` bukan folder yang ada, dan `{root}` bukan repositori "
    "git sehingga revisi tidak dapat dibaca; berikan dua folder, atau `--root` ke repositori",
    "diff-repository-unreadable": "isi repositori `{root}` tidak dapat dibaca",
    "diff-no-git": "perintah `git` tidak ditemukan; pasang git, atau bandingkan dua folder",
    "diff-new-problem": lambda severity, location, message: (
        f"- {'Galat' if severity == 'error' else 'Peringatan'} di `{location}`: {message}"
    ),
    "new-refused": "galat: {detail}",
    "new-cancelled": "\ndibatalkan; tidak ada berkas yang ditulis",
    "new-raced": "galat: berkas `{file}` baru saja dibuat oleh proses lain",
    "new-created": "dibuat: {file}",
    "new-track-option": "`--track` hanya berlaku untuk modul",
    "new-no-tracks": "belum ada jalur di `curriculum/tracks/`; buat dulu dengan "
    "`python -m generator new track`",
    "new-track-unknown": lambda track, tracks, suggestion: (
        f"jalur `{track}` tidak dikenal; jalur yang ada: {', '.join(tracks)}"
        + did_you_mean(suggestion)
    ),
    "new-id-invalid": lambda id, limit, suggestion: (
        f"id `{id}` tidak sah: {_slug_rule(limit)}{did_you_mean(suggestion)}"
    ),
    "new-file-exists": "berkas `{file}` sudah ada dan tidak akan ditimpa; pilih id lain, atau "
    "sunting berkas itu langsung",
    "new-id-taken": _id_taken,
    "new-title-empty": "judul tidak boleh kosong",
    "new-title-invisible": "judul berisi karakter tak terlihat atau baris baru; tulis satu baris "
    "teks",
    "new-no-active-module": "belum ada modul aktif untuk langkah pertama jalur belajar; buat dan "
    "terbitkan modulnya dulu (`python -m generator new module`)",
    "new-next-steps": _next_steps,
    "new-next-steps-track": 'Berikutnya: ganti setiap teks "ISI: …" di berkas itu.',
    "new-track-listed": "ditambahkan: `{track}` di akhir `tracks` dalam {config}; pindahkan bila "
    "urutannya perlu diubah",
    "new-track-already-listed": "`{track}` sudah tercantum di `tracks` dalam {config}",
    "new-track-list-by-hand": "ingat: tambahkan `{track}` ke `tracks` dalam {config} (berkas itu "
    "tidak dapat diubah otomatis karena daftarnya tidak berbentuk butir `- `)",
}

# --- Editors' mistakes that used to get no message or a misleading one ------------------------
# (issue "the editor's IDE, the validator and the diff agree"): kept together so they merge
# as one block.

_NBSP_WHERE = {
    "indent": "di indentasi",
    "colon": "sesudah tanda titik dua `:`",
    "dash": "sesudah tanda butir `-`",
    "end": "di akhir baris",
}

_EDITORS: dict[str, Template] = {
    "character-nbsp": lambda where: (
        f"spasi tak-putus (NBSP, U+00A0) {_NBSP_WHERE[where]}; tampak seperti spasi tetapi YAML "
        "membacanya sebagai huruf, jadi ganti dengan spasi biasa"
    ),
    "list-item-merged": "baris ini diawali `- ` tetapi menjorok lebih dalam dari butir di baris "
    "{line}, sehingga YAML membacanya sebagai lanjutan teks butir itu, bukan butir baru; "
    "samakan indentasi `- ` dengan butir di atasnya",
    "yaml-indentation": lambda found, expected, line: (
        f"indentasi tidak cocok: baris ini menjorok {found} spasi, sedangkan baris setingkatnya "
        f"(baris {line}) menjorok {expected} spasi; samakan indentasinya"
    ),
    "yaml-quote-unclosed": lambda quote, until: (
        f"tanda kutip `{quote}` yang dibuka di sini tidak ditutup di baris ini, jadi YAML membaca "
        f"teksnya terus sampai tanda kutip berikutnya di baris {until}; tambahkan `{quote}` "
        "penutup di akhir nilai ini, atau hapus tanda kutip pembukanya"
    ),
    "yaml-curly-quotes": "tanda kutip lengkung `{quote}` dari pengolah kata bukan tanda kutip "
    "YAML, jadi `: ` di dalam nilai ini dibaca sebagai kunci baru; ganti tanda kutip lengkung "
    'di awal dan akhir nilai dengan tanda kutip biasa `"`',
    "yaml-colon-in-value": "nilai `{key}` memuat `: `, yang dibaca YAML sebagai kunci baru; apit "
    "seluruh nilainya dengan tanda kutip: `{fix}`",
    "yaml-two-keys": "`{key}:` adalah kunci tersendiri: pindahkan `{key}:` dan nilainya ke baris "
    "baru, sejajar dengan `{first}`",
    "yaml-colon-space": "sesudah `{key}:` harus ada spasi; tulis `{key}: {value}`",
    "yaml-multiline-colon": "teks `{key}` berlanjut ke baris berikutnya dan baris {line} memuat "
    "`: `, yang dibaca YAML sebagai kunci baru; apit seluruh teksnya dengan tanda kutip ganda: "
    '`{key}: "…"`, dengan tanda kutip penutup di akhir baris terakhirnya',
    "diff-not-project-root": "`{folder}` bukan akar proyek: di dalamnya tidak ada "
    "`site_config.yml` maupun folder `curriculum/`; berikan folder yang memuat keduanya{hint}",
    "diff-revision-empty": "revisi `{revision}` tidak memuat `site_config.yml` maupun "
    "`curriculum/` di `{root}`; berikan `--root` ke akar proyek",
}

MESSAGES: dict[str, Template] = {**_LOADER, **_VALUES, **_ANCHORS, **_COMMANDS, **_EDITORS}


def register(wording: Mapping[str, Template]) -> None:
    """Add a declared rule's wording to the catalogue (generator.validate.rules.rule).

    The rules live beside their checks, which import this package, so they bring their
    wording here rather than this package importing them. A code has one wording: one
    already in the catalogue is refused.
    """
    taken = sorted(code for code in wording if code in MESSAGES)
    if taken:
        raise ValueError(f"codes already in the message catalogue: {taken}")
    MESSAGES.update(wording)


# --- argparse's own words, in Indonesian (its gettext message ids) -------------------------
# argparse looks each sentence up through gettext as it writes help and usage errors;
# generator.commands.cli answers from this table, so `--help` and a mistyped option speak
# Indonesian.
ARGPARSE = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "memerlukan sedikitnya satu nilai",
    "expected %s argument": "memerlukan %s nilai",
    "expected %s arguments": "memerlukan %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu: bisa "
    "berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak diharapkan: %s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal "
    "(pilih salah satu dari %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}

# --- The JSON Schema: what an editor's YAML extension shows (errorMessage, hover) ------------
# The extension's own messages are English; these are the schema's `errorMessage` and
# `patternErrorMessage` in its place. They say what is expected, since one errorMessage
# stands for every way a value can fail (wrong type, not in the list, wrong pattern).


def schema_object(title: str, required: list[str], optional: list[str]) -> str:
    must = f"kolom wajib: {', '.join(required)}" if required else "tidak ada kolom wajib"
    more = f"; kolom lain yang boleh: {', '.join(optional)}" if optional else ""
    return f"{title}: kolom tidak dikenal atau kolom wajib belum ada ({must}{more})"


SCHEMA_EXPECTED = {
    "string": "harus berupa teks",
    "integer": "harus berupa bilangan bulat",
    "boolean": "harus `true` atau `false` (`yes`, `no`, `ya`, `tidak` adalah teks)",
    "array": "harus berupa daftar (setiap butir diawali `- `)",
    "object": "harus berupa pemetaan `kunci: nilai`",
}


def schema_choice(title: str, choices: Iterable[object]) -> str:
    return f"{title} harus salah satu dari: {', '.join(str(choice) for choice in choices)}"


def schema_integer(title: str, minimum: int | None, maximum: int | None) -> str:
    bounds = []
    if minimum is not None:
        bounds.append(f"minimal {number(minimum)}")
    if maximum is not None:
        bounds.append(f"maksimal {number(maximum)}")
    return f"{title} {SCHEMA_EXPECTED['integer']}" + (f", {' dan '.join(bounds)}" if bounds else "")


def schema_keys(choices: Iterable[object]) -> str:
    return f"kunci harus salah satu dari: {', '.join(str(choice) for choice in choices)}"


def text(code: str, fields: Mapping[str, Any] | None = None) -> str:
    """The Indonesian sentence for one problem: its code's entry filled with its fields."""
    template = MESSAGES[code]
    fields = fields or {}
    if callable(template):
        return template(**fields)
    extra = {"hint": did_you_mean(fields.get("suggestion"))} if "suggestion" in fields else {}
    return template.format(**fields, **extra)


def say(code: str, **fields: Any) -> str:
    """A command's message (or a problem's, outside a Problem): `text` with keyword fields."""
    return text(code, fields)
