"""Hostile curricula and the checks their built sites must pass (used by tests/test_hostile.py).

Three parts:

- **Fields.** Every text field of every kind of curriculum file, derived from the pydantic
  models in `generator/format.py` (nested models, lists and mappings included), so a field
  added later is covered without editing this file. A field is *free text* when its type
  accepts a line of hostile markup, a *URL* when it accepts only URLs; Markdown fields are
  the ones whose description says "Markdown".
- **Curricula.** The mini fixture with one payload written into every free-text field at
  once, each value prefixed by a marker `KK0042` and with the script body `kkXss=42`, so
  any finding names the field it came from. YAML is written by hand: every string is
  double-quoted and control characters are YAML escapes (`"\\r"`, `"\\x00"`, `"\\e"` …),
  because literal ones are refused by the loader already.
- **Site scan.** Every HTML page (BeautifulSoup's html.parser, and a second, independent
  tokenizer written to the HTML standard's tag and attribute rules), every JSON file
  (tags.json, the planner data, the search dialog's glossary and words, the offline
  manifests' titles, catalog.json, read against its schema too), the schema.org JSON-LD
  in pages (JSON parsed after both HTML parsers found the script's end), every calendar
  (icalendar, and a second reading of RFC 5545's content lines), sitemap.xml: nothing that
  runs script or loads from another host, and plain text that reads literally wherever it
  is shown; and Pagefind's records (`pagefind/fragment/*.pf_fragment`) with the metadata
  attributes they are built from.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import shutil
import subprocess
import types
import typing
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
import jsonschema
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from pydantic import BaseModel, RootModel, TypeAdapter

from generator.format import models as fmt
from generator.load.documents import kind_of
from tests.constants import FIXTURES
from tests.search_bundle import decode as decode_fragment
from tests.sitebuild import copy_project, run_generator

MINI = FIXTURES / "mini"
SITE_URL = "https://kurikulum-asn.github.io/kurikulum/"
SITE_HOST = urlsplit(SITE_URL).hostname
HOSTILE_PAGE = "curriculum/pages/uji-hostile.md"

# --- payloads ----------------------------------------------------------------------------------

# `@N` becomes the slot number: `KK@N` the marker, `kkXss=@N` the script body (a global a
# browser test can read; inline handlers and scripts run in sloppy mode).


@dataclass(frozen=True)
class Payload:
    name: str
    text: str  # one line; goes into every free-text field
    block: str = ""  # extra Markdown lines, only for Markdown fields and the free page body
    # "links": the validator may refuse it (scheme other than https/mailto); "control": it
    # carries control characters, which may be refused; "" : it must build.
    refusable: str = ""

    def value(self, n: int, *, markdown: bool) -> str:
        marker = f"KK{n:04d}"
        text = f"{marker} {self.text}".replace("@N", str(n))
        if markdown and self.block:
            text += "\n\n" + self.block.replace("@N", str(n)).replace("@M", marker)
        return text


PAYLOADS: list[Payload] = [
    Payload("script", "<script>kkXss=@N</script> akhir"),
    Payload(
        "img-onerror",
        '<img src=x onerror=kkXss=@N> <img src=x onerror="kkXss=@N">',
        block="<p><img src=x onerror=kkXss=@N></p>\n\n<IMG SRC=x ONERROR=kkXss=@N>",
    ),
    Payload(
        "title-breakout",
        "</title><script>kkXss=@N</script><img src=x onerror=kkXss=@N><title>",
    ),
    Payload(
        "svg",
        "<svg onload=kkXss=@N><script>kkXss=@N</script></svg><svg><a href=#><text>x</text></a>",
        block="<svg><animate onbegin=kkXss=@N attributeName=x dur=1s></animate></svg>",
    ),
    Payload("attribute-double-quote", '" onmouseover="kkXss=@N" data-x="'),
    Payload("attribute-single-quote", "' autofocus onfocus='kkXss=@N' data-x='"),
    Payload(
        "embed-elements",
        "<iframe src=//evil.example/i></iframe><object data=//evil.example/o></object>"
        "<embed src=//evil.example/e><base href=//evil.example/>",
    ),
    Payload(
        "form-meta-link",
        "<form action=//evil.example/f><button formaction=javascript:kkXss=@N>x</button></form>"
        '<meta http-equiv=refresh content="0;url=//evil.example/">'
        "<link rel=stylesheet href=//evil.example/s.css>",
    ),
    Payload(
        "attr-list",
        '**tebal**{: onclick="kkXss=@N" } teks{: onmouseover=kkXss=@N } {: #id .kelas }',
        block='# Judul @M {: onclick="kkXss=@N" }\n\nParagraf @M\n{: onclick="kkXss=@N" }\n\n'
        '[tautan](#){: onclick="kkXss=@N" }',
    ),
    Payload(
        "md-in-html",
        '<div markdown="1">**@N**{: onclick="kkXss=@N" }</div>',
        block='<div markdown>\n\n**md @M**{: onclick="kkXss=@N" }\n\n</div>\n\n'
        '<span markdown="1">*x*{: onclick="kkXss=@N" }</span>',
    ),
    Payload(
        "abbr",
        '*[JP]: " onmouseover="kkXss=@N',
        block='Beban 2 JP di sini.\n\n*[JP]: " onmouseover="kkXss=@N\n'
        "*[Beban]: <script>kkXss=@N</script>",
    ),
    Payload(
        "admonition",
        '!!! danger "Palsu" ??? note "Palsu"',
        block='!!! danger "Palsu"\n    Situs ini diretas @M.\n\n???+ note "Palsu"\n    Palsu @M.',
    ),
    Payload(
        "escaped-markdown",
        r'\*klik\*{: onclick="kkXss=@N" } \<b\> \[x\]\(y\)',
        block=r'\*klik @M\*{: onclick="kkXss=@N" }' + "\n\n" + r"\<i\>@M\</i\>",
    ),
    Payload(
        "code",
        "`<script>kkXss=@N</script>` ``[x][1]``",
        block="```\n<script>kkXss=@N</script>\n```\n\n"
        '    <img src=x onerror=kkXss=@N>\n    *klik*{: onclick="kkXss=@N" }\n'
        "    [kode][2]\n\n    [2]: javascript:kkXss=@N\n",
    ),
    Payload(
        "remote-load",
        "<https://evil.example/auto> https://evil.example/teks "
        '<img src="https://evil.example/p.png"> <video poster=https://evil.example/v.png>',
        block="![gambar](https://evil.example/g.png)\n\n[tautan](https://example.org/ok)\n\n"
        '<audio src="https://evil.example/a.mp3"></audio>\n\n'
        '<p style="background:url(https://evil.example/b.png)">gaya</p>',
    ),
    Payload(
        "entities",
        "&lt;script&gt;kkXss=@N&lt;/script&gt; &#x3C;img src=x onerror=kkXss=@N&#x3E; "
        "&amp;lt;b&amp;gt; &#60;svg onload=kkXss=@N&#62;",
    ),
    Payload(
        "markdown-syntax",
        "# Judul **tebal** _miring_ | a | b | ~~c~~ `k` \\ {#id .kelas} [t](https://example.org) "
        "<!-- komentar --> 1. butir",
    ),
    Payload("template-syntax", "{{ 7*7 }} {% if true %}ya{% endif %} ${7*7} {# x #} %}"),
    Payload("emoji", "😀 Belajar 🇮🇩 𝔘𝔧𝔦 👍🏽 👩🏽‍💻 :material-alert: :smile:"),
    Payload(
        "javascript-links",
        '[x](javascript:kkXss=@N) <javascript:kkXss=@N> <a href="javascript:kkXss=@N">a</a>',
        block="[klik][1]\n\n[1]: javascript:kkXss=@N\n\n[d](data:text/html,kkXss)\n\n"
        "<a href=vbscript:kkXss>v</a>",
        refusable="links",
    ),
    Payload(
        "carriage-return",
        'Baris\r# Judul @M {: onclick="kkXss=@N" }\r!!! danger "Palsu"\rBaris',
        refusable="control",
    ),
    Payload(
        "line-separators",
        'a\x85# Judul @M {: onclick="kkXss=@N" }\u2028# Judul @M\u2029b',
        refusable="control",
    ),
    Payload("c0-c1-controls", "a\x00b\x07c\x1b[31md\x08e\x7ff\x9bg\x0bh\x0ci", refusable="control"),
    Payload("invisible-format", "a\u202eb\u200bc\u200dd\ufeffe\u2066f\u200eg", refusable="control"),
]

# Hostile URLs, per URL field type. `@id` becomes a published module id, `@N` the slot.


@dataclass(frozen=True)
class UrlPayload:
    name: str
    site: str | None  # for site URL fields (`https://…` or `/…`)
    https: str | None  # for https-only URL fields

    def value(self, kind: str, n: int, module_id: str) -> str | None:
        url = self.site if kind == "site" else self.https
        return None if url is None else url.replace("@id", module_id).replace("@N", str(n))


URL_PAYLOADS: list[UrlPayload] = [
    UrlPayload("javascript", "javascript:kkXss=@N", "javascript:kkXss=@N"),
    UrlPayload("data", "data:text/html,<script>kkXss=@N</script>", "data:text/html,kkXss"),
    UrlPayload("protocol-relative", "//evil.example/x", "https://evil.example/x"),
    UrlPayload("backslash", "/\\evil.example/x", "https://evil.example\\@example.org/"),
    UrlPayload(
        "fragment-attr-list",
        "/modul/@id/#tujuan-pembelajaran){:onmouseover=kkXss=@N}",
        "https://example.org/x){:onmouseover=kkXss=@N}",
    ),
    # A missing anchor must be refused by the validator, not by MkDocs in English.
    UrlPayload("missing-anchor", "/modul/@id/#tidak-ada", None),
    UrlPayload(
        "quote-breakout",
        '/modul/@id/"onmouseover=kkXss=@N',
        'https://x/"onmouseover=kkXss=@N',
    ),
    UrlPayload(
        "encoded",
        "/modul/@id/?q=%22%3E%3Cscript%3EkkXss=@N%3C/script%3E",
        "https://example.org/%22%3E%3Cscript%3EkkXss=@N%3C/script%3E#%3Cimg%20onerror=x%3E",
    ),
]

# --- fields, from the models -----------------------------------------------------------------

_LINE_SAMPLE = "KK0000 <b x=\"1\">&amp; 'q' `c` {: .x } [l](#) *e* _u_ #h |p| 😀"
_URL_SAMPLE = "https://example.org/x"


@dataclass(frozen=True)
class TextField:
    """One text field of one kind of file, e.g. `module.activities[].title`."""

    kind: str
    path: tuple[str, ...]
    markdown: bool
    multiline: bool
    url: str | None  # None for text, "site" or "https" for URL fields
    max_length: int | None

    @property
    def name(self) -> str:
        text = ".".join(self.path).replace(".[]", "[]").replace(".{}", "{}")
        return f"{self.kind}.{text}".replace(".root", "")


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _leaf(annotation: Any) -> tuple[Any, list[Any]]:
    """Split `Annotated[T, ...]` into T and its metadata."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        inner, more = _leaf(base)
        return inner, [*more, *metadata]
    return annotation, []


