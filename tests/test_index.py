"""The curriculum index and the routes: each fact answered once, on the mini fixture."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from generator.load.files import load_sources
from generator.model.index import EVERYONE, CurriculumIndex, track_folder
from generator.model.routes import ITEM_FOLDERS, SINGLE_PAGES, docs_path, relative_link, route
from generator.validate import validate
from tests.conftest import TODAY
from tests.constants import FIXTURES


@pytest.fixture(scope="module")
def index() -> CurriculumIndex:
    return validate(load_sources(FIXTURES / "mini"), today=datetime.date.fromisoformat(TODAY)).index


def test_published_and_offered_follow_the_status(index):
    assert index.is_published("module", "integritas-dasar")
    assert index.is_offered("module", "integritas-dasar")
    assert index.is_published("module", "etika-lama")  # archived: a page, not offered
    assert not index.is_offered("module", "etika-lama")
    assert not index.is_published("module", "ai-generatif")  # draft
    assert not index.is_published("module", "tidak-ada")
    assert "ai-generatif" not in index.published("module")
    assert index.is_published("track", "nilai")
    assert index.is_published("page", "tentang")
    assert index.is_published("competency", next(iter(index.competencies)))
    assert not index.is_published("competency", "tidak/ada")


def test_module_facts(index):
    assert index.track_of("literasi-data") == "digital"
    assert track_folder("curriculum/modules/nilai/etika-lama.yml") == "nilai"
    assert index.module_jp("integritas-dasar") == Fraction(
        index.module_minutes("integritas-dasar"), index.config.jp_minutes
    )
    audience = {m: index.modules[m].model.audience for m in index.modules}
    assert any(EVERYONE in a for a in audience.values()), "the mini fixture has a module for all"
    for module_id, targets in audience.items():
        for jabatan in ("pengawas", "cpns"):
            expected = jabatan in targets or EVERYONE in targets
            assert index.serves("module", module_id, jabatan) == expected, (module_id, jabatan)


def test_sessions_are_aware_and_in_time_order(index):
    sessions = index.sessions("keamanan-siber")
    assert [s.zone for s in sessions] == ["Asia/Jayapura", "Asia/Jakarta", "Asia/Jakarta"]
    assert all(s.start.tzinfo is not None for s in sessions)
    assert sessions == sorted(sessions, key=lambda s: s.order)
    first = sessions[0]
    assert first.end - first.start == datetime.timedelta(minutes=first.session.minutes)
    assert index.sessions("tidak-ada") == []


@pytest.mark.parametrize(
    ("kind", "item_id"),
    [(kind, "") for kind in SINGLE_PAGES]
    + [(kind, "x") for kind in ITEM_FOLDERS]
    + [("framework", "fw"), ("competency", "fw/c")],
)
def test_every_route_reads_back(kind, item_id):
    where = route(kind, item_id)
    assert docs_path("/" + where.site, lambda *_: True) == where.docs


def test_relative_links_between_pages():
    assert relative_link("index.md", route("module", "a").docs) == "modul/a/index.md"
    assert relative_link(route("module", "a").docs, route("track", "t").docs) == (
        "../../jalur/t/index.md"
    )
    assert relative_link(route("competency", "fw/c").docs, route("framework", "fw").docs) == (
        "../index.md"
    )


def test_every_page_file_sits_in_the_folder_it_is_published_as():
    # So a relative link in raw HTML means the same to MkDocs (which leaves it as written)
    # and to Zensical (which resolves it from the Markdown file).
    kinds = [(kind, "") for kind in SINGLE_PAGES]
    kinds += [(kind, "x") for kind in ITEM_FOLDERS] + [("framework", "f"), ("competency", "f/c")]
    for kind, item_id in kinds:
        where = route(kind, item_id)
        assert where.docs == where.site + "index.md", (kind, where)


def test_pathway_years_split_the_required_steps_at_the_target(index):
    # 9 JP of required steps: one year, holding both required steps; the optional one is
    # not part of any year.
    assert index.pathway_years("asn-berintegritas") == [["integritas-dasar", "kolaborasi-tim"]]
    assert index.pathway_years("tidak-ada") == []


def test_the_pathway_to_start_from_is_the_most_specific_for_the_jabatan(index):
    assert index.audience_pathways("pengawas") == ["asn-berintegritas"]
    assert index.audience_pathways("cpns") == []
    # Named for pelaksana alone: the only one, whatever its order among files.
    assert index.audience_pathways("pelaksana") == ["analis-data"]
