"""The curriculum format as typed models: the one source of truth.

The JSON Schema files, the contributor format reference and validation all come
from these classes. Titles and descriptions are Indonesian because editors read
them in their editor's hover help and in the generated reference.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from generator.text import zones
from generator.text.numbers import number_text

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Slugs no id or page name may be: `index` is the list page of the folder an item's page
# lives in (the item would replace it), the others are names Windows reserves for devices
# (a file so named cannot be checked out or opened there).
WINDOWS_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    }
)
RESERVED_NAMES = frozenset({"index", *WINDOWS_RESERVED})
REF_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"
# No white space, quotes or angle brackets: they cannot occur in a real URL and would
# let a link target carry HTML into the page.
HTTPS_PATTERN = r"^https://[^\s/<>\"'`]+[^\s<>\"'`]*$"
SITE_URL_PATTERN = r"^(https://[^\s/<>\"'`]+[^\s<>\"'`]*|/[^\s<>\"'`]*)$"
ICON_PATTERN = r"^[a-z0-9-]+/[a-z0-9-]+$"
# A contact: an e-mail address, bare or as a `mailto:` URL (shown as a mailto: link), or
# an https address, with the same characters kept out as for URLs.
EMAIL_PATTERN = r"^(mailto:)?[^\s@<>\"'`()\[\]\\,;:]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$"
CONTACT_PATTERN = f"({EMAIL_PATTERN})|({HTTPS_PATTERN})"
ONE_LINE_PATTERN = r"^[^\n]*$"
# Each pattern by the name its wording has in the message catalogue (PATTERN_EXPECTED),
# for the validator's messages and the schema's `patternErrorMessage` alike.
PATTERN_NAMES = {
    SLUG_PATTERN: "SLUG_PATTERN",
    REF_PATTERN: "REF_PATTERN",
    DATE_PATTERN: "DATE_PATTERN",
    LOCAL_TIME_PATTERN: "LOCAL_TIME_PATTERN",
    HTTPS_PATTERN: "HTTPS_PATTERN",
    SITE_URL_PATTERN: "SITE_URL_PATTERN",
    ICON_PATTERN: "ICON_PATTERN",
    CONTACT_PATTERN: "CONTACT_PATTERN",
    ONE_LINE_PATTERN: "ONE_LINE",
}

# Bounds that keep the build's work small for any input (bench/, README "Measurements").
# Python-Markdown is quadratic in the number of `[` (links, images: each one scans on to its
# closing bracket, or to the end of the paragraph) and of `<` (raw HTML) in one text: 5,000
# `[` took 6.6 s to render, 20,000 over 30 s; 300 `[` before 9,700 letters 4.8 s, 100 of
# them 1.1 s (30,000 letters: 2.4 s). Other text renders in about linear time (10,000 `*`,
# `_`, `` ` ``, `\\` or `&`: at most 0.4 s); the lengths bound the rest.
MAX_TEXT_CHARS = 1_000  # plain text: titles, objectives, notes ...
MAX_MARKDOWN_CHARS = 10_000  # one Markdown field (`description`, `definition`)
MAX_PAGE_CHARS = 30_000  # one free page in curriculum/pages/
MAX_MARKUP_CHARS = 100  # `[` and `<` each, in one Markdown field or page
MAX_URL_CHARS = 2_000
MAX_PAGE_NAME_CHARS = 64  # a page's file name without `.md`, like an id
# One file and one list: a 51 MB module validated and then never finished building. The
# README gives the build time of a file at both bounds (bench/maximal_file_bench.py).
MAX_FILE_BYTES = 1_000_000
MAX_LIST_ITEMS = 2_000
SESSION_YEARS = (2000, 2100)
MAX_SESSION_MINUTES = 24 * 60
MAX_ACTIVITY_MINUTES = 100_000  # about 1,700 hours: a long on-the-job assignment
MAX_JP_MINUTES = 240
MAX_ANNUAL_JP_TARGET = 10_000
MAX_WEEKLY_JP_PACE = 1_000
MAX_MIN_GROUP_SIZE = 1_000
# Counts in an outcome file: far above any cohort, low enough that sums stay exact.
MAX_OUTCOME_COUNT = 10_000_000
MAX_SCORE = 1_000_000

# Mode -> (label readers see, 70-20-10 group). Order is the order shown everywhere.
MODES: dict[str, tuple[str, str]] = {
    "webinar": ("Webinar (daring sinkron)", "formal"),
    "recording": ("Rekaman webinar (asinkron)", "formal"),
    "e-learning": ("E-learning mandiri", "formal"),
    "classroom": ("Tatap muka (klasikal)", "formal"),
    "coaching": ("Coaching", "social"),
    "mentoring": ("Mentoring", "social"),
    "community": ("Komunitas praktik", "social"),
    "on-the-job": ("Penugasan di tempat kerja", "experiential"),
}
GROUPS: dict[str, str] = {
    "formal": "Formal",
    "social": "Dari orang lain",
    "experiential": "Pengalaman kerja",
}
# The share of learning the 70-20-10 model recommends for each group, in percent.
GROUP_RECOMMENDED: dict[str, int] = {"formal": 10, "social": 20, "experiential": 70}
AUDIENCES: dict[str, str] = {
    "cpns": "CPNS",
    "pelaksana": "Pelaksana",
    "pengawas": "Pengawas",
    "administrator": "Administrator",
    "jpt-pratama": "JPT Pratama",
    "jpt-madya": "JPT Madya",
    "jpt-utama": "JPT Utama",
    "fungsional-keterampilan": "Fungsional keterampilan",
    "fungsional-keahlian": "Fungsional keahlian",
    "semua": "Semua ASN",
}
LEVELS: dict[str, str] = {"dasar": "Dasar", "menengah": "Menengah", "lanjut": "Lanjut"}
STATUSES: dict[str, str] = {"active": "Aktif", "draft": "Draf", "archived": "Diarsipkan"}
RESOURCE_KINDS: dict[str, str] = {
    "slides": "Salindia",
    "recording": "Rekaman",
    "document": "Dokumen",
    "video": "Video",
    "link": "Tautan",
}
# Text that `python -m generator new` leaves for the editor to replace.
PLACEHOLDER = "ISI:"
KIRKPATRICK: dict[int, str] = {1: "Reaksi", 2: "Pembelajaran", 3: "Perilaku", 4: "Hasil"}

# Literal types built from the tables above, so each value list is written once.
Mode = Literal[tuple(MODES)]
Audience = Literal[tuple(AUDIENCES)]
Level = Literal[tuple(LEVELS)]
Status = Literal[tuple(STATUSES)]
ResourceKind = Literal[tuple(RESOURCE_KINDS)]


def _real_date(value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        # The wording is the message catalogue's (code `date-unreal`); pydantic's own
        # message is for developers only.
        raise PydanticCustomError("date_unreal", "not a calendar date", {"value": value}) from None
    return value


def _real_local_time(value: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "datetime_unreal", "not a date and time", {"value": value}
        ) from None
    first, last = SESSION_YEARS
    if not first <= moment.year <= last:
        # Converting a time near year 1 or 9999 to another zone overflows.
        raise PydanticCustomError(
            "session_year",
            "year {year} outside {first}-{last}",
            {"year": moment.year, "first": first, "last": last},
        )
    return value


def markup_count(text: str) -> tuple[str, int] | None:
    """The first of `[` and `<` that a text holds more than MAX_MARKUP_CHARS of, with its count."""
    for char in "[<":
        count = text.count(char)
        if count > MAX_MARKUP_CHARS:
            return char, count
    return None


def _bounded_markup(value: str) -> str:
    found = markup_count(value)
    if found:
        raise PydanticCustomError(
            "markup_count",
            "{count} times {char}, more than {limit}",
            {"count": found[1], "char": found[0], "limit": MAX_MARKUP_CHARS},
        )
    return value


@cache
def timezone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    # `Etc/GMT-8` is in the database, but it is an offset, not a place: editors who
    # write one get the same advice as for `UTC+8` (see generator.text.zones).
    if value not in timezone_names() or zones.offset_hours(value) is not None:
        raise PydanticCustomError("timezone", "zona waktu tidak dikenal", {"value": value})
    ZoneInfo(value)
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS)]
# Markdown: optional descriptions may be empty; definitions may not.
Markdown = Annotated[
    str, StringConstraints(max_length=MAX_MARKDOWN_CHARS), AfterValidator(_bounded_markup)
]
MarkdownText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_MARKDOWN_CHARS),
    AfterValidator(_bounded_markup),
]
_MARKDOWN_NOTE = (
    f" Paling banyak {number_text(MAX_MARKDOWN_CHARS)} karakter dan {MAX_MARKUP_CHARS} tanda"
    " `[` atau `<`."
)
Summary = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=ONE_LINE_PATTERN)]
HttpsUrl = Annotated[str, StringConstraints(pattern=HTTPS_PATTERN, max_length=MAX_URL_CHARS)]
SiteUrl = Annotated[str, StringConstraints(pattern=SITE_URL_PATTERN, max_length=MAX_URL_CHARS)]
IsoDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_real_date)]
LocalTime = Annotated[
    str, StringConstraints(pattern=LOCAL_TIME_PATTERN), AfterValidator(_real_local_time)
]
TimezoneName = Annotated[str, AfterValidator(_known_timezone)]
Contact = Annotated[str, StringConstraints(pattern=CONTACT_PATTERN, max_length=MAX_URL_CHARS)]
ScaleLevel = Annotated[int, Field(ge=1, le=9)]


class Strict(BaseModel):
    """Base of every format model: no coercion, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- site_config.yml -------------------------------------------------------------


