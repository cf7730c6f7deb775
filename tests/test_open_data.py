"""Open data as the systems outside the site read it: `catalog.json` against its published
JSON Schema, and the schema.org JSON-LD of module and pathway pages."""

from __future__ import annotations

import datetime
import json
import shutil
from zoneinfo import ZoneInfo

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from generator import pipeline
from generator.render.catalog import SCHEMA_VERSION
from generator.render.jsonld import script_json
from tests.conftest import MODULE_ETIKA
from tests.constants import MINI, REPO, TODAY_DATE

ETIKA = "curriculum/modules/nilai/etika.yml"


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("seed")
    for name in ("curriculum", "site_config.yml", "mkdocs.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return pipeline.generate(root, today=TODAY_DATE).pages


@pytest.fixture(scope="module")
def mini_pages(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("mini")
    shutil.copytree(MINI, root, dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return pipeline.generate(root, today=TODAY_DATE).pages


@pytest.mark.parametrize("which", ["seed_pages", "mini_pages"])
def test_catalog_validates_against_its_published_schema(request, which):
    pages = request.getfixturevalue(which)
    catalog, schema = json.loads(pages["catalog.json"]), json.loads(pages["catalog.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(catalog, schema, cls=jsonschema.Draft202012Validator)
    assert catalog["schema_version"] == SCHEMA_VERSION
    assert schema["$id"] == catalog["site_url"] + "catalog.schema.json"
    assert catalog["modules"] and catalog["pathways"]
    # Every calendar the catalogue names is one the site has.
    calendars = [catalog["calendar_url"]] + [p["calendar_url"] for p in catalog["pathways"]]
    calendars += [s["calendar_url"] for m in catalog["modules"] for s in m["upcoming_sessions"]]
    for url in filter(None, calendars):
        assert url.removeprefix(catalog["site_url"]) in pages, url


def test_schema_refuses_what_a_reader_could_not_use(mini_pages):
    catalog, schema = (
        json.loads(mini_pages["catalog.json"]),
        json.loads(mini_pages["catalog.schema.json"]),
    )
    broken = json.loads(json.dumps(catalog))
    del broken["modules"][0]["jp"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(catalog))
    broken["modules"][0]["modes"] = ["kuliah"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_catalog_holds_published_modules_with_their_upcoming_sessions(mini_pages):
    catalog = json.loads(mini_pages["catalog.json"])
    modules = {m["id"]: m for m in catalog["modules"]}
    sources = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (MINI / "curriculum" / "modules").rglob("*.yml")
    }
    published = {i for i, m in sources.items() if m.get("status", "active") != "draft"}
    assert set(modules) == published
    for module_id, module in modules.items():
        assert module["url"] == f"https://kurikulum-asn.github.io/kurikulum/modul/{module_id}/"
        expected = []
        for session in sources[module_id].get("sessions") or []:
            zone = ZoneInfo(session.get("timezone", "Asia/Jakarta"))
            start = datetime.datetime.fromisoformat(session["start"]).replace(tzinfo=zone)
            if start.date() >= TODAY_DATE:
                expected.append(start)
        found = [datetime.datetime.fromisoformat(s["start"]) for s in module["upcoming_sessions"]]
        assert found == sorted(expected, key=lambda s: s.astimezone(datetime.UTC))
        for session in module["upcoming_sessions"]:
            # The start carries its offset, in the session's own zone.
            start = datetime.datetime.fromisoformat(session["start"])
            assert start.utcoffset() == start.astimezone(ZoneInfo(session["timezone"])).utcoffset()
            assert session["calendar_url"].endswith(".ics")
    integritas = modules["integritas-dasar"]
    assert integritas["upcoming_sessions"][0]["start"] == "2026-12-09T09:00:00+07:00"
    assert integritas["upcoming_sessions"][0]["zone"] == "WIB"


def _jsonld(html: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.get_text()) for s in soup.find_all("script", type="application/ld+json")]


def test_module_page_jsonld_is_a_course_with_its_sessions(mini_site):
    (data,) = _jsonld((mini_site / "modul" / "integritas-dasar" / "index.html").read_text())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data["name"] == "Integritas dalam Pelayanan"
    assert data["inLanguage"] == "id"
    assert data["timeRequired"].startswith("PT")
    assert data["provider"]["@type"] == "Organization" and data["provider"]["name"]
    assert data["url"] == "https://kurikulum-asn.github.io/kurikulum/modul/integritas-dasar/"
    (instance,) = data["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance"
    assert instance["courseMode"] == "online"
    assert instance["inLanguage"] == "id"
    assert instance["startDate"] == "2026-12-09T09:00:00+07:00"
    assert instance["endDate"] == "2026-12-09T10:30:00+07:00"
    assert instance["location"]["@type"] == "VirtualLocation"
    assert instance["location"]["url"].startswith("https://")


def test_pathway_page_jsonld_lists_its_modules_as_parts(mini_site):
    (data,) = _jsonld((mini_site / "jalur-belajar" / "analis-data" / "index.html").read_text())
    assert data["@type"] == "Course"
    assert data["inLanguage"] == "id"
    assert data["provider"]["@type"] == "Organization"
    parts = data["hasPart"]
    assert parts and all(part["@type"] == "Course" for part in parts)
    assert all(
        part["url"].startswith("https://kurikulum-asn.github.io/kurikulum/modul/") for part in parts
    )


def test_other_pages_carry_no_jsonld(mini_site):
    assert _jsonld((mini_site / "jadwal" / "index.html").read_text()) == []


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "baris\u2028baru\u2029"]
)
def test_script_json_cannot_end_the_script_and_reads_back(text):
    written = script_json({"name": text})
    assert not any(char in written for char in "<>&\u2028\u2029")
    assert json.loads(written) == {"name": text}


def test_hostile_title_in_jsonld_reads_back_exactly(project):
    hostile = "Etika </script><script>kkXss=1</script> & <!-- akhir"
    text = MODULE_ETIKA.replace("title: Etika Pelayanan", f"title: {json.dumps(hostile)}")
    root = project({ETIKA: text, "mkdocs.yml": "site_name: Uji\nsite_url: https://contoh.go.id/\n"})
    page = pipeline.generate(root, today=TODAY_DATE).pages["modul/etika/index.md"]
    front = yaml.safe_load(page.split("---\n")[1])
    assert "<" not in front["kk_jsonld"]
    assert json.loads(front["kk_jsonld"])["name"] == hostile


def test_module_without_upcoming_sessions_offers_no_course_instance(mini_site):
    (data,) = _jsonld((mini_site / "modul" / "etika-lama" / "index.html").read_text())
    assert data["@type"] == "Course"
    assert "hasCourseInstance" not in data
