"""What a runner tells the planner: run days, available days, hard days, long-run day, volume and VDOT.

Weekdays are numbers, ``0`` = Monday … ``6`` = Sunday (Python's ``date.weekday()``).
:class:`WeekPrefs` checks every field when it is built, so no plan is ever made
with a value out of range; ``from_dict``/``to_dict`` carry it to and from the
JSON the browser sends and stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from calculators.date_words import WEEKDAY_NAMES
from calculators.errors import InputError
from calculators.units import number_value
from calculators.vdot import VDOT_MAX, VDOT_MIN

__all__ = [
    "RUN_DAYS_MAX",
    "RUN_DAYS_MIN",
    "VOLUME_LIMITS",
    "VOLUME_UNIT_WORDS",
    "WEEKDAY_NAMES",
    "VolumeUnit",
    "WeekPrefs",
    "Weekday",
]

Weekday: TypeAlias = int
VolumeUnit: TypeAlias = Literal["min", "km", "mi"]

#: The planner's range of run days a week (issue 4): three carry the guide's two
#: hard runs and the long run; a seventh day is always left for rest.
RUN_DAYS_MIN, RUN_DAYS_MAX = 3, 6
#: Weekly volume the planner accepts, per unit: half an hour to 20 hours, 5 to 250 km (3 to 155 miles,
#: about the same span in whole miles). Bounds on what can be typed, from a beginner's first runs to an
#: elite marathoner's weeks, not advice: no source in ``shared/science`` says how much a runner should run.
VOLUME_LIMITS: dict[str, tuple[float, float]] = {"min": (30.0, 1200.0), "km": (5.0, 250.0), "mi": (3.0, 155.0)}
#: Each volume unit in words, for messages and the form.
VOLUME_UNIT_WORDS: dict[str, str] = {"min": "minutes", "km": "km", "mi": "miles"}
_ALL_DAYS: tuple[Weekday, ...] = tuple(range(7))


def _weekday(value: Any, field: str) -> Weekday:
    """A weekday from 0–6, a digit string, or an English day name (``"thu"``, ``"Thursday"``)."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isdigit():
            value = int(text)
        else:
            for number, name in enumerate(WEEKDAY_NAMES):
                if len(text) >= 3 and name.lower().startswith(text):
                    return number
            raise InputError(field, f"“{value}” is not a day of the week. Use Monday to Sunday.")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise InputError(field, f"“{value}” is not a day of the week. Use 0 (Monday) to 6 (Sunday).")
    return value


def _weekdays(values: Any, field: str) -> tuple[Weekday, ...]:
    if isinstance(values, str):
        values = [part for part in values.split(",") if part.strip()]
    if not isinstance(values, Iterable):
        raise InputError(field, "Choose days of the week from Monday to Sunday.")
    return tuple(sorted({_weekday(value, field) for value in values}))


def _number(value: Any, field: str, what: str, low: float, high: float, unit: str = "") -> float:
    # An empty box reaches here only for a value the planner needs: it is never guessed.
    return number_value(value, field=field, what=what, low=low, high=high, unit=unit)