class OwnerUnit(Strict):
    """Satu unit penanggung jawab dan kontaknya."""

    model_config = ConfigDict(title="Unit penanggung jawab")

    name: Text = Field(title="Nama unit", description="Sama persis dengan `owner` di modul.")
    contact: Contact = Field(
        title="Kontak", description="Alamat surel atau `https://` unit ini untuk pertanyaan."
    )


class SiteConfig(Strict):
    """Aturan kurikulum untuk seluruh situs (identitas situs ada di mkdocs.yml)."""

    model_config = ConfigDict(title="Konfigurasi kurikulum (site_config.yml)")

    jp_minutes: int = Field(
        45,
        gt=0,
        le=MAX_JP_MINUTES,
        title="Menit per JP",
        description="Jumlah menit dalam satu JP (jam pelajaran).",
    )
    annual_jp_target: int = Field(
        20,
        gt=0,
        le=MAX_ANNUAL_JP_TARGET,
        title="Target JP tahunan",
        description="JP pengembangan kompetensi yang menjadi hak setiap ASN per tahun.",
    )
    default_timezone: TimezoneName = Field(
        "Asia/Jakarta",
        title="Zona waktu bawaan",
        description="Zona waktu IANA untuk sesi yang tidak menyebut zonanya (Asia/Jakarta = WIB).",
    )
    weekly_jp_pace: int = Field(
        4,
        gt=0,
        le=MAX_WEEKLY_JP_PACE,
        title="Laju JP per minggu",
        description="Laju belajar untuk menghitung lama jalur belajar (JP per minggu).",
    )
    tracks: list[Slug] = Field(
        min_length=1,
        title="Urutan bidang",
        description=(
            "Id bidang (jalur) dalam urutan tampil; setiap berkas bidang muncul tepat sekali."
        ),
    )
    contact: Contact | None = Field(
        None,
        title="Kontak",
        description=(
            "Alamat surel atau `https://` untuk pertanyaan tentang kurikulum; tampil di kaki "
            "setiap halaman dan dipakai modul dan bidang yang unitnya tidak punya kontak."
        ),
    )
    owners: list[OwnerUnit] | None = Field(
        None,
        title="Unit penanggung jawab",
        description=(
            "Kontak setiap unit; modul dan bidang yang `owner`-nya sama dengan `name` "
            "menampilkan kontak unit itu."
        ),
    )
    min_group_size: int = Field(
        5,
        ge=1,
        le=MAX_MIN_GROUP_SIZE,
        title="Ukuran kelompok minimum",
        description=(
            "Angka hasil pembelajaran yang dihitung dari kurang dari sekian orang tidak "
            "diterbitkan di mana pun (halaman, grafik, catalog.json); halaman menyebut bahwa "
            "kelompoknya terlalu kecil."
        ),
    )


