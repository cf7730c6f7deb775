"""The whole pipeline, stage by stage: load → validate → model → render → write."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.load.files import load_sources
from generator.model.curriculum import build_curriculum
from generator.render.pages import render_pages
from generator.validate import Validation, validate
from generator.validate.anchors import missing_sections
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


def check(root: Path, *, today: datetime.date) -> Validation:
    """Load and validate everything under `root`."""
    return validate(load_sources(root), today=today)


@dataclass
class Generated:
    validation: Validation
    pages: dict[str, str] | None


def generate(root: Path, *, today: datetime.date) -> Generated:
    """Validate, then render every page; no pages when there is an error."""
    validation = check(root, today=today)
    if not validation.ok:
        return Generated(validation, None)
    curriculum = build_curriculum(validation.index, today=today)
    guide_path = root / "CONTRIBUTING.md"
    # A symlinked guide could publish any file of the building machine.
    readable = guide_path.is_file() and not guide_path.is_symlink()
    guide = guide_path.read_text(encoding="utf-8") if readable else ""
    site_name, site_url = site_identity(root)
    pages = render_pages(curriculum, guide=guide, site_url=site_url, site_name=site_name)
    if missing := missing_sections(validation.index, pages):
        problems = [*validation.problems, *missing]
        return Generated(Validation(validation.index, problems, validation.files), None)
    return Generated(validation, pages)


def write_pages(root: Path, pages: dict[str, str]) -> WriteResult:
    return write_docs(pages, root / DOCS_DIR)


def build(root: Path, *, today: datetime.date, engine: str = "mkdocs") -> Path:
    """Build the site into root/site with `engine`; the caller has generated and written
    the pages (which is all the MkDocs hook does, so Zensical, which ignores hooks,
    builds the same pages)."""
    return build_site(root, source_date_epoch=epoch_of(today), engine=engine)
