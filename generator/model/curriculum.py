"""Model stage: the published curriculum and what its pages derive from it.

Drafts are dropped here, once, so no later stage can publish them by accident. Facts about
single documents (is it published or offered, whom it serves, its JP, its sessions) are
the index's (`generator.model.index`, `Curriculum.index`); this page model works out only
what pages show across documents: 70-20-10 shares, the competency matrix and coverage,
pathway positions, session lists and calendars, abbreviations.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from generator.format import models as fmt
from generator.load.documents import Page
from generator.model import evidence
from generator.model.documents import KINDS
from generator.model.index import EVERYONE, CurriculumIndex, SessionInstant
from generator.text import numbers, zones

# Indonesia's three zones in display order, with the abbreviations readers know, and the
# other Indonesian zone that shares one (generator.text.zones is where zones are named).
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

    def total_jp(self, module_ids: list[str]) -> Fraction:
        return self.index.jp(sum(self.index.module_minutes(module_id) for module_id in module_ids))

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
        to 100 % (generator.text.numbers.percent_shares, as the planner computes them)."""
        minutes = self.minutes_by_group(module_ids)
        total = sum(minutes.values())
        shares = numbers.percent_shares(list(minutes.values()))
        return {
            group: GroupShare(
                group,
                group_minutes,
                self.index.jp(group_minutes),
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

    def audience_sessions(self, audience: str) -> list[SessionInstant]:
        """Upcoming sessions of offered modules that serve `audience`, in time order."""
        return [
            s
            for s in self.upcoming_sessions()
            if self.index.serves("module", s.module_id, audience)
            and self.index.is_offered("module", s.module_id)
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

    @cached_property
    def developers(self) -> dict[str, list[tuple[int | None, str]]]:
        """For each competency ref, the (level, module id) pairs that develop it."""
        found: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
        for module_id, module in self.modules.items():
            for ref in module.competencies or []:
                found[ref.ref].append((ref.level, module_id))
        return found

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
                    if self.index.serves("module", module_id, audience) and (
                        self.index.is_offered("module", module_id)
                    ):
                        cells[(audience, ref)].append((level, module_id))
        return cells

    @cached_property
    def promises(self) -> dict[tuple[str, str], list[str]]:
        """(audience, competency ref) -> active pathways whose modules claim to develop it."""
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pathway_id in self.pathways:
            if not self.index.is_offered("pathway", pathway_id):
                continue
            audiences = [a for a in AUDIENCE_COLUMNS if self.index.serves("pathway", pathway_id, a)]
            for module_id in self.index.pathway_modules(pathway_id):
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
    def sessions(self) -> list[SessionInstant]:
        """Every session of every published module, in time order."""
        found = [s for module_id in self.modules for s in self.index.sessions(module_id)]
        return sorted(found, key=lambda s: s.order)

    def upcoming_sessions(self, module_id: str | None = None) -> list[SessionInstant]:
        # One module's sessions come from the index's per-module lists: scanning every
        # session for every module made pages that list modules quadratic in the curriculum.
        if module_id is None:
            found = self.sessions
        elif module_id in self.modules:
            found = self.index.sessions(module_id)
        else:
            found = []
        return [s for s in found if s.is_upcoming(self.today)]

    def calendar_sessions(self, kind: str, item_id: str = "") -> list[SessionInstant]:
        """The sessions of one calendar (generator.render.calendars): `schedule` has them all,
        `track` and `pathway` those of their modules; past ones included, in time order."""
        if kind == "schedule":
            return self.sessions
        if kind == "track":
            modules = set(self.track_modules(item_id))
        elif kind == "pathway":
            modules = set(self.index.pathway_modules(item_id)) & self.modules.keys()
        else:
            raise KeyError(kind)
        found = [s for module_id in modules for s in self.index.sessions(module_id)]
        return sorted(found, key=lambda s: s.order)

    # --- glossary ----------------------------------------------------------------------------

    # --- evidence of effect ------------------------------------------------------------

    @cached_property
    def evidence(self) -> dict[str, evidence.ModuleEvidence]:
        """Each published module's evidence (generator.model.evidence: the only place its
        figures, and the small-group rule, are worked out)."""
        return {
            module_id: evidence.module_evidence(
                module_id,
                (
                    (item.document.path, item.model)
                    for item in self.index.module_outcomes(module_id)
                ),
                min_size=self.config.min_group_size,
                reviewed=module.reviewed,
            )
            for module_id, module in self.modules.items()
        }

    def pooled_evidence(self, module_ids: list[str]) -> evidence.Pooled:
        """Figures pooled over these modules' published groups, weighted by people."""
        return evidence.pool(
            session for module_id in module_ids for session in self.evidence[module_id].sessions
        )

    def evidence_module_ids(self) -> list[str]:
        """Published modules with at least one outcome file, in module order."""
        return [module_id for module_id, found in self.evidence.items() if found.sessions]

    def evidence_levels(self, module_ids: list[str]) -> dict[int, int]:
        """How many of these modules reach each evidence level (0: none yet)."""
        counts = dict.fromkeys(evidence.LEVELS, 0)
        for module_id in module_ids:
            counts[self.evidence[module_id].level] += 1
        return counts

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        return {entry.term: entry.expansion for entry in self.glossary if entry.expansion}


def build_curriculum(index: CurriculumIndex, *, today: datetime.date) -> Curriculum:
    """Assemble the published curriculum from the validated index (drafts left out)."""
    order = {track_id: i for i, track_id in enumerate(index.config.tracks)}
    tracks = {
        track_id: index.tracks[track_id].model
        for track_id in index.config.tracks
        if track_id in index.tracks
    }
    # Within a track, from foundation to advanced, then by title as readers scan.
    levels = {level: i for i, level in enumerate(fmt.LEVELS)}
    module_ids = sorted(
        index.published("module"),
        key=lambda module_id: (
            order.get(index.track_of(module_id), 0),
            levels[index.modules[module_id].model.level],
            index.modules[module_id].model.title.casefold(),
            module_id,
        ),
    )
    modules = {module_id: index.modules[module_id].model for module_id in module_ids}
    module_track = {module_id: index.track_of(module_id) for module_id in module_ids}
    pathways = {
        pathway_id: index.pathways[pathway_id].model
        for pathway_id in sorted(index.published("pathway"))
    }
    sources = {
        (kind, item_id): item.document.path
        for kind in KINDS
        for item_id, item in index.collection(kind).items()
    }
    if index.glossary:
        sources[("glossary", "")] = index.glossary.document.path
    return Curriculum(
        config=index.config,
        today=today,
        frameworks={
            framework_id: item.model for framework_id, item in sorted(index.frameworks.items())
        },
        tracks=tracks,
        modules=modules,
        module_track=module_track,
        pathways=pathways,
        glossary=list(index.glossary.model.root) if index.glossary else [],
        pages=sorted(index.pages, key=lambda page: page.path),
        index=index,
        sources=sources,
    )