# --- competency frameworks -----------------------------------------------------


class ScaleStep(Strict):
    """Satu tingkat pada skala kerangka kompetensi."""

    model_config = ConfigDict(title="Tingkat skala")

    level: ScaleLevel = Field(title="Tingkat", description="Nomor tingkat, 1 sampai 9.")
    title: Text = Field(title="Nama tingkat", description='Nama tingkat, mis. "Menengah".')
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian tingkat (Markdown)." + _MARKDOWN_NOTE
    )


class Competency(Strict):
    """Satu kompetensi dalam kerangka; dirujuk sebagai `<kerangka>/<kompetensi>`."""

    model_config = ConfigDict(title="Kompetensi")

    id: Slug = Field(title="Id", description="Slug kompetensi, unik dalam kerangkanya.")
    title: Text = Field(title="Nama", description="Nama kompetensi.")
    definition: MarkdownText = Field(
        title="Definisi", description="Definisi kompetensi (Markdown)." + _MARKDOWN_NOTE
    )
    behaviours: list[Text] | None = Field(
        None, title="Perilaku", description="Panduan perilaku yang menunjukkan kompetensi ini."
    )
    level_indicators: dict[ScaleLevel, Text] | None = Field(
        None,
        title="Indikator per tingkat",
        description="Indikator untuk setiap tingkat skala; kunci berupa bilangan tingkat.",
    )


