"""The readiness page's data: stored runs, HRV readings, strength sessions and the plan, read and checked.

Everything here came from the browser's store, so every entry is validated: a
run or reading that fails is left out and listed with why (so the reader can
delete it), a strength session counted in a note; never a crash. The form parsers turn
what the reader typed into the values stored in the "runs" and "hrv" collections.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculators import units
from calculators.calendar import pacing_vdot
from calculators.date_words import day_words
from calculators.entry_dates import accepted_dates, check_entry_date
from calculators.errors import InputError
from calculators.hrv import RMSSD_MAX, RMSSD_MIN
from calculators.hrv_csv import parse_sleep_hours
from calculators.load import (
    DAILY_LOAD_MAX,
    HR_MAX_MAX,
    HR_MAX_MIN,
    HR_REST_MAX,
    HR_REST_MIN,
    RPE_WORDS,
    Session,
    check_heart_rates,
    counted_loads,
    session_load,
)
from calculators.plan_json import season_from_dict
from calculators.readiness_plan import PlannedDay, next_easy_day, plan_easy_km, plan_easy_minutes
from calculators.reschedule_comeback import comeback, strength_dropped
from calculators.run_copies import same_run
from calculators.run_pace import RUN_SECONDS_MAX, RUN_SECONDS_MIN, check_run_pace, describe_pace, plausible
from calculators.season import SeasonPlan
from calculators.strength import StrengthSession
from calculators.ui.calculator import confirm
from calculators.ui.readiness_fields import RUN_DISTANCE_BOXES, RUN_HR_MAX, RUN_HR_MIN
from calculators.vdot import VDOT_MAX, VDOT_MIN, training_paces
from calculators.week_plan import DayPlan
from calculators.week_prefs import VOLUME_UNIT_WORDS

__all__ = [
    "KINDS",
    "HrvEntry",
    "LeftOut",
    "Log",
    "Run",
    "Settings",
    "check_pace",
    "chosen_unit",
    "hrv_value",
    "problem",
    "read_log",
    "read_settings",
    "readable",
    "repeat_question",
    "run_day",
    "run_hr",
    "run_meters",
    "run_rpe",
    "run_seconds",
    "run_value",
    "stored_date",
    "stored_run",
]

Store = Mapping[str, Mapping[str, Any]]
#: The stored collections this page reads and can delete from, as a reader calls one entry of each.
KINDS = {"runs": "run", "hrv": "HRV reading"}
#: A stored run's average heart rate may be wider than the form's: imports from watches keep theirs.
RUN_HR_STORED = (20.0, 250.0)
#: Hand-entered distances up to 1,000 km: beyond that it is a typing error.
RUN_METERS_MAX = 1_000_000.0
#: A whole number typed as a run's duration is minutes up to 10 hours (600); a larger one could be seconds.
RUN_BARE_MINUTES_MAX = 600


@dataclass(frozen=True, kw_only=True, slots=True)
class Run:
    id: str
    day: date
    duration_s: float
    distance_m: float
    rpe: float
    hr_avg: float | None
    source: str

    @property
    def load(self) -> float:
        return session_load(self.duration_s / 60, self.rpe)


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvEntry:
    """One morning's check-in. ``rmssd_ms`` is None for a runner without an HRV device who logged only sleep
    and/or soreness: such a morning moves the verdict (TRAINING-RULES.md) but is never an HRV reading."""

    day: date
    rmssd_ms: float | None
    resting_hr: float | None
    sleep_hours: float | None
    soreness: int | None


@dataclass(frozen=True, kw_only=True, slots=True)
class LeftOut:
    """A stored run or HRV reading that fails its checks: listed with why, so the reader can delete it, or, when
    ``editable`` (a run whose values all read, left out only for its date or its pace), correct it."""

    collection: str  # "runs" or "hrv"
    id: str
    when: str  # its date as stored, or "" when it has none that reads
    why: str
    editable: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Log:
    """What the store holds, checked: runs and readings newest first, every session for load, and notes."""

    runs: tuple[Run, ...]
    hrv: tuple[HrvEntry, ...]
    sessions: tuple[Session, ...]
    plan: SeasonPlan | None
    notes: tuple[str, ...]
    left_out: tuple[LeftOut, ...] = ()

    def hrv_readings(self) -> dict[date, float]:
        """The mornings' rMSSD (ms), check-ins without one left out: they never count as HRV readings."""
        return {h.day: h.rmssd_ms for h in self.hrv if h.rmssd_ms is not None}

    def daily_loads(self) -> dict[date, float]:
        """The load the model reads (:func:`calculators.load.counted_loads`: from the first logged run on)."""
        # A day over the model's ceiling is a typing error; cap it rather than refuse the whole log.
        return {day: min(load, DAILY_LOAD_MAX) for day, load in counted_loads(self.sessions).items()}

    def tomorrow(self, today: date) -> DayPlan | None:
        if self.plan is None:
            return None
        wanted = today + timedelta(days=1)
        return next((d for d in self.plan.days() if d.day == wanted), None)

    def comeback(self, day: date, *, today: date, unit: units.PaceUnit = "km") -> str | None:
        """Why ``day``'s hard session is run easy, or its long run cut back, after days without a run
        (:mod:`calculators.reschedule_comeback`); a long run planned by distance alone is cut in ``unit``."""
        if self.plan is None:
            return None
        return comeback({r.day for r in self.runs}, self.plan.planned_days(), day, today=today, unit=unit)

    def strength_dropped(self, day: date, *, today: date) -> str | None:
        """Why ``day``'s strength session is not done then: its hard session is run easy after days without a run."""
        if self.plan is None:
            return None
        return strength_dropped({r.day for r in self.runs}, self.plan.planned_days(), day, today=today)

    def next_easy(self, today: date) -> PlannedDay | None:
        """The easy day an amber swap would bring forward to tomorrow."""
        return None if self.plan is None else next_easy_day(self.plan.planned_days(), today + timedelta(days=1))

    def plan_easy(self, today: date) -> int | None:
        """The plan week's easy run, in minutes, that tomorrow's run is cut back from when no swap is left."""
        return None if self.plan is None else plan_easy_minutes(self.plan.planned_days(), today + timedelta(days=1))

    def plan_easy_km(self, today: date) -> float | None:
        """The same in km, for a plan by distance alone (no minutes to cut)."""
        return None if self.plan is None else plan_easy_km(self.plan.planned_days(), today + timedelta(days=1))


@dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    """The reader's numbers from the form (kept in the shared profile): units, heart rates, easy pace."""

    unit: units.PaceUnit
    hr_rest: float | None
    hr_max: float | None
    sex: str | None
    easy_pace: tuple[float, float] | None
    pace_source: str


def _number(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value) if low <= value <= high else None


def _optional(value: Any, low: float, high: float) -> tuple[bool, float | None]:
    """(ok, value): a missing value is fine, a present one must lie in the range."""
    if value is None:
        return True, None
    checked = _number(value, low, high)
    return checked is not None, checked


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


_UNREADABLE = "some of its stored values cannot be read"
_AFTER_TODAY = "it is dated after today"


def _unread(what: str, accepted: str) -> str:
    """Why a stored entry does not read, naming the value and what it may be."""
    return f"its {what} is missing or not {accepted}"


def _run(ident: str, value: Any, today: date, unit: units.PaceUnit = "km", *, pace: bool = True) -> Run | str:
    """The stored run, or why it is left out (its pace is judged only when ``pace``)."""
    if not isinstance(value, Mapping):
        return _UNREADABLE
    day = _day(value.get("date"))
    duration = _number(value.get("duration_s"), RUN_SECONDS_MIN, RUN_SECONDS_MAX)
    distance = _number(value.get("distance_m"), 0.0, RUN_METERS_MAX)
    rpe = _number(value.get("rpe"), 1.0, 10.0)
    hr_ok, hr = _optional(value.get("hr_avg"), RUN_HR_STORED[0], RUN_HR_STORED[1])
    if day is None:
        return _unread("date", "a date (YYYY-MM-DD)")
    if duration is None:
        return _unread("duration", f"from {RUN_SECONDS_MIN / 60:g} minute to {RUN_SECONDS_MAX / 3600:g} hours")
    if distance is None:
        return _unread("distance", f"from 0 to {RUN_METERS_MAX / 1000:,.0f} km")
    if rpe is None:
        return _unread("effort (RPE)", "from 1 to 10")
    if not hr_ok:
        return f"its average heart rate is not from {RUN_HR_STORED[0]:g} to {RUN_HR_STORED[1]:g} bpm"
    if day > today:
        return _AFTER_TODAY
    if pace and not plausible(duration, distance):  # stored before paces were checked: it would swamp the verdict
        return describe_pace(duration, distance, unit)
    source = value.get("source")
    source = source if isinstance(source, str) else "hand"
    return Run(id=ident, day=day, duration_s=duration, distance_m=distance, rpe=rpe, hr_avg=hr, source=source)


