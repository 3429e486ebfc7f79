"""Hypothesis strategies shared by the property tests of the race calculator and units."""

from __future__ import annotations

from hypothesis import strategies as st

from calculators import vdot

#: VDOT values of the published tables (Daniels' Running Formula, 3rd ed.: 30–85).
table_vdots = st.floats(min_value=30, max_value=85, allow_nan=False)
#: Race distances the calculator accepts, in metres.
race_distances = st.floats(min_value=vdot.RACE_METERS_MIN, max_value=vdot.RACE_METERS_MAX, allow_nan=False)
#: Whole-second durations from 0 to 30 hours.
whole_seconds = st.integers(min_value=0, max_value=30 * 3600)
