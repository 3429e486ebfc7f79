"""The verdict's HRV in words: the 7-day average against the normal range, a morning that disagrees with it, and what
a reader still lacks before HRV counts (Plews DJ et al. 2013, Sports Med 43:773, and 2014, Int J Sports Physiol
Perform 9:783: the 7-day rolling mean of ln rMSSD, from ≥ 3 readings a week; Vesterinen V et al. 2016, Med Sci Sports
Exerc 48:1347: the 60-day normal range ± 0.5 SD). The readiness page, Today and the calendar all say it so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta

from calculators.date_words import day_words
from calculators.hrv import HISTORY_DAYS_MIN, READINGS_MIN, HrvStatus, edge_digits, hrv_status, ms_text
from calculators.units import count

__all__ = [
    "STALE_READING_DAYS",
    "average_and_range",
    "first_reading_words",
    "hrv_driver",
    "morning_against_average",
    "mornings_to_range",
    "sparse_words",
]

#: A newest HRV reading this many days before the verdict's morning is named beside the average: the reader
#: has missed at least one morning since (house rule; the evening's verdict expects that day's reading).
STALE_READING_DAYS = 2


def hrv_driver(hrv: HrvStatus) -> str | None:
    """None for a reader who logs no HRV at all: it is optional, so the pages say so once, with how to start, rather
    than count its missing readings among the verdict's reasons every day."""
    if hrv.latest is None:
        return None
    if hrv.state == "building" and hrv.history_days >= HISTORY_DAYS_MIN:  # stopped logging, not starting
        # One name whatever the last reading's age: the rule left unmet is the 3 readings in 7 days, and logging them
        # is what the reader can do. Named "not recent" once the last was 2 days old, the same readings read "too
        # sparse" one day and "not recent" two days later.
        out = f"until you log {READINGS_MIN} mornings in 7 days"
        return f"HRV too sparse: {sparse_words(hrv)}; the verdict leaves HRV out {out}"
    if hrv.state == "building":  # history under 14 days here; readings may be enough already
        # Only what is still short: "7 readings in the last 7 days (needs 3)" read as if the readings were short too.
        short = (
            [f"{count(hrv.readings_last_7, 'reading')} in the last 7 days (needs {READINGS_MIN})"]
            if hrv.readings_last_7 < READINGS_MIN
            else []
        )
        # "Day 8 of 14" from a named day, not "8 days of history": the days since the first reading count, rest
        # mornings too, not the readings (Stridelab's rule, calculators.log_history).
        short.append(f"day {hrv.history_days} of {HISTORY_DAYS_MIN} {first_reading_words(hrv)}")
        return f"HRV not used yet: {' and '.join(short)}"
    where = "within" if hrv.state == "within" else f"{_ms_gap(hrv.distance_ms or 0.0)} {hrv.state}"
    average, normal = average_and_range(hrv)
    return f"7-day HRV average {average}, {where} your normal range of {normal}{_since(hrv)}"


def first_reading_words(hrv: HrvStatus) -> str:
    """Where the 14 days of HRV history count from, as the pages say it: "from your first reading, Monday 7 December",
    or, when older readings came before a week without any (:func:`calculators.log_history.history_start`), "from your
    first reading after a week without any, Monday 7 December (readings up to Saturday 21 November do not count)": a
    reader who imported old mornings sees why they do not shorten the wait."""
    if hrv.history_start is None:
        return ""
    start = day_words(hrv.history_start, today=hrv.day)
    if hrv.before_break is None:
        return f"from your first reading, {start}"
    earlier = day_words(hrv.before_break, today=hrv.day)
    return f"from your first reading after a week without any, {start} (readings up to {earlier} do not count)"


def sparse_words(hrv: HrvStatus) -> str:
    """What a reader with HRV history lacks while under :data:`calculators.hrv.READINGS_MIN` readings in the last 7
    days: "2 readings in
    the last 7 days, needs 3", with the last reading's date once it is older than yesterday
    (:data:`STALE_READING_DAYS`): the readiness page, Today and the calendar all say it so."""
    old = hrv.latest is not None and (hrv.day - hrv.latest).days >= STALE_READING_DAYS
    last = f", the last on {day_words(hrv.latest, today=hrv.day)}" if old and hrv.latest is not None else ""
    return f"{count(hrv.readings_last_7, 'reading')} in the last 7 days, needs {READINGS_MIN}{last}"


