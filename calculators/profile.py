"""The reader's profile, set once and read by every calculator as its defaults (DESIGN.md, "Contracts").

The browser keeps it as one entry: collection ``profile``, id ``profile``. Its keys and
value formats are the ones the calculators' shared form fields already write there
(``data-profile``): form text, so ``"km"``, ``"52.3"``, ``"190"``, ``"female"``, and ``""``
for "not given". Day sets use the planner's own check-box tokens, weekday numbers joined by
commas (``"0,3"``; 0 = Monday … 6 = Sunday); :meth:`Profile.from_dict` also reads day names
(``"mon,thu"``) and lists. The one exception is ``week_start``: an integer, 0 (Monday) or 6
(Sunday), because the strength log already reads it as one. Keys this version does not know
are kept as they are.

- ``units``: ``"km"`` / ``"mi"`` (race calculator, planner, run log);
- ``weights``: ``"kg"`` / ``"lb"`` / ``""`` for "as my distances" (pounds with miles, else kilograms): the unit
  of lifting loads in the strength log and the Strong import, :attr:`Profile.weight_unit`;
- ``vdot``: ``"52.3"`` (planner, run log for the E pace);
- ``recent_distance`` (metres, ``"5000"``) and ``recent_time`` (``"19:57"``): a recent race, → VDOT;
- ``hr_rest`` (25–120 bpm) and ``hr_max`` (100–230 bpm): run log (HR cap, TRIMP);
- ``sex``: ``"female"`` / ``"male"`` / ``""`` (TRIMP coefficients);
- ``run_weekdays``: the days the reader can run, ``"0,1,3,5"`` (3–7 of them; the planner's
  "days you can train", from which it picks its run days);
- ``runs_per_week``: the planner's "runs per week", ``"5"`` (3–6): the number last chosen on the planner until
  the profile form changes the days the reader can run; blank, one run on each of those days (at most 6);
- ``hard_days`` (``"0,3"``), ``long_run_day`` (``"5"``), ``race_date`` (``"2026-10-04"``) and
  ``race_distance`` (metres, ``"42195"``): the planner's own field names and values;
- ``week_start``: ``0`` or ``6`` (strength log, calendar);
- ``hard_runs``: the planner's Hard runs choice, its own field name and values: ``""`` tempo and intervals (the
  guide's week), ``"none"`` easy weeks (a beginner, or a comeback), :attr:`Profile.easy_weeks`. A profile stored
  before the key has no choice (None): it reads as the guide's week, and the key stays out of the stored entry until
  the runner chooses, here or on the planner, so a choice kept with the planner's form before then still stands.

The usual run days are ``run_weekdays``, not ``run_days``: the planner's ``run_days`` is a
count of runs, kept here as ``runs_per_week``; a shared key with two meanings would break one of the two forms.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, TypeAlias

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.load import HR_MAX_MAX, HR_MAX_MIN, HR_REST_MAX, HR_REST_MIN, check_heart_rates
from calculators.season import MAX_WEEKS, latest_race_date
from calculators.units import (
    PaceUnit,
    WeightUnit,
    form_number,
    format_duration,
    number_value,
    parse_duration,
    parse_optional_number,
    region_units,
)
from calculators.vdot import (
    RACE_METERS_MAX,
    RACE_METERS_MIN,
    RACE_SECONDS_MAX,
    RACE_SECONDS_MIN,
    VDOT_MAX,
    VDOT_MIN,
    check_race_time,
    race_words,
    training_paces,
    vdot_from_race,
)
from calculators.week_prefs import RUN_DAYS_MAX, RUN_DAYS_MIN, WEEKDAY_NAMES

#: Days the reader can run: any 3 or more (the planner runs on at most RUN_DAYS_MAX of them).
RUN_WEEKDAYS_MAX = 7

__all__ = [
    "COLLECTION",
    "EASY_WEEKS",
    "ENTRY_ID",
    "WEEK_STARTS",
    "Profile",
    "ProfileReading",
    "accepted_words",
    "check_next_race",
    "read_each",
    "read_profile",
]

COLLECTION = "profile"
ENTRY_ID = "profile"
#: The weeks a calendar can start on: Monday (the default) or Sunday.
WEEK_STARTS = (0, 6)
Sex: TypeAlias = Literal["female", "male"]
_KNOWN = (
    "units", "weights", "vdot", "recent_distance", "recent_time", "hr_rest", "hr_max", "sex",
    "run_weekdays", "runs_per_week", "hard_days", "long_run_day", "week_start", "race_date", "race_distance",
    "hard_runs",
)  # fmt: skip
#: The planner's Hard runs value for weeks with no hard runs (calculators.ui.season_planner's choice).
EASY_WEEKS = "none"
_DAYS = "Choose days of the week from Monday to Sunday."
_HARD_RUNS = "Hard runs: choose “Tempo and intervals” or “None: easy weeks”."
#: The heart rates the profile keeps: the label a message starts with and the accepted range, in bpm.
_HEART_RATES = {
    "hr_rest": ("Resting heart rate", HR_REST_MIN, HR_REST_MAX),
    "hr_max": ("HR max", HR_MAX_MIN, HR_MAX_MAX),
}
_BPM = "beats per minute"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: Any, name: str, what: str, low: float, high: float, unit: str = "") -> float | None:
    """A number given as a number or as form text, as every form reads it; blank means not given."""
    return None if _blank(value) else number_value(value, field=name, what=what, low=low, high=high, unit=unit)


def _distance(value: Any, name: str) -> float | None:
    try:
        return _number(value, name, "Race distance", RACE_METERS_MIN, RACE_METERS_MAX, "metres")
    except InputError:
        km = f"{RACE_METERS_MIN / 1000:g} km and {RACE_METERS_MAX / 1000:g} km"
        raise InputError(name, f"Race distance must be between {km}, given in metres.") from None


def _race_time(value: Any) -> float | None:
    """The recent race's finish time: form text (h:mm:ss) or a stored number of seconds; blank means not given."""
    if isinstance(value, str) and not _blank(value):
        return parse_duration(value, field="recent_time")
    # The range for its distance is checked once both are known (_check_race), with the range in h:mm:ss.
    return _number(value, "recent_time", "Its finish time", RACE_SECONDS_MIN, RACE_SECONDS_MAX, "seconds")


