"""The curriculum index: facts about the validated documents, each worked out in one place.

Built once from `validation.Checked` (the typed documents keyed by id), a
`CurriculumIndex` answers:

- `collection(kind)` / `located(kind, id)` / `model(kind, id)`: the documents of one kind
  (`framework`, `track`, `module`, `pathway`), keyed by id, in file order;
- `is_published(kind, id)`: whether the site has a page for it (drafts do not; kinds
  `competency` with a `framework/competency` id and `page` with a file stem too);
- `is_offered(kind, id)`: published and still offered (`active`, not `archived`);
- `track_of(module_id)`: a module's track, the folder its file is in;
- `sessions(module_id)`: its live sessions as `SessionInstant`s, timezone-aware, once;
  `next_session(module_id, today)`: the first of them on or after `today`;
- `competency(ref)` / `competencies`: `framework/competency` refs to their models;
- `module_minutes(module_id)` / `module_jp(module_id)`: a module's load, JP in `Fraction`s.
- `pathway_modules(pathway_id)` / `pathway_jp(pathway_id)`: its steps' modules and their JP;
  `pathway_years(pathway_id)`: its required steps year by year at the annual target;
  `audience_pathways(audience)`: a jabatan's offered pathways, the one to start from first.

Functions for raw data that has no index (yet): `serves(audience_list, audience)` says
who a module or pathway serves (`semua` counts for everyone), `is_published_status` and
`is_offered_status` read a status, `track_folder(path)` reads a module's track from its
path, and `session_instant(...)` fixes one session's instant. JP are written by
`generator.text.numbers.jp_text` (twin of the planner's JavaScript).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from generator.format import models as fmt

if TYPE_CHECKING:
    from generator.validate import Checked, Located

# The kinds of document that each hold one thing with an id.
KINDS = ("framework", "track", "module", "pathway")
EVERYONE = "semua"


# --- facts about raw values ------------------------------------------------------------


def is_published_status(status: str) -> bool:
    """Drafts are not published; active and archived items have a page."""
    return status != "draft"


def is_offered_status(status: str) -> bool:
    """Only active items are offered to learners (archived pages stay as a reference)."""
    return status == "active"


def serves(audience: Iterable[str], who: str) -> bool:
    """Whether an item with this `audience` list serves `who`; `semua` serves everyone."""
    targets = list(audience)
    return who in targets or EVERYONE in targets


def track_folder(path: str) -> str:
    """A module's track: the folder its file is in (`curriculum/modules/<track>/x.yml`)."""
    return PurePosixPath(path).parent.name


@dataclass(frozen=True)
class SessionInstant:
    """A live session with its instant fixed: timezone-aware start and end."""

    module_id: str
    index: int
    session: fmt.Session
    zone: str
    start: datetime.datetime  # aware, in the session's own zone

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


def session_instant(
    module_id: str, index: int, session: fmt.Session, default_zone: str
) -> SessionInstant:
    """Fix a session's instant: its local start in its zone (or the site's default zone)."""
    zone = session.timezone or default_zone
    local = datetime.datetime.fromisoformat(session.start)
    return SessionInstant(module_id, index, session, zone, local.replace(tzinfo=ZoneInfo(zone)))


# --- the index -----------------------------------------------------------------------------


