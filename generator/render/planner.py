"""The planner's data file: what overrides/assets/rencana-belajar.js needs, from the
published curriculum, and nothing more (it is fetched on phones)."""

from __future__ import annotations

from generator.format import models as fmt
from generator.model.curriculum import AUDIENCE_COLUMNS, Curriculum, SessionInstant
from generator.model.routes import route
from generator.render.sessions import session_times
from generator.text.dates import utc_iso

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