def _weekday(value: Any, name: str) -> int:
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isdigit():
            value = int(text)
        else:
            for number, day in enumerate(WEEKDAY_NAMES):
                if len(text) >= 3 and day.lower().startswith(text):
                    return number
            raise InputError(name, _DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise InputError(name, _DAYS)
    return value


def _weekdays(value: Any, name: str) -> tuple[int, ...]:
    if _blank(value):
        return ()
    parts = value.split(",") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple):
        raise InputError(name, _DAYS)
    return tuple(sorted({_weekday(part, name) for part in parts if not _blank(part)}))


def _easy_weeks(data: Mapping[str, Any]) -> bool | None:
    """The Hard runs choice: None when the profile has none (stored before the key), else whether it is easy weeks."""
    if "hard_runs" not in data or data["hard_runs"] is None:
        return None
    value = data["hard_runs"]
    if not isinstance(value, str) or value.strip() not in ("", EASY_WEEKS):
        raise InputError("hard_runs", _HARD_RUNS)
    return value.strip() == EASY_WEEKS


def _text(value: float | None) -> str:
    """A number as form text, ``""`` for none."""
    return "" if value is None else form_number(value)


def _days_text(days: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in days)


def _names(days: tuple[int, ...]) -> str:
    return ", ".join(WEEKDAY_NAMES[d] for d in days)


