"""The question asked before logging a set whose reps are far above its plan's: a load typed in the Reps box.

Session A asked for 5 reps; a first-time lifter typed 65 (her load) in the Reps box and 65 lb in Load, and the log
kept “65 × 65 lb”, an e1RM of 205.8 lb. Reps past Stridelab's rule (:func:`calculators.strength.reps_far_above`) are
not logged at the first tap: the set's line asks, with the numbers as typed, and its “Log set” button, now told the
reps to keep, logs them at the second (:func:`calculators.ui.strength_view.draft_view` shows it).
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.exercises import Exercise
from calculators.strength import StrengthSet, reps_far_above
from calculators.ui.strength_set_edit import load_label
from calculators.units import WeightUnit, count

__all__ = ["RepsCheck", "reps_check"]


@dataclass(frozen=True, kw_only=True, slots=True)
class RepsCheck:
    """A set of ``exercise`` (its ``index``) typed and not logged, and the ``question`` its line asks."""

    exercise: str
    index: int
    typed: StrengthSet
    question: str

    @property
    def anchor(self) -> str:
        """The question's id, which the set's Reps box is described by (``aria-describedby``)."""
        return f"sl-reps-check-{self.exercise}-{self.index}"


def reps_check(
    ex: Exercise, index: int, typed: StrengthSet, planned: StrengthSet, *, keep: object, asks: str, unit: WeightUnit
) -> RepsCheck | None:
    """The question to ask before logging set ``index`` of ``ex`` as ``typed`` when its reps are far above
    ``planned``'s, unless the reader has tapped “Log set” again to ``keep`` them; ``asks`` says who planned them
    (“Session A asks for”). None when there is nothing to ask (a hold has no reps to slip)."""
    if typed.hold_s is not None or keep == typed.reps or not reps_far_above(typed.reps, planned.reps):
        return None
    n = index + 1
    question = (
        f"{typed.reps} reps? {asks} {count(planned.reps, 'rep')} in set {n} of {ex.name}. Tap “Log set {n}” again "
        f"to keep {typed.reps}, or correct the Reps box: a load goes in {load_label(unit)}."
    )
    return RepsCheck(exercise=ex.id, index=index, typed=typed, question=question)
