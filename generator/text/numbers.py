"""How the site writes numbers that both Python and the planner's JavaScript show.

Each function here has a twin in overrides/assets/rencana-belajar.js; a parity test feeds
both the same cases, so a page and the planner never disagree about the same figure.
"""

from __future__ import annotations

from fractions import Fraction

from babel.numbers import format_decimal


def percent_shares(parts: list[int]) -> list[int]:
    """Whole percentages of `parts` that add up to exactly 100 (largest remainder).

    Rounding each share on its own can give 99 % or 101 % (69/15/15 for the seed's
    pathway that the planner shows as 69/16/15); ties go to the earlier part.
    """
    total = sum(parts)
    if not total:
        return [0 for _ in parts]
    exact = [Fraction(100 * part, total) for part in parts]
    shares = [int(share) for share in exact]
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: 100 - sum(shares)]:
        shares[i] += 1
    return shares


def jp_tenths(minutes: int, jp_minutes: int) -> int:
    """JP in tenths, rounded half up exactly (integers only, as the planner does)."""
    return (20 * minutes + jp_minutes) // (2 * jp_minutes)


def number_text(value: int) -> str:
    """A whole number the Indonesian way, through Babel: a dot between thousands ("1.035")."""
    return format_decimal(value, locale="id")


def jp_text(minutes: int, jp_minutes: int) -> str:
    """JP the Indonesian way: at most one decimal, with a comma ("2,5", "4", "1.035,5")."""
    tenths = jp_tenths(minutes, jp_minutes)
    whole, tenth = divmod(tenths, 10)
    return f"{number_text(whole)},{tenth}" if tenth else number_text(whole)
