"""The learning planner (rencana belajar): its rules, its size, and its page.

The planning rules live in overrides/assets/rencana-belajar.js and are unit-tested
with Node's built-in runner (tests/js/); this file runs those tests so `make test`
covers them, keeps the script small for metered phones, and checks that the page and
the JSON the script reads agree with each other.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess

import pytest
import yaml

from generator import pipeline
from generator.render.planner import PLANNER_DATA
from tests.constants import REPO, TODAY_DATE

SCRIPT = REPO / "overrides" / "assets" / "rencana-belajar.js"
MAX_GZIPPED = 20 * 1024


def test_planning_rules_pass_their_node_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "`node` is not on PATH: the planner's rules are tested with Node's built-in "
            "test runner (node --test tests/js/). Install Node.js 20 or later.",
            pytrace=False,
        )
    done = subprocess.run(
        [node, "--test", "tests/js/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"node --test tests/js/ failed:\n{done.stdout}\n{done.stderr}"
    assert re.search(r"^# pass [1-9]", done.stdout, re.MULTILINE), done.stdout


def test_script_is_small_enough_for_metered_phones():
    size = len(gzip.compress(SCRIPT.read_bytes(), compresslevel=9))
    assert size < MAX_GZIPPED, f"{SCRIPT.name} is {size} bytes gzipped; the budget is 20 KB"


def test_script_is_not_loaded_on_every_page():
    config = yaml.safe_load(
        re.sub(r"!!python/\S+", "", (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    assert not any("rencana-belajar" in str(item) for item in config.get("extra_javascript", []))


@pytest.fixture
def rendered(project) -> dict[str, str]:
    generated = pipeline.generate(project(), today=TODAY_DATE)
    assert generated.pages is not None, [p.as_text() for p in generated.validation.problems]
    return generated.pages


def front_matter(text: str) -> dict:
    assert text.startswith("---\n"), text[:80]
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def test_only_the_planner_page_asks_for_the_planner_assets(rendered):
    # The theme (overrides/main.html) adds the tags, so every engine resolves them;
    # the Markdown itself carries no <link> or <script>.
    asking = [
        path
        for path, text in rendered.items()
        if path.endswith(".md") and "rencana-belajar" in front_matter(text).get("kk_assets", [])
    ]
    assert asking == ["rencana-belajar/index.md"]
    assert front_matter(rendered["katalog/index.md"])["kk_assets"] == ["katalog"]
    # The planner shows session times in the reader's zone, which the zone script keeps.
    assert front_matter(rendered["rencana-belajar/index.md"])["kk_assets"] == [
        "rencana-belajar",
        "zona-waktu",
    ]
    for path, text in rendered.items():
        assert "<script" not in text and "<link" not in text, path


def test_planner_page_explains_itself_without_javascript(rendered):
    page = rendered["rencana-belajar/index.md"]
    assert "**20 JP per tahun**" in page
    assert "1 JP sama dengan 45 menit" in page
    assert "<noscript>" in page
    # Laid out from the start (no `hidden`): the theme hides it in <noscript>, and its
    # button stays off until the script has the data.
    assert '<div id="kk-rencana" class="kk-rencana">' in page
    assert '<button type="submit" class="md-button md-button--primary" disabled>' in page
    assert "[jalur belajar](../jalur-belajar/index.md)" in page
    # The mini project's one pathway is for pelaksana; others are pointed elsewhere.
    assert "- **Administrator:** [Jalur Analis Data](../jalur-belajar/analis/index.md)" in page
    assert "- **CPNS:** belum ada jalur belajar khusus" in page


def test_form_offers_exactly_what_the_data_knows(rendered):
    page = rendered["rencana-belajar/index.md"]
    data = json.loads(rendered[PLANNER_DATA])

    def values(name: str) -> list[str]:
        return re.findall(rf'name="{name}" value="([^"]+)"', page)

    assert values("jabatan") == [audience["id"] for audience in data["audiences"]]
    assert values("kompetensi") == [
        competency["ref"]
        for framework in data["frameworks"]
        for competency in framework["competencies"]
    ]
    assert values("jalur") == [track["id"] for track in data["tracks"]]
    # The first choice leaves the pathway to the jabatan; the others name one each.
    pathways = re.findall(r'name="jalur-belajar" value="([^"]*)"', page)
    assert pathways == [""] + [pathway["id"] for pathway in data["pathways"]]
    for element_id in (
        "kk-rencana-form",
        "kk-status",
        "kk-hasil",
        "kk-hasil-judul",
        "kk-ringkasan",
        "kk-keseimbangan",
        "kk-daftar",
        "kk-tambah-pilih",
        "kk-tambah-tombol",
        "kk-cetak",
        "kk-salin",
        "kk-ulang",
        "kk-tautan",
    ):
        assert f'id="{element_id}"' in page, element_id
        assert f'"{element_id}"' in SCRIPT.read_text(encoding="utf-8"), element_id


def test_planner_data_has_the_shape_the_script_reads(rendered):
    data = json.loads(rendered[PLANNER_DATA])
    assert {"today", "jp_minutes", "annual_jp_target", "weekly_jp_pace"} <= data.keys()
    assert [group["id"] for group in data["groups"]] == ["formal", "social", "experiential"]
    modules = {module["id"]: module for module in data["modules"]}
    lanjut = modules["data-lanjut"]
    assert lanjut["minutes"] == 270
    assert lanjut["groups"] == {"formal": 90, "social": 0, "experiential": 180}
    assert lanjut["prerequisites"] == ["data-dasar"]
    assert lanjut["next_session"] == "2026-12-10"
    # 09.00 WITA is 01.00 UTC; each zone's text is the module page's, from Babel.
    assert lanjut["next_session_at"] == "2026-12-10T01:00:00Z"
    assert lanjut["next_session_times"] == {
        "wib": "Kamis, 10 Desember 2026, 08.00–09.30 WIB",
        "wita": "Kamis, 10 Desember 2026, 09.00–10.30 WITA",
        "wit": "Kamis, 10 Desember 2026, 10.00–11.30 WIT",
        "asal": "Kamis, 10 Desember 2026, 09.00–10.30 WITA",
    }
    assert modules["etika"]["next_session_times"] is None
    assert lanjut["audience"] == ["administrator"]
    assert lanjut["competencies"] == ["digital/data"]
    assert lanjut["track"] == "digital"
    assert modules["etika"]["next_session"] is None


# Proposes a plan for each jabatan named on stdin ({"data": …, "audiences": […]}) with
# the planner's own rules and writes {audience: {modules, pathway}}.
PROPOSE = """
const planner = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { data, audiences } = JSON.parse(input);
  const out = {};
  for (const audience of audiences) out[audience] = planner.proposePlan(data, { audience });
  process.stdout.write(JSON.stringify(out));
});
"""


def seed_pathways() -> dict[str, dict]:
    """The seed's pathway files as written, read straight from the YAML."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "curriculum" / "pathways").glob("*.yml"))
    }


