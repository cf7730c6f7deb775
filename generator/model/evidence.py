"""Evidence of effect: the published statistics drawn from outcome files, in one place.

Everything a page, chart, `catalog.json`, JSON-LD or search record says about outcomes is
computed here and nowhere else, so the small-group rule cannot be bypassed: a group of fewer
than `min_group_size` people (a survey's responses, a test's matched pairs, a follow-up's
responses, a session's people reached) yields a `Withheld` in place of its figures, and
pooling only combines groups published on their own, so no figure of a small group can be
recovered by subtracting one published total from another.

The statistics are those FORMAT.md ("Outcomes") lists:

- response rate: a survey's `responses` ÷ `attended_live`, else ÷ `registered`; a follow-up's
  `responses` ÷ the session's survey `responses`, else ÷ `attended_live`;
- share agreeing: answers 4 or 5 ÷ that item's answers;
- pre and post means, the gain in points and as a share of `max_score`, and the normalized
  gain (post − pre) / (max_score − pre) (Hake 1998, from the group's means);
- an effect size named by its formula, with Hedges' correction J(df) for df = matched − 1,
  in its exact form J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)) (Hedges 1981), not the
  approximation 1 − 3/(4·df − 1): g_z = J · gain / diff_sd with a 95 % interval from the
  noncentral t distribution (the observed t = d_z·√n inverted for its noncentrality
  parameter, as MBESS's `ci.sm` does, the limits ÷ √n and × J), else g_av = J · gain / mean
  of the two SDs, with no interval since the pre–post correlation is unknown;
- pooled figures per module, pathway and track, weighted by people: shares as sums of
  counts, means and effect sizes weighted by the number of people each comes from (effect
  sizes of one formula only; pooled effect sizes carry no interval).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from scipy import optimize, special

from generator.format import models as fmt

CONFIDENCE = 0.95
# A survey filled in by fewer than this share of the people it asked is said in words.
LOW_RESPONSE_SHARE = 0.5
# Evidence levels, lowest first: what a module's outcome files show at best.
LEVELS = {
    0: "belum ada",
    1: "reaksi saja",
    2: "pembelajaran diukur",
    3: "penerapan ditindaklanjuti",
    4: "hasil dilaporkan",
}


# --- the statistics --------------------------------------------------------------------


def hedges_correction(df: int) -> float:
    """Hedges' small-sample correction J(df), exact gamma form (through log-gamma, so it
    stays finite for any df)."""
    if df < 2:
        return math.nan
    return math.exp(
        special.gammaln(df / 2) - 0.5 * math.log(df / 2) - special.gammaln((df - 1) / 2)
    )


def noncentrality_interval(t: float, df: int, level: float = CONFIDENCE) -> tuple[float, float]:
    """The noncentrality parameters whose noncentral t puts the observed `t` at the upper
    and lower tail quantiles: the confidence limits of the noncentrality parameter."""
    tail = (1 - level) / 2

    # The normal approximation's standard error of the noncentrality parameter gives a
    # bracket around each root, so Brent's method needs only a few evaluations of the
    # noncentral t's distribution function (`scipy.special.nctdtr`, what `scipy.stats.nct.cdf`
    # calls, without its per-call argument handling: ten times faster, one interval per session).
    spread = math.sqrt(1 + t * t / (2 * df))

    def limit(probability: float) -> float:
        def gap(ncp: float) -> float:
            return float(special.nctdtr(df, ncp, t)) - probability

        guess = t - float(special.ndtri(probability)) * spread
        # P(T ≤ t) falls as the noncentrality parameter grows: widen until the root is inside.
        low, high = guess - spread, guess + spread
        while gap(low) < 0:
            low -= 2 * spread
        while gap(high) > 0:
            high += 2 * spread
        return float(optimize.brentq(gap, low, high, xtol=1e-9))

    return limit(1 - tail), limit(tail)


@dataclass(frozen=True)
class Effect:
    """A standardized mean change, Hedges-corrected, named by its formula."""

    name: str  # "g_z" or "g_av"
    value: float
    d: float  # before the correction
    correction: float
    low: float | None = None
    high: float | None = None

    @property
    def has_interval(self) -> bool:
        return self.low is not None


def g_z(gain: float, diff_sd: float, n: int) -> Effect | None:
    """g_z = J · gain / SD of the gains, with its 95 % noncentral-t interval."""
    if n < 3 or diff_sd <= 0:
        return None
    d = gain / diff_sd
    j = hedges_correction(n - 1)
    ncp_low, ncp_high = noncentrality_interval(d * math.sqrt(n), n - 1)
    root = math.sqrt(n)
    return Effect("g_z", j * d, d, j, j * ncp_low / root, j * ncp_high / root)


def g_av(gain: float, sd_pre: float, sd_post: float, n: int) -> Effect | None:
    """g_av = J · gain / mean of the two SDs; no interval (the correlation is unknown)."""
    average = (sd_pre + sd_post) / 2
    if n < 3 or average <= 0:
        return None
    d = gain / average
    j = hedges_correction(n - 1)
    return Effect("g_av", j * d, d, j)


def normalized_gain(pre: float, post: float, max_score: float) -> float | None:
    """Hake's normalized gain (post − pre) / (max − pre); none when pre is already max."""
    room = max_score - pre
    return (post - pre) / room if room > 0 else None


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def value(self) -> float:
        return self.count / self.total if self.total else 0.0


