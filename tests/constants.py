"""Facts every test shares, defined once: where things are and which day it is.

Import them from here (`from tests.constants import REPO, TODAY`) rather than working
out a path from `__file__` or writing the date again in a test module.
"""

from __future__ import annotations

import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MINI = FIXTURES / "mini"
GOLDEN = REPO / "tests" / "golden" / "mini"

# The day every test runs on: the CLI's `--today` takes the text, Python code the date.
TODAY = "2026-11-29"
TODAY_DATE = datetime.date.fromisoformat(TODAY)
