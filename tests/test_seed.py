"""The seed curriculum as shipped: valid, and its pathways keep their promises."""

from __future__ import annotations

import pytest

from generator.model.curriculum import build_curriculum
from generator.pipeline import check
from tests.constants import REPO
from tests.constants import TODAY_DATE as TODAY


@pytest.fixture(scope="module")
def curriculum():
    validation = check(REPO, today=TODAY)
    assert validation.problems == []
    return build_curriculum(validation.index, today=TODAY)


def test_seed_has_the_promised_breadth(curriculum):
    per_track = {track: len(curriculum.track_modules(track)) for track in curriculum.tracks}
    assert list(per_track) == ["berakhlak", "spbe", "kepemimpinan", "teknis"]
    assert all(count >= 8 for count in per_track.values()), per_track
    assert len([p for p in curriculum.pathways.values() if p.status == "active"]) >= 6
    assert len(curriculum.glossary) >= 30
    assert set(curriculum.frameworks) >= {"berakhlak", "manajerial", "sosial-kultural"}


def test_no_matrix_gap_that_a_pathway_promises_to_cover(curriculum):
    promised = [(audience, ref, ids) for audience, ref, ids in curriculum.gaps() if ids]
    assert promised == []


def test_every_competency_is_developed_by_an_active_module(curriculum):
    developed = {
        ref
        for ref, developers in curriculum.developers.items()
        if any(curriculum.modules[m].status == "active" for _, m in developers)
    }
    assert set(curriculum.competency_refs()) <= developed


def test_sessions_span_the_three_zones_and_both_sides_of_today(curriculum):
    zones = {session.zone for session in curriculum.sessions}
    assert {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"} <= zones
    assert curriculum.upcoming_sessions()
    assert any(not s.is_upcoming(TODAY) for s in curriculum.sessions)


@pytest.mark.slow
def test_every_pathway_step_is_its_own_item_on_the_page(curriculum, seed_site):
    from bs4 import BeautifulSoup

    for pathway_id in curriculum.pathways:
        html = (seed_site / "jalur-belajar" / pathway_id / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        shown = [
            a["href"].rstrip("/").rsplit("/", 1)[-1]
            for a in soup.select(".kk-fase-langkah > ol > li > p:first-child > strong > a")
        ]
        assert shown == curriculum.index.pathway_modules(pathway_id), pathway_id
