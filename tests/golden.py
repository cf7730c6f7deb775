"""Golden Markdown of the mini fixture: `make golden` (python -m tests.golden) rewrites it.

Review the diff of tests/golden/ after regenerating: it is exactly what changed for readers.
"""

from __future__ import annotations

import shutil

from generator.model.curriculum import build_curriculum
from generator.pipeline import check
from generator.render.pages import render_pages
from tests.constants import GOLDEN, MINI, REPO, TODAY_DATE

GUIDE = "# Panduan uji\n\nPanduan singkat untuk pengujian.\n"


def render_fixture() -> dict[str, str]:
    validation = check(MINI, today=TODAY_DATE)
    assert validation.ok, [problem.as_text() for problem in validation.problems]
    return render_pages(build_curriculum(validation.index, today=TODAY_DATE), guide=GUIDE)


def main() -> None:
    pages = render_fixture()
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for relpath, text in pages.items():
        target = GOLDEN / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    print(f"{len(pages)} berkas ditulis ke {GOLDEN.relative_to(REPO)}")


if __name__ == "__main__":
    main()
