"""Build tiny projects from a `{path: text}` dict and run the validator on them.

Every test starts from BASE, a minimal project that validates with no problem at
all, and overrides or adds the one file it is about, so a test's expected output
is exactly the problems its change introduces.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.commands import cli
from tests.constants import MINI, REPO, TODAY
from tests.sitebuild import shared_site

# A file's value: text, raw bytes (for encoding tests) or None to leave BASE's file out.
Files = Mapping[str, str | bytes | None]

SITE_CONFIG = """\
jp_minutes: 45
tracks:
  - nilai
  - digital
"""

FRAMEWORK_WITHOUT_LEVELS = """\
id: nilai
title: Nilai Dasar ASN
competencies:
  - id: akuntabel
    title: Akuntabel
    definition: Bertanggung jawab atas kepercayaan yang diberikan.
"""

FRAMEWORK_WITH_LEVELS = """\
id: digital
title: Kompetensi Digital
levels:
  - level: 1
    title: Dasar
  - level: 2
    title: Menengah
  - level: 3
    title: Mahir
competencies:
  - id: data
    title: Pengelolaan Data
    definition: Mengelola data sebagai aset instansi.
    level_indicators:
      1: Membaca tabel data.
      3: Menganalisis data lintas unit.
"""

TRACK_NILAI = """\
id: nilai
title: Nilai Dasar
summary: Nilai dasar ASN dalam tugas sehari-hari.
"""

TRACK_DIGITAL = """\
id: digital
title: Transformasi Digital
summary: Kecakapan digital untuk pemerintahan berbasis elektronik.
"""

MODULE_ETIKA = """\
id: etika
title: Etika Pelayanan
summary: Menerapkan nilai akuntabel dalam pelayanan publik.
level: dasar
audience:
  - semua
objectives:
  - Menjelaskan makna akuntabel.
competencies:
  - ref: nilai/akuntabel
activities:
  - mode: webinar
    minutes: 90
  - mode: e-learning
    minutes: 45
"""

MODULE_DATA_DASAR = """\
id: data-dasar
title: Dasar Pengelolaan Data
summary: Membaca dan merapikan data layanan.
level: dasar
audience:
  - semua
objectives:
  - Membaca tabel data.
competencies:
  - ref: digital/data
    level: 1
activities:
  - mode: e-learning
    minutes: 45
"""

MODULE_DATA_LANJUT = """\
id: data-lanjut
title: Analisis Data Layanan
summary: Menganalisis data layanan lintas unit.
level: menengah
audience:
  - administrator
objectives:
  - Menganalisis data lintas unit.
competencies:
  - ref: digital/data
    level: 3
activities:
  - mode: webinar
    minutes: 90
  - mode: on-the-job
    minutes: 180
prerequisites:
  - data-dasar
sessions:
  - start: "2026-12-10T09:00"
    timezone: Asia/Makassar
    minutes: 90
    registration_url: https://example.org/daftar
reviewed: "2026-06-01"
"""

PATHWAY = """\
id: analis
title: Jalur Analis Data
summary: Dari membaca data hingga menganalisisnya.
audience:
  - administrator
level: dasar
outcomes:
  - Menganalisis data layanan.
phases:
  - title: Sebelum webinar
    steps:
      - module: data-dasar
  - title: Setelah webinar
    steps:
      - module: data-lanjut
      - module: etika
        required: false
"""

GLOSSARY = """\
- term: JP
  expansion: Jam Pelajaran
  definition: Satuan waktu belajar, 45 menit.
- term: ASN
  expansion: Aparatur Sipil Negara
  definition: Pegawai instansi pemerintah.