class Framework(Strict):
    """Kerangka kompetensi: `curriculum/competencies/<kerangka>.yml`."""

    model_config = ConfigDict(title="Kerangka kompetensi")

    id: Slug = Field(title="Id", description="Slug kerangka; sama dengan nama berkas.")
    title: Text = Field(title="Judul", description='Nama kerangka, mis. "Kompetensi Manajerial".')
    source: Text | None = Field(
        None, title="Sumber", description="Regulasi yang menjadi sumbernya."
    )
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )
    levels: list[ScaleStep] | None = Field(
        None,
        title="Skala tingkat",
        description="Skala tingkat; jika tidak ada, kerangka ini tidak bertingkat (BerAKHLAK).",
    )
    competencies: list[Competency] = Field(
        min_length=1, title="Kompetensi", description="Daftar kompetensi, minimal satu."
    )


# --- tracks ----------------------------------------------------------------------


class Track(Strict):
    """Jalur kurikulum: `curriculum/tracks/<jalur>.yml`."""

    model_config = ConfigDict(title="Jalur")

    id: Slug = Field(title="Id", description="Slug jalur; sama dengan nama berkas.")
    title: Text = Field(title="Judul", description="Nama jalur.")
    summary: Summary = Field(
        title="Ringkasan", description="Satu baris teks biasa (maks. 200 karakter) untuk kartu."
    )
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )
    icon: Annotated[str, StringConstraints(pattern=ICON_PATTERN)] | None = Field(
        None,
        title="Ikon",
        description="Nama ikon Material, mis. `material/shield-account`.",
    )
    owner: Text | None = Field(
        None,
        title="Pemilik",
        description=(
            "Unit penanggung jawab; berlaku bagi modul bidang ini yang tidak menyebut `owner`."
        ),
    )


# --- modules ---------------------------------------------------------------------


class CompetencyRef(Strict):
    """Kompetensi yang dikembangkan modul, dengan tingkat sasarannya."""

    model_config = ConfigDict(title="Rujukan kompetensi")

    ref: Annotated[str, StringConstraints(pattern=REF_PATTERN)] = Field(
        title="Rujukan", description="`<kerangka>/<kompetensi>`, mis. `manajerial/integritas`."
    )
    level: ScaleLevel | None = Field(
        None,
        title="Tingkat",
        description="Tingkat sasaran; wajib bila kerangkanya bertingkat, dilarang bila tidak.",
    )


class Activity(Strict):
    """Satu kegiatan dalam komposisi hibrida modul."""

    model_config = ConfigDict(title="Kegiatan")

    mode: Mode = Field(title="Moda", description="Moda belajar: " + ", ".join(MODES) + ".")
    minutes: int = Field(
        gt=0,
        le=MAX_ACTIVITY_MINUTES,
        title="Menit",
        description="Durasi dalam menit; JP = total menit / `jp_minutes` (bawaan 45).",
    )
    title: Text | None = Field(None, title="Judul", description="Nama kegiatan.")
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )


