"""Which day would let a session move, were it one of the reader's run days: the hint beside "no day fits".

A move offer never puts a session on a day the reader does not run, and bends a rule only off a busy day where no
move keeps them all (:mod:`calculators.reschedule`). When no move keeps every rule, the reader is better served by
knowing which one added run day would make room than by "skip it" (or a move that bends a rule) alone: the run days
are theirs to change (the profile's "Days you can run"). Each such day is found by asking
:func:`~calculators.reschedule.reschedule_offers` again with that one day added, so the hint
follows exactly the rules an offer would, and names no day those rules would refuse.
"""

from __future__ import annotations

from datetime import date

from calculators.reschedule import reschedule_offers, run_weekdays_of
from calculators.reschedule_case import Trigger
from calculators.season import SeasonPlan

__all__ = ["days_that_would_fit"]


def days_that_would_fit(
    plan: SeasonPlan,
    day: date,
    *,
    trigger: Trigger,
    today: date,
    red_days: frozenset[date] = frozenset(),
    amber_days: frozenset[date] = frozenset(),
    run_weekdays: tuple[int, ...] = (),
    done: frozenset[date] = frozenset(),
) -> tuple[int, ...]:
    """The weekdays (0 = Monday) the reader does not run on, any one of which, added to their run days, would
    give ``day``'s session a move offer that keeps every rule; empty when it has one already or no single day would
    do.

    The arguments are :func:`~calculators.reschedule.reschedule_offers`' own.

    Raises:
        InputError: as :func:`~calculators.reschedule.reschedule_offers`.
    """
    runs = run_weekdays_of(plan, run_weekdays)

    def moves(days: frozenset[int]) -> bool:
        offers = reschedule_offers(
            plan,
            day,
            trigger=trigger,
            today=today,
            red_days=red_days,
            amber_days=amber_days,
            run_weekdays=tuple(sorted(days)),
            done=done,
        )
        return any(offer.kind == "move" and not offer.bends for offer in offers)

    if moves(runs):
        return ()
    return tuple(extra for extra in range(7) if extra not in runs and moves(runs | {extra}))
