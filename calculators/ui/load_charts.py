"""Inline SVG charts of training load: fitness, fatigue and form by day, and weekly load by type.

Each is a picture of the table that follows it on the readiness page, never the
only copy, and draws numbers the page has already computed. The series differ
by line style, dash pattern and fill opacity, and a legend inside the chart
names them, so nothing depends on colour: everything is ``currentColor``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from calculators.date_words import day_words, short_day
from calculators.load import Balance, FitnessFatigue
from calculators.ui.html import Html, el
from calculators.ui.readiness_chart import PAD, WIDTH, nice_ceiling, path_d, svg_chart, svg_text

__all__ = ["fitness_chart", "weekly_load_chart"]

HEIGHT = 220.0
LEGEND_Y = PAD + 12  # baseline of the legend row
UNIT_Y = PAD + 30  # baseline of the unit line above the plot
TOP = PAD + 42  # top of the plot area
BOTTOM = HEIGHT - PAD - 20  # bottom of the plot area; dates go below it
LEFT = PAD + 44  # the plot starts right of the value labels
UNIT = "Load units (RPE × minutes)"
#: Rough width of one character at font size 12, to lay the legend out without measuring text.
CHAR_WIDTH = 6.6
FORM_BAR = {"fill": "currentColor", "fill-opacity": "0.3"}
RUNNING_BAR = {"fill": "currentColor", "fill-opacity": "0.25", "stroke": "currentColor", "stroke-width": "1"}
STRENGTH_BAR = {"fill": "currentColor", "fill-opacity": "0.85"}

Swatch = Callable[[float, float], Html]


def _amount(value: float) -> str:
    """A load in whole units, with a thousands separator and a true minus sign."""
    return f"{value:,.0f}".replace("-", "−")


def _line_swatch(dash: str | None) -> Swatch:
    def draw(x: float, y: float) -> Html:
        d = path_d([(x, y - 4), (x + 18, y - 4)])
        attrs = {"d": d, "fill": "none", "stroke": "currentColor", "stroke-width": "2", "stroke-dasharray": dash}
        return el("path", attrs)

    return draw


def _box_swatch(bar: dict[str, str]) -> Swatch:
    def draw(x: float, y: float) -> Html:
        return el("rect", {"x": f"{x + 3:.1f}", "y": f"{y - 10:.1f}", "width": "12", "height": "12", **bar})

    return draw


def _legend(items: Sequence[tuple[Swatch, str]]) -> Html:
    """One row of samples with their names, left to right, above the plot."""
    marks: list[Html] = []
    x = PAD
    for swatch, name in items:
        marks += [swatch(x, LEGEND_Y), svg_text(x + 23, LEGEND_Y, name)]
        x += 23 + len(name) * CHAR_WIDTH + 16
    return el("g", None, *marks)


def _axis(low: float, high: float) -> tuple[Callable[[float], float], list[Html]]:
    """The value → y mapping of the plot area, with gridlines and labels at ``high``, 0 and ``low``."""

    def y(value: float) -> float:
        return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP)

    marks = [svg_text(PAD, UNIT_Y, UNIT)]
    for value in sorted({high, 0.0, low}, reverse=True):
        opacity = "0.6" if value == 0 else "0.2"
        line = path_d([(LEFT, y(value)), (WIDTH - PAD, y(value))])
        marks.append(el("path", {"d": line, "stroke": "currentColor", "stroke-width": "1", "stroke-opacity": opacity}))
        marks.append(svg_text(LEFT - 4, y(value) + 4, _amount(value), anchor="end"))
    return y, marks


def _slots(count: int) -> tuple[Callable[[int], float], float]:
    """The centre x of slot ``i`` of ``count`` across the plot, and a bar width that leaves gaps between slots."""
    step = (WIDTH - PAD - LEFT) / count
    return (lambda i: LEFT + (i + 0.5) * step), step * 0.6


def _bar(x: float, width: float, y_from: float, y_to: float, attrs: dict[str, str]) -> Html | None:
    top, height = min(y_from, y_to), abs(y_to - y_from)
    if height < 0.1:
        return None
    return el(
        "rect",
        {"x": f"{x - width / 2:.1f}", "y": f"{top:.1f}", "width": f"{width:.1f}", "height": f"{height:.1f}"} | attrs,
    )


def fitness_chart(series: Sequence[FitnessFatigue], *, today: date | None) -> Html | None:
    """Fitness (solid line), fatigue (dashed line) and form (bars around zero), one slot per day of ``series``.

    None while fewer than two days are given or nothing shows yet (every value under 1 load unit). The
    description names its first and last days, with the year when it is not ``today``'s.
    """
    values = [v for p in series for v in (p.fitness, p.fatigue, p.form)]
    if len(series) < 2 or max(abs(v) for v in values) < 1:
        return None
    high, low = nice_ceiling(max(values)), (-nice_ceiling(-min(values)) if min(values) < 0 else 0.0)
    y, axis = _axis(low, high)
    x, width = _slots(len(series))
    first, last = series[0].day, series[-1].day
    label = (
        f"Chart of your fitness, fatigue and form, day by day from {day_words(first, today=today)} to "
        f"{day_words(last, today=today)} ({len(series)} days): a solid line for fitness (42-day), a dashed line "
        "for fatigue (7-day) and bars for form (fitness − fatigue, as you start the day), above the zero line when "
        f"you are fresh and below it when you are tired. The scale runs from {_amount(low)} at the bottom to "
        f"{_amount(high)} load units (RPE × minutes) at the top. The table below gives the same numbers."
    )
    return svg_chart(
        label,
        HEIGHT,
        _legend(
            [
                (_line_swatch(None), "Fitness (42-day)"),
                (_line_swatch("6 4"), "Fatigue (7-day)"),
                (_box_swatch(FORM_BAR), "Form (fitness − fatigue)"),
            ]
        ),
        *axis,
        el("g", {"data-series": "form"}, *(_bar(x(i), width, y(0), y(p.form), FORM_BAR) for i, p in enumerate(series))),
        el(
            "path",
            {
                "data-series": "fitness",
                "d": path_d((x(i), y(p.fitness)) for i, p in enumerate(series)),
                "fill": "none",
                "stroke": "currentColor",
                "stroke-width": "2",
            },
        ),
        el(
            "path",
            {
                "data-series": "fatigue",
                "d": path_d((x(i), y(p.fatigue)) for i, p in enumerate(series)),
                "fill": "none",
                "stroke": "currentColor",
                "stroke-width": "2",
                "stroke-dasharray": "6 4",
            },
        ),
        svg_text(LEFT, HEIGHT - PAD, short_day(first, weekday=False)),
        svg_text(WIDTH - PAD, HEIGHT - PAD, short_day(last, weekday=False), anchor="end"),
    )


def weekly_load_chart(weeks: Sequence[Balance], *, today: date | None) -> Html | None:
    """Running (light bars, cross-training included) with strength stacked on top (dark), one bar per week, oldest left.

    None while no week shown has any load. The description names the first and last weeks, as
    :func:`fitness_chart` its days.
    """
    shown = sorted(weeks, key=lambda b: b.week_start)
    totals = [b.running_load + b.strength_load for b in shown]
    if not totals or max(totals) <= 0:
        return None
    high = nice_ceiling(max(totals))
    y, axis = _axis(0.0, high)
    x, width = _slots(len(shown))
    first, last = shown[0].week_start, shown[-1].week_start
    label = (
        f"Chart of your weekly load by type, {len(shown)} weeks, from the week of {day_words(first, today=today)} "
        f"to the week of {day_words(last, today=today)}: one bar per week, running and "
        "cross-training as the light lower part, strength stacked on top as the dark part. The scale runs from "
        f"0 at the bottom to {_amount(high)} load units (RPE × minutes) at the top. "
        "The table below gives the same numbers."
    )
    running = [_bar(x(i), width, y(0), y(b.running_load), RUNNING_BAR) for i, b in enumerate(shown)]
    strength = [
        _bar(x(i), width, y(b.running_load), y(b.running_load + b.strength_load), STRENGTH_BAR)
        for i, b in enumerate(shown)
    ]
    return svg_chart(
        label,
        HEIGHT,
        _legend([(_box_swatch(RUNNING_BAR), "Running and cross-training"), (_box_swatch(STRENGTH_BAR), "Strength")]),
        *axis,
        el("g", {"data-series": "running"}, *running),
        el("g", {"data-series": "strength"}, *strength),
        *(
            svg_text(x(i), HEIGHT - PAD, short_day(b.week_start, weekday=False), anchor="middle")
            for i, b in enumerate(shown)
        ),
    )