def _hrv(ident: str, value: Any, today: date) -> HrvEntry | str:
    """The stored reading, or why it is left out."""
    day = _day(ident)
    if day is None or not isinstance(value, Mapping):
        return _UNREADABLE
    rmssd_ok, rmssd = _optional(value.get("rmssd_ms"), RMSSD_MIN, RMSSD_MAX)
    hr_ok, hr = _optional(value.get("resting_hr"), 25.0, 120.0)
    sleep_ok, sleep = _optional(value.get("sleep_hours"), 0.0, 24.0)
    sore_ok, sore = _optional(value.get("soreness"), 1.0, 5.0)
    # A check-in without rMSSD (no HRV device) reads when it holds sleep or soreness: the part readiness uses.
    if not rmssd_ok or (rmssd is None and sleep is None and sore is None):
        return _unread("rMSSD", f"from {RMSSD_MIN:g} to {RMSSD_MAX:g} ms")
    if not hr_ok:
        return "its resting heart rate is not from 25 to 120 bpm"
    if not sleep_ok:
        return "its sleep is not from 0 to 24 hours"
    if not sore_ok or (sore is not None and not sore.is_integer()):
        return "its soreness is not a whole number from 1 to 5"
    if day > today:
        return _AFTER_TODAY
    return HrvEntry(
        day=day, rmssd_ms=rmssd, resting_hr=hr, sleep_hours=sleep, soreness=None if sore is None else int(sore)
    )


def stored_run(ident: str, value: Any) -> Run | None:
    """The stored run whatever its date and pace, which its editor can correct; None when a value does not read."""
    run = _run(ident, value, date.max, pace=False)
    return run if isinstance(run, Run) else None


def readable(collection: str, ident: str, value: Any) -> bool:
    """Whether ``value`` reads as a stored run (``runs``) or HRV reading (``hrv``), whatever its date and pace."""
    if collection == "runs":
        return stored_run(ident, value) is not None
    return isinstance(_hrv(ident, value, date.max), HrvEntry)


def problem(collection: str, ident: str, value: Any, today: date) -> str | None:
    """Why a run (``runs``) or HRV reading (``hrv``) would be left out of the log on ``today``; None if it reads."""
    read = _run(ident, value, today) if collection == "runs" else _hrv(ident, value, today)
    return read if isinstance(read, str) else None


def stored_date(collection: str, ident: str, value: Any) -> str:
    """The date a stored entry carries, as text, or "" when it carries none: for naming an entry left out."""
    when = ident if collection == "hrv" else value.get("date") if isinstance(value, Mapping) else None
    return when if isinstance(when, str) and _day(when) is not None else ""


