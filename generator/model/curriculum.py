"""Model stage: the published curriculum with its derived facts (JP, links, sessions).

Drafts are dropped here, once, so no later stage can publish them by accident.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import PurePosixPath

from generator.format import models as fmt
from generator.load.documents import Page
from generator.model.index import (
    EVERYONE,
    CurriculumIndex,
    SessionInstant,
    is_offered_status,
    serves,
)
from generator.text import numbers, zones
from generator.validate import Checked

# Indonesia's three zones in display order, with the abbreviations readers know, and the
# other Indonesian zone that shares one (generator.zones is where zones are named).
ZONES: dict[str, str] = zones.DISPLAY
ZONE_ALIASES = {zone: label for zone, label in zones.INDONESIAN.items() if zone not in ZONES}
# Matrix columns: "semua" is not a column of its own; it serves every column.
AUDIENCE_COLUMNS = [audience for audience in fmt.AUDIENCES if audience != EVERYONE]
# The home page's "Saya …" choices: how readers name themselves, and the jabatan each
# covers (JPT and fungsional are one choice each, split on the next tap).
JABATAN_CHOICES: list[tuple[str, list[str]]] = [
    ("CPNS", ["cpns"]),
    ("pelaksana", ["pelaksana"]),
    ("pengawas", ["pengawas"]),
    ("administrator", ["administrator"]),
    ("JPT", ["jpt-pratama", "jpt-madya", "jpt-utama"]),
    ("pejabat fungsional", ["fungsional-keterampilan", "fungsional-keahlian"]),
]


# A live session with its instant fixed (see generator.index), for listing and conversion.
ScheduledSession = SessionInstant


@dataclass(frozen=True)
class GroupShare:
    """One 70-20-10 group of a set of modules: its minutes, JP, whole-percent share and
    the bar width (to a tenth of a percent); the shares add up to 100."""

    group: str
    minutes: int
    jp: Fraction
    share: int
    width: float


@dataclass(frozen=True)
class Coverage:
    """How many matrix cells (audience × competency) at least one active module serves."""

    served: int
    total: int
    percent: int


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
    index: CurriculumIndex
    sources: dict[tuple[str, str], str] = field(default_factory=dict)

    # --- JP and the 70-20-10 mix ---------------------------------------------------

    def jp(self, minutes: int) -> Fraction:
        return Fraction(minutes, self.config.jp_minutes)

    def module_minutes(self, module_id: str) -> int:
        return self.index.module_minutes(module_id)

    def module_jp(self, module_id: str) -> Fraction:
        return self.index.module_jp(module_id)

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

    def group_shares(self, module_ids: list[str]) -> dict[str, GroupShare]:
        """The 70-20-10 mix of these modules by group, in group order; the shares add up
        to 100 % (generator.numbers.percent_shares, as the planner computes them)."""
        minutes = self.minutes_by_group(module_ids)
        total = sum(minutes.values())
        shares = numbers.percent_shares(list(minutes.values()))
        return {
            group: GroupShare(
                group,
                group_minutes,
                self.jp(group_minutes),
                share,
                round(100 * group_minutes / total, 1) if total else 0.0,
            )
            for (group, group_minutes), share in zip(minutes.items(), shares, strict=True)
        }

    @property
    def target_minutes(self) -> int:
        """The yearly JP entitlement in minutes."""
        return self.config.annual_jp_target * self.config.jp_minutes

    @property
    def modules_jp(self) -> Fraction:
        """JP of every published module together."""
        return self.total_jp(list(self.modules))

    def module_owner(self, module_id: str) -> str | None:
        """The unit responsible for a module: its own `owner`, else its track's."""
        module = self.modules[module_id]
        return module.owner or self.tracks[self.module_track[module_id]].owner

    def contact_for(self, owner: str | None) -> str | None:
        """Whom to ask about a unit's modules: the unit's contact in site_config.yml
        (`owners`), else the site's `contact`."""
        for unit in self.config.owners or []:
            if unit.name == owner:
                return unit.contact
        return self.config.contact

    def module_sessions(self, module_id: str) -> list[ScheduledSession]:
        return self.index.sessions(module_id)

    def page_id(self, page: Page) -> str:
        """A free page's id: its file stem (`curriculum/pages/tentang.md` → `tentang`)."""
        return PurePosixPath(page.path).stem

    def is_offered(self, item: fmt.Module | fmt.Pathway) -> bool:
        """Still offered to learners (active, not archived)."""
        return is_offered_status(item.status)

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
        return self.index.pathway_modules(pathway_id, required=required)

    def pathway_jp(self, pathway_id: str, *, required: bool | None = None) -> Fraction:
        """JP of a pathway's steps; only required or optional ones when asked."""
        return self.index.pathway_jp(pathway_id, required=required)

    def pathways_for(self, audience: str) -> list[str]:
        """Offered pathways that serve `audience`, in site order."""
        return [
            pathway_id
            for pathway_id, pathway in self.pathways.items()
            if self.is_offered(pathway) and serves(pathway.audience, audience)
        ]

    def audience_pathways(self, audience: str) -> list[str]:
        """Offered pathways for `audience`, the one to start from first (see the index)."""
        return self.index.audience_pathways(audience)

    def pathway_years(self, pathway_id: str) -> list[list[str]]:
        """The required steps split into years at the annual target (see the index)."""
        return self.index.pathway_years(pathway_id)

    def short_groups(self, module_ids: list[str]) -> list[str]:
        """Groups whose share is well below the 70-20-10 recommendation (less than half
        of it), in group order: what the reader may want to add."""
        shares = self.group_shares(module_ids)
        return [
            group
            for group, recommended in fmt.GROUP_RECOMMENDED.items()
            if shares[group].share * 2 < recommended
        ]

    def modules_with_group(self, module_ids: list[str], group: str) -> list[str]:
        """Those of `module_ids` with at least one activity in `group`, in order."""
        return [
            module_id for module_id in module_ids if self.minutes_by_group([module_id]).get(group)
        ]

    def audience_sessions(self, audience: str) -> list[ScheduledSession]:
        """Upcoming sessions of offered modules that serve `audience`, in time order."""
        return [
            s
            for s in self.upcoming_sessions()
            if self.serves(s.module_id, audience) and self.is_offered(self.modules[s.module_id])
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
        found = self.index.competency(ref)
        if found is None:
            raise KeyError(ref)
        return found

    @cached_property
    def developers(self) -> dict[str, list[tuple[int | None, str]]]:
        """For each competency ref, the (level, module id) pairs that develop it."""
        found: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
        for module_id, module in self.modules.items():
            for ref in module.competencies or []:
                found[ref.ref].append((ref.level, module_id))
        return found

    def serves(self, module_id: str, audience: str) -> bool:
        return serves(self.modules[module_id].audience, audience)

    @staticmethod
    def levels_covered(developers: list[tuple[int | None, str]]) -> list[int]:
        """The scale levels that these (level, module id) pairs reach, lowest first."""
        return sorted({level for level, _ in developers if level is not None})

    def competency_pathways(self, ref: str) -> list[str]:
        """Pathways (by id) with a step that develops this competency."""
        return sorted(
            {
                position.pathway_id
                for _, module_id in self.developers.get(ref, [])
                for position in self.positions.get(module_id, [])
            }
        )

    @cached_property
    def matrix(self) -> dict[tuple[str, str], list[tuple[int | None, str]]]:
        """(audience, competency ref) -> the (level, module id) pairs that serve it."""
        cells: dict[tuple[str, str], list[tuple[int | None, str]]] = defaultdict(list)
        for ref, developers in self.developers.items():
            for audience in AUDIENCE_COLUMNS:
                for level, module_id in developers:
                    if self.serves(module_id, audience) and self.is_offered(
                        self.modules[module_id]
                    ):
                        cells[(audience, ref)].append((level, module_id))
        return cells

    @cached_property
    def promises(self) -> dict[tuple[str, str], list[str]]:
        """(audience, competency ref) -> active pathways whose modules claim to develop it."""
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pathway_id, pathway in self.pathways.items():
            if not self.is_offered(pathway):
                continue
            audiences = [a for a in AUDIENCE_COLUMNS if serves(pathway.audience, a)]
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

    def coverage(self) -> Coverage:
        """Served cells of the matrix, with a whole percentage (half up, as shares are)."""
        total = len(AUDIENCE_COLUMNS) * len(self.competency_refs())
        served = total - len(self.gaps())
        return Coverage(served, total, numbers.percent_shares([served, total - served])[0])

    # --- sessions --------------------------------------------------------------------------

    @cached_property
    def sessions(self) -> list[ScheduledSession]:
        """Every session of every published module, in time order."""
        found = [s for module_id in self.modules for s in self.index.sessions(module_id)]
        return sorted(found, key=lambda s: s.order)

    def upcoming_sessions(self, module_id: str | None = None) -> list[ScheduledSession]:
        return [
            s
            for s in self.sessions
            if s.is_upcoming(self.today) and (module_id is None or s.module_id == module_id)
        ]

    def calendar_sessions(self, kind: str, item_id: str = "") -> list[ScheduledSession]:
        """The sessions of one calendar (generator.calendars): `schedule` has them all,
        `track` and `pathway` those of their modules; past ones included, in time order."""
        if kind == "schedule":
            return self.sessions
        if kind == "track":
            modules = set(self.track_modules(item_id))
        elif kind == "pathway":
            modules = set(self.pathway_modules(item_id)) & self.modules.keys()
        else:
            raise KeyError(kind)
        return [s for s in self.sessions if s.module_id in modules]

    def published(self, kind: str, item_id: str) -> bool:
        """Whether the site has a page for this item (see generator.routes)."""
        return self.index.is_published(kind, item_id)

    # --- glossary ----------------------------------------------------------------------------

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        return {entry.term: entry.expansion for entry in self.glossary if entry.expansion}


def build_curriculum(checked: Checked, *, today: datetime.date) -> Curriculum:
    """Assemble the published curriculum from validated files (drafts left out)."""
    index = checked.index
    order = {track_id: i for i, track_id in enumerate(checked.config.tracks)}
    tracks = {
        track_id: checked.tracks[track_id].model
        for track_id in checked.config.tracks
        if track_id in checked.tracks
    }
    # Within a track, from foundation to advanced, then by title as readers scan.
    levels = {level: i for i, level in enumerate(fmt.LEVELS)}
    module_ids = sorted(
        index.published("module"),
        key=lambda module_id: (
            order.get(index.track_of(module_id), 0),
            levels[index.model("module", module_id).level],
            index.model("module", module_id).title.casefold(),
            module_id,
        ),
    )
    modules = {module_id: index.model("module", module_id) for module_id in module_ids}
    module_track = {module_id: index.track_of(module_id) for module_id in module_ids}
    pathways = dict(sorted(index.published("pathway").items()))
    sources = {
        (kind, item_id): item.document.path
        for kind in ("framework", "track", "module", "pathway")
        for item_id, item in index.collection(kind).items()
    }
    if checked.glossary:
        sources[("glossary", "")] = checked.glossary.document.path
    return Curriculum(
        config=checked.config,
        today=today,
        frameworks=dict(sorted(index.models("framework").items())),
        tracks=tracks,
        modules=modules,
        module_track=module_track,
        pathways=pathways,
        glossary=list(checked.glossary.model.root) if checked.glossary else [],
        pages=sorted(checked.pages, key=lambda page: page.path),
        index=index,
        sources=sources,
    )
