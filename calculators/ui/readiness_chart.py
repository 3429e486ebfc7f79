"""Morning HRV against the normal range as an inline SVG, and the small SVG helpers the readiness charts share.

A chart is a picture of the table after it, never the only copy. Colours come
from ``currentColor`` with opacity and dash patterns, so the charts follow the
light and dark themes without a style attribute.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from calculators.date_words import short_day
from calculators.hrv import hrv_series
from calculators.ui.html import Html, el

__all__ = ["FONT_SIZE", "PAD", "WIDTH", "hrv_chart", "nice_ceiling", "path_d", "svg_chart", "svg_text"]

WIDTH, HEIGHT, PAD = 600.0, 180.0, 8.0
FONT_SIZE = "12"
CHART_DAYS = 28


def path_d(points: Iterable[tuple[float, float]]) -> str:
    """An SVG path's ``d`` through the points in order: ``M x,y L x,y …``."""
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))


def svg_text(x: float, y: float, text: str, *, anchor: str | None = None) -> Html:
    """A label at 12 units in the text colour; ``anchor`` is SVG's text-anchor (start when None)."""
    attrs = {"x": f"{x:.1f}", "y": f"{y:.1f}", "font-size": FONT_SIZE, "fill": "currentColor", "text-anchor": anchor}
    return el("text", attrs, text)


def svg_chart(label: str, height: float, *children: object) -> Html:
    """The chart element: full width, an image to assistive technology, described by ``label``."""
    return el(
        "svg",
        {
            "class": "sl-chart",
            "viewBox": f"0 0 {WIDTH:g} {height:g}",
            "role": "img",
            "aria-label": label,
            "focusable": "false",
        },
        *children,
    )


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value``: an axis end a reader can read at a glance.

    >>> nice_ceiling(0.0), nice_ceiling(317.0), nice_ceiling(1000.0)
    (0.0, 500.0, 1000.0)
    """
    if value <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1.0, 2.0, 5.0, 10.0) if value <= step * power * (1 + 1e-9))


def hrv_chart(readings: Mapping[date, float], today: date) -> Html | None:
    """Daily rMSSD (dots), the 7-day average (line) and the normal range (band) over the last 28 days, in ms."""
    start = today - timedelta(days=CHART_DAYS - 1)
    shown = {d: v for d, v in readings.items() if start <= d <= today}
    if len(shown) < 2:
        return None
    series = hrv_series(readings, start=start, today=today)
    ms = [*shown.values()]
    for s in series:
        ms += [math.exp(v) for v in (s.baseline, s.normal_low, s.normal_high) if v is not None]
    low, high = min(ms) * 0.9, max(ms) * 1.1

    def x(day: date) -> float:
        return PAD + (day - start).days * (WIDTH - 2 * PAD) / (CHART_DAYS - 1)

    def y(value_ms: float) -> float:
        return HEIGHT - PAD - (value_ms - low) / (high - low) * (HEIGHT - 2 * PAD)

    band = [s for s in series if s.normal_low is not None and s.normal_high is not None]
    upper = [(x(s.day), y(math.exp(s.normal_high))) for s in band]  # type: ignore[arg-type]
    lower = [(x(s.day), y(math.exp(s.normal_low))) for s in reversed(band)]  # type: ignore[arg-type]
    average = [(x(s.day), y(math.exp(s.baseline))) for s in series if s.baseline is not None]
    label = (
        f"Chart of your morning HRV over the last {CHART_DAYS} days: dots are daily rMSSD, the line is the "
        "7-day average and the shaded band your normal range. The scale runs from "
        f"{low:.0f} ms at the bottom to {high:.0f} ms at the top. The table below gives the same numbers."
    )
    return svg_chart(
        label,
        HEIGHT,
        svg_text(PAD, PAD + 10, f"{high:.0f} ms"),
        svg_text(PAD, HEIGHT - PAD, f"{low:.0f} ms"),
        svg_text(WIDTH - PAD, HEIGHT - PAD, short_day(today, weekday=False), anchor="end"),
        el("path", {"d": path_d(upper + lower) + " Z", "fill": "currentColor", "fill-opacity": "0.15"})
        if band
        else None,
        el("path", {"d": path_d(average), "fill": "none", "stroke": "currentColor", "stroke-width": "2"})
        if len(average) >= 2
        else None,
        *(
            el("circle", {"cx": f"{x(d):.1f}", "cy": f"{y(v):.1f}", "r": "3.5", "fill": "currentColor"})
            for d, v in shown.items()
        ),
    )
