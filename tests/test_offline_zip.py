"""The package for no connection at all (`python -m generator zip`), unpacked and opened from
`file://` in Chromium as a reader with no network would: every page opens, every link of
every page leads to a file of the package, and the first page says search is replaced by
the A–Z index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.text.numbers import file_size
from tests.browser import new_context
from tests.constants import REPO

pytestmark = pytest.mark.browser


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and tag in {"a", "link", "script", "img"}:
                self.links.append(values[name])


@pytest.fixture(scope="module")
def unpacked(seed_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zip")
    # A copy: the command records the package in the site's luring/index.json.
    project = out / "proyek"
    shutil.copytree(seed_site, project / "site")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    command = [sys.executable, "-m", "generator", "zip", "--root", str(project)]
    command += ["--output", str(out / "luring.zip")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    size = (out / "luring.zip").stat().st_size
    assert f"({file_size(size)})" in result.stdout
    index = json.loads((project / "site" / "luring" / "index.json").read_text(encoding="utf-8"))
    assert index["zip"]["ukuran"] == size
    assert index["zip"]["alamat"].endswith("/releases/download/luring/luring.zip")
    with zipfile.ZipFile(out / "luring.zip") as archive:
        archive.extractall(out)
    return out / "kurikulum-asn"


def parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_of_every_page_leads_to_a_file_of_the_package(unpacked):
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 100
    broken = []
    for page in pages:
        base = page.as_uri()
        for link in parsed(page).links:
            target = urlsplit(urljoin(base, link))
            if target.scheme != "file":
                continue
            path = Path(unquote(target.path))
            if not path.is_file():
                broken.append(f"{page.relative_to(unpacked)} → {link}")
            elif (
                target.fragment
                and path.suffix == ".html"
                and unquote(target.fragment) not in parsed(path).ids
            ):
                broken.append(f"{page.relative_to(unpacked)} → {link} (no such section)")
    assert broken == []


def test_package_opens_from_file_in_chromium_with_the_a_to_z_index(chromium, unpacked):
    context = new_context(chromium, viewport={"width": 360, "height": 740})
    failed = []
    context.on(
        "requestfailed",
        lambda request: (
            failed.append(f"{request.url}: {request.failure}")
            if request.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    page = context.new_page()
    page.goto((unpacked / "index.html").as_uri())
    note = page.locator("article .admonition", has_text="Salinan luring")
    assert "Pencarian tidak tersedia" in note.inner_text()
    assert page.get_by_role("button", name="Cari di situs").count() == 0
    note.get_by_role("link", name="Indeks A–Z").click()
    page.wait_for_url("**/indeks-a-z.html")
    listed = page.locator("article li a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(listed) == sorted(p.as_uri() for p in unpacked.rglob("index.html"))
    page.get_by_role("link", name=re.compile("^Pengelolaan Arsip Digital$")).click()
    page.wait_for_url("**/modul/arsip-digital/index.html")
    assert page.title() == "Pengelolaan Arsip Digital - Kurikulum Kompetensi ASN"
    # Every link was checked on the files above; here one page of each kind opens, with
    # everything it loads.
    for path in ("jalur-belajar/orientasi-cpns/", "jabatan/cpns/", "rencana-belajar/", "katalog/"):
        page.goto((unpacked / path / "index.html").as_uri(), wait_until="load")
    assert failed == []
    context.close()
