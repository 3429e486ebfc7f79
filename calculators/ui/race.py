"""The race-performance calculator: VDOT, equivalent race times, training paces, and two other models beside them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from calculators import vdot
from calculators.calendar_logs import read_plan
from calculators.errors import InputError
from calculators.profile import COLLECTION
from calculators.ui.calculator import SHARED_UNITS_HELP, Calculator, Context, Field, Reply
from calculators.ui.html import Html, el, result_heading, scroll_table, stacked_table
from calculators.ui.recent_race import Race, race_offer, race_op
from calculators.units import (
    METERS_PER_KM,
    REGION_UNITS,
    Meters,
    PaceUnit,
    form_number,
    format_duration,
    format_pace,
    format_pace_range,
    meters_from,
    pace_unit,
    parse_duration,
    parse_number,
)

_CUSTOM = "custom"
# The profile keeps its recent race in metres; the drop-down's values name the race ("5k").
_PROFILE_DISTANCES = tuple((form_number(meters), key) for key, _, meters in vdot.RACES)
_CUSTOM_UNITS = (("km", "km"), ("mi", "miles"), ("m", "metres"))


def _inward(value: float, *, up: bool) -> float:
    """``value`` to two significant figures, rounded up (``up``) or down: 0.6214 up is 0.63, 31.07 down is 31."""
    step = 10.0 ** (math.floor(math.log10(value)) - 1)
    steps = round(value / step, 6)  # 1000 / 100 is 10.000000000000002, and must stay 10
    return round((math.ceil(steps) if up else math.floor(steps)) * step, 6)


def _custom_range(unit: str) -> tuple[float, float]:
    """What the custom distance box takes in ``unit``: the VDOT model's 1 to 50 km, rounded inward to two
    significant figures, so the reader reads a round range (0.63 to 31 miles) and every number in it is a distance
    the model takes (0.62 miles is 998 m, short of its 1 km). The box's help and its error both say this range."""
    per = meters_from(1, unit)
    return _inward(vdot.RACE_METERS_MIN / per, up=True), _inward(vdot.RACE_METERS_MAX / per, up=False)


_CUSTOM_DISTANCE_HELP = "{:g} to {:g} km ({:g} to {:g} miles).".format(*_custom_range("km"), *_custom_range("mi"))
# The fields that make up the race, and the built-in example's values of them.
_RACE_FIELDS = frozenset({"distance", "time"})
_DEFAULTS = {"distance": "5k", "time": "20:00"}

# What each training pace is for, in a runner's words (Daniels' Running Formula, 3rd ed.).
_PACE_PURPOSE = {
    "E": "Easy and long runs: aerobic base, recovery",
    "M": "Marathon-pace runs",
    "T": "Tempo runs and cruise intervals: lactate threshold",
    "I": "Intervals of 3–5 minutes: VO2max",
    "R": "Short fast repetitions: speed and economy",
}


def _race_distance(values: Mapping[str, str]) -> tuple[Meters, str]:
    """The race distance in metres and in words, from a preset or the custom fields."""
    for key, _, meters in vdot.RACES:
        if values["distance"] == key:
            return meters, vdot.race_words(meters)
    unit = values["custom_unit"]
    low, high = _custom_range(unit)
    # The unit as the box's drop-down and help name it ("miles", not "mi").
    words = dict(_CUSTOM_UNITS).get(unit, unit)
    amount = parse_number(
        values["custom_distance"], field="custom_distance", what="Distance", low=low, high=high, unit=words
    )
    meters = meters_from(amount, unit)
    return meters, vdot.race_words(meters, pace_unit(unit))  # metres are said in km


def _distance_error(error: InputError, distance_field: str) -> InputError:
    # The science module names its own argument; on this form the distance is one of two fields.
    return InputError(distance_field, error.message) if error.field == "distance" else error


def _paces_table(paces: vdot.TrainingPaces, unit: PaceUnit) -> Html:
    # A card per pace on a phone: "What it is for" is a sentence, too long for a row a phone scrolls sideways.
    units: tuple[PaceUnit, PaceUnit] = (unit, "mi" if unit == "km" else "km")
    columns = tuple(f"per {'km' if u == 'km' else 'mile'}" for u in units)
    rows = (
        ("E", "Easy", paces.easy, None),
        ("M", "Marathon", (paces.marathon,), None),
        ("T", "Threshold", (paces.threshold,), None),
        ("I", "Interval", (paces.interval,), paces.interval * 0.4),
        ("R", "Repetition", (paces.repetition,), paces.repetition * 0.4),
    )
    return stacked_table(
        "Training paces",
        ("Pace", *columns, "per 400 m", "What it is for"),
        (
            (
                f"{code} · {name}",
                *(format_pace_range(per_km, u, with_unit=False) for u in units),  # the unit is in the header
                f"{lap:.0f} s" if lap is not None else None,
                _PACE_PURPOSE[code],
            )
            for code, name, per_km, lap in rows
        ),
        dict.fromkeys((*columns, "per 400 m"), "sl-num"),
    )


