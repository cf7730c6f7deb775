"""Static SVG charts of evidence, drawn at build time as text.

Why by hand rather than through a plotting library: each chart is a few rectangles,
circles and labels, and written here it is 1–3 KB, byte-identical across builds, styled
by the page's CSS (so it follows the light and dark scheme through `currentColor` and the
`--kk-skala-*` variables in kurikulum.css), needs no font file or script, and every text in
it passes through `escape` (README "Measurements": `bench/chart_bench.py`). Each chart
is `role="img"` named by its `<title>` and described by its `<desc>`; the page puts the
same figures in a table beside it, so nothing depends on seeing the drawing.

Inputs are the published figures of `generator.model.evidence` only: a withheld group
never reaches a chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.text.decimals import decimal_text, percent_text
from generator.text.escape import escape_attr

WIDTH = 360
ROW = 26
LABEL = 128  # the label column of bar charts


def _text(value: str) -> str:
    """Text for an SVG element or attribute: every curriculum value goes through here."""
    return escape_attr(value)


def _fit(text: str, limit: int) -> str:
    """A label cut to fit the chart's width (SVG text does not wrap); the table beside
    the chart has it whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> str:
    """One chart: a single line of markup, so Markdown keeps it as one raw HTML block."""
    return (
        f'<svg class="kk-svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{_text(title)}</title>'
        f'<desc id="{chart_id}-d">{_text(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _label(x: float, y: float, text: str, *, anchor: str = "start", css: str = "") -> str:
    extra = f' class="{css}"' if css else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="currentColor"'
        f"{extra}>{_text(text)}</text>"
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def funnel(chart_id: str, title: str, desc: str, bars: list[Bar]) -> str:
    """Participation, one bar per stage, widths against the largest."""
    top = max((bar.value for bar in bars), default=0) or 1
    span = WIDTH - LABEL - 48
    body = []
    for i, bar in enumerate(bars):
        y = 6 + i * ROW
        width = span * bar.value / top
        body.append(_label(0, y + 15, _fit(bar.label, 22)))
        body.append(
            f'<rect class="kk-batang" x="{LABEL}" y="{y + 3}" width="{width:.1f}" height="16"/>'
        )
        body.append(_label(LABEL + width + 4, y + 15, decimal_text(bar.value, 0)))
    return _svg(chart_id, title, desc, 12 + len(bars) * ROW, body)


@dataclass(frozen=True)
class LikertRow:
    label: str
    counts: tuple[int, ...]


def diverging(chart_id: str, title: str, desc: str, rows: list[LikertRow]) -> str:
    """Reaction items as diverging bars: disagreement left of the centre line, agreement
    right, the neutral answer split across it; the shares at both ends."""
    centre = WIDTH / 2
    half = centre - 44
    body = []
    y = 4
    for row in rows:
        total = sum(row.counts) or 1
        shares = [count / total for count in row.counts]
        body.append(_label(0, y + 13, _fit(row.label, 56)))
        y += 18
        left = centre - half * (shares[0] + shares[1] + shares[2] / 2)
        x = left
        for level, share in enumerate(shares, start=1):
            width = half * share
            if width > 0:
                body.append(
                    f'<rect class="kk-skala-{level}" x="{x:.1f}" y="{y}" width="{width:.1f}" '
                    'height="16"/>'
                )
            x += width
        body.append(_label(left - 4, y + 13, percent_text(shares[0] + shares[1]), anchor="end"))
        body.append(_label(x + 4, y + 13, percent_text(shares[3] + shares[4])))
        y += 26
    body.append(
        f'<line x1="{centre}" y1="4" x2="{centre}" y2="{y - 6}" stroke="currentColor" '
        'stroke-width="1"/>'
    )
    # The legend, left to right as the bars run.
    names = ("STS", "TS", "N", "S", "SS")
    step = WIDTH / 5
    for level, name in enumerate(names, start=1):
        x = (level - 1) * step
        body.append(
            f'<rect class="kk-skala-{level}" x="{x + 2:.1f}" y="{y + 2}" width="12" height="12"/>'
        )
        body.append(_label(x + 18, y + 13, name))
    return _svg(chart_id, title, desc, y + 22, body)


@dataclass(frozen=True)
class ChangeRow:
    label: str
    pre: float  # share of the maximum score
    post: float
    effect: str  # the effect size as written beside the row ("" when none)
    low: float | None = None  # the effect's interval, on its own axis
    value: float | None = None
    high: float | None = None


def pre_post(chart_id: str, title: str, desc: str, rows: list[ChangeRow]) -> str:
    """Pre → post means as shares of the maximum (left), and each effect size with its
    95 % interval where it has one (right, on a common axis from 0)."""
    left_end = 196
    axis_top = max([3.0] + [row.high or row.value or 0 for row in rows])
    effect_x0, effect_x1 = 214, WIDTH - 6
    body = [_label(0, 12, "Nilai (% maksimum)", css="kk-kecil")]
    body.append(_label(effect_x0, 12, "Ukuran efek", css="kk-kecil"))
    y = 20
    for row in rows:
        body.append(_label(0, y + 12, _fit(row.label, 56)))
        y += 16
        x_pre = 4 + (left_end - 8) * row.pre
        x_post = 4 + (left_end - 8) * row.post
        body.append(
            f'<line x1="4" y1="{y + 8}" x2="{left_end - 4}" y2="{y + 8}" class="kk-sumbu"/>'
            f'<line x1="{x_pre:.1f}" y1="{y + 8}" x2="{x_post:.1f}" y2="{y + 8}" '
            'class="kk-naik"/>'
            f'<circle cx="{x_pre:.1f}" cy="{y + 8}" r="5" class="kk-pre"/>'
            f'<circle cx="{x_post:.1f}" cy="{y + 8}" r="5" class="kk-post"/>'
        )
        if row.value is not None:
            scale = (effect_x1 - effect_x0) / axis_top

            def at(value: float, scale: float = scale) -> float:
                return effect_x0 + max(0.0, min(axis_top, value)) * scale

            body.append(
                f'<line x1="{effect_x0}" y1="{y + 8}" x2="{effect_x1}" y2="{y + 8}" '
                'class="kk-sumbu"/>'
            )
            if row.low is not None and row.high is not None:
                body.append(
                    f'<line x1="{at(row.low):.1f}" y1="{y + 8}" x2="{at(row.high):.1f}" '
                    f'y2="{y + 8}" class="kk-selang"/>'
                )
            body.append(
                f'<rect x="{at(row.value) - 4:.1f}" y="{y + 4}" width="8" height="8" '
                'class="kk-efek"/>'
            )
        y += 14
        if row.effect:
            body.append(_label(effect_x0, y + 10, row.effect, css="kk-kecil"))
        y += 16
    body.append(
        f'<circle cx="8" cy="{y + 6}" r="5" class="kk-pre"/>'
        + _label(18, y + 11, "sebelum", css="kk-kecil")
        + f'<circle cx="88" cy="{y + 6}" r="5" class="kk-post"/>'
        + _label(98, y + 11, "sesudah", css="kk-kecil")
        + f'<line x1="{effect_x0}" y1="{y + 6}" x2="{effect_x0 + 20}" y2="{y + 6}" '
        'class="kk-selang"/>' + _label(effect_x0 + 24, y + 11, "selang 95 %", css="kk-kecil")
    )
    return _svg(chart_id, title, desc, y + 18, body)
