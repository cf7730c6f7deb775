"""The contributor-facing format reference (Indonesian), generated from the JSON Schema.

It is written from the same schema editors' extensions use, so the reference,
the schema and the validator cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.format import models as fmt
from generator.format.schema import SCHEMA_DIR, render_schemas, schema_filename
from generator.problems.report import ERROR, WARNING
from generator.validate import rules

REFERENCE_PATH = SCHEMA_DIR / "referensi-format.md"

FILES = {
    "site_config": "`site_config.yml`",
    "framework": "`curriculum/competencies/<kerangka>.yml`",
    "track": "`curriculum/tracks/<jalur>.yml`",
    "module": "`curriculum/modules/<jalur>/<modul>.yml`",
    "pathway": "`curriculum/pathways/<jalur-belajar>.yml`",
    "glossary": "`curriculum/glossary.yml`",
    "outcome": "`curriculum/outcomes/<modul>/<YYYY-MM-DD>.yml`",
}

# What every file must satisfy on its own (the loader and the format models); the rules
# that span files are rendered from their declarations, `generator.validate.rules.RULES`.
FILE_RULES = [
    "Setiap `id` berupa slug (huruf kecil, angka, tanda hubung; maks. 64 karakter). "
    "Kompetensi dirujuk sebagai `<kerangka>/<kompetensi>`.",
    'Kunci yang tidak dikenal dan kunci ganda adalah galat (dengan saran "mungkin maksud Anda …").',
    "Kunci pemetaan berupa teks, kecuali kunci tingkat bilangan pada `kirkpatrick` dan "
    "`level_indicators`.",
    "Nilai yang diubah YAML 1.1 menjadi jenis lain harus diberi tanda kutip: `10:30` tanpa "
    "kutip menjadi bilangan 630, `no` menjadi `false`, tanggal tanpa kutip menjadi objek "
    "tanggal.",
    "Tidak boleh ada tab untuk indentasi, alias/anchor YAML, tag YAML khusus, lebih dari satu "
    "dokumen per berkas, berkas kosong, berkas yang bukan UTF-8, atau karakter kendali dan "
    "karakter tak terlihat.",
    "Zona waktu berupa nama IANA. Nama berkas halaman bebas (`curriculum/pages/<nama>.md`) "
    f"paling banyak {fmt.MAX_PAGE_NAME_CHARS} karakter.",
    "Baris skema yang menunjuk skema jenis berkas lain diberi peringatan.",
    "Modul draf tidak diterbitkan di mana pun; modul arsip diterbitkan dengan tanda arsip.",
]

SEVERITY_LABELS = {ERROR: "galat", WARNING: "peringatan"}


def render_rules() -> list[str]:
    """The rules section: per-file rules, then the cross-file rules' table."""
    lines = ["## Aturan setiap berkas", ""]
    lines += [f"- {rule}" for rule in FILE_RULES]
    lines += [
        "",
        "## Aturan lintas berkas",
        "",
        "Galat menggagalkan pemeriksaan; peringatan tidak, kecuali dengan `--strict`. Kode "
        "adalah kode pesan yang ditampilkan `--format json`.",
        "",
        "| Aturan | Tingkat | Kode |",
        "|---|---|---|",
    ]
    for rule in rules.RULES:
        severity = " / ".join(
            SEVERITY_LABELS[level] for level in (ERROR, WARNING) if level in rule.codes.values()
        )
        codes = ", ".join(
            f"`{code}`" + (" (peringatan)" if level == WARNING and rule.severity != WARNING else "")
            for code, level in rule.codes.items()
        )
        lines.append(f"| {rule.summary} | {severity} | {codes} |")
    return lines


def render_reference() -> str:
    """Return the whole reference page as Markdown."""
    schemas = {kind: json.loads(text) for kind, text in _schemas_by_kind().items()}
    lines = [
        "# Referensi format kurikulum",
        "",
        "<!-- Dihasilkan dari model format (generator/format/models.py) oleh "
        "`python -m generator schema`; jangan disunting langsung. -->",
        "",
        "Halaman ini menjelaskan setiap berkas kurikulum dan setiap kolomnya. Isinya dihasilkan "
        "dari skema JSON yang sama dengan yang dipakai editor (VS Code dengan ekstensi YAML) "
        "untuk melengkapi dan memeriksa isian, sehingga selalu sesuai dengan validator.",
        "",
        "## Berkas",
        "",
        "| Berkas | Isi | Skema |",
        "|---|---|---|",
    ]
    for kind, where in FILES.items():
        title = schemas[kind].get("title", kind)
        lines.append(f"| {where} | {title} | `generator/schema/{schema_filename(kind)}` |")
    lines += [
        "",
        "Setiap berkas YAML diawali baris skema, mis. "
        "`# yaml-language-server: $schema=../../../generator/schema/module.schema.json`.",
        "",
    ]
    for kind in FILES:
        lines += _render_kind(kind, schemas[kind])
    lines += _render_tables()
    lines += render_rules()
    return "\n".join(lines) + "\n"


def _schemas_by_kind() -> dict[str, str]:
    rendered = render_schemas()
    return {kind: rendered[schema_filename(kind)] for kind in FILES}