# --- one outcome file -------------------------------------------------------------------


@dataclass(frozen=True)
class Withheld:
    """A group too small to publish: no figure of it, only that it was too small."""

    what: str
    min_size: int


@dataclass(frozen=True)
class ItemAgreement:
    key: str
    label: str
    counts: tuple[int, ...]
    agree: Share  # 4 or 5, of the item's answers


@dataclass(frozen=True)
class ReactionFigures:
    responses: int
    response_rate: Share | None
    items: list[ItemAgreement]


@dataclass(frozen=True)
class LearningFigures:
    matched: int
    max_score: float
    pre: float
    post: float
    pre_sd: float
    post_sd: float
    gain: float
    gain_share: float
    normalized: float | None
    effect: Effect | None
    passed: Share | None


@dataclass(frozen=True)
class FollowUpFigures:
    after_days: int
    responses: int
    response_rate: Share | None
    applied: Share
    confirmed: Share | None
    note: str | None


@dataclass(frozen=True)
class SessionEvidence:
    """What one outcome file publishes, each group's figures or its `Withheld`."""

    path: str
    delivered: datetime.date
    mode: str
    source: str
    example: bool
    earlier_version: bool  # delivered before the module's last content review
    reached: int
    participation: dict[str, int] | Withheld
    reaction: ReactionFigures | Withheld | None
    learning: LearningFigures | Withheld | None
    application: list[FollowUpFigures | Withheld]
    results: list[fmt.ResultIndicator]
    level: int


def reached(participation: fmt.Participation) -> int:
    """The people a session reached: live and recording viewers, else the registered,
    else those who completed."""
    live = (participation.attended_live or 0) + (participation.watched_recording or 0)
    return live or participation.registered or participation.completed or 0


def evidence_level(outcome: fmt.Outcome) -> int:
    """The highest Kirkpatrick level an outcome file holds evidence for (0: none)."""
    if outcome.results:
        return 4
    if outcome.application:
        return 3
    if outcome.learning is not None:
        return 2
    return 1 if outcome.reaction is not None else 0


def session_evidence(
    path: str, outcome: fmt.Outcome, *, min_size: int, reviewed: str | None = None
) -> SessionEvidence:
    """The published figures of one outcome file; groups under `min_size` are withheld."""
    people = reached(outcome.participation)
    participation: dict[str, int] | Withheld
    if people < min_size:
        participation = Withheld("partisipasi", min_size)
    else:
        participation = {
            key: value
            for key, value in outcome.participation.model_dump().items()
            if value is not None
        }
    return SessionEvidence(
        path=path,
        delivered=datetime.date.fromisoformat(outcome.delivered),
        mode=outcome.mode,
        source=outcome.source,
        example=outcome.example,
        earlier_version=reviewed is not None and outcome.delivered < reviewed,
        reached=people,
        participation=participation,
        reaction=_reaction(outcome, min_size),
        learning=_learning(outcome.learning, min_size),
        application=[_follow_up(outcome, item, min_size) for item in outcome.application or []],
        results=list(outcome.results or []),
        level=evidence_level(outcome),
    )


def _reaction(outcome: fmt.Outcome, min_size: int) -> ReactionFigures | Withheld | None:
    reaction = outcome.reaction
    if reaction is None:
        return None
    if reaction.responses < min_size:
        return Withheld("survei reaksi", min_size)
    base = outcome.participation.attended_live or outcome.participation.registered
    items = []
    for key, label in fmt.REACTION_ITEMS.items():
        counts = getattr(reaction, key)
        if counts is None:
            continue
        answers = sum(counts)
        if answers < min_size:
            continue
        items.append(
            ItemAgreement(key, label, tuple(counts), Share(counts[3] + counts[4], answers))
        )
    return ReactionFigures(
        reaction.responses, Share(reaction.responses, base) if base else None, items
    )


def _learning(learning: fmt.Learning | None, min_size: int) -> LearningFigures | Withheld | None:
    if learning is None:
        return None
    if learning.matched < min_size:
        return Withheld("pre- dan post-test", min_size)
    gain = learning.post.mean - learning.pre.mean
    n = learning.matched
    effect = (
        g_z(gain, learning.diff_sd, n)
        if learning.diff_sd is not None
        else g_av(gain, learning.pre.sd, learning.post.sd, n)
    )
    return LearningFigures(
        matched=n,
        max_score=learning.max_score,
        pre=learning.pre.mean,
        post=learning.post.mean,
        pre_sd=learning.pre.sd,
        post_sd=learning.post.sd,
        gain=gain,
        gain_share=gain / learning.max_score,
        normalized=normalized_gain(learning.pre.mean, learning.post.mean, learning.max_score),
        effect=effect,
        passed=Share(learning.passed, n) if learning.passed is not None else None,
    )


