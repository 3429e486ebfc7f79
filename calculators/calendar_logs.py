"""What the calendar reads from the store: runs, strength sessions, morning HRV, links and the season plan.

Every entry came from the browser, so each is checked; one that does not read is counted
and left out, never changed or deleted. The shapes are the ones the run log
(``runs``: ``date``, ``duration_s``, ``distance_m``, ``rpe``, …; ``hrv``: id = the date,
``rmssd_ms``, ``sleep_hours``, ``soreness``), the strength log (``strength``:
:class:`StrengthSession`) and the planner (``plan``/``season``: :meth:`SeasonPlan.to_dict`)
write.

**Links.** A session logged on another day (a run a day late) counts for a planned one only
when the reader says so, or when a strength session is finished on a day without planned strength:
the strength log says so at its start and then links it to the nearest planned session of its kind
(:mod:`calculators.ui.strength_plan`). The link lives in its own collection, ``calendar_links``, id
``"<run|strength>:<entry id>"``, value ``{"kind", "entry_id", "planned_date"}``, rather than in
the log entry: linking and unlinking then never rewrite a logged session (a stale tab cannot
overwrite a run's edits, and restored or re-imported logs keep their exact shape), and a link
whose entry was deleted is simply ignored. A link counts when its planned date is at most
:data:`LINK_DAYS_MAX` days away and plans a session of the same kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeAlias

from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.hrv import RMSSD_MAX, RMSSD_MIN
from calculators.load import MINUTES_MAX, Session, counted_loads
from calculators.plan_json import season_from_dict
from calculators.run_pace import plausible
from calculators.season import SeasonPlan
from calculators.strength import StrengthSession
from calculators.week_plan import DayPlan

__all__ = [
    "LINKS_COLLECTION",
    "LINK_DAYS_MAX",
    "Kind",
    "Link",
    "LoggedRun",
    "Logs",
    "Morning",
    "hrv_readings",
    "lift_session",
    "link_after_move",
    "link_op",
    "plans_kind",
    "read_logs",
    "read_plan",
    "unlink_op",
]

Kind: TypeAlias = Literal["run", "strength"]
Store = Mapping[str, Mapping[str, Any]]

LINKS_COLLECTION = "calendar_links"
#: A logged session may stand in for a planned one at most this many days away (house rule: within a week).
LINK_DAYS_MAX = 6
_RUN_SECONDS = (60.0, MINUTES_MAX * 60)  # 1 minute to 48 hours: the load model's range, as the run log
_RUN_METERS_MAX = 1_000_000.0  # the run log's: beyond 1,000 km it is a typing error


@dataclass(frozen=True, kw_only=True, slots=True)
class LoggedRun:
    """One stored run: its local date, duration, distance and session RPE (CR-10)."""

    id: str
    day: date
    duration_s: float
    distance_m: float
    rpe: float

    @property
    def session(self) -> Session:
        """The run as the load model counts it (Foster's session RPE × minutes)."""
        return Session(day=self.day, minutes=self.duration_s / 60, rpe=self.rpe, kind="run")


@dataclass(frozen=True, kw_only=True, slots=True)
class Morning:
    """One morning's check-in: its HRV reading (rMSSD, ms; None from a runner without an HRV device) with the
    optional sleep and soreness readiness uses. A morning without rMSSD holds sleep or soreness."""

    rmssd_ms: float | None
    sleep_hours: float | None
    soreness: int | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Link:
    """The reader's word that a logged entry counts for the session planned on ``planned_date``."""

    kind: Kind
    entry_id: str
    planned_date: date


@dataclass(frozen=True, kw_only=True, slots=True)
class Logs:
    """Everything logged, oldest first; ``unreadable`` counts the entries left out, per collection."""

    runs: tuple[LoggedRun, ...] = ()
    strength: tuple[StrengthSession, ...] = ()
    hrv: Mapping[date, Morning] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    unreadable: Mapping[str, int] = field(default_factory=dict)

    def daily_loads(self) -> dict[date, float]:
        """Combined session load per date, runs and lifts together (Foster 2001), as readiness takes it: from the
        first logged run on (:func:`calculators.load.counted_loads`)."""
        return counted_loads([r.session for r in self.runs] + [lift_session(s) for s in self.strength])


def lift_session(session: StrengthSession) -> Session:
    """A strength session as the load model counts it (DESIGN.md: it enters the combined load like a run)."""
    return Session(day=session.date, minutes=session.duration_min, rpe=session.rpe, kind="strength")


def plans_kind(plan: DayPlan | None, kind: Kind, session: str | None = None) -> bool:
    """True when the day's plan has a session of ``kind``: any run but rest, or a strength session; with
    ``session`` (a logged lift's "A", "B" or "custom"), one it can count for: A for A, B for B, a custom session
    for either."""
    if plan is None:
        return False
    if kind == "run":
        return plan.run != "rest"
    return plan.strength is not None and session in (None, "custom", plan.strength)


def _num(value: Any, low: float, high: float) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return float(value) if ok and low <= value <= high else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _run(ident: str, value: Any) -> LoggedRun | None:
    if not isinstance(value, Mapping):
        return None
    day, duration = _date(value.get("date")), _num(value.get("duration_s"), *_RUN_SECONDS)
    distance, rpe = _num(value.get("distance_m"), 0.0, _RUN_METERS_MAX), _num(value.get("rpe"), 1.0, 10.0)
    if day is None or duration is None or distance is None or rpe is None or not plausible(duration, distance):
        return None
    return LoggedRun(id=ident, day=day, duration_s=duration, distance_m=distance, rpe=rpe)


def _lift(ident: str, value: Any) -> StrengthSession | None:
    try:
        lift = StrengthSession.from_dict(value, today=date.max)
    except (InputError, TypeError, ValueError):
        return None
    return lift if lift.id == ident else None


def _morning(value: Any) -> Morning | None:
    entry = value if isinstance(value, Mapping) else {}
    rmssd, sore = _num(entry.get("rmssd_ms"), RMSSD_MIN, RMSSD_MAX), _num(entry.get("soreness"), 1, 5)
    sleep = _num(entry.get("sleep_hours"), 0, 24)
    # Without rMSSD (no HRV device) the check-in stands on its sleep or soreness; a bad rMSSD leaves it out.
    if rmssd is None and (entry.get("rmssd_ms") is not None or (sleep is None and sore is None)):
        return None
    return Morning(rmssd_ms=rmssd, sleep_hours=sleep, soreness=None if sore is None else int(sore))


def hrv_readings(mornings: Mapping[date, Morning], until: date) -> dict[date, float]:
    """The HRV readings (rMSSD, ms) of the mornings up to ``until``: a check-in without one is no HRV reading, so it
    never counts toward the 14-day history or the 3 readings in 7 days (TRAINING-RULES.md)."""
    return {d: m.rmssd_ms for d, m in mornings.items() if d <= until and m.rmssd_ms is not None}


def _link(value: Any) -> Link | None:
    if not isinstance(value, Mapping) or value.get("kind") not in ("run", "strength"):
        return None
    day, ident = _date(value.get("planned_date")), value.get("entry_id")
    return Link(kind=value["kind"], entry_id=ident, planned_date=day) if day and isinstance(ident, str) else None


def read_logs(store: Store) -> Logs:
    """Runs, strength sessions, HRV readings and links from the store; what does not read is counted, not lost.

    Dates are not checked against today (as in the strength log: a clock or time-zone change must
    not hide a session). Runs keep the run log's limits, up to the load model's 24 hours.
    """
    bad: dict[str, int] = {}

    def read(name: str, parse: Callable[[str, Any], Any]) -> list[Any]:
        found = store.get(name) or {}
        out = []
        for ident, value in found.items() if isinstance(found, Mapping) else ():
            item = parse(str(ident), value)
            if item is None:
                bad[name] = bad.get(name, 0) + 1
            else:
                out.append(item)
        return out

    runs: list[LoggedRun] = read("runs", _run)
    lifts: list[StrengthSession] = read("strength", _lift)
    mornings: list[tuple[date, Morning]] = read(
        "hrv", lambda ident, value: (day, m) if (day := _date(ident)) and (m := _morning(value)) else None
    )
    links: list[Link] = read(LINKS_COLLECTION, lambda _, value: _link(value))
    runs.sort(key=lambda r: (r.day, r.id))
    lifts.sort(key=lambda s: (s.date, s.id))
    return Logs(runs=tuple(runs), strength=tuple(lifts), hrv=dict(mornings), links=tuple(links), unreadable=bad)


def read_plan(store: Store) -> SeasonPlan | None:
    """The saved season plan (collection ``plan``, id ``season``); None when there is none or it does not read."""
    plans = store.get("plan") or {}
    raw = plans.get("season") if isinstance(plans, Mapping) else None
    try:
        return None if raw is None else season_from_dict(raw)
    except (InputError, TypeError, ValueError, KeyError, AttributeError):
        return None


def link_op(
    kind: Kind, entry_id: str, planned_date: date, *, logs: Logs, plan: SeasonPlan | None, today: date | None = None
) -> dict[str, Any]:
    """The store operation that makes a logged entry count for the session planned on ``planned_date``.

    ``today`` decides whether a refusal names the year of ``planned_date``.

    Raises:
        InputError: no such entry, no session of that kind planned that day (a lift: Session A or B as logged, a
            custom session either), or the days too far apart.
    """
    logged = {r.id: r.day for r in logs.runs} if kind == "run" else {s.id: s.date for s in logs.strength}
    if entry_id not in logged:
        raise InputError("entry_id", "That session is not in your log any more.")
    days = {d.day: d for d in (plan.days() if plan else ()) if d.day is not None}
    what = "run" if kind == "run" else "strength session"
    if not plans_kind(days.get(planned_date), kind):
        raise InputError("planned_date", f"Your plan has no {what} on {day_words(planned_date, today=today)}.")
    lift = next((s.kind for s in logs.strength if s.id == entry_id), None) if kind == "strength" else None
    wanted = days[planned_date].strength
    if not plans_kind(days[planned_date], kind, lift):
        raise InputError(
            "planned_date",
            f"This is Session {lift}: it cannot count for Session {wanted} of {day_words(planned_date, today=today)}.",
        )
    if abs((planned_date - logged[entry_id]).days) > LINK_DAYS_MAX:
        raise InputError("planned_date", f"Choose a planned {what} at most {LINK_DAYS_MAX} days from when you did it.")
    value = {"kind": kind, "entry_id": entry_id, "planned_date": planned_date.isoformat()}
    return {"op": "put", "collection": LINKS_COLLECTION, "id": f"{kind}:{entry_id}", "value": value}


def unlink_op(kind: Kind, entry_id: str) -> dict[str, Any]:
    """The store operation that removes a link; the logged entry itself is never touched."""
    return {"op": "delete", "collection": LINKS_COLLECTION, "id": f"{kind}:{entry_id}"}


def link_after_move(
    store: Store, kind: Kind, entry_id: str, day: date, today: date
) -> tuple[tuple[dict[str, Any], ...], str]:
    """What happens to the calendar link of a logged entry moved to ``day``: the ops that remove it, and the
    sentence that says so (it starts with a space; "" when the entry has no link).

    The link is kept while it can still count (its planned session at most :data:`LINK_DAYS_MAX` days from the
    entry, the calendar's rule). At the planned day itself the entry counts there by its own date, and further
    away the calendar would ignore the link: either way it is removed rather than left to count again
    unasked should the entry move back.
    """
    key = f"{kind}:{entry_id}"
    links = store.get(LINKS_COLLECTION) or {}
    found = read_logs({LINKS_COLLECTION: {key: links[key]}}).links if key in links else ()
    if not found:
        return (), ""
    planned = found[0].planned_date
    words = f"the {'run' if kind == 'run' else 'strength session'} planned on {day_words(planned, today=today)}"
    if planned == day:
        return (unlink_op(kind, entry_id),), f" It is now on the day of {words}, so it counts there without a link."
    if abs((planned - day).days) > LINK_DAYS_MAX:
        far = f"more than {LINK_DAYS_MAX} days from its new date"
        return (unlink_op(kind, entry_id),), f" Its calendar link to {words} is removed: {far}, it cannot count there."
    return (), f" It still counts for {words}, as you linked it on the calendar."
