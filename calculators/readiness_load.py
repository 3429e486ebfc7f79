"""The verdict's training load: when form and the load ramp count (house rule, below), the thresholds at which they
move the verdict, and their words.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.date_words import day_words
from calculators.load import CHRONIC_DAYS, FITNESS_DAYS, SEED_DAYS, days_to_fill, ewma_kept, model_kept

__all__ = [
    "FILLED_SHARE",
    "FORM_HEAVY_PCT",
    "FORM_HISTORY_DAYS",
    "FORM_HISTORY_WORDS",
    "FORM_VERY_HEAVY_PCT",
    "RAMP_HIGH",
    "RAMP_HISTORY_DAYS",
    "RAMP_HISTORY_WORDS",
    "RAMP_SAME_BAND",
    "SEED_WORDS",
    "LoadStage",
    "counts_from",
    "form_driver",
    "load_stage",
    "ramp_driver",
    "recent_ratio",
    "shows_after",
    "threshold_ratio",
    "young_load_driver",
]

#: Form as a share of fitness: "heavy" below −30 %, "very heavy" below −50 % (house rule).
FORM_HEAVY_PCT, FORM_VERY_HEAVY_PCT = -30.0, -50.0
#: Acute:chronic ramp above which load alone turns the verdict amber (house rule).
RAMP_HIGH = 1.5
#: Days of logged load before form and the ramp are settled (house rule): one rule for both, the day the average each
#: is read against would hold 95 % of a steady load had it started from zero (:data:`FILLED_SHARE`). Fitness, kept
#: e^(−1/42) a day, holds 63 % after 42 days and 95 % after 126; the chronic load, kept 27/29 a day (λ = 2/29), 86 %
#: after 28 and 95 % after 42. Started from zero, 8 steady days read as form below −300 % and a ramp near 2, and six
#: weeks of the same load every day still as form −58 % ("very heavy").
#:
#: So once the log has :data:`calculators.load.SEED_DAYS` (3 weeks) the averages start from the runner's own usual
#: week instead (:func:`calculators.load.seed_load`: the median of those three weeks' totals, rest days as zero, as
#: intervals.icu and TrainingPeaks let a runner set a starting fitness), and form and the ramp are shown from then,
#: "still settling" until the spans above. Three whole weeks: the fewest whose median leaves out one odd week (the
#: median of two is their mean). The maths, over days 21 to 125 of the same week every week (two 40-minute easy runs
#: at RPE 3, a 2-hour long run at RPE 5): started from that week, form reads at lowest −25 % and the ramp at most 1.44;
#: after a year of the same weeks, −24 % and 1.43; started from zero, −80 % and 1.48 even counted from day 42. With
#: nothing logged in the second week (ill), −34 % and 1.66 against a year's −33 % and 1.65 (the mean of the three
#: weeks would read −58 %). A steady load reads form 0 % and a ramp of 1.00 from day 21. But the start keeps its
#: weight: in fitness 61 % at 21 days, 37 % at 42 and 5 % at 126; in the chronic load 22 % at 21 days and 5 % at 42.
#: Two easy first weeks at half the usual load (just after a marathon) read as form −81 % where a year of history
#: reads −32 %, and the ramp 1.75 against 1.61. Hence the verdict: the ramp sets it from 3 weeks (its start weighs a
#: fifth and is gone within weeks; that example is over 1.5 either way), form only from 126 days, as before the start
#: was seeded: a very heavy form in its first months can be the start alone. After 126 days the start weighs under
#: 5 % and fades; a log over a year long starts from zero again (:data:`calculators.load.SEED_KEPT_DAYS`), so a long
#: history reads exactly as it did. First weeks with next to nothing logged (two of the three empty) give no usual
#: week to start from: the averages start from zero, and form and the ramp wait for the spans above, as they did.
FILLED_SHARE = 0.95
FORM_HISTORY_DAYS = days_to_fill(model_kept(FITNESS_DAYS), FILLED_SHARE)
RAMP_HISTORY_DAYS = days_to_fill(ewma_kept(CHRONIC_DAYS), FILLED_SHARE)
#: The same spans as a runner reads them (all whole weeks: 18, 6 and 3).
FORM_HISTORY_WORDS, RAMP_HISTORY_WORDS = f"{FORM_HISTORY_DAYS // 7} weeks", f"{RAMP_HISTORY_DAYS // 7} weeks"
SEED_WORDS = f"{SEED_DAYS // 7} weeks"
#: Where form or the ramp stands: not shown ("young", before :data:`calculators.load.SEED_DAYS`), shown but "still
#: settling", or settled.
LoadStage: TypeAlias = Literal["young", "settling", "settled"]
#: A ramp that rounds to within this of 1.00 (0.90–1.10) is worded "about the same as" your usual load (Stridelab's
#: choice, no published band): a load the same every day, started from zero, still reads 1.05 on the day the ramp
#: starts to count, and a weekly pattern swings round 1.00 whatever the start; calling that "heavier" tells a steady
#: runner their load is rising; a change of a tenth or more is named.
RAMP_SAME_BAND = 0.10


def form_driver(form_pct: float) -> str:
    """Form in words. Form % = (fitness − fatigue) / fitness, and fitness and fatigue are the 42- and 7-day weighted
    averages of daily load, so the recent daily load is 1 − form % / 100 times the 6-week level: the words give
    that actual ratio, with the band's threshold only where the band is heavy (form % below −30: over 1.3 times), so
    "up to 1.3" is never read as the reader's own figure. Weighted: one big day moves them far more than it moves a
    plain weekly total, so the words say so."""
    ratio = f"about {recent_ratio(form_pct)} times your 6-week level"
    if form_pct < FORM_VERY_HEAVY_PCT:
        how, ratio = "far above", f"{ratio} (very heavy: over {threshold_ratio(FORM_VERY_HEAVY_PCT)} times)"
    elif form_pct < FORM_HEAVY_PCT:
        how, ratio = "well above", f"{ratio} (heavy: over {threshold_ratio(FORM_HEAVY_PCT)} times)"
    elif form_pct < 0:
        how = "not far above"
    else:
        how = "below" if form_pct > 0 else "at"
    return f"load {how} what you are used to: your recent daily load, weighted towards the last few days, is {ratio}"


def recent_ratio(form_pct: float) -> str:
    """Fatigue over fitness, to two decimals, from form %: the driver and the headline's cause give the same figure."""
    return f"{1 - form_pct / 100:.2f}"


