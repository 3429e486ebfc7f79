"""The planner's tables: this week, the season to race day, the rules it bent, and the one-line summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from calculators import planner
from calculators.calendar import week_bounds
from calculators.date_words import day_words, short_day, shows_year
from calculators.planner_sessions import effort_words
from calculators.ui.html import Html, el, join, stacked_table
from calculators.units import PaceUnit, count, format_duration, format_pace_range
from calculators.week_plan import PACE_FOR, RUN_NAMES, marathon_part, sets_share
from calculators.week_ramp import RAMP

__all__ = ["bent_rules", "season_table", "summary", "this_week", "week_table"]


def _numbers(separator: str, *parts: str) -> Html:
    """Each number on one line with its unit, figures aligned; a cell of several may wrap after a separator."""
    spans = [el("span", {"class": "sl-num"}, part) for part in parts]
    return join(spans[0], *(join(separator, span) for span in spans[1:]))


def _pace(day: planner.DayPlan, unit: PaceUnit) -> Html | str:
    # A marathon build's long run: its E range (or easy feel), then its last part at marathon pace, as the calendar
    # and Today say it.
    marathon = marathon_part(day, unit)
    if day.pace_s_per_km is None:
        # No VDOT, no paces: how hard the run is, by feel, rather than a dash that leaves a beginner guessing.
        feel = effort_words(day.run)
        return f"{feel} Then {marathon}." if feel and marathon else feel or "—"
    # The range as every page writes it, "4:56–5:34 /km", free to wrap after its dash in a narrow column.
    pace = _numbers("–", *format_pace_range(day.pace_s_per_km, unit).split("–"))
    if marathon:
        return join(pace, f"; {marathon}")
    # The words after a quality run's pace wrap as text: kept on one line they made the column wider than the page.
    return join(pace, f" {PACE_FOR[day.run]}") if day.run in PACE_FOR else pace


def _session(day: planner.DayPlan) -> str:
    run = RUN_NAMES[day.run]
    if day.strength is None:
        return run
    dose = "" if day.strength_volume >= 1 else f" ({sets_share(day.strength_volume)})"
    return f"{run} + Session {day.strength}{dose}"


def _amount(day: planner.DayPlan, unit: PaceUnit) -> Html | str:
    # A race is read by its finish time, as Today and the calendar say it, not by its minutes.
    time = f"about {format_duration(day.finish_s)}" if day.finish_s is not None else ""
    parts = [time or (f"{day.minutes} min" if day.minutes else ""), day.distance_words(unit) if day.km else ""]
    return _numbers(" · ", *(p for p in parts if p)) if any(parts) else "—"


def this_week(
    week: planner.WeekPlan, season: planner.SeasonPlan | None, week_start: int
) -> tuple[planner.DayPlan, ...]:
    """The days of the reader's week, from the profile's ``week_start`` (0 Monday, 6 Sunday), in date order.

    Without a race the week repeats, so it is the same week begun on another day. A season's weeks are planned
    Monday to Sunday; the reader's week is the seven dated days from its first day on or before today, which on a
    Sunday start takes the Sunday from the plan week before. A day before the plan's first Monday has no plan: it
    is left out (it is past).
    """
    if season is None:
        return tuple(sorted(week.days, key=lambda day: (day.weekday - week_start) % 7))
    first = week_bounds(season.today, week_start)[0]
    planned = {day.day: day for day in season.days()}
    return tuple(planned[d] for d in (first + timedelta(days=n) for n in range(7)) if d in planned)


def _day(day: planner.DayPlan, *, year: bool) -> Html | str:
    # A dated week says each day's date, so a row missing before the plan starts reads as a gap in the dates.
    if day.day is None:
        return planner.WEEKDAY_NAMES[day.weekday]
    return el("time", {"datetime": day.day.isoformat()}, short_day(day.day, year=year))


def week_table(days: Sequence[planner.DayPlan], unit: PaceUnit, *, today: date | None) -> Html:
    """The week's days, each with its date when the plan is dated ("Mon 7 Dec"); on a phone each day is a card with
    its cells labelled (the table is far wider than a phone)."""
    year = shows_year((day.day for day in days if day.day), today=today)
    return stacked_table(
        "This week",
        ("Day", "Session", "Intent", "Duration", "Pace", "Why"),
        (
            (
                _day(day, year=year),
                _session(day),
                day.intent,
                _amount(day, unit),
                _pace(day, unit),
                day.reason,
            )
            for day in days
        ),
        {"Why": "sl-prose"},
    )


def _strength(week: planner.SeasonWeek, race_date: date | None) -> str:
    """What the week's strength sessions do, from its days: the week's dose stops in the last days before the race
    whatever day of the week they begin on, so a peak week can lift on Monday and not after."""
    sessions = [day for day in week.plan.days if day.strength]
    if not sessions:
        amount = "none"
    else:  # one dose a week: the days past the cut have no session at all
        # In the words every page gives the dose ("2 sets per exercise", the count the strength log prescribes),
        # never "reduced (60 %)", which reads as a 60 % cut where the guide cuts 30–50 %.
        amount = "full" if sessions[0].strength_volume >= 1 else sets_share(sessions[0].strength_volume)
    stop = next(
        (
            day.day
            for day in week.plan.days
            if race_date and day.day and 0 <= (race_date - day.day).days <= planner.NO_STRENGTH_DAYS
        ),
        None,
    )
    if stop is None:
        return amount
    why = f"last {planner.NO_STRENGTH_DAYS} days before the race"
    if not sessions:
        return f"none: {why}"
    return f"{amount} up to {planner.WEEKDAY_NAMES[(stop - timedelta(days=1)).weekday()]}, then none: {why}"


def _volume(volume: float, unit: str) -> str:
    # The season grows volume by fractions; a runner plans whole minutes or tenths of a kilometre or mile.
    return f"{round(volume):d} min" if unit == "min" else f"{round(volume, 1):g} {unit}"


def _week_volume(week: planner.SeasonWeek, unit: str) -> str:
    # Race week's volume is the running before the race; the race itself comes on top of it. A shake-out that a plan
    # by distance without paces gives in minutes alone is not in that distance: it is named beside it, not lost.
    timed = sum(day.minutes or 0 for day in week.plan.days if unit != "min" and day.km is None)
    race = any(day.run == "race" for day in week.plan.days)
    parts = [_volume(week.volume, unit)] if week.volume or not (timed or race) else []
    parts += [f"{timed} min"] if timed else []
    parts += ["race"] if race else []
    return "race only" if parts == ["race"] else " + ".join(parts)


def season_table(season: planner.SeasonPlan) -> Html:
    """The season's weeks; on a phone each week is a card, as its key sessions made the table wider than a phone."""
    unit = season.prefs.volume_unit
    year = shows_year((week.start for week in season.weeks), today=season.today)
    return stacked_table(
        "The season to race day",
        ("Week of", "Phase", "Volume", "Strength", "Key sessions"),
        (
            (
                el("time", {"datetime": week.start.isoformat()}, short_day(week.start, year=year)),
                week.phase + (" (cutback)" if week.cutback else ""),
                _week_volume(week, unit),
                _strength(week, season.race_date),
                "; ".join(week.key_sessions),
            )
            for week in season.weeks
        ),
        {"Volume": "sl-num"},
    )


