"""Parity: the planner's JavaScript and generator/text/numbers.py round the same way, and
it writes dates as generator/text/dates.py does.

Percent shares (largest remainder, adding up to 100) and JP text (tenths, half up on
whole minutes) are shown both on pages written by Python and in the planner in the
browser. The same generated cases go to both sides, through one Node process, and
every answer must be equal: ties and zeros included.
"""

from __future__ import annotations

import datetime
import itertools
import json
import random
import shutil
import subprocess
from fractions import Fraction

import pytest

from generator.text.dates import short_date
from generator.text.numbers import jp_text, number_text, percent_shares
from tests.conftest import REPO

SCRIPT = REPO / "overrides" / "assets" / "rencana-belajar.js"

# Reads {"jp": [[minutes, jp_minutes], …], "shares": [[part, …], …]} on stdin and
# writes the planner's answers in the same order.
RUNNER = """
const planner = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify({
    jp: cases.jp.map(([minutes, jpMinutes]) => planner.formatJp(minutes, jpMinutes)),
    numbers: cases.numbers.map((value) => planner.formatNumber(value)),
    dates: cases.dates.map((iso) => planner.longDate(iso)),
    shares: cases.shares.map((parts) => planner.percentages(parts)),
  }));
});
"""


def jp_cases() -> list[list[int]]:
    every_minute = [[m, jp] for jp in (40, 45, 50) for m in range(601)]
    # Larger plans and odd JP lengths, where float arithmetic would drift first.
    rng = random.Random(9)
    wide = [[rng.randrange(0, 200_000), rng.choice((1, 7, 30, 45, 60, 90))] for _ in range(2000)]
    return every_minute + wide


def share_cases() -> list[list[int]]:
    small = [list(parts) for n in (1, 2, 3) for parts in itertools.product(range(13), repeat=n)]
    rng = random.Random(70_20_10)
    minutes = [
        [rng.choice((0, 45, 90, 135)) * rng.randrange(0, 9) for _ in range(rng.randrange(1, 7))]
        for _ in range(2000)
    ]
    # Remainders that are equal as fractions but not as floats (1/300 and 4/300 …).
    ties = [[1, 4, 295], [1, 1, 1], [1, 2, 297], [3, 3, 3, 291], [7, 0, 7, 0, 7], [0, 0, 0]]
    return small + minutes + ties


def number_cases() -> list[int]:
    rng = random.Random(1035)
    return (
        list(range(0, 2001))
        + [10**k for k in range(10)]
        + [rng.randrange(10**9) for _ in range(500)]
    )


def date_cases() -> list[str]:
    """Every day of two years (each month, first and last days, a leap day) as ISO text."""
    first = datetime.date(2027, 1, 1)
    return [(first + datetime.timedelta(days=n)).isoformat() for n in range(2 * 366)]


def run_planner(cases: dict) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: the parity test runs the planner's script with Node.")
    done = subprocess.run(
        [node, "-e", RUNNER, str(SCRIPT)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def answers() -> tuple[dict, dict]:
    cases = {
        "jp": jp_cases(),
        "shares": share_cases(),
        "numbers": number_cases(),
        "dates": date_cases(),
    }
    return cases, run_planner(cases)


def test_jp_text_and_format_jp_agree_on_every_case(answers):
    cases, planner = answers
    python = [jp_text(Fraction(minutes, jp)) for minutes, jp in cases["jp"]]
    differ = [
        (case, py, js)
        for case, py, js in zip(cases["jp"], python, planner["jp"], strict=True)
        if py != js
    ]
    assert len(planner["jp"]) == len(python) > 3 * 601
    assert not differ, f"[minutes, jp_minutes], Python, JavaScript: {differ[:10]}"


def test_number_text_and_format_number_agree_on_every_case(answers):
    cases, planner = answers
    python = [number_text(value) for value in cases["numbers"]]
    differ = [
        (case, py, js)
        for case, py, js in zip(cases["numbers"], python, planner["numbers"], strict=True)
        if py != js
    ]
    assert "1.035" in python and "1.000.000.000" in python
    assert not differ, f"value, Babel, JavaScript: {differ[:10]}"


def test_short_date_and_long_date_agree_on_every_day(answers):
    cases, planner = answers
    python = [short_date(datetime.date.fromisoformat(iso)) for iso in cases["dates"]]
    differ = [
        (case, py, js)
        for case, py, js in zip(cases["dates"], python, planner["dates"], strict=True)
        if py != js
    ]
    assert "29 Februari 2028" in python and "1 Januari 2027" in python
    assert not differ, f"date, Babel, JavaScript: {differ[:10]}"


def test_jp_cases_include_ties_and_zero():
    cases = jp_cases()
    assert [0, 45] in cases
    # 2 minutes of a 40-minute JP is 0.05 JP exactly: a tie, rounded up to 0,1.
    assert [2, 40] in cases and jp_text(Fraction(2, 40)) == "0,1"
    ties = [(m, jp) for m, jp in cases if (20 * m) % (2 * jp) == jp]
    assert len(ties) > 50


def test_percent_shares_and_percentages_agree_on_every_case(answers):
    cases, planner = answers
    python = [percent_shares(parts) for parts in cases["shares"]]
    differ = [
        (case, py, js)
        for case, py, js in zip(cases["shares"], python, planner["shares"], strict=True)
        if py != js
    ]
    assert len(planner["shares"]) == len(python) > 2000
    assert not differ, f"parts, Python, JavaScript: {differ[:10]}"


def test_share_cases_include_ties_and_zeros():
    cases = share_cases()
    assert [0, 0, 0] in cases and percent_shares([0, 0, 0]) == [0, 0, 0]
    assert percent_shares([1, 4, 295]) == [1, 1, 98]
    assert percent_shares([1, 1, 1]) == [34, 33, 33]
