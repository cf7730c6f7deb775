"""Render stage: the published curriculum as Markdown pages, from Jinja2 templates.

Returns {docs-relative path: Markdown}; writing is the next stage's job. Plain text
fields are escaped for Markdown; Markdown fields are rendered to HTML here and
sanitised, because Python-Markdown passes raw HTML (and `javascript:` links) through.
"""

from __future__ import annotations

import datetime
import html
import json
import math
import re
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from urllib.parse import quote, unquote

import markdown
import nh3
import yaml
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context

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
from generator.routes import directory_url, docs_path, page_root

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
# Every character Python or a browser treats as a line break: inside one line of
# Markdown any of them could start a heading, a list or an attribute block.
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# `:name:` would become an emoji icon; `- ` or `1. ` at the start, a list.
_EMOJI_COLON = re.compile(r":(?=[\w+-]+:)")
_LIST_START = re.compile(r"^(\d+)\.|^-(?=\s)")
_ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"}


def one_line(text: object) -> str:
    """Plain text as one line: every kind of line break becomes a space."""
    return _LINE_BREAKS.sub(" ", str(text))


def escape(text: object) -> str:
    """Escape plain text so Markdown shows it literally and HTML cannot run."""
    value = html.escape(one_line(text), quote=False)
    value = _MARKDOWN_SPECIALS.sub(r"\\\1", value)
    value = _EMOJI_COLON.sub("&#58;", value)
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else "\\-", value)


def escape_attr(text: object) -> str:
    return html.escape(one_line(text), quote=True)


def theme_text(text: object) -> str:
    """Plain text for the theme, which prints front-matter values into HTML unescaped.

    MkDocs and Material (and Zensical) put `title`, `description` and tag names into
    `<title>`, the header, `<meta content="…">`, navigation and the search index as
    they are, so the value must already be HTML: escaped, quotes included, on one line.
    """
    return html.escape(" ".join(one_line(text).split()), quote=True)


def front_matter(
    source: str,
    title: str,
    description: str = "",
    tags: list[str] | None = None,
    hide: list[str] | None = None,
    assets: list[str] | None = None,
) -> str:
    """The page's YAML front matter, every value double-quoted by a YAML emitter.

    A hand-written line (or Jinja's `tojson`, which writes an emoji as a surrogate
    pair that the YAML loader refuses) lets a title end the front matter early or
    make MkDocs drop it without a word.
    """
    meta: dict[str, object] = {"source": source, "title": theme_text(title)}
    if description:
        meta["description"] = theme_text(description)
    if tags:
        meta["tags"] = [theme_text(tag) for tag in tags]
    if hide:
        meta["hide"] = list(hide)
    if assets:
        meta["kk_assets"] = list(assets)
    body = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_style='"', width=math.inf
    )
    notice = "# Dihasilkan dari berkas `source`; sunting berkas itu, bukan halaman ini."
    return f"---\n{notice}\n{body}---"


def markdown_html(
    text: str | None,
    abbreviations: dict[str, str],
    links: Callable[[str], str | None] | None = None,
) -> str:
    """Render an editor's Markdown field to sanitised HTML with glossary abbreviations.

    `links` maps each link target to the one published (None drops the link, keeping
    its text): the HTML is never read by MkDocs again, so it cannot check or resolve it.
    """
    if not text:
        return ""
    definitions = abbreviation_lines(abbreviations)
    rendered = markdown.markdown(
        f"{text}\n\n{definitions}\n", extensions=["abbr", "tables", "sane_lists"]
    )

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "a" and name == "href" and links is not None:
            return links(value)
        return value

    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=attribute,
    ).strip()


def field_link(target: str, page_root: str, curriculum: Curriculum) -> str | None:
    """Where a link in an editor's Markdown points once published, or None to drop it.

    `https:` and `mailto:` stay (the sanitiser has refused every other scheme); a site path
    such as `/modul/x/#bagian` becomes relative to the page, so it works wherever the site
    is hosted; a link to the same page's section stays. Anything else, like a relative
    `../x.md` or `//host/`, would be a dead or foreign link: the validator reports it, and
    this drops it should it ever get here.
    """
    if target.startswith(("https://", "mailto:", "#")):
        return target
    if not target.startswith("/") or target.startswith("//"):
        return None
    path, _, fragment = target.partition("#")
    docs = docs_path(unquote(path), curriculum.published)
    if docs is None:
        return None
    return page_root + directory_url(docs) + (f"#{fragment}" if fragment else "")


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
    fragment = "#" + link_target(url.split("#", 1)[1]) if "#" in url else ""
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
        md=pass_context(
            lambda context, text: markdown_html(
                text,
                curriculum.abbreviations,
                partial(field_link, page_root=context["page_root"], curriculum=curriculum),
            )
        ),
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
        front_matter=front_matter,
    )
    return env


def render_pages(curriculum: Curriculum, *, guide: str = "") -> dict[str, str]:
    """Render every page of the site as Markdown, keyed by its path under docs/."""
    env = _environment(curriculum)
    pages: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        # The way back to the site root, for links in editors' Markdown (the macros are
        # imported `with context` to see it).
        pages[path] = env.get_template(template).render(page_root=page_root(path), **context)

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
        path = f"halaman/{stem}"
        links = partial(field_link, page_root=page_root(path), curriculum=curriculum)
        pages[path] = _free_page(free_page.path, free_page.text, curriculum.abbreviations, links)
    page("halaman/index.md", "pages.md.j2")
    page("kontributor/index.md", "contributing.md.j2", guide=guide)
    pages[PLANNER_DATA] = json.dumps(
        planner_data(curriculum), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )
    reference = render_reference()
    pages["kontributor/referensi-format.md"] = (
        front_matter("generator/format.py", reference.split("\n", 1)[0].removeprefix("# "))
        + "\n"
        + reference
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


def _free_page(
    source: str, text: str, abbreviations: dict[str, str], links: Callable[[str], str | None]
) -> str:
    """Free pages are editor Markdown too: rendered and sanitised like any other field."""
    first, _, body = text.partition("\n")
    heading = page_title(Page(source, text))
    if not first.startswith("# "):
        body = text
    html_body = markdown_html(body, abbreviations, links)
    # A raw HTML block that Markdown never parses again (see `prose` in _macros.md.j2).
    return (
        f"{front_matter(source, heading)}\n\n# {escape(heading)}\n\n"
        f'<div class="kk-prosa">\n{html_body}\n</div>\n'
    )
