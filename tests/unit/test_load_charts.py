"""The readiness page's load charts: fitness / fatigue / form by day and weekly load by type, each before its table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.date_words import short_day
from calculators.load import Session, daily_loads, fitness_fatigue_series, seed_load, weekly_balance
from calculators.ui.calculator import Context
from calculators.ui.load_charts import fitness_chart, weekly_load_chart
from calculators.ui.training_log import CALCULATOR

TODAY = date(2026, 11, 23)  # a Monday
MONDAY = TODAY


def page(store: dict[str, Any]) -> str:
    return str(CALCULATOR.compute({}, Context(today=TODAY, store=store)).html)


def runs(days: int, minutes: float = 50, rpe: float = 5) -> dict[str, Any]:
    """A run on five days of every seven, for ``days`` days back from today."""
    return {
        f"r{n}": {
            "date": (TODAY - timedelta(days=n)).isoformat(),
            "duration_s": minutes * 60,
            "distance_m": 9000,
            "rpe": rpe,
        }
        for n in range(days)
        if n % 7 not in (2, 5)
    }


def lifts(weeks: int) -> dict[str, Any]:
    """A 45-minute strength session at RPE 7 (315 load units) each Wednesday."""
    out = {}
    for w in range(weeks):
        ident = f"6f1c2a3e-0000-4000-8000-{w:012d}"
        day = MONDAY - timedelta(days=7 * w) + timedelta(days=2)
        if day <= TODAY:
            out[ident] = {"id": ident, "date": day.isoformat(), "kind": "A", "duration_min": 45, "rpe": 7}
    return out


def chart(html: str, name: str) -> ET.Element:
    """The one chart whose accessible name starts with ``name``, parsed as XML."""
    found = [svg for svg in re.findall(r"<svg .*?</svg>", html, re.S) if f'aria-label="{name}' in svg]
    assert len(found) == 1, f"{len(found)} charts named {name!r}"
    return ET.fromstring(found[0])


def legend(html: str, name: str) -> list[str]:
    """The names in the legend just before the chart whose accessible name starts with ``name``."""
    before = html[: html.index(f'aria-label="{name}')]
    items = before[before.rindex('<ul class="sl-legend"') :]
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", items, re.S)]


def rect_heights(svg: ET.Element, series: str) -> list[float]:
    group = svg.find(f"g[@data-series='{series}']")
    assert group is not None
    return [float(r.attrib["height"]) for r in group.iter("rect")]


def table_rows(html: str, caption: str) -> list[list[str]]:
    """Each body row's cells as text, for the table with that caption."""
    table = re.search(rf"<caption>{re.escape(caption)}.*?</table>", html, re.S)
    assert table is not None, caption
    body = re.split(r"<tbody[^>]*>", table.group(0))[1]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_both_load_charts_appear_before_their_tables_once_training_is_logged() -> None:
    html = page({"runs": runs(60), "strength": lifts(8)})
    fitness_at = html.index('aria-label="Chart of your fitness, fatigue and form')
    weekly_at = html.index('aria-label="Chart of your weekly load by type')
    assert fitness_at < html.index("<caption>Fitness, fatigue and form") < weekly_at
    assert weekly_at < html.index("<caption>Weekly load by type")
    for name in ("Chart of your fitness", "Chart of your weekly load"):
        svg = chart(html, name)
        assert svg.attrib["role"] == "img" and svg.attrib["class"] == "sl-chart"
        assert "The table below gives the same numbers." in svg.attrib["aria-label"]


def test_no_load_chart_without_training() -> None:
    html = page({})
    assert "Chart of your fitness" not in html and "Chart of your weekly load" not in html
    assert "<caption>Weekly load by type" in html  # the table still says "nothing logged"


def test_too_little_data_draws_no_chart() -> None:
    assert fitness_chart(fitness_fatigue_series({}, start=TODAY - timedelta(days=27), today=TODAY), today=TODAY) is None
    one_day = fitness_fatigue_series({TODAY: 300.0}, start=TODAY, today=TODAY)
    assert fitness_chart(one_day, today=TODAY) is None
    empty_weeks = [weekly_balance([], week_start=MONDAY - timedelta(days=7 * w)) for w in range(8)]
    assert weekly_load_chart(empty_weeks, today=TODAY) is None and weekly_load_chart([], today=TODAY) is None


