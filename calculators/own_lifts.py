"""The reader's own lifts (a back squat, a bench press, a deadlift from Strong): coached by the catalogue's rules.

Why they are not in the catalogue: the catalogue is Sessions A and B, and the strength guide
(``content/guides/strength-training-for-runners.md``, from ``shared/science/TRAINING-RULES.md``) names their
exercises and why each is there. It names no back squat, bench press or conventional deadlift, so Stridelab
has no dose of its own for them. A runner who already lifts them keeps his own program, and the log coaches it
with the same progression engine (:func:`calculators.progression.next_prescription`), not a copy of it.

Stridelab's rule (ours, no source giving a number): the reader's own lift is progressed from his own last
session. Its sets, their reps and loads are what he did last time (a top single after three sets of three stays a
top single), and the engine's rules move them:

- a lift whose every work set has a load follows the rules of the catalogue's loaded lifts ("load"): every set
  completed at RPE ≤ 8 → the next load step (2.5 kg, 5 kg after an easy session at RPE ≤ 6; 5 lb and 10 lb on a
  bar in pounds, TRAINING-RULES.md's "add 2.5–5 kg"), added to every set; missed reps → the same again; missed
  twice running → about 10 % lighter; two or three missed weeks → 10 % or 20 % lighter; the 85 %-of-e1RM cap is
  left out, as it is the guide's band for its own compound lifts and this program is the reader's;
- the step is one the lift's equipment can make, as its name says it (:func:`calculators.exercises.named_implements`:
  "Romanian Deadlift (Dumbbell)", "Leg Press (Machine)", "Dumbbell Bench Press"): a barbell, smith machine, trap
  bar or EZ bar as above; dumbbells one dumbbell size a hand, so a pair 5 kg or 10 lb (the log takes both together)
  and a lift held with one (a goblet squat, a one-arm row) 2.5 kg or 5 lb
  (:data:`calculators.load_units.DUMBBELL_STEP_KG`); a kettlebell or a weight stack (a machine, a cable) one size or
  plate (:data:`calculators.load_units.IMPLEMENT_STEPS`), whatever the session's RPE. A pair stepped 5 kg is a
  pair on the rack whether its load was typed for both dumbbells or, as some apps ask, for one;
- a lift done without a load follows the bodyweight rule ("reps_then_load", TRAINING-RULES.md's "one rep per set
  per week before adding load"): one more rep a set each time up to :data:`REPS_CEILING`, then the same reps, with
  the advice to add load or take a harder variant (the load, and which variant, being the reader's to choose); a
  set that already has more reps keeps them, with the same advice; a timed hold (a plank) the isometric rule: 5 s
  longer a hold, the Copenhagen plank's step;
- the planner's week cuts them as it cuts the catalogue's: in a marathon's peak weeks the first sets only
  (:meth:`calculators.exercises.Exercise.sets_at`, the 30–50 % rule) at the same loads, and no lifting at all in
  the last 14 days before a race.

When the engine lowers the top load, every set is lowered by the same share and rounded to the loads a gym has;
when it raises it, every set goes up by the same step, so a light back-off set moves too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from calculators.exercises import CATALOGUE, Exercise, named_implements, plain_name
from calculators.load_units import load_grid, load_shown
from calculators.progression import Prescription, WeekContextLike, next_prescription
from calculators.strength import HOLD_MAX_S, ExerciseLog, StrengthSession, StrengthSet, previous_entry
from calculators.strength_aims import set_aims
from calculators.units import WeightUnit, kg_from

__all__ = ["FIRST_TIME", "REPS_CEILING", "own_prescription", "own_rules"]

#: Why the reader's own lift has no numbers yet: nothing logged to go on.
FIRST_TIME = "your own exercise: log what you do; next time your numbers, moved on by the log's rules, are shown here"
#: The catalogue's loaded lifts' steps (Romanian deadlift, hip thrust, calf raise) and its hold step.
_STEP_KG, _EASY_STEP_KG, _HOLD_STEP_S = 2.5, 5.0, 5
_FINEST_KG = 0.5  # kilogram plates' finest step, 0.25 kg a side (progression's own rule, ``_start``)
HOLD_S = int(HOLD_MAX_S)  # the longest hold a set takes: a hold goes on growing up to it
#: Stridelab's house rule: the most reps a set the reader's own lift without a load gains reps to, the top of the
#: catalogue's own bodyweight lifts (15: the hip abduction, the single-leg hip thrust). Past it a set trains
#: endurance more than strength, the guide's "light, high-rep sets" of low transfer, so it stays there and the reason
#: says to add load or take a harder variant.
REPS_CEILING = max(ex.rep_range[1] for ex in CATALOGUE.values() if ex.kind == "reps_then_load")
#: Words that say a dumbbell lift holds one dumbbell, not a pair (Stridelab's reading of the name): its load steps by
#: one dumbbell size.
_ONE_DUMBBELL = ("goblet", "single arm", "one arm", "suitcase")
#: The implements whose loads step by a size of their own; the rest (a bar, a plate, a band) step as a barbell does.
_SIZED = ("dumbbell", "kettlebell", "machine", "cable")


def _equipment(name: str) -> tuple[tuple[str, ...], int]:
    """The equipment the reader's own lift is done with, as :attr:`Exercise.equipment` holds it, and how many
    dumbbells hold its load (:attr:`Exercise.dumbbells`), from its name; ``((), 0)`` when it names no implement
    that steps by a size of its own, or several."""
    sized = named_implements(name) & set(_SIZED)
    if len(sized) != 1:
        return (), 0
    implement = sized.pop()
    if implement != "dumbbell":
        return (implement,), 0
    words = f" {plain_name(name)} "
    return (implement,), 1 if any(f" {word} " in words for word in _ONE_DUMBBELL) else 2


def own_rules(ex: Exercise, last: ExerciseLog) -> Exercise:
    """The rules the engine runs for the reader's own lift ``ex``, from its ``last`` logged entry: sets as many as
    then, reps (or hold) as the heaviest sets aimed at."""
    holds = any(s.hold_s is not None for s in last.sets)
    aim = max(1, set_aims(last.sets, aim=last.target_reps, holds=holds).target)
    sets = last.target_sets or len(last.sets)
    if holds:
        return replace(
            ex,
            kind="isometric",
            rep_range=(1, 1),
            default_sets=sets,
            default_reps=1,
            hold_s=(aim, _HOLD_STEP_S, HOLD_S),
        )
    if all(s.load_kg for s in last.sets):
        equipment, dumbbells = _equipment(ex.name)
        return replace(
            ex,
            kind="load",
            rep_range=(aim, aim),
            default_sets=sets,
            default_reps=aim,
            increment_kg=_STEP_KG,
            # One size at a time on sized equipment: two (+5 kg on one dumbbell, +8 kg on a kettlebell) are a jump
            # of a fifth or more at the loads a runner holds in one hand.
            large_increment_kg=_STEP_KG if equipment else _EASY_STEP_KG,
            bodyweight=False,
            dumbbells=dumbbells,
            equipment=equipment or ex.equipment,
        )
    return replace(
        ex, kind="reps_then_load", rep_range=(aim, max(aim, REPS_CEILING)), default_sets=sets, default_reps=aim
    )


def _moved(rules: Exercise, item: StrengthSet, before: float, after: float, unit: WeightUnit) -> float:
    """One set's load (kg) when the top set goes from ``before`` to ``after`` (kg): up by the same step, or down by
    the same share, on the finest loads a gym has (half a kilogram, as progression steps from; 5 lb on a bar), or
    on the sizes of the lift's dumbbells, kettlebell or weight stack."""
    grid = load_grid(
        barbell=True, increment_kg=_FINEST_KG, unit=unit, dumbbells=rules.dumbbells, equipment=rules.equipment
    )
    shown = load_shown(item.load_kg or 0.0, unit)
    moved = shown + load_shown(after, unit) - load_shown(before, unit) if after >= before else shown * after / before
    return kg_from(max(grid, round(moved / grid) * grid), unit)


