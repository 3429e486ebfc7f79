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

How much of a session is fast has two parts. Stridelab's estimate, not a source's: about half of the session's time
(:data:`QUALITY_SHARE`), the rest being the easy warm-up, recoveries and cool-down. Daniels' limits cut it in a
big week (:data:`SESSION_LIMITS`, :func:`fast_km_most`): Daniels' Running Formula, 3rd ed. (2014), limits the running
at I pace in a single session to the lesser of 10 km and 8 % of the week's mileage, at T pace to about 10 % of the
week's mileage, and at R pace to the lesser of 8 km and 5 % (the planner plans no R session, so R's limit is not
used). Where the plan has no paces and only minutes, no distance can be compared: :func:`fast_minutes_most` is
Stridelab's approximation of the same limit in minutes. :mod:`calculators.planner_fast_parts` sizes each session's
fast part with these and the week stores it on the day (``fast_minutes``, ``fast_km``), so the words and the plan's
amounts never disagree.

A marathon plan's long run in the build and peak weeks has a fast part too: its last part at M pace, the predicted
marathon pace (:func:`calculators.vdot.training_paces`), sized the same way (about half of the run, Stridelab's
estimate) within Daniels' limits on M running (Daniels' Running Formula, 3rd ed., 2014, chapter 4): M-pace running in
a single session no more than the lesser of 20 % of the week's mileage and 18 miles (29 km), and an M run no longer
than the lesser of 110 minutes and 18 miles (:data:`SESSION_MINUTES_MOST`).

