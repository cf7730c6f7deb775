"""`python -m generator outcomes import FILE.csv --module ID --delivered DATE`.

A training unit's per-person export (one row a person: pre score, post score, Likert
answers) becomes one aggregate outcome file. Nothing per person is ever written: the file
holds counts, means and standard deviations only; every column not mapped is named as
ignored; a column that holds names, NIP or e-mail addresses (by its header or by its
values) can never be mapped, and asking for it stops the command before anything is
written. Columns come from flags or, failing those, from a guess on the headers, which is
printed and written only after confirmation (`--yes`, or "y" at a terminal).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.format import models as fmt
from generator.format.schema import schema_line
from generator.problems.messages import say

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# Header words that name a person's data (checked on the lower-cased, spaced header).
_PERSONAL_HEADER = re.compile(
    r"\b(nama|name|nip|nik|e-?mail|surel|telepon|telp|hp|phone|alamat|address)\b"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NIP = re.compile(r"^\d{18}$")  # NIP ASN: 18 digits
# Header guesses: the first column whose header matches, for each target.
GUESSES: dict[str, re.Pattern[str]] = {
    "pre": re.compile(r"\b(pre|pretest|pre-test|sebelum)\b"),
    "post": re.compile(r"\b(post|posttest|post-test|sesudah)\b"),
    "relevance": re.compile(r"relevan"),
    "satisfaction": re.compile(r"puas|kepuasan|satisf"),
    "confidence": re.compile(r"yakin|percaya diri|confiden"),
    "commitment": re.compile(r"niat|komitmen|commit|berencana"),
}


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # target → column
    guessed: set[str] = field(default_factory=set)


def personal_kind(header: str, values: list[str]) -> str | None:
    """What personal data a column holds, by its header or its values, or None."""
    words = re.sub(r"[_./]+", " ", header.lower())
    found = _PERSONAL_HEADER.search(words)
    if found:
        return {"nip": "NIP", "nik": "NIK"}.get(found.group(1), "nama atau kontak")
    filled = [value.strip() for value in values if value.strip()]
    if filled and sum(bool(_EMAIL.match(v)) for v in filled) * 2 > len(filled):
        return "alamat surel"
    if filled and sum(bool(_NIP.match(v.replace(" ", ""))) for v in filled) * 2 > len(filled):
        return "NIP"
    return None


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _number(value: str) -> float | None:
    value = value.strip().replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return None


def aggregate(
    rows: list[dict[str, str]],
    mapping: Mapping,
    *,
    module: str,
    delivered: str,
    max_score: float,
    source: str,
    registered: int | None,
    attended: int | None,
    pass_score: float | None,
    example: bool,
) -> dict:
    """The outcome file's data: counts, means and SDs only."""
    data: dict = {"module": module, "delivered": delivered, "source": source}
    if example:
        data["example"] = True
    participation = {}
    if registered is not None:
        participation["registered"] = registered
    participation["attended_live"] = attended if attended is not None else len(rows)
    data["participation"] = participation
    items = {}
    answered = 0
    for row in rows:
        if any(_likert(row.get(mapping.columns.get(key, ""), "")) for key in fmt.REACTION_ITEMS):
            answered += 1
    for key in fmt.REACTION_ITEMS:
        column = mapping.columns.get(key)
        if column is None:
            continue
        counts = [0] * 5
        for row in rows:
            answer = _likert(row.get(column, ""))
            if answer:
                counts[answer - 1] += 1
        items[key] = counts
    if items:
        data["reaction"] = {"responses": answered, **items}
    if "pre" in mapping.columns and "post" in mapping.columns:
        pairs = [
            (pre, post)
            for row in rows
            if (pre := _number(row.get(mapping.columns["pre"], ""))) is not None
            and (post := _number(row.get(mapping.columns["post"], ""))) is not None
        ]
        if len(pairs) >= 2:
            pres = [pre for pre, _ in pairs]
            posts = [post for _, post in pairs]
            learning = {
                "max_score": max_score,
                "matched": len(pairs),
                "pre": {
                    "mean": _round(statistics.mean(pres)),
                    "sd": _round(statistics.stdev(pres)),
                },
                "post": {
                    "mean": _round(statistics.mean(posts)),
                    "sd": _round(statistics.stdev(posts)),
                },
                "diff_sd": _round(statistics.stdev(post - pre for pre, post in pairs)),
            }
            if pass_score is not None:
                learning["pass_score"] = pass_score
                learning["passed"] = sum(post >= pass_score for post in posts)
            data["learning"] = learning
    return data


def _likert(value: str) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number in (1, 2, 3, 4, 5) else None


