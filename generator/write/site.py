"""Write stage, second half: build the site from docs/ without losing the old one.

An engine (MkDocs, or its successor Zensical; both strict) and then Pagefind build into a
fresh staging folder, which is swapped in for site/ only when both succeeded, so a failed
build never leaves readers (or a preview) with a half-written site. Writing docs/ itself
is `generator.write.docs`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.write.offline import write_offline


class SiteBuildError(Exception):
    """The engine (MkDocs or Zensical) failed; the message carries its output."""


class SearchIndexError(SiteBuildError):
    """Pagefind failed on the staged site; the message carries its output."""


# The engines that build docs/ from mkdocs.yml; MkDocs is the default.
ENGINES = ("mkdocs", "zensical")

# Zensical's own search index, which the site does not use.
ENGINE_SEARCH_INDEX = "search.json"

# The search bundle's folder under the site root; the search script imports
# `pagefind/pagefind.js` from there.
SEARCH_BUNDLE = "pagefind"
UNUSED_UI = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)


def index_search(site: Path) -> None:
    """Build Pagefind's chunked index of `site` into `site/pagefind/`.

    Indonesian is forced rather than read from `<html lang>`, so a theme change cannot
    silently switch the stemmer off. Only `data-pagefind-body` content is indexed.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "id"]
    command += ["--output-subdir", SEARCH_BUNDLE, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(str(exc)) from None
    bundle = site / SEARCH_BUNDLE
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(result.stderr + result.stdout)
    # Pagefind's ready-made interfaces (400 KB) are not used: the site's own dialog asks
    # the API, and inserts the records' text as text.
    for unused in UNUSED_UI:
        for path in bundle.glob(unused):
            path.unlink()


def engine_command(engine: str, root: Path, staging: Path) -> list[str]:
    """The command that builds `root`'s docs/ into `staging` with `engine`, strictly."""
    if engine == "zensical":
        # Zensical has no --site-dir option: a configuration beside mkdocs.yml inherits
        # it and names the staging folder (Zensical refuses one outside the project).
        # No --clean: it only empties Zensical's cache (.cache/), and the staging folder
        # is new, so every page is written into it anyway.
        config = staging.with_name(staging.name + ".yml")
        config.write_text(
            f"INHERIT: mkdocs.yml\nsite_dir: {json.dumps(staging.name)}\n", encoding="utf-8"
        )
        return [
            *(sys.executable, "-m", "zensical", "build", "--strict"),
            *("--config-file", str(config)),
        ]
    return [
        *(sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"),
        *("--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)),
    ]


def build_site(
    root: Path,
    *,
    source_date_epoch: int,
    engine: str = "mkdocs",
    extra_files: dict[str, Path] | None = None,
) -> Path:
    """Run the engine (strict) and then Pagefind into a fresh folder, then swap it in for site/.

    The old site stays untouched until the new one is complete, so a failed build
    never leaves readers (or a preview) with a half-written site.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    site_dir = root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(source_date_epoch),
        # The pages were just generated; the hook need not do it again.
        "KURIKULUM_PAGES_READY": "1",
        "NO_MKDOCS_2_WARNING": "1",
        # Zensical colours its warnings; the output is read in logs and messages.
        "NO_COLOR": "1",
    }
    command = engine_command(engine, root, staging)
    try:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    finally:
        staging.with_name(staging.name + ".yml").unlink(missing_ok=True)
    if result.returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError(result.stderr + result.stdout)
    # Zensical 0.1 writes an (empty) search index even with its search switched off in
    # mkdocs.yml; no page asks for it.
    (staging / ENGINE_SEARCH_INDEX).unlink(missing_ok=True)
    try:
        # Files made beside the pages (the booklets): in the site before its offline
        # manifests are hashed, out of the search index (Pagefind reads HTML only).
        for site_path, source in sorted((extra_files or {}).items()):
            (staging / site_path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staging / site_path)
        index_search(staging)
        write_offline(staging)
    except SearchIndexError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = root / f".site-old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    site_dir.chmod(0o755)
    shutil.rmtree(retired, ignore_errors=True)
    return site_dir
