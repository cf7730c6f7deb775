"""The published statistics of outcome files, against published and hand-computed examples."""

from __future__ import annotations

import math
import statistics

import pytest
from scipy import stats

from generator.format import models as fmt
from generator.model import evidence

# Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative
# science: a practical primer for t-tests and ANOVAs. Frontiers in Psychology 4:863,
# doi:10.3389/fpsyg.2013.00863, Table 1: ten people rate two movies (paired design).
# Reported there: d_z = 1.50 and d_av = 1.13, Hedges-corrected (df = 18) g_av = 1.08.
MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]


def lakens_summary() -> tuple[float, float, float, float]:
    gain = statistics.mean(MOVIE_1) - statistics.mean(MOVIE_2)
    diff_sd = statistics.stdev(a - b for a, b in zip(MOVIE_1, MOVIE_2, strict=True))
    return gain, diff_sd, statistics.stdev(MOVIE_1), statistics.stdev(MOVIE_2)


def test_lakens_2013_paired_effect_sizes():
    gain, diff_sd, sd_1, sd_2 = lakens_summary()
    g_z = evidence.g_z(gain, diff_sd, 10)
    g_av = evidence.g_av(gain, sd_1, sd_2, 10)
    assert round(g_z.d, 2) == 1.50
    assert round(g_av.d, 2) == 1.13
    # Lakens corrects d_av with df = n1 + n2 − 2 = 18: the same J gives his 1.08.
    assert round(g_av.d * evidence.hedges_correction(18), 2) == 1.08
    # Ours uses df = matched − 1 (FORMAT.md), so both are smaller by J(9).
    assert g_z.value == pytest.approx(g_z.d * evidence.hedges_correction(9))
    assert not g_av.has_interval and g_z.has_interval


def test_hedges_correction_is_the_exact_gamma_form():
    # Hedges (1981): J(df) = Γ(df/2) / (√(df/2) Γ((df−1)/2)); the common approximation
    # 1 − 3/(4df − 1) agrees to 3 decimals from df = 9 and converges.
    assert evidence.hedges_correction(9) == pytest.approx(
        math.gamma(4.5) / (math.sqrt(4.5) * math.gamma(4)), rel=1e-12
    )
    assert round(evidence.hedges_correction(9), 3) == round(1 - 3 / 35, 3)
    assert evidence.hedges_correction(10_000) == pytest.approx(1 - 3 / 39_999, abs=1e-9)
    assert math.isnan(evidence.hedges_correction(1))


def test_noncentral_interval_at_zero_is_the_normal_quantile():
    # P(T ≤ 0) for a noncentral t is Φ(−ncp) whatever the df, so at t = 0 the limits are
    # exactly ±z(0.975) = ±1.959964.
    for df in (4, 30, 300):
        low, high = evidence.noncentrality_interval(0.0, df)
        assert low == pytest.approx(-1.959964, abs=1e-6)
        assert high == pytest.approx(1.959964, abs=1e-6)


def test_g_z_interval_puts_the_observed_t_in_each_tail():
    gain, diff_sd, *_ = lakens_summary()
    effect = evidence.g_z(gain, diff_sd, 10)
    t = effect.d * math.sqrt(10)
    j = effect.correction
    ncp_low, ncp_high = effect.low / j * math.sqrt(10), effect.high / j * math.sqrt(10)
    assert stats.nct.cdf(t, 9, ncp_low) == pytest.approx(0.975, abs=1e-9)
    assert stats.nct.cdf(t, 9, ncp_high) == pytest.approx(0.025, abs=1e-9)
    assert effect.low < effect.value < effect.high
    assert (round(effect.low, 2), round(effect.value, 2), round(effect.high, 2)) == (
        0.51,
        1.37,
        2.20,
    )


def test_normalized_gain_hake_1998():
    # Hake (1998), Am. J. Phys. 66:64: <g> = (%post − %pre) / (100 − %pre); a class going
    # from 40 % to 70 % has <g> = 30 / 60 = 0.5.
    assert evidence.normalized_gain(40, 70, 100) == pytest.approx(0.5)
    assert evidence.normalized_gain(100, 100, 100) is None