def bent_rules(rules: tuple[planner.BentRule, ...]) -> Html | None:
    """The rules the plan bends, and apart from them the note on how fast it climbs (nothing is bent there)."""
    bent = [rule.message for rule in rules if rule.field != RAMP]
    ramp = [el("p", {"class": "sl-notice"}, rule.message) for rule in rules if rule.field == RAMP]
    if not bent:
        return join(*ramp) if ramp else None
    return join(
        el(
            "div",
            {"class": "sl-notice"},
            el("p", None, "Your choices could not all be kept, so the plan bends these rules:"),
            el("ul", None, *(el("li", None, message) for message in bent)),
        ),
        *ramp,
    )


def summary(shown: Sequence[planner.DayPlan], season: planner.SeasonPlan | None) -> str:
    # Describes the week in the table below it: in a race or taper week that is not the usual week.
    runs = sum(day.run not in ("rest", "cross") for day in shown)
    lifts = [planner.WEEKDAY_NAMES[d.weekday] for d in shown if d.strength]
    strength = f"strength on {' and '.join(lifts)}" if lifts else "no strength"
    race = "."
    if season and (day := season.race_date) and len(season.weeks) <= 2:  # this week or next: the day, not "2 weeks"
        when = {0: "today, ", 1: "tomorrow, "}.get((day - season.today).days, "")
        race = f"; race day {when}{day_words(day, today=season.today)}, so the plan is the taper."
    elif season and season.race_date:
        # From today, not the number of weeks in the table: that counts this week's Monday and race week whole.
        weeks, days = divmod((season.race_date - season.today).days, 7)
        left = count(weeks, "week") + (f" and {count(days, 'day')}" if days else "")
        race = f"; {left} to race day."
    return f"This week: {count(runs, 'run')}, {strength}{race}"
