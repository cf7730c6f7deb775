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
from functools import cache, partial
from urllib.parse import quote, unquote

import markdown
import nh3
import yaml
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markdown.extensions.abbr import AbbrExtension
from pymdownx.slugs import slugify

from generator.format import models as fmt
from generator.load.documents import Page
from generator.model.curriculum import (
    AUDIENCE_COLUMNS,
    JABATAN_CHOICES,
    ZONE_ALIASES,
    ZONES,
    Curriculum,
)
from generator.model.index import SessionInstant, jp_tenths, jp_text
from generator.model.routes import (
    calendar_file,
    directory_url,
    docs_path,
    page_root,
    relative_link,
    route,
)
from generator.render import search
from generator.render.calendars import calendars
from generator.render.catalog import catalog_files
from generator.render.jsonld import module_jsonld, pathway_jsonld
from generator.render.reference import render_reference
from generator.text import numbers, zones

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


def code_span(text: object) -> str:
    """Plain text as one Markdown code span, shown literally whatever backticks it holds."""
    value = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    # CommonMark strips one space on each side when both are there: pad only when needed.
    pad = " " if value.startswith(("`", " ")) or value.endswith(("`", " ")) else ""
    return f"{fence}{pad}{value}{pad}{fence}"


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
    *,
    contact: str | None = None,
    jsonld: str = "",
) -> str:
    """The page's YAML front matter, every value double-quoted by a YAML emitter.

    `contact` (site_config.yml) is for the footer (overrides/partials/copyright.html).

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
    if contact:
        meta["kk_contact"] = theme_text(contact)
    if jsonld:
        # Already safe inside <script> (generator.jsonld.script_json); the theme prints it.
        meta["kk_jsonld"] = jsonld
    body = yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_style='"', width=math.inf
    )
    notice = "# Dihasilkan dari berkas `source`; sunting berkas itu, bukan halaman ini."
    return f"---\n{notice}\n{body}---"


def markdown_html(
    text: str | None,
    abbreviations: Abbreviations | dict[str, str],
    links: Callable[[str], str | None] | None = None,
) -> str:
    """Render an editor's Markdown field to sanitised HTML with glossary abbreviations.

    One Markdown instance is reused (`reset()` between fields) and given only the glossary
    terms that occur in the field, through the `abbr` extension's glossary: nothing is
    appended to the editor's text, so the cost is linear in the field and in the glossary.
    `links` maps each link target to the one published (None drops the link, keeping
    its text): the HTML is never read by MkDocs again, so it cannot check or resolve it.
    """
    if not text:
        return ""
    if not isinstance(abbreviations, Abbreviations):
        abbreviations = Abbreviations(abbreviations)
    converter, abbr = _field_markdown()
    abbr.reset_glossary()
    abbr.load_glossary(abbreviations.used_in(text))
    converter.reset()
    rendered = converter.convert(text)

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
    docs = docs_path(unquote(path), curriculum.index.is_published)
    if docs is None:
        return None
    return page_root + directory_url(docs) + (f"#{fragment}" if fragment else "")


@cache
def _field_markdown() -> tuple[markdown.Markdown, AbbrExtension]:
    abbr = AbbrExtension()
    return markdown.Markdown(extensions=[abbr, "tables", "sane_lists"]), abbr


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


def long_date(value: datetime.date) -> str:
    return format_date(value, format="EEEE, d MMMM y", locale="id")


def short_date(value: datetime.date) -> str:
    return format_date(value, format="d MMMM y", locale="id")


def clock(value: datetime.datetime) -> str:
    return value.strftime("%H.%M")


def zone_label(zone: str) -> str:
    return ZONES.get(zone) or ZONE_ALIASES.get(zone) or zone


def session_times(session: SessionInstant) -> dict:
    """The session's time in its own zone and in each Indonesian zone, for its line.

    `attrs` carries the same texts, one per Indonesian zone (`data-wib="date|range"`), and
    the session's instants in UTC: the zone script (overrides/assets/zona-waktu.js) puts
    the reader's zone first and moves a session that has ended to "Sudah lewat", with
    Babel's Indonesian dates from the build rather than the browser's own wording.
    """
    own = zones.words(session.zone, session.start)
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
    date, own_range = long_date(session.start.date()), f"{clock(session.start)}–{clock(end)} {own}"
    data = {
        "data-mulai": utc_iso(session.start),
        "data-selesai": utc_iso(end),
        "data-zona": zones.label(session.zone) or "",
    }
    data.update({f"data-{c['label'].lower()}": f"{c['date']}|{c['range']}" for c in conversions})
    if not zones.label(session.zone):
        data["data-asal"] = f"{date}|{own_range}"
    return {
        "date": date,
        "range": own_range,
        "conversions": conversions,
        "iso": session.start.isoformat(),
        "attrs": " ".join(f'{name}="{escape_attr(value)}"' for name, value in data.items()),
        "calendar": calendar_file("session", session),
    }


def contact_link(contact: str) -> str:
    """A contact as a Markdown link: an e-mail address opens a mail, anything else is the
    https address itself (the format allows nothing else)."""
    address = contact.removeprefix("mailto:")
    target = contact if contact.startswith("https://") else f"mailto:{address}"
    return f"[{escape(address)}]({link_target(target)})"


def utc_iso(value: datetime.datetime) -> str:
    """An instant in UTC as JavaScript's Date parses it everywhere: 2026-12-10T02:00:00Z."""
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def link_target(url: str) -> str:
    """Percent-encode what could end a Markdown link target early and smuggle in HTML."""
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")


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


