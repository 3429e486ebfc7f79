"""Morning HRV: the 7-day ln rMSSD baseline, the 60-day normal range, the building rules, and CSV import."""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from calculators.errors import InputError
from calculators.hrv import hrv_series, hrv_status
from calculators.hrv_csv import import_hrv_csv

TODAY = date(2026, 11, 23)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "activity"


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def alternating(days: int, low: float = 4.0, high: float = 4.2) -> dict[date, float]:
    """Readings of e^4.0 and e^4.2 ms on alternate days, the oldest ``days − 1`` days ago (odd ``n`` ago → low)."""
    return {days_ago(n): math.exp(low if n % 2 else high) for n in range(days)}


def test_band_and_baseline_hand_computed() -> None:
    """Baseline = 7-day mean of ln rMSSD; normal range = 60-day mean ± 0.5 SD (sample SD)."""
    status = hrv_status(alternating(14), today=TODAY)
    # 14 values, 7 of 4.0 and 7 of 4.2: mean 4.1, SD = sqrt(14·0.01/13)
    sd = math.sqrt(0.14 / 13)
    assert status.sd == pytest.approx(sd)
    assert status.normal_low == pytest.approx(4.1 - 0.5 * sd)
    assert status.normal_high == pytest.approx(4.1 + 0.5 * sd)
    # last 7 days: n = 0..6 → four of 4.2 (even n) and three of 4.0
    assert status.baseline == pytest.approx((4 * 4.2 + 3 * 4.0) / 7)
    assert status.state == "within"
    assert status.distance_ms == 0.0
    assert (status.readings_last_7, status.history_days) == (7, 14)


def test_below_and_above() -> None:
    low = alternating(30) | {days_ago(n): math.exp(3.7) for n in range(3)}
    status = hrv_status(low, today=TODAY)
    assert status.state == "below"
    assert status.baseline is not None and status.normal_low is not None
    assert status.distance_ms == pytest.approx(math.exp(status.normal_low) - math.exp(status.baseline))
    high = hrv_status(alternating(30) | {days_ago(n): math.exp(4.6) for n in range(3)}, today=TODAY)
    assert high.state == "above"
    assert high.baseline is not None and high.normal_high is not None
    assert high.distance_ms == pytest.approx(math.exp(high.baseline) - math.exp(high.normal_high))


def test_history_rule_14_days() -> None:
    """About 14 days of history before any verdict: the first reading at least 13 days before today."""
    assert hrv_status(alternating(14), today=TODAY).state == "within"
    thirteen = hrv_status(alternating(13), today=TODAY)
    assert thirteen.state == "building"
    assert thirteen.history_days == 13
    assert thirteen.normal_low is not None  # the band is shown while it builds, but not judged


def test_three_readings_in_last_seven_days_rule() -> None:
    """At least 3 readings in the last 7 days (Plews 2014)."""
    old = {days_ago(n): 60.0 + n for n in range(7, 40)}
    three = old | {days_ago(0): 62.0, days_ago(3): 65.0, days_ago(6): 70.0}
    assert hrv_status(three, today=TODAY).state != "building"
    two = old | {days_ago(0): 62.0, days_ago(3): 65.0}
    status = hrv_status(two, today=TODAY)
    assert status.state == "building"
    assert status.readings_last_7 == 2
    none = hrv_status(old, today=TODAY)
    assert none.baseline is None
    assert none.state == "building"
    assert none.distance_ms is None


def test_readings_older_than_60_days_leave_the_band() -> None:
    recent = alternating(60)
    with_old = recent | {days_ago(n): 250.0 for n in range(60, 90)}
    a, b = hrv_status(recent, today=TODAY), hrv_status(with_old, today=TODAY)
    assert (a.normal_low, a.normal_high) == (b.normal_low, b.normal_high)
    assert b.history_days == 90
    values = [math.log(v) for v in recent.values()]
    assert a.normal_high == pytest.approx(statistics.fmean(values) + 0.5 * statistics.stdev(values))


def test_identical_readings_sit_within_the_collapsed_band() -> None:
    status = hrv_status({days_ago(n): 61.3 for n in range(20)}, today=TODAY)
    assert status.sd == 0.0
    assert status.state == "within"


def test_empty_readings_are_building() -> None:
    status = hrv_status({}, today=TODAY)
    assert (status.state, status.baseline, status.normal_low, status.history_days) == ("building", None, None, 0)


