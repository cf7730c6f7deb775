"""Model stage: the published curriculum with its derived facts (JP, links, sessions).

Drafts are dropped here, once, so no later stage can publish them by accident.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from zoneinfo import ZoneInfo

from generator import format as fmt
from generator.load import Page
from generator.validate import Checked

# Indonesia's three zones in display order, with the abbreviations readers know.
ZONES: dict[str, str] = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
ZONE_ALIASES = {"Asia/Pontianak": "WIB"}
# Matrix columns: "semua" is not a column of its own; it serves every column.
AUDIENCE_COLUMNS = [audience for audience in fmt.AUDIENCES if audience != "semua"]


@dataclass(frozen=True)
class ScheduledSession:
    """A live session with its instant fixed, for listing and time conversion."""

    module_id: str
    index: int
    session: fmt.Session
    zone: str
    start: datetime.datetime  # aware, in the session's own zone

    @property
    def end(self) -> datetime.datetime:
        return self.start + datetime.timedelta(minutes=self.session.minutes)

    def in_zone(self, zone: str) -> datetime.datetime:
        return self.start.astimezone(ZoneInfo(zone))

    def is_upcoming(self, today: datetime.date) -> bool:
        return self.start.date() >= today


@dataclass(frozen=True)
class PathwayPosition:
    """Where a module stands in a pathway: its phase, and its place among all steps."""

    pathway_id: str
    phase_index: int
    step: fmt.Step
    number: int  # 1-based over the whole pathway
    total: int


@dataclass
class Curriculum:
    """Everything that is published, with indexes for the pages that need them."""

    config: fmt.SiteConfig
    today: datetime.date
    frameworks: dict[str, fmt.Framework]
    tracks: dict[str, fmt.Track]
    modules: dict[str, fmt.Module]
    module_track: dict[str, str]
    pathways: dict[str, fmt.Pathway]
    glossary: list[fmt.GlossaryEntry]
    pages: list[Page]
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    # --- JP and the 70-20-10 mix ---------------------------------------------------

    def jp(self, minutes: int) -> Fraction:
        return Fraction(minutes, self.config.jp_minutes)

    def module_minutes(self, module_id: str) -> int:
        return sum(activity.minutes for activity in self.modules[module_id].activities)

    def module_jp(self, module_id: str) -> Fraction:
        return self.jp(self.module_minutes(module_id))

    def total_jp(self, module_ids: list[str]) -> Fraction:
        return self.jp(sum(self.module_minutes(module_id) for module_id in module_ids))

    def minutes_by_mode(self, module_ids: list[str]) -> dict[str, int]:
        totals: dict[str, int] = {}
        for mode in fmt.MODES:
            minutes = sum(
                activity.minutes
                for module_id in module_ids
                for activity in self.modules[module_id].activities
                if activity.mode == mode
            )
            if minutes:
                totals[mode] = minutes
        return totals

    def minutes_by_group(self, module_ids: list[str]) -> dict[str, int]:
        totals = dict.fromkeys(fmt.GROUPS, 0)
        for mode, minutes in self.minutes_by_mode(module_ids).items():
            totals[fmt.MODES[mode][1]] += minutes
        return totals

    def modes(self, module_id: str) -> list[str]:
        used = {activity.mode for activity in self.modules[module_id].activities}
        return [mode for mode in fmt.MODES if mode in used]

    # --- modules by track, prerequisites and pathways --------------------------------

    def track_modules(self, track_id: str) -> list[str]:
        return [module_id for module_id, track in self.module_track.items() if track == track_id]

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """Modules that list each module as a prerequisite."""
        found: dict[str, list[str]] = defaultdict(list)
        for module_id, module in self.modules.items():
            for prerequisite in module.prerequisites or []:
                found[prerequisite].append(module_id)
        return found

    def pathway_steps(self, pathway_id: str) -> list[tuple[int, fmt.Step]]:
        return [
            (phase_index, step)
            for phase_index, phase in enumerate(self.pathways[pathway_id].phases)
            for step in phase.steps
        ]

    def pathway_modules(self, pathway_id: str, *, required: bool | None = None) -> list[str]:
        """Module ids of a pathway in order; only required or optional ones when asked."""
        return [
            step.module
            for _, step in self.pathway_steps(pathway_id)
            if required is None or step.required == required
        ]

    def weeks(self, jp: Fraction) -> int:
        """Weeks a learner needs at the configured weekly pace, rounded up."""
        return -(-jp // self.config.weekly_jp_pace)

    @cached_property
    def positions(self) -> dict[str, list[PathwayPosition]]:
        """For each module, where it stands in every pathway that uses it."""
        found: dict[str, list[PathwayPosition]] = defaultdict(list)
        for pathway_id in self.pathways:
            steps = self.pathway_steps(pathway_id)
            for number, (phase_index, step) in enumerate(steps, start=1):
                found[step.module].append(
                    PathwayPosition(pathway_id, phase_index, step, number, len(steps))
                )
        return found

    # --- competencies ------------------------------------------------------------------

    def competency(self, ref: str) -> tuple[fmt.Framework, fmt.Competency]:
        framework_id, competency_id = ref.split("/")
        framework = self.frameworks[framework_id]
        return framework, next(c for c in framework.competencies if c.id == competency_id)

    @cached_property
    def developers(self) -> dict[str, list[tuple[int | None, str]]]:
        """For each competency ref, the (level, module id) pairs that develop it."""
        found: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
        for module_id, module in self.modules.items():
            for ref in module.competencies or []:
                found[ref.ref].append((ref.level, module_id))
        return found

    def serves(self, module_id: str, audience: str) -> bool:
        targets = self.modules[module_id].audience
        return audience in targets or "semua" in targets

    @cached_property
    def matrix(self) -> dict[tuple[str, str], list[tuple[int | None, str]]]:
        """(audience, competency ref) -> the (level, module id) pairs that serve it."""
        cells: dict[tuple[str, str], list[tuple[int | None, str]]] = defaultdict(list)
        for ref, developers in self.developers.items():
            for audience in AUDIENCE_COLUMNS:
                for level, module_id in developers:
                    if self.serves(module_id, audience) and self.modules[module_id].status == (
                        "active"
                    ):
                        cells[(audience, ref)].append((level, module_id))
        return cells

    @cached_property
    def promises(self) -> dict[tuple[str, str], list[str]]:
        """(audience, competency ref) -> active pathways whose modules claim to develop it."""
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pathway_id, pathway in self.pathways.items():
            if pathway.status != "active":
                continue
            audiences = AUDIENCE_COLUMNS if "semua" in pathway.audience else pathway.audience
            for module_id in self.pathway_modules(pathway_id):
                for ref in self.modules[module_id].competencies or []:
                    for audience in audiences:
                        if pathway_id not in found[(audience, ref.ref)]:
                            found[(audience, ref.ref)].append(pathway_id)
        return found

    def competency_refs(self) -> list[str]:
        return [
            f"{framework_id}/{competency.id}"
            for framework_id, framework in self.frameworks.items()
            for competency in framework.competencies
        ]

    def gaps(self) -> list[tuple[str, str, list[str]]]:
        """Empty matrix cells as (audience, ref, pathways that promise the cell)."""
        return [
            (audience, ref, self.promises.get((audience, ref), []))
            for ref in self.competency_refs()
            for audience in AUDIENCE_COLUMNS
            if not self.matrix.get((audience, ref))
        ]

    # --- sessions --------------------------------------------------------------------------

    @cached_property
    def sessions(self) -> list[ScheduledSession]:
        """Every session of every published module, in time order."""
        found = []
        for module_id, module in self.modules.items():
            for index, session in enumerate(module.sessions or []):
                zone = session.timezone or self.config.default_timezone
                local = datetime.datetime.fromisoformat(session.start)
                start = local.replace(tzinfo=ZoneInfo(zone))
                found.append(ScheduledSession(module_id, index, session, zone, start))
        return sorted(found, key=lambda s: (s.start.astimezone(datetime.UTC), s.module_id))

    def upcoming_sessions(self, module_id: str | None = None) -> list[ScheduledSession]:
        return [
            s
            for s in self.sessions
            if s.is_upcoming(self.today) and (module_id is None or s.module_id == module_id)
        ]

    def published(self, kind: str, item_id: str) -> bool:
        """Whether the site has a page for this item (see generator.routes)."""
        if kind == "competency":
            framework_id, _, competency_id = item_id.partition("/")
            framework = self.frameworks.get(framework_id)
            return bool(framework) and any(c.id == competency_id for c in framework.competencies)
        if kind == "page":
            return any(page.path.endswith(f"/{item_id}.md") for page in self.pages)
        collections = {
            "track": self.tracks,
            "module": self.modules,
            "pathway": self.pathways,
            "framework": self.frameworks,
        }
        return item_id in collections.get(kind, {})

    # --- glossary ----------------------------------------------------------------------------

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        return {entry.term: entry.expansion for entry in self.glossary if entry.expansion}


def build_curriculum(checked: Checked, *, today: datetime.date) -> Curriculum:
    """Assemble the published curriculum from validated files (drafts left out)."""
    order = {track_id: i for i, track_id in enumerate(checked.config.tracks)}
    tracks = {
        track_id: checked.tracks[track_id].model
        for track_id in checked.config.tracks
        if track_id in checked.tracks
    }
    published = [
        (module_id, item)
        for module_id, item in checked.modules.items()
        if item.model.status != "draft"
    ]
    # Within a track, from foundation to advanced, then by title as readers scan.
    levels = {level: i for i, level in enumerate(fmt.LEVELS)}
    published.sort(
        key=lambda pair: (
            order.get(_folder(pair[1].document.path), 0),
            levels[pair[1].model.level],
            pair[1].model.title.casefold(),
            pair[0],
        )
    )
    modules = {module_id: item.model for module_id, item in published}
    module_track = {module_id: _folder(item.document.path) for module_id, item in published}
    pathways = {
        pathway_id: item.model
        for pathway_id, item in sorted(checked.pathways.items())
        if item.model.status != "draft"
    }
    sources = {}
    for kind, items in (
        ("framework", checked.frameworks),
        ("track", checked.tracks),
        ("module", checked.modules),
        ("pathway", checked.pathways),
    ):
        for item_id, item in items.items():
            sources[(kind, item_id)] = item.document.path
    if checked.glossary:
        sources[("glossary", "")] = checked.glossary.document.path
    return Curriculum(
        config=checked.config,
        today=today,
        frameworks={key: item.model for key, item in sorted(checked.frameworks.items())},
        tracks=tracks,
        modules=modules,
        module_track=module_track,
        pathways=pathways,
        glossary=list(checked.glossary.model.root) if checked.glossary else [],
        pages=sorted(checked.pages, key=lambda page: page.path),
        sources=sources,
    )


def _folder(path: str) -> str:
    return path.split("/")[-2]
