"""Drive the editors' real YAML language server (npm `yaml-language-server`) over stdio.

Editors get their help from this server (VS Code's YAML extension and others run it), so
the schema is checked by asking it, not by a JSON Schema library that reads the schema
another way. One server serves a whole test session: starting it costs about a second.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.constants import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
# The settings an editor with the YAML extension has by default, with the schema store
# off: the schema comes only from each file's `# yaml-language-server: $schema=` line.
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
        "yamlVersion": "1.2",
    }
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    line: int  # 1-based, as the validator counts
    col: int
    message: str

    @classmethod
    def from_lsp(cls, raw: dict) -> Diagnostic:
        start = raw["range"]["start"]
        return cls(start["line"] + 1, start["character"] + 1, raw["message"])


class LanguageServer:
    """A `yaml-language-server --stdio` process and a minimal LSP client for it."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self._diagnostics: dict[str, queue.Queue] = {}
        self._lock = threading.Lock()
        self._version = 0
        self._open: set[str] = set()
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": REPO.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": True}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    # --- the protocol ---------------------------------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self._process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self._process.stdin.flush()

    def _read(self) -> None:
        stream = self._process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            self._dispatch(message)

    def _dispatch(self, message: dict) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self._send({"id": message["id"], "result": self._answer(message)})
        elif "id" in message:
            self._queue(self._responses, message["id"]).put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self._queue(self._diagnostics, params["uri"]).put(params["diagnostics"])

    def _answer(self, message: dict) -> Any:
        if message["method"] == "workspace/configuration":
            return [
                SETTINGS.get(item.get("section", ""), SETTINGS) if item.get("section") else {}
                for item in message["params"]["items"]
            ]
        return None

    def _queue(self, table: dict, key: Any) -> queue.Queue:
        with self._lock:
            return table.setdefault(key, queue.Queue())

    def request(self, method: str, params: dict, timeout: float = 30) -> Any:
        with self._lock:
            self._next_id += 1
            number = self._next_id
        waiting = self._queue(self._responses, number)
        self._send({"id": number, "method": method, "params": params})
        response = waiting.get(timeout=timeout)
        if "error" in response:
            raise RuntimeError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    # --- what the tests ask ---------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """Open `path` (with `text` instead of its content, if given); return its URI."""
        uri = path.resolve().as_uri()
        self._version += 1
        content = path.read_text(encoding="utf-8") if text is None else text
        if uri in self._open:
            # A new version of an open document: one new set of diagnostics follows (closing
            # it instead would also send an empty set, which could be taken for the answer).
            self.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": self._version},
                    "contentChanges": [{"text": content}],
                },
            )
            return uri
        self._open.add(uri)
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "yaml",
                    "version": self._version,
                    "text": content,
                }
            },
        )
        return uri

    def diagnostics(self, path: Path, text: str | None = None) -> list[Diagnostic]:
        """What an editor underlines in `path` (or in `text` saved as `path`)."""
        uri = self.open(path, text)
        raw = self._queue(self._diagnostics, uri).get(timeout=30)
        return sorted(Diagnostic.from_lsp(item) for item in raw)

    def diagnose_all(self, paths: list[Path]) -> dict[Path, list[Diagnostic]]:
        """`diagnostics` for many files at once: the server waits 200 ms before each check."""
        uris = {path: self.open(path) for path in paths}
        return {
            path: sorted(
                Diagnostic.from_lsp(item) for item in self._queue(self._diagnostics, uri).get(30)
            )
            for path, uri in uris.items()
        }

    def hover(self, path: Path, line: int, col: int, text: str | None = None) -> str:
        """The hover text at a 1-based position, as Markdown."""
        uri = self.open(path, text)
        self._queue(self._diagnostics, uri).get(timeout=30)
        result = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line - 1, "character": col - 1}},
        )
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def completion(self, path: Path, line: int, col: int, text: str | None = None) -> list[dict]:
        uri = self.open(path, text)
        self._queue(self._diagnostics, uri).get(timeout=30)
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line - 1, "character": col - 1}},
        )
        return result["items"] if isinstance(result, dict) else (result or [])

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self._process.wait(timeout=5)
        except Exception:
            self._process.kill()
            self._process.wait()