class Speaker(Strict):
    """Narasumber atau fasilitator."""

    model_config = ConfigDict(title="Narasumber")

    name: Text | None = Field(None, title="Nama", description="Nama narasumber.")
    role: Text = Field(title="Peran", description='Peran, mis. "Narasumber" atau "Coach".')
    organisation: Text | None = Field(None, title="Instansi", description="Instansi asal.")


class Resource(Strict):
    """Bahan belajar: salindia, rekaman, dokumen, video atau tautan."""

    model_config = ConfigDict(title="Bahan belajar")

    title: Text = Field(title="Judul", description="Judul bahan.")
    url: SiteUrl = Field(
        title="Alamat", description="Alamat `https://…` atau jalur di dalam situs (`/…`)."
    )
    kind: ResourceKind = Field(
        title="Jenis", description="Jenis bahan: " + ", ".join(RESOURCE_KINDS) + "."
    )


class Evaluation(Strict):
    """Cara mengukur efektivitas pembelajaran."""

    model_config = ConfigDict(title="Evaluasi")

    pre_test: bool | None = Field(None, title="Pre-test", description="Ada pre-test.")
    post_test: bool | None = Field(None, title="Post-test", description="Ada post-test.")
    kirkpatrick: dict[Literal[1, 2, 3, 4], Text] | None = Field(
        None,
        title="Evaluasi Kirkpatrick",
        description="Cara mengukur tiap tingkat: 1 Reaksi, 2 Pembelajaran, 3 Perilaku, 4 Hasil.",
    )


class Accessibility(Strict):
    """Dukungan bagi pembaca dengan koneksi lemah atau disabilitas."""

    model_config = ConfigDict(title="Aksesibilitas")

    captions: bool | None = Field(None, title="Teks takarir", description="Ada takarir (caption).")
    transcript: bool | None = Field(None, title="Transkrip", description="Ada transkrip.")
    sign_language: bool | None = Field(
        None, title="Juru bahasa isyarat", description="Ada juru bahasa isyarat."
    )
    low_bandwidth: Text | None = Field(
        None,
        title="Alternatif hemat kuota",
        description="Cara mengikuti dengan koneksi lemah, mis. audio saja atau PDF ringkas.",
    )


class Session(Strict):
    """Sesi langsung yang terjadwal."""

    model_config = ConfigDict(title="Sesi")

    start: LocalTime = Field(
        title="Mulai",
        description="Waktu setempat `YYYY-MM-DDTHH:MM` (mis. `2026-12-10T09:00`) di zona sesi, "
        "tahun 2000–2100.",
    )
    timezone: TimezoneName | None = Field(
        None,
        title="Zona waktu",
        description="Nama IANA: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).",
    )
    minutes: int = Field(
        gt=0,
        le=MAX_SESSION_MINUTES,
        title="Durasi (menit)",
        description="Lama sesi dalam menit, paling lama sehari (1440 menit).",
    )
    platform: Text | None = Field(None, title="Platform", description="Mis. Zoom, YouTube Live.")
    registration_url: HttpsUrl | None = Field(
        None, title="Tautan pendaftaran", description="Alamat `https://` pendaftaran."
    )
    recording_url: HttpsUrl | None = Field(
        None, title="Tautan rekaman", description="Alamat `https://` rekaman."
    )


