"""Lifting loads and box heights in the reader's unit: kilograms or pounds, centimetres or inches, as their
profile says.

The log stores every load in kilograms, and its exports and backups carry them so; pounds exist only
where a load is shown or typed (:func:`calculators.units.kg_from` on the way in, 135 lb → 61.23 kg;
:func:`load_shown` on the way out). Which unit a reader has is :attr:`calculators.profile.Profile.weight_unit`.

What a gym can load, in pounds (Stridelab's house numbers for a US gym): a barbell moves in 5 lb steps,
a 2.5 lb plate a side being the smallest most gyms have; other added load (a plate held, a backpack) in 2.5 lb
steps. In kilograms the catalogue's own steps stand (``Exercise.increment_kg``).

Dumbbells are the exception in both units: a lift held with dumbbells (``Exercise.dumbbells``) is logged as all
of them together, and a pair can only make twice one dumbbell. Stridelab's house numbers, no source in
``shared/science`` giving any: a gym's fixed dumbbells go up 2.5 kg at a time (5 lb in a US gym), the step
racks share past the lightest few (some begin 2, 4, 6, 8 kg), so a pair moves in 5 kg (10 lb) steps and one
dumbbell in 2.5 kg (5 lb) steps. 42.5 kg for a
pair would be 21.25 kg a hand, a dumbbell nobody has.

Kettlebells and weight stacks move in fixed steps too (:data:`IMPLEMENT_STEPS`, Stridelab's house rule): an
exercise done with one of them alone (its ``equipment`` names that implement and no other) steps by it.

>>> load_words(61.23, "lb"), load_words(62.5, "kg")
('135 lb', '62.5 kg')
>>> load_step(2.5, barbell=True, unit="lb"), load_step(5.0, barbell=True, unit="lb")
(5.0, 10.0)

Box heights go with the loads: a reader who lifts in pounds trains in a gym whose boxes are labelled in inches,
so with ``unit="lb"`` a height is shown and typed in inches, and in centimetres with ``"kg"``. The log stores every
height in centimetres, its exports and backups too (:func:`calculators.units.cm_from` on the way in, 12 in →
30.48 cm; :func:`height_shown` on the way out), and prescriptions in inches are on whole 2 in steps
(:data:`IN_STEP_BOX`).

>>> height_words(30.48, "lb"), height_words(35.0, "lb"), height_words(35.0, "kg")
('12 in', '13.8 in', '35 cm')
>>> box_heights((30.0, 5.0, 75.0), "lb")
(12.0, 2.0, 30.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from calculators.strength import HEIGHT_MAX_CM, HEIGHT_MIN_CM, LOAD_MAX_KG
from calculators.units import HeightUnit, WeightUnit, length_in, weight_in

__all__ = [
    "CM_STEP_BOX",
    "DUMBBELL_STEP_KG",
    "DUMBBELL_STEP_LB",
    "HEIGHT_MAX_IN",
    "HEIGHT_MIN_IN",
    "IMPLEMENT_STEPS",
    "IN_STEP_BOX",
    "LB_STEP_BARBELL",
    "LB_STEP_OTHER",
    "LOAD_MAX_LB",
    "box_heights",
    "box_rung",
    "height_range",
    "height_shown",
    "height_unit",
    "height_words",
    "implement_step",
    "load_grid",
    "load_max",
    "load_shown",
    "load_step",
    "load_words",
]

#: The heaviest load a set takes, typed in pounds: LOAD_MAX_KG (1102.31 lb) down to a round number, so
#: every load accepted in pounds is stored within the log's range.
LOAD_MAX_LB = 1100.0
#: A US gym's finest steps: a 2.5 lb plate on each side of a bar; dumbbells in 2.5 lb steps.
LB_STEP_BARBELL = 5.0
LB_STEP_OTHER = 2.5
#: One fixed dumbbell to the next (Stridelab's house numbers; see the module docstring).
DUMBBELL_STEP_KG, DUMBBELL_STEP_LB = 2.5, 5.0
#: Stridelab's house rule (no source in shared/science gives these numbers): the step, in kg and in lb, of a load
#: that only comes in fixed sizes. Kettlebells: every gym's rack has the 4 kg sizes (8, 12, 16, 20, 24, 28, 32 kg),
#: the sizes between them (10, 14, 18 kg) only some; a rack in pounds has every 10 lb (10, 20 … 100 lb), its 5 lb
#: sizes stop part-way. A weight stack (a selectorised machine, a cable column): its plates are 5 kg (10 lb in a US
#: gym); the half-plate add-on some stacks have is not on every machine, so it is not a step to count on. Smith
#: machines, trap bars and EZ bars take barbell plates, and step as a barbell does.
IMPLEMENT_STEPS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {"kettlebell": (4.0, 10.0), "machine": (5.0, 10.0), "cable": (5.0, 10.0)}
)


def load_max(unit: WeightUnit) -> float:
    """The heaviest load a set takes, in ``unit``."""
    return LOAD_MAX_KG if unit == "kg" else LOAD_MAX_LB


def load_shown(kg: float, unit: WeightUnit) -> float:
    """A stored load as the reader reads it: in kg to the 10 g, in lb to the tenth of a pound.

    A tenth of a pound, not a plate step: the log keeps 10 g (0.022 lb), so a load typed in whole, half or
    tenths of a pound (135, 137.5) comes back exactly as typed, and a set logged in kilograms before the
    reader chose pounds shows what was lifted (60 kg is 132.3 lb; 132.5 or 130 would be a load never lifted).
    Prescriptions in pounds are on the plate steps already (:func:`load_step`).

    >>> load_shown(61.23, "lb"), load_shown(60.0, "lb"), load_shown(63.5, "lb")
    (135.0, 132.3, 140.0)
    """
    return round(kg, 2) if unit == "kg" else round(weight_in(kg, unit), 1)


def load_words(kg: float, unit: WeightUnit) -> str:
    """A stored load in words in ``unit``: “60 kg”, “135 lb”."""
    return f"{load_shown(kg, unit):g} {unit}"


def implement_step(equipment: tuple[str, ...], unit: WeightUnit) -> float | None:
    """The fixed step, in ``unit``, of an exercise done with ``equipment`` when that is one implement of
    :data:`IMPLEMENT_STEPS` alone (a kettlebell, a weight stack); None otherwise (a barbell, or a choice of several).

    >>> implement_step(("kettlebell",), "kg"), implement_step(("machine",), "lb"), implement_step(("barbell",), "kg")
    (4.0, 10.0, None)
    """
    steps = IMPLEMENT_STEPS.get(equipment[0]) if len(equipment) == 1 else None
    return None if steps is None else steps[0 if unit == "kg" else 1]


def load_grid(
    *, barbell: bool, increment_kg: float, unit: WeightUnit, dumbbells: int = 0, equipment: tuple[str, ...] = ()
) -> float:
    """The step a prescribed load is rounded to, in ``unit``: the exercise's increment in kg; in lb the gym's
    finest step for a barbell (5 lb) or for other load (2.5 lb). A lift held with ``dumbbells`` (1 or 2) moves
    by one dumbbell step each: a pair 5 kg or 10 lb, one dumbbell 2.5 kg or 5 lb; one done with a kettlebell or on
    a weight stack alone (``equipment``) by its step (:data:`IMPLEMENT_STEPS`).

    >>> load_grid(barbell=False, increment_kg=2.5, unit="kg", dumbbells=2)
    5.0
    """
    if dumbbells:
        return dumbbells * (DUMBBELL_STEP_KG if unit == "kg" else DUMBBELL_STEP_LB)
    fixed = implement_step(equipment, unit)
    if fixed is not None:
        return fixed
    if unit == "kg":
        return increment_kg
    return LB_STEP_BARBELL if barbell else LB_STEP_OTHER


def load_step(
    step_kg: float, *, barbell: bool, unit: WeightUnit, dumbbells: int = 0, equipment: tuple[str, ...] = ()
) -> float:
    """A progression step given in kg (TRAINING-RULES.md: +2.5 kg, +5 kg) as a step the reader can load.

    In kg it is as given. In lb it is the nearest whole number of the gym's steps (2.5 kg is 5.5 lb: 5 lb;
    5 kg is 11.0 lb: 10 lb), and never less than one step, so a load that should go up does. With
    ``dumbbells`` it is whole dumbbell steps in either unit (+2.5 kg for a pair: +5 kg, 2.5 kg a hand), and with a
    kettlebell or a weight stack alone (``equipment``) whole steps of it (+2.5 kg on a stack: +5 kg).
    """
    if unit == "kg" and not dumbbells and implement_step(equipment, unit) is None:
        return step_kg
    grid = load_grid(barbell=barbell, increment_kg=step_kg, unit=unit, dumbbells=dumbbells, equipment=equipment)
    return max(grid, math.floor(weight_in(step_kg, unit) / grid + 0.5) * grid)


#: The step a box is set up in, in inches (Stridelab's house number for a US gym): stackable plyo boxes and step
#: risers build a height 2 in at a time, the fixed boxes gyms have (12, 18, 20, 24, 30 in) all sit on it, and it is
#: the catalogue's 5 cm step (1.97 in) to the nearest whole step, so a jumper climbs as fast in inches as in cm.
IN_STEP_BOX = 2.0
#: In centimetres the finest step is the whole centimetre a tape measure reads: a box logged in inches (30.48 cm)
#: is taken as 30 cm to step up from; the catalogue's 5 cm step stays the step.
CM_STEP_BOX = 1.0
#: The box heights a set takes, typed in inches: HEIGHT_MAX_CM (59.06 in) down to a whole inch and 1 in up from
#: HEIGHT_MIN_CM (0.39 in), so every height accepted in inches is stored within the log's range.
HEIGHT_MIN_IN, HEIGHT_MAX_IN = 1.0, 59.0


def height_unit(unit: WeightUnit) -> HeightUnit:
    """The unit box heights are shown and typed in for a reader who lifts in ``unit``: inches with lb, cm with kg."""
    return "cm" if unit == "kg" else "in"


def height_range(unit: WeightUnit) -> tuple[float, float]:
    """The lowest and highest box a set takes, in the reader's height unit: 1–150 cm, or 1–59 in."""
    return (HEIGHT_MIN_CM, HEIGHT_MAX_CM) if unit == "kg" else (HEIGHT_MIN_IN, HEIGHT_MAX_IN)


