"""`make serve`: editing a YAML file regenerates the page, and the rebuilding stops."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.constants import FIXTURES
from tests.sitebuild import copy_project

pytestmark = pytest.mark.slow

PAGE = "kurikulum/modul/integritas-dasar/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def _quiet_for(log, seconds: float) -> bool:
    builds = log.read_text().count("Building documentation")
    time.sleep(seconds)
    return log.read_text().count("Building documentation") == builds


def test_live_preview_regenerates_after_a_yaml_edit_without_a_rebuild_loop(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "proyek")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795795200"}
    env.pop("KURIKULUM_PAGES_READY", None)
    # What `make serve` runs: the Markdown first (MkDocs wants docs/ to exist), then serve.
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--markdown-only"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        assert _wait_for(lambda: "Integritas dalam Pelayanan" in (_fetch(url) or ""), 60), (
            log.read_text()
        )
        module = project / "curriculum" / "modules" / "nilai" / "integritas-dasar.yml"
        module.write_text(
            module.read_text(encoding="utf-8").replace(
                "title: Integritas dalam Pelayanan", "title: Integritas dalam Pelayanan Publik"
            ),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Integritas dalam Pelayanan Publik" in (_fetch(url) or ""), 60), (
            log.read_text()
        )
        # The regenerated Markdown causes at most one more rebuild; then it goes quiet. A
        # rebuild loop never does: wait for eight seconds without a build, within a minute.
        assert _wait_for(lambda: _quiet_for(log, 8), 60), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_zensical_preview_regenerates_after_a_yaml_edit_and_keeps_site_untouched(tmp_path):
    # Zensical ignores the hook: `python -m generator serve --engine zensical` (what
    # `make serve ENGINE=zensical` runs) watches the YAML itself.
    project = copy_project(FIXTURES / "mini", tmp_path / "proyek")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795795200"}
    env.pop("KURIKULUM_PAGES_READY", None)
    command = [sys.executable, "-m", "generator", "serve", "--engine", "zensical"]
    with log.open("w") as output:
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    module = project / "curriculum" / "modules" / "nilai" / "integritas-dasar.yml"
    original = module.read_text(encoding="utf-8")
    try:
        assert _wait_for(lambda: "Integritas dalam Pelayanan" in (_fetch(url) or ""), 60), (
            log.read_text()
        )
        module.write_text(
            original.replace(
                "title: Integritas dalam Pelayanan", "title: Integritas dalam Pelayanan Publik"
            ),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Integritas dalam Pelayanan Publik" in (_fetch(url) or ""), 60), (
            log.read_text()
        )
        # An edit with an error is reported and leaves the last valid pages on show.
        module.write_text(original.replace("level: dasar", "level: sangat-dasar"), "utf-8")
        assert _wait_for(lambda: "halaman pratinjau tidak diubah" in log.read_text(), 60), (
            log.read_text()
        )
        assert _wait_for(lambda: "Integritas dalam Pelayanan Publik" in (_fetch(url) or ""), 30), (
            log.read_text()
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not (project / "site").exists()
    assert not [entry for entry in os.listdir(project) if entry.startswith(".site-")]