def test_each_seed_jabatan_plan_starts_with_its_pathways_first_required_step():
    generated = pipeline.generate(REPO, today=TODAY_DATE)
    assert generated.pages is not None
    data = json.loads(generated.pages[PLANNER_DATA])
    pathways = seed_pathways()
    audiences = [audience["id"] for audience in data["audiences"]]
    node = shutil.which("node")
    assert node, "`node` is needed to run the planner's rules"
    done = subprocess.run(
        [node, "-e", PROPOSE, str(SCRIPT)],
        input=json.dumps({"data": data, "audiences": audiences}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    plans = json.loads(done.stdout)
    with_pathway = 0
    for audience in audiences:
        # The jabatan's pathway, from the YAML alone: an active one naming the jabatan,
        # the most specific (fewest jabatan) first, then by file name.
        own = sorted(
            (len(p["audience"]), pathway_id)
            for pathway_id, p in pathways.items()
            if audience in p["audience"] and p.get("status", "active") == "active"
        )
        plan = plans[audience]
        if not own:
            assert plan["pathway"] is None, audience
            continue
        with_pathway += 1
        pathway_id = own[0][1]
        steps = [step for phase in pathways[pathway_id]["phases"] for step in phase["steps"]]
        required = [step["module"] for step in steps if step.get("required", True)]
        assert plan["pathway"] == pathway_id, audience
        assert plan["modules"][0] == required[0], (audience, plan["modules"])
        # The pathway's steps that the plan takes come in the pathway's order.
        taken = [module_id for module_id in plan["modules"] if module_id in required]
        assert taken == required[: len(taken)], (audience, taken)
    assert with_pathway >= 6, "the seed should give most jabatan a pathway"