class CurriculumIndex:
    """Facts about one validated curriculum; see the module docstring for what it answers."""

    def __init__(self, checked: Checked):
        self.checked = checked
        self.config: fmt.SiteConfig = checked.config

    # collections
    def collection(self, kind: str) -> dict[str, Located]:
        """The documents of one kind, id → Located, in file order."""
        return self.checked.collection(kind)

    def located(self, kind: str, item_id: str) -> Located | None:
        return self.collection(kind).get(item_id)

    def model(self, kind: str, item_id: str) -> Any:
        located = self.located(kind, item_id)
        return located.model if located else None

    def models(self, kind: str) -> dict[str, Any]:
        return {item_id: item.model for item_id, item in self.collection(kind).items()}

    # publishing
    def is_published(self, kind: str, item_id: str) -> bool:
        """Whether the site has a page for this item (see generator.routes)."""
        if kind == "competency":
            return item_id in self.competencies
        if kind == "page":
            return item_id in self.page_ids
        if kind == "audience":
            return item_id in fmt.AUDIENCES and item_id != EVERYONE
        if kind not in KINDS:
            return False
        model = self.model(kind, item_id)
        if model is None:
            return False
        status = getattr(model, "status", None)
        return status is None or is_published_status(status)

    def is_offered(self, kind: str, item_id: str) -> bool:
        """Published and offered to learners now (modules and pathways: `active`)."""
        if not self.is_published(kind, item_id):
            return False
        status = getattr(self.model(kind, item_id), "status", None) if kind in KINDS else None
        return status is None or is_offered_status(status)

    def published(self, kind: str) -> dict[str, Any]:
        """The published models of one kind, id → model, in file order."""
        return {
            item_id: model
            for item_id, model in self.models(kind).items()
            if self.is_published(kind, item_id)
        }

    @cached_property
    def page_ids(self) -> set[str]:
        """Free pages by file stem (`curriculum/pages/tentang.md` → `tentang`)."""
        return {PurePosixPath(page.path).stem for page in self.checked.pages}

    # modules
    def track_of(self, module_id: str) -> str:
        return track_folder(self.collection("module")[module_id].document.path)

    def module_minutes(self, module_id: str) -> int:
        return sum(activity.minutes for activity in self.model("module", module_id).activities)

    def jp(self, minutes: int) -> Fraction:
        return Fraction(minutes, self.config.jp_minutes)

    def module_jp(self, module_id: str) -> Fraction:
        return self.jp(self.module_minutes(module_id))

    def sessions(self, module_id: str) -> list[SessionInstant]:
        """A module's sessions in time order (empty for an unknown module)."""
        return self._sessions.get(module_id, [])

    @cached_property
    def _sessions(self) -> dict[str, list[SessionInstant]]:
        zone = self.config.default_timezone
        return {
            module_id: sorted(
                (
                    session_instant(module_id, i, session, zone)
                    for i, session in enumerate(item.model.sessions or [])
                ),
                key=lambda s: s.order,
            )
            for module_id, item in self.collection("module").items()
        }

    def next_session(self, module_id: str, today: datetime.date) -> SessionInstant | None:
        """A module's first session on or after `today` (the build's notion of upcoming)."""
        return next((s for s in self.sessions(module_id) if s.is_upcoming(today)), None)

    # competencies
    @cached_property
    def competencies(self) -> dict[str, tuple[fmt.Framework, fmt.Competency]]:
        """`framework/competency` ref → (framework, competency), in framework order."""
        return {
            f"{framework_id}/{competency.id}": (item.model, competency)
            for framework_id, item in self.collection("framework").items()
            for competency in item.model.competencies
        }

    def competency(self, ref: str) -> tuple[fmt.Framework, fmt.Competency] | None:
        return self.competencies.get(ref)

    # pathways
    def pathway_modules(self, pathway_id: str, *, required: bool | None = None) -> list[str]:
        """Module ids of a pathway's steps in order; only required or optional ones when asked."""
        pathway = self.model("pathway", pathway_id)
        if pathway is None:
            return []
        return [
            step.module
            for phase in pathway.phases
            for step in phase.steps
            if required is None or step.required == required
        ]

    def pathway_jp(self, pathway_id: str, *, required: bool | None = None) -> Fraction:
        """JP of a pathway's steps; a module the index does not know counts for nothing."""
        modules = self.pathway_modules(pathway_id, required=required)
        known = [module_id for module_id in modules if self.model("module", module_id)]
        return self.jp(sum(self.module_minutes(module_id) for module_id in known))

    def pathway_years(self, pathway_id: str) -> list[list[str]]:
        """The required steps split into years at the annual target, in order: each year
        takes steps until it reaches the target (the last may fall short). The planner
        proposes the first year's part the same way (rencana-belajar.js proposePlan)."""
        target = self.config.annual_jp_target * self.config.jp_minutes
        years: list[list[str]] = []
        current: list[str] = []
        minutes = 0
        for module_id in self.pathway_modules(pathway_id, required=True):
            if self.model("module", module_id) is None:
                continue
            current.append(module_id)
            minutes += self.module_minutes(module_id)
            if minutes >= target:
                years.append(current)
                current, minutes = [], 0
        if current:
            years.append(current)
        return years

    def audience_pathways(self, audience: str) -> list[str]:
        """Offered pathways serving `audience`, the one to start from first: those naming
        the jabatan before those for everyone, then the fewest jabatan (the most
        specific), then by id. The planner starts from the first (planner data)."""
        found = [
            pathway_id
            for pathway_id, pathway in sorted(self.published("pathway").items())
            if self.is_offered("pathway", pathway_id) and serves(pathway.audience, audience)
        ]
        return sorted(
            found,
            key=lambda pathway_id: (
                audience not in self.model("pathway", pathway_id).audience,
                len(self.model("pathway", pathway_id).audience),
            ),
        )