def read_log(store: Store, today: date, unit: units.PaceUnit = "km") -> Log:
    """Every stored run, HRV reading and strength session that passes its checks; runs and readings that fail
    are listed in ``left_out`` (paces in ``unit``), strength sessions counted in the notes."""
    notes: list[str] = []
    left_out: list[LeftOut] = []
    runs: list[Run] = []
    for ident, value in (store.get("runs") or {}).items():
        run = _run(str(ident), value, today, unit)
        if isinstance(run, Run):
            runs.append(run)
        else:
            when, editable = stored_date("runs", "", value), stored_run(str(ident), value) is not None
            left_out.append(LeftOut(collection="runs", id=str(ident), when=when, why=run, editable=editable))
    readings: list[HrvEntry] = []
    for ident, value in (store.get("hrv") or {}).items():
        reading = _hrv(str(ident), value, today)
        if isinstance(reading, HrvEntry):
            readings.append(reading)
        else:
            left_out.append(
                LeftOut(collection="hrv", id=str(ident), when=stored_date("hrv", str(ident), value), why=reading)
            )
    if left_out:
        count = len(left_out)
        entries = "entry is" if count == 1 else "entries are"
        notes.append(f"{count} stored {entries} left out of your load; see “Left out of your log” below.")
    sessions = [Session(day=r.day, minutes=r.duration_s / 60, rpe=r.rpe, kind="run") for r in runs]
    bad = 0
    for value in (store.get("strength") or {}).values():
        try:
            lift = StrengthSession.from_dict(value, today=today)
            session_load(lift.duration_min, lift.rpe)
        except InputError:
            bad += 1
            continue
        sessions.append(Session(day=lift.date, minutes=lift.duration_min, rpe=lift.rpe, kind="strength"))
    if bad:
        one = bad == 1
        notes.append(
            f"{units.count(bad, 'stored strength session')} could not be read or {'is' if one else 'are'} "
            f"dated after today, and {'is' if one else 'are'} left out."
        )
    plan = None
    stored_plan = (store.get("plan") or {}).get("season")
    if stored_plan is not None:
        try:
            plan = season_from_dict(stored_plan)
        except InputError:
            notes.append("Your saved season plan could not be read, so tomorrow is treated as an easy day.")
    runs.sort(key=lambda r: (r.day, r.id), reverse=True)
    readings.sort(key=lambda r: r.day, reverse=True)
    return Log(
        runs=tuple(runs),
        hrv=tuple(readings),
        sessions=tuple(sessions),
        plan=plan,
        notes=tuple(notes),
        left_out=tuple(sorted(left_out, key=lambda entry: entry.when, reverse=True)),
    )


def _optional_number(
    values: Mapping[str, str], name: str, what: str, low: float, high: float, unit: str, *, whole: bool = False
) -> float | None:
    text = values.get(name, "")
    return units.parse_optional_number(text, field=name, what=what, low=low, high=high, unit=unit, whole=whole)


def chosen_unit(values: Mapping[str, str]) -> units.PaceUnit:
    """The reader's unit for distances and paces on this form."""
    return units.pace_unit(values.get("units"))


def read_settings(values: Mapping[str, str], plan: SeasonPlan | None, today: date) -> Settings:
    """The reader's units, heart rates and E pace: from the saved plan's VDOT while the plan runs on, as Today and the
    calendar pace it (:func:`calculators.calendar.pacing_vdot`), else from the VDOT field, else the plan's."""
    unit = chosen_unit(values)
    # The profile's heart rates, typed here as on the profile page: whole beats (Profile.from_form).
    bpm = "beats per minute"
    hr_rest = _optional_number(values, "hr_rest", "Resting HR for TRIMP", HR_REST_MIN, HR_REST_MAX, bpm, whole=True)
    hr_max = _optional_number(values, "hr_max", "HR max", HR_MAX_MIN, HR_MAX_MAX, bpm, whole=True)
    if hr_rest is not None and hr_max is not None:
        check_heart_rates(hr_rest, hr_max)
    typed = _optional_number(values, "vdot", "VDOT", VDOT_MIN, VDOT_MAX, "")
    vdot = pacing_vdot(plan, typed, today)
    source = "your VDOT" if vdot == typed else "your saved plan's VDOT"
    pace = training_paces(vdot).easy if vdot is not None else None
    sex = values.get("sex") or None
    return Settings(
        unit=unit,
        hr_rest=hr_rest,
        hr_max=hr_max,
        sex=sex,
        easy_pace=pace,
        pace_source=f"{source} {vdot:g}" if vdot is not None else "",
    )


