"""The week and season planner: strength on the hard-run days, periodised to race day, exported to a calendar."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime

from calculators import planner, vdot
from calculators.errors import InputError
from calculators.ui.calculator import Calculator, Context, Field, Reply
from calculators.ui.html import Html, el, scroll_table
from calculators.units import PaceUnit, format_pace
from calculators.week import RUN_NAMES

_DAYS = tuple((str(i), name) for i, name in enumerate(planner.WEEKDAY_NAMES))
_RACES = (
    ("", "No race"),
    ("5000", "5 km"),
    ("10000", "10 km"),
    ("21097.5", "Half marathon"),
    ("42195", "Marathon"),
)
_STORE_ID = "season"
_NO_RACE = "Add a race date to see the season to race day, week by week."


def _prefs(values: Mapping[str, str]) -> planner.WeekPrefs:
    return planner.WeekPrefs.from_dict(
        {
            "run_days": values["run_days"],
            "available_days": values["available_days"],
            "hard_days": values["hard_days"],
            "long_run_day": values["long_run_day"],
            "volume_unit": values["volume_unit"],
            "current_volume": values["current_volume"],
            "peak_volume": values["peak_volume"],
            "vdot": values["vdot"],
        }
    )


def _race(values: Mapping[str, str], today: date) -> tuple[date | None, float | None]:
    text = values["race_date"].strip()
    if not text:
        return None, None
    try:
        race = date.fromisoformat(text)
    except ValueError:
        raise InputError("race_date", f"“{text}” is not a date. Pick a day from the calendar.") from None
    if race <= today:
        raise InputError("race_date", "The race date must be after today. Leave it empty to plan without a race.")
    distance = values["race_distance"]
    return race, float(distance) if distance else None


def _plan(values: Mapping[str, str], context: Context) -> tuple[planner.WeekPlan, planner.SeasonPlan | None]:
    prefs = _prefs(values)
    today = context.today or date(2026, 1, 5)  # build time: a fixed Monday for the example
    race, distance = _race(values, today)
    week = planner.plan_week(prefs)
    season = planner.plan_season(prefs, today=today, race_date=race, race_distance_m=distance) if race else None
    return week, season


def _pace(day: planner.DayPlan, unit: PaceUnit) -> str:
    if day.pace_s_per_km is None:
        return "—"
    fast, slow = day.pace_s_per_km
    return format_pace(fast, unit) if abs(fast - slow) < 1 else f"{format_pace(fast, unit)} – {format_pace(slow, unit)}"


def _session(day: planner.DayPlan) -> str:
    run = RUN_NAMES[day.run]
    if day.strength is None:
        return run
    dose = "" if day.strength_volume >= 1 else f" ({round(day.strength_volume * 100)} % volume)"
    return f"{run} + Session {day.strength}{dose}"


def _amount(day: planner.DayPlan) -> str:
    parts = [f"{day.minutes} min" if day.minutes else "", f"{day.km:g} km" if day.km else ""]
    return " · ".join(p for p in parts if p) or "—"


def _week_table(week: planner.WeekPlan, unit: PaceUnit) -> Html:
    rows = [
        el(
            "tr",
            None,
            el("th", {"scope": "row"}, planner.WEEKDAY_NAMES[day.weekday]),
            el("td", None, _session(day)),
            el("td", None, day.intent),
            el("td", {"class": "sl-num"}, _amount(day)),
            el("td", {"class": "sl-num"}, _pace(day, unit)),
            el("td", None, day.reason),
        )
        for day in week.days
    ]
    head = ("Day", "Session", "Intent", "Duration", "Pace", "Why")
    return scroll_table(
        "This week",
        el("thead", None, el("tr", None, *(el("th", {"scope": "col"}, h) for h in head))),
        el("tbody", None, *rows),
    )


def _dose(value: float) -> str:
    if value <= 0:
        return "none"
    return "full" if value >= 1 else f"reduced ({round(value * 100)} %)"


def _season_table(season: planner.SeasonPlan) -> Html:
    unit = "min" if season.prefs.volume_unit == "min" else "km"
    rows = [
        el(
            "tr",
            None,
            el("th", {"scope": "row"}, week.start.isoformat()),
            el("td", None, week.phase + (" (cutback)" if week.cutback else "")),
            el("td", {"class": "sl-num"}, f"{week.volume:g} {unit}"),
            el("td", None, _dose(week.strength_dose)),
            el("td", None, "; ".join(week.key_sessions)),
        )
        for week in season.weeks
    ]
    head = ("Week of", "Phase", "Volume", "Strength", "Key sessions")
    return scroll_table(
        "The season to race day",
        el("thead", None, el("tr", None, *(el("th", {"scope": "col"}, h) for h in head))),
        el("tbody", None, *rows),
    )


def _bent(rules: tuple[planner.BentRule, ...]) -> Html | None:
    if not rules:
        return None
    return el(
        "div",
        {"class": "sl-notice"},
        el("p", None, "Your choices could not all be kept, so the plan bends these rules:"),
        el("ul", None, *(el("li", None, rule.message) for rule in rules)),
    )


def _view(values: Mapping[str, str], context: Context, message: str = "") -> Html:
    week, season = _plan(values, context)
    unit: PaceUnit = "mi" if values["units"] == "mi" else "km"
    runs = sum(day.run != "rest" for day in week.days)
    strength = [planner.WEEKDAY_NAMES[d.weekday] for d in week.days if d.strength]
    summary = message or (
        f"{runs} runs a week; strength on {' and '.join(strength) or 'no day'}"
        + (f"; {len(season.weeks)} weeks to race day." if season else ".")
    )
    saved = (context.store or {}).get("plan", {}).get(_STORE_ID)
    return el(
        "div",
        {"class": "sl-result"},
        el("p", {"class": "sl-result__headline", "data-summary": True}, summary),
        el("p", {"class": "sl-result__note"}, "Example for the default settings.") if context.store is None else None,
        _bent(season.bent_rules if season else week.bent_rules),
        _week_table(season.weeks[0].plan if season else week, unit),
        _season_table(season) if season else el("p", None, _NO_RACE),
        el(
            "p",
            {"class": "sl-result__note"},
            "A saved plan is what the strength log and the readiness check follow."
            if saved
            else "Save this plan to let the strength log and the readiness check follow it.",
        ),
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    return Reply(html=_view(values, context))


def _plan_id(values: Mapping[str, str]) -> str:
    # Stable for the same settings, so re-importing the calendar updates events instead of doubling them.
    return "season-" + hashlib.sha256(json.dumps(dict(values), sort_keys=True).encode()).hexdigest()[:12]


def download_calendar(values: Mapping[str, str], context: Context) -> Reply:
    _, season = _plan(values, context)
    if season is None:
        raise InputError("race_date", "The calendar export needs a race date: it covers the season to race day.")
    now = datetime.fromisoformat(context.now) if context.now else datetime.now(UTC)
    unit: PaceUnit = "mi" if values["units"] == "mi" else "km"
    text = planner.season_to_ics(season, dtstamp=now, plan_id=_plan_id(values), unit=unit)
    effect = {"type": "download", "filename": "stridelab-season.ics", "mime": "text/calendar", "text": text}
    message = (
        "Calendar downloaded as stridelab-season.ics. It is a one-time copy: if you change the plan, download it again."
    )
    return Reply(html=_view(values, context, message), effects=(effect,))


def save_plan(values: Mapping[str, str], context: Context) -> Reply:
    _, season = _plan(values, context)
    if season is None:
        raise InputError("race_date", "Saving a plan needs a race date: the saved plan runs to race day.")
    op = {"op": "put", "collection": "plan", "id": _STORE_ID, "value": season.to_dict()}
    store = {**(context.store or {}), "plan": {_STORE_ID: op["value"]}}
    saved = Context(today=context.today, now=context.now, profile=context.profile, store=store)
    return Reply(
        html=_view(values, saved, "Plan saved. The strength log and the readiness check now follow it."), ops=(op,)
    )


_VOLUME_HELP = "Per week: 30–1200 minutes or 5–250 km."

CALCULATOR = Calculator(
    name="planner",
    title="Week and season planner",
    intro="Tell the planner when you can run: it puts strength on your hard-run days and builds the season "
    "to race day.",
    fields=(
        Field(
            name="run_days", label="Runs per week", default="4", options=tuple((str(n), str(n)) for n in range(3, 7))
        ),
        Field(name="available_days", label="Days you can train", default="0,1,2,3,4,5,6", options=_DAYS, multiple=True),
        Field(
            name="hard_days",
            label="Tempo and interval days (none ticked: choose for me)",
            default="",
            options=_DAYS,
            multiple=True,
        ),
        Field(name="long_run_day", label="Long run", default="", options=(("", "Choose for me"), *_DAYS)),
        Field(name="race_date", label="Race date (optional)", default="", input_type="date"),
        Field(name="race_distance", label="Race distance", default="", options=_RACES),
        Field(name="volume_unit", label="Volume in", default="min", options=(("min", "minutes"), ("km", "km"))),
        Field(
            name="current_volume", label="Current weekly volume", default="240", inputmode="decimal", help=_VOLUME_HELP
        ),
        Field(
            name="peak_volume",
            label="Peak weekly volume (optional)",
            default="",
            inputmode="decimal",
            help=_VOLUME_HELP,
        ),
        Field(
            name="vdot",
            label="VDOT (optional, for paces)",
            default="",
            inputmode="decimal",
            help=f"From the race calculator; {vdot.VDOT_MIN:g}–{vdot.VDOT_MAX:g}.",
        ),
        Field(
            name="units",
            label="Paces per",
            default="km",
            options=(("km", "kilometre"), ("mi", "mile")),
            profile="units",
        ),
    ),
    compute=compute,
    actions={"calendar": download_calendar, "save": save_plan},
    buttons=(("compute", "Plan"), ("save", "Save this plan"), ("calendar", "Download calendar (.ics)")),
    reads=("plan",),
)