def _follow_up(
    outcome: fmt.Outcome, item: fmt.FollowUp, min_size: int
) -> FollowUpFigures | Withheld:
    if item.responses < min_size:
        return Withheld(f"tindak lanjut {item.after_days} hari", min_size)
    base = (
        outcome.reaction.responses
        if outcome.reaction is not None and outcome.reaction.responses
        else outcome.participation.attended_live
    )
    return FollowUpFigures(
        after_days=item.after_days,
        responses=item.responses,
        response_rate=Share(item.responses, base) if base else None,
        applied=Share(item.applied, item.responses),
        confirmed=(
            Share(item.confirmed_by_supervisor, item.responses)
            if item.confirmed_by_supervisor is not None
            else None
        ),
        note=item.note,
    )


# --- pooling ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PooledEffect:
    name: str
    value: float
    people: int
    sessions: int


@dataclass
class Pooled:
    """Figures pooled over published groups, weighted by people."""

    sessions: int = 0
    people_reached: int = 0
    survey_responses: int = 0
    survey_base: int = 0
    agree: int = 0
    answers: int = 0
    matched: int = 0
    pre_share: float | None = None  # mean pre score as a share of max, weighted by matched
    post_share: float | None = None
    effects: list[PooledEffect] = field(default_factory=list)
    follow_up_responses: int = 0
    applied: int = 0
    example: bool = False

    @property
    def response_rate(self) -> Share | None:
        return Share(self.survey_responses, self.survey_base) if self.survey_base else None

    @property
    def agreement(self) -> Share | None:
        return Share(self.agree, self.answers) if self.answers else None

    @property
    def applied_share(self) -> Share | None:
        return Share(self.applied, self.follow_up_responses) if self.follow_up_responses else None

    @property
    def normalized(self) -> float | None:
        if self.pre_share is None or self.post_share is None:
            return None
        return normalized_gain(self.pre_share, self.post_share, 1.0)


def pool(sessions: Iterable[SessionEvidence]) -> Pooled:
    """Pool published groups only (see the module docstring), weighted by people."""
    pooled = Pooled()
    pre_total = post_total = 0.0
    effect_sums: dict[str, list[float]] = {}
    for session in sessions:
        pooled.sessions += 1
        pooled.example = pooled.example or session.example
        if not isinstance(session.participation, Withheld):
            pooled.people_reached += session.reached
        reaction = session.reaction
        if isinstance(reaction, ReactionFigures):
            if reaction.response_rate is not None:
                pooled.survey_responses += reaction.response_rate.count
                pooled.survey_base += reaction.response_rate.total
            for item in reaction.items:
                pooled.agree += item.agree.count
                pooled.answers += item.agree.total
        learning = session.learning
        if isinstance(learning, LearningFigures):
            pooled.matched += learning.matched
            pre_total += learning.matched * learning.pre / learning.max_score
            post_total += learning.matched * learning.post / learning.max_score
            if learning.effect is not None:
                sums = effect_sums.setdefault(learning.effect.name, [0.0, 0, 0])
                sums[0] += learning.matched * learning.effect.value
                sums[1] += learning.matched
                sums[2] += 1
        for follow_up in session.application:
            if isinstance(follow_up, FollowUpFigures):
                pooled.follow_up_responses += follow_up.applied.total
                pooled.applied += follow_up.applied.count
    if pooled.matched:
        pooled.pre_share = pre_total / pooled.matched
        pooled.post_share = post_total / pooled.matched
    pooled.effects = [
        PooledEffect(name, total / people, int(people), int(count))
        for name, (total, people, count) in sorted(effect_sums.items())
    ]
    return pooled


# --- a module ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleEvidence:
    module_id: str
    sessions: list[SessionEvidence]  # newest first
    pooled: Pooled
    level: int
    min_size: int

    @property
    def example(self) -> bool:
        return any(session.example for session in self.sessions)

    @property
    def level_label(self) -> str:
        return LEVELS[self.level]

    @property
    def withheld(self) -> bool:
        """Whether some group of this module was too small to publish."""
        return any(
            isinstance(part, Withheld)
            for session in self.sessions
            for part in (session.participation, session.reaction, session.learning)
        ) or any(
            isinstance(item, Withheld) for session in self.sessions for item in session.application
        )


def module_evidence(
    module_id: str,
    outcomes: Iterable[tuple[str, fmt.Outcome]],
    *,
    min_size: int,
    reviewed: str | None = None,
) -> ModuleEvidence:
    sessions = [
        session_evidence(path, outcome, min_size=min_size, reviewed=reviewed)
        for path, outcome in outcomes
    ]
    sessions.sort(key=lambda session: (session.delivered, session.path), reverse=True)
    return ModuleEvidence(
        module_id=module_id,
        sessions=sessions,
        pooled=pool(sessions),
        level=max((session.level for session in sessions), default=0),
        min_size=min_size,
    )
