"""How the site writes numbers that both Python and the planner's JavaScript show.

Each public function here has a twin in overrides/assets/rencana-belajar.js; a parity test
(tests/test_planner_parity.py) feeds both the same cases, so a page and the planner never
disagree about the same figure:

- `percent_shares` ↔ `percentages(parts)`;
- `number_text` ↔ `formatNumber(value)`;
- `jp_text` ↔ `formatJp(minutes, jpMinutes)`, through `_tenths(minutes, jp_minutes)`,
  the integer rounding both sides share. The planner passes whole minutes and minutes
  per JP; Python passes JP as a `Fraction` (minutes over minutes per JP, in lowest
  terms), and the rounding depends only on that ratio, so both give the same tenths.
"""

from __future__ import annotations

import decimal
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


def number_text(value: int) -> str:
    """A whole number the Indonesian way, through Babel: a dot between thousands ("1.035")."""
    # `int()`: Babel reads `str(value)`, which is "True" for a bool. The wider precision:
    # Babel rounds to three decimals in the current decimal context (28 digits), which
    # refuses the 26-digit numbers an editor's YAML can hold and a message then quotes.
    value = int(value)
    with decimal.localcontext() as context:
        context.prec = max(context.prec, len(str(value)) + 5)
        return format_decimal(value, locale="id")


def _tenths(minutes: int, jp_minutes: int) -> int:
    """JP in tenths, rounded half up exactly (integers only, as the planner does)."""
    return (20 * minutes + jp_minutes) // (2 * jp_minutes)


def jp_tenths(value: Fraction | int) -> int:
    """JP in tenths as shown, so a sum or a change adds up as the reader reads it."""
    value = Fraction(value)
    return _tenths(value.numerator, value.denominator)


def jp_text(value: Fraction | int) -> str:
    """JP the Indonesian way: at most one decimal, with a comma ("2,5", "4", "1.035,5")."""
    whole, tenth = divmod(jp_tenths(value), 10)
    return f"{number_text(whole)},{tenth}" if tenth else number_text(whole)


def file_size(size: int) -> str:
    """A download's size as readers see it beside a link: "62 KB", "1,2 MB" (1 KB = 1,024
    bytes). The offline dialog (overrides/assets/luring.js, `size`) words sizes the same."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB".replace(",", ".")
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0").replace(".", ",") + " MB"
