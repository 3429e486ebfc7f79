"""A logged run that could be a race (a parkrun logged as a run), offered as the profile's recent race.

The run log offers it after logging the run and in the run's row, the calendar after logging it there; the offer,
its words and the record it stores are the race calculator's (:mod:`calculators.ui.recent_race`), and the profile
changes only when the reader presses its button. Its paces reach the saved plan's days only when the plan is
saved again, so the answer says so while the saved plan's VDOT is another one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.errors import InputError
from calculators.season import SeasonPlan
from calculators.ui.html import Html, el
from calculators.ui.planner_notes import saved_paces_note
from calculators.ui.readiness_data import Run, stored_run
from calculators.ui.recent_race import Race, is_recent_race, race_of_run, race_offer, race_op, saved_words
from calculators.ui.run_edit import run_title
from calculators.units import PaceUnit

__all__ = ["USE_RACE", "UsedRace", "offer_for", "offer_words", "offered_runs", "run_race", "use_race"]

#: The action of the offer's button, on every page that shows it.
USE_RACE = "use_race"


def run_race(run: Run) -> Race | None:
    """The race ``run`` could be (:func:`calculators.ui.recent_race.race_of_run`), or None."""
    return race_of_run(run.distance_m, run.duration_s, run.rpe, run.day)


def offer_for(
    run: Run, profile: Mapping[str, Any], unit: PaceUnit, today: date, *, plan: SeasonPlan | None
) -> Html | None:
    """The offer to make ``run`` the recent race, with the saved ``plan`` whose paces it leaves alone; None for a
    run that is no race, or is the recent race already."""
    race = run_race(run)
    if race is None or is_recent_race(race, profile):
        return None
    return race_offer(race, profile, unit, USE_RACE, {"id": run.id}, today, plan=plan)


def offer_words(run: Run, today: date) -> str:
    """The sentence before the offer when the reader asked for it from the run's row."""
    return f"Your {run_title(run, today)} could be your recent race: here is what it would change."


def offered_runs(runs: Iterable[Run], profile: Mapping[str, Any]) -> frozenset[str]:
    """The ids of the runs the run log's rows offer as the recent race."""
    return frozenset(r.id for r in runs if (race := run_race(r)) is not None and not is_recent_race(race, profile))


@dataclass(frozen=True, kw_only=True, slots=True)
class UsedRace:
    """The run made the recent race: the profile's store operation (none when it was already), the sentence that
    says what changed, what follows it (the saved plan's note), if anything, and the run's day."""

    ops: tuple[dict[str, Any], ...]
    message: str
    details: Html | None
    day: date


def use_race(
    store: Mapping[str, Mapping[str, Any]],
    profile: Mapping[str, Any],
    ident: object,
    plan: SeasonPlan | None,
    unit: PaceUnit,
    today: date,
) -> UsedRace:
    """Store the logged run ``ident`` as the recent race, read again from the store (a page left open since cannot
    store what the run no longer is).

    Raises:
        InputError: on ``action``, when the run is gone, or is no longer one that could be a race.
    """
    runs = store.get("runs") or {}
    run = stored_run(ident, runs[ident]) if isinstance(ident, str) and ident in runs else None
    race = run_race(run) if run is not None else None
    if run is None or race is None:
        raise InputError("action", "That run is no longer in your log as a race; your profile was not changed.")
    if is_recent_race(race, profile):
        message = "That run is your recent race already; nothing was changed."
        return UsedRace(ops=(), message=message, details=None, day=run.day)
    note = saved_paces_note(plan, race.vdot)
    details = el("p", None, note, " ", el("a", {"href": "../planner/"}, "Open the planner"), ".") if note else None
    message = saved_words(race, profile, unit, today)
    return UsedRace(ops=(race_op(race, profile),), message=message, details=details, day=run.day)
