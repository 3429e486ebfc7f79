"""Choosing the week's arrangement: every admissible 7-day layout, scored, the best one kept.

Seven days are a small search space (at most a few thousand layouts), so the
planner scores every layout of the runner's sessions over their available days
against the hard rules (:mod:`calculators.week_rules`) and soft preferences,
and keeps the lowest score; ties go to the first layout in a fixed order. Same
inputs, same week.

The weights are Stridelab's: any hard rule outweighs every preference, and the
runner's stated days outweigh the planner's own habits, which are read from the
guide's reference week (TRAINING-RULES.md): rest the day before a hard session
(the guide's Wednesday and Sunday), tempo before intervals (Session A early in
the week), and runs spread so rest days break them up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, permutations

from calculators.week_prefs import WEEKDAY_NAMES, Weekday, WeekPrefs
from calculators.week_rules import HARD_RUNS, RUN_TYPES, describe, violations

__all__ = ["Arrangement", "BentRule", "arrange", "default_long_run_day", "sessions_for"]

#: The guide's hard days when the runner says "choose for me": Monday and Thursday.
GUIDE_HARD_DAYS: tuple[Weekday, ...] = (0, 3)
_RULE_WEIGHT = {"stacked-stress": 100_000, "long-after-stress": 50_000, "no-easy-before-long": 30_000}
_STATED_WEIGHT, _GUIDE_WEIGHT = 1_000, 500  # per session off the runner's (or the guide's) day
_REST_BEFORE_HARD, _TEMPO_FIRST = 10, 3


@dataclass(frozen=True, kw_only=True, slots=True)
class BentRule:
    """A rule or preference the plan could not keep, the form field it concerns, and why."""

    field: str | None
    message: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Arrangement:
    """The week's run types Monday→Sunday and the rules it had to bend."""

    runs: tuple[str, ...]
    bent_rules: tuple[BentRule, ...]


def sessions_for(run_count: int) -> tuple[str, ...]:
    """The week's runs for a number of run days (TRAINING-RULES.md, the reference week).

    Three runs: tempo, intervals, long; each run beyond is easy. Below three
    (too few available days) the long run goes first, then the tempo run:
    Stridelab's choice, so one hard run still carries strength.
    """
    if run_count <= 0:
        return ()
    if run_count == 1:
        return ("tempo",)
    if run_count == 2:
        return ("tempo", "long")
    return ("tempo", "intervals", "long") + ("easy",) * (run_count - 3)


def default_long_run_day(run_count: int) -> Weekday:
    """Saturday with up to four runs; Sunday with five or more ("move the long run to Sunday")."""
    return 6 if run_count >= 5 else 5


def _distance(a: int, b: int) -> int:
    gap = abs(a - b) % 7
    return min(gap, 7 - gap)


def _preference_cost(
    runs: Sequence[str], hard_pref: Sequence[int], long_pref: int | None, weight: int, long_weight: int
) -> int:
    hard = [i for i, run in enumerate(runs) if run in HARD_RUNS]
    cost = 0
    if hard_pref:
        matched = sum(i in hard_pref for i in hard)
        missing = min(len(hard_pref), len(hard)) - matched
        if missing > 0:
            cost += missing * weight + sum(min(_distance(i, p) for p in hard_pref) for i in hard if i not in hard_pref)
    if long_pref is not None and "long" in runs:
        where = runs.index("long")
        if where != long_pref:
            cost += long_weight + _distance(where, long_pref)
    return cost


def _habit_cost(runs: Sequence[str]) -> int:
    cost = sum(_REST_BEFORE_HARD for i, run in enumerate(runs) if run in HARD_RUNS and runs[i - 1] != "rest")
    if "tempo" in runs and "intervals" in runs and runs.index("tempo") > runs.index("intervals"):
        cost += _TEMPO_FIRST
    # Runs spread out: the sum of squared lengths of runs of consecutive run days, the week repeating.
    if "rest" in runs:
        start = runs.index("rest")
        streak = 0
        for k in range(1, 8):
            if runs[(start + k) % 7] == "rest":
                cost += streak * streak
                streak = 0
            else:
                streak += 1
    return cost


def _rule_cost(runs: Sequence[str]) -> int:
    return sum(_RULE_WEIGHT.get(code, 0) for code, _ in violations(runs, [None] * 7, cyclic=True))