class Module(Strict):
    """Modul pembelajaran: `curriculum/modules/<jalur>/<modul>.yml`."""

    model_config = ConfigDict(title="Modul")

    id: Slug = Field(title="Id", description="Slug modul; sama dengan nama berkas, unik.")
    title: Text = Field(title="Judul", description="Judul modul.")
    summary: Summary = Field(
        title="Ringkasan", description="Satu baris teks biasa (maks. 200 karakter)."
    )
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )
    level: Level = Field(title="Tingkat", description="`dasar`, `menengah` atau `lanjut`.")
    audience: list[Audience] = Field(
        min_length=1, title="Sasaran", description="Jabatan sasaran: " + ", ".join(AUDIENCES) + "."
    )
    objectives: list[Text] = Field(
        min_length=1, title="Tujuan pembelajaran", description="Minimal satu tujuan."
    )
    competencies: list[CompetencyRef] | None = Field(
        None,
        title="Kompetensi",
        description="Kompetensi yang dikembangkan; kosong menimbulkan peringatan.",
    )
    activities: list[Activity] = Field(
        min_length=1,
        title="Kegiatan",
        description="Komposisi hibrida modul; JP = total menit / `jp_minutes`.",
    )
    prerequisites: list[Slug] | None = Field(
        None, title="Prasyarat", description="Id modul yang perlu diikuti lebih dulu."
    )
    speakers: list[Speaker] | None = Field(None, title="Narasumber", description="Narasumber.")
    resources: list[Resource] | None = Field(None, title="Bahan", description="Bahan belajar.")
    engagement: list[Text] | None = Field(
        None, title="Interaksi", description="Polling, tanya jawab, ruang diskusi, kuis …"
    )
    evaluation: Evaluation | None = Field(None, title="Evaluasi", description="Evaluasi.")
    accessibility: Accessibility | None = Field(
        None, title="Aksesibilitas", description="Aksesibilitas dan alternatif hemat kuota."
    )
    sessions: list[Session] | None = Field(None, title="Sesi", description="Sesi terjadwal.")
    status: Status = Field(
        "active",
        title="Status",
        description="`active`, `draft` (tidak diterbitkan) atau `archived` (ditandai arsip).",
    )
    owner: Text | None = Field(None, title="Pemilik", description="Unit penanggung jawab.")
    reviewed: IsoDate | None = Field(
        None,
        title="Tanggal telaah",
        description="Telaah isi terakhir, `YYYY-MM-DD`; lebih dari 12 bulan memicu peringatan.",
    )
    tags: list[Text] | None = Field(None, title="Tag", description="Kata kunci.")


# --- pathways --------------------------------------------------------------------


class Step(Strict):
    """Satu langkah dalam fase jalur belajar."""

    model_config = ConfigDict(title="Langkah")

    module: Slug = Field(title="Modul", description="Id modul.")
    required: bool = Field(True, title="Wajib", description="Wajib (bawaan `true`) atau pilihan.")
    note: Text | None = Field(None, title="Catatan", description="Catatan untuk langkah ini.")


class Phase(Strict):
    """Fase jalur belajar, mis. sebelum, saat dan setelah webinar."""

    model_config = ConfigDict(title="Fase")

    title: Text = Field(title="Judul", description="Nama fase.")
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )
    steps: list[Step] = Field(min_length=1, title="Langkah", description="Langkah berurutan.")


class Pathway(Strict):
    """Jalur belajar hibrida: `curriculum/pathways/<jalur-belajar>.yml`."""

    model_config = ConfigDict(title="Jalur belajar")

    id: Slug = Field(title="Id", description="Slug jalur belajar; sama dengan nama berkas.")
    title: Text = Field(title="Judul", description="Judul jalur belajar.")
    summary: Summary = Field(
        title="Ringkasan", description="Satu baris teks biasa (maks. 200 karakter)."
    )
    description: Markdown | None = Field(
        None, title="Uraian", description="Uraian (Markdown)." + _MARKDOWN_NOTE
    )
    audience: list[Audience] = Field(min_length=1, title="Sasaran", description="Jabatan sasaran.")
    level: Level = Field(title="Tingkat", description="`dasar`, `menengah` atau `lanjut`.")
    outcomes: list[Text] = Field(
        min_length=1, title="Capaian", description="Yang mampu dilakukan peserta di akhir."
    )
    assumes: list[Slug] | None = Field(
        None, title="Bekal awal", description="Id modul yang dianggap sudah diikuti."
    )
    phases: list[Phase] = Field(min_length=1, title="Fase", description="Fase berurutan.")
    status: Status = Field("active", title="Status", description="`active`, `draft`, `archived`.")


# --- glossary --------------------------------------------------------------------


class GlossaryEntry(Strict):
    """Satu istilah glosarium."""

    model_config = ConfigDict(title="Istilah glosarium")

    term: Text = Field(title="Istilah", description="Istilah atau singkatan; unik.")
    expansion: Text | None = Field(
        None,
        title="Kepanjangan",
        description="Kepanjangan singkatan; istilah berkepanjangan dijelaskan di seluruh situs.",
    )
    definition: MarkdownText = Field(
        title="Definisi", description="Definisi (Markdown)." + _MARKDOWN_NOTE
    )


class Glossary(RootModel[list[GlossaryEntry]]):
    """Glosarium: `curriculum/glossary.yml`, daftar istilah."""

    model_config = ConfigDict(title="Glosarium", strict=True, frozen=True)


