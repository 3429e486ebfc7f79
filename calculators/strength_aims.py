"""What each logged set of an exercise aimed at, and the sets that fell short of it, in words.

A session logged here carries its prescription: every set aimed at the prescribed reps (or, for a hold, the
first set's). A session imported from Strong or Hevy was never prescribed here, and neither app records what
a set aimed at, so the aim is read from the sets themselves. Stridelab's rule (ours): the first set at a load
is what the sets at that load aimed at. A falling last set (6, 6, 3 reps at one load) then fell short, as
the guide adds load only "for as long as the reps are completed" (``shared/science/TRAINING-RULES.md``),
while a set at another load has its own aim, so a pyramid (8, 6, 4 reps as the load goes up) or a heavy
top set of 3 after sets of 5 is read as planned. The fewest reps logged, the rule before this one, made any
falling set the aim and so counted every imported session as completed.

>>> from calculators.strength import StrengthSet
>>> sets = [StrengthSet(reps=r, load_kg=80.0) for r in (6, 6, 3)]
>>> set_aims(sets, aim=None, holds=False).short
('set 3: 3 reps after 6 at the same load',)
>>> set_aims([StrengthSet(reps=r, load_kg=kg) for r, kg in ((8, 60.0), (6, 70.0), (4, 80.0))], aim=None,
...          holds=False).hit
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from calculators.strength import StrengthSet

__all__ = ["SetAims", "set_aims"]


@dataclass(frozen=True, kw_only=True, slots=True)
class SetAims:
    """``target``: the aim at the heaviest load logged, what the next session builds on; ``hit``: every set
    reached its aim; ``short``: each set that did not, in words (“set 3: 3 of 5 reps”)."""

    target: int
    hit: bool
    short: tuple[str, ...]


def _reps(n: float) -> str:
    """“rep” for one, “reps” for any other count: “set 2: 1 rep after 5”."""
    return "rep" if n == 1 else "reps"


def _short_words(number: int, done: float | None, aim: float | None, *, holds: bool, imported: bool) -> str:
    if done is None or aim is None:  # a set's own value is its load's aim when it is the first there
        return f"set {number}: no hold time logged"
    if holds:
        return (
            f"set {number}: a {done:g} s hold after {aim:g} s at the same load"
            if imported
            else (f"set {number}: a {done:g} s hold of {aim:g} s")
        )
    return (
        f"set {number}: {done:g} {_reps(done)} after {aim:g} at the same load"
        if imported
        else (f"set {number}: {done:g} of {aim:g} {_reps(aim)}")
    )


def set_aims(sets: Sequence[StrengthSet], *, aim: int | None, holds: bool) -> SetAims:
    """What each of an exercise's ``sets`` aimed at: ``aim`` reps (or seconds with ``holds``) each, or, with
    ``aim`` None (a session imported from another app), the reps or hold of the first set at the same load."""
    done = [s.hold_s if holds else s.reps for s in sets]
    if aim is None:
        first: dict[float | None, float] = {}
        for s, value in zip(sets, done, strict=True):
            if value is not None:
                first.setdefault(s.load_kg, value)
        aims: list[float | None] = [first.get(s.load_kg) for s in sets]
    else:
        aims = [aim] * len(sets)
    loads = [s.load_kg for s in sets if s.load_kg is not None]
    top = [s.load_kg for s in sets].index(max(loads)) if loads else 0
    # a hold missing at the heaviest load (a set logged with reps only) leaves the first hold logged
    at_top = aims[top] if sets else None
    target = at_top if at_top is not None else next((a for a in aims if a is not None), 0)
    short = tuple(
        _short_words(number, value, wanted, holds=holds, imported=aim is None)
        for number, (value, wanted) in enumerate(zip(done, aims, strict=True), start=1)
        if value is None or wanted is None or value < wanted
    )
    return SetAims(target=int(target), hit=not short, short=short)
