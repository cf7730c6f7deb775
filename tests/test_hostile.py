"""Hostile curricula: nothing an editor writes becomes markup, script or a foreign load.

Each test builds the mini fixture with one payload in every text field at once (see
tests/hostile.py for the payloads and how the fields are derived from generator/format.py)
and scans the whole built site. A payload the validator may refuse (control characters,
`javascript:` links, malformed URLs) passes when it is refused properly: exit code 1, every
error located on a line holding a hostile value, in Indonesian, no traceback, nothing
published. Everything else must build, and the site must pass the scan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests import hostile
from tests.browser import new_context, serve
from tests.constants import FIXTURES, REPO
from tests.sitebuild import copy_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def baseline(mini_site) -> hostile.Baseline:
    return hostile.Baseline.of(mini_site)


def report(scan_findings, project: hostile.Hostile, limit: int = 60) -> str:
    """Findings grouped by what was found and the field it came from, with one example each."""
    groups: dict[tuple[str, str], list] = {}
    for finding in scan_findings:
        fields = [
            slot.field.name
            for marker in finding.markers
            if (slot := project.by_marker(marker)) is not None
        ]
        what = re.sub(r"\(expected .*|[{]?'KK\d{4}.*", "", finding.what).strip()
        key = (what, ", ".join(dict.fromkeys(fields)) or "?")
        groups.setdefault(key, []).append(finding)
    lines = []
    for (what, fields), items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:limit]:
        files = sorted({item.file for item in items})
        lines.append(
            f"- {what} | field: {fields} | {len(items)}× in {len(files)} files "
            f"(e.g. {', '.join(files[:3])})\n    example: {items[0].describe(project)}"
        )
    if len(groups) > limit:
        lines.append(f"… and {len(groups) - limit} more groups")
    return (
        f"[payload {project.payload}] {len(scan_findings)} findings in {len(groups)} groups:\n"
        + "\n".join(lines)
    )


def build_and_scan(project: hostile.Hostile, baseline: hostile.Baseline, refusable: bool):
    result = hostile.build_project(project.root)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        if refusable:
            problems = hostile.refusal_problems(project, result)
            assert not problems, f"[payload {project.payload}] improper refusal:\n" + "\n".join(
                problems
            )
            return None
        pytest.fail(
            f"[payload {project.payload}] markup in text must be accepted and shown literally, "
            f"but the build failed (exit {result.returncode}):\n{output[-4000:]}",
            pytrace=False,
        )
    assert "Traceback" not in output, output[-4000:]
    findings = hostile.SiteScan(project.root / "site", project, baseline).run()
    assert not findings, report(findings, project)
    return project


# --- fast checks ---------------------------------------------------------------------------------


def test_text_fields_come_from_the_models():
    fields = {f.name: f for f in hostile.text_fields()}
    for name in (
        "module.title",
        "module.summary",
        "module.objectives[]",
        "module.tags[]",
        "module.activities[].title",
        "module.speakers[].organisation",
        "module.resources[].title",
        "module.evaluation.kirkpatrick{}",
        "module.accessibility.low_bandwidth",
        "module.sessions[].platform",
        "module.owner",
        "pathway.phases[].steps[].note",
        "pathway.outcomes[]",
        "track.summary",
        "framework.source",
        "framework.levels[].title",
        "framework.competencies[].behaviours[]",
        "framework.competencies[].level_indicators{}",
        "glossary[].term",
        "glossary[].expansion",
        "outcome.source",
        "outcome.application[].note",
        "outcome.results[].indicator",
        "outcome.results[].unit",
        "outcome.results[].period",
        "outcome.results[].source",
    ):
        assert name in fields and not fields[name].markdown and not fields[name].url, name
    for name in (
        "module.description",
        "module.activities[].description",
        "pathway.phases[].description",
        "framework.competencies[].definition",
        "framework.levels[].description",
        "track.description",
        "glossary[].definition",
    ):
        assert name in fields and fields[name].markdown, name
    assert fields["module.resources[].url"].url == "site"
    assert fields["module.sessions[].registration_url"].url == "https"
    assert fields["module.summary"].max_length == 200 and not fields["module.summary"].multiline
    for not_text in ("module.id", "module.reviewed", "module.sessions[].start", "track.icon"):
        assert not_text not in fields, not_text


def test_every_text_field_receives_every_payload(tmp_path):
    wanted = {f.name for f in hostile.text_fields() if not f.url}
    wanted |= {hostile.PAGE_H1.name, hostile.PAGE_BODY.name}
    for payload in hostile.PAYLOADS:
        project = hostile.write_hostile(tmp_path / payload.name, payload)
        missing = wanted - project.covered
        if payload.refusable == "control":
            missing -= {hostile.PAGE_H1.name, hostile.PAGE_BODY.name}
        assert not missing, (
            f"payload {payload.name} never reached {sorted(missing)}: give the fixture an "
            "instance of that field or add a default to hostile.REQUIRED_DEFAULTS"
        )
    urls = {f.name for f in hostile.text_fields() if f.url}
    project = hostile.write_hostile(tmp_path / "url", url_payload=hostile.URL_PAYLOADS[0])
    assert urls <= project.covered, sorted(urls - project.covered)


def test_control_characters_are_written_as_yaml_escapes(tmp_path):
    payload = next(p for p in hostile.PAYLOADS if p.name == "c0-c1-controls")
    project = hostile.write_hostile(tmp_path / "p", payload)
    text = (project.root / "curriculum/glossary.yml").read_text(encoding="utf-8")
    assert "\\x00" in text and "\\e" in text and "\\x85" not in text
    assert not hostile.FORBIDDEN_CHARS.search(text)
    assert hostile.yaml_quote("a\r\u202e\u200b\x85\u2028😀") == '"a\\r\\u202E\\u200B\\x85\\u2028😀"'


def test_planner_script_builds_the_page_with_text_only():
    """The planner puts curriculum titles into the page; it must never parse them as HTML."""
    sinks = re.compile(
        r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|"
        r"createContextualFragment|DOMParser|\bsrcdoc\b|\beval\s*\(|new\s+Function\s*\(|"
        r"setAttribute\(\s*['\"]on|\.html\s*\("
    )
    for script in sorted((REPO / "overrides").rglob("*.js")):
        text = script.read_text(encoding="utf-8")
        found = [
            f"{script.relative_to(REPO)}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), start=1)
            if sinks.search(line)
        ]
        assert not found, "HTML sinks in theme scripts:\n" + "\n".join(found)


def test_the_scan_finds_nothing_in_a_clean_build(baseline, tmp_path):
    """The scan itself: no finding on the fixture as it is (so every finding is real)."""
    project = hostile.write_hostile(tmp_path / "bersih")
    result = hostile.build_project(project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    findings = hostile.SiteScan(project.root / "site", project, baseline).run()
    assert not findings, report(findings, project)


# --- one build per payload -----------------------------------------------------------------------


@pytest.mark.parametrize("payload", hostile.PAYLOADS, ids=lambda p: p.name)
def test_hostile_text_in_every_field(payload, baseline, tmp_path):
    project = hostile.write_hostile(tmp_path / "proyek", payload)
    build_and_scan(project, baseline, refusable=bool(payload.refusable))


@pytest.mark.parametrize("payload", hostile.URL_PAYLOADS, ids=lambda p: p.name)
def test_hostile_url_in_every_url_field(payload, baseline, tmp_path):
    project = hostile.write_hostile(tmp_path / "proyek", url_payload=payload)
    build_and_scan(project, baseline, refusable=True)


# --- the cases the issue names -------------------------------------------------------------------


def _extra_glossary(project_root: Path, entry: str) -> None:
    glossary = project_root / "curriculum" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_glossary_term_with_a_carriage_return_adds_no_heading_or_attribute(tmp_path, baseline):
    root = copy_project(FIXTURES / "mini", tmp_path / "proyek")
    _extra_glossary(
        root,
        '- term: "ZZ\\r# Judul {: onclick=alert(1) }\\rZZ"\n'
        "  expansion: Istilah berbahaya\n"
        "  definition: Istilah dengan CR.\n"
        '- term: "YY\\r!!! danger \\"Palsu\\"\\r    Situs diretas.\\rYY"\n'
        "  expansion: Pemberitahuan palsu\n"
        "  definition: Istilah dengan CR.\n",
    )
    project = hostile.Hostile(root, "glossary-carriage-return")
    project.lines["curriculum/glossary.yml"] = set(range(1, 200))
    result = hostile.build_project(root)
    if result.returncode != 0:
        problems = hostile.refusal_problems(project, result)
        assert not problems, "\n".join(problems)
        return
    glossary_page = (root / "site" / "glosarium" / "index.html").read_text(encoding="utf-8")
    assert "Istilah berbahaya" in glossary_page and "Pemberitahuan palsu" in glossary_page
    found = []
    for path in sorted((root / "site").rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        relpath = path.relative_to(root / "site").as_posix()
        for heading in soup.find_all(re.compile(r"^h[1-6]$")):
            if " ".join(heading.get_text().split()).startswith("Judul"):
                found.append(f"{relpath}: heading made from the glossary term: {heading}")
        for element in soup.find_all(attrs={"onclick": True}):
            found.append(f"{relpath}: onclick attribute: {hostile.signature(element)}")
        for box in soup.select(".admonition"):
            if "Palsu" in box.get_text() or "diretas" in box.get_text():
                found.append(f"{relpath}: fake admonition: {str(box)[:200]}")
    shown = len(found)
    assert not found, f"{shown} problems, first 20:\n" + "\n".join(found[:20])


def test_emoji_in_module_title_summary_and_tag_arrive_intact(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "proyek")
    module = root / "curriculum/modules/digital/keamanan-siber.yml"
    text = module.read_text(encoding="utf-8")
    summary = "🔐 Mengenali phishing 𝔘 dan menjaga data instansi."
    text = re.sub(r"(?m)^title: .*$", 'title: "Keamanan Siber 😀 untuk ASN"', text, count=1)
    text = re.sub(r"(?m)^summary: .*$", f'summary: "{summary}"', text, count=1)
    text += 'tags:\n  - "keamanan 🛡️"\n  - "🇮🇩"\n'
    module.write_text(text, encoding="utf-8")
    result = hostile.build_project(root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = root / "site/modul/keamanan-siber/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    problems = []
    title = soup.find("title").get_text()
    if not title.startswith("Keamanan Siber 😀 untuk ASN"):
        problems.append(f"<title> is {title!r}")
    meta = soup.find("meta", attrs={"name": "description"})
    if meta is None or meta.get("content") != summary:
        problems.append(f"meta description is {meta}, expected {summary!r}")
    tags = [tag.get_text(strip=True) for tag in soup.select(".md-tags .md-tag")]
    if tags != ["keamanan 🛡️", "🇮🇩"] and sorted(tags) != sorted(["keamanan 🛡️", "🇮🇩"]):
        problems.append(f"tag list is {tags}")
    article = soup.find("article").get_text()
    if "source:" in article or "title:" in article:
        problems.append("the page shows its raw front matter")
    if soup.find("a", rel="edit") is None:
        problems.append("the edit link is missing")
    tag_index = (root / "site/tag/index.html").read_text(encoding="utf-8")
    if "keamanan 🛡️" not in tag_index:
        problems.append("the tag index does not list `keamanan 🛡️`")
    assert not problems, "emoji did not arrive intact on modul/keamanan-siber/:\n" + "\n".join(
        problems
    )


# --- in a real browser ---------------------------------------------------------------------------

BROWSER_PAYLOAD = hostile.Payload(
    "browser",
    "</title><script>kkXss=@N</script><img src=x onerror=kkXss=@N><svg onload=kkXss=@N>"
    "\" onmouseover=\"kkXss=@N\" ' onfocus='kkXss=@N' autofocus x='",
    block='\\*klik\\*{: onclick="kkXss=@N" }\n\n    [x][1]\n\n    [1]: javascript:kkXss=@N',
)

DETECT = """() => {
    const handlers = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.toLowerCase().startsWith('on')) {
                handlers.push(el.tagName.toLowerCase() + '[' + attr.name + ']');
            }
        }
        for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'pointerover']) {
            el.dispatchEvent(new Event(type, {bubbles: false}));
        }
    }
    const links = [...document.querySelectorAll('[href],[src],[action],[formaction]')]
        .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action')
            || el.getAttribute('formaction'))
        .filter(url => /^\\s*(javascript|vbscript|data):/i.test(url || ''));
    return {handlers, links, xss: window.kkXss === undefined ? null : String(window.kkXss),
            title: document.title};
}"""


SEARCH = "(search dialog)"


@pytest.mark.browser
def test_hostile_pages_run_no_script_in_chromium(tmp_path, chromium):
    project = hostile.write_hostile(tmp_path / "proyek", BROWSER_PAYLOAD)
    result = hostile.build_project(project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    module = hostile._first_module_id()
    pathway = next(
        data["id"] for _, kind, data in hostile._fixture_documents() if kind == "pathway"
    )
    pages = [
        f"modul/{module}/",
        f"jalur-belajar/{pathway}/",
        "tag/",
        "glosarium/",
        "halaman/uji-hostile/",
        "rencana-belajar/#jabatan=cpns",
        "katalog/?urut=judul",
        SEARCH,
    ]
    titles = [
        " ".join(s.value.split()) for s in project.slots.values() if s.field.name == "module.title"
    ]
    problems = []
    with serve(project.root / "site") as base_url:
        context = new_context(chromium)
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        try:
            for path in pages:
                page = context.new_page()
                dialogs: list[str] = []
                page.on(
                    "dialog",
                    lambda dialog, found=dialogs: (
                        found.append(f"{dialog.type}: {dialog.message}"),
                        dialog.dismiss(),
                    ),
                )
                page.goto(base_url + (f"modul/{module}/" if path == SEARCH else path))
                page.wait_for_load_state("networkidle")
                if path == SEARCH:
                    # The dialog shows the index's records: the title must read literally.
                    page.get_by_role("button", name="Cari di situs").click()
                    # The title of the module whose page this is: a draft's is on no page,
                    # and a query for it would only match others by chance.
                    marker = next(
                        s.marker
                        for s in project.slots.values()
                        if s.field.name == "module.title" and s.file.endswith(f"/{module}.yml")
                    )
                    page.fill("#kk-cari-kata", marker)
                    page.wait_for_selector(".kk-cari-butir", timeout=10_000)
                    listed = " ".join(page.inner_text(".kk-cari-hasil").split())
                    if not any(title in listed for title in titles):
                        problems.append(f"{path}: no result shows the module title literally")
                if path.startswith("katalog"):
                    page.wait_for_selector(".kk-katalog-hasil li", timeout=10_000)
                if path.startswith("rencana-belajar"):
                    page.wait_for_selector("#kk-hasil", state="visible", timeout=10_000)
                    listed = " ".join(page.inner_text("#kk-hasil").split())
                    if not any(title in listed for title in titles):
                        problems.append(f"{path}: the plan shows no hostile module title literally")
                page.wait_for_timeout(300)
                state = page.evaluate(DETECT)
                page.wait_for_timeout(200)
                xss = page.evaluate("window.kkXss === undefined ? null : String(window.kkXss)")
                for handler in state["handlers"]:
                    problems.append(f"{path}: live event handler {handler}")
                for link in state["links"]:
                    problems.append(f"{path}: live dangerous URL {link}")
                if xss or state["xss"]:
                    slot = project.slots.get(int(xss or state["xss"]))
                    problems.append(
                        f"{path}: script ran (kkXss={xss or state['xss']}, from "
                        f"{slot.describe() if slot else 'unknown field'})"
                    )
                problems += [f"{path}: dialog {message}" for message in dialogs]
                page.close()
        finally:
            context.close()
    assert not problems, "\n".join(problems)