def _equivalents_table(score: float, time_s: float, meters: Meters, label: str, unit: PaceUnit) -> Html:
    rows = list(vdot.RACES)
    if all(abs(m - meters) > 0.5 for _, _, m in rows):
        rows.append((_CUSTOM, label, meters))
        rows.sort(key=lambda row: row[2])
    body = []
    for _, name, distance in rows:
        yours = abs(distance - meters) <= 0.5
        # Your own race reads back as you ran it; the VDOT to a tenth would move it by up to a few seconds.
        daniels = time_s if yours else vdot.race_time(score, distance)
        pace = format_pace(daniels / distance * METERS_PER_KM, unit)
        body.append(
            el(
                "tr",
                {"class": "sl-row--yours" if yours else None},
                el("th", {"scope": "row"}, name, el("span", {"class": "sl-tag"}, " your race") if yours else None),
                # On a phone the pace moves under the time (stridelab.css), so Riegel and Cameron stay in view.
                el("td", {"class": "sl-num"}, format_duration(daniels), el("span", {"class": "sl-eq__pace"}, pace)),
                el("td", {"class": "sl-num sl-eq__pace-col"}, pace),
                el("td", {"class": "sl-num"}, format_duration(vdot.riegel(time_s, meters, distance))),
                el("td", {"class": "sl-num"}, format_duration(vdot.cameron(time_s, meters, distance))),
            )
        )
    return scroll_table(
        "Equivalent race times",
        el(
            "thead",
            None,
            el(
                "tr",
                None,
                el("th", {"scope": "col"}, "Distance"),
                el("th", {"scope": "col"}, "VDOT (Daniels)"),
                el("th", {"scope": "col", "class": "sl-eq__pace-col"}, "VDOT pace"),
                el("th", {"scope": "col"}, "Riegel"),
                el("th", {"scope": "col"}, "Cameron"),
            ),
        ),
        el("tbody", None, *body),
        dense=True,
    )


def _race(values: Mapping[str, str]) -> tuple[Meters, str, float, float]:
    """The form's race: its distance in metres and in words, its finish time in seconds, and its VDOT to a tenth.

    The tenth is the VDOT shown, the one the profile stores and the planner, Today and the calendar pace from: the
    equivalent times and the paces here come from it too, so the marathon row's pace is the M pace everywhere.
    """
    meters, words = _race_distance(values)
    time_s = parse_duration(values["time"], field="time")
    distance_field = "custom_distance" if values["distance"] == _CUSTOM else "distance"
    try:
        vdot.check_race_time(time_s, meters, field="time", distance=words)
        score = round(vdot.vdot_from_race(meters, time_s), 1)
    except InputError as error:
        raise _distance_error(error, distance_field) from None
    return meters, words, time_s, score


def _example(values: Mapping[str, str], context: Context) -> bool:
    """Whether the form shows the built-in race (5 km in 20:00) that no reader typed: an example, not a result.

    Not when the profile has a recent race (the form starts from it), nor once the reader has changed the
    race's distance or time, even back to the example's values: a 20:00 5 km is a real race too.
    """
    if context.touched & _RACE_FIELDS or any(values[name] != _DEFAULTS[name] for name in _RACE_FIELDS):
        return False
    stored = context.reader_profile()
    return stored.recent_distance_m is None or stored.recent_time_s is None


def _profile_race(values: Mapping[str, str], meters: Meters, time_s: float, context: Context) -> Html | None:
    """Whether this race is the profile's recent race, and if not, the offer to make it so (one wording with the
    run log's, :mod:`calculators.ui.recent_race`). Only the named races can be: the profile offers no other."""
    if values["distance"] == _CUSTOM or context.store is None:  # the build has no reader and no profile
        return None
    unit = pace_unit(values["units"])
    race = Race(meters=meters, time_s=time_s)
    return race_offer(race, context.profile, unit, "save_race", {}, context.today, plan=read_plan(context.store))


def _beyond_tables(score: float, words: str, time_s: float) -> Html | None:
    """A note when the race's VDOT is above Daniels' tables: the model still answers (up to VDOT 90), but a time
    typed wrong, or a distance, would otherwise read back as world-record paces without a word."""
    if score <= vdot.TABLE_VDOT_MAX:
        return None
    return el(
        "p",
        {"class": "sl-result__note", "data-beyond-tables": True},
        f"VDOT {score:.1f} is beyond Daniels' tables, which end at VDOT {vdot.TABLE_VDOT_MAX:g}, about world-record "
        f"level: check that {words} in {format_duration(time_s)} is the time and the distance you raced. The times "
        "and paces below carry the equations past the tables.",
    )