"""

BASE: dict[str, str] = {
    "site_config.yml": SITE_CONFIG,
    "curriculum/competencies/nilai.yml": FRAMEWORK_WITHOUT_LEVELS,
    "curriculum/competencies/digital.yml": FRAMEWORK_WITH_LEVELS,
    "curriculum/tracks/nilai.yml": TRACK_NILAI,
    "curriculum/tracks/digital.yml": TRACK_DIGITAL,
    "curriculum/modules/nilai/etika.yml": MODULE_ETIKA,
    "curriculum/modules/digital/data-dasar.yml": MODULE_DATA_DASAR,
    "curriculum/modules/digital/data-lanjut.yml": MODULE_DATA_LANJUT,
    "curriculum/pathways/analis.yml": PATHWAY,
    "curriculum/glossary.yml": GLOSSARY,
}


@dataclass
class Result:
    """What one validator run printed and how it exited."""

    exit_code: int
    output: str
    stderr: str = ""

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    @property
    def problems(self) -> list[str]:
        """Every printed line except the closing summary."""
        return self.lines[:-1]

    @property
    def summary(self) -> str:
        return self.lines[-1] if self.lines else ""

    @property
    def outcome(self) -> tuple[int, list[str]]:
        """Exit code and problem lines together: `(0, [])` is a clean run that printed its
        summary, where the exit code alone would also pass a run that printed nothing."""
        return self.exit_code, self.problems if self.lines else ["(nothing printed)"]

    @property
    def where(self) -> list[str]:
        """Each problem as `file:line:col: severity`, without its wording."""
        return [": ".join(line.split(": ", 2)[:2]) for line in self.problems]


def write_project(root: Path, files: Files = (), *, base: bool = True) -> Path:
    """Write BASE (unless `base=False`) updated with `files` under `root`."""
    merged: dict[str, str | bytes | None] = {**(BASE if base else {}), **dict(files)}
    for relpath, content in merged.items():
        if content is None:
            continue
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def run_validate(root: Path, *args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run `generator validate` in-process and capture what it prints."""
    argv = ["validate", "--root", str(root), "--today", TODAY, *args]
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = {key: os.environ.get(key) for key in env or {}}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                exit_code = cli.main(argv)
            except SystemExit as exc:
                exit_code = exc.code if isinstance(exc.code, int) else 2
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Result(exit_code, stdout.getvalue(), stderr.getvalue())


def run_validate_process(
    root: Path, *args: str, env: Mapping[str, str] | None = None, today: bool = True
) -> Result:
    """Run `python -m generator validate` as a real process, end to end."""
    argv = [sys.executable, "-m", "generator", "validate", "--root", str(root)]
    argv += ["--today", TODAY] if today else []
    environment = {**os.environ, "GITHUB_ACTIONS": "", **(env or {})}
    done = subprocess.run(
        [*argv, *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture(autouse=True)
def _not_on_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the text format in tests even when the suite itself runs in GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Return a function writing BASE plus `files` into a fresh folder."""
    counter = iter(range(1_000_000))

    def make(files: Files = (), *, base: bool = True) -> Path:
        return write_project(tmp_path / f"p{next(counter)}", files, base=base)

    return make


@pytest.fixture
def validate(project: Callable[..., Path]) -> Callable[..., Result]:
    """Return a function: write BASE plus `files`, validate in-process, return the result."""

    def run(files: Files = (), *args: str, base: bool = True) -> Result:
        return run_validate(project(files, base=base), *args)

    return run


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium per test process, shared by every browser test.

    Playwright's sync API allows one instance per thread: a second `sync_playwright()`
    in the same worker fails, depending on which tests that worker happened to run.
    """
    from tests.browser import CHROMIUM_ARGS, chromium_path, unavailable

    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python `playwright` package is not installed in .venv")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed curriculum's built site/, built once per session: read it, never change it."""
    yield from shared_site("seed", REPO, tmp_path_factory)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The mini fixture's built site/, built once per session: read it, never change it."""
    yield from shared_site("mini", MINI, tmp_path_factory)


@pytest.fixture(scope="session")
def seed_site_zensical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed's site/ built by Zensical (`--engine zensical`), once per session."""
    yield from shared_site("seed-zensical", REPO, tmp_path_factory, engine="zensical")


@pytest.fixture(scope="session")
def mini_site_zensical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The mini fixture's site/ built by Zensical, once per session."""
    yield from shared_site("mini-zensical", MINI, tmp_path_factory, engine="zensical")


@pytest.fixture(scope="session")
def base_url(seed_site: Path) -> Iterator[str]:
    """The seed site served on localhost for the browser tests, once per session."""
    from tests.browser import serve

    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def planner_data(seed_site: Path) -> dict:
    """The planner's data file of the seed site, as the page fetches it."""
    import json

    return json.loads((seed_site / "assets" / "rencana-belajar.json").read_text(encoding="utf-8"))
