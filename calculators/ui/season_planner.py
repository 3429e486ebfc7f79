"""The week and season planner: strength on the hard-run days, periodised to race day, exported to a calendar."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from calculators import planner, vdot
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.ics import session_days
from calculators.plan_changes import CHANGES_COLLECTION, PlanChange, carry_changes
from calculators.profile import EASY_WEEKS, check_next_race
from calculators.season import SCHEMA_VERSION  # the layout version season_from_dict reads
from calculators.ui.calculator import SHARED_UNITS_HELP, Calculator, Context, Field, Reply
from calculators.ui.html import Html, el, result_heading, summary_line
from calculators.ui.ics_exports import exported_days, record_export
from calculators.ui.planner_easy import EASY_WEEKS_TIP, HARD_RUNS_HELP, HARD_RUNS_OPTIONS, easy_weeks_words
from calculators.ui.planner_log import FILL_ACTION, log_long_run_words, log_volume, log_volume_note, log_weeks, unit_of
from calculators.ui.planner_long_run import long_run_words
from calculators.ui.planner_notes import (
    differs_note,
    dropped_words,
    example_volume_words,
    no_race_words,
    paces_note,
    plan_start_words,
    saved_note,
    sessions_words,
    three_runs_words,
)
from calculators.ui.planner_tables import bent_rules, season_table, summary, this_week, week_table
from calculators.ui.planner_volume import (
    BOXES,
    STARTING_MINUTES,
    box_error,
    refuse_empty_current,
    refuse_untouched,
    volume_fields,
    volume_prompt,
    volume_values,
)
from calculators.units import REGION_UNITS, form_number, pace_unit

_DAYS = tuple((str(i), name) for i, name in enumerate(planner.WEEKDAY_NAMES))
#: Race distances a season can build to (metres as the form sends them); the profile page offers the same.
RACES = (
    ("", "No race"),
    *((form_number(meters), name) for key, name, meters in vdot.RACES if key in ("5k", "10k", "half", "marathon")),
)
_STORE_ID = "season"


def _prefs(values: Mapping[str, str]) -> planner.WeekPrefs:
    prefs = _read_prefs(values)
    peak, current = prefs.peak_volume, prefs.current_volume
    # The season climbs from the current volume to the peak (TRAINING-RULES.md gives no rule for planning a
    # decrease), so a lower peak is a typing slip to correct, not a plan to hold flat without a word.
    if peak is not None and peak < current:
        unit = planner.VOLUME_UNIT_WORDS[prefs.volume_unit]
        raise InputError(
            BOXES[prefs.volume_unit][1],
            f"Peak weekly volume must be at least your current weekly volume, {current:g} {unit}; "
            f"{peak:g} {unit} is below it. Leave it empty to stay at {current:g} {unit}.",
        )
    return prefs


def _read_prefs(values: Mapping[str, str]) -> planner.WeekPrefs:
    refused = refuse_untouched(values) or refuse_empty_current(values, lambda unit: _week_in(values, unit))
    if refused is not None:
        raise refused
    try:
        return _prefs_from(values)
    except InputError as error:
        raise box_error(error, values["volume_unit"]) from None


def _prefs_from(values: Mapping[str, str]) -> planner.WeekPrefs:
    return planner.WeekPrefs.from_dict(
        {
            "run_days": values["run_days"],
            "available_days": values["available_days"],
            "hard_days": values["hard_days"],
            "easy_weeks": _easy_weeks(values),
            "long_run_day": values["long_run_day"],
            **volume_values(values),
            "vdot": values["vdot"],
        }
    )


def _easy_weeks(values: Mapping[str, str]) -> bool:
    """The Hard runs choice: "none" asks for easy weeks; a form from before the choice has none, the guide's week."""
    return values.get("hard_runs", "") == EASY_WEEKS


