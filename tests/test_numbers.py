"""Numbers the pages and the planner both write: shares that add up, JP rounded once."""

from __future__ import annotations

from fractions import Fraction

import pytest

from generator.text.numbers import jp_tenths, jp_text, number_text, percent_shares


@pytest.mark.parametrize(
    ("parts", "shares"),
    [
        ([69, 15, 15], [70, 15, 15]),
        ([1, 1, 1], [34, 33, 33]),
        ([2, 1, 1], [50, 25, 25]),
        ([0, 0, 0], [0, 0, 0]),
        ([0, 5, 0], [0, 100, 0]),
    ],
)
def test_percent_shares_always_add_up_to_100(parts, shares):
    assert percent_shares(parts) == shares
    assert sum(shares) in (0, 100)


@pytest.mark.parametrize(
    ("minutes", "jp_minutes", "text"),
    [(90, 45, "2"), (100, 45, "2,2"), (10, 40, "0,3"), (30, 40, "0,8"), (0, 45, "0")],
)
def test_jp_is_rounded_half_up_with_a_decimal_comma(minutes, jp_minutes, text):
    assert jp_text(Fraction(minutes, jp_minutes)) == text


def test_jp_text_rounds_ties_up_exactly():
    assert jp_text(Fraction(9, 4)) == "2,3"  # float rounding said 2,2
    assert jp_text(Fraction(90, 45)) == "2"
    assert jp_text(0) == "0"
    assert jp_tenths(Fraction(9, 4)) == 23


def test_number_text_groups_thousands_with_dots_at_any_size():
    # Editors' messages quote limits and counts of any size (a 30-digit number too).
    assert number_text(10_000) == "10.000"
    assert number_text(-1_035) == "-1.035"
    assert number_text(10**30) == f"{10**30:,}".replace(",", ".")
