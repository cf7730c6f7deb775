"""One file against its format model: pydantic's errors as located Indonesian problems.

`check_document` validates one document; every model error becomes a `Problem` at the
key or value it is about, with a catalogue code and the fields its wording needs.
`loc_label` and `close_match` are shared with the cross-file rules.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from generator.format import models as fmt
from generator.load.documents import Document, Loc
from generator.problems import messages
from generator.problems.messages import describe_type
from generator.problems.report import Problem, error
from generator.text import zones
from generator.validate import hints


def check_document(document: Document, jp_minutes: int = 45) -> tuple[Any, list[Problem]]:
    """Validate one document against its format model (`jp_minutes` reads `2 JP`)."""
    model_class = fmt.FORMAT_MODELS[document.kind]
    try:
        return model_class.model_validate(document.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        typos = _typo_fixes(model_class, errors)
        return None, [
            _translate(document, model_class, details, jp_minutes)
            for details in errors
            if not (details["type"] == "missing" and tuple(details["loc"]) in typos)
        ]


def _typo_fixes(model_class: type[BaseModel], errors: list[dict]) -> set[Loc]:
    """Locations of missing fields that an unknown key nearby already suggests.

    `objective:` for `objectives:` is one mistake: the unknown key's "did you mean" says
    it all, so the missing `objectives` is not reported as well.
    """
    fixes = set()
    for details in errors:
        if details["type"] == "extra_forbidden":
            parent = tuple(details["loc"][:-1])
            match = close_match(str(details["loc"][-1]), _field_names(model_class, parent))
            if match:
                fixes.add((*parent, match))
    return fixes


def _translate(
    document: Document, model_class: type[BaseModel], details: dict, jp_minutes: int = 45
) -> Problem:
    loc = tuple(details["loc"])
    kind = details["type"]
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    label = loc_label(loc)
    value = details.get("input")
    if kind == "missing":
        parent = loc[:-1]
        return document.error(
            parent,
            "field-missing",
            field=str(loc[-1]),
            parent=loc_label(parent) if parent else None,
        )
    if kind == "extra_forbidden" and _personal(document, loc):
        return document.error(loc, "outcome-personal-data", key=True, field=str(loc[-1]))
    if kind == "extra_forbidden":
        allowed = _field_names(model_class, loc[:-1])
        return error(
            document.path,
            document.key_position(loc),
            "field-unknown",
            field=str(loc[-1]),
            parent=loc_label(loc[:-1]) if loc[:-1] else None,
            suggestion=close_match(str(loc[-1]), allowed),
            allowed=allowed,
        )
    position = document.key_position(loc) if is_key else document.position(loc)
    span = document.span(loc)
    subject = (
        messages.subject(str(loc[-1]), loc_label(loc[:-1])) if is_key else messages.subject(label)
    )
    # YAML 1.1 typed a plain scalar (10:30, no, 2026-12-01): say what was written and how
    # YAML read it, and when text was expected tell the editor to quote it.
    retyped = (
        span.source is not None
        and kind in ("string_type", "literal_error")
        and not isinstance(value, str | dict | list)
        and not is_key
    )
    found = messages.found_unquoted(span.source, value) if retyped else describe_type(value)
    # A key of digits that is text was quoted (YAML reads plain digits as a number); the
    # span's own flag is about the value under the key.
    quoted = isinstance(value, str) and value.isdigit() if is_key else span.quoted
    code, fields = _type_problem(kind, details, value, found, quoted=quoted)
    duration = (
        hints.duration_hint(value, jp_minutes)
        if code == "value-not-integer" and loc[-1] == "minutes" and isinstance(value, str)
        else None
    )
    if duration:
        fields = {"found": found, "quoted": False, "suggestion": None, "duration": duration}
    if retyped and kind == "string_type":
        fields["quote"] = span.source
    if value is None and not is_key and loc and isinstance(loc[-1], str) and span.source == "":
        # `title:` with nothing, or `title: #1 Etika`, where `#` starts a YAML comment: the
        # value is empty, and quoting nothing (`""`) is no fix.
        line = document.text.split("\n")[position[0] - 1] if document.text else ""
        comment = line.partition(f"{loc[-1]}:")[2].strip()
        if comment.startswith("#"):
            return error(
                document.path,
                position,
                "value-comment",
                subject=subject,
                key=loc[-1],
                text=comment[:60],
            )
        return error(document.path, position, "value-blank", subject=subject, key=loc[-1])
    if isinstance(value, str) and code in ("value-not-list", "value-not-mapping"):
        fields["fix"] = _structure_fix(code, str(loc[-1]) if loc else "", value)
    return error(document.path, position, code, subject=subject, **fields)


def _structure_fix(code: str, key: str, value: str) -> str | None:
    """What to write where a list or mapping was meant but one line of text was written."""
    written = value.strip()
    if code == "value-not-mapping":
        found = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*):(\S.*)", written)
        return f"{found.group(1)}: {found.group(2)}" if found else None
    if written.startswith("-") and not written.startswith("- ") and len(written) > 1:
        return f"- {written[1:].strip()}"
    if "\n" not in written and not isinstance(key, int) and key:
        return f"{key}: [{written}]"
    return None


def _personal(document: Document, loc: Loc) -> bool:
    """An outcome file's key that names a person's data (`nama`, `nip`, `email` …)."""
    return (
        document.kind == "outcome"
        and bool(loc)
        and str(loc[-1]).strip().lower().replace("_", "-") in fmt.PERSONAL_KEYS
    )


def _type_problem(
    kind: str, details: dict, value: Any, found: str, *, quoted: bool = False
) -> tuple[str, dict]:
    """The catalogue code and fields (besides `subject`) for one model error."""
    ctx = details.get("ctx") or {}
    text = value if isinstance(value, str) else None
    if kind == "string_type":
        return "value-not-text", {"found": found}
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if text is not None and _CURLY_QUOTED.fullmatch(text.strip()):
            # “45” pasted from a word processor: those quotes are letters to YAML.
            return "value-not-integer", {"found": found, "quoted": False, "curly": True}
        number = hints.integer_hint(text) if text is not None else None
        # "Remove the quotes" only for a number in quotes: `"60"`, not `60 menit` or `empat`.
        unquote = quoted and number == text.strip()
        return "value-not-integer", {
            "found": found,
            "quoted": unquote,
            "suggestion": None if unquote else number,
        }
    if kind == "bool_type":
        return "value-not-boolean", {
            "found": found,
            "suggestion": hints.boolean_hint(text) if text is not None else None,
        }
    if kind == "list_type":
        return "value-not-list", {"found": found}
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "value-not-mapping", {"found": found}
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        choices = [quoted or number for quoted, number in options]
        suggestion = None
        if text is not None and text in choices and text.isdigit():
            # `"1":` where the number 1 is meant: the quotes are the only thing wrong.
            return "value-not-choice", {
                "choices": choices,
                "found": found,
                "suggestion": None,
                "unquote": True,
            }
        if text is not None:
            suggestion = close_match(text, choices) or hints.choice_hint(text, choices)
        return "value-not-choice", {"choices": choices, "found": found, "suggestion": suggestion}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        hint = _pattern_hint(pattern, value)
        fields = {"pattern": fmt.PATTERN_NAMES.get(pattern), "found": found, "hint": hint}
        if hint == "seconds":
            fields["fix"] = value[:16]
        elif pattern == fmt.LOCAL_TIME_PATTERN and isinstance(value, str):
            if fix := _local_time_fix(value):
                fields["hint"], fields["fix"] = "local-time", fix
        elif text is not None and pattern in (fmt.SLUG_PATTERN, fmt.REF_PATTERN):
            slug = hints.slug_hint if pattern == fmt.SLUG_PATTERN else hints.ref_hint
            if suggestion := slug(text):
                fields["hint"], fields["suggestion"] = None, suggestion
        return "value-pattern", fields
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        hint = {200: "summary", fmt.MAX_MARKDOWN_CHARS: "markdown"}.get(limit)
        return "value-too-long", {"limit": limit, "length": len(value), "hint": hint}
    if kind == "markup_count":
        return "value-markup", {key: ctx.get(key) for key in ("count", "char", "limit")}
    if kind == "less_than_equal" and isinstance(value, int) and value > 10**12:
        # A number of a few hundred digits says nothing when printed whole.
        return "value-huge", {"limit": ctx.get("le"), "digits": len(str(value))}
    if kind == "string_too_short":
        return "value-empty", {}
    if kind == "too_short":
        return "value-too-few", {"minimum": ctx.get("min_length")}
    if kind == "greater_than":
        return "value-not-greater", {"limit": ctx.get("gt"), "found": found}
    if kind == "greater_than_equal":
        return "value-too-small", {"limit": ctx.get("ge"), "found": found}
    if kind == "less_than_equal":
        return "value-too-large", {"limit": ctx.get("le"), "found": found}
    if kind == "timezone" and zones.offset_hours(str(value)) is not None:
        return "timezone-offset", {"zone": value, "suggestion": zones.zone_for_offset(str(value))}
    if kind == "timezone":
        by_label = {label: zone for zone, label in zones.DISPLAY.items()}
        suggestion = by_label.get(str(value).strip().upper()) or close_match(
            str(value), sorted(fmt.timezone_names())
        )
        return "timezone-unknown", {"zone": value, "suggestion": suggestion}
    if kind == "date_unreal":
        return "date-unreal", {"value": ctx.get("value")}
    if kind == "datetime_unreal":
        return "datetime-unreal", {"value": ctx.get("value")}
    if kind == "session_year":
        return "session-year", {key: ctx.get(key) for key in ("year", "first", "last")}
    return "value-invalid", {"detail": details.get("msg"), "found": found}


_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_CURLY_QUOTED = re.compile(f"[{_CURLY}]+[^{_CURLY}]*[{_CURLY}]+")


_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T]+(\d{1,2})[:.](\d{2})")
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2})[:.](\d{2})")


def _local_time_fix(value: str) -> str | None:
    """`10-12-2026 09.00`, `2026-12-10 9:00` → `2026-12-10T09:00` (Indonesians write the
    day first); None when it is no date and time of that kind."""
    text = value.strip()
    if found := _YEAR_FIRST.fullmatch(text):
        year, month, day, hour, minute = found.groups()
    elif found := _DAY_FIRST.fullmatch(text):
        day, month, year, hour, minute = found.groups()
    else:
        return None
    fixed = f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{minute}"
    return fixed if fixed != text else None


def _pattern_hint(pattern: str | None, value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if pattern in (fmt.HTTPS_PATTERN, fmt.SITE_URL_PATTERN) and value.startswith("http://"):
        return "https"
    if pattern in (fmt.SLUG_PATTERN, fmt.REF_PATTERN) and value.strip().lower() != value:
        return "lowercase"
    if pattern == fmt.LOCAL_TIME_PATTERN and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", value):
        return "seconds"
    return None


# What an editor calls an item of each list, for positions counted from one in words
# ("kegiatan ke-2"): `activities[1]` counts from zero, which no editor does.
ITEM_NOUNS = {
    "activities": "kegiatan",
    "sessions": "sesi",
    "competencies": "kompetensi",
    "phases": "fase",
    "steps": "langkah",
    "objectives": "tujuan",
    "outcomes": "capaian",
    "audience": "sasaran",
    "speakers": "narasumber",
    "resources": "bahan",
    "engagement": "keterlibatan",
    "tags": "tag",
    "levels": "tingkat",
    "behaviours": "perilaku",
    "prerequisites": "prasyarat",
    "assumes": "modul `assumes`",
    "tracks": "jalur",
    "owners": "pemilik",
    "application": "tindak lanjut",
    "results": "indikator hasil",
}


def loc_label(loc: Loc) -> str:
    """Write a location as editors read it, with its own backticks: `minutes` pada kegiatan
    ke-2; a top-level list item (the glossary's) is an "istilah"."""
    tail: list[str] = []
    items: list[str] = []
    for part in loc:
        if isinstance(part, int) and not (tail and tail[-1] in ("kirkpatrick", "level_indicators")):
            key = tail.pop() if tail else None
            noun = ITEM_NOUNS.get(key) if key is not None else "istilah"
            where = f" `{'.'.join(tail)}`" if tail else ""
            items.append(f"{noun} ke-{part + 1}{where}" if noun else f"butir ke-{part + 1} `{key}`")
            tail = []
        else:
            tail.append(str(part))
    head = f"`{'.'.join(tail)}`" if tail else ""
    if not items:
        return head or "isi berkas"
    placed = " di ".join(reversed(items))
    return f"{head} pada {placed}" if head else placed


def close_match(value: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _field_names(model_class: type, loc: Loc) -> list[str]:
    target = _type_at(model_class, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _type_at(annotation: Any, loc: Loc) -> Any:
    """Follow a pydantic location through the model's annotations."""
    current = _unwrap(annotation)
    for part in loc:
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _unwrap(current.model_fields["root"].annotation)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if part not in current.model_fields:
                return None
            current = _unwrap(current.model_fields[part].annotation)
        elif typing.get_origin(current) in (list, dict):
            current = _unwrap(typing.get_args(current)[-1])
        else:
            return None
    if isinstance(current, type) and issubclass(current, RootModel):
        return _unwrap(current.model_fields["root"].annotation)
    return current


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        else:
            return annotation
