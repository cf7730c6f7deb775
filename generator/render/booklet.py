"""The booklet of each pathway, as HTML for print: phases, each module's objectives,
activities, JP, sessions in WIB/WITA/WIT, low-bandwidth alternatives and contacts.

The write stage (`generator.write.booklets`) turns it into a tagged A4 PDF. Its own Jinja
environment escapes every value: unlike the Markdown pages, this HTML goes to no theme
that escapes for it.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.format import models as fmt
from generator.model.curriculum import ZONES, Curriculum
from generator.model.routes import route
from generator.render.sessions import session_times
from generator.text.dates import long_date
from generator.text.numbers import jp_text

BOOKLET_FOLDER = "buklet"


def booklet_file(pathway_id: str) -> str:
    """Where a pathway's booklet lives, relative to the site root."""
    return f"{BOOKLET_FOLDER}/{pathway_id}.pdf"


def booklets(c: Curriculum, *, site_name: str, site_url: str) -> dict[str, str]:
    """Each pathway's booklet as HTML, keyed by its file under the site root."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("booklet.html.j2")
    return {
        booklet_file(pathway_id): template.render(
            c=c,
            fmt=fmt,
            pathway=pathway,
            jp=jp_text,
            session_times=session_times,
            zone_labels=list(ZONES.values()),
            site_name=site_name or "Kurikulum Kompetensi ASN",
            page_url=(site_url or "/") + route("pathway", pathway_id).site,
            today=long_date(c.today),
        )
        for pathway_id, pathway in c.pathways.items()
    }