# --- outcomes --------------------------------------------------------------------

Count = Annotated[int, Field(ge=0, le=MAX_OUTCOME_COUNT)]
Score = Annotated[float, Field(ge=-MAX_SCORE, le=MAX_SCORE, allow_inf_nan=False)]
# Five counts, for 1 = sangat tidak setuju … 5 = sangat setuju.
LikertCounts = Annotated[list[Count], Field(min_length=5, max_length=5)]
REACTION_ITEMS: dict[str, str] = {
    "relevance": "Relevan dengan pekerjaan",
    "satisfaction": "Puas dengan sesi",
    "confidence": "Yakin dapat menerapkan",
    "commitment": "Berniat menerapkan",
}
# Keys that would hold a person, refused with their own message (see
# generator.validate.translate): the repository is public and keeps aggregates only.
PERSONAL_KEYS = frozenset(
    {
        "nama",
        "name",
        "names",
        "nip",
        "nik",
        "email",
        "e-mail",
        "surel",
        "peserta",
        "participants",
        "responden",
        "respondents",
        "telepon",
        "phone",
        "hp",
        "alamat",
        "address",
    }
)


class Participation(Strict):
    """Corong partisipasi: berapa orang mendaftar, hadir, menonton rekaman, menuntaskan."""

    model_config = ConfigDict(title="Partisipasi")

    registered: Count | None = Field(None, title="Mendaftar", description="Jumlah pendaftar.")
    attended_live: Count | None = Field(
        None, title="Hadir langsung", description="Jumlah yang hadir di sesi langsung."
    )
    watched_recording: Count | None = Field(
        None, title="Menonton rekaman", description="Jumlah yang menonton rekaman."
    )
    completed: Count | None = Field(
        None, title="Tuntas", description="Jumlah yang menuntaskan modul (semua kegiatan)."
    )


class Reaction(Strict):
    """Tingkat 1 (dan sikap pada tingkat 2): survei sesudah sesi, dalam jumlah per jawaban."""

    model_config = ConfigDict(title="Reaksi (survei)")

    responses: Count = Field(title="Jumlah responden", description="Jumlah yang mengisi survei.")
    relevance: LikertCounts | None = Field(
        None,
        title=REACTION_ITEMS["relevance"],
        description="Lima jumlah `[n1, n2, n3, n4, n5]`: 1 = sangat tidak setuju … "
        "5 = sangat setuju; totalnya paling banyak `responses`.",
    )
    satisfaction: LikertCounts | None = Field(
        None, title=REACTION_ITEMS["satisfaction"], description="Lima jumlah, seperti di atas."
    )
    confidence: LikertCounts | None = Field(
        None, title=REACTION_ITEMS["confidence"], description="Lima jumlah, seperti di atas."
    )
    commitment: LikertCounts | None = Field(
        None, title=REACTION_ITEMS["commitment"], description="Lima jumlah, seperti di atas."
    )


class ScoreSummary(Strict):
    """Rata-rata dan simpangan baku satu tes."""

    model_config = ConfigDict(title="Ringkasan nilai")

    mean: Score = Field(title="Rata-rata", description="Rata-rata nilai, 0 sampai `max_score`.")
    sd: Annotated[float, Field(ge=0, le=MAX_SCORE, allow_inf_nan=False)] = Field(
        title="Simpangan baku", description="Simpangan baku nilai (≥ 0)."
    )


class Learning(Strict):
    """Tingkat 2: tes sebelum dan sesudah, dari orang yang mengikuti keduanya."""

    model_config = ConfigDict(title="Pembelajaran (pre- dan post-test)")

    max_score: Annotated[float, Field(gt=0, le=MAX_SCORE, allow_inf_nan=False)] = Field(
        title="Nilai maksimum", description="Nilai tertinggi yang mungkin, mis. 100."
    )
    matched: Count = Field(
        title="Peserta berpasangan", description="Jumlah orang yang mengikuti pre- dan post-test."
    )
    pre: ScoreSummary = Field(title="Pre-test", description="Nilai sebelum sesi.")
    post: ScoreSummary = Field(title="Post-test", description="Nilai sesudah sesi.")
    diff_sd: Annotated[float, Field(ge=0, le=MAX_SCORE, allow_inf_nan=False)] | None = Field(
        None,
        title="Simpangan baku selisih",
        description="Simpangan baku kenaikan nilai per orang, bila diketahui; tanpa ini "
        "ukuran efek tidak punya selang kepercayaan.",
    )
    pass_score: Score | None = Field(None, title="Batas lulus", description="Nilai batas lulus.")
    passed: Count | None = Field(
        None, title="Lulus", description="Jumlah yang mencapai batas lulus di post-test."
    )