def _planned(rules: Exercise, last: ExerciseLog, p: Prescription, unit: WeightUnit) -> tuple[StrengthSet, ...]:
    """Last time's sets, as many as ``p`` prescribes, moved as ``p`` moves the heaviest of them."""
    # Sets prescribed but not logged last time (three of four) come back, as its last set: the session is repeated.
    kept = last.sets[: p.sets] + last.sets[-1:] * max(0, p.sets - len(last.sets))
    aim = rules.default_reps
    if rules.kind == "isometric":
        hold = rules.hold_s[0] if rules.hold_s else 0
        more = (p.hold_s or hold) - hold
        return tuple(replace(s, rpe=None, hold_s=(s.hold_s or hold) + more, extra={}) for s in kept)
    if rules.kind == "reps_then_load":
        more = p.reps - aim
        return tuple(replace(s, rpe=None, reps=max(1, s.reps + more), extra={}) for s in kept)
    before = max(s.load_kg or 0.0 for s in last.sets)
    after = p.load_kg if p.load_kg is not None else before
    if abs(after - before) < 0.005:
        return tuple(replace(s, rpe=None, extra={}) for s in kept)
    return tuple(replace(s, rpe=None, load_kg=_moved(rules, s, before, after, unit), extra={}) for s in kept)


def own_prescription(
    ex: Exercise,
    sessions: Iterable[StrengthSession],
    *,
    today: date,
    week_context: WeekContextLike | None = None,
    unit: WeightUnit = "kg",
) -> Prescription:
    """Today's sets of the reader's own lift ``ex`` (its id is its key, ``custom:<name>``), from the last time it was
    logged up to ``today`` and the planner's week; with nothing logged, none (the reader's own numbers)."""
    history = tuple(sessions)
    last = previous_entry(history, ex.id, before=today + timedelta(days=1))
    if last is None:
        return Prescription(
            exercise=ex.id, kind="custom", sets=0, reps=0, load_kg=None, reason=FIRST_TIME, rest_s=ex.rest_s
        )
    rules = own_rules(ex, last)
    p = next_prescription(rules, history, today=today, week_context=week_context, unit=unit)
    if rules.kind == "reps_then_load" and p.load_kg is not None:
        # The engine's step at the top of the reps (+load, back to the bottom) is the catalogue's, whose load is
        # known; here the load, or a harder variant, is the reader's choice: same reps, and say so.
        top = rules.rep_range[1]
        done = p.reason.split(" at the top of ")[0]
        most = "the most" if top == REPS_CEILING else f"past the {REPS_CEILING}"
        reason = (
            f"{done} at {top} reps a set, {most} the log adds reps to: keep {top} and make it harder, with added "
            "load (a weight vest, a plate, a dumbbell) or a harder variant; more reps train endurance, not strength"
        )
        p = replace(p, reps=rules.default_reps, load_kg=None, reason=reason)
    planned = _planned(rules, last, p, unit) if p.sets else ()
    return replace(p, kind="custom", sets=len(planned), planned=planned, level=None, level_name=None)
