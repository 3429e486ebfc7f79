"""Parsing and formatting of durations, distances and paces."""

from __future__ import annotations

import pytest

from calculators.errors import InputError
from calculators.units import (
    CM_PER_INCH,
    KG_PER_LB,
    METERS_PER_MILE,
    cm_from,
    format_duration,
    format_pace,
    kg_from,
    length_in,
    meters_from,
    number_value,
    pace_per,
    parse_duration,
    parse_hours,
    parse_number,
    read_decimal,
    weight_in,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("19:57", 1197.0),
        ("1:31:35", 5495.0),
        ("3:10:49", 11449.0),
        ("0:59", 59.0),
        ("19:57.5", 1197.5),
        ("4:05.5", 245.5),
        ("4:05,5", 245.5),
        (" 20:00 ", 1200.0),
        ("0:59:59", 3599.0),
        ("90:00", 5400.0),  # minutes past 59 are fine when they are the first group
    ],
)
def test_parse_duration_reads_race_times(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Enter a time"),
        ("   ", "Enter a time"),
        ("abc", "is not a time"),
        ("1:75", "Seconds must be 0–59"),
        ("1:60:00", "Minutes must be 0–59"),
        ("-5:00", "is not a time"),
        ("1:2:3:4", "is not a time"),
        ("20:", "is not a time"),
    ],
)
def test_parse_duration_rejects_with_a_message_naming_the_field(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text, field="time")
    assert caught.value.field == "time"
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("45:3", "After a colon, seconds take two digits (00–59). Type it as mm:ss, e.g. 45:03."),
        ("45:3,5", "After a colon, seconds take two digits (00–59). Type it as mm:ss, e.g. 45:03,5."),
        ("1:5:30", "After a colon, minutes and seconds take two digits (00–59). Type it as h:mm:ss, e.g. 1:05:30."),
        ("1:45:3", "After a colon, minutes and seconds take two digits (00–59). Type it as h:mm:ss, e.g. 1:45:03."),
        ("45:003", "After a colon, seconds take two digits (00–59). Type it as mm:ss, e.g. 45:03."),
    ],
)
def test_a_one_digit_group_after_a_colon_is_refused_not_guessed(text: str, message: str) -> None:
    """ "45:3" is 45:03 to one runner and 45:30 to another (a zero dropped at the end): it is refused
    with the form to type, never read as either."""
    with pytest.raises(InputError) as caught:
        parse_duration(text, field="time")
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("45", "“45” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example 45:00 for 45 minutes."),
        ("90", "“90” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example 1:30:00 for 90 minutes."),
        ("1350", "“1350” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example 24:30 or 1:52:00."),
        ("59.5", "“59.5” could be seconds or minutes. Type it as mm:ss or h:mm:ss, for example 24:30 or 1:52:00."),
        ("22.30", "“22.30” has a point where a time has a colon. Type mm:ss or h:mm:ss: 22:30."),
        ("22,30", "“22,30” has a comma where a time has a colon. Type mm:ss or h:mm:ss: 22:30."),
        ("1.05.30", "“1.05.30” has a point where a time has a colon. Type mm:ss or h:mm:ss: 1:05:30."),
    ],
)
def test_a_time_without_a_colon_is_refused_with_the_forms_to_type(text: str, message: str) -> None:
    """One rule in every time box: a bare number is never guessed to be seconds (or minutes), and
    "22.30" is not read as 22.3 seconds but answered with the 22:30 it looks like."""
    with pytest.raises(InputError) as caught:
        parse_duration(text, field="time")
    assert (caught.value.field, caught.value.message) == ("time", message)


