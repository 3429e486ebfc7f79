"""A race as the profile's recent race: the one offer, its words and the record it stores.

The race calculator's button and the offer for a logged run that could be a race (on the run log and the
calendar) both come from here, so they say the same and store the same. Only the named races
(:data:`calculators.vdot.RACES`) can be the recent race: the profile's own form offers no other distance, so it
would show another as none and lose it on its next save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators import vdot
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.profile import COLLECTION, ENTRY_ID, Profile, read_profile
from calculators.season import SeasonPlan
from calculators.ui.calculator import action_button
from calculators.ui.html import Html, el
from calculators.ui.planner_notes import saved_paces_note
from calculators.units import Meters, PaceUnit, Seconds, format_duration, format_pace, format_pace_range

__all__ = [
    "RACE_DISTANCE_SHARE",
    "RACE_RPE_MIN",
    "Race",
    "is_recent_race",
    "race_of_run",
    "race_offer",
    "race_op",
    "saved_words",
]

#: Stridelab's rule, not a source's: a logged run is offered as a race from this RPE up. On Foster's CR-10 scale
#: 7 is "very hard" and 10 "maximal"; a race is run near the top, while a tempo run or a hard long run stops at 7.
RACE_RPE_MIN = 8
#: Stridelab's rule: a logged distance within 3 % of a named race is that race. Wide enough for a watch's reading
#: of a measured course, narrow enough that no two races overlap (1500 m and the mile are 7 % apart) and that a
#: 6.3 km run is none.
RACE_DISTANCE_SHARE = 0.03

_WHO_USES = "the planner, Today and the readiness check use them"
#: With a saved plan made from another VDOT: its days keep their paces until it is saved again (planner_notes).
_WHO_USES_SAVED = (
    "the planner uses them; Today, the training calendar and the readiness check keep your saved plan's paces until "
    "you save it again on the planner"
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Race:
    """A race the profile could hold: a named race's distance, the finish time, and the day it was run if known."""

    meters: Meters
    time_s: Seconds
    day: date | None = None

    @property
    def vdot(self) -> float:
        """Its VDOT to one decimal, as the race calculator shows it and the profile stores it."""
        return round(vdot.vdot_from_race(self.meters, self.time_s), 1)

    def words(self, unit: PaceUnit, today: date | None) -> str:
        """“5 km in 31:40 on Saturday 30 January”: the race as the offer's button names it."""
        on = f" on {day_words(self.day, today=today)}" if self.day is not None else ""
        return f"{vdot.race_words(self.meters, unit, article=False)} in {format_duration(self.time_s)}{on}"


def race_of_run(distance_m: float, duration_s: float, rpe: float, day: date) -> Race | None:
    """The race a logged run could be: run hard (:data:`RACE_RPE_MIN`), over a named race's distance
    (within :data:`RACE_DISTANCE_SHARE`), in a time the race calculator takes; else None.

    >>> race_of_run(5000.0, 1900.0, 9, date(2027, 1, 30))
    Race(meters=5000.0, time_s=1900.0, day=datetime.date(2027, 1, 30))
    >>> race_of_run(5000.0, 1900.0, 4, date(2027, 1, 30)), race_of_run(6300.0, 2400.0, 9, date(2027, 1, 30))
    (None, None)
    """
    if rpe < RACE_RPE_MIN:
        return None
    meters = next((m for _, _, m in vdot.RACES if abs(distance_m - m) <= m * RACE_DISTANCE_SHARE), None)
    if meters is None:
        return None
    try:
        vdot.check_race_time(duration_s, meters, field="time", distance=vdot.race_words(meters))
    except InputError:  # a walk or a time no runner runs: not a race the model can read
        return None
    return Race(meters=meters, time_s=round(duration_s, 2), day=day)


def is_recent_race(race: Race, profile: Mapping[str, Any]) -> bool:
    """Whether the stored ``profile`` already holds ``race`` as its recent race (distance and time)."""
    stored = read_profile(profile).profile
    return stored.same_race(Profile(recent_distance_m=race.meters, recent_time_s=race.time_s))


def race_op(race: Race, profile: Mapping[str, Any]) -> dict[str, Any]:
    """The store operation that makes ``race`` the recent race and its VDOT the profile's, as the profile page does
    for a new race; every other key of the stored ``profile`` stays as it is."""
    stored = Profile(recent_distance_m=race.meters, recent_time_s=race.time_s, vdot=race.vdot).to_dict()
    value = {**dict(profile), **{key: stored[key] for key in ("recent_distance", "recent_time", "vdot")}}
    return {"op": "put", "collection": COLLECTION, "id": ENTRY_ID, "value": value}


def _paces(score: float, unit: PaceUnit) -> str:
    """“easy 7:05–7:48 /km, threshold 6:05 /km”: the paces most of a plan is run at, for VDOT ``score``."""
    paces = vdot.training_paces(score)
    return f"easy {format_pace_range(paces.easy, unit)}, threshold {format_pace(paces.threshold, unit)}"


def _holds(profile: Profile, unit: PaceUnit) -> str:
    """What the profile holds now: its recent race and its VDOT, with that VDOT's paces."""
    if profile.recent_distance_m is not None and profile.recent_time_s is not None:
        race = f"{vdot.race_words(profile.recent_distance_m, unit)} in {format_duration(profile.recent_time_s)}"
        holds = f"Your profile's recent race is {race}."
    else:
        holds = "Your profile has no recent race yet."
    if profile.vdot is None:
        return f"{holds} You have no VDOT yet, so no paces."
    return f"{holds} Your VDOT is {profile.vdot:.1f} now ({_paces(profile.vdot, unit)})."


def race_offer(
    race: Race,
    profile: Mapping[str, Any],
    unit: PaceUnit,
    action: str,
    args: Mapping[str, Any],
    today: date | None,
    *,
    plan: SeasonPlan | None,
) -> Html:
    """The offer to make ``race`` the recent race: what the profile holds now, what it becomes, and the one button
    that stores it (``action`` with ``args``); when it is the recent race already, that sentence instead. Which
    pages use the new paces: with a saved ``plan`` made from another VDOT, only the planner until it is saved
    again, as the answer after the button says."""
    if is_recent_race(race, profile):
        return el("p", {"class": "sl-result__note"}, "This is the recent race in your profile.")
    stored = read_profile(profile).profile
    becomes = f"As your recent race, this one makes your VDOT {race.vdot:.1f} ({_paces(race.vdot, unit)})"
    return el(
        "p",
        {"class": "sl-result__note", "data-race-offer": True},
        f"{_holds(stored, unit)} {becomes}; {_WHO_USES_SAVED if saved_paces_note(plan, race.vdot) else _WHO_USES}. ",
        action_button(f"Use as my recent race ({race.words(unit, today)})", action, args),
    )


def saved_words(race: Race, before: Mapping[str, Any], unit: PaceUnit, today: date | None) -> str:
    """What storing ``race`` changed, from the profile as it was ``before``: the new VDOT and paces, and the old."""
    old = read_profile(before).profile.vdot
    was = f"; it was {old:.1f} ({_paces(old, unit)})" if old is not None else ""
    return (
        f"Saved as your recent race: {race.words(unit, today)}. Your VDOT is now {race.vdot:.1f} "
        f"({_paces(race.vdot, unit)}){was}."
    )
