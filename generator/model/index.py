"""The curriculum index: the validated documents by kind and id, and every fact about them.

Validation builds one `CurriculumIndex` (`generator.validate.collect`), the rules read
it, and the page model (`generator.model.curriculum`) is made from it. Each question has
one method with one signature:

- documents: `frameworks`, `tracks`, `modules`, `pathways` (id → typed `Located`, in file
  order), `glossary`, `pages`, `config`; `collection(kind)` for code that works on any kind,
  `exists(kind, id)` for files that exist, valid or not (`broken`);
- publishing: `is_published(kind, id)` (the site has a page: not a draft; kinds
  `competency`, `page` and `audience` too), `is_offered(kind, id)` (published and offered
  to learners: `active`), `published(kind)` (the published ids of a kind, in file order);
- who it is for: `serves(kind, id, audience)` (`semua` serves everyone),
  `audience_pathways(audience)`;
- where it belongs: `track_of(module_id)`, `competency(ref)` / `competencies`;
- load: `jp(minutes)`, `module_minutes(id)`, `module_jp(id)`, `pathway_modules(id)`,
  `pathway_jp(id)`, `pathway_years(id)`;
- time: `sessions(module_id)` (live sessions as `SessionInstant`s, timezone-aware, in time
  order), `next_session(module_id, today)`;
- evidence: `outcomes` (the folder's module id → its outcome files, in delivery order),
  `module_outcomes(module_id)`; the statistics drawn from them are
  `generator.model.evidence`'s.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from generator.format import models as fmt
from generator.load.documents import Document, Page
from generator.model.documents import KINDS, Located

EVERYONE = "semua"
# What each status means for the site: drafts have no page; archived pages stay as a
# reference but are no longer offered to learners.
_PUBLISHED = frozenset({"active", "archived"})
_OFFERED = frozenset({"active"})
# The attribute that holds each kind: `collection` sits under every per-item question, so
# it looks the attribute up rather than building a mapping on each call.
_COLLECTIONS = {kind: f"{kind}s" for kind in KINDS}


def track_folder(path: str) -> str:
    """A module's track: the folder its file is in (`curriculum/modules/<track>/x.yml`).

    Also read from raw paths where no index exists (the diff of a renamed file)."""
    return PurePosixPath(path).parent.name


@dataclass(frozen=True)
class SessionInstant:
    """A live session with its instant fixed: timezone-aware start and end."""

    module_id: str
    index: int
    session: fmt.Session
    zone: str
    start: datetime.datetime  # aware, in the session's own zone
    # How many of the module's sessions written before this one start at the same instant
    # (the same time written in two zones): its calendar file and UID then get a number,
    # so no two sessions share one.
    twin: int = 0

    @classmethod
    def of(
        cls, module_id: str, index: int, session: fmt.Session, default_zone: str
    ) -> SessionInstant:
        """Fix a session's instant: its local start in its zone (or the site's default)."""
        zone = session.timezone or default_zone
        local = datetime.datetime.fromisoformat(session.start)
        return cls(module_id, index, session, zone, local.replace(tzinfo=ZoneInfo(zone)))

    @property
    def end(self) -> datetime.datetime:
        return self.start + datetime.timedelta(minutes=self.session.minutes)

    @property
    def exists(self) -> bool:
        """Whether the local start exists in its zone (a clock change can skip an hour)."""
        back = self.start.astimezone(datetime.UTC).astimezone(ZoneInfo(self.zone))
        return back.replace(tzinfo=None) == self.start.replace(tzinfo=None)

    def in_zone(self, zone: str) -> datetime.datetime:
        return self.start.astimezone(ZoneInfo(zone))

    def is_upcoming(self, today: datetime.date) -> bool:
        return self.start.date() >= today

    @property
    def order(self) -> tuple[datetime.datetime, str]:
        """Time order across zones, then by module."""
        return (self.start.astimezone(datetime.UTC), self.module_id)


@dataclass
class CurriculumIndex:
    """The validated curriculum: typed documents by id, and the facts worked out from them.

    See the module docstring for what it answers.
    """

    config: fmt.SiteConfig
    config_document: Document | None = None
    frameworks: dict[str, Located[fmt.Framework]] = field(default_factory=dict)
    tracks: dict[str, Located[fmt.Track]] = field(default_factory=dict)
    modules: dict[str, Located[fmt.Module]] = field(default_factory=dict)
    pathways: dict[str, Located[fmt.Pathway]] = field(default_factory=dict)
    glossary: Located[fmt.Glossary] | None = None
    pages: list[Page] = field(default_factory=list)
    # Outcome files by the module their folder names, oldest delivery first.
    outcomes: dict[str, list[Located[fmt.Outcome]]] = field(default_factory=dict)
    # Ids of files that exist but failed to load or validate, by kind: references to
    # them are not reported again, since the file's own errors already say what to fix.
    broken: dict[str, set[str]] = field(default_factory=dict)
    # Documents that failed their model: their references are still checked where the
    # raw data allows, so a typo there is not hidden behind the file's other error.
    unchecked: list[Document] = field(default_factory=list)

    # --- documents ------------------------------------------------------------------------

    def collection(self, kind: str) -> dict[str, Located]:
        """The documents of one kind (`framework`, `track`, `module`, `pathway`), by id."""
        return getattr(self, _COLLECTIONS[kind])

    def exists(self, kind: str, item_id: str) -> bool:
        """Whether a file of `kind` with this id exists, valid or not."""
        return item_id in self.collection(kind) or item_id in self.broken.get(kind, set())

    # --- publishing -------------------------------------------------------------------------

    def is_published(self, kind: str, item_id: str) -> bool:
        """Whether the site has a page for this item (see generator.model.routes)."""
        if kind == "competency":
            return item_id in self.competencies
        if kind == "page":
            return item_id in self.page_ids
        if kind == "audience":
            return item_id in fmt.AUDIENCES and item_id != EVERYONE
        if kind not in KINDS:
            return False
        return self._status(kind, item_id) in _PUBLISHED

    def is_offered(self, kind: str, item_id: str) -> bool:
        """Published and offered to learners now (modules and pathways: `active`)."""
        if kind in ("module", "pathway"):
            return self._status(kind, item_id) in _OFFERED
        return self.is_published(kind, item_id)

    def published(self, kind: str) -> list[str]:
        """The published ids of one kind, in file order."""
        return [item_id for item_id in self.collection(kind) if self.is_published(kind, item_id)]

    def _status(self, kind: str, item_id: str) -> str | None:
        """The item's status; an item of a kind without one counts as active."""
        located = self.collection(kind).get(item_id)
        if located is None:
            return None
        return getattr(located.model, "status", "active")

    @staticmethod
    def page_id(page: Page) -> str:
        """A free page's id: its file stem (`curriculum/pages/tentang.md` → `tentang`)."""
        return PurePosixPath(page.path).stem

    @cached_property
    def page_ids(self) -> set[str]:
        return {self.page_id(page) for page in self.pages}

    # --- who it is for ----------------------------------------------------------------------

    def serves(self, kind: str, item_id: str, audience: str) -> bool:
        """Whether a module or pathway serves `audience`; `semua` serves everyone."""
        targets = self.collection(kind)[item_id].model.audience
        return audience in targets or EVERYONE in targets

    def audience_pathways(self, audience: str) -> list[str]:
        """Offered pathways serving `audience`, the one to start from first: those naming
        the jabatan before those for everyone, then the fewest jabatan (the most
        specific), then by id. The planner starts from the first (planner data)."""
        found = [
            pathway_id
            for pathway_id in sorted(self.published("pathway"))
            if self.is_offered("pathway", pathway_id)
            and self.serves("pathway", pathway_id, audience)
        ]
        return sorted(
            found,
            key=lambda pathway_id: (
                audience not in self.pathways[pathway_id].model.audience,
                len(self.pathways[pathway_id].model.audience),
            ),
        )

    # --- where it belongs ---------------------------------------------------------------------

    def track_of(self, module_id: str) -> str:
        return track_folder(self.modules[module_id].document.path)

    @cached_property
    def competencies(self) -> dict[str, tuple[fmt.Framework, fmt.Competency]]:
        """`framework/competency` ref → (framework, competency), in framework order."""
        return {
            f"{framework_id}/{competency.id}": (item.model, competency)
            for framework_id, item in self.frameworks.items()
            for competency in item.model.competencies
        }

    def competency(self, ref: str) -> tuple[fmt.Framework, fmt.Competency] | None:
        return self.competencies.get(ref)

    # --- load ---------------------------------------------------------------------------------

    def jp(self, minutes: int) -> Fraction:
        return Fraction(minutes, self.config.jp_minutes)

    def module_minutes(self, module_id: str) -> int:
        return sum(activity.minutes for activity in self.modules[module_id].model.activities)

    def module_jp(self, module_id: str) -> Fraction:
        return self.jp(self.module_minutes(module_id))

    def pathway_modules(self, pathway_id: str, *, required: bool | None = None) -> list[str]:
        """Module ids of a pathway's steps in order; only required or optional ones when asked."""
        located = self.pathways.get(pathway_id)
        if located is None:
            return []
        return [
            step.module
            for phase in located.model.phases
            for step in phase.steps
            if required is None or step.required == required
        ]

    def pathway_jp(self, pathway_id: str, *, required: bool | None = None) -> Fraction:
        """JP of a pathway's steps; a module the index does not know counts for nothing."""
        modules = self.pathway_modules(pathway_id, required=required)
        return self.jp(
            sum(
                self.module_minutes(module_id) for module_id in modules if module_id in self.modules
            )
        )

    def pathway_years(self, pathway_id: str) -> list[list[str]]:
        """The required steps split into years at the annual target, in order: each year
        takes steps until it reaches the target (the last may fall short). The planner
        proposes the first year's part the same way (rencana-belajar.js proposePlan)."""
        target = self.config.annual_jp_target * self.config.jp_minutes
        years: list[list[str]] = []
        current: list[str] = []
        minutes = 0
        for module_id in self.pathway_modules(pathway_id, required=True):
            if module_id not in self.modules:
                continue
            current.append(module_id)
            minutes += self.module_minutes(module_id)
            if minutes >= target:
                years.append(current)
                current, minutes = [], 0
        if current:
            years.append(current)
        return years

    # --- evidence -------------------------------------------------------------------------

    def module_outcomes(self, module_id: str) -> list[Located[fmt.Outcome]]:
        """A module's outcome files in delivery order (none for an unknown module)."""
        return self.outcomes.get(module_id, [])

    # --- time -----------------------------------------------------------------------------------

    def sessions(self, module_id: str) -> list[SessionInstant]:
        """A module's sessions in time order (empty for an unknown module)."""
        return self._sessions.get(module_id, [])

    @cached_property
    def _sessions(self) -> dict[str, list[SessionInstant]]:
        zone = self.config.default_timezone
        found: dict[str, list[SessionInstant]] = {}
        for module_id, item in self.modules.items():
            seen: dict[datetime.datetime, int] = {}
            instants = []
            for i, session in enumerate(item.model.sessions or []):
                instant = SessionInstant.of(module_id, i, session, zone)
                moment = instant.start.astimezone(datetime.UTC)
                twin = seen.get(moment, 0)
                seen[moment] = twin + 1
                instants.append(dataclasses.replace(instant, twin=twin) if twin else instant)
            found[module_id] = sorted(instants, key=lambda s: (s.order, s.twin))
        return found

    def next_session(self, module_id: str, today: datetime.date) -> SessionInstant | None:
        """A module's first session on or after `today` (the build's notion of upcoming)."""
        return next((s for s in self.sessions(module_id) if s.is_upcoming(today)), None)