def test_parse_duration_starts_its_message_with_the_field_name_when_given() -> None:
    with pytest.raises(InputError) as caught:
        parse_duration("50:75", field="run_duration", what="Duration")
    assert caught.value.message == "Duration: seconds must be 0–59; “50:75” has 75."


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (59.4, "0:59"), (59.6, "1:00"), (1197, "19:57"), (3599.6, "1:00:00"), (11449, "3:10:49")],
)
def test_format_duration_rounds_to_the_second(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf")])
def test_format_duration_refuses_impossible_durations(bad: float) -> None:
    with pytest.raises(ValueError):
        format_duration(bad)


def test_paces_convert_between_km_and_mile() -> None:
    assert pace_per(255, "km") == 255
    assert pace_per(255, "mi") == pytest.approx(255 * 1.609344)
    assert format_pace(255, "km") == "4:15 /km"
    assert format_pace(255, "mi") == "6:50 /mi"


def test_distances_convert_to_metres() -> None:
    assert meters_from(5, "km") == 5000
    assert meters_from(1, "mi") == METERS_PER_MILE
    assert meters_from(400, "m") == 400
    with pytest.raises(InputError) as caught:
        meters_from(1, "furlong")
    assert caught.value.field == "unit"


def test_parse_number_accepts_commas_and_names_the_range() -> None:
    assert parse_number("8,5", field="custom_distance", what="Distance", low=1, high=50, unit="km") == 8.5
    # the top is accepted
    assert parse_number("50", field="custom_distance", what="Distance", low=1, high=50, unit="km") == 50
    for bad in ("", "x", "0.5", "51", "nan", "inf", "1e1", "1E1", "-inf", "Infinity", "1_0", "٥"):
        with pytest.raises(InputError) as caught:
            parse_number(bad, field="custom_distance", what="Distance", low=1, high=50, unit="km")
        assert caught.value.field == "custom_distance"
        assert caught.value.message.startswith("Distance: ") and "between 1 and 50 km" in caught.value.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e20", "Distance: “1e20” is too large. Enter a number between 1 and 50 km."),
        ("1e308", "Distance: “1e308” is too large. Enter a number between 1 and 50 km."),
        ("1E400", "Distance: “1E400” is too large. Enter a number between 1 and 50 km."),  # float() says inf
        ("-1e20", "Distance: “-1e20” is too small. Enter a number between 1 and 50 km."),
        ("1,5e-3", "Distance: “1,5e-3” is too small. Enter a number between 1 and 50 km."),
        ("1e1", "Distance: “1e1” is not a number. Enter a number between 1 and 50 km."),  # in range: still refused
    ],
)
def test_a_number_in_scientific_notation_outside_the_range_is_too_large_or_too_small(text: str, words: str) -> None:
    """ "1e20" is a number: the reader is told it is too large and given the range, not that it is not a number."""
    with pytest.raises(InputError) as caught:
        parse_number(text, field="custom_distance", what="Distance", low=1, high=50, unit="km")
    assert caught.value.message == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1e20, "VDOT: “1e+20” is too large. Enter a number between 20 and 90."),
        (1.2345678901234567e20, "VDOT: “1.2345678901234567e+20” is too large. Enter a number between 20 and 90."),
        (float("inf"), "VDOT: the value is too large. Enter a number between 20 and 90."),
        (float("-inf"), "VDOT: the value is too small. Enter a number between 20 and 90."),
    ],
)
def test_a_stored_float_too_large_is_called_too_large_never_inf(value: float, words: str) -> None:
    with pytest.raises(InputError) as caught:
        number_value(value, field="vdot", what="VDOT", low=20, high=90)
    assert caught.value.message == words


def test_sleep_in_scientific_notation_is_too_large_with_the_range_in_hours() -> None:
    with pytest.raises(InputError) as caught:
        parse_hours("1e20", field="sleep_hours", what="Sleep", low=0, high=24)
    assert caught.value.message == (
        "Sleep: “1e20” is too large. Enter a time between 0 and 24 hours, as hours (7.5) or h:mm (7:30)."
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [("7:30", 7.5), (" 0:45 ", 0.75), ("24:00", 24.0), ("7.5", 7.5), ("7,5", 7.5), ("7.5 h", 7.5), ("7.5hrs", 7.5)],
)
def test_parse_hours_reads_decimal_hours_and_hours_and_minutes(text: str, hours: float) -> None:
    assert parse_hours(text, field="sleep_hours", what="Sleep", low=0, high=24) == hours


