"""What a planned tempo run or interval session is, and how hard each run is, in words a runner can follow.

A plan without a VDOT has no paces, and a session's minutes alone do not say how to run it. The science files give
Daniels' intensities as shares of VO2max (FORMULAS.md: T 83–88 %, I 95–100 %) but no session structure; the
structures here are the ones the site's guides already give with their sources:

- tempo (lactate-threshold guide, after VDOT O2's "What's threshold pace?", 2017): a steady run at T pace of
  about 20 minutes, or cruise intervals of 5–15 minutes with 1–2 minutes of rest; T is "comfortably hard",
  roughly the pace a runner could race for about an hour, and you can say a few words, not hold a conversation;
- intervals (race-times-and-VDOT guide, after Daniels' Running Formula): repeats of 3–5 minutes with jog
  recoveries, at I pace (95–100 % of VO2max);
- easy (how-to-run-easy guide, the talk test of Foster et al. 2008): you can speak in full sentences.

How much of a hard session is fast is Stridelab's estimate, not a source's: about half, the rest being the easy
warm-up, recoveries and cool-down. :mod:`calculators.week` uses the same share to turn a session's distance into
minutes, so the words and the plan's amounts never disagree.
"""

from __future__ import annotations

from calculators.vdot import vo2max_fraction

__all__ = [
    "QUALITY_SHARE",
    "effort_words",
    "fast_part_words",
    "interval_race_minutes",
    "structure_words",
]

#: Share of a tempo or interval session run at T or I pace; the rest is easy. Stridelab's estimate.
QUALITY_SHARE = 0.5
#: A steady tempo of about this many minutes is the standard dose; more is run as cruise intervals (guide, ref 3).
TEMPO_STEADY_MINUTES = 20
CRUISE_WORDS = "cruise intervals of 5–15 min with 1–2 min easy between"
REPEAT_WORDS = "repeats of 3–5 min with an easy jog between"
#: Daniels' I band as shares of VO2max (FORMULAS.md: "I 95–100").
_INTERVAL_BAND = (0.95, 1.00)


def _race_minutes(fraction: float) -> float:
    """The race length, in minutes, at which a runner holds ``fraction`` of VO2max (Daniels & Gilbert's F(t),
    which falls as the race lengthens): bisection, as F has no closed inverse."""
    low, high = 1.0, 600.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if vo2max_fraction(middle) > fraction else (low, middle)
    return (low + high) / 2


def interval_race_minutes() -> tuple[int, int]:
    """The race lengths that Daniels' I band matches, to 5 minutes: the effort an interval repeat asks for.

    >>> interval_race_minutes()
    (10, 20)
    """
    fast, slow = (_race_minutes(share) for share in reversed(_INTERVAL_BAND))
    return round(fast / 5) * 5, round(slow / 5) * 5


def _fast_minutes(minutes: int) -> int:
    return int(minutes * QUALITY_SHARE + 0.5)


def fast_part_words(run: str, minutes: int | None) -> str:
    """The fast part of a tempo or interval session, short, for a season's key sessions; "" for any other run.

    >>> fast_part_words("tempo", 15), fast_part_words("intervals", None)
    ('about 8 min at tempo effort', 'about half hard, in 3–5 min repeats')
    """
    amount = "about half" if minutes is None else f"about {_fast_minutes(minutes)} min"
    if run == "tempo":
        return f"{amount} at tempo effort"
    if run == "intervals":
        return f"{amount} hard, in 3–5 min repeats"
    return ""


def structure_words(run: str, minutes: int | None) -> str:
    """How to run a tempo or interval session of ``minutes`` (None: a session given by distance alone); "" for any
    other run.

    >>> structure_words("tempo", 15)
    'easy warm-up, about 8 min steady at tempo effort, easy cool-down.'
    >>> structure_words("tempo", 60).split(", easy cool-down")[0]
    'easy warm-up, about 30 min at tempo effort as cruise intervals of 5–15 min with 1–2 min easy between'
    >>> structure_words("intervals", 20)
    'easy warm-up, about 10 min hard in all, as repeats of 3–5 min with an easy jog between, easy cool-down.'
    """
    amount = "about half of it" if minutes is None else f"about {_fast_minutes(minutes)} min"
    if run == "tempo":
        if minutes is None:  # no minutes to tell a steady tempo from cruise intervals: both, by their length
            how = f"at tempo effort (steady for up to about {TEMPO_STEADY_MINUTES} min; beyond that, as {CRUISE_WORDS})"
        elif _fast_minutes(minutes) <= TEMPO_STEADY_MINUTES:
            how = "steady at tempo effort"
        else:
            how = f"at tempo effort as {CRUISE_WORDS}"
        return f"easy warm-up, {amount} {how}, easy cool-down."
    if run == "intervals":
        hard = "hard" if minutes is None else "hard in all"
        return f"easy warm-up, {amount} {hard}, as {REPEAT_WORDS}, easy cool-down."
    return ""


def effort_words(run: str) -> str:
    """How hard a run is, by feel, for a plan without paces; "" for a rest day.

    >>> effort_words("easy")
    'By feel: easy, you can talk in full sentences.'
    """
    if run in ("easy", "long"):
        return "By feel: easy, you can talk in full sentences."
    if run == "tempo":
        return "By feel: comfortably hard, about your one-hour race effort; you can say a few words at a time."
    if run == "intervals":
        fast, slow = interval_race_minutes()
        return f"By feel: hard, about your race effort for {fast}–{slow} minutes."
    if run == "race":
        return "Race effort."
    return ""
