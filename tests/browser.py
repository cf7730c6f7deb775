"""Shared helpers for tests that open the built site in headless Chromium.

Debian's `chromium` is used through Playwright's `executable_path`; Playwright's own
browser download (`playwright install`) cannot work here and is never attempted.
When Chromium is missing the tests skip locally but fail when `CI` is set, so a CI
run can never pass by silently skipping them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.constants import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Without the background-networking flags Chromium keeps trying to reach the internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"
# Every context asks for reduced motion: the site then switches its transitions off, so
# nothing is sampled mid-fade (Material's back-to-top button fades in over 125 ms).
CONTEXT_OPTIONS = {"reduced_motion": "reduce"}


def unavailable(reason: str, what: str = "browser tests") -> None:
    """Skip locally; fail in CI, where the browser tests (or `what`) must always run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so {what} may not be skipped)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str:
    """The Chromium executable, from CHROMIUM_PATH or Debian's /usr/bin/chromium."""
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    resolved = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
    if not resolved:
        unavailable(
            f"Chromium not found at {candidate}: install Debian's `chromium` package "
            "or set CHROMIUM_PATH"
        )
    return resolved


def axe_source() -> str:
    if not AXE.is_file():
        unavailable(f"{AXE.relative_to(REPO)} is missing: run `make test` (npm ci) first")
    return AXE.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(
    directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 at a free port; yield the base URL ending in '/'."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Traffic:
    """Everything a page asked for, and what went wrong, for one browser context."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    # Cancelled by the browser, not refused by the server: a page left while its search
    # worker was still loading (a loaded machine makes that likely) cancels the request.
    aborted: set[str] = field(default_factory=set)
    loaded: set[str] = field(default_factory=set)

    def watch(self, context) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("page", self.watch_page)
        for page in context.pages:
            self.watch_page(page)

    def watch_page(self, page) -> None:
        page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{message.text} ({message.location})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))

    def _failed(self, request) -> None:
        if request.failure == "net::ERR_ABORTED":
            self.aborted.add(request.url)
        else:
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.bad_status.append(f"{response.status} {response.url}")
        else:
            self.loaded.add(response.url)

    def never_loaded(self) -> list[str]:
        """Cancelled requests for a file that never arrived on any page of the context."""
        return [f"{url}: cancelled and never loaded" for url in sorted(self.aborted - self.loaded)]

    def foreign(self) -> list[str]:
        """Requests to any host but the local server (data: and blob: URLs are local)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob", "about"}
            and urlsplit(url).hostname != LOCAL_HOST
        ]

    def problems(self) -> str:
        lines = []
        for title, items in (
            ("console errors", self.console_errors),
            ("failed requests", [*self.failed, *self.never_loaded()]),
            ("HTTP errors", self.bad_status),
            ("requests to other hosts", self.foreign()),
        ):
            lines += [f"{title}:", *(f"  {item}" for item in items)] if items else []
        return "\n".join(lines)


def new_context(browser, **options):
    """A browser context with reduced motion; the options may not switch it back on."""
    if options.get("reduced_motion", "reduce") != "reduce":
        raise ValueError("browser tests run with reduced motion")
    return browser.new_context(**{**options, **CONTEXT_OPTIONS})


# Resolves once nothing has moved for two checks in a row: no finite CSS animation or
# transition still running (an infinite one can never finish and is left alone) and the
# scroll position unchanged, each check a frame apart. Script that starts a transition
# in response to a scroll (Material's back-to-top button) has had its frame by then.
SETTLE_SCRIPT = """async timeout => {
    const frame = () => new Promise(done => requestAnimationFrame(() => {
        requestAnimationFrame(done);
    }));
    const moving = () => document.getAnimations().filter(animation => {
        const timing = animation.effect ? animation.effect.getComputedTiming() : {};
        return animation.playState === 'running' && timing.endTime !== Infinity;
    });
    const deadline = performance.now() + timeout;
    let last = null, calm = 0;
    while (calm < 2) {
        if (performance.now() > deadline) {
            return moving().map(a => (a.animationName || a.transitionProperty || 'animation')
                + ' on ' + (a.effect && a.effect.target
                            ? a.effect.target.outerHTML.slice(0, 80) : '?'));
        }
        await frame();
        const running = moving();
        const left = Math.max(0, deadline - performance.now());
        await Promise.race([
            Promise.all(running.map(animation => animation.finished.catch(() => null))),
            new Promise(done => setTimeout(done, left)),
        ]);
        const position = scrollX + ',' + scrollY;
        calm = running.length === 0 && position === last ? calm + 1 : 0;
        last = position;
    }
    return [];
}"""


def settle(page, timeout_ms: int = 5000) -> None:
    """Wait until the page's animations and transitions have finished and scrolling stopped."""
    still = page.evaluate(SETTLE_SCRIPT, timeout_ms)
    assert not still, f"animations still running after {timeout_ms} ms: {still}"


def run_axe(page) -> list[dict]:
    """Inject axe-core into the settled page and return its WCAG 2.1 A/AA violations.

    axe measures colours as they are painted, so it runs only once no animation or
    transition is in flight; nothing is excluded and no rule is switched off.
    """
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
            .then(result => result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
            })))""",
        AXE_TAGS,
    )


def describe_violations(violations: list[dict], limit: int = 8) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:limit]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
        if len(violation["nodes"]) > limit:
            lines.append(f"    … and {len(violation['nodes']) - limit} more")
    return "\n".join(lines)


# Elements wider than the viewport that are not inside a scrolling box of their own.
OVERFLOW_SCRIPT = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = el => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && p !== document.body
                && p !== document.documentElement) return true;
        }
        return false;
    };
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width && box.right > width + 1 && !scrolls(el)) {
            culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string'
                   ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                + ' right=' + Math.round(box.right));
        }
    }
    return {
        width,
        scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        culprits: culprits.slice(0, 10),
    };
}"""


def horizontal_overflow(page) -> dict:
    """How far the page scrolls sideways, and which elements stick out."""
    return page.evaluate(OVERFLOW_SCRIPT)


@dataclass
class AxNode:
    """One node of Chromium's accessibility tree, as a screen reader is given it."""

    role: str
    name: str
    level: int
    depth: int


def accessibility_tree(page) -> list[AxNode]:
    """The page's accessibility tree in reading order, ignored nodes and text runs left out.

    Read through the DevTools protocol (`Accessibility.getFullAXTree`): what Chromium
    hands to screen readers, after ARIA, `inert`, `aria-hidden` and CSS are applied.
    """
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    skipped = {"StaticText", "InlineTextBox", "LineBreak", "generic", "none", "ListMarker"}
    found: list[AxNode] = []

    def walk(node: dict, depth: int) -> None:
        role = node.get("role", {}).get("value", "")
        if not node.get("ignored") and role not in skipped:
            level = next(
                (
                    prop["value"]["value"]
                    for prop in node.get("properties", [])
                    if prop["name"] == "level"
                ),
                0,
            )
            name = str(node.get("name", {}).get("value", ""))
            found.append(AxNode(role, " ".join(name.split()), int(level), depth))
            depth += 1
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child], depth)

    walk(nodes[0], 0)
    return found
