"""An inline SVG of morning HRV against the normal range: a picture of the HRV table beside it, never the only copy.

Colours come from ``currentColor`` with opacity, so the chart follows the light
and dark themes without a style attribute.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta

from calculators.hrv import hrv_series
from calculators.ui.html import Html, el

__all__ = ["hrv_chart"]

WIDTH, HEIGHT, PAD = 600.0, 180.0, 8.0
CHART_DAYS = 28


def _points(values: list[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(values))


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
        "7-day average and the shaded band your normal range, from "
        f"{low:.0f} to {high:.0f} ms top to bottom. The table below gives the same numbers."
    )
    return el(
        "svg",
        {
            "class": "sl-chart",
            "viewBox": f"0 0 {WIDTH:g} {HEIGHT:g}",
            "role": "img",
            "aria-label": label,
            "focusable": "false",
        },
        *(
            el("text", {"x": f"{PAD:g}", "y": f"{ty:g}", "font-size": "12", "fill": "currentColor"}, text)
            for ty, text in ((PAD + 10, f"{high:.0f} ms"), (HEIGHT - PAD, f"{low:.0f} ms"))
        ),
        el(
            "text",
            {
                "x": f"{WIDTH - PAD:g}",
                "y": f"{HEIGHT - PAD:g}",
                "font-size": "12",
                "fill": "currentColor",
                "text-anchor": "end",
            },
            f"{today:%b} {today.day}",
        ),
        el("path", {"d": _points(upper + lower) + " Z", "fill": "currentColor", "fill-opacity": "0.15"})
        if band
        else None,
        el("path", {"d": _points(average), "fill": "none", "stroke": "currentColor", "stroke-width": "2"})
        if len(average) >= 2
        else None,
        *(
            el("circle", {"cx": f"{x(d):.1f}", "cy": f"{y(v):.1f}", "r": "3.5", "fill": "currentColor"})
            for d, v in shown.items()
        ),
    )
