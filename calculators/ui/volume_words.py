"""A session's or a week's strength volume in words: volume load in the reader's unit, and bodyweight work as
sets × reps (FORMULAS.md, "Strength"), never a made-up bodyweight in kg.

>>> from calculators.strength import BodyweightWork
>>> volume_words(0.0, BodyweightWork(reps=42, jumps=24, holds=3), "kg")
'42 bodyweight reps, 24 jumps, 3 holds'
>>> volume_words(1500.0, BodyweightWork(reps=30), "kg")
'1,500 kg + 30 bodyweight reps'
>>> volume_words(0.0, BodyweightWork(), "lb")
'0 lb'
"""

from __future__ import annotations

from calculators.strength import BodyweightWork
from calculators.units import WeightUnit, count, weight_in

__all__ = ["volume_words"]


def volume_words(kg: float, bodyweight: BodyweightWork, unit: WeightUnit) -> str:
    """Volume load (stored in kg) in whole ``unit``s, then the bodyweight work; "0 kg" only when there is neither."""
    work = [
        count(n, one, many)
        for n, one, many in (
            (bodyweight.reps, "bodyweight rep", "bodyweight reps"),
            (bodyweight.jumps, "jump", "jumps"),
            (bodyweight.holds, "hold", "holds"),
        )
        if n
    ]
    load = f"{round(weight_in(kg, unit)):,} {unit}"
    if not work:
        return load
    return ", ".join(work) if kg == 0 else f"{load} + {', '.join(work)}"
