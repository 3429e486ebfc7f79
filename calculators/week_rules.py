"""The hard rules of a training week, checked the same way by the planner and by anyone else.

From TRAINING-RULES.md, "Where they go in the week": strength goes on the same
day as a hard run (never on an easy day); the next day is easy or rest, so
stress days never stack; the long run does not follow a stress day where that
can be avoided (issue 4); with five or more runs the day before the long run is
an easy run (the guide's easy Saturday before the Sunday long run).

Easy weeks (no hard runs by choice, ``easy_weeks``) are Stridelab's rule, as TRAINING-RULES.md has no week
without hard runs: Sessions A and B go with two easy runs, run first and lift after, and those lifting days
are the week's stress days. The rule leant on is the guide's cluster stress: its ban on strength on an easy
day protects the recovery day after a stress day, so in an easy week the day after each lifting day is still
easy or rest, and stress days still never stack.
"""

from __future__ import annotations

from collections.abc import Sequence

from calculators.week_prefs import WEEKDAY_NAMES

__all__ = [
    "HARD_RUNS",
    "RUN_TYPES",
    "STRENGTH_SESSIONS",
    "STRESS_RUNS",
    "Violation",
    "describe",
    "violations",
]

#: Every run type a day can carry. The planner writes the first five; ``race``
#: appears in a season's race week and ``cross`` is kept for later modules.
RUN_TYPES = ("rest", "easy", "tempo", "intervals", "long", "race", "cross")
#: Hard runs: the days that carry strength (tempo → Session A, intervals → Session B).
HARD_RUNS = frozenset({"tempo", "intervals"})
#: Stress days: a hard run (and its strength session) or a race.
STRESS_RUNS = frozenset({"tempo", "intervals", "race"})
STRENGTH_SESSIONS = ("A", "B")
#: The runs that carry strength in an easy week: an easy run, never the long run or a rest day.
_EASY_WEEK_CARRIERS = frozenset({"easy"})
#: Runs that count towards the number of run days.
_RUNNING = frozenset({"easy", "tempo", "intervals", "long", "race"})

#: A broken rule: its code and the index of the day that breaks it.
Violation = tuple[str, int]


def violations(
    runs: Sequence[str], strength: Sequence[str | None], *, cyclic: bool, easy_weeks: bool = False
) -> list[Violation]:
    """Every hard rule a week breaks, as ``(code, day index)`` pairs, in day order.

    ``cyclic`` treats the week as repeating, so Sunday is also checked against
    the next Monday. ``easy_weeks``: the runner chose no hard runs, so strength
    goes with an easy run and that day is a stress day. Codes: ``strength-off-hard``,
    ``stacked-stress``, ``long-after-stress``, ``strength-after-stress``, ``no-easy-before-long``.
    """
    count = len(runs)
    five_plus = sum(run in _RUNNING for run in runs) >= 5
    carriers = _EASY_WEEK_CARRIERS if easy_weeks else HARD_RUNS
    stress = [run in STRESS_RUNS or (easy_weeks and lift is not None) for run, lift in zip(runs, strength, strict=True)]
    found: list[Violation] = []
    for i, run in enumerate(runs):
        if strength[i] is not None and run not in carriers:
            found.append(("strength-off-hard", i))
        if i > 0 or cyclic:
            if stress[(i - 1) % count]:
                if stress[i]:
                    found.append(("stacked-stress", i))
                elif run == "long":
                    found.append(("long-after-stress", i))
                if strength[i] is not None:
                    found.append(("strength-after-stress", i))
            if five_plus and run == "long" and runs[(i - 1) % count] != "easy":
                found.append(("no-easy-before-long", i))
    return found


def _run_words(run: str) -> str:
    return {
        "rest": "rest",
        "easy": "an easy run",
        "long": "the long run",
        "race": "the race",
        "cross": "cross-training",
    }.get(run, f"the {run} session")


def describe(violation: Violation, runs: Sequence[str], *, easy_weeks: bool = False) -> str:
    """One sentence naming the rule broken and the days involved."""
    code, i = violation
    day, before = WEEKDAY_NAMES[i % 7], WEEKDAY_NAMES[(i - 1) % 7]
    if code == "strength-off-hard" and easy_weeks:
        return f"Strength on {day} goes with {_run_words(runs[i])}: in easy weeks strength goes with an easy run."
    if code == "strength-off-hard":
        return (
            f"Strength on {day} goes with {_run_words(runs[i])}: strength belongs only on a hard-run day, "
            "never on an easy day."
        )
    if code == "stacked-stress":
        return f"{before} and {day} are stress days back to back: an easy day or rest should follow each stress day."
    if code == "long-after-stress":
        return f"The long run on {day} comes the day after {before}'s stress day, which should be easy or rest."
    if code == "strength-after-stress":
        return f"Strength on {day} comes the day after {before}'s stress day, which should be easy or rest."
    return (
        f"With five or more run days the day before the long run ({before}) should be an easy run, "
        "as in the guide's five-day week."
    )