@pytest.mark.parametrize("text", ["", "7:75", "7:5", "7:30:00", "1e1", "7.5 ms", "h", "24:01", "25", "-1"])
def test_parse_hours_refuses_anything_else_and_names_the_range_and_both_forms(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_hours(text, field="sleep_hours", what="Sleep", low=0, high=24)
    assert caught.value.field == "sleep_hours"
    assert caught.value.message.startswith("Sleep: ")
    assert "between 0 and 24 hours, as hours (7.5) or h:mm (7:30)." in caught.value.message


@pytest.mark.parametrize(
    ("text", "value"), [("52,5", 52.5), (" 52.5 ", 52.5), ("4", 4.0), ("-3", -3.0), ("5.", 5.0), (",5", 0.5)]
)
def test_read_decimal_reads_plain_decimals_with_a_comma_or_a_point(text: str, value: float) -> None:
    assert read_decimal(text) == value


@pytest.mark.parametrize("text", ["", "1e2", "1E-3", "inf", "-Infinity", "nan", "1_000", "0x10", "1,2,3", "٣", "5 0"])
def test_read_decimal_refuses_what_float_reads_but_a_runner_does_not_type(text: str) -> None:
    assert read_decimal(text) is None


@pytest.mark.parametrize(("lb", "kg"), [(135, 61.23), (45, 20.41), (225, 102.06), (2.5, 1.13), (0, 0.0)])
def test_a_load_in_pounds_is_stored_in_kg_to_the_10_g(lb: float, kg: float) -> None:
    """The international pound is 0.45359237 kg exactly; the logs keep kg to two decimals, as the Strong import."""
    assert KG_PER_LB == 0.45359237
    assert kg_from(lb, "lb") == kg
    assert round(weight_in(kg, "lb"), 1) == lb


def test_kilograms_pass_through_unchanged() -> None:
    """A reader in kg sees nothing change: what is typed is what is stored, not rounded."""
    assert kg_from(61.2349, "kg") == 61.2349 and weight_in(61.2349, "kg") == 61.2349


@pytest.mark.parametrize(("inches", "cm"), [(12, 30.48), (20, 50.8), (24, 60.96), (13.8, 35.05), (59, 149.86)])
def test_a_height_in_inches_is_stored_in_cm_to_the_tenth_of_a_millimetre(inches: float, cm: float) -> None:
    """The international inch is 2.54 cm exactly; a box typed to the tenth of an inch reads back as typed."""
    assert CM_PER_INCH == 2.54
    assert cm_from(inches, "in") == cm
    assert round(length_in(cm, "in"), 1) == inches


def test_every_tenth_of_an_inch_reads_back_as_typed() -> None:
    """Rule: a height typed in inches, stored in cm, shows again as the number typed (1 to 59 in)."""
    typed = [tenths / 10 for tenths in range(10, 591)]
    assert [round(length_in(cm_from(t, "in"), "in"), 1) for t in typed] == typed


def test_centimetres_pass_through_unchanged() -> None:
    """A reader in cm sees nothing change: what is typed is what is stored, not rounded."""
    assert cm_from(35.25, "cm") == 35.25 and length_in(35.25, "cm") == 35.25


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("55 min", "min", 55.0),
        ("55mins", "min", 55.0),
        ("12in", "in", 12.0),
        ("20,5 kg", "kg", 20.5),
        ("45 s", "s", 45.0),
    ],
)
def test_a_number_may_end_in_the_boxs_own_unit(text: str, unit: str, value: float) -> None:
    assert parse_number(text, field="f", what="Box", low=0, high=100, unit=unit) == value


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("30 cm", "in", "Box: “30 cm” is in cm, but this box takes in. Enter a number between 0 and 100 in."),
        ("55 bananas", "min", "Box: “55 bananas” is not a number. Enter a number between 0 and 100 min."),
        ("5 kg", "", "Box: “5 kg” is not a number. Enter a number between 0 and 100."),
    ],
)
def test_another_unit_is_refused_by_name_and_any_other_word_is_no_number(text: str, unit: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_number(text, field="f", what="Box", low=0, high=100, unit=unit)
    assert refused.value.message == message
