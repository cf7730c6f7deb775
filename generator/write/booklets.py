"""Write stage: each pathway's booklet HTML becomes a tagged A4 PDF (WeasyPrint).

A PDF is made only when its HTML changed: it is kept in `.cache/buklet/` under the hash
of its HTML (which holds everything the booklet says), so a build after an edit to one
pathway makes one PDF. The build copies the PDFs into the site.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CACHE = Path(".cache") / "buklet"


def make_booklets(htmls: dict[str, str], root: Path, *, make: bool = True) -> dict[str, Path]:
    """The PDF of each booklet (site path → cached file), making only the missing ones;
    with `make=False` only those already in the cache (Markdown without a site build)."""
    cache = root / CACHE
    made = {}
    for site_path, html in sorted(htmls.items()):
        target = cache / f"{hashlib.sha256(html.encode('utf-8')).hexdigest()}.pdf"
        if not target.is_file() and make:
            cache.mkdir(parents=True, exist_ok=True)
            _pdf(html, target)
        if target.is_file():
            made[site_path] = target
    return made


def _pdf(html: str, target: Path) -> None:
    # Imported here: WeasyPrint loads Pango when imported, and only booklets need it.
    from weasyprint import HTML

    partial = target.with_suffix(".tmp")
    HTML(string=html).write_pdf(partial, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    partial.replace(target)