@pytest.mark.parametrize("bad", [0, 4.9, 300.1, 900, math.nan, math.inf, -40])
def test_implausible_rmssd_is_refused(bad: float) -> None:
    with pytest.raises(InputError) as caught:
        hrv_status({TODAY: bad}, today=TODAY)
    assert caught.value.field == f"rmssd.{TODAY.isoformat()}"
    assert "between 5 and 300 ms" in caught.value.message


def test_limits_are_accepted_and_future_refused() -> None:
    assert hrv_status({days_ago(1): 5.0, TODAY: 300.0}, today=TODAY).readings_last_7 == 2
    with pytest.raises(InputError, match="future"):
        hrv_status({TODAY + timedelta(days=1): 60.0}, today=TODAY)


def test_series_matches_status_each_day() -> None:
    readings = alternating(30)
    series = hrv_series(readings, start=days_ago(4), today=TODAY)
    assert len(series) == 5
    assert series[-1] == hrv_status(readings, today=TODAY)
    assert series[0] == hrv_status({d: v for d, v in readings.items() if d <= days_ago(4)}, today=days_ago(4))


# --- CSV import -------------------------------------------------------------------------------


def test_hrv4training_csv() -> None:
    result = import_hrv_csv((FIXTURES / "hrv4training.csv").read_text(), today=TODAY)
    assert result.columns == {
        "date": "date",
        "rmssd": "rMSSD",
        "resting_hr": "HR",
        "sleep_hours": "sleep_time",
        "soreness": "muscle_soreness",
    }
    assert [(r.day, r.rmssd_ms) for r in result.readings] == [
        (date(2026, 11, 1), 62.1),
        (date(2026, 11, 2), 58.4),
        (date(2026, 11, 4), 65.0),
    ]
    first = result.readings[0]
    assert (first.resting_hr, first.sleep_hours, first.soreness) == (48.0, 7.5, 2)
    # row 4 has rMSSD 0 (rejected); row 5 has 31 h of sleep (left out, reading kept)
    assert [(e.row, e.field) for e in result.errors] == [(4, "rmssd"), (5, "sleep_hours")]
    assert "between 5 and 300 ms" in result.errors[0].message
    assert result.readings[2].sleep_hours is None


def test_elite_hrv_csv_skips_ln_column_and_keeps_first_reading_of_a_day() -> None:
    result = import_hrv_csv((FIXTURES / "elite_hrv.csv").read_text(), today=TODAY)
    assert result.columns == {"date": "Date Time Start", "rmssd": "RMSSD", "resting_hr": "HR"}
    assert [(r.day, r.rmssd_ms) for r in result.readings] == [(date(2026, 11, 1), 55.2), (date(2026, 11, 2), 57.0)]
    assert [(e.row, e.field) for e in result.errors] == [(3, "rmssd"), (5, "date")]
    assert "900" in result.errors[0].message


def test_garmin_csv_semicolons_units_and_day_first_dates() -> None:
    result = import_hrv_csv((FIXTURES / "garmin_hrv.csv").read_text(), today=TODAY)
    assert result.columns == {"date": "Date", "rmssd": "Overnight HRV"}
    assert [(r.day, r.rmssd_ms) for r in result.readings] == [(date(2026, 11, 20), 45.0), (date(2026, 11, 21), 48.0)]
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (4, "rmssd", "No value given for an rMSSD between 5 and 300 ms.")
    ]


def test_month_first_dates_duplicates_future_and_ragged_rows() -> None:
    text = (
        "\ufeffDate,RMSSD,Soreness\n11/21/2026,50,4\n11/22/2026,51,2.5\n11/22/2026,52,1\n11/30/2026,55,1\n"
        "1\n11/23/2026,50,1,9\n\n"  # short of an rMSSD; one cell too many
    )
    result = import_hrv_csv(text, today=TODAY)
    assert [(r.day, r.soreness) for r in result.readings] == [(date(2026, 11, 21), 4), (date(2026, 11, 22), None)]
    assert [(e.row, e.field) for e in result.errors] == [
        (3, "soreness"),
        (4, "date"),
        (5, "date"),
        (6, "row"),
        (7, "row"),
    ]
    assert result.errors[1].message == "A reading for Sunday 22 November is already in this file."
    assert "future" in result.errors[2].message


