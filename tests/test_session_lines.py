"""Session lines as the build writes them: zones abroad in words, every zone's text for
the zone script, and a registration link that says which webinar it is for."""

from __future__ import annotations

import html
import re

from generator import pipeline
from tests.conftest import MODULE_ETIKA
from tests.constants import TODAY_DATE

ETIKA = "curriculum/modules/nilai/etika.yml"
AMSTERDAM = """\
sessions:
  - start: "2027-07-01T10:00"
    timezone: Europe/Amsterdam
    minutes: 60
    registration_url: https://example.org/daftar/amsterdam
"""


def pages_of(project, text: str) -> dict[str, str]:
    generated = pipeline.generate(project({ETIKA: text}), today=TODAY_DATE)
    assert generated.pages is not None, [p.as_text() for p in generated.validation.problems]
    return generated.pages


def test_zone_abroad_is_named_by_city_and_offset_never_by_its_identifier(project):
    pages = pages_of(project, MODULE_ETIKA + AMSTERDAM)
    module = pages["modul/etika/index.md"]
    line = next(line for line in module.splitlines() if "kk-sesi-waktu" in line)
    shown = re.sub(r"<[^>]+>", "", line)
    assert "**Kamis, 1 Juli 2027, 10.00–11.00 waktu Amsterdam (UTC+2)**" in shown
    assert "15.00–16.00 WIB · 16.00–17.00 WITA · 17.00–18.00 WIT" in shown
    for page, text in pages.items():
        if page.endswith(".md"):
            assert "Europe/Amsterdam" not in text, page
    # The zone script gets the session's own text as well as the three Indonesian ones.
    assert 'data-asal="Kamis, 1 Juli 2027|10.00–11.00 waktu Amsterdam (UTC+2)"' in line
    assert 'data-zona=""' in line
    assert 'data-mulai="2027-07-01T08:00:00Z" data-selesai="2027-07-01T09:00:00Z"' in line


def test_registration_link_names_its_webinar_escaped(project):
    text = MODULE_ETIKA.replace(
        "title: Etika Pelayanan", 'title: "Etika [x](https://y.example) <b>"'
    )
    module = pages_of(project, text + AMSTERDAM)["modul/etika/index.md"]
    link = re.search(r"\[Daftar ke webinar (.*?)\]\((https://[^)]+)\)", module)
    assert link, module
    assert link.group(2) == "https://example.org/daftar/amsterdam"
    # Markdown shows the title literally: brackets escaped, no tag left.
    assert html.unescape(link.group(1).replace("\\", "")) == "Etika [x](https://y.example) <b>"
    assert "<b>" not in link.group(1)
