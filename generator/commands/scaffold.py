"""Scaffold: start a new module, pathway or track file that already validates.

The file carries every required field. Text the editor must write is marked
`ISI: …`; modules and pathways start as drafts, so a half-filled file keeps CI
green and is never published. Optional fields follow as commented examples that
validate once uncommented and filled in. Everything is checked before anything is
written, and no existing file is ever overwritten.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from generator.format import models as fmt
from generator.format.schema import schema_line
from generator.load.documents import SITE_CONFIG, kind_of
from generator.load.files import file_order, load_files, read_folder
from generator.load.yaml_document import load_document
from generator.model.index import CurriculumIndex
from generator.pipeline import resolve_today
from generator.problems import messages
from generator.problems.messages import say
from generator.validate import validate

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
SLUG_MAX = 64
COMMENT_WIDTH = 88
NOUNS = messages.NOUNS  # what the editor reads for each kind, in prompts and messages
ID_EXAMPLES = {"module": "keamanan-siber", "pathway": "analis-data-pemula", "track": "literasi"}


class Refusal(Exception):
    """An answer that cannot be used; the message (a catalogue code) says why and what to do."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(messages.text(code, fields))
        self.code = code


@dataclass
class Project:
    """What the new file must fit: the files that exist and the validated curriculum."""

    root: Path
    existing: dict[str, dict[str, str]]  # kind → id → file, for module, pathway, track
    tracks: list[str]  # track ids, in the site's order
    index: CurriculumIndex


@dataclass
class Answers:
    kind: str
    item_id: str
    title: str
    track: str | None = None

    @property
    def relpath(self) -> str:
        folder = {"module": f"modules/{self.track}", "pathway": "pathways", "track": "tracks"}
        return f"curriculum/{folder[self.kind]}/{self.item_id}.yml"


def main(args: argparse.Namespace) -> int:
    """Ask for what is missing, then write the new file (and list a new track)."""
    root = args.root
    if not root.is_dir():
        print(say("cli-folder-missing", folder=root), file=sys.stderr)
        return EXIT_USAGE
    project = read_project(root)
    try:
        answers = gather(args, project)
        files = plan(answers, project)
    except Refusal as exc:
        print(say("new-refused", detail=str(exc)), file=sys.stderr)
        return EXIT_REFUSED
    except (EOFError, KeyboardInterrupt):
        print(say("new-cancelled"), file=sys.stderr)
        return EXIT_REFUSED
    try:
        for relpath, text in files.items():
            _write(root / relpath, text, new=relpath == answers.relpath)
    except FileExistsError:
        print(say("new-raced", file=answers.relpath), file=sys.stderr)
        return EXIT_REFUSED
    print(say("new-created", file=answers.relpath))
    for line in _next_steps(answers, project, updated_config=SITE_CONFIG in files):
        print(line)
    return EXIT_OK


def read_project(root: Path) -> Project:
    """Gather existing ids and the validated curriculum the new file must fit."""
    existing: dict[str, dict[str, str]] = {kind: {} for kind in NOUNS}
    files = read_folder(root)  # read once: these ids and the validation see the same files
    for relpath in sorted(files.contents, key=file_order):
        kind = kind_of(relpath)
        if kind in existing:
            existing[kind].setdefault(PurePosixPath(relpath).stem, relpath)
    index = validate(load_files(files), today=resolve_today()).index
    listed = [track for track in index.config.tracks if track in existing["track"]]
    tracks = listed + sorted(set(existing["track"]) - set(listed))
    return Project(root, existing, tracks, index)


# --- answers -------------------------------------------------------------------------


def gather(args: argparse.Namespace, project: Project) -> Answers:
    """Take each answer from its option, or ask for it; refuse unusable ones."""
    kind, noun = args.kind, NOUNS[args.kind]
    track = None
    if kind != "module" and args.track is not None:
        raise Refusal("new-track-option")
    if kind == "pathway":
        _placeholder_module(project.index)  # refuse before asking anything
    if kind == "module" and not project.tracks:
        raise Refusal("new-no-tracks")
    # The id first, as CONTRIBUTING says: it is what the editor has in mind, and it names
    # the file; the track only says which folder the file goes in.
    if kind == "module" and args.track is not None:
        track = _track_parser(project)(args.track)
    item_id = _answer(
        args.item_id,
        f"Id {noun} (slug, mis. {ID_EXAMPLES[kind]}): ",
        _id_parser(kind, track, project),
    )
    if kind == "module" and track is None:
        print("Jalur yang ada:")
        for number, track_id in enumerate(project.tracks, start=1):
            print(f"  {number}. {track_id}{_track_title(project, track_id)}")
        track = _answer(None, "Jalur modul (nomor atau id): ", _track_parser(project))
        target = Answers(kind, item_id, "", track).relpath
        if (project.root / target).exists():
            raise Refusal("new-file-exists", file=target)
    title = _answer(args.title, f"Judul {noun}: ", _parse_title)
    return Answers(kind, item_id, title, track)


