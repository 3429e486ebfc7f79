"""Morning HRV: a 7-day baseline of ln rMSSD against a 60-day normal range (CSV import: :mod:`calculators.hrv_csv`).

The method is the one HRV4Training describes, after Plews DJ et al. (Sports
Med 43(9):773, 2013: weekly means of ln rMSSD) and Vesterinen V et al. (Med
Sci Sports Exerc 48(7):1347, 2016: the smallest worthwhile change): work on
ln(rMSSD); compare the 7-day rolling mean with the 60-day mean ± 0.5 SD. At
least 3 readings in the last 7 days are needed for a valid weekly mean (Plews
DJ et al., Int J Sports Physiol Perform 9(5):783, 2014), and about two weeks of
history before the range means anything (Stridelab's house rule), counted from the first reading after the last
week without any (:mod:`calculators.log_history`: one old imported reading does not skip the wait).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeAlias

from calculators.entry_dates import check_not_future
from calculators.errors import InputError
from calculators.log_history import history_start

__all__ = [
    "BASELINE_DAYS",
    "HISTORY_DAYS_MIN",
    "NORMAL_DAYS",
    "READINGS_MIN",
    "RMSSD_MAX",
    "RMSSD_MIN",
    "SLEEP_HOURS_MAX",
    "SLEEP_HOURS_MIN",
    "HrvStatus",
    "check_rmssd",
    "edge_digits",
    "hrv_series",
    "hrv_status",
    "ms_text",
]

HrvState: TypeAlias = Literal["building", "below", "within", "above"]

#: rMSSD values a morning reading can take, in ms. Healthy adults sit around
#: 15–150 ms; 0 is a failed reading and several hundred is an artefact.
RMSSD_MIN, RMSSD_MAX = 5.0, 300.0
#: A night's sleep, in hours.
SLEEP_HOURS_MIN, SLEEP_HOURS_MAX = 0.0, 24.0
BASELINE_DAYS = 7
NORMAL_DAYS = 60
#: The normal range is the 60-day mean ± this many SD (smallest worthwhile change).
BAND_SD = 0.5
READINGS_MIN = 3
HISTORY_DAYS_MIN = 14


def check_rmssd(value: float, *, field: str = "rmssd") -> float:
    """Accept an rMSSD of 5–300 ms; anything else is a failed or mistyped reading."""
    if not (isinstance(value, int | float) and math.isfinite(value) and RMSSD_MIN <= value <= RMSSD_MAX):
        raise InputError(
            field,
            f"rMSSD of {value!r} ms is not a plausible morning reading. "
            f"Enter a value between {RMSSD_MIN:g} and {RMSSD_MAX:g} ms.",
        )
    return float(value)


@dataclass(frozen=True, kw_only=True, slots=True)
class HrvStatus:
    """Where this week's HRV sits against your normal range (values in ln ms; ``distance_ms`` in ms).

    ``baseline`` is the 7-day mean of ln rMSSD (None without a reading in the
    last 7 days); ``normal_low``/``normal_high`` the 60-day mean ∓ 0.5 SD (None
    with fewer than 2 readings); ``sd`` the 60-day SD. ``state`` is
    ``"building"`` until there are ≥ 3 readings in the last 7 days and the
    history is at least 14 days old (``history_days`` ≥ 14). The history starts at ``history_start``, the first
    reading after the last week without any (:func:`calculators.log_history.history_start`; readings before such a
    break count only when they had run for 14 days themselves and are still in the 60-day range); ``before_break``
    is the newest reading left out by that rule (None when none is). ``latest`` is the newest reading's date (None
    without one).
    """

    day: date
    baseline: float | None
    normal_low: float | None
    normal_high: float | None
    sd: float | None
    state: HrvState
    readings_last_7: int
    history_days: int
    latest: date | None
    history_start: date | None = None
    before_break: date | None = None

    @property
    def distance_ms(self) -> float | None:
        """How far the baseline lies outside the normal range, in ms (0 within it; None when unknown).

        In ms rather than in standard deviations of ln rMSSD: the readiness page shows the range in ms,
        and a reader compares ms with ms.
        """
        if self.baseline is None or self.normal_low is None or self.normal_high is None:
            return None
        if self.baseline < self.normal_low:
            return math.exp(self.normal_low) - math.exp(self.baseline)
        if self.baseline > self.normal_high:
            return math.exp(self.baseline) - math.exp(self.normal_high)
        return 0.0


def ms_text(ln_value: float | None, digits: int = 0) -> str:
    """An ln rMSSD as ms for a reader ("—" when unknown): the pages show ms, the method works on logarithms."""
    return "—" if ln_value is None else f"{math.exp(ln_value):.{digits}f}"


def edge_digits(value: float | None, low: float | None, high: float | None) -> int:
    """Whole ms, or one decimal where ``value`` (ln) would round onto an edge of its range: "57 below 57–66" reads
    as a mistake."""
    if value is None or low is None or high is None:
        return 0
    return 1 if ms_text(value) in (ms_text(low), ms_text(high)) else 0


def hrv_status(readings: Mapping[date, float], *, today: date) -> HrvStatus:
    """HRV status on ``today`` from morning rMSSD readings (ms) keyed by local date.

    Readings after ``today`` are refused; readings older than 60 days are kept
    for ``history_days`` but not for the range. ``history_days`` counts from the first reading after the last week
    without any (Stridelab's rule, :mod:`calculators.log_history`), not from the first reading ever.

    Raises:
        InputError: an rMSSD outside 5–300 ms, or a reading dated in the future.
    """
    logs: dict[date, float] = {}
    for day, value in readings.items():
        check_not_future(day, "date", what="Date of the HRV reading", today=today)
        logs[day] = math.log(check_rmssd(value, field=f"rmssd.{day.isoformat()}"))
    week = [v for d, v in logs.items() if (today - d).days < BASELINE_DAYS]
    normal = [v for d, v in logs.items() if (today - d).days < NORMAL_DAYS]
    start = history_start(logs, settled_days=HISTORY_DAYS_MIN, kept_from=today - timedelta(days=NORMAL_DAYS - 1))
    history = (today - start).days + 1 if start is not None else 0
    baseline = statistics.fmean(week) if week else None
    low = high = sd = None
    if len(normal) >= 2:
        mean, sd = statistics.fmean(normal), statistics.stdev(normal)
        low, high = mean - BAND_SD * sd, mean + BAND_SD * sd
    state: HrvState
    if len(week) < READINGS_MIN or history < HISTORY_DAYS_MIN or baseline is None or low is None or high is None:
        state = "building"
    elif baseline < low - 1e-12:
        state = "below"
    elif baseline > high + 1e-12:
        state = "above"
    else:
        state = "within"
    return HrvStatus(
        day=today,
        baseline=baseline,
        normal_low=low,
        normal_high=high,
        sd=sd,
        state=state,
        readings_last_7=len(week),
        history_days=history,
        latest=max(logs, default=None),
        history_start=start,
        before_break=max((d for d in logs if start is not None and d < start), default=None),
    )


def hrv_series(readings: Mapping[date, float], *, start: date, today: date) -> tuple[HrvStatus, ...]:
    """:func:`hrv_status` for every day from ``start`` to ``today`` (for the chart with its normal band)."""
    hrv_status(readings, today=today)  # validates every reading once, with its date in the message
    out = []
    day = start
    while day <= today:
        out.append(hrv_status({d: v for d, v in readings.items() if d <= day}, today=day))
        day += timedelta(days=1)
    return tuple(out)
