"""schema.org JSON-LD for module and pathway pages, so search engines know the courses.

A module is a `Course` with one `CourseInstance` per upcoming session (online, with its
start and end and their UTC offsets, at a `VirtualLocation`); a pathway is a `Course`
whose parts (`hasPart`) are its modules. The text goes into the page's front matter and
the theme prints it inside `<script type="application/ld+json">` (overrides/main.html),
so `script_json` escapes what could end that element or confuse an HTML parser.
"""

from __future__ import annotations

import json

from generator.format import models as fmt
from generator.model.curriculum import Curriculum
from generator.model.index import SessionInstant
from generator.model.routes import route

# `</script>` and `<!--` cannot survive `<` escaped; `>` and `&` are escaped as well for
# parsers that treat the script as text; U+2028/U+2029 end a line in older JavaScript.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: object) -> str:
    """JSON that is safe as the whole content of a `<script>` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)


def duration(minutes: int) -> str:
    """An ISO 8601 duration: 150 minutes → PT2H30M."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path if site_url else "/" + path


def _provider(c: Curriculum, site_name: str, site_url: str, owner: str | None) -> dict:
    provider = {"@type": "Organization", "name": owner or site_name or "Kurikulum Kompetensi ASN"}
    if site_url and not owner:
        provider["url"] = site_url
    return provider


def _instance(c: Curriculum, s: SessionInstant, page: str) -> dict:
    details = s.session
    instance = {
        "@type": "CourseInstance",
        "name": c.modules[s.module_id].title,
        "courseMode": "online",
        "startDate": s.start.isoformat(),
        "endDate": s.end.isoformat(),
        "inLanguage": "id",
        "location": {"@type": "VirtualLocation", "url": details.registration_url or page},
    }
    if details.platform:
        instance["location"]["name"] = details.platform
    return instance


def module_jsonld(c: Curriculum, module_id: str, site_name: str = "", site_url: str = "") -> str:
    module = c.modules[module_id]
    page = _absolute(site_url, route("module", module_id).site)
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": page,
        "url": page,
        "name": module.title,
        "description": module.summary,
        "courseCode": module_id,
        "inLanguage": "id",
        "educationalLevel": fmt.LEVELS[module.level],
        "timeRequired": duration(c.index.module_minutes(module_id)),
        "audience": {
            "@type": "Audience",
            "audienceType": ", ".join(fmt.AUDIENCES[a] for a in module.audience),
        },
        "provider": _provider(c, site_name, site_url, module.owner),
        "teaches": [c.index.competency(ref.ref)[1].title for ref in module.competencies or []],
    }
    instances = [_instance(c, s, page) for s in c.upcoming_sessions(module_id)]
    if instances:
        # Upcoming sessions only: a search engine offers a course to join, not a past one.
        data["hasCourseInstance"] = instances
    prerequisites = [p for p in module.prerequisites or [] if p in c.modules]
    if prerequisites:
        data["coursePrerequisites"] = [
            {
                "@type": "Course",
                "@id": _absolute(site_url, route("module", p).site),
                "name": c.modules[p].title,
            }
            for p in prerequisites
        ]
    return script_json(data)


def pathway_jsonld(c: Curriculum, pathway_id: str, site_name: str = "", site_url: str = "") -> str:
    pathway = c.pathways[pathway_id]
    page = _absolute(site_url, route("pathway", pathway_id).site)
    module_ids = [m for m in c.index.pathway_modules(pathway_id) if m in c.modules]
    minutes = sum(
        c.index.module_minutes(m) for m in c.index.pathway_modules(pathway_id, required=True)
    )
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": page,
        "url": page,
        "name": pathway.title,
        "description": pathway.summary,
        "courseCode": pathway_id,
        "inLanguage": "id",
        "educationalLevel": fmt.LEVELS[pathway.level],
        "timeRequired": duration(minutes),
        "audience": {
            "@type": "Audience",
            "audienceType": ", ".join(fmt.AUDIENCES[a] for a in pathway.audience),
        },
        "provider": _provider(c, site_name, site_url, None),
        "hasPart": [
            {
                "@type": "Course",
                "@id": _absolute(site_url, route("module", m).site),
                "url": _absolute(site_url, route("module", m).site),
                "name": c.modules[m].title,
                "timeRequired": duration(c.index.module_minutes(m)),
            }
            for m in module_ids
        ],
    }
    return script_json(data)