class FollowUp(Strict):
    """Tingkat 3: tindak lanjut beberapa hari sesudah sesi."""

    model_config = ConfigDict(title="Tindak lanjut penerapan")

    after_days: Annotated[int, Field(gt=0, le=3650)] = Field(
        title="Hari sesudah sesi", description="Berapa hari sesudah sesi tindak lanjut dilakukan."
    )
    responses: Count = Field(title="Jumlah responden", description="Jumlah yang menjawab.")
    applied: Count = Field(
        title="Menerapkan", description="Jumlah yang menyatakan sudah menerapkan di pekerjaan."
    )
    confirmed_by_supervisor: Count | None = Field(
        None,
        title="Dikonfirmasi atasan",
        description="Jumlah penerapan yang dikonfirmasi atasan langsung.",
    )
    note: Text | None = Field(None, title="Catatan", description="Catatan singkat.")


class ResultIndicator(Strict):
    """Tingkat 4: indikator unit sebelum dan sesudah."""

    model_config = ConfigDict(title="Indikator hasil")

    indicator: Text = Field(title="Indikator", description="Nama indikator unit.")
    unit: Text = Field(title="Satuan", description='Satuan, mis. "hari" atau "%".')
    before: Score = Field(title="Sebelum", description="Nilai sebelum.")
    after: Score = Field(title="Sesudah", description="Nilai sesudah.")
    period: Text | None = Field(None, title="Periode", description="Periode pengukuran.")
    source: Text = Field(title="Sumber", description="Sumber data indikator.")


class Outcome(Strict):
    """Hasil satu sesi atau angkatan: `curriculum/outcomes/<modul>/<YYYY-MM-DD>[-n].yml`.

    Hanya angka agregat; tidak pernah data per orang (nama, NIP, surel)."""

    model_config = ConfigDict(title="Hasil pembelajaran")

    module: Slug = Field(title="Modul", description="Id modul; sama dengan nama folder.")
    delivered: IsoDate = Field(
        title="Tanggal pelaksanaan",
        description="Tanggal sesi atau hari terakhir angkatan, `YYYY-MM-DD`; tidak di masa depan.",
    )
    session: LocalTime | None = Field(
        None,
        title="Sesi",
        description="Waktu mulai sesi modul yang dilaporkan (`YYYY-MM-DDTHH:MM`), bila tercantum "
        "di `sessions` modul; harus pada tanggal `delivered`.",
    )
    mode: Mode = Field("webinar", title="Moda", description="Moda yang dilaksanakan.")
    source: Text = Field(
        title="Sumber data", description='Cara angka dikumpulkan, mis. "formulir daring".'
    )
    example: bool = Field(
        False,
        title="Data contoh",
        description="`true` untuk angka ilustrasi: setiap halaman yang menampilkannya "
        "menandainya sebagai data contoh.",
    )
    participation: Participation = Field(
        title="Partisipasi sesi", description="Corong partisipasi; minimal satu jumlah."
    )
    reaction: Reaction | None = Field(None, title="Reaksi", description="Tingkat 1.")
    learning: Learning | None = Field(None, title="Pembelajaran", description="Tingkat 2.")
    application: list[FollowUp] | None = Field(
        None, title="Penerapan", description="Tingkat 3: tindak lanjut sesudah sesi."
    )
    results: list[ResultIndicator] | None = Field(
        None, title="Hasil", description="Tingkat 4: indikator unit."
    )


# The kind of each file (see generator.load.documents.kind_of) and the model it must satisfy.
FORMAT_MODELS: dict[str, type[BaseModel]] = {
    "site_config": SiteConfig,
    "framework": Framework,
    "track": Track,
    "module": Module,
    "pathway": Pathway,
    "glossary": Glossary,
    "outcome": Outcome,
}
