"""Invariants of the VDOT model over the published range."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import vdot
from calculators.errors import InputError

from .strategies import race_distances, table_vdots


def _race(score: float, meters: float) -> float | None:
    """The model's time, or None when that race lies outside the accepted durations."""
    seconds = vdot.race_time(score, meters)
    return seconds if vdot.RACE_SECONDS_MIN <= seconds <= vdot.RACE_SECONDS_MAX else None


@given(table_vdots, race_distances)
def test_race_time_and_vdot_are_inverse(score: float, meters: float) -> None:
    """race_time(vdot_from_race(d, t), d) ≈ t: one race round-trips through VDOT."""
    seconds = _race(score, meters)
    assume(seconds is not None)
    assert vdot.vdot_from_race(meters, seconds) == pytest.approx(score, rel=1e-6)
    assert vdot.race_time(vdot.vdot_from_race(meters, seconds), meters) == pytest.approx(seconds, rel=1e-6)


@given(table_vdots, race_distances, race_distances)
def test_longer_races_take_longer(score: float, a: float, b: float) -> None:
    assume(abs(a - b) > 1)
    short, long = sorted((a, b))
    assert vdot.race_time(score, short) < vdot.race_time(score, long)


@given(table_vdots, table_vdots, race_distances)
def test_fitter_runners_are_faster(a: float, b: float, meters: float) -> None:
    assume(abs(a - b) > 0.01)
    low, high = sorted((a, b))
    assert vdot.race_time(high, meters) < vdot.race_time(low, meters)
    assert vdot.training_paces(high).threshold < vdot.training_paces(low).threshold


@given(table_vdots)
def test_paces_are_finite_and_ordered(score: float) -> None:
    p = vdot.training_paces(score)
    values = (*p.easy, p.marathon, p.threshold, p.interval, p.repetition)
    assert all(math.isfinite(v) and v > 0 for v in values)
    assert p.easy[1] > p.easy[0] > p.threshold > p.interval > p.repetition


@given(table_vdots, race_distances, race_distances)
def test_other_predictors_agree_in_direction(score: float, a: float, b: float) -> None:
    """Riegel and Cameron: a longer target distance always gives a longer time."""
    seconds = _race(score, 5000)
    assume(seconds is not None and abs(a - b) > 1)
    short, long = sorted((a, b))
    assert vdot.riegel(seconds, 5000, short) < vdot.riegel(seconds, 5000, long)
    assert vdot.cameron(seconds, 5000, short) < vdot.cameron(seconds, 5000, long)


@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True, allow_infinity=True))
def test_any_numbers_give_a_vdot_or_a_field_message(meters: float, seconds: float) -> None:
    """Never a NaN, never a traceback: a number in the band or an InputError naming the field."""
    try:
        score = vdot.vdot_from_race(meters, seconds)
    except InputError as error:
        assert error.field in {"distance", "time"}
        assert error.message
    else:
        assert vdot.VDOT_MIN <= score <= vdot.VDOT_MAX