def _optional(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


@dataclass(frozen=True, kw_only=True, slots=True)
class WeekPrefs:
    """A runner's week, as the planner form asks for it.

    Attributes:
        run_days: how many days a week to run, 3–6.
        available_days: the weekdays the runner can train (0 = Monday … 6 =
            Sunday); all seven by default. Fewer available days than run days
            still gives a plan, with that named on it.
        hard_days: the weekdays the runner would like the tempo and interval
            sessions on (and so Sessions A and B, which go with them). Empty
            means "choose for me": the guide's Monday and Thursday. With more
            than two days, the planner picks two of them.
        long_run_day: the preferred long-run day, or ``None`` for the guide's
            default: Saturday with up to four runs, Sunday with five or more.
        volume_unit: ``"min"`` (minutes a week), ``"km"`` or ``"mi"`` (kilometres or miles a week).
        current_volume: this week's running volume in ``volume_unit``.
        peak_volume: the volume to build to before a race (``None``: stay at
            ``current_volume``).
        vdot: the runner's VDOT (Daniels), for paces; ``None`` plans without paces.
        easy_weeks: no hard runs by choice (a beginner's base, a comeback): every run easy, and
            Sessions A and B go with two easy runs, which become the week's stress days (Stridelab's
            rule, :mod:`calculators.week_rules`), on the ``hard_days`` when there are any (the profile's
            hard days stay the runner's stress days). ``False`` (the default, and what plans saved before
            this choice read as) plans the guide's tempo and interval runs.
    """

    run_days: int = 4
    available_days: tuple[Weekday, ...] = _ALL_DAYS
    hard_days: tuple[Weekday, ...] = ()
    long_run_day: Weekday | None = None
    volume_unit: VolumeUnit = "min"
    current_volume: float = 240.0
    peak_volume: float | None = None
    vdot: float | None = None
    easy_weeks: bool = False

    def __post_init__(self) -> None:
        run_days = self.run_days
        if isinstance(run_days, bool) or not isinstance(run_days, int) or not RUN_DAYS_MIN <= run_days <= RUN_DAYS_MAX:
            raise InputError("run_days", f"Choose {RUN_DAYS_MIN} to {RUN_DAYS_MAX} run days a week.")
        available = _weekdays(self.available_days, "available_days")
        if not available:
            raise InputError("available_days", "Choose at least one day of the week you can train on.")
        object.__setattr__(self, "available_days", available)
        object.__setattr__(self, "hard_days", _weekdays(self.hard_days, "hard_days"))
        if not isinstance(self.easy_weeks, bool):
            raise InputError("hard_runs", "Hard runs: choose tempo and intervals, or none (easy weeks).")
        if self.long_run_day is not None:
            object.__setattr__(self, "long_run_day", _weekday(self.long_run_day, "long_run_day"))
        if self.volume_unit not in VOLUME_LIMITS:
            raise InputError("volume_unit", "Volume in: give weekly volume in minutes (min), km or miles (mi).")
        low, high = VOLUME_LIMITS[self.volume_unit]
        word = VOLUME_UNIT_WORDS[self.volume_unit]
        current = _number(self.current_volume, "current_volume", "Current weekly volume", low, high, word)
        object.__setattr__(self, "current_volume", current)
        if self.peak_volume is not None:
            peak = _number(self.peak_volume, "peak_volume", "Peak weekly volume", low, high, word)
            object.__setattr__(self, "peak_volume", peak)
        if self.vdot is not None:
            object.__setattr__(self, "vdot", _number(self.vdot, "vdot", "VDOT", VDOT_MIN, VDOT_MAX))

    @property
    def target_volume(self) -> float:
        """The volume to build to: ``peak_volume``, never below ``current_volume`` (plans bend it up)."""
        return max(self.current_volume, self.peak_volume or self.current_volume)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeekPrefs:
        """Read preferences from JSON (or form values as text); missing keys take their defaults.

        Numbers may be numbers or plain decimal text (``"4"``, ``"52,5"``; not
        ``"1e2"``); days may be 0–6, digit strings or English day names; an empty
        text means "not given", except for ``current_volume``, which the plan
        is built from: an empty one is refused.

        Raises:
            InputError: a value of the wrong type or out of range, naming its field.
        """
        if not isinstance(data, Mapping):
            raise InputError("prefs", "The planner's settings are not readable.")
        kwargs: dict[str, Any] = {}
        if _optional(data.get("run_days")) is not None:
            run_days = data["run_days"]
            if isinstance(run_days, str) and run_days.strip().isdigit():
                run_days = int(run_days.strip())
            kwargs["run_days"] = run_days
        for name in ("available_days", "hard_days"):
            if name in data and data[name] is not None:
                kwargs[name] = _weekdays(data[name], name)
        for name in ("long_run_day", "peak_volume", "vdot"):
            if _optional(data.get(name)) is not None:
                kwargs[name] = data[name]
        if _optional(data.get("volume_unit")) is not None:
            kwargs["volume_unit"] = str(data["volume_unit"]).strip()
        if data.get("easy_weeks") is not None:  # plans saved before the choice have none: the guide's week
            kwargs["easy_weeks"] = data["easy_weeks"]
        if data.get("current_volume") is not None:  # not optional: an empty text is refused, not defaulted
            kwargs["current_volume"] = data["current_volume"]
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values: numbers, lists of weekday numbers, ``None`` for "not given"."""
        return {
            "run_days": self.run_days,
            "available_days": list(self.available_days),
            "hard_days": list(self.hard_days),
            "long_run_day": self.long_run_day,
            "volume_unit": self.volume_unit,
            "current_volume": self.current_volume,
            "peak_volume": self.peak_volume,
            "vdot": self.vdot,
            "easy_weeks": self.easy_weeks,
        }
