"""The planner's words on the run log (:mod:`calculators.planner_log`): the weekly volume the log shows, offered with a
button that puts it in the current volume box (never over what the runner typed without the press), and, when the
runner's recent long runs are longer than the plan's, why the plan's is shorter and what would let it be longer within
Daniels' limits (:mod:`calculators.planner_long_run`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import cast

from calculators import planner
from calculators.calendar_logs import read_logs
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.planner_amounts import round_to_step, rounding_steps
from calculators.planner_log import LoggedWeek, logged_weeks, usual_long_run, weekly_average
from calculators.planner_long_run import GROWS_FROM_M, LONG_MINUTES_MOST, LOW_MILEAGE_KM, long_run_limit
from calculators.ui.calculator import Context, action_button
from calculators.ui.html import Html, el, join
from calculators.ui.planner_long_run import GUIDE, run_in_unit
from calculators.ui.planner_volume import volume_values
from calculators.vdot import training_paces
from calculators.week_prefs import VOLUME_UNIT_WORDS, VolumeUnit

__all__ = [
    "FILL_ACTION",
    "log_long_run_words",
    "log_volume",
    "log_volume_note",
    "log_volume_words",
    "log_weeks",
    "unit_of",
]

#: The action of the button that puts the log's weekly volume in the current volume box.
FILL_ACTION = "use_log_volume"


def unit_of(values: Mapping[str, str]) -> VolumeUnit:
    """The form's volume unit (the form checked it against its options)."""
    return cast(VolumeUnit, values["volume_unit"])


def log_weeks(values: Mapping[str, str], context: Context) -> tuple[LoggedWeek, ...]:
    """The run log's last complete weeks in the form's volume unit, the reader's weeks; none at build time."""
    if context.today is None or context.store is None:
        return ()
    runs = read_logs({"runs": context.store.get("runs") or {}}).runs
    week_start = context.reader_profile().week_start
    return logged_weeks(runs, today=context.today, week_start=week_start, unit=unit_of(values))


def _typed(values: Mapping[str, str]) -> float | None:
    """The current volume box's number as the plan reads it; None when it is empty or does not read."""
    volume = volume_values(values)
    if not volume["current_volume"].strip():
        return None
    try:
        return planner.WeekPrefs.from_dict(volume).current_volume
    except InputError:
        return None


def log_volume_note(values: Mapping[str, str], weeks: Sequence[LoggedWeek]) -> Html | None:
    """:func:`log_volume_words` beside the form's current volume, as the result's note."""
    words = log_volume_words(weeks, unit_of(values), _typed(values))
    return None if words is None else el("p", {"class": "sl-result__note", "data-log-volume": True}, words)


def _words(amount: float, unit: VolumeUnit) -> str:
    return f"{round(amount, 1):g} {'min' if unit == 'min' else VOLUME_UNIT_WORDS[unit]}"


def _listed(amounts: Sequence[float], unit: VolumeUnit) -> str:
    """``amounts`` as a list in words, the unit once at the end: "60, 63 and 65 km"."""
    numbers = [f"{round(a, 1):g}" for a in amounts]
    joined = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    return f"{joined} {'min' if unit == 'min' else VOLUME_UNIT_WORDS[unit]}"


def _weeks_words(weeks: Sequence[LoggedWeek]) -> str:
    return "the last complete week" if len(weeks) == 1 else f"the last {len(weeks)} complete weeks"


def log_volume(weeks: Sequence[LoggedWeek], unit: VolumeUnit) -> float | None:
    """The log's weekly volume as the box would take it: the weeks' average to the plan's step (five minutes, half a
    km or mile); None without a week, or when it is outside the planner's range (the words say so)."""
    average = weekly_average(weeks)
    if average is None:
        return None
    low, high = planner.VOLUME_LIMITS[unit]
    rounded = round_to_step(average, unit)
    return rounded if low <= rounded <= high else None


def log_volume_words(weeks: Sequence[LoggedWeek], unit: VolumeUnit, typed: float | None) -> Html | None:
    """What the log says the runner runs a week, beside the ``typed`` current volume (None: the box is empty), with a
    button that puts it in the box when it differs; None without a complete week in the log."""
    average = weekly_average(weeks)
    if average is None:
        return None
    volume = log_volume(weeks, unit)
    said = (
        f"Your run log: {_words(round_to_step(average, unit), unit)} a week on average over {_weeks_words(weeks)} "
        f"({_listed([w.volume for w in weeks], unit)})."
    )
    if volume is None:
        low, high = planner.VOLUME_LIMITS[unit]
        return join(f"{said} The planner plans weeks of {low:g} to {high:g} {VOLUME_UNIT_WORDS[unit]}.")
    if typed is not None and round_to_step(typed, unit) == volume:
        return join(f"{said} The plan is sized from it.")
    sized = "" if typed is None else f" The plan is sized from the {_words(typed, unit)} you entered."
    label = f"Use {_words(volume, unit)} as my current volume"
    return join(f"{said}{sized} ", action_button(label, FILL_ACTION))


