"""Generate the pages and rewrite docs/, saying what happened: what `build` and the
Zensical preview (serve.py) both do before their engine runs."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from generator import pipeline
from generator.problems.messages import say
from generator.problems.report import report


def write_generated(
    root: Path, *, today: datetime.date, invalid: str, **options: bool
) -> pipeline.Generated | None:
    """Problems to stderr; None (docs/ untouched, message `invalid`) when there are errors."""
    generated = pipeline.generate(root, today=today, **options)
    problems = generated.validation.problems
    if problems:
        print(report(problems, generated.validation.files, "text"), file=sys.stderr)
    if generated.pages is None:
        print(say(invalid), file=sys.stderr)
        return None
    written = pipeline.write_pages(root, generated.pages)
    print(
        say(
            "build-written",
            pages=len(generated.pages),
            folder=pipeline.DOCS_DIR,
            changed=len(written.written),
            removed=len(written.removed),
        ),
        flush=True,
    )
    return generated
