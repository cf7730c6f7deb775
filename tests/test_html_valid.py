"""The published HTML is valid: the Nu HTML checker finds no error in generated content.

The checker is npm's `vnu-jar` (installed by `make test`) run on Debian's
`default-jre-headless` (`.ci/run` installs it). It refuses 127.0.0.1 URLs, so it is
given the built files, all of one site in one run (one JVM start).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser import unavailable
from tests.constants import REPO

pytestmark = pytest.mark.slow

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material for MkDocs' own markup, on pages whatever their content: each message the
# checker reports, with the exact elements it may flag. Nothing else is excused.
MATERIAL_ERRORS = {
    # Material's base.html: the drawer and search toggles are checkboxes carrying
    # autocomplete="off".
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”.": {
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">',
    },
    # Material's partials/toc.html always writes <label for="__toc">, but
    # partials/nav-item.html writes the __toc checkbox only for the page being shown when
    # it is in `nav`; module, pathway, competency and other pages listed in `not_in_nav`
    # are not, so on them the label names no control.
    "The value of the “for” attribute of the “label” element must be the ID of a "
    "non-hidden form control.": {'<label class="md-nav__title" for="__toc">'},
}


def java() -> str:
    path = shutil.which("java")
    if not path:
        unavailable(
            "Java not found: install Debian's `default-jre-headless` (`.ci/run` does)",
            "the Nu HTML checker test",
        )
    if not VNU.is_file():
        unavailable(
            f"{VNU.relative_to(REPO)} is missing: run `make test` (npm ci) first",
            "the Nu HTML checker test",
        )
    return path


def nu_messages(java: str, site: Path) -> list[dict]:
    """Every error the Nu HTML checker reports on the site's HTML files."""
    files = sorted(str(path) for path in site.rglob("*.html"))
    assert files, f"no HTML in {site}"
    command = [java, "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always"]
    command += ["--skip-non-html", "--errors-only", *files]
    done = subprocess.run(command, capture_output=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, f"the Nu HTML checker failed:\n{done.stdout}\n{done.stderr}"
    return json.loads(done.stdout)["messages"]


def flagged(message: dict) -> str:
    """The markup the checker points at (its highlighted part of the extract)."""
    start = message.get("hiliteStart", 0)
    return message.get("extract", "")[start : start + message.get("hiliteLength", 0)]


def describe(message: dict, site: Path) -> str:
    url = message.get("url", "")
    where = url.removeprefix("file:").removeprefix(f"{site}/") if url else "(no file)"
    line = message.get("lastLine", "?")
    return f"{where}:{line}: {message.get('type')}: {message.get('message')} [{flagged(message)}]"


@pytest.mark.parametrize("name", ["seed", "mini"])
def test_generated_html_has_no_nu_checker_error(name, request):
    checker = java()
    site = request.getfixturevalue(f"{name}_site")
    errors = [
        describe(message, site)
        for message in nu_messages(checker, site)
        if flagged(message) not in MATERIAL_ERRORS.get(message.get("message"), ())
    ]
    assert not errors, f"{len(errors)} Nu HTML checker errors:\n" + "\n".join(errors)