def _entry_date(values: Mapping[str, str], name: str, what: str, today: date, *, empty_today: bool = True) -> date:
    text = values.get(name, "").strip()
    if not text and empty_today:
        return today
    if not text:
        raise InputError(name, f"{what}: the box is empty. {accepted_dates(today)}")
    day = _day(text)
    if day is None:
        raise InputError(name, f"“{text}” is not a date. Use the date picker or YYYY-MM-DD, e.g. {today}.")
    return check_entry_date(day, name, what=what, today=today)


def run_meters(values: Mapping[str, str], unit: units.PaceUnit) -> float:
    """The distance typed in ``unit``'s own box, in metres. Empty while the other unit's box holds a distance, it
    is asked for with what that distance comes to in ``unit`` (exact), never read from the other box unasked."""
    box = RUN_DISTANCE_BOXES[unit]
    most = float(math.floor(RUN_METERS_MAX / units.meters_from(1, unit)))  # 1000 km, 621 mi: a whole number to read
    text = values.get(box, "")
    try:
        return units.meters_from(
            units.parse_number(text, field=box, what="Distance", low=0.1, high=most, unit=unit), unit
        )
    except InputError as error:
        other: units.PaceUnit = "mi" if unit == "km" else "km"
        typed = units.read_decimal(values.get(RUN_DISTANCE_BOXES[other], ""))
        if text.strip() or typed is None or not 0 < typed < math.inf:
            raise
        converted = units.meters_from(typed, other) / units.meters_from(1, unit)
        raise InputError(
            box,
            f"{error.message} Your {typed:g} {other} ({converted:.2f} {unit}) is kept in the "
            f"{VOLUME_UNIT_WORDS[other]} box, not read as {VOLUME_UNIT_WORDS[unit]}.",
        ) from None


def run_seconds(values: Mapping[str, str]) -> float:
    """The duration typed in ``run_duration``, in seconds: from one minute to 48 hours.

    A whole number up to :data:`RUN_BARE_MINUTES_MAX` is minutes ("25" is 25:00): no run lasts 25 seconds, and a
    runner logging one types the minutes the watch showed (the strength log's duration is minutes too). A larger
    one ("5400") could be seconds, and is asked about as in every time box."""
    typed = values.get("run_duration", "").strip()
    if typed.isdigit() and 1 <= int(typed) <= RUN_BARE_MINUTES_MAX:
        return int(typed) * 60.0
    seconds = units.parse_duration(typed, field="run_duration", what="Duration")
    if not RUN_SECONDS_MIN <= seconds <= RUN_SECONDS_MAX:
        raise InputError("run_duration", "Duration: a run lasts from 1:00 (one minute) to 48:00:00 (48 hours).")
    return seconds


def check_pace(seconds: float, meters: float, unit: units.PaceUnit) -> None:
    """Refuse a duration and distance no runner could have run, on the Duration box."""
    check_run_pace(seconds, meters, field="run_duration", what="Check the Duration and the Distance", unit=unit)


def run_rpe(values: Mapping[str, str]) -> float:
    """The effort chosen in ``run_rpe``: RPE from 1 to 10."""
    if not values.get("run_rpe"):
        raise InputError("run_rpe", f"Choose how hard the run felt, from 1 ({RPE_WORDS[1]}) to 10 ({RPE_WORDS[10]}).")
    return units.parse_number(values["run_rpe"], field="run_rpe", what="RPE", low=1, high=10)