def outcome(**changes) -> fmt.Outcome:
    data = {
        "module": "m",
        "delivered": "2026-11-10",
        "source": "formulir daring",
        "participation": {"registered": 120, "attended_live": 84},
        "reaction": {"responses": 42, "relevance": [1, 2, 5, 20, 14]},
        "learning": {
            "max_score": 100,
            "matched": 40,
            "pre": {"mean": 58, "sd": 12},
            "post": {"mean": 79, "sd": 10},
            "diff_sd": 14,
        },
        "application": [{"after_days": 30, "responses": 20, "applied": 13}],
    }
    data.update(changes)
    return fmt.Outcome.model_validate(data)


def test_session_figures_by_hand():
    figures = evidence.session_evidence("x.yml", outcome(), min_size=5)
    reaction = figures.reaction
    assert (reaction.response_rate.count, reaction.response_rate.total) == (42, 84)
    assert reaction.items[0].agree.value == pytest.approx(34 / 42)
    learning = figures.learning
    assert learning.gain == 21 and learning.gain_share == pytest.approx(0.21)
    assert learning.normalized == pytest.approx(21 / 42)
    assert learning.effect.name == "g_z"
    assert learning.effect.d == pytest.approx(1.5)
    follow_up = figures.application[0]
    assert (follow_up.response_rate.count, follow_up.response_rate.total) == (20, 42)
    assert follow_up.applied.value == pytest.approx(0.65)
    assert figures.level == 3


def test_small_groups_publish_no_figure():
    small = outcome(
        participation={"attended_live": 30},
        reaction={"responses": 4, "relevance": [0, 0, 1, 2, 1]},
        learning={
            "max_score": 10,
            "matched": 3,
            "pre": {"mean": 5, "sd": 1},
            "post": {"mean": 8, "sd": 1},
        },
        application=[{"after_days": 30, "responses": 4, "applied": 4}],
    )
    figures = evidence.session_evidence("x.yml", small, min_size=5)
    assert isinstance(figures.reaction, evidence.Withheld)
    assert isinstance(figures.learning, evidence.Withheld)
    assert isinstance(figures.application[0], evidence.Withheld)
    tiny = evidence.session_evidence(
        "y.yml", outcome(participation={"attended_live": 4}), min_size=5
    )
    assert isinstance(tiny.participation, evidence.Withheld)
    # Pooling leaves withheld groups out, so no difference of totals reveals them.
    pooled = evidence.pool([figures, evidence.session_evidence("z.yml", outcome(), min_size=5)])
    assert pooled.matched == 40 and pooled.survey_responses == 42
    assert pooled.follow_up_responses == 20


def test_pooling_weighted_by_people():
    a = evidence.session_evidence("a.yml", outcome(), min_size=5)
    b = evidence.session_evidence(
        "b.yml",
        outcome(
            participation={"attended_live": 20},
            reaction={"responses": 10, "relevance": [0, 0, 0, 5, 5]},
            learning={
                "max_score": 50,
                "matched": 10,
                "pre": {"mean": 20, "sd": 5},
                "post": {"mean": 30, "sd": 5},
                "diff_sd": 5,
            },
        ),
        min_size=5,
    )
    pooled = evidence.pool([a, b])
    assert pooled.agreement.value == pytest.approx((34 + 10) / (42 + 10))
    assert pooled.response_rate.value == pytest.approx(52 / 104)
    # Means as shares of the maximum, weighted by matched pairs: (40·.58 + 10·.40) / 50.
    assert pooled.pre_share == pytest.approx((40 * 0.58 + 10 * 0.40) / 50)
    assert pooled.post_share == pytest.approx((40 * 0.79 + 10 * 0.60) / 50)
    (effect,) = pooled.effects
    assert effect.value == pytest.approx(
        (40 * a.learning.effect.value + 10 * b.learning.effect.value) / 50
    )
    assert (effect.people, effect.sessions) == (50, 2)


def test_older_sessions_are_one_row_each_and_keep_the_small_group_rule():
    from generator.render import evidence as words

    shown = words.older_row(evidence.session_evidence("a.yml", outcome(), min_size=5))
    assert shown == {
        "attended": "84",
        "response": "50\u00a0%",
        "agree": "81\u00a0%",
        "change": "58\u00a0% → 79\u00a0%",
        "effect": words.effect_text(evidence.g_z(21, 14, 40)),
        "applied": "65\u00a0%",
    }
    small = outcome(
        participation={"attended_live": 4},
        reaction={"responses": 3},
        learning=None,
        application=None,
    )
    hidden = words.older_row(evidence.session_evidence("b.yml", small, min_size=5))
    assert hidden["attended"] == hidden["response"] == "kelompok terlalu kecil"
    assert not any(char.isdigit() for char in "".join(hidden.values()))