def test_csv_without_the_needed_columns_is_refused() -> None:
    with pytest.raises(InputError, match="No rmssd column") as caught:
        import_hrv_csv("Date,ln(RMSSD)\n2026-11-01,4.0\n", today=TODAY)
    assert "ln(RMSSD)" in caught.value.message  # says which headers it read
    with pytest.raises(InputError, match="No date column") as caught:
        import_hrv_csv("when,rmssd\nyesterday,40\n", today=TODAY)
    # and what to do next: which names to give the columns
    assert caught.value.message.endswith(
        "rename its columns in a spreadsheet (edit the first row): the morning's date to “date” (as YYYY-MM-DD) and "
        "the rMSSD in ms to “rMSSD”, then import the file again."
    )
    with pytest.raises(InputError, match="empty"):
        import_hrv_csv("", today=TODAY)


#: WHOOP's physiological_cycles.csv, its columns as WHOOP spells them (a shortened row set: the real file has more).
WHOOP = (
    "Cycle start time,Cycle end time,Cycle timezone,Recovery score %,Resting heart rate (bpm),"
    "Heart rate variability (ms),Skin temp (celsius),Sleep onset,Wake onset,Asleep duration (min)\n"
    "2026-11-21 23:10:00,2026-11-22 23:40:00,UTC+01:00,66,48,57,33.5,2026-11-21 23:10:00,2026-11-22 06:50:00,430\n"
    "2026-11-23 00:20:00,,UTC+01:00,,,,,2026-11-23 00:20:00,,\n"
)


def test_a_whoop_export_reads_each_morning_by_the_day_you_woke() -> None:
    """“Cycle start time” is when you fell asleep (here the evening before); the reading is the morning's. WHOOP's
    HRV is rMSSD, its sleep in minutes; the cycle under way has no morning yet and is listed, not read."""
    result = import_hrv_csv(WHOOP, today=TODAY)
    (reading,) = result.readings
    assert reading.day == date(2026, 11, 22)
    assert (reading.rmssd_ms, reading.resting_hr) == (57.0, 48.0)
    assert reading.sleep_hours == pytest.approx(430 / 60)
    assert result.columns == {
        "date": "Wake onset",
        "rmssd": "Heart rate variability (ms)",
        "resting_hr": "Resting heart rate (bpm)",
        "sleep_hours": "Asleep duration (min)",
    }
    assert [(e.row, e.field) for e in result.errors] == [(3, "date")]
    assert result.errors[0].message.startswith("No “Wake onset”: a cycle still under way")


def test_a_whoop_file_without_its_wake_onset_says_why_and_what_to_do() -> None:
    no_wake = (
        "Cycle start time,Cycle end time,Heart rate variability (ms)\n2026-11-21 23:10:00,2026-11-22 07:00:00,57\n"
    )
    with pytest.raises(InputError) as caught:
        import_hrv_csv(no_wake, today=TODAY)
    message = caught.value.message
    assert message.startswith("This looks like a WHOOP export, but it has no “Wake onset” column")
    assert "“Cycle start time” is when you fell asleep, often the evening before" in message
    assert (
        "add a column named “date” with each morning's date (YYYY-MM-DD) and rename “Heart rate variability (ms)”"
        in message
    )
    # Done as it says, the file reads as any other.
    edited = "date,Cycle start time,rMSSD\n2026-11-22,2026-11-21 23:10:00,57\n"
    assert [(r.day, r.rmssd_ms) for r in import_hrv_csv(edited, today=TODAY).readings] == [(date(2026, 11, 22), 57.0)]


def test_a_bare_heart_rate_variability_column_is_not_taken_for_rmssd() -> None:
    """Apple Health exports SDNN as “Heart Rate Variability (ms)”: only WHOOP's file has it read as rMSSD."""
    with pytest.raises(InputError, match="No rmssd column"):
        import_hrv_csv("Date,Heart Rate Variability (ms)\n2026-11-22,45\n", today=TODAY)


def test_csv_tabs_and_decimal_commas() -> None:
    result = import_hrv_csv("date\trMSSD\tsleep hours\n2026.11.20\t61,5\t7,25\n", today=TODAY)
    assert result.readings[0].rmssd_ms == 61.5
    assert result.readings[0].sleep_hours == 7.25
    assert result.readings[0].day == date(2026, 11, 20)