def height_shown(cm: float, unit: WeightUnit) -> float:
    """A stored height as the reader reads it: in cm to the millimetre, in inches to the tenth of an inch.

    A tenth of an inch, not a box step: a height typed in inches comes back as typed (12 in is stored as 30.48 cm),
    and a box logged in centimetres before the reader chose pounds shows what was jumped (35 cm is 13.8 in;
    14 in would be a box never used). Prescriptions in inches are on the box steps already (:func:`box_heights`).

    >>> height_shown(30.48, "lb"), height_shown(35.0, "lb"), height_shown(30.48, "kg")
    (12.0, 13.8, 30.5)
    """
    return round(length_in(cm, height_unit(unit)), 1)


def height_words(cm: float, unit: WeightUnit) -> str:
    """A stored height in words in the reader's height unit: “35 cm”, “12 in”."""
    return f"{height_shown(cm, unit):g} {height_unit(unit)}"


def _box_grid(unit: WeightUnit) -> float:
    return CM_STEP_BOX if unit == "kg" else IN_STEP_BOX


def box_rung(cm: float, unit: WeightUnit) -> float:
    """A stored height as a box the reader can set up, in their height unit: the nearest whole cm, or the nearest
    2 in step (35 cm → 14 in); never less than one step, as a box of 0 is none.

    >>> box_rung(35.0, "lb"), box_rung(30.48, "kg"), box_rung(40.0, "kg")
    (14.0, 30.0, 40.0)
    """
    grid = _box_grid(unit)
    return max(grid, math.floor(length_in(cm, height_unit(unit)) / grid + 0.5) * grid)


def box_heights(height_cm: tuple[float, float, float], unit: WeightUnit) -> tuple[float, float, float]:
    """An exercise's ``(start, step, top)`` box heights (:attr:`calculators.exercises.Exercise.height_cm`) in the
    reader's height unit: in cm as the catalogue gives them; in inches each on the 2 in steps, the step never less
    than one (30, 5, 75 cm → 12, 2, 30 in)."""
    start, step, top = height_cm
    if unit == "kg":
        return height_cm
    return box_rung(start, unit), max(IN_STEP_BOX, box_rung(step, unit)), box_rung(top, unit)