def _round(value: float) -> float:
    return round(value, 2)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not re.fullmatch(fmt.SLUG_PATTERN, args.module):
        print(say("import-module-invalid", module=args.module), file=sys.stderr)
        return EXIT_USAGE
    try:
        datetime.date.fromisoformat(args.delivered)
    except ValueError:
        print(say("cli-date", value=args.delivered), file=sys.stderr)
        return EXIT_USAGE
    if not path.is_file():
        print(say("cli-file-missing", file=path), file=sys.stderr)
        return EXIT_USAGE
    try:
        headers, rows = read_rows(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        print(say("import-unreadable", file=path, reason=exc), file=sys.stderr)
        return EXIT_USAGE
    values = {header: [row.get(header) or "" for row in rows] for header in headers}
    personal = {h: kind for h in headers if (kind := personal_kind(h, values[h]))}
    mapping = Mapping()
    asked = {"pre": args.pre, "post": args.post}
    for item in args.item or []:
        key, _, column = item.partition("=")
        if key not in fmt.REACTION_ITEMS or not column:
            print(say("import-item-flag", item=item, keys=", ".join(fmt.REACTION_ITEMS)))
            return EXIT_USAGE
        asked[key] = column
    for target, column in asked.items():
        if column is None:
            continue
        if column not in headers:
            print(
                say("import-column-missing", column=column, file=path, columns=", ".join(headers)),
                file=sys.stderr,
            )
            return EXIT_USAGE
        if column in personal:
            print(
                say("import-personal-column", column=column, what=personal[column]),
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        mapping.columns[target] = column
    for target, pattern in GUESSES.items():
        if target in mapping.columns:
            continue
        for header in headers:
            if header in personal or header in mapping.columns.values():
                continue
            if pattern.search(header.lower()):
                mapping.columns[target] = header
                mapping.guessed.add(target)
                break
    if not mapping.columns:
        print(say("import-nothing", file=path), file=sys.stderr)
        return EXIT_PROBLEMS
    for target, column in mapping.columns.items():
        print(
            say(
                "import-column-map", column=column, target=target, guessed=target in mapping.guessed
            )
        )
    ignored = [header for header in headers if header not in mapping.columns.values()]
    if ignored:
        print(
            say(
                "import-ignored",
                columns=", ".join(f"{h} ({personal[h]})" if h in personal else h for h in ignored),
            )
        )
    if mapping.guessed and not args.yes and not _confirmed():
        print(say("import-confirm"))
        return EXIT_PROBLEMS
    data = aggregate(
        rows,
        mapping,
        module=args.module,
        delivered=args.delivered,
        max_score=args.max_score,
        source=args.source,
        registered=args.registered,
        attended=args.attended,
        pass_score=args.pass_score,
        example=args.example,
    )
    folder = args.root / "curriculum" / "outcomes" / args.module
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{args.delivered}.yml"
    number = 2
    while target.exists():
        target = folder / f"{args.delivered}-{number}.yml"
        number += 1
    header = (
        schema_line("outcome", target.relative_to(args.root).as_posix()) + "\n"
        f"# Dibuat oleh `python -m generator outcomes import` dari {path.name}: angka agregat "
        "saja.\n"
    )
    target.write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None),
        encoding="utf-8",
    )
    print(say("import-written", path=target.relative_to(args.root).as_posix(), people=len(rows)))
    return EXIT_OK


def _confirmed() -> bool:
    """Ask at a terminal; anything but a yes (or no terminal at all) is a no."""
    return sys.stdin.isatty() and input(say("import-ask")).strip().lower() in ("y", "ya")


def add_parser(commands) -> None:
    outcomes = commands.add_parser(
        "outcomes",
        help="bukti hasil: ubah rekap per orang menjadi berkas hasil agregat",
        description="Bukti hasil sesi (curriculum/outcomes/).",
    )
    actions = outcomes.add_subparsers(dest="action", required=True, metavar="AKSI")
    importer = actions.add_parser(
        "import",
        help="baca CSV per orang, tulis berkas hasil agregat",
        description="Baca ekspor CSV per orang (satu baris satu peserta) dan tulis berkas "
        "hasil yang hanya memuat angka agregat. Kolom nama, NIP dan surel tidak pernah disalin.",
    )
    importer.add_argument("file", type=Path, metavar="BERKAS.csv", help="ekspor per orang")
    importer.add_argument("--module", required=True, metavar="ID", help="id modul")
    importer.add_argument("--delivered", required=True, metavar="YYYY-MM-DD", help="tanggal sesi")
    importer.add_argument("--pre", metavar="KOLOM", help="kolom nilai pre-test")
    importer.add_argument("--post", metavar="KOLOM", help="kolom nilai post-test")
    importer.add_argument(
        "--item",
        action="append",
        metavar="BUTIR=KOLOM",
        help="kolom jawaban 1–5 untuk butir survei: " + ", ".join(fmt.REACTION_ITEMS),
    )
    importer.add_argument("--max-score", type=float, default=100.0, metavar="N")
    importer.add_argument("--pass-score", type=float, default=None, metavar="N")
    importer.add_argument("--registered", type=int, default=None, metavar="N")
    importer.add_argument("--attended", type=int, default=None, metavar="N")
    importer.add_argument("--source", default="ekspor formulir daring", metavar="TEKS")
    importer.add_argument("--example", action="store_true", help="tandai sebagai data contoh")
    importer.add_argument("--yes", action="store_true", help="tulis tanpa bertanya")
    importer.add_argument("--root", type=Path, default=Path("."), metavar="FOLDER")
    importer.set_defaults(handler=run)