In a small week those limits leave a session too little fast running for the structure its words name: 3 min "in
3–5 min repeats" is one repeat at most. A session whose fast part is under :data:`LEAST_FAST_MINUTES`
(:func:`holds_structure`) is planned as an easy run instead (:func:`easy_instead_words`), not as a shorter session:
shorter repeats at I pace would be another session (R, which the planner does not plan), and a tempo shorter than the
shortest piece the guide names is not one it describes.
"""

from __future__ import annotations

import functools
import math

from calculators.vdot import VDOT_MAX, VDOT_MIN, TrainingPaces, training_paces, vo2max_fraction

__all__ = [
    "LEAST_FAST_MINUTES",
    "MARATHON_EFFORT",
    "QUALITY_SHARE",
    "SESSION_LIMITS",
    "SESSION_MINUTES_MOST",
    "TALK_TEST",
    "easy_instead_words",
    "effort_words",
    "fast_km_most",
    "fast_minutes",
    "fast_minutes_most",
    "fast_pace",
    "fast_part_words",
    "holds_structure",
    "interval_race_minutes",
    "marathon_part_words",
    "structure_words",
]

#: Share of a tempo or interval session's time run at T or I pace, below Daniels' limits; the rest is easy.
#: Stridelab's estimate.
QUALITY_SHARE = 0.5
#: Daniels' limits on one session's running at T, I or M pace: (share of the week's distance, most km or None).
#: Daniels' Running Formula, 3rd ed., 2014: I pace, the lesser of 10 km and 8 % of weekly mileage; T pace, about
#: 10 % of weekly mileage (R, the lesser of 8 km and 5 %, is not planned here); M pace, in a marathon plan's long run
#: (keyed "long"), the lesser of 20 % of weekly mileage and 18 miles (29 km). The book was not at hand when this was
#: written: the I limit is also on VDOT O2's own page (news.vdoto2.com/2013/02/whats-your-interval-pace); the M limits
#: agree in four independent readers' notes on the 3rd edition, chapter 4.
SESSION_LIMITS: dict[str, tuple[float, float | None]] = {
    "tempo": (0.10, None),
    "intervals": (0.08, 10.0),
    "long": (0.20, 29.0),
}
#: Daniels' limit on an M run's length, in minutes (Daniels' Running Formula, 3rd ed., 2014: "the lesser of 110
#: minutes or 18 miles (29 km)"); the other runs' limits are on distance alone.
SESSION_MINUTES_MOST: dict[str, float] = {"long": 110.0}
_PACE_OF = {"tempo": "threshold", "intervals": "interval", "long": "marathon"}
#: A marathon-pace part without a pace to give (no VDOT): the effort it asks for, in the runner's own terms.
MARATHON_EFFORT = "the effort you expect to hold on race day"
#: A steady tempo of about this many minutes is the standard dose; more is run as cruise intervals (guide, ref 3).
TEMPO_STEADY_MINUTES = 20
CRUISE_WORDS = "cruise intervals of 5–15 min with 1–2 min easy between"
REPEAT_WORDS = "repeats of 3–5 min with an easy jog between"
#: How easy an easy run is, by feel: the talk test (how-to-run-easy guide, Foster et al. 2008). Said wherever a
#: runner without a VDOT has no E pace to run an easy run at.
TALK_TEST = "you can talk in full sentences"
#: The least fast part, in minutes, that holds each session's structure. Stridelab's choice, from the shortest piece
#: the guides name: interval repeats are 3–5 min, so "repeats" need at least two of 3 min; a tempo is one steady piece
#: or cruise intervals of 5–15 min, so at least one piece of 5 min.
LEAST_FAST_MINUTES: dict[str, int] = {"intervals": 2 * 3, "tempo": 5}
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


def fast_pace(run: str, paces: TrainingPaces) -> float:
    """The pace of a ``run``'s fast part, s/km: T for a tempo run, I for intervals, M for a marathon plan's long run.

    >>> paces = training_paces(50.0)
    >>> fast_pace("tempo", paces) == paces.threshold, fast_pace("long", paces) == paces.marathon
    (True, True)
    """
    return float(getattr(paces, _PACE_OF[run]))


def fast_km_most(run: str, week_km: float, pace: float | None = None) -> float:
    """The most km at T, I or M pace Daniels allows in one ``run`` session of a week of ``week_km`` (SESSION_LIMITS);
    for M, also no more than 110 minutes at ``pace`` (SESSION_MINUTES_MOST), or, without a pace, at the slowest M pace
    of any VDOT the site accepts, the fewest km those minutes can take.

    >>> round(fast_km_most("intervals", 70.0), 3), fast_km_most("intervals", 150.0), fast_km_most("tempo", 70.0)
    (5.6, 10.0, 7.0)
    >>> round(fast_km_most("long", 60.0, 271.0), 1), round(fast_km_most("long", 200.0, 271.0), 1)
    (12.0, 24.4)
    """
    share, most = SESSION_LIMITS[run]
    km = share * week_km if most is None else min(share * week_km, most)
    minutes = SESSION_MINUTES_MOST.get(run)
    if minutes is None:
        return km
    return min(km, minutes * 60 / (_slowest_pace(run) if pace is None else pace))


@functools.cache
def _slowest_pace(run: str) -> float:
    """``run``'s fast pace at the lowest VDOT the site accepts, s/km: the slowest it can be."""
    return fast_pace(run, training_paces(VDOT_MIN))


@functools.cache
def _minutes_factors(run: str) -> tuple[float, float | None]:
    """For a plan without paces: (the smallest ratio of ``run``'s pace to the slowest easy pace, the fewest minutes
    Daniels' most km can take, or his most minutes if fewer), over every VDOT the site accepts, a whole number apart."""
    paces = [training_paces(float(v)) for v in range(int(VDOT_MIN), int(VDOT_MAX) + 1)]
    ratio = min(fast_pace(run, p) / p.easy[1] for p in paces)
    most_km, most_minutes = SESSION_LIMITS[run][1], SESSION_MINUTES_MOST.get(run)
    most = None if most_km is None else min(most_km * fast_pace(run, p) / 60 for p in paces)
    if most_minutes is not None:
        most = most_minutes if most is None else min(most, most_minutes)
    return ratio, most