def _week_in(values: Mapping[str, str], unit: str) -> planner.WeekPlan | None:
    """This week planned from ``unit``'s own volume boxes, or None when they (or the rest) do not read."""
    try:
        return planner.plan_week(_prefs_from({**values, "volume_unit": unit}))
    except InputError:
        return None


def _race(values: Mapping[str, str], today: date) -> tuple[date | None, float | None]:
    """The race to plan to, by the profile's rule for the next race (today or later, with its distance)."""
    text = values["race_date"].strip()
    if not text:
        return None, None
    try:
        race = date.fromisoformat(text)
    except ValueError:
        raise InputError("race_date", f"“{text}” is not a date. Pick a day from the calendar.") from None
    distance = float(values["race_distance"]) if values["race_distance"] else None
    check_next_race(race, distance, today=today)
    return race, distance


def _plan(
    values: Mapping[str, str], context: Context, *, without_race: bool = False
) -> tuple[planner.WeekPlan, planner.SeasonPlan | None]:
    """This week's plan and the season to race day; without a race, no season unless ``without_race`` asks for
    the one saving stores: the next 12 weeks of this week's layout (season.py's season without a race)."""
    prefs = _prefs(values)
    today = context.today or date(2026, 1, 5)  # build time: a fixed Monday for the example
    race, distance = _race(values, today)
    week = planner.plan_week(prefs)
    wanted = race is not None or without_race
    since = _goes_on(_saved(context)[1], prefs, race)
    season = (
        planner.plan_season(prefs, today=today, race_date=race, race_distance_m=distance, climb_from=since)
        if wanted
        else None
    )
    return week, season


def _goes_on(saved: planner.SeasonPlan | InputError | None, prefs: planner.WeekPrefs, race: date | None) -> date | None:
    """The day the saved plan's climb was planned from, when the form asks for the same climb: the same race day,
    volume unit, current and peak volume. Saved again weeks later (after a new race, for its paces), the plan then
    goes on where the saved one is: the current volume typed months ago is where the season began, not where the
    runner is now, and a season climbed again from it in its last weeks halved them. None: plan from today."""
    if not isinstance(saved, planner.SeasonPlan) or race is None or saved.race_date != race:
        return None
    old = saved.prefs
    if (old.volume_unit, old.current_volume, old.peak_volume) != (
        prefs.volume_unit,
        prefs.current_volume,
        prefs.peak_volume,
    ):
        return None
    return saved.climb_from or saved.today


def _saved(context: Context) -> tuple[Any, planner.SeasonPlan | InputError | None]:
    """The stored plan as the browser sent it, and what it reads as: a plan, the reason it does not read,
    or None when there is none. It came from localStorage, so any shape is possible."""
    plans = (context.store or {}).get("plan")
    raw = plans.get(_STORE_ID) if isinstance(plans, Mapping) else None
    if raw is None:
        return None, None
    try:
        return raw, planner.season_from_dict(raw)
    except InputError as error:
        return raw, error


def _carried(season: planner.SeasonPlan, context: Context) -> tuple[planner.SeasonPlan, tuple[PlanChange, ...]]:
    """The season with the changes accepted on the calendar that still fit it, as saving it would store it,
    and the changes that no longer fit."""
    changes = (context.store or {}).get(CHANGES_COLLECTION)
    value, _, dropped = carry_changes(season.to_dict(), changes, first=season.weeks[0].start)
    return planner.season_from_dict(value), dropped