def template_environment() -> Environment:
    """The templates in generator/templates/, which write Markdown (so no HTML autoescape:
    every value goes through the escaping filter for where it lands)."""
    return Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def _environment(curriculum: Curriculum, abbreviations: Abbreviations) -> Environment:
    env = template_environment()
    env.filters.update(
        e=escape,
        attr=escape_attr,
        md=pass_context(
            lambda context, text: markdown_html(
                text,
                abbreviations,
                partial(field_link, page_root=context["page_root"], curriculum=curriculum),
            )
        ),
        jp=jp_text,
        number=numbers.number_text,
        long_date=long_date,
        short_date=short_date,
        iso_date=datetime.date.fromisoformat,
        site_link=pass_context(
            lambda context, url: site_link(url, context["page_path"], curriculum)
        ),
        link=link_target,
        route=pass_context(route_link),
        contact=contact_link,
        file_link=pass_context(lambda context, target: relative_link(context["page_path"], target)),
        route_site=lambda kind, item_id="": route(kind, item_id).site,
        jp_tenths=jp_tenths,
    )
    env.globals.update(
        c=curriculum,
        fmt=fmt,
        MODE_ICONS=MODE_ICONS,
        AUDIENCE_COLUMNS=AUDIENCE_COLUMNS,
        JABATAN_CHOICES=JABATAN_CHOICES,
        session_times=session_times,
        calendar_file=calendar_file,
        has_calendar=lambda kind, item_id: bool(curriculum.calendar_sessions(kind, item_id)),
        zone_label=zone_label,
        jp_text=jp_text,
        page_title=page_title,
        front_matter=front_matter,
        site_contact=curriculum.config.contact,
        a_to_z=a_to_z,
        initial=initial,
        tag_anchor=tag_anchor,
    )
    return env


def _search_block(facts: search.Facts) -> str:
    """Pagefind's metadata for a page: element text escaped for the theme, one line each."""
    lines = ['<div class="kk-cari-data" hidden data-pagefind-ignore>']
    lines += [
        f'<span data-pagefind-meta="{key}">{theme_text(value)}</span>'
        for key, value in facts.meta.items()
    ]
    lines += [
        f'<span data-pagefind-sort="{key}">{theme_text(value)}</span>'
        for key, value in facts.sort.items()
    ]
    # A raw HTML block: at column 0 and followed by a blank line, so Markdown leaves it whole.
    return "\n".join(lines) + "\n</div>\n"


def _with_search_facts(pages: dict[str, str], facts: dict[str, search.Facts]) -> dict[str, str]:
    return {
        path: f"{text.rstrip()}\n\n{_search_block(facts[path])}" if path in facts else text
        for path, text in pages.items()
    }