def average_and_range(hrv: HrvStatus) -> tuple[str, str]:
    """The 7-day average and the normal range in ms, as "27 ms" and "34–42 ms": the verdict compares these two, so
    its words give both, never only "HRV below", which a reader checks against the morning's number beside it."""
    digits = edge_digits(hrv.baseline, hrv.normal_low, hrv.normal_high)
    return (
        f"{ms_text(hrv.baseline, digits)} ms",
        f"{ms_text(hrv.normal_low, digits)}–{ms_text(hrv.normal_high, digits)} ms",
    )


def _since(hrv: HrvStatus) -> str:
    """When the newest reading is older than yesterday's: the average still counts (3 readings in 7 days,
    Plews et al. 2014), but a reader who stopped logging must see that the verdict rests on old mornings."""
    if hrv.latest is None or (hrv.day - hrv.latest).days < STALE_READING_DAYS:
        return ""
    return f", though your latest reading is from {day_words(hrv.latest, today=hrv.day)}"


#: How far ahead :func:`mornings_to_range` looks: one week, the span of the average itself (Plews et al. 2013).
MORNINGS_AHEAD = 7


def mornings_to_range(readings: Mapping[date, float], day: date) -> int | None:
    """How many more mornings like ``day``'s own reading would bring the 7-day average back into the normal range, if
    any within :data:`MORNINGS_AHEAD`: computed by adding those mornings and remaking the status each day (the range
    moves with them too), never guessed. None when ``day`` has no reading, its average is not below, or a week of such
    mornings would not do it."""
    reading = readings.get(day)
    if reading is None or hrv_status(readings, today=day).state != "below":
        return None
    ahead = dict(readings)
    for n in range(1, MORNINGS_AHEAD + 1):
        morning = day + timedelta(days=n)
        ahead[morning] = reading
        if hrv_status(ahead, today=morning).state != "below":
            return n
    return None


def morning_against_average(
    hrv: HrvStatus, reading: float | None, back_in: int | None = None
) -> tuple[str, str] | None:
    """The verdict morning's own reading when it lies on the other side of the normal range from the 7-day average:
    the verdict follows the average (single mornings are noisy, Plews et al. 2013), but a reader who sees that
    morning's number beside the verdict must see it was read, so the words do not seem to contradict it. A driver
    line and a short form for the headline's causes; None when the morning agrees with the average.

    Under the range while the average is within it; or within or above it while the average is below (a first normal
    morning after days of low readings: the average stays low for a few days). Then ``back_in`` is how many more
    mornings like this one bring the average back into the range (:func:`mornings_to_range`; None: not within a
    week), said with the average, so a runner with a good morning and a red verdict sees why, and for how long."""
    if reading is None or hrv.normal_low is None or hrv.normal_high is None or hrv.state not in ("within", "below"):
        return None
    low, high = math.exp(hrv.normal_low), math.exp(hrv.normal_high)
    side = "under" if reading < low else "above" if reading > high else "within"
    if (hrv.state == "within") != (side == "under"):
        return None
    digits = edge_digits(math.log(reading), hrv.normal_low, hrv.normal_high)
    value = f"{reading:.{digits}f} ms"
    normal = f"{low:.{digits}f}–{high:.{digits}f} ms"
    if side == "under":
        return (
            f"the latest morning's HRV, {value}, is under your normal range ({normal}): the verdict follows the "
            "7-day average, which one morning moves only a little",
            f"the latest morning's {value} is under the range",
        )
    average = f"{ms_text(hrv.baseline, edge_digits(hrv.baseline, hrv.normal_low, hrv.normal_high))} ms"
    like = "morning like this one" if back_in == 1 else "mornings like this one"
    when = f"; {back_in} more {like} would bring the average back into your range" if back_in is not None else ""
    return (
        f"the latest morning's HRV, {value}, is {side} your normal range ({normal}), but the verdict follows the "
        f"7-day average, {average}, still low from the mornings before (a week's average says more than one "
        f"morning: Plews et al. 2013){when}",
        f"the latest morning's {value} is {side} the range",
    )


def _ms_gap(gap: float) -> str:
    """Whole ms, or tenths below 1 ms: "0 ms below your normal range" would read as a contradiction."""
    if gap >= 0.95:  # 0.95 and over rounds to "1 ms"; under it, "0.9 ms"
        return f"{gap:.0f} ms"
    return f"{gap:.1f} ms" if gap >= 0.05 else "less than 0.1 ms"
