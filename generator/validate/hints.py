"""What an editor probably meant: the format's value for what they wrote in Indonesian.

Editors think in Indonesian (`status: aktif`, `required: tidak`, `mode: penugasan`); the
format's values are the English codes. The words come from the labels readers see for
each value (format.py), so a new value brings its own hint; a few words that are no
label (`wajib`, `ya`, the number words) are listed here.
"""

from __future__ import annotations

import re
from functools import cache

from generator.format import models as fmt
from generator.load.files import slug_suggestion

_BOOLEANS = {
    **dict.fromkeys(["ya", "yes", "y", "on", "benar", "betul", "wajib", "aktif", "ada"], "true"),
    **dict.fromkeys(
        ["tidak", "no", "n", "off", "salah", "bukan", "pilihan", "opsional", "tidak ada"], "false"
    ),
}
_NUMBERS = {
    word: str(value)
    for value, word in enumerate(
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    )
}
# Words editors use that no label holds, by the value they mean.
_MORE_WORDS = {
    "arsip": "archived",
    "diarsip": "archived",
    "konsep": "draft",
    "daring": "webinar",
    "luring": "classroom",
    "klasikal": "classroom",
    "magang": "on-the-job",
    "semua-asn": "semua",
    "pemula": "dasar",
    "mahir": "lanjut",
    "pdf": "document",
    "dokumen": "document",
    "docx": "document",
    "ppt": "slides",
    "pptx": "slides",
    "presentasi": "slides",
    "paparan": "slides",
    "youtube": "video",
    "tautan": "link",
    "situs": "link",
    "rekaman": "recording",
}


def _label_tables() -> list[dict[str, str]]:
    return [
        {mode: label for mode, (label, _group) in fmt.MODES.items()},
        fmt.AUDIENCES,
        fmt.LEVELS,
        fmt.STATUSES,
        fmt.RESOURCE_KINDS,
    ]


@cache
def _words(choices: tuple[str, ...]) -> dict[str, str]:
    """Each word of the labels of `choices` (when one value's only) by its value."""
    for table in _label_tables():
        if set(choices) == set(table):
            break
    else:
        return {}
    found: dict[str, set[str]] = {}
    for value, label in table.items():
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", label.lower())
        for word in {label.lower(), *words}:
            if len(word) >= 4 and word not in table:
                found.setdefault(word, set()).add(value)
    words = {word: values.pop() for word, values in found.items() if len(values) == 1}
    words.update({word: value for word, value in _MORE_WORDS.items() if value in table})
    return words


def choice_hint(value: str, choices: list[str]) -> str | None:
    """The format's value for an Indonesian word, or None."""
    return _words(tuple(choices)).get(value.strip().lower())


def boolean_hint(value: str) -> str | None:
    return _BOOLEANS.get(value.strip().lower())


def integer_hint(value: str) -> str | None:
    """`60 menit` → `60`, `empat` → `4`; None when no number shows."""
    lowered = value.strip().lower()
    if lowered in _NUMBERS:
        return _NUMBERS[lowered]
    found = re.match(r"(\d+)(\s*[^\d.,\s].*)?$", lowered)
    return found.group(1) if found else None


# A duration written with its unit: `2 JP`, `1,5 jam`, `90 menit`.
_DURATION = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(jp|jam pelajaran|jam|j|menit|mnt|min|minutes?)\.?",
    re.IGNORECASE,
)
_HOUR_UNITS = {"jam", "j"}
_JP_UNITS = {"jp", "jam pelajaran"}


def duration_hint(value: str, jp_minutes: int) -> dict | None:
    """`2 JP` → 2 JP is 90 minutes: the minutes that keep the meaning, never the bare number
    (`2` would publish a 2-minute activity). None when no whole number of minutes shows."""
    found = _DURATION.fullmatch(value.strip())
    if found is None:
        return None
    amount, unit = float(found.group(1).replace(",", ".")), found.group(2).lower()
    if unit in _JP_UNITS:
        minutes = amount * jp_minutes
    elif unit in _HOUR_UNITS:
        minutes = amount * 60
    else:
        return None  # `60 menit`: the bare number is already right
    if minutes != int(minutes) or minutes <= 0:
        return None
    return {
        "amount": found.group(1),
        "unit": "jam" if unit in _HOUR_UNITS else "JP",
        "minutes": int(minutes),
        "jp_minutes": jp_minutes,
    }


def slug_hint(value: str) -> str | None:
    """A valid id close to what was written, or None."""
    suggestion = slug_suggestion(value)
    return suggestion if suggestion and re.fullmatch(fmt.SLUG_PATTERN, suggestion) else None


def ref_hint(value: str) -> str | None:
    framework, _, competency = value.partition("/")
    parts = [slug_hint(framework), slug_hint(competency)]
    return "/".join(parts) if all(parts) else None