def _answer(values: Mapping[str, str], context: Context, *, saved: bool = False) -> Html:
    """VDOT and everything derived from it for one race result; ``saved``: it was just stored in the profile."""
    meters, words, time_s, score = _race(values)
    unit = pace_unit(values["units"])
    example = _example(values, context)
    found = f" from {words} in {format_duration(time_s)}"
    return el(
        "div",
        {"class": "sl-result"},
        result_heading("Your VDOT and paces"),
        el(
            "p",
            # Saved, the line is a message in front of the summary it holds back (html.summary_line's
            # data-summary-held, here with the part in lighter type): the page says it once, not the summary again.
            {
                "class": "sl-result__headline",
                "data-summary": True,
                "data-summary-held": f"VDOT {score:.1f}{found}" if saved else None,
            },
            "Saved as your recent race: " if saved else "Example: " if example else None,
            f"VDOT {score:.1f}",
            el("span", {"class": "sl-result__context"}, found),
        ),
        _beyond_tables(score, words, time_s),
        # No "Use as my recent race" for the example: one tap would give a beginner a 20:00 5 km's paces.
        el(
            "p",
            {"class": "sl-result__note"},
            f"This is an example, {words} in {format_duration(time_s)}, not your race. Type your own race time "
            "above for your VDOT and training paces; you can then save it as your recent race.",
        )
        if example
        else _profile_race(values, meters, time_s, context),
        el(
            "p",
            {"class": "sl-result__credit"},
            "VDOT is Jack Daniels' and Jimmy Gilbert's measure of running fitness (Oxygen Power, 1979; "
            "Daniels' Running Formula). This number comes from their published equations.",
        ),
        _equivalents_table(score, time_s, meters, words, unit),
        el(
            "p",
            {"class": "sl-result__note"},
            "Three models, three answers: the VDOT column assumes you train for each distance; "
            "Riegel and Cameron are curves fitted to race results. Where they disagree, the longer race is "
            "the one your training has to earn.",
        ),
        _paces_table(vdot.training_paces(score), unit),
    )


def compute(values: Mapping[str, str], context: Context) -> Reply:
    """VDOT and everything derived from it for one race result.

    "Other distance…" just chosen, with no distance typed yet, asks for one: the finish time kept from the
    race before (a marathon's) is not checked against a distance the reader has not given. Once the reader has
    pressed Calculate, the empty box is an error naming it and its range, as the glue marks every field then: the
    same prompt again would change nothing they can see or hear. Not on ``touched`` alone: a form kept by an older
    version counts every field as touched, and would call the box wrong the moment "Other distance…" is chosen.
    """
    if values["distance"] == _CUSTOM and not values["custom_distance"].strip() and not context.pressed:
        return Reply(html=_ask_distance())
    return Reply(html=_answer(values, context))


def _ask_distance() -> Html:
    return el(
        "div",
        {"class": "sl-result"},
        el(
            "p",
            {"class": "sl-result__headline", "data-summary": True},
            f"Type your race's distance above: {_CUSTOM_DISTANCE_HELP}",
        ),
    )


def save_race(values: Mapping[str, str], context: Context) -> Reply:
    """Store the form's race as the profile's recent race and its VDOT as the profile's VDOT, as the profile
    page does for a new race; the rest of the profile stays as it is."""
    if values["distance"] == _CUSTOM:
        raise InputError("distance", "Only a race distance from the list can be your profile's recent race.")
    meters, _, time_s, _ = _race(values)
    op = race_op(Race(meters=meters, time_s=time_s), context.profile_to_write())
    value = op["value"]
    return Reply(html=_answer(values, replace(context, profile=value), saved=True), ops=(op,))


CALCULATOR = Calculator(
    name="vdot",
    title="Race performance calculator",
    intro="Enter a recent race to get your VDOT, equivalent times for other distances, and your training paces.",
    compute=compute,
    actions={"save_race": save_race},
    reads=(COLLECTION, "plan"),  # a saved plan keeps its paces: the race offer says so (recent_race)
    fields=(
        Field(
            name="distance",
            label="Race distance",
            default=_DEFAULTS["distance"],
            options=(*((key, label) for key, label, _ in vdot.RACES), (_CUSTOM, "Other distance…")),
            profile_start="recent_distance",
            profile_values=_PROFILE_DISTANCES,
            help="Starts from the recent race in your profile, if you saved one; races tried here leave it as it is.",
        ),
        Field(
            name="custom_distance",
            label="Distance",
            default="",  # empty, not an example: choosing "Other distance…" must not start from a race nobody ran
            inputmode="decimal",
            help=_CUSTOM_DISTANCE_HELP,
            show_when=("distance", _CUSTOM),
        ),
        Field(
            name="custom_unit",
            label="Unit",
            default="km",
            options=_CUSTOM_UNITS,
            show_when=("distance", _CUSTOM),
            # The reader's units, as on every page: the profile's km or miles, or with none saved their region's (a US
            # browser's miles); metres, or any unit chosen here, are kept when the profile's units change.
            profile_start="units",
            keep_choice=True,
            locale_values=REGION_UNITS,
        ),
        Field(
            name="time",
            label="Finish time",
            default=_DEFAULTS["time"],
            placeholder="mm:ss",
            help="mm:ss or h:mm:ss, for example 24:30 or 1:52:00.",
            profile_start="recent_time",
        ),
        Field(
            name="units",
            label="Show paces per",
            default="km",
            options=(("km", "kilometre"), ("mi", "mile")),
            profile="units",
            locale_values=REGION_UNITS,
            help=SHARED_UNITS_HELP,
        ),
    ),
)
