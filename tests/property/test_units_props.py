"""Parsing and formatting durations round-trip; any text gives a time or a message."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from calculators.errors import InputError
from calculators.units import format_duration, kg_from, parse_duration, weight_in

from .strategies import whole_seconds


@given(whole_seconds)
def test_format_then_parse_gives_the_same_seconds(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(st.text(max_size=12))
def test_any_text_parses_or_says_what_is_wrong(text: str) -> None:
    try:
        seconds = parse_duration(text, field="time")
    except InputError as error:
        assert error.field == "time"
        assert "mm:ss" in error.message or "must be 0–59" in error.message
    else:
        assert seconds >= 0


@given(st.integers(min_value=0, max_value=11_000))
def test_a_load_typed_in_tenths_of_a_pound_comes_back_as_typed(tenths: int) -> None:
    """Stored in kg to the 10 g (0.022 lb), any load typed to a tenth of a pound up to 1100 lb reads back exactly."""
    lb = tenths / 10
    assert round(weight_in(kg_from(lb, "lb"), "lb"), 1) == lb