def _render_kind(kind: str, schema: dict) -> list[str]:
    lines = [f"## {schema.get('title', kind)}", ""]
    if schema.get("description"):
        lines += [schema["description"], ""]
    defs = schema.get("$defs", {})
    root = schema
    if schema.get("type") == "array":
        lines += ["Isinya berupa daftar; setiap butir:", ""]
        root = _resolve(schema["items"], defs)
    lines += _field_table(root, kind)
    for name, definition in defs.items():
        lines += [
            f"### {definition.get('title', name)} {{ #{_anchor(kind, name)} }}",
            "",
            definition.get("description", ""),
            "",
        ]
        lines += _field_table(definition, kind)
    return lines


def _field_table(definition: dict, kind: str = "") -> list[str]:
    required = set(definition.get("required", []))
    lines = ["| Kunci | Jenis | Wajib | Keterangan |", "|---|---|---|---|"]
    for key, spec in definition.get("properties", {}).items():
        must = "ya" if key in required else "tidak"
        default = spec.get("default")
        if default is not None:
            must += f" (bawaan `{json.dumps(default, ensure_ascii=False)}`)"
        description = f"**{spec.get('title', key)}.** {spec.get('description', '')}"
        lines.append(f"| `{key}` | {_type_text(spec, kind)} | {must} | {description} |")
    return [*lines, ""]


def _resolve(spec: dict, defs: dict) -> dict:
    if "$ref" in spec:
        return defs[spec["$ref"].split("/")[-1]]
    return spec


def _type_text(spec: dict, kind: str) -> str:
    for combined in ("anyOf", "oneOf"):
        if combined in spec:
            options = [option for option in spec[combined] if option.get("type") != "null"]
            return " atau ".join(_type_text(option, kind) for option in options)
    if isinstance(spec.get("type"), list):
        # `X | None`: the reference's Wajib column already says the key may be left out.
        single = next(kind for kind in spec["type"] if kind != "null")
        return _type_text({**spec, "type": single}, kind)
    if "$ref" in spec:
        name = spec["$ref"].split("/")[-1]
        return f"[pemetaan](#{_anchor(kind, name)})"
    if "enum" in spec:
        return "salah satu dari " + ", ".join(f"`{value}`" for value in spec["enum"])
    kind_of_value = spec.get("type")
    if kind_of_value == "array":
        text = f"daftar {_type_text(spec.get('items', {}), kind)}"
        if spec.get("minItems"):
            text += f" (minimal {spec['minItems']} butir)"
        return text
    if kind_of_value == "object":
        return "pemetaan tingkat → " + _type_text(spec.get("additionalProperties", {}), kind)
    if kind_of_value == "integer":
        return "bilangan bulat" + _bounds(spec)
    if kind_of_value == "boolean":
        return "`true`/`false`"
    if kind_of_value == "string":
        return "teks" + _string_constraints(spec)
    return "nilai"


def _bounds(spec: dict) -> str:
    if "minimum" in spec and "maximum" in spec:
        return f" {spec['minimum']}–{spec['maximum']}"
    parts = []
    if "exclusiveMinimum" in spec:
        parts.append(f"> {spec['exclusiveMinimum']}")
    if "maximum" in spec:
        parts.append(f"≤ {spec['maximum']}")
    return " " + ", ".join(parts) if parts else ""


def _string_constraints(spec: dict) -> str:
    pattern = spec.get("pattern")
    notes = {
        fmt.SLUG_PATTERN: " (slug)",
        fmt.REF_PATTERN: " `<kerangka>/<kompetensi>`",
        fmt.DATE_PATTERN: ' `"YYYY-MM-DD"`',
        fmt.LOCAL_TIME_PATTERN: ' `"YYYY-MM-DDTHH:MM"`',
        fmt.HTTPS_PATTERN: " `https://…`",
        fmt.SITE_URL_PATTERN: " `https://…` atau `/…`",
        fmt.ICON_PATTERN: " `material/nama-ikon`",
    }
    text = notes.get(pattern, "")
    if "maxLength" in spec:
        text += f" ≤ {spec['maxLength']} karakter"
    return text


def _anchor(kind: str, name: str) -> str:
    return f"{kind}-{name}".lower()


def _render_tables() -> list[str]:
    lines = ["## Moda belajar dan kelompok 70-20-10", "", "| `mode` | Label | Kelompok |"]
    lines.append("|---|---|---|")
    for mode, (label, group) in fmt.MODES.items():
        lines.append(
            f"| `{mode}` | {label} | {fmt.GROUPS[group]} ({fmt.GROUP_RECOMMENDED[group]}) |"
        )
    lines += ["", "## Nilai sasaran (`audience`)", "", "| Nilai | Label |", "|---|---|"]
    lines += [f"| `{value}` | {label} |" for value, label in fmt.AUDIENCES.items()]
    lines += ["", "## Evaluasi Kirkpatrick", "", "| Tingkat | Nama |", "|---|---|"]
    lines += [f"| {level} | {name} |" for level, name in fmt.KIRKPATRICK.items()]
    return [*lines, ""]


def write_reference(path: Path = REFERENCE_PATH) -> Path:
    path.write_text(render_reference(), encoding="utf-8")
    return path
