"""Command line: a thin adapter over the pipeline (`python -m generator ...`)."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from generator import pipeline
from generator.commands import outcomes_import
from generator.commands.regenerate import write_generated
from generator.format.schema import write_schemas
from generator.problems.messages import ARGPARSE, say
from generator.problems.report import ERROR, WARNING, report
from generator.render.reference import write_reference
from generator.text.numbers import file_size
from generator.write.offline_zip import record_offline_zip, write_offline_zip
from generator.write.site import ENGINES, SearchIndexError, SiteBuildError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@contextlib.contextmanager
def _indonesian_argparse() -> Iterator[None]:
    """Answer argparse's gettext look-ups from the catalogue while it writes or parses.

    argparse calls its module's `_` and `ngettext` (gettext's) for every sentence of its
    own; they are swapped only for the duration, so nothing else in the process changes.
    """
    saved = argparse._, argparse.ngettext
    argparse._ = lambda message: ARGPARSE.get(message, message)
    argparse.ngettext = lambda singular, plural, n: ARGPARSE.get(
        singular if n == 1 else plural, singular if n == 1 else plural
    )
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class _Parser(argparse.ArgumentParser):
    """argparse in Indonesian throughout (help, usage, errors), usage errors exit with 2."""

    def __init__(self, *args, **kwargs) -> None:
        with _indonesian_argparse():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with _indonesian_argparse():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _indonesian_argparse():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _indonesian_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _indonesian_argparse():
            return super().format_help()

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, say("cli-usage", prog=self.prog, detail=message) + "\n")


def _date(value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli-date", value=value)) from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m generator",
        description="Generator situs kurikulum kompetensi ASN.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    validate = commands.add_parser(
        "validate",
        help="periksa semua berkas kurikulum",
        description="Periksa semua berkas kurikulum dan laporkan semua masalah sekaligus.",
    )
    validate.add_argument(
        "paths", nargs="*", metavar="BERKAS", help="hanya laporkan masalah pada berkas ini"
    )
    validate.add_argument(
        "--root", type=Path, default=Path("."), metavar="FOLDER", help="akar proyek"
    )
    validate.add_argument(
        "--strict", action="store_true", help="peringatan juga membuat pemeriksaan gagal"
    )
    validate.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default=None,
        help="bentuk laporan (bawaan: github bila GITHUB_ACTIONS=true, selain itu text)",
    )
    validate.add_argument(
        "--today", type=_date, metavar="TANGGAL", help="tanggal hari ini, YYYY-MM-DD"
    )
    validate.set_defaults(handler=_validate)
    schema = commands.add_parser(
        "schema",
        help="tulis ulang skema JSON dan referensi format dari model",
        description="Tulis ulang generator/schema/*.schema.json dan referensi-format.md.",
    )
    schema.set_defaults(handler=_schema)
    build = commands.add_parser(
        "build",
        help="bangun situs ke folder site/",
        description="Validasi, tulis halaman Markdown ke docs/, lalu bangun situs ke site/ "
        "dengan MkDocs (bawaan) atau Zensical.",
    )
    build.add_argument("--root", type=Path, default=Path("."), metavar="FOLDER", help="akar proyek")
    build.add_argument(
        "--today", type=_date, metavar="TANGGAL", help="tanggal hari ini, YYYY-MM-DD"
    )
    build.add_argument(
        "--markdown-only", action="store_true", help="tulis halaman Markdown saja, tanpa MkDocs"
    )
    build.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        metavar="MESIN",
        help="mesin situs: mkdocs (bawaan) atau zensical",
    )
    build.set_defaults(handler=_build)
    serve = commands.add_parser(
        "serve",
        help="pratinjau langsung; halaman dibuat ulang setiap kali berkas YAML berubah",
        description="Tulis halaman Markdown ke docs/, lalu sajikan pratinjau langsung dengan "
        "MkDocs (bawaan) atau Zensical; setiap perubahan di curriculum/ atau site_config.yml "
        "membuat ulang halaman dan memuat ulang peramban.",
    )
    serve.add_argument("--root", type=Path, default=Path("."), metavar="FOLDER", help="akar proyek")
    serve.add_argument(
        "--engine", choices=ENGINES, default="mkdocs", metavar="MESIN", help="mkdocs atau zensical"
    )
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ALAMAT:PORT",
        help="alamat pratinjau (bawaan: 127.0.0.1:8000)",
    )
    serve.set_defaults(handler=_serve)
    diff = commands.add_parser(
        "diff",
        help="ringkas perubahan kurikulum antara dua revisi git atau dua folder",
        description="Ringkasan perubahan kurikulum dalam Markdown, untuk peninjau.",
    )
    diff.add_argument("base", metavar="DASAR", help="revisi git atau folder dasar")
    diff.add_argument(
        "head",
        nargs="?",
        default=None,
        metavar="BARU",
        help="revisi atau folder baru (bawaan: isi kerja)",
    )
    diff.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="FOLDER",
        help="akar proyek (repositori git)",
    )
    diff.add_argument("--today", type=_date, metavar="TANGGAL", help="tanggal hari ini, YYYY-MM-DD")
    diff.set_defaults(handler=_diff)
    package = commands.add_parser(
        "zip",
        help="buat paket zip situs untuk dibuka tanpa sambungan (file://)",
        description="Buat paket zip dari site/ yang dapat dibuka dari file:// dengan Indeks A–Z "
        "sebagai ganti pencarian. Jalankan setelah `make site`.",
    )
    package.add_argument(
        "--root", type=Path, default=Path("."), metavar="FOLDER", help="akar proyek"
    )
    package.add_argument(
        "--output",
        type=Path,
        default=Path("kurikulum-asn-luring.zip"),
        metavar="BERKAS",
        help="berkas zip yang ditulis (bawaan: kurikulum-asn-luring.zip)",
    )
    package.set_defaults(handler=_zip)
    new = commands.add_parser(
        "new",
        help="buat berkas modul, jalur belajar atau jalur baru",
        description="Buat berkas baru berisi kerangka isian yang lolos validasi setelah diisi.",
    )
    new.add_argument(
        "kind",
        choices=["module", "pathway", "track"],
        metavar="JENIS",
        help="jenis berkas: module (modul), pathway (jalur belajar) atau track (jalur)",
    )
    new.add_argument("--id", dest="item_id", metavar="ID", help="id (slug), mis. keamanan-siber")
    new.add_argument("--track", metavar="JALUR", help="jalur modul (untuk modul)")
    new.add_argument("--title", metavar="JUDUL", help="judul")
    new.add_argument("--root", type=Path, default=Path("."), metavar="FOLDER", help="akar proyek")
    new.set_defaults(handler=_new)
    outcomes_import.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def _validate(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if not root.is_dir():
        print(say("cli-folder-missing", folder=args.root), file=sys.stderr)
        return EXIT_USAGE
    result = pipeline.check_all(root, today=pipeline.resolve_today(args.today))
    problems = result.problems
    if args.paths:
        missing = [
            path for path in args.paths if not (Path(path).exists() or (root / path).exists())
        ]
        if missing:
            print(say("cli-file-missing", file=missing[0]), file=sys.stderr)
            return EXIT_USAGE
        wanted = {_relative(root, path) for path in args.paths}
        problems = [problem for problem in problems if problem.path in wanted]
    output_format = args.format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    )
    print(report(problems, result.files, output_format))
    failing = {ERROR, WARNING} if args.strict else {ERROR}
    return EXIT_PROBLEMS if any(problem.severity in failing for problem in problems) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    today = pipeline.resolve_today(args.today)
    generated = write_generated(
        root,
        today=today,
        invalid="build-invalid",
        with_booklets=not args.markdown_only,
        cached_booklets=True,
    )
    if generated is None:
        return EXIT_PROBLEMS
    if args.markdown_only:
        return EXIT_OK
    try:
        site = pipeline.build(root, today=today, engine=args.engine, extra_files=generated.booklets)
    except SiteBuildError as exc:
        print(str(exc), file=sys.stderr)
        failed = (
            "build-search-failed"
            if isinstance(exc, SearchIndexError)
            else "build-zensical-failed"
            if args.engine == "zensical"
            else "build-mkdocs-failed"
        )
        print(say(failed), file=sys.stderr)
        return EXIT_PROBLEMS
    print(say("build-done", folder=site.relative_to(root)))
    return EXIT_OK


def _zip(args: argparse.Namespace) -> int:
    site = args.root.resolve() / "site"
    if not (site / "index.html").is_file():
        print(say("zip-no-site", folder=site), file=sys.stderr)
        return EXIT_USAGE
    written = write_offline_zip(site, args.output.resolve())
    if address := pipeline.release_address(args.root.resolve(), args.output.name):
        record_offline_zip(site, written, address)
    print(say("zip-done", path=args.output, size=file_size(written.stat().st_size)))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from generator.commands import serve

    return serve.main(args)


def _diff(args: argparse.Namespace) -> int:
    from generator.commands.diff import command

    return command.main(args)


def _new(args: argparse.Namespace) -> int:
    from generator.commands import scaffold

    return scaffold.main(args)


def _schema(args: argparse.Namespace) -> int:
    for path in [*write_schemas(), write_reference()]:
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        print(say("schema-written", path=shown))
    return EXIT_OK


def _relative(root: Path, path: str) -> str:
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
