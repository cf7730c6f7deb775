"""Read Pagefind's bundle (site/pagefind/) as a test or the hostile scan needs it.

Pagefind writes each page's record (its URL, text, metadata and filters) as a gzipped
JSON "fragment" after a `pagefind_dcd` signature; the search dialog shows these.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def decode(path: Path) -> dict:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), f"{path}: not a Pagefind fragment"
    return json.loads(data[len(SIGNATURE) :].decode("utf-8"))


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page's record, by its file under the site."""
    return {
        path.relative_to(site).as_posix(): decode(path)
        for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    }