def fast_minutes_most(run: str, week_minutes: float) -> float:
    """The most minutes at T or I effort in one ``run`` session of a week of ``week_minutes``, for a plan without
    paces. Stridelab's approximation of Daniels' limits, which are on distance: T or I pace covers more ground a
    minute than easy running, so the share of the week's minutes is the share of its distance times the ratio of
    the fast pace to the slowest easy pace (a week run at or above that pace then keeps within the share), and
    I's 10 km is 10 km at the fastest I pace; both at whichever VDOT from 20 to 90 makes them least.

    >>> round(fast_minutes_most("tempo", 360), 1), round(fast_minutes_most("intervals", 360), 1)
    (27.5, 20.2)
    >>> round(fast_minutes_most("intervals", 900), 1)  # 10 km at VDOT 90's I pace
    24.4
    """
    share, _ = SESSION_LIMITS[run]
    ratio, most = _minutes_factors(run)
    minutes = share * ratio * week_minutes
    return minutes if most is None else min(minutes, most)


def fast_minutes(session_minutes: float, most: float) -> int:
    """Whole minutes of a session's fast part: about :data:`QUALITY_SHARE` of it, rounded, and never more than
    ``most`` (Daniels' limit in minutes), rounded down to keep within it.

    >>> fast_minutes(75, 100.0), fast_minutes(75, 22.8)
    (38, 22)
    """
    return math.floor(min(session_minutes * QUALITY_SHARE + 0.5, most))


def _amount(fast_minutes: int | None, fast_distance: str) -> str:
    """ "about 8 min " or "about 4.5 km ", with the space that follows it; "" without either."""
    if fast_minutes is not None:
        return f"about {fast_minutes} min "
    return f"about {fast_distance} " if fast_distance else ""


def _last_part(fast_minutes: int | None, fast_distance: str) -> str:
    """ "the last 42 min" or "the last 8.5 km" of a long run; "" without either."""
    amount = f"{fast_minutes} min" if fast_minutes is not None else fast_distance
    return f"the last {amount}" if amount else ""


def marathon_part_words(fast_minutes: int | None, fast_distance: str = "", pace: str = "") -> str:
    """The marathon-pace part of a marathon plan's long run: its last ``fast_minutes`` (or, without minutes,
    ``fast_distance``) at ``pace`` (as shown, "4:31 /km"), or without a pace at the effort the runner expects to hold
    on race day; "" with neither amount (a long run without one).

    >>> marathon_part_words(42, pace="4:31 /km")
    'the last 42 min at 4:31 /km (marathon pace)'
    >>> marathon_part_words(None, "8.5 km")
    'the last 8.5 km at the effort you expect to hold on race day'
    """
    if not (last := _last_part(fast_minutes, fast_distance)):
        return ""
    return f"{last} at " + (f"{pace} (marathon pace)" if pace else MARATHON_EFFORT)


def fast_part_words(run: str, fast_minutes: int | None, fast_distance: str = "") -> str:
    """The fast part of a tempo or interval session, or of a marathon plan's long run, short, for a season's key
    sessions; "" for any other run, and for a long run without one.

    ``fast_minutes`` or, without minutes, ``fast_distance`` (as shown, "4.5 km") is the planned fast part; with
    neither (a plan saved before it was stored), the words give no amount.

    >>> fast_part_words("tempo", 8), fast_part_words("intervals", None, "4.5 km")
    ('about 8 min at tempo effort', 'about 4.5 km hard, in 3–5 min repeats')
    >>> fast_part_words("long", 42), fast_part_words("long", None)
    ('the last 42 min at marathon pace', '')
    """
    if run == "long":
        last = _last_part(fast_minutes, fast_distance)
        return f"{last} at marathon pace" if last else ""
    amount = _amount(fast_minutes, fast_distance)
    if run == "tempo":
        return f"{amount}at tempo effort"
    if run == "intervals":
        return f"{amount}hard, in 3–5 min repeats"
    return ""


