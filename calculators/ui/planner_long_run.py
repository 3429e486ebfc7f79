"""Why the plan's long run is the size it is, in words under the week: its share of the week, the rules that size it
(Stridelab's 1.6 and, in a long race's build, Daniels' limits: :mod:`calculators.planner_long_run`), this week's
limit (by distance without a pace, its share alone, and what would time it), and what would lengthen it. A marathoner
who expects a longer long run reads the plan's own numbers and the one change that gives one: more running a week."""

from __future__ import annotations

from calculators import planner
from calculators.date_words import day_words
from calculators.planner_amounts import KM_PER_UNIT
from calculators.planner_long_run import (
    GROWS_FROM_M,
    LONG_MINUTES_MOST,
    LONG_SHARE_LOW,
    LOW_MILEAGE_KM,
    LongRunLimit,
    grows,
    long_run_limit,
    week_km,
)
from calculators.ui.html import Html, el, join
from calculators.units import PaceUnit, distance_in
from calculators.vdot import race_words, training_paces
from calculators.week_prefs import VOLUME_UNIT_WORDS, VolumeUnit

__all__ = ["GUIDE", "long_run_words", "run_in_unit"]

#: The race-times guide's section on the long run's size, from the planner's page (tools/planner/).
GUIDE = "../../guides/race-times-and-vdot/#how-long-the-long-run-is"


def run_in_unit(day: planner.DayPlan, unit: VolumeUnit) -> float | None:
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
    return max(runs, key=lambda pair: run_in_unit(pair[0], unit) or 0.0)


def _beside_limit(amount: float, limit: LongRunLimit, unit: VolumeUnit) -> str:
    """How a long run of ``amount`` stands beside Daniels' ``limit`` for its week, in the week's ``unit``: by distance
    without a pace, beside his share alone."""
    if amount > limit.amount:
        return f", more than Daniels' {_words(limit.amount, unit)} for that week"
    limit_word = "limit" if limit.timed else "share"
    return f", Daniels' {limit_word} for that week" if amount == limit.amount else ""


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _peak_words(peak: float, unit: VolumeUnit, peak_km: float, pace_unit: PaceUnit) -> str:
    """The plan's peak week as the reader planned it; a week in minutes with its distance at easy pace beside it."""
    if unit != "min":
        return _words(peak, unit)
    distance = round(distance_in(peak_km, pace_unit))
    return f"{_words(peak, unit)} (about {distance} {VOLUME_UNIT_WORDS[pace_unit]} at easy pace)"


def _peak_rule(week_km_now: float | None, peak_km: float | None, peak: str) -> str:
    """Stridelab's rule in words where it sets this week's share: a week under 64 km in a plan peaking at 64 or more
    takes 25 %, not Daniels' 30 % for the week alone (calculators.planner_long_run). Empty where it changes nothing."""
    if week_km_now is None or peak_km is None or not week_km_now < LOW_MILEAGE_KM <= peak_km:
        return ""
    return (
        f" That is 25 %, not {_percent(LONG_SHARE_LOW)}, because your plan peaks at {peak} a week: Daniels does not "
        f"say which week counts when a plan climbs past {LOW_MILEAGE_KM:g} km, and Stridelab's rule takes the peak "
        "week, so the long run never shrinks as the weeks grow."
    )


def long_run_words(
    day: planner.DayPlan, week: planner.WeekPlan, season: planner.SeasonPlan, pace_unit: PaceUnit
) -> Html | None:
    """Why ``day``'s long run, in ``week`` of ``season`` (the plan saving stores, with or without a race), is its size;
    with a race, how long the season's longest is. None when the plan gives the run no amount in the week's unit."""
    unit = week.volume_unit
    amount = run_in_unit(day, unit)
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
    peak = season.prefs.target_volume
    limit = long_run_limit(week.volume, unit, paces, peak=peak)
    long_race = race is not None and race >= GROWS_FROM_M
    if race is not None and long_race and limit.timed:
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
    km_now, peak_km = week_km(week.volume, unit, paces), week_km(peak, unit, paces)
    rule = _peak_rule(km_now, peak_km, "" if peak_km is None else _peak_words(peak, unit, peak_km, pace_unit))
    if km_now is None:
        # A week in minutes without a VDOT has no distance to compare with 64 km: the stricter share (planner_long_run).
        sentences.append(
            f": {_words(limit.amount, unit)} in this week (25 % of its minutes: without a VDOT the planner knows no "
            "distance)."
        )
    elif not limit.timed:
        # By distance without a pace: the share can be weighed, the 150 minutes cannot.
        grown = (
            " With it, the planner also grows the long run to that limit in your build and peak weeks; without it, "
            "the long run stays 1.6 times each other run."
            if long_race
            else ""
        )
        sentences.append(
            f": {_words(limit.amount, unit)} in this week by the share alone ({_percent(limit.share)}).{rule} The "
            f"{LONG_MINUTES_MOST} minutes need a pace: give the planner your VDOT (the race calculator finds it from "
            f"a race time) and it times the run.{grown}"
        )
    else:
        sentences.append(f": {_words(limit.amount, unit)} in this week.{rule}")
    if amount > limit.amount and (day.minutes or 0) > LONG_MINUTES_MOST:
        sentences.append(
            f" Yours is longer: in so big a week of {runs} runs every run is long, and more runs a week would "
            "shorten each."
        )
    elif amount > limit.amount:
        more = ", and a run more a week makes the long run a smaller share" if runs < planner.RUN_DAYS_MAX else ""
        sentences.append(f" Yours is more: the planner keeps the guide's proportions for a week of {runs} runs{more}.")
    elif limit.timed and grows(race, week.phase) and amount == limit.amount:
        sentences.append(" Yours is at it, and the other runs share the rest of the week.")
    which = " peak" if season.prefs.peak_volume is not None else ""
    sentences.append(f" To lengthen it, raise your{which} weekly volume: the long run is a share of the week.")
    longest = _longest(season) if race is not None else None
    if longest is not None and longest[0] is not day:
        longest_day, longest_week = longest
        when = day_words(longest_week.start, today=season.today)
        beside = _beside_limit(
            run_in_unit(longest_day, unit) or 0.0, long_run_limit(longest_week.volume, unit, paces, peak=peak), unit
        )
        sentences.append(
            f" The longest of your season is {_run_words(longest_day, pace_unit)}, in the week of {when}{beside}."
        )
    return join(*sentences)
