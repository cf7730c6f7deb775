"""The pathways' PDF booklets of the seed site, read back by a second library (pypdf):
what a reader of the printed booklet or a screen reader gets. Expectations come from the
curriculum and the build's own session texts."""

from __future__ import annotations

import datetime
import functools
import re

import pytest
from pypdf import PdfReader

from generator.load.files import load_sources
from generator.model.curriculum import build_curriculum
from generator.render.sessions import session_times
from generator.validate import validate
from tests.constants import REPO, TODAY

PATHWAY = "orientasi-cpns"


@functools.cache
def seed():
    today = datetime.date.fromisoformat(TODAY)
    return build_curriculum(validate(load_sources(REPO), today=today).index, today=today)


@pytest.fixture(scope="module")
def booklet(seed_site):
    return PdfReader(seed_site / "buklet" / f"{PATHWAY}.pdf")


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def flatten(outline: list) -> list:
    return [
        entry for item in outline for entry in (flatten(item) if isinstance(item, list) else [item])
    ]


def test_booklet_holds_every_module_with_its_jp_and_session_times(booklet):
    c = seed()
    text = text_of(booklet)
    for module_id in c.index.pathway_modules(PATHWAY):
        assert " ".join(c.modules[module_id].title.split()) in text, module_id
        for objective in c.modules[module_id].objectives:
            assert " ".join(objective.split())[:40] in text
    sessions = [s for m in c.index.pathway_modules(PATHWAY) for s in c.upcoming_sessions(m)]
    assert sessions, "the seed pathway has upcoming sessions"
    for zone in session_times(sessions[0])["conversions"]:
        assert zone["range"] in text
    assert "JP wajib" in text


def test_booklet_declares_language_title_tags_and_bookmarks(booklet):
    root = booklet.trailer["/Root"]
    assert root["/Lang"] == "id"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert booklet.metadata.title == f"Buklet jalur belajar: {seed().pathways[PATHWAY].title}"
    bookmarks = [item.title for item in flatten(booklet.outline)]
    assert any(title.startswith("Fase 1") for title in bookmarks)
    assert booklet.pages[0].mediabox.width == pytest.approx(595, abs=1)


def test_pathway_page_links_its_booklet_with_its_size(seed_site):
    from generator.text.numbers import file_size

    size = (seed_site / "buklet" / f"{PATHWAY}.pdf").stat().st_size
    html = (seed_site / "jalur-belajar" / PATHWAY / "index.html").read_text(encoding="utf-8")
    assert f'href="../../buklet/{PATHWAY}.pdf"' in html
    assert f"(PDF, {file_size(size)})" in html


@pytest.mark.parametrize("name", ["script", "title-breakout", "attribute-double-quote"])
def test_hostile_text_stays_text_in_the_booklet(name, tmp_path):
    from bs4 import BeautifulSoup

    from generator.render.booklet import booklets
    from generator.write.booklets import make_booklets
    from tests import hostile

    payload = next(p for p in hostile.PAYLOADS if p.name == name)
    project = hostile.write_hostile(tmp_path / "proyek", payload)
    today = datetime.date.fromisoformat(TODAY)
    validation = validate(load_sources(project.root), today=today)
    assert validation.ok, [p.message for p in validation.problems][:5]
    c = build_curriculum(validation.index, today=today)
    pages = booklets(c, site_name="Kurikulum", site_url="")
    for path, page in pages.items():
        soup = BeautifulSoup(page, "html.parser")
        assert [t.name for t in soup.find_all(["script", "img", "iframe", "svg"])] == [], path
        handlers = [a for t in soup.find_all(True) for a in t.attrs if a.startswith("on")]
        assert handlers == [], path
        assert soup.title.string.startswith("Buklet jalur belajar: KK")
    first = sorted(pages)[0]
    pdf = make_booklets({first: pages[first]}, tmp_path)[first]
    text = text_of(PdfReader(pdf))
    # The payload reads as the text it is (PDF text extraction drops some spaces).
    shown = re.escape(payload.text.replace(" ", "")).replace("@N", r"\d+")
    assert re.search(shown, text.replace(" ", ""))
