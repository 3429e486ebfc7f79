"""Lifting loads in the reader's unit: kilograms or pounds, as their profile says.

The log stores every load in kilograms, and its exports and backups carry them so; pounds exist only
where a load is shown or typed (:func:`calculators.units.kg_from` on the way in, 135 lb → 61.23 kg;
:func:`load_shown` on the way out). Which unit a reader has is :attr:`calculators.profile.Profile.weight_unit`.

What a gym can load, in pounds (Stridelab's house numbers for a US gym): a barbell moves in 5 lb steps,
a 2.5 lb plate a side being the smallest most gyms have; dumbbells and other added load in 2.5 lb steps.
In kilograms the catalogue's own steps stand (``Exercise.increment_kg``).

>>> load_words(61.23, "lb"), load_words(62.5, "kg")
('135 lb', '62.5 kg')
>>> load_step(2.5, barbell=True, unit="lb"), load_step(5.0, barbell=True, unit="lb")
(5.0, 10.0)
"""

from __future__ import annotations

import math

from calculators.strength import LOAD_MAX_KG
from calculators.units import WeightUnit, weight_in

__all__ = [
    "LB_STEP_BARBELL",
    "LB_STEP_OTHER",
    "LOAD_MAX_LB",
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


def load_grid(*, barbell: bool, increment_kg: float, unit: WeightUnit) -> float:
    """The step a prescribed load is rounded to, in ``unit``: the exercise's increment in kg; in lb the gym's
    finest step for a barbell (5 lb) or for other load (2.5 lb)."""
    if unit == "kg":
        return increment_kg
    return LB_STEP_BARBELL if barbell else LB_STEP_OTHER


def load_step(step_kg: float, *, barbell: bool, unit: WeightUnit) -> float:
    """A progression step given in kg (TRAINING-RULES.md: +2.5 kg, +5 kg) as a step the reader can load.

    In kg it is as given. In lb it is the nearest whole number of the gym's steps (2.5 kg is 5.5 lb: 5 lb;
    5 kg is 11.0 lb: 10 lb), and never less than one step, so a load that should go up does.
    """
    if unit == "kg":
        return step_kg
    grid = load_grid(barbell=barbell, increment_kg=step_kg, unit=unit)
    return max(grid, math.floor(weight_in(step_kg, unit) / grid + 0.5) * grid)