@dataclass(frozen=True, kw_only=True, slots=True)
class Profile:
    """The reader's shared settings (the stored keys are in the module docstring); every field is checked.

    ``vdot`` (Daniels' VDOT method) comes from the recent race (``recent_distance_m`` in
    ``recent_time_s``, 1–50 km in 3:00–6:00:00, both or neither) when it is not given itself.
    Heart rates are optional, rest below max; ``run_weekdays`` are 3–7 weekdays (0 = Monday),
    ``hard_days`` and ``long_run_day`` lie among them, the long run not on a hard day. ``runs_per_week``
    (3–6) is one run on each of the ``run_weekdays`` (at most 6) when not given. ``easy_weeks`` is the planner's
    Hard runs choice (True: easy weeks, no hard runs), None when the runner has not chosen.
    ``extra`` holds stored keys this version does not know, written back unchanged.
    """

    units: PaceUnit = "km"
    weights: WeightUnit | None = None
    vdot: float | None = None
    recent_distance_m: float | None = None
    recent_time_s: float | None = None
    hr_rest: float | None = None
    hr_max: float | None = None
    sex: Sex | None = None
    run_weekdays: tuple[int, ...] = ()
    runs_per_week: int | None = None
    hard_days: tuple[int, ...] = ()
    long_run_day: int | None = None
    week_start: int = 0
    race_date: date | None = None
    race_distance_m: float | None = None
    easy_weeks: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.units not in ("km", "mi"):
            raise InputError("units", "Choose kilometres (km) or miles (mi).")
        if self.weights not in ("kg", "lb", None):
            raise InputError("weights", "Choose kg or lb for lifting weights, or “as my distances”.")
        if self.sex not in ("female", "male", None):
            raise InputError("sex", "Choose female, male, or leave it empty.")
        start = 0 if _blank(self.week_start) else _weekday(self.week_start, "week_start")
        if start not in WEEK_STARTS:
            raise InputError("week_start", "A week starts on Monday or on Sunday.")
        object.__setattr__(self, "week_start", start)
        self._check_race()
        vdot = _number(self.vdot, "vdot", "VDOT", VDOT_MIN, VDOT_MAX)
        if vdot is None and self.recent_distance_m is not None and self.recent_time_s is not None:
            vdot = self.race_vdot
        object.__setattr__(self, "vdot", vdot)
        rest = _number(self.hr_rest, "hr_rest", *_HEART_RATES["hr_rest"], _BPM)
        top = _number(self.hr_max, "hr_max", *_HEART_RATES["hr_max"], _BPM)
        if rest is not None and top is not None:
            check_heart_rates(rest, top)
        object.__setattr__(self, "hr_rest", rest)
        object.__setattr__(self, "hr_max", top)
        self._check_days()
        object.__setattr__(self, "race_distance_m", _distance(self.race_distance_m, "race_distance"))
        if self.easy_weeks not in (True, False, None):
            raise InputError("hard_runs", _HARD_RUNS)

    def _check_race(self) -> None:
        distance, time = self.recent_distance_m, self.recent_time_s
        if (distance is None) != (time is None):
            missing = "recent_time" if time is None else "recent_distance"
            raise InputError(missing, "A recent race needs both its distance and its finish time, or neither.")
        if distance is None or time is None:
            return
        object.__setattr__(self, "recent_time_s", round(time, 2))
        try:
            check_race_time(time, distance, field="recent_time", distance=race_words(distance, self.units))
        except InputError as error:
            raise InputError("recent_distance" if error.field == "distance" else "recent_time", error.message) from None

    def _check_days(self) -> None:
        runs, hard = _weekdays(self.run_weekdays, "run_weekdays"), _weekdays(self.hard_days, "hard_days")
        count = _number(self.runs_per_week, "runs_per_week", "Runs per week", RUN_DAYS_MIN, RUN_DAYS_MAX)
        if count is not None and not count.is_integer():
            raise InputError("runs_per_week", f"Runs per week is a whole number from {RUN_DAYS_MIN} to {RUN_DAYS_MAX}.")
        if count is None and runs:
            # Not chosen on the planner: ticking five days means running five, not the planner's default 4 of them.
            count = min(len(runs), RUN_DAYS_MAX)
        object.__setattr__(self, "runs_per_week", None if count is None else int(count))
        long = None if _blank(self.long_run_day) else _weekday(self.long_run_day, "long_run_day")
        object.__setattr__(self, "run_weekdays", runs)
        object.__setattr__(self, "hard_days", hard)
        object.__setattr__(self, "long_run_day", long)
        if runs and not RUN_DAYS_MIN <= len(runs) <= RUN_WEEKDAYS_MAX:
            chosen = f"you chose {len(runs)}"
            raise InputError("run_weekdays", f"Choose at least {RUN_DAYS_MIN} days you can run; {chosen}.")
        if runs and not set(hard) <= set(runs):
            off = tuple(d for d in hard if d not in runs)
            raise InputError("hard_days", f"{_names(off)} is not one of your run days; hard days are run days.")
        if long is not None and (long in hard or (runs and long not in runs)):
            raise InputError("long_run_day", "The long run goes on one of your run days that is not a hard day.")

    @property
    def race_vdot(self) -> float | None:
        """The VDOT of the recent race, to one decimal as the race calculator shows it; None without one."""
        if self.recent_distance_m is None or self.recent_time_s is None:
            return None
        return round(vdot_from_race(self.recent_distance_m, self.recent_time_s), 1)

    @property
    def easy_pace(self) -> tuple[float, float] | None:
        """The E-pace range (s/km, fast → slow) from the VDOT (Daniels' Running Formula), or None."""
        return None if self.vdot is None else training_paces(self.vdot).easy

    @property
    def weight_unit(self) -> WeightUnit:
        """The unit lifting loads are shown and typed in: the reader's ``weights`` when chosen, else lb for a
        reader whose units are miles and kg for one in kilometres.

        Stridelab's rule, the one place it is written: someone who runs in miles most likely lifts in pounds;
        a reader for whom that is wrong (miles and kilograms in the UK) says so in ``weights``.
        Loads are stored in kg whatever it is (:mod:`calculators.load_units`).
        """
        if self.weights is not None:
            return self.weights
        return "lb" if self.units == "mi" else "kg"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Read the stored profile (or the profile form's values); missing and blank keys are "not given".

        Raises:
            InputError: a value out of range or of the wrong kind, naming its key.
        """
        if not isinstance(data, Mapping):
            raise InputError("profile", "The stored profile is not readable.")
        race_date = None
        if not _blank(data.get("race_date")):
            try:
                race_date = date.fromisoformat(str(data["race_date"]).strip())
            except ValueError:
                raise InputError("race_date", "Give the race date as a date (YYYY-MM-DD).") from None
        time = _race_time(data.get("recent_time"))
        return cls(
            units=str(data.get("units") or "km").strip(),  # type: ignore[arg-type]  # checked on build
            weights=None if _blank(data.get("weights")) else data.get("weights"),
            vdot=_number(data.get("vdot"), "vdot", "VDOT", VDOT_MIN, VDOT_MAX),
            recent_distance_m=_distance(data.get("recent_distance"), "recent_distance"),
            recent_time_s=time,
            hr_rest=data.get("hr_rest"),
            hr_max=data.get("hr_max"),
            sex=None if _blank(data.get("sex")) else data.get("sex"),
            run_weekdays=data.get("run_weekdays") or (),
            runs_per_week=data.get("runs_per_week"),
            hard_days=data.get("hard_days") or (),
            long_run_day=data.get("long_run_day"),
            week_start=data.get("week_start", 0),
            race_date=race_date,
            race_distance_m=data.get("race_distance"),
            easy_weeks=_easy_weeks(data),
            extra={k: deepcopy(v) for k, v in data.items() if k not in _KNOWN},
        )

    @classmethod
    def from_form(cls, values: Mapping[str, Any], *, today: date, stored: Profile | None = None) -> Profile:
        """The profile form's values over the ``stored`` profile; the next race as :func:`check_next_race` takes it.

        A recent race sets the VDOT only when it is new: not the race ``stored`` already holds. A VDOT
        the reader set by hand in another tool after saving their race is theirs, and saving an
        unrelated change keeps it; entering a race again is what says its VDOT is wanted. Runs per week
        (not on the profile form) follow the same rule: the number chosen on the planner stays until the form
        changes the days you can run; then it is one run on each of them, at most ``RUN_DAYS_MAX``.

        Raises:
            InputError: a value out of range or of the wrong kind, a heart rate with a fraction of a beat, a
                race date before ``today``, or a race date without a race distance.
        """
        for key, (what, low, high) in _HEART_RATES.items():
            # Typed, a heart rate is whole beats ("190,5" is a slip); a stored fraction still reads, as before.
            if isinstance(values.get(key), str):
                parse_optional_number(values[key], field=key, what=what, low=low, high=high, unit=_BPM, whole=True)
        profile = cls.from_dict(values)
        check_next_race(profile.race_date, profile.race_distance_m, today=today)
        stored = stored or cls()
        if profile.race_vdot is not None and not profile.same_race(stored):
            profile = replace(profile, vdot=profile.race_vdot)
        if _blank(values.get("runs_per_week")) and profile.run_weekdays == stored.run_weekdays:
            profile = replace(profile, runs_per_week=stored.runs_per_week)
        return profile

    def same_race(self, other: Profile) -> bool:
        """Whether ``other`` holds this profile's recent race (distance and time), or both hold none."""
        return (self.recent_distance_m, self.recent_time_s) == (other.recent_distance_m, other.recent_time_s)

    def to_dict(self) -> dict[str, Any]:
        """The stored entry: form text for every key (``""`` when not given), unknown keys kept."""
        time = self.recent_time_s
        time_text = "" if time is None else format_duration(time)
        if time is not None and not float(time).is_integer():
            whole = math.floor(time)
            time_text = format_duration(whole) + f"{time - whole:.2f}".lstrip("0")
        stored = deepcopy(self.extra) | {
            "units": self.units,
            "weights": self.weights or "",
            "vdot": _text(self.vdot),
            "recent_distance": _text(self.recent_distance_m),
            "recent_time": time_text,
            "hr_rest": _text(self.hr_rest),
            "hr_max": _text(self.hr_max),
            "sex": self.sex or "",
            "run_weekdays": _days_text(self.run_weekdays),
            "runs_per_week": "" if self.runs_per_week is None else str(self.runs_per_week),
            "hard_days": _days_text(self.hard_days),
            "long_run_day": "" if self.long_run_day is None else str(self.long_run_day),
            "week_start": self.week_start,
            "race_date": "" if self.race_date is None else self.race_date.isoformat(),
            "race_distance": _text(self.race_distance_m),
        }
        if self.easy_weeks is not None:  # no choice yet: no key, so the planner's own choice stands (module docstring)
            stored["hard_runs"] = EASY_WEEKS if self.easy_weeks else ""
        return stored


_DAY_NUMBERS = "numbers from 0 (Monday) to 6 (Sunday)"
_RACE_METRES = f"a distance in metres from {RACE_METERS_MIN:g} to {RACE_METERS_MAX:g}"
#: What each stored key may hold, in words, for a stored profile that holds something else (a restored backup).
_ACCEPTED = {
    "units": "kilometres (km) or miles (mi)",
    "weights": "kg, lb, or empty for “as my distances”",
    "vdot": f"a number from {VDOT_MIN:g} to {VDOT_MAX:g}, or empty",
    "recent_distance": f"{_RACE_METRES}, or empty",
    "recent_time": "a finish time as mm:ss or h:mm:ss, or empty",
    "hr_rest": f"from {HR_REST_MIN:g} to {HR_REST_MAX:g} beats per minute, or empty",
    "hr_max": f"from {HR_MAX_MIN:g} to {HR_MAX_MAX:g} beats per minute, or empty",
    "sex": "female, male, or empty",
    "run_weekdays": f"{RUN_DAYS_MIN} to {RUN_WEEKDAYS_MAX} days of the week as {_DAY_NUMBERS}, or empty",
    "runs_per_week": f"a whole number from {RUN_DAYS_MIN} to {RUN_DAYS_MAX}, or empty",
    "hard_days": f"days of the week as {_DAY_NUMBERS}, or empty",
    "long_run_day": "a day of the week as a number from 0 (Monday) to 6 (Sunday), or empty",
    "week_start": "0 (Monday) or 6 (Sunday)",
    "race_date": "a date written YYYY-MM-DD, or empty",
    "race_distance": f"{_RACE_METRES}, or empty",
    "hard_runs": f"“{EASY_WEEKS}” for easy weeks, or empty for tempo and intervals",
}


def accepted_words(key: str, value: Any) -> str | None:
    """What ``key`` may hold, in words, when ``value`` is not of that kind on its own; None when it is.

    None also when ``value`` would read alone, so the profile broke a rule between two keys (hard days
    that are not run days, a resting HR above HR max): its own message says which.

    >>> accepted_words("units", "furlongs")
    'kilometres (km) or miles (mi)'
    >>> accepted_words("hard_days", "4") is None  # a day, only not among the run days
    True
    """
    if key not in _ACCEPTED:
        return None
    try:
        if key == "recent_time":  # alone it breaks "both or neither": read it as from_dict reads it
            _race_time(value)
        elif key == "recent_distance":
            _distance(value, key)
        else:
            Profile.from_dict({key: value})
    except InputError:
        return _ACCEPTED[key]
    return None


@dataclass(frozen=True, kw_only=True, slots=True)
class ProfileReading:
    """A stored profile as far as it reads, and what did not (each value left out, never changed in the store)."""

    profile: Profile
    problems: tuple[InputError, ...]


def check_next_race(race_date: date | None, race_distance_m: float | None, *, today: date) -> None:
    """The rule for the next race wherever a form takes one (the profile, the planner): from today to
    :data:`~calculators.season.MAX_WEEKS` weeks ahead (the furthest the planner plans), with its distance.

    A race can be today: its race week is this week. A race date with "No race" as its distance is refused
    rather than planned or saved: planned, it would be a race the reader said they do not have; dropped
    without a word, it would lose the race of one who typed a date and left the distance at its default
    "No race". The reader chooses the distance or clears the date, on either page.

    >>> check_next_race(date(2026, 11, 23), 5000.0, today=date(2026, 11, 23))  # a race today: accepted
    >>> try:
    ...     check_next_race(date(2026, 12, 6), None, today=date(2026, 11, 23))
    ... except InputError as error:
    ...     print(error.field, error.message)
    race_distance “No race” is chosen but a race date is given: choose your race's distance, or clear the date.

    Raises:
        InputError: on ``race_date``, a date before ``today`` or after :func:`~calculators.season.latest_race_date`;
            on ``race_distance``, a date without a distance.
    """
    if race_date is None:
        return
    if race_date < today:
        raise InputError(
            "race_date",
            f"The race date has passed: choose today ({day_words(today, today=today)}) or later, or leave it empty.",
        )
    latest = latest_race_date(today)
    if race_date > latest:
        # Saved in the profile, a later race would only reach the planner as its refusal, with the example shown.
        raise InputError(
            "race_date",
            f"The race date can be at most {MAX_WEEKS} weeks ahead, {day_words(latest, today=today)} at the latest: "
            "the planner plans no further. Choose an earlier race, or add this one nearer the time.",
        )
    if race_distance_m is None:
        raise InputError(
            "race_distance",
            "“No race” is chosen but a race date is given: choose your race's distance, or clear the date.",
        )


def read_profile(data: Any, *, region: str | None = None) -> ProfileReading:
    """Read a stored profile leniently: a value another form stored out of range is left out and reported.

    Other calculators write their shared fields as the reader types, so one bad value (a half-typed
    HR max) must not hide the rest of the profile. ``region`` is the browser's country, which the page sends
    only while no profile is stored: a reader who has saved none reads in their region's units
    (:func:`~calculators.units.region_units`: miles in the US), while a saved profile without units stays km.

    >>> read_profile({}, region="US").profile.weight_unit, read_profile({}).profile.units
    ('lb', 'km')
    """
    values = dict(data) if isinstance(data, Mapping) else {}
    if region is not None and _blank(values.get("units")):
        values["units"] = region_units(region)
    return read_each(values, Profile.from_dict)


#: A recent race is its distance and its time together: one left out, the other would be "half a race".
_RECENT_RACE = {"recent_distance": ("recent_time",), "recent_time": ("recent_distance",)}


def read_each(
    values: Mapping[str, Any],
    read: Callable[[Mapping[str, Any]], Profile],
    *,
    together: Mapping[str, tuple[str, ...]] = _RECENT_RACE,
) -> ProfileReading:
    """``read(values)``, with every value that does not read found: each one refused is left out (with the keys
    ``together`` ties to it) and the rest read again, so one bad value never hides the next.

    The profile is what reads once they are left out (the defaults when nothing is left to leave out).
    """
    problems: list[InputError] = []
    while True:
        try:
            return ProfileReading(profile=read(values), problems=tuple(problems))
        except InputError as error:
            problems.append(error)
            dropped = {error.field, *together.get(error.field, ())}
            if not dropped & values.keys():  # a rule nothing left out can settle: stop rather than loop
                return ProfileReading(profile=Profile(), problems=tuple(problems))
            values = {k: v for k, v in values.items() if k not in dropped}
