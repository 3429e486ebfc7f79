"""One wording for a number out of range (calculators/ranges.py): the logs, the forms and the CSV import share it."""

from __future__ import annotations

import math

import pytest

from calculators.errors import InputError
from calculators.ranges import NumberRange, OutOfRange
from calculators.units import parse_number

REPS = NumberRange(what="Reps", low=1, high=100, whole=True)
LOAD = NumberRange(what="Load", low=0, high=500, unit="kg")


def test_a_number_in_range_is_returned_as_it_is() -> None:
    assert REPS.check(100, "reps") == 100.0
    assert LOAD.check(0, "load_kg") == 0.0
    assert LOAD.check(82.5, "load_kg") == 82.5


@pytest.mark.parametrize(
    ("rule", "value", "message"),
    [
        (REPS, 0, "Reps: 0 is out of range. Enter a whole number between 1 and 100."),
        (REPS, 5.5, "Reps: 5.5 is not a whole number. Enter a whole number between 1 and 100."),
        (REPS, True, "Reps: true is not a number. Enter a whole number between 1 and 100."),
        (REPS, None, "Reps: no number is given. Enter a whole number between 1 and 100."),
        (LOAD, 500.5, "Load: 500.5 kg is out of range. Enter a number between 0 and 500 kg."),
        (LOAD, -math.inf, "Load: the value is too small. Enter a number between 0 and 500 kg."),
        (LOAD, "80", "Load: “80” is not a number. Enter a number between 0 and 500 kg."),
    ],
)
def test_a_refused_number_names_the_field_the_value_and_the_range(
    rule: NumberRange, value: object, message: str
) -> None:
    with pytest.raises(OutOfRange) as caught:
        rule.check(value, "sessions.0.sets.1.x")
    assert caught.value.field == "sessions.0.sets.1.x"
    assert caught.value.message == message
    assert (caught.value.rule, caught.value.value) == (rule, value)


def test_a_form_box_says_a_range_as_a_stored_value_does() -> None:
    with pytest.raises(InputError) as typed:
        parse_number("600", field="load_kg", what="Load", low=0, high=500, unit="kg")
    with pytest.raises(OutOfRange) as stored:
        LOAD.check(600, "load_kg")
    assert typed.value.message == stored.value.message


def test_a_range_open_at_its_low_end_never_offers_the_low_end_and_refuses_it() -> None:
    """A barbell's load: more than 0. "Enter a number between 0 and 1100 lb" offered 0, which is then refused."""
    rule = NumberRange(what="Load", low=0, high=1100, unit="lb", low_open=True)
    assert rule.words() == "Enter a number more than 0, up to 1100 lb."
    assert rule.check(0.5, "load") == 0.5 and rule.check(1100, "load") == 1100
    with pytest.raises(
        OutOfRange, match=r"^load: Load: 0 lb is out of range. Enter a number more than 0, up to 1100 lb"
    ):
        rule.check(0, "load")
