"""Editor Markdown is rendered once: its sanitised HTML reaches the page untouched.

Every Markdown field becomes sanitised HTML in a raw HTML block that MkDocs never
parses again. If a template put that HTML where Markdown is parsed (indented into a
list item, or nested in a `markdown` element), text the editor escaped would come
alive: `\\*klik\\*{: onclick=… }` as `<em onclick>`, a reference link inside a code
block as `<a href="javascript:…">`, a literal `{: onclick=… }` at the end of a
paragraph, heading or table cell as an attribute (attr_list), `:material-…:` as an icon.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BASE, write_project
from tests.sitebuild import build, copy_project

pytestmark = pytest.mark.slow

HOSTILE = r"""\*klik\*{: onclick=alert(1) }

baris
\{: onclick=alert(2) \}

## Judul prosa \{: onclick=alert(3) \}

| kolom |
|---|
| sel \{: onclick=alert(4) \} |

    [kode][1]

    [1]: javascript:alert(5)

:material-alert: \[tautan\]\(javascript:alert(6)\)
"""

# What a reader must see, literally, wherever HOSTILE is shown.
LITERAL = [
    "*klik*{: onclick=alert(1) }",
    "baris {: onclick=alert(2) }",
    "Judul prosa {: onclick=alert(3) }",
    "sel {: onclick=alert(4) }",
    "[kode][1] [1]: javascript:alert(5)",
    ":material-alert: [tautan](javascript:alert(6))",
]


def yaml_block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "".join(f"{pad}{line}\n" if line else "\n" for line in text.splitlines())


def with_field(source: str, after: str, key: str, indent: int) -> str:
    """Insert `key: HOSTILE` on the line after `after`, at `indent`."""
    assert after in source, after
    return source.replace(
        after, f"{after}{' ' * indent}{key}: {yaml_block(HOSTILE, indent + 2)}", 1
    )


FIELDS = {
    "curriculum/competencies/nilai.yml": lambda s: with_field(
        s, "title: Nilai Dasar ASN\n", "description", 0
    ).replace(
        "    definition: Bertanggung jawab atas kepercayaan yang diberikan.\n",
        f"    definition: {yaml_block(HOSTILE, 6)}",
    ),
    "curriculum/tracks/nilai.yml": lambda s: with_field(
        s, "title: Nilai Dasar\n", "description", 0
    ),
    "curriculum/modules/nilai/etika.yml": lambda s: with_field(
        with_field(s, "title: Etika Pelayanan\n", "description", 0),
        "  - mode: webinar\n    minutes: 90\n",
        "description",
        4,
    ),
    "curriculum/pathways/analis.yml": lambda s: with_field(
        with_field(s, "title: Jalur Analis Data\n", "description", 0),
        "  - title: Sebelum webinar\n",
        "description",
        4,
    ),
    "curriculum/glossary.yml": lambda s: s.replace(
        "  definition: Satuan waktu belajar, 45 menit.\n", f"  definition: {yaml_block(HOSTILE, 4)}"
    ),
}
# Framework, competency, track, module, activity, pathway, phase, glossary entry and
# the free page.
BLOCKS = 9


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("prosa")
    files = {path: change(BASE[path]) for path, change in FIELDS.items()}
    files["curriculum/pages/uji.md"] = "# Halaman uji\n\n" + HOSTILE
    project = copy_project(write_project(root / "sumber", files), root / "proyek")
    build(project)
    return project / "site"


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


def test_nothing_the_editor_escaped_becomes_markup(site):
    live = []
    scanned = pages(site)
    assert "halaman/uji/index.html" in scanned, sorted(scanned)
    for name, soup in scanned.items():
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                script_url = any(re.match(r"\s*javascript:", str(v), re.I) for v in values)
                if attribute.lower().startswith("on") or script_url:
                    live.append(f"{name}: <{element.name} {attribute}={value!r}>")
    assert live == []


def test_every_markdown_field_reads_literally_and_untouched(site):
    blocks = [
        (name, block) for name, soup in pages(site).items() for block in soup.select(".kk-prosa")
    ]
    hostile = [(name, block) for name, block in blocks if "klik" in block.get_text()]
    assert len(hostile) == BLOCKS, [name for name, _ in hostile]
    for name, block in hostile:
        text = re.sub(r"\s+", " ", block.get_text(" ", strip=True))
        for literal in LITERAL:
            assert literal in text, (name, literal, text)
        # No Markdown extension ran on the block: no icon, no heading anchor, no abbreviation
        # from the page's own glossary list.
        assert not block.select(".twemoji, svg, [id], .headerlink"), (name, block)
