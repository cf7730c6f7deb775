"""Render stage: the published curriculum as Markdown pages, from Jinja2 templates.

Returns {docs-relative path: Markdown}; writing is the next stage's job. Plain text
fields are escaped for Markdown; Markdown fields are rendered to HTML here and
sanitised, because Python-Markdown passes raw HTML (and `javascript:` links) through.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from fractions import Fraction
from functools import partial
from urllib.parse import quote

import markdown
import nh3
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import format as fmt
from generator.load import Page
from generator.model import (
    AUDIENCE_COLUMNS,
    ZONE_ALIASES,
    ZONES,
    Curriculum,
    ScheduledSession,
)
from generator.reference import render_reference
from generator.routes import docs_path

MODE_ICONS: dict[str, str] = {
    "webinar": "material-video-account",
    "recording": "material-play-box-outline",
    "e-learning": "material-laptop",
    "classroom": "material-human-male-board",
    "coaching": "material-account-voice",
    "mentoring": "material-account-supervisor",
    "community": "material-account-group",
    "on-the-job": "material-briefcase-check",
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")
_ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"}


def escape(text: object) -> str:
    """Escape plain text so Markdown shows it literally and HTML cannot run."""
    value = html.escape(str(text), quote=False)
    value = _MARKDOWN_SPECIALS.sub(r"\\\1", value)
    return value.replace("\n", " ")


def escape_attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def markdown_html(text: str | None, abbreviations: dict[str, str]) -> str:
    """Render an editor's Markdown field to sanitised HTML with glossary abbreviations."""
    if not text:
        return ""
    definitions = abbreviation_lines(abbreviations)
    rendered = markdown.markdown(
        f"{text}\n\n{definitions}\n", extensions=["abbr", "tables", "sane_lists"]
    )
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def jp_text(value: Fraction | int) -> str:
    """Write JP the Indonesian way: at most one decimal, with a comma."""
    rounded = round(float(value), 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")


def long_date(value: datetime.date) -> str:
    return format_date(value, format="EEEE, d MMMM y", locale="id")


def short_date(value: datetime.date) -> str:
    return format_date(value, format="d MMMM y", locale="id")


def clock(value: datetime.datetime) -> str:
    return value.strftime("%H.%M")


def zone_label(zone: str) -> str:
    return ZONES.get(zone) or ZONE_ALIASES.get(zone) or zone


def session_times(session: ScheduledSession) -> dict:
    """The session's time in its own zone and in each Indonesian zone."""
    own = zone_label(session.zone)
    conversions = []
    for zone, label in ZONES.items():
        start, end = session.in_zone(zone), session.end.astimezone(session.in_zone(zone).tzinfo)
        conversions.append(
            {
                "label": label,
                "date": long_date(start.date()),
                "range": f"{clock(start)}–{clock(end)} {label}",
                "own": label == own,
            }
        )
    end = session.end
    return {
        "date": long_date(session.start.date()),
        "range": f"{clock(session.start)}–{clock(end)} {own}",
        "conversions": conversions,
        "iso": session.start.isoformat(),
    }


def link_target(url: str) -> str:
    """Percent-encode what could end a Markdown link target early and smuggle in HTML."""
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")


def site_link(url: str, prefix: str, curriculum: Curriculum) -> str:
    """Turn a site path into a relative Markdown link that MkDocs checks."""
    if not url.startswith("/"):
        return link_target(url)
    target = docs_path(url, curriculum.published)
    fragment = "#" + url.split("#", 1)[1] if "#" in url else ""
    return prefix + (target or url.lstrip("/")) + fragment


def _environment(curriculum: Curriculum) -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(
        e=escape,
        attr=escape_attr,
        md=partial(markdown_html, abbreviations=curriculum.abbreviations),
        jp=jp_text,
        long_date=long_date,
        short_date=short_date,
        iso_date=datetime.date.fromisoformat,
        site_link=partial(site_link, curriculum=curriculum),
        link=link_target,
    )
    env.globals.update(
        c=curriculum,
        fmt=fmt,
        MODE_ICONS=MODE_ICONS,
        AUDIENCE_COLUMNS=AUDIENCE_COLUMNS,
        session_times=session_times,
        zone_label=zone_label,
        jp_text=jp_text,
        page_title=page_title,
    )
    return env


def render_pages(curriculum: Curriculum, *, guide: str = "") -> dict[str, str]:
    """Render every page of the site as Markdown, keyed by its path under docs/."""
    env = _environment(curriculum)
    pages: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        pages[path] = env.get_template(template).render(**context)

    page("index.md", "home.md.j2")
    page("jalur/index.md", "tracks.md.j2")
    for track_id, track in curriculum.tracks.items():
        page(f"jalur/{track_id}.md", "track.md.j2", track=track)
    for module_id, module in curriculum.modules.items():
        page(f"modul/{module_id}.md", "module.md.j2", module=module)
    page("jalur-belajar/index.md", "pathways.md.j2")
    for pathway_id, pathway in curriculum.pathways.items():
        page(f"jalur-belajar/{pathway_id}.md", "pathway.md.j2", pathway=pathway)
    page("kompetensi/index.md", "frameworks.md.j2")
    for framework_id, framework in curriculum.frameworks.items():
        page(f"kompetensi/{framework_id}/index.md", "framework.md.j2", framework=framework)
        for competency in framework.competencies:
            page(
                f"kompetensi/{framework_id}/{competency.id}.md",
                "competency.md.j2",
                framework=framework,
                competency=competency,
            )
    page("peta-kompetensi.md", "matrix.md.j2")
    page("rencana-belajar.md", "planner.md.j2")
    page("jadwal.md", "schedule.md.j2")
    page("glosarium.md", "glossary.md.j2")
    page("tag.md", "tags.md.j2")
    for free_page in curriculum.pages:
        stem = free_page.path.rsplit("/", 1)[-1]
        pages[f"halaman/{stem}"] = _free_page(
            free_page.path, free_page.text, curriculum.abbreviations
        )
    page("halaman/index.md", "pages.md.j2")
    page("kontributor/index.md", "contributing.md.j2", guide=guide)
    pages[PLANNER_DATA] = json.dumps(
        planner_data(curriculum), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )
    pages["kontributor/referensi-format.md"] = (
        "---\nsource: generator/format.py\n---\n" + render_reference()
    )
    definitions = "\n" + abbreviation_lines(curriculum.abbreviations)
    return {
        path: text + definitions if path.endswith(".md") else text for path, text in pages.items()
    }


_ABBREVIATION_TERM = re.compile(r"^[^\[\]<>&\n*\\]+$")


def abbreviation_lines(abbreviations: dict[str, str]) -> str:
    """Definitions for the `abbr` extension, so glossary terms are explained where they appear.

    A term that could break the definition syntax (and so be shown as raw Markdown or
    HTML) is left out; the glossary page still explains it.
    """
    lines = [
        # The title is an attribute, not Markdown: HTML-escape it, add no backslashes.
        f"*[{term}]: {html.escape(' '.join(expansion.split()))}"
        for term, expansion in abbreviations.items()
        if _ABBREVIATION_TERM.match(term)
    ]
    return "".join(f"{line}\n" for line in lines)


PLANNER_DATA = "assets/rencana-belajar.json"


def planner_data(curriculum: Curriculum) -> dict:
    """What the in-browser planner needs, and nothing more: it is fetched on phones."""
    c = curriculum
    active = [module_id for module_id, module in c.modules.items() if module.status == "active"]
    return {
        "version": 1,
        "today": c.today.isoformat(),
        "jp_minutes": c.config.jp_minutes,
        "annual_jp_target": c.config.annual_jp_target,
        "weekly_jp_pace": c.config.weekly_jp_pace,
        "audiences": [
            {"id": audience, "label": fmt.AUDIENCES[audience]} for audience in AUDIENCE_COLUMNS
        ],
        "tracks": [{"id": track_id, "title": track.title} for track_id, track in c.tracks.items()],
        "frameworks": [
            {
                "id": framework_id,
                "title": framework.title,
                "competencies": [
                    {"ref": f"{framework_id}/{competency.id}", "title": competency.title}
                    for competency in framework.competencies
                ],
            }
            for framework_id, framework in c.frameworks.items()
        ],
        "modes": [
            {"id": mode, "label": label, "group": group}
            for mode, (label, group) in fmt.MODES.items()
        ],
        "groups": [{"id": group, "label": label} for group, label in fmt.GROUPS.items()],
        "modules": [_planner_module(c, module_id) for module_id in active],
        "pathways": [
            {"id": pathway_id, "title": pathway.title, "audience": list(pathway.audience)}
            for pathway_id, pathway in c.pathways.items()
            if pathway.status == "active"
        ],
    }


def _planner_module(c: Curriculum, module_id: str) -> dict:
    module = c.modules[module_id]
    upcoming = c.upcoming_sessions(module_id)
    return {
        "id": module_id,
        "title": module.title,
        "track": c.module_track[module_id],
        "level": module.level,
        "audience": list(module.audience),
        "minutes": c.module_minutes(module_id),
        "groups": c.minutes_by_group([module_id]),
        "modes": c.modes(module_id),
        "competencies": [ref.ref for ref in module.competencies or []],
        "prerequisites": [
            prerequisite
            for prerequisite in module.prerequisites or []
            if prerequisite in c.modules and c.modules[prerequisite].status == "active"
        ],
        "next_session": upcoming[0].start.date().isoformat() if upcoming else None,
    }


def page_title(page: Page) -> str:
    """A free page's title: its first `# ` heading, else its file name."""
    first = page.text.split("\n", 1)[0]
    if first.startswith("# "):
        return first[2:].strip()
    return page.path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


def _free_page(source: str, text: str, abbreviations: dict[str, str]) -> str:
    """Free pages are editor Markdown too: rendered and sanitised like any other field."""
    first, _, body = text.partition("\n")
    heading = page_title(Page(source, text))
    if not first.startswith("# "):
        body = text
    html_body = markdown_html(body, abbreviations)
    # A raw HTML block that Markdown never parses again (see `prose` in _macros.md.j2).
    return (
        f"---\n# Dihasilkan dari {source}; sunting berkas itu, bukan halaman ini.\n"
        f"source: {source}\n---\n\n# {escape(heading)}\n\n"
        f'<div class="kk-prosa">\n{html_body}\n</div>\n'
    )
