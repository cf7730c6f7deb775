"""Live preview (`python -m generator serve`): pages regenerated when a YAML file changes.

MkDocs runs the hook (hook.py) before every rebuild of `mkdocs serve`, so for MkDocs this
only writes docs/ once (MkDocs wants it to exist) and hands over. Zensical ignores hooks:
here a watchdog observer on curriculum/ and site_config.yml does what the hook does
(validate, rewrite only the pages that changed) while `zensical serve` watches docs/ and
reloads the browser. The preview builds into its own folder, never into site/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import pipeline
from generator.commands.regenerate import write_generated

EXIT_OK, EXIT_PROBLEMS = 0, 1
# The inputs the pages are made of (mkdocs.yml's `watch:` names the same for MkDocs).
WATCHED = ("curriculum", "site_config.yml")
# Editors' saves come as bursts of events (write, rename, attribute change); one
# regeneration after the burst is enough.
SETTLE_SECONDS = 0.3
PREVIEW_PREFIX = ".site-pratinjau-"


def regenerate(root: Path) -> bool:
    """Validate and rewrite docs/; False (docs/ untouched) when the curriculum has errors."""
    generated = write_generated(root, today=pipeline.resolve_today(), invalid="serve-invalid")
    return generated is not None


class _Regenerate(FileSystemEventHandler):
    """Regenerates once per burst of changes to a watched input."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = [root / name for name in WATCHED]
        self.pending = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [Path(os.fsdecode(event.src_path))]
        if getattr(event, "dest_path", ""):
            paths.append(Path(os.fsdecode(event.dest_path)))
        if any(
            path == watched or watched in path.parents for path in paths for watched in self.inputs
        ):
            self.pending.set()

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if not self.pending.wait(timeout=0.5):
                continue
            # Wait until the burst is over: no new event for SETTLE_SECONDS.
            while True:
                self.pending.clear()
                if stop.wait(SETTLE_SECONDS):
                    return
                if not self.pending.is_set():
                    break
            regenerate(self.root)


def main(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if not regenerate(root):
        return EXIT_PROBLEMS
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if args.engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
        command += ["--config-file", str(root / "mkdocs.yml"), "--dev-addr", args.dev_addr]
        # MkDocs takes over the process (the hook regenerates), so Ctrl+C and a
        # terminating signal reach it directly.
        os.chdir(root)
        os.execve(sys.executable, command, env)
    return _serve_zensical(root, args.dev_addr, env)


def _serve_zensical(root: Path, address: str, env: dict[str, str]) -> int:
    # Zensical serves from the configuration's site_dir, inside the project: a folder of
    # the preview's own (git-ignored like the build's staging folders), so site/ stays
    # the last good build.
    # A preview stopped hard (killed, or its folder rewritten by Zensical as it stopped)
    # can leave its folder behind; the next preview clears it.
    for leftover in root.glob(f"{PREVIEW_PREFIX}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
    preview = Path(tempfile.mkdtemp(prefix=PREVIEW_PREFIX, dir=root))
    config = preview.with_name(preview.name + ".yml")
    config.write_text(
        f"INHERIT: mkdocs.yml\nsite_dir: {json.dumps(preview.name)}\n", encoding="utf-8"
    )
    handler = _Regenerate(root)
    observer = Observer()
    for name in WATCHED:
        path = root / name
        if path.is_dir():
            observer.schedule(handler, str(path), recursive=True)
    # A single file is watched through its folder (watchdog watches folders).
    observer.schedule(handler, str(root), recursive=False)
    stop = threading.Event()
    worker = threading.Thread(target=handler.run, args=(stop,), daemon=True)
    command = [sys.executable, "-m", "zensical", "serve", "--config-file", str(config)]
    command += ["--dev-addr", address]
    # Stopped like a server (SIGTERM) as well as with Ctrl+C: Zensical is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(EXIT_OK))
    server = subprocess.Popen(command, cwd=root, env=env)
    observer.start()
    worker.start()
    try:
        return server.wait()
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)
        stop.set()
        observer.stop()
        observer.join(timeout=5)
        worker.join(timeout=5)
        config.unlink(missing_ok=True)
        shutil.rmtree(preview, ignore_errors=True)
