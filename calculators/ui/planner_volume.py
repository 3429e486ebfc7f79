"""The planner's weekly volume boxes: a pair for each unit, so a number is only ever read in the unit it was typed in.

With one pair of boxes for every unit, switching "Volume in" from minutes to km read the 240 typed as
minutes as 240 km, without a word. Each unit now has its own boxes, shown while it is chosen: switching
shows that unit's boxes with what was last typed in that unit. An empty one is asked for, with what the
reader's other volumes come to in the new unit where that has a basis: miles and km exactly, minutes and
distance through the paces the plan itself gives each run (which need a VDOT).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from calculators import planner
from calculators.errors import InputError
from calculators.ui.calculator import Field
from calculators.units import METERS_PER_KM, METERS_PER_MILE, REGION_UNITS

__all__ = [
    "BOXES",
    "STARTING_MINUTES",
    "box_error",
    "refuse_empty_current",
    "refuse_untouched",
    "volume_fields",
    "volume_prompt",
    "volume_values",
]

#: Each unit's (current, peak) boxes. The minutes pair keeps the names the one pair had (minutes were its
#: default), so volumes a reader typed before the split stay where they were.
BOXES: dict[str, tuple[str, str]] = {
    "min": ("current_volume", "peak_volume"),
    "km": ("current_volume_km", "peak_volume_km"),
    "mi": ("current_volume_mi", "peak_volume_mi"),
}
#: The minutes box's starting figure: a first plan in minutes is sized from it, and says so first, until the reader
#: gives their own week.
STARTING_MINUTES = "240"
_MILES_IN_KM = METERS_PER_KM / METERS_PER_MILE


def volume_fields() -> tuple[Field, ...]:
    """The unit drop-down and each unit's two boxes, shown while that unit is chosen."""
    fields = [
        Field(
            name="volume_unit",
            label="Volume in",
            default="min",
            options=tuple(planner.VOLUME_UNIT_WORDS.items()),
            # A runner in miles counts miles: the unit starts from the profile's km or miles, or with none saved from
            # their region's (a US browser's miles), and a unit chosen here (minutes, say) is kept when the profile's
            # units change.
            profile_start="units",
            keep_choice=True,
            locale_values=REGION_UNITS,
        )
    ]
    for unit, (current, peak) in BOXES.items():
        low, high = planner.VOLUME_LIMITS[unit]
        word = planner.VOLUME_UNIT_WORDS[unit]
        shown = ("volume_unit", unit)
        fields += [
            Field(
                name=current,
                label=_current_label(unit),
                default=STARTING_MINUTES if unit == "min" else "",
                inputmode="decimal",
                help=f"Per week, {low:g}–{high:g} {word}.",
                show_when=shown,
            ),
            Field(
                name=peak,
                label=f"Peak weekly volume ({word}, optional)",
                default="",
                inputmode="decimal",
                help=f"Per week, from your current volume up to {high:g} {word}. Empty: stay at your current volume.",
                show_when=shown,
            ),
        ]
    return tuple(fields)


def _unit_not_given(values: Mapping[str, str]) -> str | None:
    """The chosen unit, km or miles, while the reader has given no volume of their own (every km and miles box empty,
    the minutes boxes as the form starts them); None otherwise.

    A runner whose profile is in km or miles opens the planner in that unit with its boxes empty. Sizing their first
    plan from the minutes box's starting figure gave a beginner who can run 20 minutes a 110-minute long run, with a
    note he did not read first: no plan is made until the box is filled, and the 240 minutes are never called theirs."""
    unit = values["volume_unit"]
    distances = (box for other in ("km", "mi") for box in BOXES[other])
    if unit == "min" or not _minutes_as_started(values) or any(values[box].strip() for box in distances):
        return None
    return unit


def _minutes_as_started(values: Mapping[str, str]) -> bool:
    """Whether the minutes boxes hold what the form starts them with: the example's figure, not the reader's week."""
    current, peak = BOXES["min"]
    return values[current].strip() == STARTING_MINUTES and not values[peak].strip()


def _asked_for(unit: str) -> str:
    """What the current volume box needs, in words the prompt and the error share."""
    low, high = planner.VOLUME_LIMITS[unit]
    return (
        f"enter how much you run in a week now, from {low:g} to {high:g} {planner.VOLUME_UNIT_WORDS[unit]} (or choose "
        "minutes under “Volume in”). Every run of the plan is sized from it."
    )


