"""Durations, distances and paces: parsed and formatted in one place.

Every calculator reads times as ``mm:ss`` or ``h:mm:ss`` and shows paces per
kilometre or per mile through the functions here, so a runner sees one format
across the whole site.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Concatenate, Literal, ParamSpec, TypeAlias

from calculators.errors import InputError
from calculators.ranges import NumberRange

__all__ = [
    "CM_PER_INCH",
    "DISTANCE_UNITS",
    "KG_PER_LB",
    "METERS_PER_KM",
    "METERS_PER_MILE",
    "MILES_REGIONS",
    "REGION_UNITS",
    "HeightUnit",
    "Meters",
    "PaceUnit",
    "Seconds",
    "SecondsPerKm",
    "WeightUnit",
    "cm_from",
    "count",
    "distance_in",
    "form_number",
    "format_duration",
    "format_hours",
    "format_pace",
    "format_pace_range",
    "kg_from",
    "length_in",
    "meters_from",
    "number_value",
    "pace_per",
    "pace_unit",
    "parse_duration",
    "parse_hours",
    "parse_number",
    "parse_optional_number",
    "read_decimal",
    "region_units",
    "weight_in",
]

Seconds: TypeAlias = float
Meters: TypeAlias = float
SecondsPerKm: TypeAlias = float
PaceUnit: TypeAlias = Literal["km", "mi"]
#: Countries (the region of the browser's language, ``en-US``) whose runners count in miles and lift in pounds, so a
#: profile starts there on miles. The United States only: the United Kingdom signs its roads in miles, but its races
#: (parkrun's 5 km) and gyms (kg) are metric and its runners split, so it starts on km like everywhere else.
MILES_REGIONS = ("US",)
#: A km/miles box's ``locale_values`` (:class:`calculators.ui.calculator.Field`): what it starts on in each region
#: while no profile is stored, so the glue picks what :func:`region_units` says without a copy of the list.
REGION_UNITS: tuple[tuple[str, str], ...] = tuple((region, "mi") for region in MILES_REGIONS)
WeightUnit: TypeAlias = Literal["kg", "lb"]
HeightUnit: TypeAlias = Literal["cm", "in"]

METERS_PER_KM: Meters = 1000.0
#: International mile (1959 agreement).
METERS_PER_MILE: Meters = 1609.344
DISTANCE_UNITS: dict[str, Meters] = {"m": 1.0, "km": METERS_PER_KM, "mi": METERS_PER_MILE}
#: International avoirdupois pound (1959 agreement), exactly.
KG_PER_LB = 0.45359237
#: International inch (1959 agreement), exactly.
CM_PER_INCH = 2.54

# A number as a runner types it: digits, at most one decimal comma or point, an optional sign. Not Python's
# float() syntax, which also reads "1e2", "inf", "nan" and "1_000": no form on the site means those.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
# Scientific notation ("1e20", "1,5E-3"): not a number a form takes, but one whose size the reader can be told.
_SCIENTIFIC = re.compile(_DECIMAL.pattern + r"[eE][+-]?[0-9]+")
# One to three colon-separated groups; the last may carry a decimal fraction.
_DURATION = re.compile(r"^(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d+)?)$")
# A time typed with points or commas for its colons: "22.30", "1.05.30" (each group after the first 00–59).
_DOTTED_TIME = re.compile(r"\d+(?:[.,][0-5]\d){1,2}")
# A bare number up to this many is offered back as that many minutes ("45" → 45:00) in the message.
_MINUTES_EXAMPLE_MAX = 600
# Hours as sleep trackers and readers write a night's sleep: "7:30", minutes 00–59.
_HOURS_MINUTES = re.compile(r"(\d{1,2}):([0-5]\d)")
# A unit written after decimal hours ("7.5 h", "7.5 hrs"), as sleep trackers export it.
_HOUR_WORDS = ("hours", "hour", "hrs", "hr", "h")


def region_units(region: str | None) -> PaceUnit:
    """The units a reader with no profile yet starts on: miles in :data:`MILES_REGIONS`, else km.

    ``region`` is the country of the browser's first language (``"US"`` for en-US), None when unknown.

    >>> region_units("US"), region_units("GB"), region_units(None)
    ('mi', 'km', 'km')
    """
    return "mi" if region in MILES_REGIONS else "km"


def pace_unit(choice: object) -> PaceUnit:
    """The km/miles choice a form sends or a profile stores, as a unit: miles only for ``"mi"``; anything else
    (``"km"``, nothing chosen yet, a value an older page stored) is km, the site's default.

    >>> pace_unit("mi"), pace_unit("km"), pace_unit(None)
    ('mi', 'km', 'km')
    """
    return "mi" if choice == "mi" else "km"


def count(n: int, one: str, many: str | None = None) -> str:
    """``n`` things in words: ``count(1, "session")`` is "1 session", ``count(2, "run")`` "2 runs".

    >>> count(3, "HRV reading"), count(1, "was", "were")
    ('3 HRV readings', '1 was')
    """
    return f"{n} {one if n == 1 else many or one + 's'}"


def parse_duration(text: str, *, field: str = "time", what: str = "") -> Seconds:
    """Read ``mm:ss`` or ``h:mm:ss`` (seconds may have a decimal part: ``19:57.5``).

    A number with no colon is refused in every time box: "45" could be seconds or minutes, and a
    runner who types it for a run or a race means minutes, so the reader is asked, never guessed for.
    A point or comma where a colon belongs (``22.30``, ``1.05.30``) is refused with the time it
    looks like (``22:30``), not read as 22.3 seconds. ``what`` (the field as the reader knows it,
    "Duration") starts the message when given.

    >>> parse_duration("19:57")
    1197.0
    >>> parse_duration("1:31:35")
    5495.0
    >>> parse_duration("22.30")
    Traceback (most recent call last):
    calculators.errors.InputError: time: “22.30” has a point where a time has a colon. Type mm:ss or h:mm:ss: 22:30.

    Raises:
        InputError: empty text, letters, a number with no colon, minutes/seconds of 60 or more
            after the first group (``1:75``), or a group after the first that is not two digits (``45:3``).
    """
    cleaned = text.strip()

    def refuse(message: str) -> InputError:
        return InputError(field, f"{what}: {message[0].lower()}{message[1:]}" if what else message)

    if not cleaned:
        raise refuse("Enter a time as mm:ss or h:mm:ss, for example 24:30 or 1:52:00.")
    if _DOTTED_TIME.fullmatch(cleaned):
        meant = re.sub("[.,]", ":", cleaned)
        raise refuse(
            f"“{cleaned}” has a {'point' if '.' in cleaned else 'comma'} where a time has a colon. "
            f"Type mm:ss or h:mm:ss: {meant}."
        )
    if _DECIMAL.fullmatch(cleaned) and cleaned[0] not in "+-":
        minutes = int(cleaned) if cleaned.isdigit() else 0
        example = (
            f"{format_duration(minutes * 60)} for {count(minutes, 'minute')}"
            if 1 <= minutes <= _MINUTES_EXAMPLE_MAX
            else "24:30 or 1:52:00"
        )
        raise refuse(f"“{cleaned}” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example {example}.")
    match = _DURATION.match(cleaned)
    if match is None:
        raise refuse(f"“{cleaned}” is not a time. Use mm:ss or h:mm:ss with digits only, for example 24:30 or 1:52:00.")
    first, second, last = match.groups()
    seconds = float(last.replace(",", "."))
    groups = [int(g) for g in (first, second) if g is not None]
    if seconds >= 60:
        raise refuse(f"Seconds must be 0–59; “{cleaned}” has {last}.")
    if len(groups) == 2 and groups[1] >= 60:
        raise refuse(f"Minutes must be 0–59 after the hours; “{cleaned}” has {groups[1]}.")
    # "45:3" could be 45:03 or 45:30 (a zero dropped at the end), so nothing is guessed: on a clock every
    # group after the first has two digits.
    later = cleaned.split(":")[1:]
    wholes = [re.split("[.,]", part, maxsplit=1)[0] for part in later]
    if any(len(whole) != 2 for whole in wholes):
        shape, unit = ("h:mm:ss", "minutes and seconds") if len(later) == 2 else ("mm:ss", "seconds")
        padded = [f"{int(whole):02d}{part[len(whole) :]}" for whole, part in zip(wholes, later, strict=True)]
        example = ":".join([cleaned.split(":")[0], *padded])
        raise refuse(f"After a colon, {unit} take two digits (00–59). Type it as {shape}, e.g. {example}.")
    total = seconds
    for multiplier, value in zip((60, 3600)[: len(groups)], reversed(groups), strict=True):
        total += multiplier * value
    return total


def format_duration(seconds: Seconds) -> str:
    """Format seconds as ``m:ss`` under an hour and ``h:mm:ss`` from an hour, rounded to the second.

    >>> format_duration(1197.4)
    '19:57'
    >>> format_duration(11449)
    '3:10:49'
    """
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"cannot format a duration of {seconds!r} seconds")
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_hours(hours: float) -> str:
    """Hours as ``h:mm``, rounded to the minute: sleep as the reader types it.

    >>> format_hours(7.5), format_hours(6 + 5 / 60), format_hours(8)
    ('7:30', '6:05', '8:00')
    """
    whole, minutes = divmod(round(hours * 60), 60)
    return f"{whole}:{minutes:02d}"


def duration_words(seconds: Seconds) -> str:
    """A duration in words, rounded to the second, for messages that must not be misread.

    >>> duration_words(90), duration_words(5400), duration_words(3600)
    ('1 minute 30 seconds', '1 hour 30 minutes', '1 hour')
    """
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [count(n, word) for n, word in ((hours, "hour"), (minutes, "minute"), (secs, "second")) if n]
    return " ".join(parts) or "0 seconds"


def distance_in(km: float, unit: PaceUnit) -> float:
    """``km`` in ``unit`` to a tenth, as a plan's distance is read ("1.5 mi"): a plan stores km, a plan in miles its
    half miles among them.

    >>> distance_in(4.5, "mi"), distance_in(2.414016, "mi"), distance_in(4.54, "km")
    (2.8, 1.5, 4.5)
    """
    return round(km * METERS_PER_KM / DISTANCE_UNITS[unit], 1)


def pace_per(seconds_per_km: SecondsPerKm, unit: PaceUnit) -> Seconds:
    """Seconds per kilometre converted to seconds per ``unit`` (km or mi)."""
    return seconds_per_km * DISTANCE_UNITS[unit] / METERS_PER_KM


def format_pace(seconds_per_km: SecondsPerKm, unit: PaceUnit) -> str:
    """A pace with its unit, e.g. ``4:15 /km`` or ``6:50 /mi``.

    >>> format_pace(255, "km")
    '4:15 /km'
    """
    return f"{format_duration(pace_per(seconds_per_km, unit))} /{unit}"


def format_pace_range(paces: tuple[SecondsPerKm, ...], unit: PaceUnit, *, with_unit: bool = True) -> str:
    """A pace or a range of paces (fast to slow) with its unit once: ``9:54–11:10 /mi``, not
    ``9:54 /mi – 11:10 /mi``, whose repeated unit made a phone's pace column wider than the screen.

    Ends that show as the same second are one pace. ``with_unit=False`` is for a column whose header
    names the unit ("per mile"), so each cell is only figures.

    >>> format_pace_range((594.0, 670.0), "km"), format_pace_range((342.2, 342.4), "km")
    ('9:54–11:10 /km', '5:42 /km')
    >>> format_pace_range((369.0, 416.5), "mi", with_unit=False)
    '9:54–11:10'
    """
    shown = dict.fromkeys(format_duration(pace_per(pace, unit)) for pace in paces)
    figures = "–".join(shown)
    return f"{figures} /{unit}" if with_unit else figures


def read_decimal(text: str) -> float | None:
    """A plain decimal number (comma or point) as typed in a form; ``None`` for anything else.

    >>> read_decimal(" 52,5 ")
    52.5
    >>> read_decimal("1e2") is None and read_decimal("inf") is None
    True
    """
    cleaned = text.strip()
    return float(cleaned.replace(",", ".")) if _DECIMAL.fullmatch(cleaned) else None


def _accepted(low: float, high: float, unit: str, whole: bool = False) -> str:
    return NumberRange(what="", low=low, high=high, unit=unit, whole=whole).words()


def _beyond(what: str, shown: str, value: float, low: float, high: float, accepted: str) -> str | None:
    """The message for a number written in scientific notation ("1e20") outside ``[low, high]``, else None.

    Such a number is no typing slip of a digit: saying it is not a number would be false, and the
    reader needs to hear which way it is out of the range (float() reads "1e400" as infinity, still too large).
    """
    if low <= value <= high:
        return None
    return f"{what}: “{shown}” is too {'large' if value > high else 'small'}. {accepted}"


#: The words a reader types after a number for each unit a box takes ("315lbs", "55 min"), lower case.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "cm": ("cm",),
    "in": ("in", "inch", "inches"),
    "min": ("min", "mins", "minute", "minutes"),
    "s": ("s", "sec", "secs", "second", "seconds"),
}
#: Units of one quantity: a number typed in one of them in a box that takes another is refused by name.
_SAME_QUANTITY = (("kg", "lb"), ("cm", "in"), ("min", "s"))
#: A number with a word after it, spaced or not: "315lbs", "55 min".
_NUMBER_AND_WORD = re.compile(r"(.*?[0-9.,])\s*([^\W\d_]+)\.?")


def _unit_removed(text: str, *, field: str, what: str, unit: str, accepted: str) -> str:
    """``text`` without the unit word after its number when that is ``unit``'s ("315lbs" in a box in lb: "315");
    as it is when no unit word ends it (the number check then says what is wrong).

    Raises:
        InputError: the word is another unit of the same quantity ("140 kg" in a box in lb): refused by name, never
            converted, as a number typed in the wrong unit is a misreading of the box more often than not.
    """
    found = _NUMBER_AND_WORD.fullmatch(text.strip())
    if not found or not unit:
        return text
    word = found[2].lower()
    if word in _UNIT_WORDS.get(unit, ()):
        return found[1]
    for group in _SAME_QUANTITY:
        other = next((u for u in group if unit in group and u != unit and word in _UNIT_WORDS[u]), None)
        if other:
            raise InputError(field, f"{what}: “{text.strip()}” is in {other}, but this box takes {unit}. {accepted}")
    return text


def parse_number(
    text: str,
    *,
    field: str,
    what: str,
    low: float,
    high: float,
    unit: str = "",
    whole: bool = False,
    low_open: bool = False,
    entered: str = "",
) -> float:
    """Read a plain decimal number (comma or point) and check it lies in ``[low, high]`` (above ``low`` with
    ``low_open``); with ``whole``, that it has no fraction (a heart rate the reader sets is whole beats: "190,5" is a
    slip, not a setting). The unit may follow the number ("315lbs", "55 min"); another unit of the same quantity is
    refused ("140 kg" in a box in lb), never converted.

    Scientific notation, infinities and NaN are not numbers here (:func:`read_decimal`), but a
    number in scientific notation outside the range is called too large or too small.
    The message starts with ``what`` (the field as the reader knows it: "RPE", "Set 2 of
    Hip thrust, load"), as the status line reads it away from its box, and names the
    accepted range with its unit (:class:`~calculators.ranges.NumberRange`, ``entered`` saying what the box takes in
    place of "a number"); nothing is clamped.

    >>> parse_number("11", field="rpe", what="RPE", low=1, high=10)
    Traceback (most recent call last):
    calculators.errors.InputError: rpe: RPE: 11 is out of range. Enter a number between 1 and 10.
    >>> parse_number("1e20", field="rpe", what="RPE", low=1, high=10)
    Traceback (most recent call last):
    calculators.errors.InputError: rpe: RPE: “1e20” is too large. Enter a number between 1 and 10.
    >>> parse_number("315lbs", field="load", what="Load", low=0, high=1100, unit="lb", low_open=True)
    315.0
    >>> parse_number("14 kg", field="x", what="Load", low=1, high=9, unit="lb")
    Traceback (most recent call last):
    calculators.errors.InputError: x: Load: “14 kg” is in kg, but this box takes lb. Enter a number between 1 and 9 lb.
    """
    rule = NumberRange(what=what, low=low, high=high, unit=unit, low_open=low_open, entered=entered)
    accepted = rule.words()
    number = _unit_removed(text, field=field, what=what, unit=unit, accepted=accepted)
    cleaned = number.strip().replace(",", ".")
    suffix = f" {unit}" if unit else ""
    if not cleaned:
        raise InputError(field, f"{what}: {accepted[0].lower()}{accepted[1:]}")
    value = read_decimal(number)
    if value is None:
        if _SCIENTIFIC.fullmatch(cleaned):
            message = _beyond(what, text.strip(), float(cleaned), low, high, accepted)
            if message:
                raise InputError(field, message)
        raise InputError(field, f"{what}: “{text.strip()}” is not a number. {accepted}")
    if not math.isfinite(value) or not rule.holds(value):
        raise InputError(field, f"{what}: {cleaned}{suffix} is out of range. {accepted}")
    if whole and not value.is_integer():
        raise InputError(field, f"{what}: {cleaned}{suffix} is not a whole number. {replace(rule, whole=True).words()}")
    return value


def number_value(value: object, *, field: str, what: str, low: float, high: float, unit: str = "") -> float:
    """:func:`parse_number` for a value that is form text or a number already stored (``5000.0``).

    Anything else (``True``, a list) is refused as text that is not a number would be. A stored
    float reads as Python writes it (``1e+20``: too large); an infinite one is said to be too large
    or too small without printing ``inf``.
    """
    if isinstance(value, float) and math.isinf(value):
        raise InputError(
            field, f"{what}: the value is too {'large' if value > 0 else 'small'}. {_accepted(low, high, unit)}"
        )
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)[:20]
    return parse_number(text, field=field, what=what, low=low, high=high, unit=unit)


def parse_hours(text: str, *, field: str, what: str, low: float, high: float) -> float:
    """Read hours as a decimal (``7.5``, ``7,5 h``) or as ``h:mm`` (``7:30``) and check they lie in ``[low, high]``.

    Sleep trackers export a night's sleep either way, and readers type it either way: the HRV CSV
    import and the morning's hand entry both read it here. The message starts with ``what`` and
    names the range in hours and both ways of writing it; nothing is clamped.

    >>> parse_hours("7:30", field="sleep", what="Sleep", low=0, high=24)
    7.5
    >>> parse_hours("6,25 h", field="sleep", what="Sleep", low=0, high=24)
    6.25

    Raises:
        InputError: empty text, neither hours nor h:mm (``7:75``), or hours outside ``[low, high]``.
    """
    cleaned = text.strip()
    accepted = f"Enter a time between {low:g} and {high:g} hours, as hours (7.5) or h:mm (7:30)."
    if not cleaned:
        raise InputError(field, f"{what}: {accepted[0].lower()}{accepted[1:]}")
    clock = _HOURS_MINUTES.fullmatch(cleaned)
    if clock:
        value: float | None = int(clock[1]) + int(clock[2]) / 60
    else:
        number = cleaned.lower()
        word = next((w for w in _HOUR_WORDS if number.endswith(w)), "")
        value = read_decimal(number.removesuffix(word))
    if value is None and _SCIENTIFIC.fullmatch(cleaned):
        message = _beyond(what, cleaned, float(cleaned.replace(",", ".")), low, high, accepted)
        if message:
            raise InputError(field, message)
    if value is None:
        raise InputError(field, f"{what}: “{cleaned}” is not a time in hours. {accepted}")
    if not low <= value <= high:
        raise InputError(field, f"{what}: {value:g} hours is out of range. {accepted}")
    return value


#: The keywords a number parser takes after the text (:func:`parse_optional_number` takes :func:`parse_number`'s).
_Rules = ParamSpec("_Rules")


def _empty_as_none(
    parse: Callable[Concatenate[str, _Rules], float],
) -> Callable[Concatenate[str, _Rules], float | None]:
    """``parse`` with an empty box read as "not given" (None); its keywords are ``parse``'s own, kept there alone."""

    def parse_optional(text: str, /, *args: _Rules.args, **kwargs: _Rules.kwargs) -> float | None:
        return None if not text.strip() else parse(text, *args, **kwargs)

    return parse_optional


#: Like :func:`parse_number`, with the same keywords, but an empty box means "not given" (None).
parse_optional_number = _empty_as_none(parse_number)


def form_number(value: float) -> str:
    """A number as form text that reads back exactly, as forms send and the profile stores numbers:
    ``"190"``, ``"52.3"``, ``"21097.5"`` metres."""
    return str(int(value)) if value.is_integer() else repr(value)


def meters_from(value: float, unit: str) -> Meters:
    """A distance in ``unit`` (m, km or mi) converted to metres."""
    try:
        return value * DISTANCE_UNITS[unit]
    except KeyError:
        raise InputError("unit", f"Unknown distance unit “{unit}”. Use m, km or mi.") from None


def kg_from(weight: float, unit: WeightUnit) -> float:
    """A weight given in ``unit`` as the logs store it: kg as given; lb in kg to the 10 g.

    Ten grams is finer than any plate, and it brings a load back to the tenth of a pound it was
    typed to (:func:`weight_in`).

    >>> kg_from(135, "lb"), kg_from(60, "kg")
    (61.23, 60)
    """
    return weight if unit == "kg" else round(weight * KG_PER_LB, 2)


def weight_in(kg: float, unit: WeightUnit) -> float:
    """A weight in kilograms given in ``unit``, not rounded (:func:`kg_from` is the way back).

    >>> round(weight_in(61.23, "lb"), 1)
    135.0
    """
    return kg if unit == "kg" else kg / KG_PER_LB


def cm_from(height: float, unit: HeightUnit) -> float:
    """A height given in ``unit`` as the logs store it: cm as given; inches in cm to the tenth of a millimetre.

    A tenth of a millimetre brings a height back to the tenth of an inch it was typed to (:func:`length_in`).

    >>> cm_from(12, "in"), cm_from(13.8, "in"), cm_from(30, "cm")
    (30.48, 35.05, 30)
    """
    return height if unit == "cm" else round(height * CM_PER_INCH, 2)


def length_in(cm: float, unit: HeightUnit) -> float:
    """A length in centimetres given in ``unit``, not rounded (:func:`cm_from` is the way back).

    >>> round(length_in(30.48, "in"), 1), round(length_in(35.0, "in"), 1)
    (12.0, 13.8)
    """
    return cm if unit == "cm" else cm / CM_PER_INCH
