"""MkDocs hook: regenerate the Markdown pages before each build (`mkdocs build/serve`).

A thin adapter: the pipeline does the work, and any engine that reads mkdocs.yml
can build the pages it wrote to docs/ without this hook.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import pipeline
from generator.problems.report import ERROR

log = logging.getLogger("mkdocs.hooks.kurikulum")


def on_pre_build(config, **kwargs) -> None:
    if os.environ.get("KURIKULUM_PAGES_READY"):
        return
    root = Path(config.config_file_path).parent
    generated = pipeline.generate(root, today=pipeline.resolve_today())
    for problem in generated.validation.problems:
        # Curriculum warnings (a stale review date) must not abort MkDocs' strict mode;
        # `make validate --strict` is where they fail.
        (log.error if problem.severity == ERROR else log.info)(problem.as_text())
    if generated.pages is None:
        raise PluginError("kurikulum tidak valid; perbaiki galat di atas (halaman tidak diubah)")
    pipeline.write_pages(root, generated.pages)