def test_the_charts_name_their_range_in_words() -> None:
    html = page({"runs": runs(60), "strength": lifts(8)})
    fitness = chart(html, "Chart of your fitness").attrib["aria-label"]
    assert "from Tuesday 27 October to Monday 23 November (28 days)" in fitness
    assert re.search(r"from (−[\d,]+|0) at the bottom to [\d,]+ load units \(RPE × minutes\) at the top", fitness)
    weekly = chart(html, "Chart of your weekly load").attrib["aria-label"]
    assert "8 weeks, from the week of Monday 5 October to the week of Monday 23 November:" in weekly
    assert re.search(r"from 0 at the bottom to [\d,]+ load units", weekly)


def test_a_bigger_week_draws_a_taller_bar_with_strength_stacked_on_top() -> None:
    easy, big = MONDAY - timedelta(days=14), MONDAY - timedelta(days=7)
    sessions = [Session(day=easy + timedelta(days=n), minutes=40, rpe=4) for n in range(3)]
    sessions += [Session(day=big + timedelta(days=n), minutes=60, rpe=6) for n in range(5)]
    sessions += [Session(day=big + timedelta(days=2), minutes=45, rpe=7, kind="strength")]
    weeks = [weekly_balance(sessions, week_start=start) for start in (big, easy)]  # newest first, as the page has them
    svg = chart(str(weekly_load_chart(weeks, today=TODAY)), "Chart of your weekly load")
    small_run, big_run = rect_heights(svg, "running")  # oldest week drawn first
    assert big_run / small_run == pytest.approx((5 * 360) / (3 * 160), rel=0.01)  # height in proportion to load
    (lift,) = svg.find("g[@data-series='strength']").iter("rect")  # type: ignore[union-attr]
    run_bar = list(svg.find("g[@data-series='running']").iter("rect"))[1]  # type: ignore[union-attr]
    lift_bottom = float(lift.attrib["y"]) + float(lift.attrib["height"])
    assert lift_bottom == pytest.approx(float(run_bar.attrib["y"]), abs=0.11)  # it sits on that week's running
    assert float(lift.attrib["height"]) / float(run_bar.attrib["height"]) == pytest.approx(315 / 1800, rel=0.01)


def test_a_tired_day_draws_form_below_the_zero_line_and_a_fresh_one_above() -> None:
    start = TODAY - timedelta(days=27)
    # Eighteen steady weeks, so form counts on every day charted, then two hard weeks and two weeks of rest.
    loads = {start - timedelta(days=n): 100.0 for n in range(1, 127)}
    loads |= {start + timedelta(days=n): 400.0 for n in range(14)}
    series = fitness_fatigue_series(loads, start=start, today=TODAY)
    svg = chart(str(fitness_chart(series, today=TODAY)), "Chart of your fitness")
    zero = next(t for t in svg.iter("text") if t.text == "0")
    zero_y = float(zero.attrib["y"])  # labels are centred on their gridline
    bars = list(svg.find("g[@data-series='form']").iter("rect"))  # type: ignore[union-attr]
    assert series[1].form < 0 < series[-1].form  # tired on the second day, fresh today
    hanging = [abs(float(b.attrib["y"]) - zero_y) < 0.2 for b in bars]  # below the zero line
    standing = [abs(float(b.attrib["y"]) + float(b.attrib["height"]) - zero_y) < 0.2 for b in bars]  # above it
    assert all(h != s for h, s in zip(hanging, standing, strict=True))  # every bar starts at zero
    assert hanging[0] and standing[-1]  # the first bar drawn (day 2; day 1 has form 0) and today's