_ADAPTERS: dict[Any, TypeAdapter] = {}


def _accepts(annotation: Any, value: str) -> bool:
    try:
        adapter = _ADAPTERS.get(annotation)
    except TypeError:  # unhashable metadata
        adapter = None
    if adapter is None:
        adapter = TypeAdapter(annotation)
        with contextlib.suppress(TypeError):
            _ADAPTERS[annotation] = adapter
    try:
        adapter.validate_python(value, strict=True)
    except Exception:
        return False
    return True


def _is_markdown(info: Any) -> bool:
    text = f"{getattr(info, 'description', '') or ''} {getattr(info, 'json_schema_extra', '')}"
    return "markdown" in text.lower()


def classify(annotation: Any, info: Any) -> tuple[str, bool, str | None, int | None] | None:
    """For a str leaf: ("text" | "url", multiline, url kind, max_length); else None."""
    base, metadata = _leaf(annotation)
    if base is not str:
        return None
    full = typing.Annotated[str, *metadata] if metadata else str
    max_length = min(
        (m.max_length for m in metadata if getattr(m, "max_length", None) is not None),
        default=None,
    )
    if _accepts(full, _LINE_SAMPLE):
        return "text", _accepts(full, "KK0000 a\nb"), None, max_length
    if _accepts(full, _URL_SAMPLE):
        return "url", False, "site" if _accepts(full, "/modul/x/") else "https", max_length
    return None


def _walk_annotation(kind, path, annotation, info) -> Iterator[TextField]:
    annotation = _unwrap_optional(annotation)
    base, _ = _leaf(annotation)
    origin = typing.get_origin(base)
    if isinstance(base, type) and issubclass(base, BaseModel):
        yield from _walk_model(kind, path, base)
    elif origin is list:
        (item,) = typing.get_args(base)
        yield from _walk_annotation(kind, (*path, "[]"), item, info)
    elif origin is dict:
        _, value = typing.get_args(base)
        yield from _walk_annotation(kind, (*path, "{}"), value, info)
    else:
        found = classify(annotation, info)
        if found:
            _, multiline, url, max_length = found
            yield TextField(kind, path, _is_markdown(info), multiline, url, max_length)


def _walk_model(kind: str, path: tuple[str, ...], model: type[BaseModel]) -> Iterator[TextField]:
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if info.metadata:
            annotation = typing.Annotated[annotation, *info.metadata]
        yield from _walk_annotation(kind, (*path, name), annotation, info)


def text_fields() -> list[TextField]:
    """Every text and URL field of every kind of curriculum file (site_config is not text)."""
    fields: list[TextField] = []
    for kind, model in fmt.FORMAT_MODELS.items():
        if kind == "site_config":
            continue
        fields.extend(_walk_model(kind, (), model))
    return fields


# --- filling a curriculum ----------------------------------------------------------------------