def threshold_ratio(form_pct: float) -> str:
    """The ratio of fatigue to fitness at a form-% threshold: −30 % → "1.3"."""
    return f"{1 - form_pct / 100:g}"


def load_stage(logged_days: int, settled_days: int, *, seeded: bool) -> LoadStage:
    """Where form (``settled_days`` = :data:`FORM_HISTORY_DAYS`) or the ramp (:data:`RAMP_HISTORY_DAYS`) stands after
    ``logged_days`` of log, the first log's day counting as one; ``seeded``: the averages started from the runner's
    usual week (:func:`calculators.load.seed_load`). Without one (first weeks with next to no log) they started from
    zero, and show only once settled, as before the start was seeded. Every page that shows them asks this one rule.

    >>> [load_stage(n, RAMP_HISTORY_DAYS, seeded=True) for n in (20, 21, 41, 42)]
    ['young', 'settling', 'settling', 'settled']
    >>> [load_stage(n, RAMP_HISTORY_DAYS, seeded=False) for n in (21, 41, 42)]
    ['young', 'young', 'settled']
    """
    if logged_days >= settled_days:
        return "settled"
    return "settling" if seeded and logged_days >= SEED_DAYS else "young"


def shows_after(logged_days: int, settled_days: int, *, seeded: bool) -> int:
    """The days of log after which form or the ramp shows (:func:`load_stage` past "young"): the first
    :data:`calculators.load.SEED_DAYS` while the usual week may still start the averages, else ``settled_days``.

    >>> shows_after(10, FORM_HISTORY_DAYS, seeded=False), shows_after(30, FORM_HISTORY_DAYS, seeded=False)
    (21, 126)
    """
    return SEED_DAYS if seeded or logged_days < SEED_DAYS else settled_days


def counts_from(first_log: date, days: int) -> date:
    """The first evening whose verdict has ``days`` of logged load behind it, the first log's own day counting as one:
    :data:`RAMP_HISTORY_DAYS` for the ramp, :data:`FORM_HISTORY_DAYS` for form. A date rather than a count of days,
    because the averages fill with the days since the first log, rest days included, not with the days that have a
    log: "3 days logged" after one run on Monday read on Wednesday as two logs that were never made."""
    return first_log + timedelta(days=days - 1)


def young_load_driver(first_log: date, logged_days: int, today: date, *, seeded: bool) -> str:
    """While form does not count: why, and what the load lacks. From when each counts is said once, above the reasons
    (:func:`calculators.ui.readiness_start.still_to_come`), not again here; form's settling number is on the page's
    load section, not among the verdict's reasons, which it does not set."""
    first = f"your first log, {day_words(first_log, today=today)}"
    what = "how fast it is rising (the load ramp) and how your recent load compares with your 6-week level"
    if logged_days < SEED_DAYS:
        return (
            f"training load not counted yet: {what} start from your usual week in your first {SEED_WORDS} of logs, "
            f"from {first}"
        )
    if not seeded and load_stage(logged_days, RAMP_HISTORY_DAYS, seeded=False) == "young":
        return (
            f"training load not counted yet: your first {SEED_WORDS} of logs, from {first}, hold too little training "
            f"to start from, so {what} are read against averages that start from zero, and read far from true until "
            "those fill"
        )
    if not seeded:
        return (
            "your recent load against your 6-week level not counted yet: that level starts from zero at "
            f"{first}, and reads far too low for months"
        )
    return (
        "your recent load against your 6-week level still settling: that level starts from your usual week in your "
        f"first {SEED_WORDS} of logs, from {first}, and leans on that start for months, so it does not set the "
        "verdict yet"
    )


def ramp_driver(ratio: float, settled_from: date | None = None, today: date | None = None) -> str:
    """The load ramp in words that follow from its own number as shown (two decimals): "about the same" within
    :data:`RAMP_SAME_BAND` of 1.00, "lighter" and "heavier" beyond it, "rising fast" only above :data:`RAMP_HIGH`, where
    it counts against the verdict. With ``settled_from``, the ramp is still settling (:func:`load_stage`) until then,
    and says so: the reader trusts it a little less."""
    shown = round(ratio, 2)
    settling = (
        ""
        if settled_from is None
        else f"; still settling, as it starts from your usual week in your first {SEED_WORDS} of logs: settled from "
        f"{day_words(settled_from, today=today)}"
    )
    if ratio > RAMP_HIGH:
        return (
            f"load rising fast: load ramp {shown:.2f}, above {RAMP_HIGH:g} (your recent load, weighted towards the "
            f"last few days, against your load over about the last 4 weeks{settling})"
        )
    how = (
        "about the same as"
        if abs(shown - 1) <= RAMP_SAME_BAND + 1e-9  # on the figure as shown: 1.10 reads the same as 1.00
        else "lighter than"
        if shown < 1
        else "heavier than"
    )
    return (
        f"load ramp {shown:.2f}: your recent load, weighted towards the last few days, is {how} your load over about "
        f"the last 4 weeks (it counts against the verdict above {RAMP_HIGH:g}{settling})"
    )
