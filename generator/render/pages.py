"""Render stage: the published curriculum as Markdown pages, from Jinja2 templates.

Returns {docs-relative path: Markdown}, with the data files beside them (planner,
calendars, catalogue, search); writing is the next stage's job. Plain text fields are
escaped for Markdown (generator/text/escape.py); Markdown fields are rendered to HTML and
sanitised (render/markdown.py), because Python-Markdown passes raw HTML (and
`javascript:` links) through.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from jinja2 import Environment, pass_context
from pymdownx.slugs import slugify

from generator.format import models as fmt
from generator.load.documents import Page
from generator.model.curriculum import AUDIENCE_COLUMNS, JABATAN_CHOICES, Curriculum
from generator.model.routes import (
    calendar_file,
    docs_path,
    page_root,
    relative_link,
    route,
)
from generator.render import evidence as render_evidence
from generator.render import search
from generator.render.abbreviations import Abbreviations, with_definitions
from generator.render.booklet import booklet_file
from generator.render.calendars import calendars
from generator.render.catalog import catalog_files
from generator.render.environment import environment
from generator.render.front_matter import front_matter, page_title
from generator.render.jsonld import module_jsonld, pathway_jsonld
from generator.render.markdown import field_link, markdown_html
from generator.render.offline import offline_plan, package_name
from generator.render.planner import PLANNER_DATA, planner_data
from generator.render.reference import render_reference
from generator.render.sessions import session_times
from generator.text.decimals import decimal_text
from generator.text.escape import escape, link_target, theme_text
from generator.text.numbers import file_size

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


def initial(text: str) -> str:
    """The letter a term or tag is filed under in an A–Z index ("#" for the rest)."""
    first = text.strip()[:1].upper()
    return first if "A" <= first <= "Z" else "#"


_TAG_SLUG = slugify(case="lower")


def tag_anchor(tag: str) -> str:
    """The anchor Material's tags plugin gives a tag on the tag page (its defaults:
    pymdownx slugify, lower case, `tag:{slug}`), from the name as the front matter
    carries it. The plugin writes its headings after MkDocs checks anchors, so
    tests/test_reader.py checks these targets in the built page instead."""
    return "tag:" + _TAG_SLUG(theme_text(tag), "-")


def a_to_z(names: list[str]) -> list[tuple[str, str]]:
    """(letter, first name under it) in A–Z order, "#" last, for jump links."""
    firsts: dict[str, str] = {}
    for name in sorted(names):
        firsts.setdefault(initial(name), name)
    return sorted(firsts.items(), key=lambda item: (item[0] == "#", item[0]))


def contact_link(contact: str) -> str:
    """A contact as a Markdown link: an e-mail address opens a mail, anything else is the
    https address itself (the format allows nothing else)."""
    address = contact.removeprefix("mailto:")
    target = contact if contact.startswith("https://") else f"mailto:{address}"
    return f"[{escape(address)}]({link_target(target)})"


def site_link(url: str, page_path: str, curriculum: Curriculum) -> str:
    """Turn a site path into a Markdown link, relative to `page_path`, that MkDocs checks."""
    if not url.startswith("/"):
        return link_target(url)
    target = docs_path(url, curriculum.index.is_published)
    fragment = "#" + link_target(url.split("#", 1)[1]) if "#" in url else ""
    if target is None:
        return page_root(page_path) + url.lstrip("/") + fragment
    return relative_link(page_path, target) + fragment


def route_link(context, kind: str, item_id: str = "") -> str:
    """The `route` filter: a relative Markdown link from the page being rendered to the
    page of `kind` (and `item_id`), e.g. `{{ "module"|route(module_id) }}`."""
    return relative_link(context["page_path"], route(kind, item_id).docs)


def _environment(curriculum: Curriculum, abbreviations: Abbreviations) -> Environment:
    """The shared environment (render/environment.py) plus what is bound to this curriculum
    or used only on its pages."""
    env = environment()
    env.filters.update(
        md=pass_context(
            lambda context, text: markdown_html(
                text,
                abbreviations,
                partial(field_link, page_root=context["page_root"], curriculum=curriculum),
            )
        ),
        site_link=pass_context(
            lambda context, url: site_link(url, context["page_path"], curriculum)
        ),
        route=pass_context(route_link),
        contact=contact_link,
        file_link=pass_context(lambda context, target: relative_link(context["page_path"], target)),
        route_site=lambda kind, item_id="": route(kind, item_id).site,
    )
    env.globals.update(
        c=curriculum,
        fmt=fmt,
        MODE_ICONS=MODE_ICONS,
        offline_package=package_name,
        AUDIENCE_COLUMNS=AUDIENCE_COLUMNS,
        JABATAN_CHOICES=JABATAN_CHOICES,
        session_times=session_times,
        calendar_file=calendar_file,
        has_calendar=lambda kind, item_id: bool(curriculum.calendar_sessions(kind, item_id)),
        page_title=page_title,
        front_matter=front_matter,
        site_contact=curriculum.config.contact,
        a_to_z=a_to_z,
        initial=initial,
        tag_anchor=tag_anchor,
        R=render_evidence,
    )
    # Counts on evidence pages go through the cached formatter (generator.text.decimals).
    env.filters.update(count=lambda value: decimal_text(value, 0))
    return env


def render_pages(
    curriculum: Curriculum,
    *,
    guide: str = "",
    site_url: str = "",
    site_name: str = "",
    booklet_sizes: dict[str, int] | None = None,
) -> dict[str, str]:
    """Render every page of the site as Markdown, keyed by its path under docs/, with the
    data files beside them (calendars); `site_url` (from mkdocs.yml) makes addresses
    absolute where a file leaves the site (a calendar event's link)."""
    abbreviations = Abbreviations(curriculum.abbreviations)
    env = _environment(curriculum, abbreviations)
    env.globals.update(
        module_jsonld=partial(module_jsonld, curriculum, site_name=site_name, site_url=site_url),
        pathway_jsonld=partial(pathway_jsonld, curriculum, site_name=site_name, site_url=site_url),
        booklet_sizes=booklet_sizes or {},
        booklet_file=booklet_file,
        file_size=file_size,
    )
    pages: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        # The way back to the site root, for links in editors' Markdown (the macros are
        # imported `with context` to see it), and the page's own file for `route` links.
        pages[path] = env.get_template(template).render(
            page_path=path, page_root=page_root(path), **context
        )

    page(route("home").docs, "home.md.j2")
    page(route("catalog").docs, "catalog.md.j2")
    page(route("outcomes").docs, "outcomes.md.j2")
    page(route("tracks").docs, "tracks.md.j2")
    for track_id, track in curriculum.tracks.items():
        page(route("track", track_id).docs, "track.md.j2", track=track)
    for module_id, module in curriculum.modules.items():
        page(route("module", module_id).docs, "module.md.j2", module=module)
    page(route("pathways").docs, "pathways.md.j2")
    for pathway_id, pathway in curriculum.pathways.items():
        page(route("pathway", pathway_id).docs, "pathway.md.j2", pathway=pathway)
    page(route("frameworks").docs, "frameworks.md.j2")
    for framework_id, framework in curriculum.frameworks.items():
        page(route("framework", framework_id).docs, "framework.md.j2", framework=framework)
        for competency in framework.competencies:
            page(
                route("competency", f"{framework_id}/{competency.id}").docs,
                "competency.md.j2",
                framework=framework,
                competency=competency,
            )
    for audience in AUDIENCE_COLUMNS:
        page(route("audience", audience).docs, "audience.md.j2", audience=audience)
    page(route("matrix").docs, "matrix.md.j2")
    page(route("coverage").docs, "coverage.md.j2")
    page(route("planner").docs, "planner.md.j2")
    page(route("schedule").docs, "schedule.md.j2")
    page(route("glossary").docs, "glossary.md.j2")
    page(route("tags").docs, "tags.md.j2")
    for free_page in curriculum.pages:
        path = route("page", curriculum.index.page_id(free_page)).docs
        links = partial(field_link, page_root=page_root(path), curriculum=curriculum)
        pages[path] = _free_page(
            free_page.path, free_page.text, abbreviations, links, curriculum.config.contact
        )
    page(route("pages").docs, "pages.md.j2")
    page(route("contributing").docs, "contributing.md.j2", guide=guide)
    pages[PLANNER_DATA] = json.dumps(
        planner_data(curriculum), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )
    pages.update(calendars(curriculum, site_url))
    pages.update(catalog_files(curriculum, site_url))
    pages.update(offline_plan(curriculum))
    reference = render_reference()
    pages[route("reference").docs] = (
        front_matter(
            "generator/format/models.py",
            reference.split("\n", 1)[0].removeprefix("# "),
            contact=curriculum.config.contact,
        )
        + "\n"
        + reference
    )
    pages = search.with_search_facts(pages, search.facts(curriculum))
    pages.update(search.data_files(curriculum))
    # MkDocs' own `abbr` explains the terms in generated page text (headings, tables,
    # lists); each page carries the definitions of the terms it contains, no others.
    return {
        path: with_definitions(text, abbreviations) if path.endswith(".md") else text
        for path, text in pages.items()
    }


def _free_page(
    source: str,
    text: str,
    abbreviations: Abbreviations,
    links: Callable[[str], str | None],
    contact: str | None,
) -> str:
    """Free pages are editor Markdown too: rendered and sanitised like any other field."""
    first, _, body = text.partition("\n")
    heading = page_title(Page(source, text))
    if not first.startswith("# "):
        body = text
    html_body = markdown_html(body, abbreviations, links)
    # A raw HTML block that Markdown never parses again (see `prose` in _macros.md.j2).
    return (
        f"{front_matter(source, heading, contact=contact)}\n\n# {escape(heading)}\n\n"
        f'<div class="kk-prosa">\n{html_body}\n</div>\n'
    )