def render_pages(
    curriculum: Curriculum, *, guide: str = "", site_url: str = "", site_name: str = ""
) -> dict[str, str]:
    """Render every page of the site as Markdown, keyed by its path under docs/, with the
    data files beside them (calendars); `site_url` (from mkdocs.yml) makes addresses
    absolute where a file leaves the site (a calendar event's link)."""
    abbreviations = Abbreviations(curriculum.abbreviations)
    env = _environment(curriculum, abbreviations)
    env.globals.update(
        module_jsonld=partial(module_jsonld, curriculum, site_name=site_name, site_url=site_url),
        pathway_jsonld=partial(pathway_jsonld, curriculum, site_name=site_name, site_url=site_url),
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
    reference = render_reference()
    pages[route("reference").docs] = (
        front_matter(
            "generator/format.py",
            reference.split("\n", 1)[0].removeprefix("# "),
            contact=curriculum.config.contact,
        )
        + "\n"
        + reference
    )
    pages = _with_search_facts(pages, search.facts(curriculum))
    pages.update(search.data_files(curriculum))
    # MkDocs' own `abbr` explains the terms in generated page text (headings, tables,
    # lists); each page carries the definitions of the terms it contains, no others.
    return {
        path: _with_definitions(text, abbreviations) if path.endswith(".md") else text
        for path, text in pages.items()
    }


def _with_definitions(text: str, abbreviations: Abbreviations) -> str:
    definitions = abbreviations.definitions(text)
    return f"{text}\n{definitions}" if definitions else text


_ABBREVIATION_TERM = re.compile(r"^[^\[\]<>&\n*\\]+$")
# Line breaks (\r, \n, \x85, U+2028, U+2029) and every other control character (Unicode
# category Cc): one would end a definition line early and turn the rest into page Markdown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Python-Markdown's own placeholders (STX wzxhzdk:12 ETX for stashed HTML, STX 42 ETX for
# a backslash escape, STX amp ETX ...) are text when `abbr` runs: a term that matches
# inside one would break the markup of every page it is on.
_PLACEHOLDER_TERM = re.compile(r"(?:(?:wzxhzdk|klzzwxh|hzzhzkh)?:?)?\d*|amp")
_WORD = re.compile(r"[^\W_]+")


class Abbreviations:
    """The glossary's abbreviations, checked once and indexed by their first word.

    `used_in(text)` names the terms that may occur in a text in time linear in the text:
    `abbr` marks a term only between word boundaries, and Markdown only removes
    punctuation, underscores and white space around the words it keeps, so a term whose
    first word (letters and digits) is not a whole word of the source cannot be marked
    there. Giving `abbr` just those terms renders exactly what the whole glossary would.
    """

    def __init__(self, abbreviations: dict[str, str]):
        self.titles: dict[str, str] = {}
        for term, expansion in abbreviations.items():
            term = term.strip()
            if (
                not _ABBREVIATION_TERM.match(term)
                or _CONTROL.search(term)
                or _CONTROL.search(expansion)
                or _PLACEHOLDER_TERM.fullmatch(term)
            ):
                continue
            # The title is an attribute, not Markdown: HTML-escape it, add no backslashes.
            title = html.escape(" ".join(expansion.split()))
            if title:
                self.titles.setdefault(term, title)
        self._order = {term: i for i, term in enumerate(self.titles)}
        self._by_word: dict[str, list[str]] = {}
        self._others: list[str] = []
        for term in self.titles:
            word = _WORD.match(term)
            if word:
                self._by_word.setdefault(word.group(), []).append(term)
            else:
                self._others.append(term)

    def used_in(self, text: str) -> dict[str, str]:
        """The terms (with their titles) that may occur in `text`, in glossary order."""
        found = [
            term
            for word in set(_WORD.findall(text)) & self._by_word.keys()
            for term in self._by_word[word]
        ]
        if self._others:
            # Markdown expands tabs before it parses; the rare term that does not start
            # with a letter or digit is looked for as written.
            expanded = text.expandtabs(4)
            found.extend(term for term in self._others if term in expanded)
        found.sort(key=self._order.__getitem__)
        return {term: self.titles[term] for term in found}

    def definitions(self, text: str) -> str:
        """`abbr` definition lines for the terms in `text`, for MkDocs to apply to the page.

        Separated by blank lines: Python-Markdown re-reads a block of definition lines
        once per line, so a block of n lines costs n² and a glossary page with 1,000 terms
        took 1.5 s alone; one definition per block is linear.
        """
        return abbreviation_lines(self.used_in(text), escaped=True)


def abbreviation_lines(abbreviations: dict[str, str], *, escaped: bool = False) -> str:
    """Definitions for the `abbr` extension, so glossary terms are explained where they appear.

    A term that could break the definition syntax (and so be shown as raw Markdown or
    HTML) is left out; the glossary page still explains it. `escaped` says the titles
    come from `Abbreviations` (already checked and HTML-escaped).
    """
    titles = abbreviations if escaped else Abbreviations(abbreviations).titles
    return "\n\n".join(f"*[{term}]: {title}" for term, title in titles.items()) + (
        "\n" if titles else ""
    )


PLANNER_DATA = "assets/rencana-belajar.json"


def planner_data(curriculum: Curriculum) -> dict:
    """What the in-browser planner needs, and nothing more: it is fetched on phones."""
    c = curriculum
    active = [module_id for module_id in c.modules if c.index.is_offered("module", module_id)]
    return {
        "version": 1,
        "today": c.today.isoformat(),
        "jp_minutes": c.config.jp_minutes,
        "annual_jp_target": c.config.annual_jp_target,
        "weekly_jp_pace": c.config.weekly_jp_pace,
        # Each jabatan with its pathways, the one to start a plan from first.
        "audiences": [
            {
                "id": audience,
                "label": fmt.AUDIENCES[audience],
                "pathways": c.index.audience_pathways(audience),
            }
            for audience in AUDIENCE_COLUMNS
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
        "groups": [
            {"id": group, "label": label, "recommended": fmt.GROUP_RECOMMENDED[group]}
            for group, label in fmt.GROUPS.items()
        ],
        "modules": [_planner_module(c, module_id) for module_id in active],
        "pathways": [
            {
                "id": pathway_id,
                "title": pathway.title,
                "audience": list(pathway.audience),
                "steps": [
                    {"module": step.module, "required": step.required}
                    for _, step in c.pathway_steps(pathway_id)
                ],
            }
            for pathway_id, pathway in c.pathways.items()
            if c.index.is_offered("pathway", pathway_id)
        ],
    }


def _planner_module(c: Curriculum, module_id: str) -> dict:
    module = c.modules[module_id]
    upcoming = c.upcoming_sessions(module_id)
    return {
        "id": module_id,
        "title": module.title,
        "track": c.module_track[module_id],
        "url": route("module", module_id).site,
        "level": module.level,
        "audience": list(module.audience),
        "minutes": c.index.module_minutes(module_id),
        "groups": c.minutes_by_group([module_id]),
        "modes": c.modes(module_id),
        "competencies": [ref.ref for ref in module.competencies or []],
        "prerequisites": [
            prerequisite
            for prerequisite in module.prerequisites or []
            if prerequisite in c.modules and c.index.is_offered("module", prerequisite)
        ],
        "next_session": upcoming[0].start.date().isoformat() if upcoming else None,
        **_planner_session(upcoming[0] if upcoming else None),
    }


def _planner_session(session: SessionInstant | None) -> dict:
    """The next session's instant and its text in each zone (Babel's Indonesian, as on the
    module page), so the planner shows it in the reader's zone and can order by time."""
    if session is None:
        return {"next_session_at": None, "next_session_times": None}
    times = session_times(session)
    texts = {c["label"].lower(): f"{c['date']}, {c['range']}" for c in times["conversions"]}
    texts["asal"] = f"{times['date']}, {times['range']}"
    return {"next_session_at": utc_iso(session.start), "next_session_times": texts}


def page_title(page: Page) -> str:
    """A free page's title: its first `# ` heading, else its file name."""
    first = page.text.split("\n", 1)[0]
    if first.startswith("# "):
        return first[2:].strip()
    return page.path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


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
