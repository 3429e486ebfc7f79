"""The progression engine: the next prescription for one exercise from its logged history.

Rules from ``shared/science/TRAINING-RULES.md`` ("Progression", "The two
sessions") made precise in issue 5; every exercise appears in one session a
week, so one step per logged session is one step per week:

- load (Romanian deadlift, hip thrust): +2.5 kg while every set reaches its reps
  at RPE ≤ 8, +5 kg after an easy session (every set RPE ≤ 6); compound lifts are
  kept at or under 85 % of e1RM (the guide's 70–85 % band; e1RM by Epley 1985,
  with reps in reserve = 10 − RPE added to the reps as wger does, Zourdos et al. 2016);
- reps then load (Nordic curl, Bulgarian split squat): +1 rep per set up to the top
  of the range, then add load and return to the bottom;
- plyometric: higher box or a harder variant with shorter contacts, never more contacts;
- isometric: a longer hold, then the harder lever;
- bodyweight levels (pistol progression): reps up the range, then the next level.

Stridelab's house rules (labelled ours): missed reps → repeat, and a prescribed
set that was not logged counts as missed (the guide adds load only "for as long
as the reps are completed"); a session imported from another app had no prescription
here, so its own sets are what was asked, and the first set at a load is what the sets at that
load aimed at (:mod:`calculators.strength_aims`); missed in two sessions running → deload about 10 %; bodyweight
work with a set at half its aim or fewer at RPE 10 → a step easier at once (a level down the catalogue's ladder);
a loaded lift's first session with no e1RM known → the reader finds a load at RPE 7 (:data:`FIRST_RPE_RESERVE`);
two sessions of an exercise missed (21 days or more since it) → restart 10 % lower (20 % after 28 days);
one missed session (14–20 days) repeats the last one (the reason names a session in which the exercise was skipped
as skipped, with the reader's reason, not as missed); a step up from a load logged off the half-kilogram
grid (converted from pounds) starts from the nearest half kilogram. Week context from the planner: a dose
under 1 (a marathon's peak weeks) cuts sets by it and keeps what was reached (maintenance, not progression); no
strength at all with a dose of 0 or in the last 14 days before a race.

For a reader who lifts in pounds (``unit="lb"``) the same rules run on a US gym's loads
(:mod:`calculators.load_units`): each kg step becomes the nearest whole number of 5 lb barbell or 2.5 lb
other steps (at least one), a new load is rounded to those steps, and a step up from a load off them
starts from the nearest one. The prescription's ``load_kg`` is that pound load in kg, so a set done as prescribed is
stored as what was loaded; a repeat prescribes the stored load unchanged. A lift held with dumbbells moves in
whole dumbbell steps in either unit (:func:`calculators.load_units.load_grid`: a pair 5 kg or 10 lb), and a load
logged off them steps from the one at or below it. Box heights go the same way in inches: the catalogue's
30 cm start, 5 cm step and 75 cm top become 12, 2 and 30 in (:func:`calculators.load_units.box_heights`),
a box logged off the 2 in steps (35 cm is 13.8 in) steps from the nearest one, and ``height_cm`` is that inch box
in cm.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from calculators.after_race import LIGHTER_DAYS, NO_LIFT_DAYS, after_race_words
from calculators.date_words import day_words
from calculators.errors import InputError
from calculators.exercises import Exercise, SessionName, get_exercise, session_exercises
from calculators.load_units import (
    box_heights,
    box_rung,
    height_shown,
    height_unit,
    height_words,
    implement_step,
    load_grid,
    load_max,
    load_shown,
    load_step,
)
from calculators.strength import (
    LOAD_MAX_KG,
    RPE_MAX,
    StrengthSession,
    StrengthSet,
    check_number,
    e1rm,
    exercise_key,
)
from calculators.strength_aims import set_aims
from calculators.units import WeightUnit, cm_from, count, kg_from, weight_in

__all__ = [
    "BAR_KG",
    "BAR_LB",
    "PLATES_KG",
    "PLATES_LB",
    "Prescription",
    "WeekContextLike",
    "next_prescription",
    "plates_per_side",
    "session_prescriptions",
]

#: Stridelab's rule (no source in shared/science gives these numbers): each exercise comes once a week, so one
#: missed session puts the next one 14 days after the last, give or take a session moved a few days. A week off
#: costs little, so that session repeats the last one rather than stepping up or down (MISSED_ONE_DAYS). Two missed
#: sessions make it 21 days: restart 10 % lower (GAP_DAYS); three (28 days, four weeks): 20 % lower.
MISSED_ONE_DAYS, GAP_DAYS, LONG_GAP_DAYS = 14, 21, 28
RESTART_FACTOR, LONG_RESTART_FACTOR = 0.90, 0.80
DELOAD_FACTOR = 0.90
PROGRESS_RPE_MAX = 8.0  # every set at or under this RPE → step up
EASY_RPE_MAX = 6.0  # every set at or under this RPE → the larger step
#: Stridelab's rule: a set of bodyweight work (nothing added) that reached at most half its aim at RPE 10, no rep
#: left (1 of 3 Nordic curls; a 10 s hold of 30), is beyond the reader today, and repeating it would be the same
#: set again: the next session steps back as a deload does (:func:`_stepped_back`: a level down the catalogue's
#: ladder, fewer reps, a shorter hold or a lower box), and says so where nothing is easier.
FAR_SHORT_SHARE = 0.5
E1RM_CAP = 0.85  # compound lifts stay at or under 85 % of e1RM
E1RM_START = 0.75  # a first session from a known e1RM starts mid-band
#: Stridelab's rule (no source in shared/science gives it): a loaded lift's first session, with no e1RM known, is
#: done at RPE 7, 3 reps in reserve (reps in reserve = 10 − RPE, as :func:`_best_e1rm` reads it, Zourdos et al.
#: 2016): far enough from failure for someone new to the lift to learn it, and a load the next session steps from.
FIRST_RPE_RESERVE = 3
RACE_NO_STRENGTH_DAYS = 14
PHASES = ("base", "build", "peak", "taper")
#: A standard Olympic bar and the usual gym plates (kg).
BAR_KG = 20.0
PLATES_KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
#: A standard US bar and the usual pound plates (lb).
BAR_LB = 45.0
PLATES_LB = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)


class WeekContextLike(Protocol):
    """What progression reads from the planner's ``WeekContext`` (no import of the planner needed)."""

    @property
    def phase(self) -> str: ...  # base, build, peak or taper

    @property
    def strength_dose(self) -> float: ...  # 1.0 full, 0.5–0.7 a marathon's peak weeks, 0.0 none

    @property
    def days_to_race(self) -> int | None: ...