def test_the_fitness_table_gives_the_charted_numbers() -> None:
    store = {"runs": runs(60), "strength": lifts(8)}
    html = page(store)
    sessions = [Session(day=TODAY - timedelta(days=n), minutes=50, rpe=5) for n in range(60) if n % 7 not in (2, 5)]
    sessions += [Session(day=date.fromisoformat(v["date"]), minutes=45, rpe=7) for v in lifts(8).values()]
    daily = daily_loads(sessions, today=TODAY)
    seed = seed_load(daily, today=TODAY)  # 60 days: started from the usual week of the first three
    assert seed is not None
    series = fitness_fatigue_series(daily, start=TODAY - timedelta(days=27), today=TODAY, seed=seed)
    tomorrow, *rows = table_rows(html, "Fitness, fatigue and form")  # the form the sentence gives, then 28 days
    assert tomorrow[0] == f"{short_day(TODAY + timedelta(days=1))} (tomorrow)"
    assert len(rows) == len(series) == 28
    for row, p in zip(rows, reversed(series), strict=True):
        assert row[0] == short_day(p.day)  # "Mon 23 Nov": the year is today's
        assert [row[2], row[3]] == [str(round(p.fitness)), str(round(p.fatigue))]
    svg = chart(html, "Chart of your fitness")
    fitness_line = svg.find("path[@data-series='fitness']")
    assert fitness_line is not None and fitness_line.attrib["d"].count("L") + 1 == len(rows)


def test_the_weekly_table_gives_the_charted_numbers() -> None:
    html = page({"runs": runs(60), "strength": lifts(8)})
    rows = table_rows(html, "Weekly load by type")
    assert len(rows) == 8
    svg = chart(html, "Chart of your weekly load")
    week_labels = [t.text for t in svg.iter("text") if t.attrib.get("text-anchor") == "middle"]
    # "23 Nov", as the table writes the week ("Week of 23 Nov")
    assert [f"Week of {label}" for label in week_labels] == [row[0] for row in reversed(rows)]
    running = rect_heights(svg, "running")
    strength = rect_heights(svg, "strength")
    loads = [(int(row[1]), int(row[2])) for row in reversed(rows) if int(row[1]) or int(row[2])]
    assert len(running) == len([r for r, _ in loads if r]) and len(strength) == len([s for _, s in loads if s])
    # Bars keep the table's proportions (the SVG rounds to 0.1 unit).
    assert running[0] / strength[0] == pytest.approx(loads[0][0] / loads[0][1], rel=0.02)


def test_charts_carry_no_inline_style_or_script() -> None:
    html = page({"runs": runs(60), "strength": lifts(8), "hrv": {}})
    for svg in re.findall(r"<svg .*?</svg>", html, re.S):
        assert " style=" not in svg and not re.search(r"\son[a-z]+=", svg)
        assert "currentColor" in svg
        assert 'font-size="12"' in svg or 'class="sl-legend__swatch"' in svg  # a legend's sample draws no text


def test_series_differ_by_more_than_colour_and_are_named_in_a_legend() -> None:
    html = page({"runs": runs(60), "strength": lifts(8)})
    fitness = chart(html, "Chart of your fitness")
    fatigue = fitness.find("path[@data-series='fatigue']")
    assert fatigue is not None and fatigue.attrib.get("stroke-dasharray")
    assert "stroke-dasharray" not in fitness.find("path[@data-series='fitness']").attrib  # type: ignore[union-attr]
    # The legend is page text just before its chart, not SVG text: that would shrink with the chart to about
    # 6 px on a phone. Its samples are drawn as the series are (a dashed line for fatigue).
    # 60 days of logs: form shows, still settling, in outlined bars (not only a fainter shade) with a name of their own.
    assert legend(html, "Chart of your fitness") == [
        "Fitness (42-day)",
        "Fatigue (7-day)",
        "Form (fitness − fatigue)",
        "Form, still settling",
        "Load units (RPE × minutes)",
    ]
    settling = list(fitness.find("g[@data-series='form']").iter("rect"))  # type: ignore[union-attr]
    assert settling and all(b.attrib.get("stroke-dasharray") for b in settling)
    assert not {t.text for t in fitness.iter("text")} & {"Fitness (42-day)", "Load units (RPE × minutes)"}
    assert legend(html, "Chart of your weekly load") == [
        "Running and cross-training",
        "Strength",
        "Load units (RPE × minutes)",
    ]
    weekly = chart(html, "Chart of your weekly load")
    opacities = {
        weekly.find(f"g[@data-series='{s}']/rect").attrib["fill-opacity"]  # type: ignore[union-attr]
        for s in ("running", "strength")
    }
    assert len(opacities) == 2
