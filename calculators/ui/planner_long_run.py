"""Why the plan's long run is the size it is, in words under the week: its share of the week, the rules that size it
(Stridelab's 1.6 and, in a long race's build, Daniels' limits: :mod:`calculators.planner_long_run`), this week's
limit, and what would lengthen it. A marathoner who expects a longer long run reads the plan's own numbers and the
one change that gives one: more running a week."""

from __future__ import annotations

from calculators import planner
from calculators.date_words import day_words
from calculators.planner_amounts import KM_PER_UNIT
from calculators.planner_long_run import GROWS_FROM_M, LONG_MINUTES_MOST, daniels_most, grows, week_km
from calculators.ui.html import Html, el, join
from calculators.units import PaceUnit
from calculators.vdot import race_words, training_paces
from calculators.week_prefs import VOLUME_UNIT_WORDS, VolumeUnit

__all__ = ["GUIDE", "long_run_words"]

#: The race-times guide's section on the long run's size, from the planner's page (tools/planner/).
GUIDE = "../../guides/race-times-and-vdot/#how-long-the-long-run-is"


def _in_unit(day: planner.DayPlan, unit: VolumeUnit) -> float | None:
    """The long run's amount in the week's volume ``unit`` (None when the plan gives it only in the other one)."""
    if unit == "min":
        return None if day.minutes is None else float(day.minutes)
    return None if day.km is None else day.km / KM_PER_UNIT[unit]


def _words(amount: float, unit: VolumeUnit) -> str:
    return f"{round(amount, 1):g} {'min' if unit == 'min' else VOLUME_UNIT_WORDS[unit]}"


def _run_words(day: planner.DayPlan, pace_unit: PaceUnit) -> str:
    parts = [f"{day.minutes} min" if day.minutes else "", day.distance_words(pace_unit)]
    return " · ".join(part for part in parts if part)


def _longest(season: planner.SeasonPlan) -> tuple[planner.DayPlan, planner.SeasonWeek] | None:
    """The season's longest long run, the first of equals, with its week."""
    unit = season.prefs.volume_unit
    runs = [(day, week) for week in season.weeks for day in week.plan.days if day.run == "long"]
    if not runs:
        return None
    return max(runs, key=lambda pair: _in_unit(pair[0], unit) or 0.0)


def _beside_limit(amount: float, limit: float | None, unit: VolumeUnit) -> str:
    """How a long run of ``amount`` stands beside Daniels' ``limit`` for its week, in the week's ``unit``."""
    if limit is None:
        return ""
    if amount > limit:
        return f", more than Daniels' {_words(limit, unit)} for that week"
    return ", Daniels' limit for that week" if amount == limit else ""


def long_run_words(
    day: planner.DayPlan, week: planner.WeekPlan, season: planner.SeasonPlan, pace_unit: PaceUnit
) -> Html | None:
    """Why ``day``'s long run, in ``week`` of ``season`` (the plan saving stores, with or without a race), is its size;
    with a race, how long the season's longest is. None when the plan gives the run no amount in the week's unit."""
    unit = week.volume_unit
    amount = _in_unit(day, unit)
    if amount is None or week.volume <= 0:
        return None
    paces = None if season.prefs.vdot is None else training_paces(season.prefs.vdot)
    runs = sum(d.run not in ("rest", "cross", "race") for d in week.days)
    race = season.race_distance_m if season.race_date is not None else None
    sentences: list[object] = [
        f"Your long run this week is {_run_words(day, pace_unit)}, {round(amount / week.volume * 100)} % of the "
        f"week's {_words(week.volume, unit)}. The planner makes it 1.6 times each other run (Stridelab's rule, from "
        "the strength guide's week)",
    ]
    most = daniels_most(week.volume, unit, paces)
    if race is not None and race >= GROWS_FROM_M and most is not None:
        sentences.append(
            f"; in the build and peak weeks of your {race_words(race, pace_unit, article=False)} plan it grows to "
            "Daniels' limit where that gives less"
        )
    sentences += [
        ". ",
        el("a", {"href": GUIDE}, "Daniels limits one long run"),
        f" to 30 % of the week's distance below 64 km (40 miles) a week, 25 % from there, and to {LONG_MINUTES_MOST} "
        "minutes",
    ]
    if most is None:
        # Only a long race's build would grow it: there, say why this plan's does not.
        grown = race is not None and race >= GROWS_FROM_M
        sentences.append(
            ": without a VDOT the planner cannot time a distance, so it does not grow the long run to that limit."
            if grown
            else "."
        )
    else:
        # A week in minutes without a VDOT has no distance to compare with 64 km: the stricter share (planner_long_run).
        unknown = (
            " (25 % of its minutes: without a VDOT the planner knows no distance)"
            if week_km(week.volume, unit, paces) is None
            else ""
        )
        sentences.append(f": {_words(most, unit)} in this week{unknown}.")
        if amount > most and (day.minutes or 0) > LONG_MINUTES_MOST:
            sentences.append(
                f" Yours is longer: in so big a week of {runs} runs every run is long, and more runs a week would "
                "shorten each."
            )
        elif amount > most:
            more = ", and a run more a week makes the long run a smaller share" if runs < planner.RUN_DAYS_MAX else ""
            sentences.append(
                f" Yours is more: the planner keeps the guide's proportions for a week of {runs} runs{more}."
            )
        elif grows(race, week.phase) and amount == most:
            sentences.append(" Yours is at it, and the other runs share the rest of the week.")
    peak = " peak" if season.prefs.peak_volume is not None else ""
    sentences.append(f" To lengthen it, raise your{peak} weekly volume: the long run is a share of the week.")
    longest = _longest(season) if race is not None else None
    if longest is not None and longest[0] is not day:
        longest_day, longest_week = longest
        when = day_words(longest_week.start, today=season.today)
        limit = daniels_most(longest_week.volume, unit, paces)
        beside = _beside_limit(_in_unit(longest_day, unit) or 0.0, limit, unit)
        sentences.append(
            f" The longest of your season is {_run_words(longest_day, pace_unit)}, in the week of {when}{beside}."
        )
    return join(*sentences)