_MISSING = object()
# Values for required non-text fields, so optional objects can be created to carry text.
REQUIRED_DEFAULTS: dict[tuple[str, str], Any] = {
    ("Resource", "url"): "https://example.org/bahan",
    ("Resource", "kind"): "link",
    ("Session", "start"): "2026-12-15T09:00",
    ("Session", "minutes"): 60,
}
# Glossary terms kept as they are, so their hostile expansions become abbreviations
# on every page where the term appears.
KEEP_GLOSSARY_TERMS = 2


@dataclass
class Slot:
    """One hostile value written into one field of one file."""

    number: int
    file: str
    loc: str
    field: TextField
    value: str
    payload: str

    @property
    def marker(self) -> str:
        return f"KK{self.number:04d}"

    def describe(self) -> str:
        return f"{self.field.name} ({self.file} → {self.loc})"


Filler = Callable[[TextField, Any, tuple], Any]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    base, _ = _leaf(_unwrap_optional(annotation))
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def _create(model: type[BaseModel]) -> dict | None:
    """A minimal instance of `model` whose text fields the filler will set, or None."""
    data = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        if (model.__name__, name) in REQUIRED_DEFAULTS:
            data[name] = REQUIRED_DEFAULTS[(model.__name__, name)]
        elif (classify(info.annotation, info) or ("",))[0] != "text":
            return None
    return data


def _fill_value(kind, path, loc, annotation, info, current, filler: Filler) -> Any:
    annotation = _unwrap_optional(annotation)
    base, _ = _leaf(annotation)
    origin = typing.get_origin(base)
    model = _model_of(annotation)
    if model is not None:
        if current is _MISSING:
            current = _create(model)
            if current is None:
                return _MISSING
        return _fill_model(kind, path, loc, model, current, filler)
    if origin is list:
        (item,) = typing.get_args(base)
        if current is _MISSING:
            item_model = _model_of(item)
            if item_model is not None:
                created = _create(item_model)
                current = [] if created is None else [created]
            elif classify(item, info):
                current = [_MISSING]
            else:
                return _MISSING
        values = [
            _fill_value(kind, (*path, "[]"), (*loc, i), item, info, value, filler)
            for i, value in enumerate(current)
        ]
        values = [value for value in values if value is not _MISSING]
        return values if values else _MISSING
    if origin is dict:
        key, value_type = typing.get_args(base)
        if current is _MISSING:
            keys = typing.get_args(_leaf(key)[0]) if typing.get_origin(_leaf(key)[0]) else ()
            if not keys:
                return _MISSING
            current = dict.fromkeys(keys, _MISSING)
        filled = {
            k: _fill_value(kind, (*path, "{}"), (*loc, k), value_type, info, v, filler)
            for k, v in current.items()
        }
        filled = {k: v for k, v in filled.items() if v is not _MISSING}
        return filled if filled else _MISSING
    found = classify(annotation, info)
    if found is None:
        return current
    _, multiline, url, max_length = found
    text_field = TextField(kind, path, _is_markdown(info), multiline, url, max_length)
    return filler(text_field, current, loc)


def _fill_model(kind, path, loc, model: type[BaseModel], data: Any, filler: Filler) -> Any:
    if issubclass(model, RootModel):
        info = model.model_fields["root"]
        return _fill_value(kind, (*path, "root"), loc, info.annotation, info, data, filler)
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if info.metadata:
            annotation = typing.Annotated[annotation, *info.metadata]
        value = _fill_value(
            kind, (*path, name), (*loc, name), annotation, info, data.get(name, _MISSING), filler
        )
        if value is _MISSING or value == {} or value == []:
            out.pop(name, None)
        else:
            out[name] = value
    return out