def _view(values: Mapping[str, str], context: Context, message: str = "") -> Html:
    week, season = _plan(values, context, without_race=True)
    assert season is not None
    race = season.race_date is not None
    planned, dropped = _carried(season, context)
    unit = pace_unit(values["units"])
    # The week as the reader's weeks run (the profile's week start); the plan's own weeks run Monday to Sunday.
    # Dated from the plan saving would store, with or without a race, so its days match the calendar's; only the
    # build's example, with no today to date it by, shows the repeating week by weekday.
    week_start = context.reader_profile().week_start
    dated = planned if context.today is not None else None
    shown = this_week(week, dated, week_start)
    season = planned if race else None
    starts = plan_start_words(dated, week_start) if dated else ""
    easy = three_runs_words(week.days, shown)
    # Two hard runs out of three is where a runner who should not run hard yet stops: name the choice for them.
    easy = f"{easy} {EASY_WEEKS_TIP}" if easy else ""
    lifting = easy_weeks_words(shown, planned.prefs) if planned.prefs.easy_weeks else None
    sessions = sessions_words(shown, unit)
    # The long run shown, with the week it is planned in: a dated one's season week, the example's repeating week.
    long_day = next((day for day in shown if day.run == "long"), None)
    home = next((w.plan for w in planned.weeks if any(d is long_day for d in w.plan.days)), week)
    long_words = None if long_day is None else long_run_words(long_day, home, planned, unit)
    log = log_weeks(values, context)
    log_long = None if long_day is None else log_long_run_words(log, long_day, home, planned)
    paces = paces_note(_saved(context)[1], planned.prefs.vdot, goes_on=planned.climb_from is not None)
    # Before the table: a save that would change the saved weeks is the first thing to know, not the last.
    differs = differs_note(_saved(context)[1], planned) if context.today is not None else None
    # The starting figure untouched, with nothing saved: a first visit's plan, whose size the reader has not given
    # yet, and says so before anything else. (A reader whose week is 240 minutes reads it until they save.)
    example = (
        context.store is not None
        and values["volume_unit"] == "min"
        and values[BOXES["min"][0]].strip() == STARTING_MINUTES
        and not values[BOXES["min"][1]].strip()
        and _saved(context)[0] is None
    )
    long_run = next((day.minutes for day in week.days if day.run == "long"), None)
    return el(
        "div",
        {"class": "sl-result"},
        result_heading("Your plan"),
        el("p", {"class": "sl-notice", "data-example-volume": True}, example_volume_words(STARTING_MINUTES, long_run))
        if example
        else None,
        summary_line(summary(shown, season), message, {"class": "sl-result__headline"}),
        el("p", {"class": "sl-result__note"}, "Example for the default settings.") if context.store is None else None,
        log_volume_note(values, log),
        differs,
        bent_rules(season.bent_rules if season else week.bent_rules),
        el("p", {"class": "sl-result__note"}, starts) if starts else None,
        week_table(shown, unit, today=context.today),
        el("p", {"class": "sl-result__note", "data-sessions": True}, sessions) if sessions else None,
        el("p", {"class": "sl-result__note", "data-long-run": True}, long_words) if long_words else None,
        el("p", {"class": "sl-notice", "data-log-long-run": True}, log_long) if log_long else None,
        el("p", {"class": "sl-result__note"}, easy) if easy else None,
        el("p", {"class": "sl-result__note", "data-easy-weeks": True}, lifting) if lifting else None,
        season_table(season) if season else el("p", None, no_race_words(planned)),
        el("p", {"class": "sl-result__note"}, saved_note(_saved(context)[1], context.today)),
        el("p", {"class": "sl-notice", "data-saved-paces": True}, paces) if paces else None,
        el(
            "p",
            {"class": "sl-result__note", "data-dropped-changes": True},
            dropped_words(dropped, context.today, saved=False),
        )
        if dropped
        else None,
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    """This week and the season; before the reader has given a volume in km or miles, only the prompt for it.

    The prompt is an answer, not a refusal: the page is settled, the box is not called wrong before the reader has
    reached it, and no plan sized from a figure they never gave is shown."""
    # The profile's race, filled in by the page, may be over: plan without it and empty the box, rather than stop.
    passed = _race_passed(values, context)
    note = None
    if passed is not None:
        when = day_words(passed, today=context.today)
        note = f"Your race on {when} has passed — enter your next race, or plan without one."
        values = {**values, "race_date": ""}
    effects = ({"type": "clear", "fields": ["race_date"]},) if passed is not None else ()
    prompt = volume_prompt(values, context.pressed)
    if prompt is not None:
        return Reply(
            html=el(
                "div",
                {"class": "sl-result"},
                result_heading("Your plan"),
                el("p", {"class": "sl-result__headline", "data-summary": True, "data-volume-prompt": True}, prompt),
                log_volume_note(values, log_weeks(values, context)),
                el("p", {"class": "sl-notice", "data-race-passed": True}, note) if note else None,
            ),
            effects=effects,
        )
    return Reply(html=_view(values, context, note or ""), effects=effects)


def _race_passed(values: Mapping[str, str], context: Context) -> date | None:
    """The race date in the form when it is before today and is the profile's race (the page fills the box from the
    profile, which keeps the race after it is run) or was not typed in this form; None otherwise: a past date typed
    now is refused by :func:`_race`, naming the box, not emptied."""
    text = values["race_date"].strip()
    if context.today is None or not text:
        return None
    try:
        race = date.fromisoformat(text)
    except ValueError:
        return None
    profiles = context.reader_profile().race_date == race or "race_date" not in context.touched
    return race if race < context.today and profiles else None


def use_log_volume(values: Mapping[str, str], context: Context) -> Reply:
    """The plan from the run log's weekly volume, put in the chosen unit's current volume box (the reader pressed
    for it: nothing typed is replaced otherwise)."""
    unit = unit_of(values)
    volume = log_volume(log_weeks(values, context), unit)
    if volume is None:
        return compute(values, context)
    box, text = BOXES[unit][0], f"{volume:g}"
    message = f"Current weekly volume set to {text} {planner.VOLUME_UNIT_WORDS[unit]} from your run log."
    return Reply(
        html=_view({**values, box: text}, context, message), effects=({"type": "fill", "fields": {box: text}},)
    )


def _plan_id(values: Mapping[str, str]) -> str:
    # One id per race: a calendar app that imports the file again after any change to the plan updates
    # the same events (UIDs are this id and the date) instead of adding a second copy of each.
    race = {"race_date": values["race_date"], "race_distance": values["race_distance"]}
    return "season-" + hashlib.sha256(json.dumps(race, sort_keys=True).encode()).hexdigest()[:12]


def download_calendar(values: Mapping[str, str], context: Context) -> Reply:
    """The season to race day as a calendar file; without a race, the 12 weeks saving stores."""
    _, season = _plan(values, context, without_race=True)
    assert season is not None
    season, _ = _carried(season, context)  # the calendar file holds what the saved plan would: accepted changes too
    now = context.require_now()
    unit = pace_unit(values["units"])
    plan_id = _plan_id(values)
    # Only a day an earlier export filled gets a cancelled event: a first export holds the sessions alone.
    earlier = exported_days(context.store, plan_id)
    text = planner.season_to_ics(season, dtstamp=now, plan_id=plan_id, unit=unit, exported=earlier)
    effect = {"type": "download", "filename": "stridelab-season.ics", "mime": "text/calendar", "text": text}
    ops = (record_export(plan_id, earlier, session_days(season), season.today),) if context.store is not None else ()
    message = (
        "Calendar downloaded as stridelab-season.ics. It is a one-time copy: if you change the plan, download it "
        "again. Importing it replaces each day's event, and cancels one whose session has moved or gone."
    )
    return Reply(html=_view(values, context, message), effects=(effect,), ops=ops)


def _keep_past_weeks(new: dict[str, Any], stored: Any) -> dict[str, Any]:
    """The new plan, after the weeks of the stored one that are already past: a new plan never rewrites
    the history the strength log and the readiness check have followed, and begins when that one began."""
    try:
        past = [w for w in stored["weeks"] if str(w["start"]) < new["weeks"][0]["start"]]
        # A plan saved again began when the first did (unknown for one saved before this was recorded).
        since = stored.get("since")
        kept = {**new, "weeks": past + new["weeks"], "since": since}
        planner.season_from_dict(kept)  # only keep what still reads
    except (InputError, KeyError, TypeError, IndexError, AttributeError):
        return new
    return kept


def _newer(raw: Any) -> bool:
    version = raw.get("version") if isinstance(raw, Mapping) else None
    return isinstance(version, int) and version > SCHEMA_VERSION


def save_plan(values: Mapping[str, str], context: Context) -> Reply:
    _, season = _plan(values, context, without_race=True)
    assert season is not None
    raw, stored = _saved(context)
    if isinstance(stored, InputError) and _newer(raw):
        raise stored  # a plan saved by a newer Stridelab is never overwritten by an older page
    store = context.store or {}
    value = _keep_past_weeks(replace(season, since=season.today).to_dict(), raw)
    # Saving again remakes the weeks from this one on: the changes accepted on the calendar are made again where
    # they still fit, and the others dropped with their records, so the calendar never lists one that no longer applies.
    value, drops, dropped = carry_changes(value, store.get(CHANGES_COLLECTION), first=season.weeks[0].start)
    op = {"op": "put", "collection": "plan", "id": _STORE_ID, "value": value}
    changes = store.get(CHANGES_COLLECTION)
    left = (
        {k: v for k, v in changes.items() if k not in {d.id for d in dropped}} if isinstance(changes, Mapping) else {}
    )
    saved = replace(context, store={**store, "plan": {_STORE_ID: value}, CHANGES_COLLECTION: left})
    message = "Plan saved. The strength log and the readiness check now follow it."
    return Reply(
        html=_view(values, saved, message + dropped_words(dropped, context.today, saved=True)), ops=(op, *drops)
    )


CALCULATOR = Calculator(
    name="planner",
    title="Week and season planner",
    intro="Tell the planner when you can run: it puts strength on your hard-run days and builds the season "
    "to race day.",
    fields=(
        Field(
            name="run_days",
            label="Runs per week",
            default="4",
            options=tuple((str(n), str(n)) for n in range(planner.RUN_DAYS_MIN, planner.RUN_DAYS_MAX + 1)),
            profile="runs_per_week",
        ),
        Field(
            name="available_days",
            label="Days you can train",
            default="0,1,2,3,4,5,6",
            options=_DAYS,
            multiple=True,
            profile="run_weekdays",
        ),
        Field(
            name="hard_days",
            label="Tempo and interval days (none ticked: choose for me)",
            default="",
            options=_DAYS,
            multiple=True,
            profile="hard_days",
        ),
        Field(
            name="hard_runs",
            label="Hard runs",
            default="",
            options=HARD_RUNS_OPTIONS,
            radios=True,
            help=HARD_RUNS_HELP,
            profile="hard_runs",
        ),
        Field(
            name="long_run_day",
            label="Long run",
            default="",
            options=(("", "Choose for me"), *_DAYS),
            profile="long_run_day",
        ),
        Field(name="race_date", label="Race date (optional)", default="", input_type="date", profile="race_date"),
        Field(name="race_distance", label="Race distance", default="", options=RACES, profile="race_distance"),
        *volume_fields(),
        Field(
            name="vdot",
            label="VDOT (optional, for paces)",
            default="",
            inputmode="decimal",
            profile="vdot",
            help=f"From the race calculator; {vdot.VDOT_MIN:g}–{vdot.VDOT_MAX:g}.",
        ),
        Field(
            name="units",
            label="Paces per",
            default="km",
            options=(("km", "kilometre"), ("mi", "mile")),
            profile="units",
            locale_values=REGION_UNITS,
            help=SHARED_UNITS_HELP,
        ),
    ),
    compute=compute,
    actions={"calendar": download_calendar, "save": save_plan, FILL_ACTION: use_log_volume},
    buttons=(("compute", "Plan"), ("save", "Save this plan"), ("calendar", "Download calendar (.ics)")),
    reads=("plan", CHANGES_COLLECTION, "runs", "settings"),
)