def _answer(option: str | None, prompt: str, parse: Callable[[str], str]) -> str:
    """Use the option if given (refusing a bad one); otherwise ask until the answer is usable."""
    if option is not None:
        return parse(option)
    while True:
        try:
            return parse(input(prompt))
        except Refusal as exc:
            print(say("new-refused", detail=str(exc)), file=sys.stderr)


def _track_title(project: Project, track_id: str) -> str:
    located = project.index.tracks.get(track_id)
    return f" — {located.model.title}" if located else ""


def _track_parser(project: Project) -> Callable[[str], str]:
    def parse(value: str) -> str:
        value = value.strip()
        if value.isdigit() and 1 <= int(value) <= len(project.tracks):
            return project.tracks[int(value) - 1]
        if value in project.tracks:
            return value
        close = difflib.get_close_matches(value, project.tracks, n=1)
        raise Refusal(
            "new-track-unknown",
            track=value,
            tracks=list(project.tracks),
            suggestion=close[0] if close else None,
        )

    return parse


def _id_parser(kind: str, track: str | None, project: Project) -> Callable[[str], str]:
    def parse(value: str) -> str:
        value = value.strip()
        if not re.fullmatch(fmt.SLUG_PATTERN, value) or len(value) > SLUG_MAX:
            raise Refusal("new-id-invalid", id=value, limit=SLUG_MAX, suggestion=_slugify(value))
        target = Answers(kind, value, "", track).relpath if track or kind != "module" else None
        if target is not None and (project.root / target).exists():
            raise Refusal("new-file-exists", file=target)
        if value in project.existing[kind]:
            raise Refusal("new-id-taken", id=value, kind=kind, owner=project.existing[kind][value])
        return value

    return parse


def _slugify(value: str) -> str | None:
    """Suggest the slug an editor most likely meant ("Keamanan Siber" → keamanan-siber)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX].strip("-")
    return slug if slug and slug != value else None


def _parse_title(value: str) -> str:
    value = value.strip()
    if not value:
        raise Refusal("new-title-empty")
    if not all(char == " " or char.isprintable() for char in value):
        raise Refusal("new-title-invisible")
    return value


# --- the files ---------------------------------------------------------------------------


def plan(answers: Answers, project: Project) -> dict[str, str]:
    """Return {path: text} of every file to write, checked before any is written."""
    relpath = answers.relpath
    head = f"{schema_line(answers.kind, relpath)}\n"
    if answers.kind == "module":
        return {relpath: head + module_text(answers, project)}
    if answers.kind == "pathway":
        return {relpath: head + pathway_text(answers, project)}
    files = {relpath: head + track_text(answers)}
    config = _config_with_track(project, answers.item_id)
    if config is not None:
        files[SITE_CONFIG] = config
    return files


def module_text(answers: Answers, project: Project) -> str:
    config = project.index.config
    return f"""\
# Modul baru. Ganti setiap teks "ISI: …", hapus tanda # pada kolom pilihan yang
# dipakai, lalu ubah `status` menjadi `active` agar modul diterbitkan.
# Keterangan setiap kolom: generator/schema/referensi-format.md
id: {answers.item_id}
title: {_yaml_text(answers.title)}
summary: "ISI: ringkasan satu baris (maks. 200 karakter) untuk kartu modul"
# Tingkat: {_choices(fmt.LEVELS)}.
level: dasar
{_comment("Sasaran, satu atau lebih: " + _choices(fmt.AUDIENCES) + ".")}
audience:
  - semua
# Tujuan pembelajaran: yang mampu dilakukan peserta setelah modul; satu per butir.
objectives:
  - "ISI: tujuan pembelajaran, mis. Mengenali surel phishing dan melaporkannya"
# Komposisi hibrida modul; JP = total menit / {config.jp_minutes}.
{_comment("Moda: " + _choices(fmt.MODES) + ".")}
activities:
  - mode: webinar
    minutes: {2 * config.jp_minutes}
    title: "ISI: judul kegiatan"
# draft = belum diterbitkan; ubah menjadi active setelah semua isian lengkap.
status: draft

# --- Kolom pilihan: hapus tanda # di awal baris untuk memakainya ---------------