def loc_label(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


# --- writing YAML by hand -----------------------------------------------------------------------

_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def yaml_quote(text: str) -> str:
    """A double-quoted YAML scalar; control and format characters as YAML escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in _YAML_ESCAPES:
            out.append(_YAML_ESCAPES[char])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02X}")
        elif unicodedata.category(char) in ("Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return yaml_quote(value)
    raise TypeError(f"cannot write {value!r}")


def to_yaml(value: Any, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(to_yaml(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: {_scalar(item) if item != [] else '[]'}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list) and item:
                nested = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines.extend(nested[1:])
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    else:
        lines.append(pad + _scalar(value))
    return lines


# --- hostile projects ---------------------------------------------------------------------------


@dataclass
class Hostile:
    """A project on disk with hostile values, and where each one went."""

    root: Path
    payload: str
    slots: dict[int, Slot] = field(default_factory=dict)
    lines: dict[str, set[int]] = field(default_factory=dict)  # file -> lines with a slot
    covered: set[str] = field(default_factory=set)  # TextField names that got a value

    def by_marker(self, marker: str) -> Slot | None:
        return self.slots.get(int(marker[2:]))


def _fixture_documents() -> Iterator[tuple[str, str, Any]]:
    for path in sorted((MINI / "curriculum").rglob("*.yml")):
        relpath = path.relative_to(MINI).as_posix()
        kind = kind_of(relpath)
        if kind and kind in fmt.FORMAT_MODELS:
            yield relpath, kind, yaml.safe_load(path.read_text(encoding="utf-8"))


def _first_module_id() -> str:
    for _, kind, data in _fixture_documents():
        if kind == "module" and data.get("status", "active") == "active":
            return data["id"]
    raise AssertionError("the fixture has no active module")


def write_hostile(
    dest: Path,
    payload: Payload | None = None,
    url_payload: UrlPayload | None = None,
) -> Hostile:
    """Lay out the mini fixture as a project with the payload in every field it fits."""
    root = copy_project(MINI, dest)
    name = payload.name if payload else f"url:{url_payload.name}" if url_payload else "none"
    hostile = Hostile(root, name)
    counter = iter(range(1, 10_000))
    module_id = _first_module_id()

    for relpath, kind, data in _fixture_documents():

        def filler(
            text_field: TextField, current: Any, loc: tuple, relpath=relpath, kind=kind
        ) -> Any:
            if kind == "glossary" and loc[-1] == "term" and loc[0] < KEEP_GLOSSARY_TERMS:
                return current
            if (text_field.url and url_payload is None) or (not text_field.url and payload is None):
                # Not this build's target: keep the value, or fill a created object plainly.
                if current is not _MISSING or text_field.url:
                    return current
                return "Teks biasa"
            if text_field.url:
                n = next(counter)
                value = url_payload.value(text_field.url, n, module_id)
                if value is None:
                    return current
            else:
                n = next(counter)
                value = payload.value(n, markdown=text_field.markdown and text_field.multiline)
                if payload.refusable != "control":
                    value = value.replace("\r", " ")
            if text_field.max_length is not None and len(value) > text_field.max_length:
                raise AssertionError(
                    f"payload {hostile.payload} is too long for {text_field.name} "
                    f"({len(value)} > {text_field.max_length}); shorten it"
                )
            hostile.slots[n] = Slot(n, relpath, loc_label(loc), text_field, value, hostile.payload)
            hostile.covered.add(text_field.name)
            return value

        filled = _fill_model(kind, (), (), fmt.FORMAT_MODELS[kind], data, filler)
        text = "\n".join(to_yaml(filled)) + "\n"
        (root / relpath).write_text(text, encoding="utf-8")
        quoted = [yaml_quote(slot.value) for slot in hostile.slots.values() if slot.file == relpath]
        hostile.lines[relpath] = {
            number
            for number, line in enumerate(text.split("\n"), start=1)
            if any(value in line for value in quoted)
        }

    if payload is not None and payload.refusable != "control":
        _write_page(hostile, payload, counter)
    return hostile


PAGE_H1 = TextField("page", ("h1",), markdown=False, multiline=False, url=None, max_length=None)
PAGE_BODY = TextField("page", ("body",), markdown=True, multiline=True, url=None, max_length=None)


def _write_page(hostile: Hostile, payload: Payload, counter: Iterator[int]) -> None:
    """A free page whose H1 and body carry the payload (hostile file names are not ours)."""
    h1, body = next(counter), next(counter)
    h1_value = payload.value(h1, markdown=False)
    body_value = payload.value(body, markdown=True)
    hostile.slots[h1] = Slot(h1, HOSTILE_PAGE, "H1", PAGE_H1, h1_value, hostile.payload)
    hostile.slots[body] = Slot(body, HOSTILE_PAGE, "isi", PAGE_BODY, body_value, hostile.payload)
    hostile.covered |= {PAGE_H1.name, PAGE_BODY.name}
    text = f"# {h1_value}\n\n{body_value}\n"
    path = hostile.root / HOSTILE_PAGE
    path.write_text(text, encoding="utf-8")
    hostile.lines[HOSTILE_PAGE] = set(range(1, text.count("\n") + 2))


def build_project(root: Path) -> subprocess.CompletedProcess:
    # A failed earlier attempt may have left a site behind; a refusal must publish nothing.
    shutil.rmtree(root / "site", ignore_errors=True)
    return run_generator(root, "build")


# --- refusals ---------------------------------------------------------------------------------

_PROBLEM = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
)
# Words an Indonesian validator message uses; an English or Python message has none of them.
_INDONESIAN = re.compile(
    r"\b(tidak|bukan|karakter|hapus|ganti|boleh|harus|berkas|kolom|nilai|tautan|teks|"
    r"diizinkan|pakai|halaman|baris|dalam|atau|yang)\b",
    re.IGNORECASE,
)


def refusal_problems(hostile: Hostile, result: subprocess.CompletedProcess) -> list[str]:
    """Why a refused build is not a proper refusal (empty when it is one)."""
    output = result.stdout + result.stderr
    problems = []
    if result.returncode != 1:
        problems.append(f"exit code {result.returncode}, expected 1")
    if "Traceback" in output or re.search(r"^\w+(Error|Exception):", output, re.M):
        problems.append("a Python traceback or exception was printed")
    errors = [
        line for line in output.splitlines() if (m := _PROBLEM.match(line)) and "error" in m["sev"]
    ]
    if not errors:
        problems.append("no located `path:line:col: error: …` message")
    for line in errors:
        match = _PROBLEM.match(line)
        path, number = match["path"], int(match["line"])
        if path not in hostile.lines:
            problems.append(f"error in a file the test did not write: {line}")
        elif number not in hostile.lines[path]:
            problems.append(f"error not located on a line holding a hostile value: {line}")
        if not _INDONESIAN.search(line[match.end() :]):
            problems.append(f"message does not read as Indonesian: {line}")
    if (hostile.root / "site").exists():
        problems.append("a site/ folder was published although the build was refused")
    if problems:
        problems.append("output:\n" + output[-3000:])
    return problems


# --- scanning a built site --------------------------------------------------------------------


@dataclass
class Finding:
    file: str
    what: str
    found: str
    markers: list[str]

    def describe(self, hostile: Hostile) -> str:
        fields = [
            slot.describe() for m in self.markers if (slot := hostile.by_marker(m)) is not None
        ]
        where = "; ".join(dict.fromkeys(fields)) or "no field marker nearby"
        found = self.found if len(self.found) <= 400 else self.found[:400] + "…"
        return (
            f"[payload {hostile.payload}] {self.file}: {self.what}\n"
            f"    field: {where}\n    found: {found}"
        )


_MARKER = re.compile(r"KK\d{4}")
SEARCH_ATTRIBUTES = ("data-pagefind-meta", "data-pagefind-filter", "data-pagefind-sort")
SEARCH_KEYS = {"jenis", "jalur", "jp", "tingkat", "sesi", "status", "bukti"}
_SCRIPT_MARK = re.compile(r"kkXss\s*=\s*(\d+)")
# Characters that must never reach the published site: C0/C1 controls (except tab and
# line ends), bidi overrides and isolates, zero-width and other invisible format characters.
# Written here, not imported from the loader, so the scan stays an outside check.
EMOJI_JOINER = re.compile(
    "(?<=[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\U0001f3fb-\U0001f3ff])\u200d"
    "(?=[\U0001f000-\U0001faff\u2600-\u27bf])"
)
FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029"
    "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "cite", "srcset", "ping", "manifest", "codebase", "lowsrc", "dynsrc", "longdesc",
    "usemap", "icon", "archive", "classid", "profile", "imagesrcset",
}  # fmt: skip
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "imagesrcset", "lowsrc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
NEVER_FROM_CONTENT = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
    "form", "input", "button", "select", "textarea", "meta", "link", "style", "script",
    "img", "video", "audio", "source", "track", "picture", "image", "use", "foreignobject",
    "animate", "set", "animatetransform", "animatemotion", "math", "svg", "noscript",
    "template", "dialog", "isindex", "keygen", "marquee", "param",
}  # fmt: skip
SVG_CHILDREN_OK = {"path", "g", "circle", "rect", "ellipse", "line", "polyline", "polygon",
                   "title", "desc", "defs", "lineargradient", "radialgradient", "stop",
                   "clippath", "mask", "symbol",
                   # The evidence charts' labels (generator/render/charts.py): text only.
                   "text"}  # fmt: skip
LABEL_CLASSES = {"md-ellipsis", "md-footer__direction", "md-nav__icon", "md-icon", "md-tag"}
BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "title",
    "blockquote", "figcaption", "summary", "label", "option", "button", "caption",
    "div", "nav", "header", "footer", "section", "article", "body", "pre", "ul", "ol",
    "table", "tr", "details", "aside", "main", "html", "[document]",
}  # fmt: skip


def normalise(text: str) -> str:
    return " ".join(text.split())


def url_scheme(value: str) -> str:
    """The scheme a browser would see: tabs and newlines removed, C0 and spaces stripped."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08"
        "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15"
        "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    return cleaned.lower()


def markers_in(text: str) -> list[str]:
    found = _MARKER.findall(text)
    found += [f"KK{int(n):04d}" for n in _SCRIPT_MARK.findall(text)]
    return list(dict.fromkeys(found))


def _context_markers(element: Tag | None) -> list[str]:
    for _ in range(4):
        if element is None:
            break
        found = markers_in(str(element)[:20000])
        if found:
            return found
        element = element.parent
    return []


def signature(element: Tag) -> str:
    attrs = " ".join(
        f'{k}="{" ".join(v) if isinstance(v, list) else v}"'
        for k, v in sorted(element.attrs.items())
    )
    return f"<{element.name} {attrs}>"


@dataclass
class Baseline:
    """What a clean build of the same fixture contains: the theme's own scripts and widgets."""

    inline_scripts: set[str] = field(default_factory=set)
    signatures: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    search_tags: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, site: Path) -> Baseline:
        baseline = cls()
        for path in site.rglob("*.html"):
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for element in soup.find_all(True):
                if element.name == "script" and not element.get("src"):
                    baseline.inline_scripts.add(element.get_text())
                elif element.name == "style":
                    baseline.styles.add(element.get_text())
                if element.name in NEVER_FROM_CONTENT or element.attrs.get("style"):
                    baseline.signatures.add(signature(element))
        tags = site / "tags.json"
        if tags.is_file():
            for mapping in json.loads(tags.read_text(encoding="utf-8")).get("mappings", []):
                soup = BeautifulSoup(mapping.get("item", {}).get("title", ""), "html.parser")
                baseline.search_tags |= {element.name for element in soup.find_all(True)}
        return baseline