@pytest.mark.parametrize("cell", ["1e2", "inf", "nan", "1_00"])
def test_an_rmssd_no_form_accepts_is_refused_with_its_row(cell: str) -> None:
    """Cells are read as the forms read numbers (units.read_decimal): “1e2” is not a reading of 100 ms."""
    result = import_hrv_csv(f"date,rMSSD\n2026-11-20,{cell}\n2026-11-21,52\n", today=TODAY)
    assert [r.day for r in result.readings] == [date(2026, 11, 21)]
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (2, "rmssd", f"“{cell}” is not an rMSSD between 5 and 300 ms.")
    ]


def test_sleep_as_hours_and_minutes_is_read_as_a_runner_means_it() -> None:
    result = import_hrv_csv("date,rMSSD,sleep\n2026-11-20,50,7:30\n2026-11-21,52,6:05\n", today=TODAY)
    assert [r.sleep_hours for r in result.readings] == [7.5, pytest.approx(6 + 5 / 60)]
    assert not result.errors


@pytest.mark.parametrize(
    ("column", "cell", "expected"),
    [
        ("sleep", "7:75", "a sleep time from 0 to 24 hours, written as hours (7.5) or h:mm (7:30)"),
        ("sleep", "31", "a sleep time from 0 to 24 hours, written as hours (7.5) or h:mm (7:30)"),
        ("HR", "1e2", "a resting HR from 25 to 120 bpm"),
        ("soreness", "2.5", "a soreness from 1 to 5 (whole numbers)"),
    ],
)
def test_a_bad_optional_value_names_what_is_expected_and_keeps_the_reading(
    column: str, cell: str, expected: str
) -> None:
    result = import_hrv_csv(f"date,rMSSD,{column}\n2026-11-20,50,{cell}\n", today=TODAY)
    assert [r.rmssd_ms for r in result.readings] == [50.0]
    assert [(e.row, e.message) for e in result.errors] == [(2, f"“{cell}” is not {expected}; left out, reading kept.")]


def test_ambiguous_slash_dates_are_reported_not_guessed() -> None:
    result = import_hrv_csv("Date,RMSSD\n05/06/2026,50\n2026-06-07,52\n", today=TODAY)
    assert [r.day for r in result.readings] == [date(2026, 6, 7)]
    assert result.errors[0].message == "“05/06/2026” could be day/month or month/day; use YYYY-MM-DD."


def test_unreadable_csv_is_an_input_error() -> None:
    with pytest.raises(InputError, match="could not be read"):
        import_hrv_csv('date,rmssd\n"' + "a" * 200_000 + "\n", today=TODAY)


def test_old_readings_before_a_week_without_any_do_not_count_towards_the_14_days() -> None:
    """Maya logged 8 mornings (7–14 December) and imported 2 from 20–21 November: on 16 December her history is 10
    days from 7 December, not 27 days from 20 November, so the baseline is still building (Stridelab's rule)."""
    maya = {date(2026, 11, 20): 46.0, date(2026, 11, 21): 47.0} | {
        date(2026, 12, n): 45.0 + n % 3 for n in range(7, 15)
    }
    status = hrv_status(maya, today=date(2026, 12, 16))
    assert status.state == "building"
    assert (status.history_days, status.history_start, status.before_break) == (
        10,
        date(2026, 12, 7),
        date(2026, 11, 21),
    )
    on = maya | {date(2026, 12, n): 46.0 for n in range(15, 21)}
    assert hrv_status({d: v for d, v in on.items() if d.day != 20}, today=date(2026, 12, 19)).state == "building"
    assert hrv_status(on, today=date(2026, 12, 20)).state == "within"  # day 14 from 7 December


def test_a_settled_baseline_survives_a_holiday() -> None:
    """Four weeks of mornings, then ten days away: the readings before the break had run for 14 days, so the history
    still counts from the first of them, and 3 mornings back make HRV count again, not another fortnight."""
    before = {days_ago(n): math.exp(4.0 if n % 2 else 4.2) for n in range(13, 41)}
    back = {days_ago(n): math.exp(4.1) for n in range(3)}
    status = hrv_status(before | back, today=TODAY)
    assert status.history_start == days_ago(40) and status.before_break is None
    assert status.state == "within"
    # Seven days apart is no break: a whole week without a reading is.
    assert hrv_status({days_ago(20): 60.0, days_ago(13): 60.0}, today=TODAY).history_start == days_ago(20)
    assert hrv_status({days_ago(21): 60.0, days_ago(13): 60.0}, today=TODAY).history_start == days_ago(13)