# Uraian panjang (Markdown).
# description: >-
#   ISI: uraian modul.

# Kompetensi yang dikembangkan, `<kerangka>/<kompetensi>`; `level` wajib bila
# kerangkanya bertingkat. Modul aktif tanpa kompetensi mendapat peringatan.
# competencies:
{_competency_example(project.index)}
# Id modul yang perlu diikuti lebih dulu.
# prerequisites:
#   - id-modul-lain

# Narasumber atau fasilitator; hanya `role` yang wajib.
# speakers:
#   - name: Nama Narasumber
#     role: Narasumber
#     organisation: Nama Instansi

# Bahan belajar; `url` diawali https:// atau jalur di dalam situs (/…).
# Jenis: {_choices(fmt.RESOURCE_KINDS)}.
# resources:
#   - title: Bahan paparan webinar
#     url: https://contoh.go.id/bahan/paparan.pdf
#     kind: slides

# Cara melibatkan peserta: polling, tanya jawab, ruang diskusi, kuis, studi kasus …
# engagement:
#   - Polling pembuka

# Cara mengukur efektivitas: pre-test, post-test, dan tingkat Kirkpatrick
# (1 Reaksi, 2 Pembelajaran, 3 Perilaku, 4 Hasil).
# evaluation:
#   pre_test: true
#   post_test: true
#   kirkpatrick:
#     1: Survei kepuasan peserta.
#     2: Nilai post-test dibandingkan pre-test.

# Dukungan bagi peserta dengan koneksi lemah atau disabilitas.
# accessibility:
#   captions: true
#   transcript: true
#   sign_language: false
#   low_bandwidth: Rekaman audio dan salindia PDF ringkas.

# Sesi langsung terjadwal: `start` waktu setempat YYYY-MM-DDTHH:MM; zona
# Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT);
# tanpa `timezone` berlaku {config.default_timezone}.
# sessions:
#   - start: "YYYY-MM-DDTHH:MM"
#     timezone: Asia/Jakarta
#     minutes: {2 * config.jp_minutes}
#     platform: Zoom
#     registration_url: https://contoh.go.id/daftar

# Unit penanggung jawab isi modul.
# owner: "ISI: nama unit"

# Tanggal telaah isi terakhir, YYYY-MM-DD; lebih dari 12 bulan memicu peringatan.
# reviewed: "YYYY-MM-DD"

# Kata kunci.
# tags:
#   - "ISI: kata kunci"
"""


def _competency_example(index: CurriculumIndex) -> str:
    """An example reference that exists, so uncommenting it gives a valid file."""
    for framework_id, framework in sorted(
        (framework_id, item.model) for framework_id, item in index.frameworks.items()
    ):
        line = f"#   - ref: {framework_id}/{framework.competencies[0].id}\n"
        if framework.levels:
            line += f"#     level: {min(step.level for step in framework.levels)}\n"
        return line
    return "#   - ref: kerangka/kompetensi\n"


def pathway_text(answers: Answers, project: Project) -> str:
    module_id, assumes = _placeholder_module(project.index)
    assumed = "".join(f"  - {prerequisite}\n" for prerequisite in assumes)
    assumes_block = (
        f"# Prasyarat modul contoh di bawah; hapus bersama modul contoh itu.\nassumes:\n{assumed}"
        if assumes
        else "# Modul yang dianggap sudah diikuti sebelum jalur belajar ini dimulai.\n"
        "# assumes:\n#   - id-modul\n"
    )
    return f"""\
# Jalur belajar baru. Ganti setiap teks "ISI: …" dan modul contoh pada `phases`,
# lalu ubah `status` menjadi `active` agar jalur belajar diterbitkan.
# Keterangan setiap kolom: generator/schema/referensi-format.md
id: {answers.item_id}
title: {_yaml_text(answers.title)}
summary: "ISI: ringkasan satu baris (maks. 200 karakter) untuk kartu jalur belajar"
# Uraian panjang (Markdown), pilihan.
# description: >-
#   ISI: uraian jalur belajar.
{_comment("Sasaran, satu atau lebih: " + _choices(fmt.AUDIENCES) + ".")}
audience:
  - semua