class SiteScan:
    """Every check over one built site; `findings` lists what is wrong."""

    def __init__(self, site: Path, hostile: Hostile, baseline: Baseline) -> None:
        self.site = site
        self.hostile = hostile
        self.baseline = baseline
        self.findings: list[Finding] = []
        self.plain = {
            slot.marker: normalise(slot.value)
            for slot in hostile.slots.values()
            if not slot.field.markdown and not slot.field.url
        }
        self.literal = hostile.slots and next(iter(hostile.slots.values())).payload not in {
            p.name for p in PAYLOADS if p.refusable == "control"
        }

    def add(self, file: str, what: str, found: str, markers: Any) -> None:
        """Record a finding; `markers` is a list, or the element to look for markers around."""
        if isinstance(markers, Tag):
            # Past a few hundred findings the report is long enough; spare the search.
            markers = _context_markers(markers) if len(self.findings) < 500 else []
        self.findings.append(Finding(file, what, found, list(markers)))

    def run(self) -> list[Finding]:
        for path in sorted(self.site.rglob("*")):
            if not path.is_file():
                continue
            relpath = path.relative_to(self.site).as_posix()
            if path.suffix == ".html":
                text = path.read_text(encoding="utf-8")
                self.check_characters(relpath, text)
                self.check_html(relpath, text)
                self.check_tokens(relpath, text)
            elif path.suffix == ".json":
                text = path.read_text(encoding="utf-8")
                self.check_characters(relpath, text)
                self.check_json(relpath, text)
            elif path.suffix == ".pf_fragment":
                self.check_fragment(relpath, decode_fragment(path))
            elif path.suffix == ".xml":
                text = path.read_text(encoding="utf-8")
                self.check_characters(relpath, text)
                self.check_xml(relpath, text)
            elif path.suffix == ".ics":
                # Bytes: text mode would hide a bare CR that ends a line early.
                text = path.read_bytes().decode("utf-8")
                # Unfolded first: a fold may fall inside an emoji sequence (after a ZWJ).
                self.check_characters(relpath, re.sub(r"\r\n[ \t]", "", text))
                self.check_ics(relpath, text)
        return self.findings

    # -- characters

    def check_characters(self, relpath: str, text: str) -> None:
        for match in FORBIDDEN_CHARS.finditer(text):
            if match.group() == "\u200d" and EMOJI_JOINER.match(text, match.start()):
                continue  # joins two emoji into one picture (👩🏽‍💻)
            start = max(0, match.start() - 80)
            context = text[start : match.end() + 80]
            self.add(
                relpath,
                f"control/invisible character U+{ord(match.group()):04X} in the output",
                repr(context),
                markers_in(text[max(0, match.start() - 2000) : match.end() + 200])[-1:],
            )

    # -- HTML, first parser: BeautifulSoup with html.parser

    def check_html(self, relpath: str, text: str) -> None:
        soup = BeautifulSoup(text, "html.parser")
        self.check_elements(relpath, soup, theme=True)
        self.check_title(relpath, text, soup)
        self.check_meta_description(relpath, soup)
        self.check_header_and_nav(relpath, soup)
        self.check_admonitions(relpath, soup)
        if self.literal:
            self.check_literal(relpath, soup)
        self.check_page_expectations(relpath, soup)
        self.check_search_attributes(relpath, soup)

    def check_elements(self, relpath: str, soup: BeautifulSoup, *, theme: bool) -> None:
        for element in soup.find_all(True):
            markers = element
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    self.add(
                        relpath, f"event-handler attribute `{name}`", signature(element), markers
                    )
                lowered = url_scheme(value)
                if name.lower() in URL_ATTRIBUTES or name.lower().endswith("href"):
                    if (
                        lowered.startswith(BAD_SCHEMES)
                        and signature(element) not in self.baseline.signatures
                    ):
                        self.add(
                            relpath,
                            f"`{lowered.split(':')[0]}:` URL in `{name}`",
                            signature(element),
                            markers,
                        )
                    self.check_host(relpath, element, name.lower(), value, markers)
                if name.lower() == "srcdoc":
                    self.add(relpath, "`srcdoc` attribute", signature(element), markers)
                if (
                    name.lower() == "style"
                    and re.search(r"url\(|expression\(|@import", value, re.I)
                    and signature(element) not in self.baseline.signatures
                ):
                    self.add(
                        relpath, "style attribute loading a resource", signature(element), markers
                    )
            tag = element.name.lower()
            if tag == "script":
                if element.get("src"):
                    self.check_own_asset(relpath, element, element["src"], markers)
                elif element.get("type") == "application/ld+json" and not element.attrs.keys() - {
                    "type"
                }:
                    self.check_jsonld(relpath, element.get_text(), "")
                elif element.get_text() not in self.baseline.inline_scripts:
                    self.add(
                        relpath,
                        "inline script not in the theme's clean build",
                        str(element),
                        markers,
                    )
            elif tag == "style":
                if element.get_text() not in self.baseline.styles:
                    self.add(relpath, "style element from content", str(element), markers)
            elif tag == "svg":
                for child in element.find_all(True):
                    if child.name.lower() not in SVG_CHILDREN_OK:
                        self.add(relpath, f"`<{child.name}>` inside an SVG", str(element), markers)
            elif tag == "meta" and set(element.attrs) == {"name", "content"}:
                pass  # the description and the like: attribute values, checked on their own
            elif (
                tag == "link"
                and element.get("rel") == ["canonical"]
                and str(element.get("href", "")).startswith(SITE_URL)
            ):
                pass  # every page's own address, also on pages a clean build does not have
            elif tag in NEVER_FROM_CONTENT and signature(element) not in self.baseline.signatures:
                self.add(
                    relpath,
                    f"`<{tag}>` element that is not the theme's own",
                    signature(element),
                    markers,
                )
            if (
                tag == "meta"
                and element.get("http-equiv")
                and signature(element) not in self.baseline.signatures
            ):
                self.add(relpath, "`<meta http-equiv>`", signature(element), markers)
        del theme

    def check_host(self, relpath: str, element: Tag, name: str, value: str, markers) -> None:
        value = value.strip()
        if name == "srcset" or name == "imagesrcset":
            urls = [part.split()[0] for part in value.split(",") if part.split()]
        else:
            urls = [value]
        for url in urls:
            lowered = url_scheme(url)
            if re.match(r"^[/\\]{2}|^/\\|^\\", lowered):
                self.add(
                    relpath,
                    f"`{name}` leaves the site through a path-like URL",
                    signature(element),
                    markers,
                )
                continue
            parts = urlsplit(lowered)
            if not parts.scheme:
                continue
            loads = name in LOADING_ATTRIBUTES or element.name in {"link", "script", "image", "use"}
            if element.name == "a" and name == "href":
                # The contributor guide points to `make serve` on the loopback address.
                local = parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost"}
                if parts.scheme not in {"https", "mailto"} and not local:
                    self.add(
                        relpath, f"link with scheme `{parts.scheme}:`", signature(element), markers
                    )
            elif (
                loads
                and parts.hostname != SITE_HOST
                and signature(element) not in self.baseline.signatures
            ):
                self.add(
                    relpath,
                    f"loads from another host ({parts.hostname})",
                    signature(element),
                    markers,
                )

    def check_own_asset(self, relpath: str, element: Tag, src: str, markers) -> None:
        site_path = urlsplit(SITE_URL).path
        if src.startswith(site_path):  # 404.html links from the site's root path
            target = self.site / src[len(site_path) :].split("?")[0]
        elif urlsplit(src).scheme or src.startswith(("/", "\\")):
            self.add(
                relpath, "script loaded from outside the site's assets", signature(element), markers
            )
            return
        else:
            target = (self.site / relpath).parent / src.split("?")[0]
        if not target.resolve().is_file() or self.site.resolve() not in target.resolve().parents:
            self.add(
                relpath,
                "script src is not one of the site's own files",
                signature(element),
                markers,
            )

    def check_title(self, relpath: str, text: str, soup: BeautifulSoup) -> None:
        raw = re.search(r"<title>(.*?)</title>", text, re.S | re.I)
        if raw and "<" in raw.group(1):
            self.add(
                relpath,
                "raw `<` inside <title> (markup in the title)",
                raw.group(0),
                markers_in(raw.group(0)),
            )
        title = soup.find("title")
        if title and title.find(True):
            self.add(relpath, "element inside <title>", str(title), markers_in(str(title)))
        titles = soup.find_all("title")
        head_titles = [t for t in titles if not t.find_parent("svg")]
        if len(head_titles) > 1:
            self.add(
                relpath,
                "more than one <title>",
                " | ".join(map(str, head_titles))[:400],
                markers_in(text[:3000]),
            )

    def check_meta_description(self, relpath: str, soup: BeautifulSoup) -> None:
        metas = soup.find_all("meta", attrs={"name": "description"})
        if len(metas) > 1:
            self.add(relpath, "more than one meta description", " | ".join(map(str, metas)), [])

    def check_header_and_nav(self, relpath: str, soup: BeautifulSoup) -> None:
        for topic in soup.select(".md-header__topic"):
            for child in topic.find_all(True):
                if not (child.name == "span" and "md-ellipsis" in child.get("class", [])):
                    self.add(
                        relpath,
                        f"`<{child.name}>` inside the header topic",
                        str(topic),
                        _context_markers(topic),
                    )
        labels = "nav .md-nav__link, nav .md-nav__title, .md-footer__title, .md-tag, .md-path"
        for label in soup.select(labels):
            if not _MARKER.search(label.get_text()):
                continue
            for child in label.find_all(True):
                if not _MARKER.search(child.get_text()):
                    continue
                classes = set(child.get("class", []))
                if child.name not in {"span", "div"} or classes - LABEL_CLASSES:
                    self.add(
                        relpath,
                        f"`<{child.name}>` inside a navigation label or tag",
                        str(label)[:600],
                        label,
                    )

    def check_admonitions(self, relpath: str, soup: BeautifulSoup) -> None:
        # The templates' own notices ("Modul diarsipkan", "Hak 20 JP per tahun") may quote
        # curriculum text in their body; a notice whose title is curriculum text, or the
        # payload's fake "Palsu" notice, was made by an editor's text.
        for box in soup.select(".admonition"):
            title = box.select_one(".admonition-title")
            title_text = title.get_text() if title else ""
            markers = markers_in(title_text)
            if markers or title_text.strip() == "Palsu":
                self.add(relpath, "admonition made from curriculum text", str(box)[:600], markers)

    def check_literal(self, relpath: str, soup: BeautifulSoup) -> None:
        """A plain-text value shows exactly as written wherever its marker shows."""
        seen: set[tuple[int, str]] = set()
        for string in soup.find_all(string=_MARKER):
            if isinstance(string, NavigableString) and string.parent.name in {"script", "style"}:
                continue
            block = string.parent
            while block.name not in BLOCKS and block.parent is not None:
                block = block.parent
            text = normalise(block.get_text())
            for marker in _MARKER.findall(string):
                expected = self.plain.get(marker)
                if expected is None or expected in text or (id(block), marker) in seen:
                    continue
                seen.add((id(block), marker))
                self.add(
                    relpath,
                    f"plain text not shown literally in <{block.name}> (expected {expected!r})",
                    str(block)[:600],
                    [marker],
                )
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if name in {"id", "href", "class", "for", "name"}:
                    continue
                value = normalise(" ".join(value) if isinstance(value, list) else value)
                for marker in _MARKER.findall(value):
                    expected = self.plain.get(marker)
                    if expected is not None and expected not in value:
                        self.add(
                            relpath,
                            f"plain text not literal in attribute `{name}`",
                            signature(element),
                            [marker],
                        )

    def check_page_expectations(self, relpath: str, soup: BeautifulSoup) -> None:
        """Module, pathway, track, framework and free pages: title, description, topic, tags."""
        if not self.literal:
            return
        expected = self.page_fields(relpath)
        if not expected:
            return
        title_value, summary, tags = expected
        title = soup.find("title")
        title_text = normalise(title.get_text()) if title else ""
        if title_value and not title_text.startswith(
            title_value.value and normalise(title_value.value)
        ):
            self.add(
                relpath,
                f"<title> does not start with the {title_value.field.name} value "
                f"{normalise(title_value.value)!r}",
                repr(title_text),
                [title_value.marker],
            )
        topic = soup.select('.md-header__topic[data-md-component="header-topic"]')
        if title_value and topic and normalise(topic[0].get_text()) != normalise(title_value.value):
            self.add(
                relpath,
                f"header topic is not the {title_value.field.name} value",
                str(topic[0])[:600],
                [title_value.marker],
            )
        if summary is not None:
            meta = soup.find("meta", attrs={"name": "description"})
            content = meta.get("content") if meta else None
            if content is None or normalise(content) != normalise(summary.value):
                self.add(
                    relpath,
                    f"meta description is not exactly the {summary.field.name} value "
                    f"{normalise(summary.value)!r}",
                    str(meta),
                    [summary.marker],
                )
        if tags:
            shown = [normalise(tag.get_text()) for tag in soup.select(".md-tags .md-tag")]
            for tag in tags:
                if normalise(tag.value) not in shown:
                    self.add(
                        relpath,
                        f"tag {normalise(tag.value)!r} missing from the page's tag list",
                        repr(shown),
                        [tag.marker],
                    )

    def page_fields(self, relpath: str):
        """(title slot, summary slot or None, tag slots) for a page built from one file."""
        match = re.match(
            r"^(modul|jalur-belajar|jalur|kompetensi|halaman)/([^/]+)/index\.html$", relpath
        )
        if not match:
            return None
        section, slug = match.groups()
        source = {
            "modul": ("module", r"curriculum/modules/[^/]+/" + re.escape(slug) + r"\.yml"),
            "jalur-belajar": ("pathway", r"curriculum/pathways/" + re.escape(slug) + r"\.yml"),
            "jalur": ("track", r"curriculum/tracks/" + re.escape(slug) + r"\.yml"),
            "kompetensi": ("framework", r"curriculum/competencies/" + re.escape(slug) + r"\.yml"),
            "halaman": ("page", re.escape(HOSTILE_PAGE) if slug == "uji-hostile" else "^$"),
        }[section]
        slots = [s for s in self.hostile.slots.values() if re.fullmatch(source[1], s.file)]
        title = next((s for s in slots if s.loc in {"title", "H1"}), None)
        summary = next((s for s in slots if s.loc == "summary"), None)
        tags = [s for s in slots if re.fullmatch(r"tags\[\d+\]", s.loc)]
        if title is None:
            return None
        return title, summary, tags

    # -- JSON-LD (schema.org data in a script element)

    def check_jsonld(self, relpath: str, text: str, parser: str) -> None:
        """The script's text is JSON with every `<` escaped, so nothing in it can end the
        element early, and each field's text reads back exactly."""
        where = f"{parser}JSON-LD"
        markers = markers_in(text)
        if "<" in text:
            self.add(relpath, f"{where} holds a raw `<`", text[:400], markers)
        try:
            data = json.loads(text)
        except ValueError as exc:
            self.add(relpath, f"{where} does not parse", f"{exc}: {text[:300]}", markers)
            return
        if not isinstance(data, dict) or data.get("@context") != "https://schema.org":
            self.add(relpath, f"{where} is not schema.org data", text[:300], markers)
        if self.literal:
            self.check_exact_strings(relpath, data, where)

    def check_exact_strings(self, relpath: str, data: Any, where: str) -> None:
        for value in _strings(data):
            for marker in _MARKER.findall(value):
                expected = self.plain.get(marker)
                if expected is not None and normalise(value) != expected:
                    self.add(
                        relpath,
                        f"{where} value is not exactly the field's text {expected!r}",
                        repr(value),
                        [marker],
                    )

    # -- iCalendar: icalendar's parser, then a second reading of the raw content lines

    def check_ics(self, relpath: str, text: str) -> None:
        markers = markers_in(text)
        try:
            calendar = icalendar.Calendar.from_ical(text)
        except ValueError as exc:
            self.add(relpath, "iCalendar does not parse", str(exc), markers)
            return
        components = [c.name for c in calendar.walk()]
        if components.count("VCALENDAR") != 1 or not set(components) <= ICS_COMPONENTS:
            self.add(relpath, "unexpected iCalendar components", repr(components), markers)
        if self.literal:
            for event in calendar.walk("VEVENT"):
                for key in ("SUMMARY", "LOCATION"):
                    if key in event:
                        self.check_exact_strings(relpath, str(event[key]), f"iCalendar {key}")
        self.check_ics_lines(relpath, text)

    def check_ics_lines(self, relpath: str, text: str) -> None:
        """RFC 5545 by hand: CRLF lines, folded lines start with a space, each content line
        is NAME[;PARAM=VALUE]*:VALUE with a known name, and BEGIN/END nest."""
        if not text.endswith("\r\n") or re.search(r"\r(?!\n)|(?<!\r)\n", text):
            self.add(relpath, "[second parser] iCalendar line not ended by CRLF", "", [])
        unfolded = re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]
        stack: list[str] = []
        events = 0
        for line in unfolded:
            match = ICS_LINE.match(line)
            if not match:
                self.add(relpath, "[second parser] malformed content line", line[:300], [])
                continue
            name, value = match.group("name").upper(), match.group("value")
            if name not in ICS_PROPERTIES:
                self.add(relpath, f"[second parser] unexpected property {name}", line[:300], [])
            if name == "BEGIN":
                stack.append(value)
                events += value == "VEVENT"
            elif name == "END" and (not stack or stack.pop() != value):
                self.add(relpath, "[second parser] BEGIN/END do not nest", line[:300], [])
            if name in {"SUMMARY", "LOCATION", "DESCRIPTION"} and re.search(r"(?<!\\)[;,]", value):
                self.add(relpath, f"[second parser] unescaped `;` or `,` in {name}", line, [])
        if stack:
            self.add(relpath, "[second parser] components left open", repr(stack), [])
        if events != text.count("\r\nBEGIN:VEVENT\r\n"):
            self.add(relpath, "[second parser] events counted differently", str(events), [])

    # -- HTML, second parser: a tokenizer after the HTML standard's tag and attribute states

    def check_tokens(self, relpath: str, text: str) -> None:
        for tag, attrs, start in html_start_tags(text):
            if tag == "script" and dict(attrs).get("type") == "application/ld+json":
                end = re.compile(r"</script[\t\n\f\r />]", re.I).search(text, start)
                body_start = text.find(">", start) + 1
                body = text[body_start : end.start() if end else len(text)]
                self.check_jsonld(relpath, body, "[second parser] ")
            context = text[max(0, start - 300) : start + 300]
            markers = markers_in(context)
            for name, value in attrs:
                if name.startswith("on"):
                    self.add(
                        relpath,
                        f"[second parser] event-handler attribute `{name}` on <{tag}>",
                        text[start : start + 300],
                        markers,
                    )
                if name in URL_ATTRIBUTES and url_scheme(value).startswith(BAD_SCHEMES):
                    self.add(
                        relpath,
                        f"[second parser] dangerous URL in `{name}` on <{tag}>",
                        text[start : start + 300],
                        markers,
                    )
            if tag in {"iframe", "object", "embed", "base", "frame", "applet", "portal"}:
                self.add(
                    relpath, f"[second parser] <{tag}> element", text[start : start + 300], markers
                )

    # -- JSON

    def check_json(self, relpath: str, text: str) -> None:
        try:
            data = json.loads(text)
        except ValueError as exc:
            self.add(relpath, "JSON does not parse", str(exc), markers_in(text[:2000]))
            return
        if relpath == "catalog.json":
            # Read a second way, as a learning platform would: against its published schema.
            schema = json.loads((self.site / "catalog.schema.json").read_text(encoding="utf-8"))
            for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
                where = "/".join(str(part) for part in error.absolute_path)
                self.add(relpath, f"[schema] {where}: {error.message}"[:300], "", markers_in(text))
        if relpath == "tags.json":
            for mapping in data.get("mappings", []):
                title = BeautifulSoup(mapping.get("item", {}).get("title", ""), "html.parser")
                self.check_search_html(f"{relpath} item title", title)
        if not self.literal:
            return
        for value in _strings(data):
            for marker in _MARKER.findall(value):
                expected = self.plain.get(marker)
                if expected is None:
                    continue
                if relpath.startswith("luring/"):
                    # Offline manifests: page titles as plain text ("Jalur belajar X", "A — B").
                    if expected not in normalise(value):
                        self.add(
                            relpath,
                            f"title does not hold the field's text {expected!r}",
                            repr(value),
                            [marker],
                        )
                elif relpath.startswith(("assets/", "catalog")):
                    # Our own data files hold the text itself; scripts insert it as text.
                    if normalise(value) != expected:
                        self.add(
                            relpath,
                            f"data value is not exactly the field's text {expected!r}",
                            repr(value),
                            [marker],
                        )
                elif expected not in normalise(html.unescape(value)):
                    self.add(
                        relpath,
                        f"value does not hold the field's text {expected!r}",
                        repr(value),
                        [marker],
                    )

    def check_search_html(self, where: str, soup: BeautifulSoup) -> None:
        for element in soup.find_all(True):
            markers = element
            if element.name not in self.baseline.search_tags:
                self.add(
                    where,
                    f"`<{element.name}>` element (rendered as HTML by the search UI)",
                    str(element)[:400],
                    markers,
                )
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    self.add(
                        where, f"event-handler attribute `{name}`", signature(element), markers
                    )
                if url_scheme(value).startswith(BAD_SCHEMES):
                    self.add(where, f"dangerous URL in `{name}`", signature(element), markers)
        if self.literal:
            text = normalise(soup.get_text())
            for marker in _MARKER.findall(text):
                expected = self.plain.get(marker)
                if expected is not None and expected not in text:
                    self.add(
                        where,
                        f"plain text not literal (expected {expected!r})",
                        text[:400],
                        [marker],
                    )

    # -- search: Pagefind's attributes in the pages and the records it built from them

    def check_search_attributes(self, relpath: str, soup: BeautifulSoup) -> None:
        """Pagefind's metadata, filters and sort keys: fixed names, text-only values."""
        for name in SEARCH_ATTRIBUTES:
            for element in soup.find_all(attrs={name: True}):
                if element[name] not in SEARCH_KEYS:
                    self.add(
                        relpath,
                        f"`{name}` with a name not the generator's",
                        signature(element),
                        element,
                    )
                if element.find(True) is not None:
                    self.add(
                        relpath, f"markup inside a `{name}` value", str(element)[:400], element
                    )
                if element.find_parent(attrs={"data-pagefind-body": True}) is None:
                    self.add(
                        relpath,
                        f"`{name}` outside the indexed content",
                        signature(element),
                        element,
                    )

    def check_fragment(self, relpath: str, record: dict) -> None:
        """One page's search record. The dialog shows every value as text, so each must hold
        the field's text itself: an escaped `&lt;` would show as `&lt;`, markup as markup."""
        url = record.get("url", "")
        if not url.startswith("/") or url.startswith("//") or urlsplit(url).scheme:
            self.add(relpath, "search result URL leaves the site", url, markers_in(str(record)))
        if not self.literal:
            return
        values = [record.get("content", "")]
        values += list((record.get("meta") or {}).values())
        values += [v for vs in (record.get("filters") or {}).values() for v in vs]
        for value in values:
            for marker in _MARKER.findall(value):
                expected = self.plain.get(marker)
                if expected is not None and expected not in normalise(value):
                    self.add(
                        relpath,
                        f"search record does not hold the field's text {expected!r}",
                        repr(value[:400]),
                        [marker],
                    )

    # -- XML

    def check_xml(self, relpath: str, text: str) -> None:
        try:
            tree = ET.fromstring(text.encode("utf-8"))
        except ET.ParseError as exc:
            self.add(relpath, "XML does not parse", str(exc), markers_in(text[:2000]))
            return
        for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            if not (loc.text or "").startswith(SITE_URL):
                self.add(
                    relpath,
                    "sitemap entry outside the site",
                    loc.text or "",
                    markers_in(loc.text or ""),
                )


