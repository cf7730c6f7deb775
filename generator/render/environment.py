"""The one Jinja environment every template is rendered in: pages and the diff alike.

The templates (generator/render/templates/) write Markdown, so there is no HTML
autoescape: every value goes through the escaping filter for where it lands. The text
filters and globals any template may use are registered here, once; render/pages.py adds
those bound to the curriculum it renders, commands/diff.py its message wording.
"""

from __future__ import annotations

import datetime

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.render.sessions import zone_label
from generator.text.dates import clock, long_date, short_date, utc_iso
from generator.text.escape import code_span, escape, escape_attr, link_target
from generator.text.numbers import jp_tenths, jp_text, number_text


def environment() -> Environment:
    """A fresh environment over the templates, with the shared text filters."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(
        e=escape,
        attr=escape_attr,
        code=code_span,
        link=link_target,
        jp=jp_text,
        jp_tenths=jp_tenths,
        number=number_text,
        long_date=long_date,
        short_date=short_date,
        iso_date=datetime.date.fromisoformat,
        utc_iso=utc_iso,
    )
    env.globals.update(jp_text=jp_text, clock=clock, zone_label=zone_label)
    return env