# Tingkat: {_choices(fmt.LEVELS)}.
level: dasar
# Capaian: yang mampu dilakukan peserta di akhir jalur belajar; satu per butir.
outcomes:
  - "ISI: capaian jalur belajar"
{assumes_block}# Fase berurutan, mis. sebelum, saat dan setelah webinar. Setiap modul muncul
# sekali, dan prasyaratnya harus ada di langkah sebelumnya atau di `assumes`.
phases:
  - title: "ISI: nama fase, mis. Sebelum webinar"
    steps:
      # GANTI `{module_id}`: modul contoh ini hanya pengisi agar berkas sudah sah.
      - module: {module_id}
      # Langkah berikutnya; `required: false` menjadikannya pilihan (bawaan: wajib).
      # - module: id-modul-lain
      #   required: false
      #   note: Catatan singkat untuk langkah ini.
  # Fase berikutnya.
  # - title: Setelah webinar
  #   description: Uraian fase (Markdown).
  #   steps:
  #     - module: id-modul-lain
# draft = belum diterbitkan; ubah menjadi active setelah semua isian lengkap.
status: draft
"""


def _placeholder_module(index: CurriculumIndex) -> tuple[str, list[str]]:
    """An active module for the pathway's first step, and the prerequisites it then assumes."""
    active = sorted(
        (module_id, item.model)
        for module_id, item in index.modules.items()
        if index.is_offered("module", module_id)
    )
    if not active:
        raise Refusal("new-no-active-module")
    for module_id, module in active:
        if not module.prerequisites:
            return module_id, []
    module_id, module = active[0]
    return module_id, list(module.prerequisites)


def track_text(answers: Answers) -> str:
    return f"""\
# Jalur baru. Ganti setiap teks "ISI: …". Modul jalur ini ditaruh di folder
# curriculum/modules/{answers.item_id}/.
# Keterangan setiap kolom: generator/schema/referensi-format.md
id: {answers.item_id}
title: {_yaml_text(answers.title)}
summary: "ISI: ringkasan satu baris (maks. 200 karakter) untuk kartu jalur"

# --- Kolom pilihan: hapus tanda # di awal baris untuk memakainya ---------------

# Uraian panjang (Markdown).
# description: >-
#   ISI: uraian jalur.

# Nama ikon Material untuk kartu jalur.
# icon: material/shield-account

# Unit penanggung jawab; berlaku bagi modul jalur ini yang tidak menyebut owner.
# Kontak unit itu ditulis di site_config.yml (owners).
# owner: "ISI: nama unit"
"""


def _config_with_track(project: Project, track_id: str) -> str | None:
    """site_config.yml with the track appended to a block-style `tracks`, else None."""
    path = project.root / SITE_CONFIG
    if track_id in project.index.config.tracks or not path.is_file():
        return None
    raw = path.read_bytes()
    document, _ = load_document(SITE_CONFIG, "site_config", raw)
    tracks = document.data.get("tracks") if document and isinstance(document.data, dict) else None
    if not isinstance(tracks, list) or not tracks:
        return None
    line, column = document.position(("tracks", len(tracks) - 1))
    lines = raw.decode("utf-8").removeprefix("\ufeff").splitlines(keepends=True)
    item = lines[line - 1]
    prefix = item[: column - 1]
    # Only a block list item ("  - id") can be extended by one more line safely.
    if not re.fullmatch(r" *- +", prefix):
        return None
    ending = item[len(item.rstrip("\r\n")) :] or "\n"
    if not item.endswith(("\n", "\r")):
        lines[line - 1] = item + ending
    lines.insert(line, f"{prefix}{track_id}{ending}")
    return "".join(lines)


def _next_steps(answers: Answers, project: Project, *, updated_config: bool) -> list[str]:
    if answers.kind == "track":
        return [
            _track_listing(answers.item_id, project, updated_config=updated_config),
            say("new-next-steps-track"),
        ]
    return [say("new-next-steps", kind=answers.kind)]


def _track_listing(track_id: str, project: Project, *, updated_config: bool) -> str:
    if updated_config:
        return say("new-track-listed", track=track_id, config=SITE_CONFIG)
    if track_id in project.index.config.tracks:
        return say("new-track-already-listed", track=track_id, config=SITE_CONFIG)
    return say("new-track-list-by-hand", track=track_id, config=SITE_CONFIG)


def _choices(values: dict) -> str:
    return ", ".join(values)


def _comment(text: str) -> str:
    """A YAML comment wrapped to fit beside the file's other lines."""
    return textwrap.fill(
        text,
        width=COMMENT_WIDTH,
        initial_indent="# ",
        subsequent_indent="# ",
        break_on_hyphens=False,
    )


def _yaml_text(value: str) -> str:
    """Write text plainly when YAML reads it back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(f"value: {value}") == {"value": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def _write(path: Path, text: str, *, new: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # "x" refuses a file that appeared since the check; site_config.yml is rewritten.
    with path.open("x" if new else "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