# What the calendars may contain (generator/render/calendars.py), and the shape of a content line.
ICS_COMPONENTS = {"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VEVENT"}
ICS_PROPERTIES = {
    "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
    "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "TZNAME", "TZOFFSETFROM", "TZOFFSETTO",
    "DTSTART", "DTEND", "DTSTAMP", "UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "RDATE",
    "RRULE",
}  # fmt: skip
ICS_LINE = re.compile(
    r'^(?P<name>[A-Za-z0-9-]+)(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*'
    r":(?P<value>.*)$"
)


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


# The HTML standard's tokenizer, reduced to what decides which elements and attributes
# exist: data, tag open, tag name, attributes (names, quoted and unquoted values), comments,
# and the raw text of script/style and the escapable raw text of title/textarea.
_RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "title", "textarea"}


def html_start_tags(text: str) -> Iterator[tuple[str, list[tuple[str, str]], int]]:
    i, n = 0, len(text)
    while True:
        i = text.find("<", i)
        if i < 0 or i + 1 >= n:
            return
        start = i
        nxt = text[i + 1]
        if text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            i = n if end < 0 else end + 3
            continue
        if nxt in "!?":
            end = text.find(">", i)
            i = n if end < 0 else end + 1
            continue
        if nxt == "/":
            end = text.find(">", i)
            i = n if end < 0 else end + 1
            continue
        if not nxt.isascii() or not nxt.isalpha():
            i += 1
            continue
        i += 1
        j = i
        while j < n and text[j] not in "\t\n\f\r />":
            j += 1
        tag = text[i:j].lower()
        attrs: list[tuple[str, str]] = []
        i = j
        while i < n:
            while i < n and text[i] in "\t\n\f\r /":
                i += 1
            if i >= n or text[i] == ">":
                i += 1
                break
            j = i + 1  # an attribute name may start with "="
            while j < n and text[j] not in "\t\n\f\r />=":
                j += 1
            name = text[i:j].lower()
            i = j
            while i < n and text[i] in "\t\n\f\r ":
                i += 1
            value = ""
            if i < n and text[i] == "=":
                i += 1
                while i < n and text[i] in "\t\n\f\r ":
                    i += 1
                if i < n and text[i] in "\"'":
                    end = text.find(text[i], i + 1)
                    end = n if end < 0 else end
                    value = text[i + 1 : end]
                    i = end + 1
                else:
                    j = i
                    while j < n and text[j] not in "\t\n\f\r >":
                        j += 1
                    value = text[i:j]
                    i = j
            attrs.append((name, html.unescape(value)))
        yield tag, attrs, start
        if tag in _RAW_TEXT:
            end = re.compile(rf"</{tag}[\t\n\f\r />]", re.I).search(text, i)
            i = n if end is None else end.start()
