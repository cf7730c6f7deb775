"""One gate: what would fail `make site` fails `make validate` (the pull request's check)
first, with the same located message.

For every check that runs on the rendered pages (`pipeline.POST_RENDER_CHECKS`) there is a
curriculum here that `validate` refuses with exactly the lines `build` prints; a scaffold's
placeholders left in a published item fail the check, in the form the workflow runs it.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator import pipeline
from generator.commands import cli
from generator.validate.anchors import missing_sections
from tests.conftest import MODULE_ETIKA, run_validate, write_project
from tests.constants import TODAY

ETIKA = "curriculum/modules/nilai/etika.yml"

# One curriculum per post-render check, each failing that check only.
FAILING = {
    missing_sections: {
        ETIKA: MODULE_ETIKA
        + "resources:\n  - title: Bagian\n    url: /modul/data-dasar/#bagian-yang-tidak-ada\n"
        "    kind: link\n"
    },
}


def _build(root: Path) -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["build", "--root", str(root), "--today", TODAY, "--markdown-only"])
    return code, out.getvalue().splitlines()


def test_every_post_render_check_has_a_failing_curriculum():
    assert {check for check, _needed in pipeline.POST_RENDER_CHECKS} == set(FAILING)


@pytest.mark.parametrize("check", list(FAILING), ids=lambda check: check.__name__)
def test_validate_refuses_what_build_refuses_with_the_same_message(tmp_path, check):
    root = write_project(tmp_path, FAILING[check])
    needed = dict(pipeline.POST_RENDER_CHECKS)[check]
    assert needed(pipeline.check(root, today=pipeline.resolve_today(TODAY)).index)
    validated = run_validate(root)
    code, built = _build(root)
    assert code == 1 and validated.exit_code == 1
    assert validated.problems, "validate found nothing"
    # build prints the report, then says it wrote nothing.
    assert built[: len(validated.lines)] == validated.lines
    assert not (root / "docs").exists()


def test_the_missing_section_is_named_where_the_link_is_written(tmp_path):
    root = write_project(tmp_path, FAILING[missing_sections])
    assert run_validate(root).problems == [
        f"{ETIKA}:18:10: error: halaman `/modul/data-dasar/` tidak punya bagian "
        "`#bagian-yang-tidak-ada` (bagian yang ada: `#dasar-pengelolaan-data`, "
        "`#tujuan-pembelajaran`, `#kompetensi-yang-dikembangkan`, `#kegiatan`, "
        "`#sebelum-dan-sesudah-modul-ini`, `#bukti-hasil`, `#tentang-modul-ini`)"
    ]


def test_a_published_module_with_scaffold_placeholders_fails_the_pull_request_check(tmp_path):
    text = MODULE_ETIKA.replace(
        "summary: Menerapkan nilai akuntabel dalam pelayanan publik.",
        'summary: "ISI: satu kalimat ringkasan"',
    )
    root = write_project(tmp_path, {ETIKA: text})
    result = run_validate(root, "--format", "github")
    assert result.exit_code == 1
    assert result.problems == [
        f"::error file={ETIKA},line=3,col=10::`summary` masih berisi teks isian `ISI: …`; "
        "ganti dengan isi sebenarnya sebelum diterbitkan"
    ]