def _names(days: Sequence[int]) -> str:
    words = [WEEKDAY_NAMES[d] for d in days]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def arrange(prefs: WeekPrefs) -> Arrangement:
    """The best layout of the week's runs for ``prefs``, with every bent rule named."""
    available = prefs.available_days
    count = min(prefs.run_days, len(available))
    sessions = sessions_for(count)
    # In easy weeks the tempo and interval places are where Sessions A and B go with an easy run
    # (calculators.week turns them into easy runs): the same spacing of stress days, on the runner's hard days.
    stated_hard = bool(prefs.hard_days)
    hard_pref = prefs.hard_days or GUIDE_HARD_DAYS
    long_pref = prefs.long_run_day if prefs.long_run_day is not None else default_long_run_day(count)
    weight = _STATED_WEIGHT if stated_hard else _GUIDE_WEIGHT
    long_weight = _STATED_WEIGHT if prefs.long_run_day is not None else _GUIDE_WEIGHT
    orders = sorted(set(permutations(sessions)), key=lambda p: [RUN_TYPES.index(r) for r in p])
    best: tuple[tuple[int, ...], tuple[str, ...]] | None = None
    honouring: tuple[tuple[int, ...], tuple[str, ...]] | None = None
    for days in combinations(available, count):
        for order in orders:
            runs = ["rest"] * 7
            for day, run in zip(days, order, strict=True):
                runs[day] = run
            preference = _preference_cost(runs, hard_pref, long_pref, weight, long_weight)
            rules = _rule_cost(runs)
            key = (rules + preference + _habit_cost(runs), *(RUN_TYPES.index(r) for r in runs))
            candidate = (key, tuple(runs))
            if best is None or candidate < best:
                best = candidate
            stated = _preference_cost(runs, prefs.hard_days, prefs.long_run_day, 1, 1)
            if stated == 0 and (honouring is None or candidate < honouring):
                honouring = candidate
    assert best is not None  # available_days is never empty
    chosen = best[1]
    bent: list[BentRule] = []
    if count < prefs.run_days:
        bent.append(
            BentRule(
                field="run_days",
                message=(
                    f"You chose {prefs.run_days} run days but only {len(available)} "
                    f"day{'s are' if len(available) > 1 else ' is'} available, so this plan has {count} "
                    f"run{'s' if count > 1 else ''}."
                ),
            )
        )
    if count == 2:
        bent.append(
            BentRule(
                field="available_days",
                message=(
                    "With two run days there is room for one stress day: an easy run with Session A after it; "
                    "Session B is left out so the long run does not come on a lifting day."
                    if prefs.easy_weeks
                    else "With two run days there is room for one hard run: the tempo run carries Session A, and "
                    "Session B is left out because strength goes only on a hard-run day."
                ),
            )
        )
    elif count == 1:
        bent.append(
            BentRule(
                field="available_days",
                message=(
                    "With one run day the week is an easy run with Session A: no long run and no Session B."
                    if prefs.easy_weeks
                    else "With one run day the week is a tempo run with Session A: no long run and no Session B."
                ),
            )
        )
    bent.extend(_preference_notes(prefs, chosen, honouring[1] if honouring else None, count))
    for violation in violations(chosen, [None] * 7, cyclic=True):
        bent.append(
            BentRule(
                field="available_days",
                message=(
                    f"{describe(violation, chosen)} Your available days ({_names(available)}) leave no layout "
                    "without this."
                ),
            )
        )
    return Arrangement(runs=chosen, bent_rules=tuple(bent))


def _preference_notes(
    prefs: WeekPrefs, runs: Sequence[str], honouring: Sequence[str] | None, count: int
) -> list[BentRule]:
    notes: list[BentRule] = []
    hard = [i for i, run in enumerate(runs) if run in HARD_RUNS]
    checks: list[tuple[str, list[int], list[int]]] = []
    if prefs.hard_days and min(len(prefs.hard_days), len(hard)) > sum(i in prefs.hard_days for i in hard):
        checks.append(("hard_days", list(prefs.hard_days), hard))
    if prefs.long_run_day is not None and "long" in runs and runs.index("long") != prefs.long_run_day:
        checks.append(("long_run_day", [prefs.long_run_day], [runs.index("long")]))
    for field, wanted, placed in checks:
        sessions = "Your strength days" if prefs.easy_weeks else "Your hard sessions"
        what = sessions if field == "hard_days" else "Your long run"
        missing = [d for d in wanted if d not in prefs.available_days]
        if missing:
            why = f"{_names(missing)} {'is' if len(missing) == 1 else 'are'} not among your available days"
        elif honouring is not None:
            broken = violations(honouring, [None] * 7, cyclic=True)
            why = (
                f"keeping your days would break a rule: {describe(broken[0], honouring)}"
                if broken
                else "the rest of the week fits better this way"
            )
        else:
            why = f"{count} run days cannot fit {_names(wanted)} together with the other sessions"
        notes.append(
            BentRule(
                field=field,
                message=(
                    f"{what} moved from {_names(wanted)} to {_names(placed)}: {why}{'' if why.endswith('.') else '.'}"
                ),
            )
        )
    return notes