def _first_reaching(season: planner.SeasonPlan, amount: float, unit: VolumeUnit) -> planner.SeasonWeek | None:
    """The season's first week whose long run is at least ``amount``."""
    for week in season.weeks:
        if any(d.run == "long" and (run_in_unit(d, unit) or 0.0) >= amount - 1e-9 for d in week.plan.days):
            return week
    return None


def _fewer_runs(prefs: planner.WeekPrefs, amount: float) -> tuple[int, float] | None:
    """The run days one fewer and the long run of a week like this one with them, when that is longer than
    ``amount``."""
    if prefs.run_days <= planner.RUN_DAYS_MIN:
        return None
    fewer = planner.plan_week(replace(prefs, run_days=prefs.run_days - 1))
    long = next((run_in_unit(d, prefs.volume_unit) for d in fewer.days if d.run == "long"), None)
    return (prefs.run_days - 1, long) if long is not None and long > amount else None


def log_long_run_words(
    weeks: Sequence[LoggedWeek], day: planner.DayPlan, week: planner.WeekPlan, season: planner.SeasonPlan
) -> Html | None:
    """When half or more of the logged weeks' longest runs are longer than ``day``'s long run (in ``week`` of
    ``season``): the numbers, why the plan's is shorter, when the plan reaches the runner's usual one and what would
    lengthen it within Daniels' limits. None otherwise."""
    unit = week.volume_unit
    amount, usual = run_in_unit(day, unit), usual_long_run(weeks)
    if amount is None or usual is None or usual <= amount or week.volume <= 0:
        return None
    prefs = season.prefs
    paces = None if prefs.vdot is None else training_paces(prefs.vdot)
    limit = long_run_limit(week.volume, unit, paces, peak=prefs.target_volume)
    longer = sum((w.longest or 0.0) > amount for w in weeks)
    shorter = "each of them" if longer == len(weeks) else f"{longer} of them"
    share = round(limit.share * 100)
    sentences: list[object] = [
        f"Your longest run in each of {_weeks_words(weeks)} of your log: "
        f"{_listed([w.longest or 0.0 for w in weeks], unit)}. This week's long run, {_words(amount, unit)}, is shorter "
        f"than {shorter}: the planner does not size it from your log. It makes the long run 1.6 times each other run "
        "of the week (Stridelab's rule), and ",
        el("a", {"href": GUIDE}, "Daniels limits one long run"),
        f" to 30 % of the week's distance below {LOW_MILEAGE_KM:g} km (40 miles) a week, 25 % from there, and to "
        f"{LONG_MINUTES_MOST} minutes (Daniels' Running Formula, as the race-times guide quotes it): "
        f"{_words(limit.amount, unit)} in this week of {_words(week.volume, unit)}, {share} % of it. "
        f"Your usual {_words(usual, unit)} is {round(usual / week.volume * 100)} % of this week.",
    ]
    reached = _first_reaching(season, usual, unit)
    if reached is not None:
        sentences.append(
            f" The plan's long run reaches {_words(usual, unit)} in the week of "
            f"{day_words(reached.start, today=season.today)}."
        )
    else:
        sentences.append(f" No long run of this plan reaches {_words(usual, unit)}.")
    step = rounding_steps(unit)[0]
    needed = math.ceil(usual / limit.share / step - 1e-9) * step
    levers = (
        [
            f"more running a week, if you run it: Daniels' {share} % allows {_words(usual, unit)} in a week of "
            f"{_words(needed, unit)}"
        ]
        if unit != "min" or usual <= LONG_MINUTES_MOST
        else []
    )
    fewer = _fewer_runs(prefs, amount)
    if fewer is not None:
        runs, long = fewer
        past = long > limit.amount
        levers.append(
            f"{runs} runs a week, which makes it {_words(long, unit)}"
            + (f", more than Daniels' {share} %: the planner keeps the guide's proportions" if past else "")
        )
    race = season.race_distance_m if season.race_date is not None else None
    if not limit.timed and race is not None and race >= GROWS_FROM_M:
        levers.append(
            "a VDOT (the race calculator finds it from a race time): the planner then times the long run and grows it "
            "to Daniels' limit in your build and peak weeks"
        )
    if levers:
        sentences.append(f" What would make it longer within the planner's rules: {'; '.join(levers)}.")
    return join(*sentences)