@dataclass(frozen=True, kw_only=True, slots=True)
class Prescription:
    """Today's work for one exercise and the one-line reason for it.

    ``load_kg`` is None for bodyweight work (and for a loaded lift with no
    history and no known e1RM: the reader picks the first load). Plyometrics
    carry ``contacts`` per set (equal to ``reps``) and ``height_cm`` or a
    ``level``; isometrics ``hold_s`` per side. ``sets == 0`` means no strength.
    ``planned`` lists each set to do when the sets differ (the reader's own lift, its sets as they were
    logged, moved by the rules: :mod:`calculators.own_lifts`); empty for a catalogue lift, whose sets are alike.
    """

    exercise: str
    kind: str
    sets: int
    reps: int
    load_kg: float | None
    reason: str
    level: int | None = None
    level_name: str | None = None
    height_cm: float | None = None
    contacts: int | None = None
    hold_s: int | None = None
    rest_s: int = 120
    planned: tuple[StrengthSet, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class _Done:
    """One past performance of the exercise, reduced to what the rules read."""

    date: date
    target: int
    load_kg: float | None
    level: int | None
    height_cm: float | None
    hold_s: int | None
    targets_hit: bool  # every logged set reached its reps (or hold)
    short: tuple[str, ...]  # the sets that did not, in words
    completed: bool  # targets hit and every prescribed set logged
    max_rpe: float | None
    sets: tuple[StrengthSet, ...]
    prescribed_sets: int


def _performances(exercise: Exercise, history: Iterable[StrengthSession], today: date) -> list[_Done]:
    done = []
    for session in sorted(history, key=lambda s: s.date):
        if session.date > today:
            continue
        for entry in session.exercises:
            if exercise_key(entry) != exercise.id or not entry.sets:
                continue
            sets = entry.sets
            # A session imported from another app (Strong, Hevy: it has a source) was never prescribed here, so
            # its sets are all the sets, and what each aimed at is read from the sets at its load
            # (:mod:`calculators.strength_aims`). One of ours from before target sets were kept was prescribed
            # the catalogue's sets: three logged of four is not a completed session. The reader's own lift logged
            # with no target (before it had a prescription, or with sets of different reps) is read as an import.
            imported = session.source is not None or (entry.exercise == "custom" and entry.target_reps is None)
            prescribed = entry.target_sets or (len(sets) if imported else exercise.default_sets)
            holds = [s.hold_s for s in sets if s.hold_s is not None]
            if exercise.kind == "isometric":
                own = int(holds[0]) if holds else 0
                aims = set_aims(sets, aim=None if imported else own, holds=True)
            else:
                # Without a stored target, a load-kind lift aimed at its fixed reps; others at the first set's.
                fixed = exercise.default_reps if exercise.kind == "load" else sets[0].reps
                aims = set_aims(sets, aim=entry.target_reps or (None if imported else fixed), holds=False)
            target, hit = aims.target, aims.hit
            if hit and exercise.kind in ("reps_then_load", "bodyweight_levels"):
                # Every set at the load lifted made at least this many reps: more than prescribed is what the next
                # session builds on, so 3 × 8 done of 3 × 6 asked goes on to 9, never back to 7. (A hold's aim is
                # its first set's already.)
                top = max((s.load_kg or 0.0 for s in sets), default=0.0)
                target = max(target, min(s.reps for s in sets if (s.load_kg or 0.0) == top))
            rpes = [s.rpe for s in sets if s.rpe is not None]
            loads = [s.load_kg for s in sets if s.load_kg is not None]
            heights = [s.height_cm for s in sets if s.height_cm is not None]
            # A rung past the end of the ladder (a newer catalogue, an edited file) reads as the top rung.
            level = min(entry.level, len(exercise.levels)) if entry.level and exercise.levels else None
            done.append(
                _Done(
                    date=session.date,
                    target=target,
                    load_kg=max(loads) if loads else None,
                    level=level,
                    height_cm=max(heights) if heights else None,
                    hold_s=target if holds else None,
                    targets_hit=hit,
                    short=aims.short,
                    completed=hit and len(sets) >= prescribed,
                    max_rpe=max(rpes) if rpes else None,
                    sets=sets,
                    prescribed_sets=prescribed,
                )
            )
    return done


def _skips(exercise: Exercise, history: Iterable[StrengthSession], after: date, today: date) -> list[str]:
    """The times ``exercise`` was skipped on purpose after ``after`` up to ``today``, oldest first, in words: "skipped
    on Monday 30 November (sore knee)", with the reader's reason when they gave one."""
    skipped = sorted(
        (session.date, entry.skip_reason)
        for session in history
        if after < session.date <= today
        for entry in session.exercises
        if entry.skipped and exercise_key(entry) == exercise.id
    )
    return [f"skipped on {day_words(day, today=today)}{f' ({why})' if why else ''}" for day, why in skipped]


def _since(gap: int, skips: list[str]) -> str:
    """How long since the last session, and why: "14 days since the last session (one missed)"; a session in which
    the reader skipped the exercise on purpose is said so, not as missed: "14 days since the last session, skipped
    on Monday 30 November (sore knee)"."""
    since, missed = f"{gap} days since the last session", gap // 7 - 1
    if not skips:
        return f"{since} ({'one missed' if missed == 1 else f'{missed} sessions missed'})"
    rest = missed - len(skips)
    more = f", and {'one' if rest == 1 else rest} more missed" if rest > 0 else ""
    return f"{since}, {' and '.join(skips)}{more}"


def _unlogged(item: _Done) -> int:
    """How many prescribed sets were not logged."""
    return max(0, item.prescribed_sets - len(item.sets))


def _far_short(item: _Done) -> bool:
    """Whether a session of bodyweight work had a set at RPE 10 that reached at most half its aim
    (:data:`FAR_SHORT_SHARE`); a loaded one keeps the rule of missed reps (repeat, then deload)."""
    if item.load_kg:
        return False
    return any(
        s.rpe is not None
        and s.rpe >= RPE_MAX
        and (s.hold_s if s.hold_s is not None else s.reps) <= FAR_SHORT_SHARE * item.target
        for s in item.sets
    )


def _shortfall(ex: Exercise, item: _Done) -> str:
    """Why a session did not count as completed, in the reader's words: “3 of 4 sets logged”, “missed reps
    (set 4: 3 of 5 reps)”; each set that fell short is named, as an imported session's aim is read from its
    own sets and the reader should see which set it was measured against."""
    missed = "a hold fell short" if ex.kind == "isometric" else "missed reps"
    if item.short:
        missed = f"{missed} ({'; '.join(item.short)})"
    if not _unlogged(item):
        return missed
    counted = f"{len(item.sets)} of {count(item.prescribed_sets, 'set')} logged"
    return counted if item.targets_hit else f"{counted}, and {missed}"


def _round(load: float, step: float, *, down: bool = False) -> float:
    steps = load / step
    return round((math.floor(steps + 1e-9) if down else round(steps)) * step, 2)


def _kg(value: float) -> str:
    return f"{value:g} kg"


def _words(value: float, unit: WeightUnit) -> str:
    """A load already in ``unit``, in words: “2.5 kg”, “5 lb”."""
    return f"{value:g} {unit}"


def _grid(ex: Exercise, unit: WeightUnit) -> float:
    return load_grid(
        barbell=ex.barbell, increment_kg=ex.increment_kg, unit=unit, dumbbells=ex.dumbbells, equipment=ex.equipment
    )


def _step(ex: Exercise, step_kg: float, unit: WeightUnit) -> float:
    return load_step(step_kg, barbell=ex.barbell, unit=unit, dumbbells=ex.dumbbells, equipment=ex.equipment)


def _fixed_sizes(ex: Exercise, unit: WeightUnit) -> str | None:
    """How the loads of a lift that only comes in fixed sizes move, in words ("a pair of dumbbells moves", "a
    kettlebell moves"); None for a bar's or added load, which plates make up finely."""
    if ex.dumbbells:
        return "a pair of dumbbells moves" if ex.dumbbells == 2 else "a dumbbell moves"
    if implement_step(ex.equipment, unit) is None:
        return None
    return "a kettlebell moves" if ex.equipment == ("kettlebell",) else "a weight stack moves"


def _start(load_kg: float, ex: Exercise, unit: WeightUnit = "kg") -> tuple[float, str]:
    """The last logged load, in ``unit``, as the start of a step up, and a note when it is not the load logged.

    Stridelab's rule: kilogram plates and dumbbells come in half-kilogram steps at the finest (0.25 kg
    a side), so a load off that grid was converted from pounds (135 lb = 61.23 kg) and no runner can
    load it plus a step. A step up starts from the nearest half kilogram instead (61 kg), so what is
    prescribed stays within a quarter kilogram of the rule's step above what was lifted. The log keeps
    the load as lifted, and a repeat prescribes it as it was (a 5 lb dumbbell is 2.27 kg, not 2.5 or 0).
    In pounds the same holds with the gym's pound steps (:func:`calculators.load_units.load_grid`): a load
    logged off them (60 kg is 132.3 lb) starts from the nearest (130 lb), so the step still goes up.
    """
    which = _fixed_sizes(ex, unit)
    if which is not None:
        # A pair's load off the dumbbell steps (42.5 kg: 21.25 kg a hand), a kettlebell between the common sizes or a
        # stack's half plate, steps from the size at or below it, so the next load is on the steps and at most one
        # step above what was lifted.
        shown, grid = load_shown(load_kg, unit), _grid(ex, unit)
        start = math.floor(shown / grid + 1e-9) * grid
        if math.isclose(start, shown):
            return shown, ""
        steps = f"{which} in {_words(grid, unit)} steps"
        return start, f"; the {_words(shown, unit)} logged is taken as {_words(start, unit)}, as {steps}"
    if unit == "kg":
        if (load_kg * 2).is_integer():
            return load_kg, ""
        start = round(load_kg * 2) / 2
        return start, f"; the {_kg(load_kg)} logged is taken as {_kg(start)}, as loads move in half-kilogram steps"
    shown, grid = load_shown(load_kg, unit), _grid(ex, unit)
    start = math.floor(shown / grid + 0.5) * grid
    if math.isclose(start, shown):
        return shown, ""
    what = f"{'barbell' if ex.barbell else 'added'} loads move in {_words(grid, unit)} steps"
    return start, f"; the {_words(shown, unit)} logged is taken as {_words(start, unit)}, as {what}"


def _first_box(ex: Exercise, unit: WeightUnit) -> float | None:
    """The exercise's first box in cm, set up in the reader's unit (30 cm; 12 in, stored as 30.48 cm)."""
    if not ex.height_cm:
        return None
    return cm_from(box_heights(ex.height_cm, unit)[0], height_unit(unit))


def _box_start(cm: float, unit: WeightUnit) -> tuple[float, str]:
    """The last box, in the reader's height unit, as the start of a step up or down, and a note when it is not
    the box logged: a box logged off the steps a reader sets up (35 cm is 13.8 in, off the 2 in steps) starts from
    the nearest one (14 in), so the next box is one the reader can build and still a step from the last."""
    start, shown = box_rung(cm, unit), height_shown(cm, unit)
    if math.isclose(start, shown):
        return start, ""
    which = height_unit(unit)
    steps = "whole centimetres" if which == "cm" else "2 in steps"
    return start, f"; the {height_words(cm, unit)} box logged is taken as {start:g} {which}, as boxes go up in {steps}"


def _best_e1rm(done: list[_Done], today: date) -> float | None:
    """Best e1RM over the last 8 weeks from sets with an RPE, counting reps in reserve (10 − RPE) as reps.

    Sets without an RPE are left out: taken as all-out, a completed 5-rep set
    would put every heavier load above 85 % and the cap would stop progression.
    """
    values = []
    for item in done:
        if (today - item.date).days > 56:
            continue
        for s in item.sets:
            if s.load_kg and s.load_kg > 0 and s.rpe is not None:
                in_reserve = max(0, round(10 - s.rpe))
                values.append(e1rm(s.load_kg, min(s.reps + in_reserve, 30)))
    return max(values, default=None)


def _base(ex: Exercise, reason: str, **values: object) -> Prescription:
    fields: dict[str, object] = {"sets": ex.default_sets, "reps": ex.default_reps, "load_kg": None}
    if ex.kind == "plyometric":
        fields["contacts"] = ex.default_reps
        fields["reps"] = ex.default_reps
    fields.update(values)
    level = fields.get("level")
    if isinstance(level, int) and ex.levels:
        fields["level_name"] = ex.levels[level - 1]
    return Prescription(exercise=ex.id, kind=ex.kind, reason=reason, rest_s=ex.rest_s, **fields)  # type: ignore[arg-type]


def _first(ex: Exercise, e1rm_kg: float | None, unit: WeightUnit) -> Prescription:
    bottom = ex.rep_range[0]
    if ex.kind == "load":
        if e1rm_kg is None:
            reps, spare = count(ex.default_reps, "rep"), FIRST_RPE_RESERVE
            return _base(
                ex,
                f"first session: start light and find a load for {reps} that leaves about {spare} more in you "
                f"(RPE {10 - spare}); the next session is prescribed from it",
            )
        best = weight_in(e1rm_kg, unit)
        load = _round(E1RM_START * best, _grid(ex, unit))
        of_best = f"of your estimated one-rep max of {_words(round(best, 1), unit)}"
        reason = f"first session: {round(E1RM_START * 100)} % {of_best}"
        return _base(ex, reason, load_kg=kg_from(load, unit))
    if ex.kind == "reps_then_load":
        return _base(ex, f"first session: {bottom} reps a set, bodyweight", reps=bottom)
    if ex.kind == "bodyweight_levels":
        return _base(ex, f"first session: level 1, {bottom} reps a set", reps=bottom, level=1)
    if ex.kind == "isometric":
        return _base(
            ex,
            f"first session: hold {ex.hold_s[0] if ex.hold_s else 0} s a side",
            level=1,
            hold_s=ex.hold_s[0] if ex.hold_s else None,
        )
    box = _first_box(ex, unit)
    if box is not None:
        return _base(ex, f"first session: a {height_words(box, unit)} box", height_cm=box)
    return _base(ex, "first session: the easiest variant", level=1)


def _same(ex: Exercise, last: _Done, reason: str, unit: WeightUnit) -> Prescription:
    """Repeat the last session's numbers."""
    values: dict[str, object] = {"load_kg": last.load_kg}
    if ex.kind in ("reps_then_load", "bodyweight_levels"):
        values["reps"] = last.target
    if ex.kind == "bodyweight_levels" or (ex.levels and ex.kind in ("plyometric", "isometric")):
        values["level"] = last.level or 1
    if ex.kind == "isometric":
        values["hold_s"] = last.hold_s or (ex.hold_s[0] if ex.hold_s else None)
    if ex.kind == "plyometric" and ex.height_cm:
        # A box logged is repeated as it was, in any unit: it is a box the reader had.
        values["height_cm"] = last.height_cm or _first_box(ex, unit)
    return _base(ex, reason, **values)


def _lower(
    ex: Exercise, last: _Done, factor: float, why: str, step: str, *, rung: bool, unit: WeightUnit
) -> Prescription:
    """Step back: the load by ``factor``; without a load, reps to the bottom (and with ``rung`` a level down). The
    reason is ``why``, then ``step`` ("restart 10 % lower") only when something did go lower: a bodyweight exercise
    at its fewest reps, the lowest box or the shortest hold stays as it was, and says so."""
    p = _stepped_back(ex, last, factor, f"{why}: {step}", rung=rung, unit=unit)
    if replace(p, reason="") != replace(_same(ex, last, "", unit), reason=""):
        return p
    if ex.kind == "load" and last.load_kg is None:
        return replace(p, reason=f"{why}: same as last time, as no load was logged to set lower")
    if ex.kind == "bodyweight_levels" and (last.level or 1) > 1:  # a level down waits for the longer break
        return replace(p, reason=f"{why}: same as last time, already the fewest reps at this level")
    return replace(p, reason=f"{why}: same as last time, already the easiest step")


def _stepped_back(
    ex: Exercise, last: _Done, factor: float, reason: str, *, rung: bool, unit: WeightUnit
) -> Prescription:
    p = _same(ex, last, reason, unit)
    if last.load_kg:
        # The nearest step to the factor keeps a deload "about 10 %" (102.5 kg → 92.5 kg, 9.8 %; rounding down
        # made it 90 kg, 12 %), and at least one step down, so it lightens where the steps are coarse.
        shown, grid = weight_in(last.load_kg, unit), _grid(ex, unit)
        lower = max(0.0, min(_round(shown * factor, grid), _round(shown - grid, grid, down=True)))
        p = replace(p, load_kg=kg_from(lower, unit) if lower > 0 or not ex.bodyweight else None)
    elif ex.kind in ("reps_then_load", "bodyweight_levels"):
        p = replace(p, reps=ex.rep_range[0])
        if ex.kind == "bodyweight_levels" and (last.level or 1) > 1 and rung:
            p = _base(ex, reason, reps=ex.rep_range[0], level=(last.level or 1) - 1)
    elif ex.kind == "isometric" and ex.hold_s and p.hold_s:
        p = replace(p, hold_s=max(ex.hold_s[0], p.hold_s - ex.hold_s[1]))
    elif ex.kind == "plyometric":
        if ex.height_cm and p.height_cm:
            lowest, step, _ = box_heights(ex.height_cm, unit)
            lower = max(lowest, _box_start(p.height_cm, unit)[0] - step)
            p = replace(p, height_cm=cm_from(lower, height_unit(unit)))
        elif p.level and p.level > 1:
            p = _base(ex, reason, level=p.level - 1)
    return p


def _kept(ex: Exercise, last: _Done) -> str:
    """What a peak week holds, in the exercise's own terms: a hop or a plank has no load to keep."""
    if ex.kind == "load" or (ex.kind == "reps_then_load" and last.load_kg):
        return "same load" if ex.kind == "load" else "same reps and load"
    if ex.kind == "isometric":
        return "same hold"
    if ex.kind == "plyometric":
        return "same box" if ex.height_cm else "same variant"
    return "same level and reps" if ex.kind == "bodyweight_levels" else "same reps"


def _progress(ex: Exercise, last: _Done, today: date, done: list[_Done], unit: WeightUnit) -> Prescription:
    if last.max_rpe is not None and last.max_rpe > PROGRESS_RPE_MAX:
        return _same(ex, last, f"all sets done but at RPE {last.max_rpe:g}: repeat until it moves at RPE ≤ 8", unit)
    done_at = "all sets completed at RPE ≤ 8" if last.max_rpe is not None else "all sets completed"
    bottom, top = ex.rep_range
    if ex.kind == "load":
        if last.load_kg is None:
            return _same(ex, last, f"{done_at}: log the load you used so the next step can be set", unit)
        easy = last.max_rpe is not None and last.max_rpe <= EASY_RPE_MAX
        step = _step(ex, ex.large_increment_kg if easy else ex.increment_kg, unit)
        start, note = _start(last.load_kg, ex, unit)
        load = min(load_max(unit), start + step)
        reason = f"{'all sets completed at RPE ≤ 6' if easy else done_at}: +{_words(load - start, unit)}{note}"
        best_kg = _best_e1rm(done, today) if ex.compound else None
        best = None if best_kg is None else weight_in(best_kg, unit)
        if best is not None and load > E1RM_CAP * best:
            load = max(start, _round(E1RM_CAP * best, _grid(ex, unit), down=True))
            of_best = f"of your estimated one-rep max of {_words(round(best, 1), unit)}"
            reason = f"{done_at}: {_words(load, unit)}, capped at 85 % {of_best}"
        return _base(ex, reason, load_kg=kg_from(load, unit))
    if ex.kind in ("reps_then_load", "bodyweight_levels"):
        if last.target < top:
            return replace(_same(ex, last, f"{done_at}: +1 rep a set", unit), reps=max(bottom, last.target + 1))
        if ex.kind == "reps_then_load":
            start, note = _start(last.load_kg or 0.0, ex, unit)
            step = _step(ex, ex.increment_kg, unit)
            load = min(load_max(unit), start + step)
            return _base(
                ex,
                f"{done_at} at the top of {bottom}–{top} reps: +{_words(step, unit)}, back to {bottom} reps{note}",
                reps=bottom,
                load_kg=kg_from(load, unit),
            )
        level = last.level or 1
        if level >= len(ex.levels):
            return _same(ex, last, f"{done_at} at the top of the ladder: keep it smooth and controlled", unit)
        return _base(ex, f"{done_at} at {top} reps: next level, back to {bottom} reps", reps=bottom, level=level + 1)
    if ex.kind == "isometric" and ex.hold_s:
        shortest, more, longest = ex.hold_s
        hold = last.hold_s or shortest
        if hold < longest:
            return replace(_same(ex, last, f"{done_at}: +{more} s a hold", unit), hold_s=min(longest, hold + more))
        level = last.level or 1
        if level < len(ex.levels):
            return _base(
                ex,
                f"{done_at} at {longest} s: the harder lever, back to {shortest} s",
                level=level + 1,
                hold_s=shortest,
            )
        return _same(ex, last, f"{done_at} at the longest hold: keep it", unit)
    first_box = _first_box(ex, unit)
    if ex.height_cm and first_box is not None:
        if last.height_cm is None:  # Strong and Hevy keep no box height: a step up from an unknown box is a guess
            return _same(ex, last, f"{done_at}: log the box height you used so the next step can be set", unit)
        _, step, highest = box_heights(ex.height_cm, unit)
        height, note = _box_start(last.height_cm, unit)
        if height < highest:
            higher = min(highest, height + step)
            reason = f"{done_at}: a {higher - height:g} {height_unit(unit)} higher box, same contacts{note}"
            return _base(ex, reason, height_cm=cm_from(higher, height_unit(unit)))
        return _same(ex, last, f"{done_at} at the highest box: same height, land softer and quicker", unit)
    level = last.level or 1
    if level < len(ex.levels):
        return _base(ex, f"{done_at}: the next variant, same contacts, shorter ground contact", level=level + 1)
    return _same(ex, last, f"{done_at} at the hardest variant: same contacts, aim for shorter ground contact", unit)


def _check_context(ctx: WeekContextLike | None) -> tuple[str, float, int | None] | None:
    if ctx is None:
        return None
    phase, dose, days = ctx.phase, ctx.strength_dose, ctx.days_to_race
    if phase not in PHASES:
        raise InputError("week_context.phase", f"“{phase}” is not a training phase; use base, build, peak or taper.")
    if isinstance(dose, bool) or not isinstance(dose, int | float) or not (math.isfinite(dose) and 0 <= dose <= 1):
        raise InputError("week_context.strength_dose", "The strength dose must be between 0 (none) and 1 (full).")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
        raise InputError("week_context.days_to_race", "Days to the race must be a whole number.")
    return phase, float(dose), days


def next_prescription(
    exercise: str | Exercise,
    history: Iterable[StrengthSession],
    *,
    today: date,
    week_context: WeekContextLike | None = None,
    e1rm_kg: float | None = None,
    unit: WeightUnit = "kg",
) -> Prescription:
    """The prescription for ``exercise`` on ``today`` from the logged ``history`` (any sessions, any order).

    ``exercise`` is a catalogue id, or the rules of the reader's own lift (:func:`calculators.own_lifts.own_rules`),
    whose history is found by its key (:func:`calculators.strength.exercise_key`). ``e1rm_kg`` (optional) seeds a
    load-kind lift that has no history yet. ``unit`` is the unit the reader loads in: with ``"lb"`` a new load is
    one a US gym can load (see the module docstring); ``load_kg`` is in kg either way.

    Raises:
        InputError: an unknown exercise, or a week context outside its ranges.
    """
    ex = exercise if isinstance(exercise, Exercise) else get_exercise(exercise)
    if not isinstance(today, date):
        raise InputError("today", "Today's date is needed to prescribe a session.")
    if e1rm_kg is not None:
        check_number(e1rm_kg, "e1rm_kg", low=1.0, high=LOAD_MAX_KG * 2, what="Estimated 1RM", unit="kg")
    context = _check_context(week_context)
    # Days after a race (a negative days_to_race): none, then lighter, plyometrics last (calculators.after_race).
    after = -context[2] if context is not None and context[2] is not None else None
    since = after if after is not None and 1 <= after <= LIGHTER_DAYS else None
    if since is not None and (since <= NO_LIFT_DAYS or (ex.kind == "plyometric" and since <= LIGHTER_DAYS)):
        why = after_race_words(since, plyometric=ex.kind == "plyometric")
        return _base(ex, why, sets=0, reps=0, contacts=None)
    if context is not None:
        phase, dose, days = context
        if days is not None and 0 <= days <= RACE_NO_STRENGTH_DAYS:
            return _base(
                ex,
                f"{days} days to the race: no strength in the last {RACE_NO_STRENGTH_DAYS} days",
                sets=0,
                reps=0,
                contacts=None,
            )
        if dose <= 0:
            return _base(ex, f"{phase} week: no strength this week", sets=0, reps=0, contacts=None)
    sessions = tuple(history)
    done = _performances(ex, sessions, today)
    if not done:
        prescription, stepped = _first(ex, e1rm_kg, unit), False
    else:
        last, gap = done[-1], (today - done[-1].date).days
        stepped = False
        if gap >= GAP_DAYS:
            factor = LONG_RESTART_FACTOR if gap >= LONG_GAP_DAYS else RESTART_FACTOR
            prescription = _lower(
                ex,
                last,
                factor,
                _since(gap, _skips(ex, sessions, last.date, today)),
                f"restart {round((1 - factor) * 100)} % lower",
                rung=gap >= LONG_GAP_DAYS,
                unit=unit,
            )
        elif not last.completed and len(done) > 1 and not done[-2].completed:
            if _unlogged(last) or _unlogged(done[-2]):
                missed = f"not completed two sessions running ({_shortfall(ex, last)} last time)"
            else:
                missed = f"{'holds fell short' if ex.kind == 'isometric' else 'missed reps'} two sessions running"
            prescription = _lower(ex, last, DELOAD_FACTOR, missed, "deload about 10 %", rung=True, unit=unit)
        elif not last.completed and _far_short(last):
            why = f"{_shortfall(ex, last)} at RPE {RPE_MAX:g} last time"
            down = ex.kind in ("bodyweight_levels", "plyometric") and bool(ex.levels) and (last.level or 1) > 1
            step = "one level easier" if down else "a step easier"
            prescription = _lower(ex, last, DELOAD_FACTOR, why, step, rung=True, unit=unit)
        elif not last.completed:
            again = "same load" if _unlogged(last) and last.load_kg else "repeat the same session"
            prescription = _same(ex, last, f"{_shortfall(ex, last)} last time: {again}", unit)
        elif gap >= MISSED_ONE_DAYS:
            reason = f"{_since(gap, _skips(ex, sessions, last.date, today))}: repeat it before moving on"
            prescription, stepped = _same(ex, last, reason, unit), True
        else:
            prescription, stepped = _progress(ex, last, today, done, unit), True
    # The planner's dose says whether a week is cut (a 10 km plan's peak weeks are not: season.PEAK_CUT_FROM_M).
    if context is not None and context[1] < 1:
        phase, dose = context[0], context[1]
        sets = ex.sets_at(dose)
        cut = f"{phase} week: {sets} of {ex.default_sets} sets"
        if since is not None:
            cut = f"{after_race_words(since)}: {sets} of {ex.default_sets} sets"
        if stepped and done:
            kept = _kept(ex, done[-1])
            prescription = _same(ex, done[-1], f"{cut}, {kept}: maintenance, not progression", unit)
        else:
            prescription = replace(prescription, reason=f"{cut}; {prescription.reason}")
        prescription = replace(prescription, sets=sets)
    return prescription


def session_prescriptions(
    session: SessionName,
    history: Iterable[StrengthSession],
    *,
    today: date,
    week_context: WeekContextLike | None = None,
    gym: bool = True,
    unit: WeightUnit = "kg",
) -> tuple[Prescription, ...]:
    """Today's prescription for every exercise of Session A or B (no-gym stand-ins when ``gym`` is False)."""
    sessions = tuple(history)
    return tuple(
        next_prescription(ex.id, sessions, today=today, week_context=week_context, unit=unit)
        for ex in session_exercises(session, gym=gym)
    )


def plates_per_side(
    load: float, *, bar: float | None = None, plates: tuple[float, ...] | None = None, unit: WeightUnit = "kg"
) -> tuple[float, ...]:
    """The plates to put on each side of the bar for ``load``, heaviest first (greedy, exact).

    Every weight is in ``unit``: by default a 20 kg bar and kilogram plates, in pounds a 45 lb bar and
    pound plates (45, 35, 25, 10, 5, 2.5).

    >>> plates_per_side(102.5)
    (25.0, 15.0, 1.25)
    >>> plates_per_side(140, unit="lb")
    (45.0, 2.5)

    Raises:
        InputError: the load is lighter than the bar, above 500 kg (1100 lb), or cannot be
            made exactly from the plates (then the message names the nearest loads that can).
    """
    bar = (BAR_KG if unit == "kg" else BAR_LB) if bar is None else bar
    plates = (PLATES_KG if unit == "kg" else PLATES_LB) if plates is None else plates
    check_number(load, "load_kg", low=bar, high=load_max(unit), what="A barbell load", unit=unit)
    remaining, chosen = round((load - bar) / 2, 6), []
    for plate in sorted(plates, reverse=True):
        while remaining >= plate - 1e-9:
            chosen.append(plate)
            remaining = round(remaining - plate, 6)
    if remaining > 1e-9:
        smallest = min(plates)
        below = bar + 2 * sum(chosen)
        message = (
            f"{load:g} {unit} cannot be made with these plates; the nearest are {below:g} and "
            f"{below + 2 * smallest:g} {unit}."
        )
        raise InputError("load_kg", message)
    return tuple(chosen)
