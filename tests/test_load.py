"""YAML traps the loader must catch, each with the exact line it prints.

Every test changes one file of the valid BASE project (tests/conftest.py) and
compares the whole report, so a problem reported twice or in the wrong place fails.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from tests.conftest import MODULE_ETIKA

MODULE = "curriculum/modules/nilai/etika.yml"
QUOTE_HINT = "apitkan nilai dengan tanda kutip"


def _error(position: str, message: str, path: str = MODULE) -> str:
    return f"{path}:{position}: error: {message}"


def _module(text: str, *, old: str = "title: Etika Pelayanan") -> str:
    """Return the etika module with the line `old` replaced by `text`."""
    assert old in MODULE_ETIKA
    return MODULE_ETIKA.replace(old, text, 1)


# --- duplicate keys ---------------------------------------------------------------------


def test_duplicate_key_is_an_error(validate):
    result = validate({MODULE: MODULE_ETIKA + "title: Etika Lagi\n"})
    assert result.problems == [
        _error(
            "16:1",
            "kunci `title` ganda dalam pemetaan yang sama (pertama di baris 2); hapus atau "
            "gabungkan salah satunya",
        )
    ]
    assert result.exit_code == 1


def test_duplicate_key_in_a_nested_mapping(validate):
    text = MODULE_ETIKA + "evaluation:\n  pre_test: true\n  pre_test: false\n"
    assert validate({MODULE: text}).problems == [
        _error(
            "18:3",
            "kunci `pre_test` ganda dalam pemetaan yang sama (pertama di baris 17); hapus atau "
            "gabungkan salah satunya",
        )
    ]


# --- YAML 1.2 typing, as editors' YAML extensions read files -------------------------------


@pytest.mark.parametrize("written", ["10:30", "no", "off", "yes", "2026-12-01", "1_000"])
def test_yaml_11_only_values_are_text_as_in_the_editor(validate, written):
    # PyYAML (YAML 1.1) would type these; yaml-language-server (YAML 1.2) reads text.
    assert validate({MODULE: _module(f"title: {written}")}).outcome == (0, [])


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("0755", "bilangan bulat `755`"),
        ("1.5", "bilangan `1.5`"),
        ("~", "nilai kosong (null)"),
        ("true", "boolean `true`"),
    ],
)
def test_yaml_12_typed_value_in_a_text_field_gets_a_quote_hint(validate, written, read_as):
    result = validate({MODULE: _module(f"title: {written}")})
    assert result.problems == [
        _error(
            "2:8",
            f"`title` harus berupa teks, ditemukan `{written}` tanpa tanda kutip, yang dibaca "
            f'YAML sebagai {read_as}; {QUOTE_HINT}: "{written}"',
        )
    ]


def test_quoted_yaml_typed_values_are_text(validate):
    assert validate({MODULE: _module('title: "1.5"')}).outcome == (0, [])
    assert validate({MODULE: _module("title: '0755'")}).outcome == (0, [])


def test_unquoted_review_date_is_a_date_as_in_the_editor(validate):
    # Both the editor and the validator read it as the text "2026-06-01": no quotes needed.
    assert validate({MODULE: MODULE_ETIKA + "reviewed: 2026-06-01\n"}).outcome == (0, [])
    assert validate({MODULE: MODULE_ETIKA + "reviewed: '2026-06-01'\n"}).outcome == (0, [])


def test_yaml_11_boolean_in_a_list_of_text_is_text(validate):
    text = _module("objectives:\n  - no\n", old="objectives:\n  - Menjelaskan makna akuntabel.\n")
    assert validate({MODULE: text}).outcome == (0, [])


def test_yaml_11_boolean_in_a_choice_is_text(validate):
    assert validate({MODULE: MODULE_ETIKA + "status: yes\n"}).problems == [
        _error(
            "16:9",
            '`status` harus salah satu dari: active, draft, archived; ditemukan teks "yes"',
        )
    ]


def test_unquoted_impossible_date_is_reported_once(validate):
    assert validate({MODULE: MODULE_ETIKA + "reviewed: 2026-02-30\n"}).problems == [
        _error(
            "16:11",
            "`reviewed`: `2026-02-30` bukan tanggal yang ada di kalender; tulis "
            "YYYY-MM-DD dengan bulan 01–12 dan tanggal yang ada di bulan itu",
        ),
    ]


def test_unquoted_impossible_date_in_a_text_field_is_text(validate):
    assert validate({MODULE: _module("title: 2026-02-30")}).outcome == (0, [])


def test_real_booleans_and_integers_are_accepted(validate):
    text = MODULE_ETIKA + "evaluation:\n  pre_test: true\n  post_test: false\n"
    assert validate({MODULE: text}).outcome == (0, [])


# --- characters ---------------------------------------------------------------------------


def test_tab_in_indentation(validate):
    text = _module("audience:\n\t- semua", old="audience:\n  - semua")
    assert validate({MODULE: text}).problems == [
        _error(
            "6:1",
            "karakter tab dipakai untuk indentasi; YAML hanya menerima spasi: ganti indentasi "
            "baris ini dengan 2 spasi, dua spasi lebih dalam dari kuncinya di baris 5",
        )
    ]


def test_tab_inside_a_value_is_allowed(validate):
    assert validate({MODULE: _module("title: Etika\tPelayanan")}).outcome == (0, [])


def test_invalid_utf8_is_located_from_the_byte_offset(validate):
    raw = _module("title: Etika Pelayanan é").encode("utf-8").replace("é".encode(), b"\xe9")
    assert validate({MODULE: raw}).problems == [
        _error(
            "2:24",
            "berkas bukan UTF-8 yang sah (bita 0xe9); simpan ulang berkas dengan pengodean UTF-8",
        )
    ]


def test_invalid_utf8_after_multibyte_characters_counts_characters(validate):
    raw = _module("title: Étika — Pelayanan é").encode("utf-8").replace("é".encode(), b"\xe9")
    assert validate({MODULE: raw}).problems[0].startswith(f"{MODULE}:2:26: error: ")


def test_control_character(validate):
    assert validate({MODULE: _module("title: Etika\x07Pelayanan")}).problems == [
        _error("2:13", "karakter kendali U+0007 tidak boleh ada dalam berkas; hapus karakter ini")
    ]


def test_zero_width_space(validate):
    assert validate({MODULE: _module("title: Etika\u200bPelayanan")}).problems == [
        _error("2:13", "karakter tak terlihat: spasi lebar-nol (U+200B); hapus karakter ini")
    ]


def test_bidi_control(validate):
    assert validate({MODULE: _module("title: Etika\u202ePelayanan")}).problems == [
        _error("2:13", "karakter tak terlihat: kendali arah teks (U+202E); hapus karakter ini")
    ]


def test_nbsp_in_a_key_is_reported_once(validate):
    assert validate({MODULE: _module("title\u00a0: Etika Pelayanan")}).problems == [
        _error(
            "2:6",
            "kunci `title␣` berisi spasi tak-putus (NBSP, di sini ditandai ␣); ganti dengan spasi "
            "biasa atau hapus",
        )
    ]


def test_nbsp_in_a_value_is_allowed(validate):
    assert validate({MODULE: _module("title: Etika\u00a0Pelayanan")}).outcome == (0, [])


def test_bom_at_the_start_is_accepted(validate):
    assert validate({MODULE: "\ufeff" + MODULE_ETIKA}).outcome == (0, [])


def test_bom_in_the_middle_of_a_file(validate):
    assert validate({MODULE: _module("\ufefftitle: Etika Pelayanan")}).problems == [
        _error(
            "2:1",
            "karakter tak terlihat: tanda urutan bita/BOM (U+FEFF) di tengah berkas; hapus "
            "karakter ini",
        )
    ]


def test_character_problems_do_not_hide_later_structure_problems(validate):
    text = _module("title: Etika\u200bPelayanan") + "title: Lagi\n"
    assert validate({MODULE: text}).problems == [
        _error("2:13", "karakter tak terlihat: spasi lebar-nol (U+200B); hapus karakter ini"),
        _error(
            "16:1",
            "kunci `title` ganda dalam pemetaan yang sama (pertama di baris 2); hapus atau "
            "gabungkan salah satunya",
        ),
    ]


# --- documents ------------------------------------------------------------------------------


def test_multiple_documents(validate):
    assert validate({MODULE: MODULE_ETIKA + "---\nid: lain\n"}).problems == [
        _error(
            "16:1",
            "berkas berisi lebih dari satu dokumen YAML (dipisah `---`); satu berkas hanya boleh "
            "berisi satu dokumen",
        )
    ]


def test_one_document_with_explicit_markers_is_fine(validate):
    assert validate({MODULE: "---\n" + MODULE_ETIKA + "...\n"}).outcome == (0, [])


@pytest.mark.parametrize("text", ["", "\n\n", "# hanya komentar\n# lagi\n"])
def test_empty_or_comments_only_file(validate, text):
    assert validate({MODULE: text}).problems == [
        _error(
            "1:1",
            "berkas tidak berisi data (kosong atau hanya komentar); isi berkas dengan data "
            "sesuai formatnya",
        )
    ]


def test_yaml_syntax_error_is_translated_and_located(validate):
    assert validate({MODULE: _module("title: Etika: Pelayanan")}).problems == [
        _error(
            "2:8",
            "nilai `title` memuat `: `, yang dibaca YAML sebagai kunci baru; apit seluruh nilainya "
            'dengan tanda kutip: `title: "Etika: Pelayanan"`',
        )
    ]


def test_unclosed_quote_points_where_it_opened(validate):
    assert validate({MODULE: _module('title: "Etika Pelayanan')}).problems == [
        _error("2:8", "teks bertanda kutip belum ditutup; tambahkan tanda kutip penutup")
    ]


def test_unclosed_bracket_points_where_it_opened(validate):
    assert validate({MODULE: MODULE_ETIKA + "tags: [etika, pelayanan\n"}).problems == [
        _error(
            "16:7",
            "daftar dalam kurung siku belum ditutup dengan `]` atau butirnya tidak dipisah koma",
        )
    ]


# --- keys -----------------------------------------------------------------------------------


def test_list_as_key(validate):
    assert validate({MODULE: MODULE_ETIKA + "[a, b]: x\n"}).problems == [
        _error("16:1", "kunci pemetaan harus berupa teks, bukan daftar atau pemetaan"),
    ]


def test_complex_key(validate):
    assert validate({MODULE: MODULE_ETIKA + "? - a\n: x\n"}).problems == [
        _error("16:3", "kunci pemetaan harus berupa teks, bukan daftar atau pemetaan"),
    ]


@pytest.mark.parametrize(
    ("key", "read_as"),
    [
        ("true", "boolean `true`"),
        ("5", "bilangan bulat `5`"),
        ("1.5", "bilangan `1.5`"),
        ("~", "nilai kosong (null)"),
    ],
)
def test_non_text_key(validate, key, read_as):
    assert validate({MODULE: MODULE_ETIKA + f"{key}: x\n"}).problems == [
        _error(
            "16:1",
            f"kunci pemetaan harus berupa teks; `{key}` dibaca YAML sebagai {read_as}. Apitkan "
            "kunci dengan tanda kutip",
        )
    ]


def test_integer_keys_are_allowed_in_kirkpatrick(validate):
    text = MODULE_ETIKA + "evaluation:\n  kirkpatrick:\n    1: Survei kepuasan.\n    4: Hasil.\n"
    assert validate({MODULE: text}).outcome == (0, [])


def test_integer_keys_are_allowed_in_level_indicators(validate):
    # BASE's digital framework already has `1:` and `3:` indicators.
    assert validate().outcome == (0, [])


def test_kirkpatrick_key_outside_one_to_four(validate):
    text = MODULE_ETIKA + "evaluation:\n  kirkpatrick:\n    5: Dampak.\n"
    assert validate({MODULE: text}).problems == [
        _error(
            "18:5",
            "kunci `5` di `evaluation.kirkpatrick` harus salah satu dari: 1, 2, 3, 4; ditemukan "
            "bilangan bulat `5`",
        )
    ]


def test_integer_key_is_refused_one_level_deeper(validate):
    text = MODULE_ETIKA + "evaluation:\n  kirkpatrick:\n    1:\n      2: x\n"
    assert validate({MODULE: text}).problems == [
        _error("19:7", "`evaluation.kirkpatrick.1` harus berupa teks, ditemukan pemetaan"),
        _error(
            "19:7",
            "kunci pemetaan harus berupa teks; `2` dibaca YAML sebagai bilangan bulat `2`. "
            "Apitkan kunci dengan tanda kutip",
        ),
    ]


# --- tags, aliases and merge keys -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag", "col"),
    [
        ('!!python/object/apply:os.system ["echo hacked"]', "!!python/object/apply:os.system", 8),
        ("!!python/object/new:builtins.list [[1]]", "!!python/object/new:builtins.list", 8),
        ("!foo bar", "!foo", 8),
        ("!!binary aGVsbG8=", "!!binary", 8),
        ("!!set {a, b}", "!!set", 8),
        ("!!omap [a: 1]", "!!omap", 8),
    ],
)
def test_custom_tags_never_construct_anything(validate, value, tag, col):
    result = validate({MODULE: MODULE_ETIKA + f"owner: {value}\n"})
    assert result.problems == [
        _error(
            f"16:{col}",
            f"tag YAML `{tag}` tidak diizinkan; hanya nilai YAML biasa (teks, bilangan, "
            "boolean, daftar, pemetaan) yang diterima",
        )
    ]


def test_custom_tag_on_a_key(validate):
    assert validate({MODULE: MODULE_ETIKA + "!!binary aGk=: x\n"}).problems == [
        _error(
            "16:1",
            "tag YAML `!!binary` tidak diizinkan; hanya nilai YAML biasa (teks, bilangan, "
            "boolean, daftar, pemetaan) yang diterima",
        )
    ]


def test_collection_tag_on_a_single_value(validate):
    assert validate({MODULE: MODULE_ETIKA + "owner: !!seq abc\n"}).problems == [
        _error("16:8", "tag YAML `!!seq` tidak dapat dipakai pada nilai tunggal; hapus tag-nya"),
    ]


def test_impossible_date_as_a_key_is_text(validate):
    assert (
        validate({MODULE: MODULE_ETIKA + "2026-02-30: x\n"})
        .problems[0]
        .startswith(f"{MODULE}:16:1: error: kolom `2026-02-30` tidak dikenal; ")
    )


def test_python_tag_does_not_run(validate, tmp_path):
    marker = tmp_path / "hacked"
    text = MODULE_ETIKA + f'owner: !!python/object/apply:os.system ["touch {marker}"]\n'
    assert validate({MODULE: text}).where == [f"{MODULE}:16:8: error"]
    assert not marker.exists()


def test_explicit_core_tag_is_allowed(validate):
    assert validate({MODULE: _module("title: !!str 10:30")}).outcome == (0, [])


def test_explicit_tag_that_cannot_be_read(validate):
    assert validate({MODULE: MODULE_ETIKA + "owner: !!int abc\n"}).problems == [
        _error("16:8", "nilai `abc` tidak dapat dibaca sebagai `!!int`; periksa penulisannya"),
    ]


ALIAS = "alias YAML (`*nama`) tidak diizinkan; tulis nilainya secara lengkap di sini"


def test_alias(validate):
    text = _module("title: &judul Etika Pelayanan") + "owner: *judul\n"
    assert validate({MODULE: text}).problems == [_error("16:8", ALIAS)]


def test_anchor_without_alias_is_harmless(validate):
    assert validate({MODULE: _module("title: &judul Etika Pelayanan")}).outcome == (0, [])


def test_undefined_alias(validate):
    assert validate({MODULE: MODULE_ETIKA + "owner: *tidak-ada\n"}).problems == [
        _error(
            "16:8",
            "alias `*` tidak diizinkan (dan anchor-nya tidak ada); tulis nilainya secara lengkap",
        )
    ]


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [lol]"]
    for level in range(1, levels + 1):
        aliases = ",".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly_without_expanding(validate):
    bomb = _alias_bomb()
    assert len(bomb) < 500  # 9 levels × 9 aliases: 9**9 = 387,420,489 "lol" if expanded
    tracemalloc.start()
    started = time.perf_counter()
    result = validate({MODULE: bomb})
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Safety nets against a hang or an expansion, not speed claims.
    assert elapsed < 2
    assert peak < 50_000_000
    assert result.exit_code == 1
    aliases = [line for line in result.problems if line.endswith(ALIAS)]
    # The first ten aliases are located; the eleventh line counts the other seventy.
    assert len(aliases) == 10
    assert [line for line in result.problems if line.endswith("(dan 70 alias lain sesudah ini)")]
    assert aliases[0] == _error("2:10", ALIAS)
    assert aliases[-1] == _error("3:10", ALIAS)


def test_merge_key(validate):
    text = MODULE_ETIKA + "evaluation:\n  <<: {pre_test: true}\n"
    assert validate({MODULE: text}).problems == [
        _error("17:3", "kunci gabungan `<<` tidak didukung; tulis setiap kunci secara lengkap"),
    ]


def test_merge_key_with_alias(validate):
    text = (
        _module("  - &webinar\n    mode: webinar", old="  - mode: webinar")
        + "  - <<: *webinar\n    minutes: 30\n"
    )
    # The merged mapping is never read, so `mode` is really missing from the third activity.
    assert validate({MODULE: text}).problems == [
        _error("17:5", "kolom wajib `mode` belum ada di kegiatan ke-3"),
        _error("17:5", "kunci gabungan `<<` tidak didukung; tulis setiap kunci secara lengkap"),
    ]


# --- nesting --------------------------------------------------------------------------------

TOO_DEEP = (
    "data bersarang terlalu dalam (lebih dari 100 tingkat); periksa kurung `[` atau `{` yang "
    "tidak ditutup dan indentasinya"
)


def test_nesting_up_to_the_limit_is_read(validate):
    text = MODULE_ETIKA + "tags: " + "[" * 99 + "]" * 99 + "\n"
    assert validate({MODULE: text}).problems == [
        _error("16:8", "tag ke-1 harus berupa teks, ditemukan daftar"),
    ]


@pytest.mark.parametrize("depth", [100, 5_000, 200_000])
def test_deep_nesting_is_refused_without_recursing(validate, depth):
    text = MODULE_ETIKA + "tags: " + "[" * depth + "]" * depth + "\n"
    assert _error("16:106", TOO_DEEP) in validate({MODULE: text}).problems


@pytest.mark.parametrize("padding", ["", "# " + ":" * 10_000 + "\n"], ids=["built", "parsed"])
def test_deep_block_nesting_is_refused(validate, padding):
    # With many indicator characters the loader counts depth while parsing, before composing.
    nested = "".join(" " * i + "-\n" for i in range(1, 150))
    result = validate({MODULE: padding + MODULE_ETIKA + "tags:\n" + nested})
    line = 116 + padding.count("\n")
    assert result.problems == [_error(f"{line}:101", TOO_DEEP)]


# --- line endings ---------------------------------------------------------------------------


def test_windows_line_endings_are_read(validate):
    assert validate({MODULE: MODULE_ETIKA.replace("\n", "\r\n")}).outcome == (0, [])


def test_windows_line_endings_keep_line_numbers(validate):
    text = (MODULE_ETIKA + "title: Lagi\n").replace("\n", "\r\n")
    assert validate({MODULE: text}).problems == [
        _error(
            "16:1",
            "kunci `title` ganda dalam pemetaan yang sama (pertama di baris 2); hapus atau "
            "gabungkan salah satunya",
        )
    ]


def test_schema_line_of_another_kind_is_a_warning(validate):
    text = "# yaml-language-server: $schema=../../generator/schema/pathway.schema.json\n"
    result = validate({MODULE: text + MODULE_ETIKA})
    assert result.problems == [
        f"{MODULE}:1:1: warning: baris skema menunjuk `pathway.schema.json`, skema untuk jenis "
        "berkas lain; di sini seharusnya "
        "`# yaml-language-server: $schema=../../../generator/schema/module.schema.json` agar "
        "editor dapat membantu mengisi"
    ]
