"""How the evidence charts are drawn, measured: our SVG text against matplotlib's SVG.

Usage: python bench/chart_bench.py
For the seed module `zona-integritas` it draws the three charts (participation funnel,
reaction diverging bars, pre → post with the interval) as generator/render/charts.py does
and, when matplotlib is importable (it is not a dependency: install it in a scratch
virtualenv to compare), the same funnel and diverging bars with matplotlib's SVG backend.
It prints bytes (raw and gzipped), milliseconds per chart, whether two renders in fresh
processes are byte-identical, and what each leaves for accessibility and dark mode.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import io
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

REPO = Path(__file__).resolve().parent.parent
MODULE = "zona-integritas"
TODAY = "2026-11-29"


@functools.cache
def session_and_module():
    from generator import pipeline
    from generator.model.curriculum import build_curriculum

    today = datetime.date.fromisoformat(TODAY)
    curriculum = build_curriculum(pipeline.check(REPO, today=today).index, today=today)
    found = curriculum.evidence[MODULE]
    return found.sessions[0], found


def own_charts() -> dict[str, str]:
    from generator.render import evidence as words

    session, found = session_and_module()
    return {
        "funnel": words.funnel_svg("c1", session),
        "diverging": words.reaction_svg("c2", session),
        "pre-post": words.change_svg("c3", found.sessions),
    }


def matplotlib_charts() -> dict[str, str] | None:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "kk"  # fixed ids: the only way to repeatable output
    own = own_charts_data()
    charts = {}
    figure, axes = plt.subplots(figsize=(4, 2))
    labels, values = zip(*own["funnel"], strict=True)
    axes.barh(labels, values)
    axes.invert_yaxis()
    charts["funnel"] = _svg(figure)
    figure, axes = plt.subplots(figsize=(4, 2.4))
    left = [0.0] * len(own["diverging"])
    for level in range(5):
        widths = [row[1][level] for row in own["diverging"]]
        axes.barh([row[0] for row in own["diverging"]], widths, left=left)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    charts["diverging"] = _svg(figure)
    plt.close("all")
    return charts


def own_charts_data() -> dict:
    from generator.render import evidence as words

    session, _ = session_and_module()
    return {
        "funnel": [(bar.label, bar.value) for bar in words.funnel_bars(session)],
        "diverging": [(item.label, item.counts) for item in session.reaction.items],
    }


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def digest_in_fresh_process(kind: str) -> str:
    code = (
        "import sys, hashlib; sys.path.insert(0, 'bench'); import chart_bench as b; "
        f"c = b.{kind}(); print(hashlib.sha256(repr(sorted(c.items())).encode()).hexdigest())"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout.strip()


def main() -> None:
    rows = []
    for label, make, kind in (
        ("hand-written SVG (charts.py)", own_charts, "own_charts"),
        ("matplotlib SVG backend", matplotlib_charts, "matplotlib_charts"),
    ):
        charts = make()  # the curriculum is read once, outside the timing
        if charts is None:
            print(f"{label}: not installed, skipped")
            continue
        started = time.perf_counter()
        for _ in range(20):
            make()
        seconds = (time.perf_counter() - started) / 20 / len(charts)
        identical = digest_in_fresh_process(kind) == digest_in_fresh_process(kind)
        for name, svg in charts.items():
            rows.append(
                (
                    label,
                    name,
                    len(svg.encode()),
                    len(gzip.compress(svg.encode(), mtime=0)),
                    identical,
                    "role=img" in svg.replace('"', "").replace("'", ""),
                    "currentColor" in svg,
                )
            )
        print(f"{label}: {1000 * seconds:.2f} ms per chart")
    print(
        "| drawn by | chart | bytes | gzipped | identical across runs | role=img | currentColor |"
    )
    print("|---|---|--:|--:|---|---|---|")
    for label, name, raw, zipped, identical, role, colour in rows:
        print(
            f"| {label} | {name} | {raw:,} | {zipped:,} | {'yes' if identical else 'no'} | "
            f"{'yes' if role else 'no'} | {'yes' if colour else 'no'} |"
        )


if __name__ == "__main__":
    main()