def run_hr(values: Mapping[str, str]) -> float | None:
    """The average heart rate typed in ``run_hr``, from RUN_HR_MIN to RUN_HR_MAX beats per minute; None when the box
    is empty."""
    return _optional_number(values, "run_hr", "Average heart rate", RUN_HR_MIN, RUN_HR_MAX, "beats per minute")


def run_day(values: Mapping[str, str], today: date, *, empty_today: bool = True) -> date:
    """The date typed in ``run_date``, from ten years back to today. Empty means today on the form; a run's
    editor (``empty_today=False``) fills the box with the run's date, so there an empty box is refused."""
    return _entry_date(values, "run_date", "Date of the run", today, empty_today=empty_today)


def run_value(values: Mapping[str, str], today: date, unit: units.PaceUnit) -> dict[str, Any]:
    """A hand-entered run as stored: each bad field raises an error naming that field and its range."""
    day = run_day(values, today)
    seconds = run_seconds(values)
    meters = run_meters(values, unit)
    check_pace(seconds, meters, unit)
    rpe = run_rpe(values)
    hr = run_hr(values)
    return {
        "date": day.isoformat(),
        "duration_s": seconds,
        "distance_m": round(meters, 1),
        "rpe": rpe,
        "hr_avg": hr,
        "source": "hand",
    }


def repeat_question(
    store: Mapping[str, Mapping[str, Any]],
    value: Mapping[str, Any],
    today: date,
    unit: units.PaceUnit,
    *,
    action: str,
    args: Mapping[str, Any],
    moved: str | None = None,
) -> dict[str, Any] | None:
    """The confirmation to ask before storing ``value`` (a run as :func:`run_value` makes it) when the log already
    holds the same run (:func:`calculators.run_copies.same_run`: a restore leaves out the same ones), else None:
    stored again it would double the day's load.

    The run log and the calendar both ask it, and a run's editor when it moves the run (id ``moved``) to
    another day. The answer comes back as ``action`` with ``args`` and ``confirmed=yes`` in the values, and the
    page glue re-sends no values typed in a box in the result: ``args`` must carry what the action needs to store
    the run."""
    day = value["date"]
    twin = any(
        same_run({"date": run.day.isoformat(), "duration_s": run.duration_s, "distance_m": run.distance_m}, value)
        for run in read_log(store, today, unit).runs
        if run.id != moved
    )
    if not twin:
        return None
    distance = round(value["distance_m"] / units.meters_from(1, unit), 2)
    question = (
        f"You already logged a run of {units.format_duration(value['duration_s'])} and {distance:g} {unit} "
        f"on {day_words(date.fromisoformat(day), today=today)}. "
        f"{'Move this one there too?' if moved else 'Log it again?'} Its load would count twice."
    )
    return confirm(question, action, "Move it there" if moved else "Log it again", args)


def hrv_value(values: Mapping[str, str], today: date) -> tuple[date, dict[str, Any]]:
    """One morning's check-in as stored (its id is the date): rMSSD, or without an HRV device sleep and/or soreness
    alone (``rmssd_ms`` None); one with none of the three is refused on the rMSSD box."""
    day = _entry_date(values, "hrv_date", "Date of the reading", today)
    rmssd = _optional_number(values, "rmssd", "rMSSD", RMSSD_MIN, RMSSD_MAX, "ms")
    soreness = values.get("soreness") or None
    sleep = values.get("sleep_hours", "")
    if rmssd is None and not soreness and not sleep.strip():
        raise InputError(
            "rmssd",
            "Nothing to check in: enter this morning's rMSSD (5 to 300 ms), your sleep (0 to 24 hours) or your "
            "soreness (1 to 5); any one of them is enough.",
        )
    return day, {
        "rmssd_ms": rmssd,
        "resting_hr": _optional_number(
            values, "resting_hr", "Resting heart rate", HR_REST_MIN, HR_REST_MAX, "beats per minute"
        ),
        "sleep_hours": parse_sleep_hours(sleep, what="Sleep last night") if sleep.strip() else None,
        "soreness": int(soreness) if soreness else None,
    }
