"""The whole pipeline, stage by stage: load → validate → model → render → write."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.load.files import load_sources
from generator.model.curriculum import build_curriculum
from generator.render.booklet import booklets
from generator.render.pages import render_pages
from generator.validate import Validation, validate
from generator.validate.anchors import has_section_links, missing_sections
from generator.write.booklets import make_booklets
from generator.write.docs import WriteResult, write_docs
from generator.write.site import build_site

DOCS_DIR = "docs"
WIB = datetime.timezone(datetime.timedelta(hours=7))


def resolve_today(today: str | None = None) -> datetime.date:
    """Pick "today": the option, else SOURCE_DATE_EPOCH, else the clock (in WIB)."""
    if today:
        return datetime.date.fromisoformat(today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), WIB).date()
    return datetime.datetime.now(WIB).date()


def epoch_of(today: datetime.date) -> int:
    """The timestamp MkDocs stamps into the sitemap, fixed by "today" for reproducibility."""
    return int(datetime.datetime.combine(today, datetime.time(), WIB).timestamp())


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain values; its `!!python/name:` tags become None."""


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def site_identity(root: Path) -> tuple[str, str]:
    """The site's name and public address from mkdocs.yml (site identity lives there);
    "" for what it does not say (an address must be `https://`)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _MkDocsLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return "", ""
    config = config if isinstance(config, dict) else {}
    name, url = config.get("site_name"), config.get("site_url")
    return (
        name if isinstance(name, str) else "",
        url if isinstance(url, str) and url.startswith("https://") else "",
    )


def release_address(root: Path, asset: str) -> str:
    """Where the publishing workflow attaches `asset` (the release "luring" of `repo_url` in
    mkdocs.yml); "" when mkdocs.yml names no GitHub repository."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _MkDocsLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return ""
    repo = config.get("repo_url") if isinstance(config, dict) else None
    if not isinstance(repo, str) or not repo.startswith("https://github.com/"):
        return ""
    return f"{repo.rstrip('/')}/releases/download/luring/{asset}"


def check(root: Path, *, today: datetime.date) -> Validation:
    """Load and validate everything under `root`."""
    return validate(load_sources(root), today=today)


@dataclass
class Generated:
    validation: Validation
    pages: dict[str, str] | None
    # Each pathway's booklet PDF (site path → file), when asked for.
    booklets: dict[str, Path] | None = None


def generate(
    root: Path, *, today: datetime.date, with_booklets: bool = False, cached_booklets: bool = False
) -> Generated:
    """Validate, then render every page; no pages when there is an error.

    With `with_booklets` the pathways' PDF booklets are made first (only those whose
    content changed), so the pages can show each booklet's size beside its link; with
    `cached_booklets` only those a site build already made are linked, so Markdown
    written without building the site is the same as the last build's."""
    validation = check(root, today=today)
    if not validation.ok:
        return Generated(validation, None)
    curriculum = build_curriculum(validation.index, today=today)
    guide_path = root / "CONTRIBUTING.md"
    # A symlinked guide could publish any file of the building machine.
    readable = guide_path.is_file() and not guide_path.is_symlink()
    guide = guide_path.read_text(encoding="utf-8") if readable else ""
    site_name, site_url = site_identity(root)
    made = None
    if with_booklets or cached_booklets:
        htmls = booklets(curriculum, site_name=site_name, site_url=site_url)
        made = make_booklets(htmls, root, make=with_booklets)
    sizes = {path: pdf.stat().st_size for path, pdf in (made or {}).items()}
    pages = render_pages(
        curriculum, guide=guide, site_url=site_url, site_name=site_name, booklet_sizes=sizes
    )
    late = [
        problem
        for found, _needed in POST_RENDER_CHECKS
        for problem in found(validation.index, pages)
    ]
    if late:
        problems = sorted({*validation.problems, *late})
        return Generated(Validation(validation.index, problems, validation.files), None)
    return Generated(validation, pages, made)


# The checks that need the rendered pages (a `#section` exists only once its heading is
# rendered), each with whether a curriculum gives it anything to check. `validate` runs
# them too, so what would fail `make site` fails the pull request's check first, with the
# same located message.
POST_RENDER_CHECKS = ((missing_sections, has_section_links),)


def check_all(root: Path, *, today: datetime.date) -> Validation:
    """Everything `build` checks before writing: the validation, and when it passes, the
    post-render checks on the pages rendered in memory (nothing is written). Pages are
    rendered only when a post-render check has something to check."""
    validation = check(root, today=today)
    if not validation.ok or not any(needed(validation.index) for _, needed in POST_RENDER_CHECKS):
        return validation
    return generate(root, today=today).validation


def write_pages(root: Path, pages: dict[str, str]) -> WriteResult:
    return write_docs(pages, root / DOCS_DIR)


def build(
    root: Path,
    *,
    today: datetime.date,
    engine: str = "mkdocs",
    extra_files: dict[str, Path] | None = None,
) -> Path:
    """Build the site into root/site with `engine`; the caller has generated and written
    the pages (which is all the MkDocs hook does, so Zensical, which ignores hooks,
    builds the same pages), and made the `extra_files` (booklets) that go beside them."""
    return build_site(
        root, source_date_epoch=epoch_of(today), engine=engine, extra_files=extra_files or {}
    )