def refuse_untouched(values: Mapping[str, str]) -> InputError | None:
    """Why a plan in km or miles is not made while the reader has given no volume of their own; None otherwise."""
    unit = _unit_not_given(values)
    if unit is None:
        return None
    return InputError(BOXES[unit][0], f"Current weekly volume: {_asked_for(unit)}")


def volume_prompt(values: Mapping[str, str], pressed: bool) -> str | None:
    """The result's first words while no volume is given in km or miles and the reader has not pressed a button yet:
    a prompt with the box's range, not an error (None once they have pressed one: then :func:`refuse_untouched` calls
    the empty box wrong, as the glue marks every field then). Not on ``Context.touched``: a form kept without its
    touched list (kept by an older version, or only started from the profile's units) counts every field as touched,
    and the box would be called wrong on the next visit before the reader reached it."""
    unit = _unit_not_given(values)
    if unit is None or pressed:
        return None
    return f"To plan your week, go to “{_current_label(unit)}” and {_asked_for(unit)}"


def _current_label(unit: str) -> str:
    return f"Current weekly volume ({planner.VOLUME_UNIT_WORDS[unit]})"


def volume_values(values: Mapping[str, str]) -> dict[str, str]:
    """The chosen unit and its own boxes' text, as :meth:`planner.WeekPrefs.from_dict` reads them."""
    unit = values["volume_unit"]
    current, peak = BOXES[unit]
    return {"volume_unit": unit, "current_volume": values[current], "peak_volume": values[peak]}


def box_error(error: InputError, unit: str) -> InputError:
    """``error`` on the chosen unit's own box, where the planner names the volume field generically."""
    field = {"current_volume": BOXES[unit][0], "peak_volume": BOXES[unit][1]}.get(error.field)
    return error if field is None else InputError(field, error.message)


def refuse_empty_current(
    values: Mapping[str, str], week_in: Callable[[str], planner.WeekPlan | None]
) -> InputError | None:
    """Why the chosen unit's current volume box is empty while another unit's holds a volume, with what that
    volume comes to in the chosen unit where there is a basis; None when the box is filled or no other is.

    ``week_in(unit)`` is this week planned from ``unit``'s own boxes (None when they do not read).
    """
    unit = values["volume_unit"]
    if values[BOXES[unit][0]].strip():
        return None
    word = planner.VOLUME_UNIT_WORDS[unit]
    low, high = planner.VOLUME_LIMITS[unit]
    others: dict[str, str] = {}
    for other in BOXES:
        # The starting 240 minutes are the form's, not the reader's: "your 240 minutes" would call them theirs.
        started = other == "min" and _minutes_as_started(values)
        week = week_in(other) if other != unit and not started else None
        if week is not None:
            others[other] = f"{week.volume:g} {planner.VOLUME_UNIT_WORDS[other]}{_converted(week, unit)}"
    if not others:
        return None
    where = f"the {planner.VOLUME_UNIT_WORDS[next(iter(others))]} box" if len(others) == 1 else "their own boxes"
    return InputError(
        BOXES[unit][0],
        f"Current weekly volume: enter it in {word}, from {low:g} to {high:g}. "
        f"Your {' and '.join(others.values())} are kept in {where}, not read as {word}.",
    )


def _converted(week: planner.WeekPlan, unit: str) -> str:
    """The week's volume in ``unit``, in brackets: exact between km and miles, else from the minutes and km the
    plan gives each run (only with a VDOT); "" without that basis."""
    word = planner.VOLUME_UNIT_WORDS[unit]
    exact = {("km", "mi"): _MILES_IN_KM, ("mi", "km"): 1 / _MILES_IN_KM}.get((week.volume_unit, unit))
    if exact is not None:
        return f" ({week.volume * exact:.1f} {word})"
    runs = [day for day in week.days if day.minutes or day.km]
    amounts = [day.minutes if unit == "min" else day.km for day in runs]
    if not runs or None in amounts:
        return ""
    total = sum(a or 0.0 for a in amounts) * (_MILES_IN_KM if unit == "mi" else 1.0)
    return f" (about {total:.0f} {word} at your VDOT's paces)"
