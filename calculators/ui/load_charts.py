"""Inline SVG charts of training load: fitness, fatigue and form by day, and weekly load by type.

Each is a picture of the table that follows it on the readiness page, never the
only copy, and draws numbers the page has already computed. The series differ
by line style, dash pattern and fill opacity, and a legend (page text just
above the chart, so it keeps its size on a phone) names them, so nothing
depends on colour: everything is ``currentColor``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from calculators.date_words import day_words, short_day
from calculators.load import Balance, FitnessFatigue
from calculators.readiness_load import FORM_HISTORY_DAYS, FORM_HISTORY_WORDS, load_stage, shows_after
from calculators.ui.html import Html, el, join
from calculators.ui.readiness_chart import FONT_SIZE, PAD, WIDTH, nice_ceiling, path_d, svg_chart, svg_text

__all__ = ["fitness_chart", "weekly_load_chart"]

HEIGHT = 220.0
TOP = PAD + 12  # top of the plot area: room for half the top value label
BOTTOM = HEIGHT - PAD - 30  # bottom of the plot area; dates go below it, clear of the lowest value label
#: The plot starts right of the value labels, with room for "−5,000" at the phone's larger text
#: (stridelab.css sets the labels to 24 units on a narrow screen, where the chart is drawn at half size).
LEFT = PAD + 80
UNIT = "Load units (RPE × minutes)"
FORM_BAR = {"fill": "currentColor", "fill-opacity": "0.3"}
#: Form while it settles (:func:`calculators.readiness_load.load_stage`): a dashed outline round a fainter fill, told
#: apart by its outline, not by shade alone.
SETTLING_BAR = {
    "fill": "currentColor",
    "fill-opacity": "0.1",
    "stroke": "currentColor",
    "stroke-width": "1",
    "stroke-dasharray": "3 2",
}
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
    """The samples with their names and the unit, as text above the chart: text inside the SVG shrinks with it
    (to about 6 px on a phone), text outside keeps the page's size and wraps. Screen readers get the same from
    the chart's description, so the legend is hidden from them."""
    swatch_box = {"class": "sl-legend__swatch", "viewBox": "0 0 24 14", "aria-hidden": "true", "focusable": "false"}
    return el(
        "ul",
        {"class": "sl-legend", "aria-hidden": "true"},
        *(el("li", None, el("svg", swatch_box, swatch(2, 11)), name) for swatch, name in items),
        el("li", None, UNIT),
    )


def _axis(low: float, high: float) -> tuple[Callable[[float], float], list[Html]]:
    """The value → y mapping of the plot area, with gridlines and labels at ``high``, 0 and ``low``."""

    def y(value: float) -> float:
        return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP)

    marks = []
    for value in sorted({high, 0.0, low}, reverse=True):
        opacity = "0.6" if value == 0 else "0.2"
        line = path_d([(LEFT, y(value)), (WIDTH - PAD, y(value))])
        marks.append(el("path", {"d": line, "stroke": "currentColor", "stroke-width": "1", "stroke-opacity": opacity}))
        # Centred on its gridline at any text size (the phone's is twice the desktop's).
        label = el(
            "text",
            {
                "x": f"{LEFT - 6:.1f}",
                "y": f"{y(value):.1f}",
                "font-size": FONT_SIZE,
                "fill": "currentColor",
                "text-anchor": "end",
                "dominant-baseline": "central",
            },
            _amount(value),
        )
        marks.append(label)
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
    # Form is drawn only on days it shows (a day's form is the day before's, so its logs end then), as the table shows
    # "—" before: a first run's form bar far below zero would read as exhaustion. While it settles, its bar is outlined.
    stages = [load_stage(p.history_days - 1, FORM_HISTORY_DAYS, seeded=p.seed is not None) for p in series]
    counted = [p for p, stage in zip(series, stages, strict=True) if stage != "young"]
    settling = "settling" in stages
    values = [v for p in series for v in (p.fitness, p.fatigue)] + [p.form for p in counted]
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
        "you are fresh and below it when you are tired"
        + ("" if counted else f"; form has no bars yet, as it shows only after {_shows_after(series[-1])} of logs")
        + (f"; outlined, fainter bars are form still settling, before {FORM_HISTORY_WORDS} of logs" if settling else "")
        + f". The scale runs from {_amount(low)} at the bottom to "
        f"{_amount(high)} load units (RPE × minutes) at the top. The table below gives the same numbers."
    )
    legend = _legend(
        [
            (_line_swatch(None), "Fitness (42-day)"),
            (_line_swatch("6 4"), "Fatigue (7-day)"),
            (_box_swatch(FORM_BAR), "Form (fitness − fatigue)"),
            *([(_box_swatch(SETTLING_BAR), "Form, still settling")] if settling else []),
        ]
    )
    return join(
        legend,
        svg_chart(
            label,
            HEIGHT,
            *axis,
            el(
                "g",
                {"data-series": "form"},
                *(
                    _bar(x(i), width, y(0), y(p.form), SETTLING_BAR if stage == "settling" else FORM_BAR)
                    for i, (p, stage) in enumerate(zip(series, stages, strict=True))
                    if stage != "young"
                ),
            ),
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
        ),
    )


def _shows_after(point: FitnessFatigue) -> str:
    """The span of logs after which form shows, as of ``point``'s day: "3 weeks", or 18 without a usual week."""
    days = shows_after(point.history_days - 1, FORM_HISTORY_DAYS, seeded=point.seed is not None)
    return f"{days // 7} weeks"


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
    return join(
        _legend([(_box_swatch(RUNNING_BAR), "Running and cross-training"), (_box_swatch(STRENGTH_BAR), "Strength")]),
        svg_chart(
            label,
            HEIGHT,
            *axis,
            el("g", {"data-series": "running"}, *running),
            el("g", {"data-series": "strength"}, *strength),
            # One group, so a phone's stylesheet can show every other week (their larger labels would touch).
            el(
                "g",
                {"class": "sl-chart__ticks"},
                *(
                    svg_text(x(i), HEIGHT - PAD, short_day(b.week_start, weekday=False), anchor="middle")
                    for i, b in enumerate(shown)
                ),
            ),
        ),
    )