def structure_words(run: str, fast_minutes: int | None, fast_distance: str = "") -> str:
    """How to run a tempo or interval session whose fast part is ``fast_minutes`` (or ``fast_distance``, as
    :func:`fast_part_words`); "" for any other run.

    >>> structure_words("tempo", 8)
    'easy warm-up, about 8 min steady at tempo effort, easy cool-down.'
    >>> structure_words("tempo", 27).split(", easy cool-down")[0]
    'easy warm-up, about 27 min at tempo effort as cruise intervals of 5–15 min with 1–2 min easy between'
    >>> structure_words("intervals", 10)
    'easy warm-up, about 10 min hard in all, as repeats of 3–5 min with an easy jog between, easy cool-down.'
    >>> structure_words("long", 42)
    'easy at first, then the last 42 min at marathon pace, the effort you expect to hold on race day.'
    """
    if run == "long":
        last = _last_part(fast_minutes, fast_distance)
        return f"easy at first, then {last} at marathon pace, {MARATHON_EFFORT}." if last else ""
    amount = _amount(fast_minutes, fast_distance)
    if run == "tempo":
        if fast_minutes is None:  # no minutes to tell a steady tempo from cruise intervals: both, by their length
            how = f"at tempo effort (steady for up to about {TEMPO_STEADY_MINUTES} min; beyond that, as {CRUISE_WORDS})"
        elif fast_minutes <= TEMPO_STEADY_MINUTES:
            how = "steady at tempo effort"
        else:
            how = f"at tempo effort as {CRUISE_WORDS}"
        return f"easy warm-up, {amount}{how}, easy cool-down."
    if run == "intervals":
        hard = "hard" if fast_minutes is None else "hard in all"
        return f"easy warm-up, {amount}{hard}, as {REPEAT_WORDS}, easy cool-down."
    return ""


def holds_structure(run: str, fast_minutes: int | None, fast_km: float | None) -> bool:
    """Whether a ``run`` session's fast part (``fast_minutes``, or without minutes ``fast_km``) is long enough for
    the structure its words name (:data:`LEAST_FAST_MINUTES`); True for a run without one, and for a fast part not
    known. Without minutes (a plan by distance without paces), a distance is too short only when even the slowest
    pace of any VDOT the site accepts runs it in fewer minutes: it errs towards keeping the session.

    >>> holds_structure("intervals", 3, None), holds_structure("intervals", 6, None), holds_structure("tempo", 4, None)
    (False, True, False)
    >>> holds_structure("intervals", None, 0.5), holds_structure("intervals", None, 1.2)
    (False, True)
    """
    least = LEAST_FAST_MINUTES.get(run)
    if least is None or (fast_minutes is None and fast_km is None):
        return True
    if fast_minutes is not None:
        return fast_minutes >= least
    return (fast_km or 0.0) * _slowest_pace(run) / 60 >= least - 1e-9


def easy_instead_words(run: str, fast_minutes: int | None, fast_distance: str = "") -> str:
    """Why a tempo or interval session whose fast part does not :func:`holds_structure` is an easy run this week,
    and why its strength session goes with it.

    >>> easy_instead_words("intervals", 3)  # doctest: +NORMALIZE_WHITESPACE
    "Easy run in place of the intervals: this week's volume allows about 3 min of hard running in one session, too
    little for repeats of 3–5 min (Stridelab's rule: at least two of 3 min). No strength today: it goes only with a
    hard run."
    """
    amount = _amount(fast_minutes, fast_distance)
    if run == "intervals":
        what, least = f"{amount}of hard running", "repeats of 3–5 min (Stridelab's rule: at least two of 3 min)"
    else:
        what = f"{amount}at tempo effort"
        least = f"the shortest tempo piece the guide names (Stridelab's rule: {LEAST_FAST_MINUTES['tempo']} min)"
    name = "intervals" if run == "intervals" else "tempo run"
    return (
        f"Easy run in place of the {name}: this week's volume allows {what} in one session, too little for {least}. "
        "No strength today: it goes only with a hard run."
    )


def effort_words(run: str) -> str:
    """How hard a run is, by feel, for a plan without paces; "" for a rest day.

    >>> effort_words("easy")
    'By feel: easy, you can talk in full sentences.'
    """
    if run in ("easy", "long"):
        return f"By feel: easy, {TALK_TEST}."
    if run == "tempo":
        return "By feel: comfortably hard, about your one-hour race effort; you can say a few words at a time."
    if run == "intervals":
        fast, slow = interval_race_minutes()
        return f"By feel: hard, about your race effort for {fast}–{slow} minutes."
    if run == "race":
        return "Race effort."
    return ""
