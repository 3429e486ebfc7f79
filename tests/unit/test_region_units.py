"""A reader with no saved profile meets their region's units on every page: miles and pounds on a US browser, km and
kg elsewhere; once a profile is saved, it says, and one without units reads as km (units.region_units)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.profile import read_profile
from calculators.registry import CALCULATORS, handle
from calculators.ui.calculator import Context, render_calculator
from calculators.ui.race import CALCULATOR as RACE
from calculators.units import REGION_UNITS, region_units

from .test_calendar_page import planned, stored
from .test_strength_page import ask as ask_strength
from .test_strength_page import empty


@pytest.mark.parametrize(("region", "units"), [("US", "mi"), ("GB", "km"), ("DE", "km"), (None, "km")])
def test_a_reader_with_no_profile_reads_in_their_regions_units(region: str | None, units: str) -> None:
    """Rule: with no profile stored, miles (and so pounds) in the US, km and kg everywhere else."""
    profile = read_profile({}, region=region).profile
    assert region_units(region) == units and profile.units == units
    assert profile.weight_unit == ("lb" if units == "mi" else "kg")


def test_a_saved_profile_wins_over_the_region_even_without_units() -> None:
    """Rule: the page sends the region only while no profile is stored; a saved one, old ones with no units
    included, reads as it says (km without units), and its own units stay whatever the region would say."""
    assert read_profile({"vdot": "50"}).profile.units == "km"  # saved, no units: the region is not sent
    assert read_profile({"units": "km"}, region="US").profile.units == "km"


def test_every_km_or_miles_box_starts_on_the_regions_unit() -> None:
    """The race calculator's, planner's, run log's and profile's unit boxes start from one list: miles on a US
    browser while no profile is stored (the glue reads data-locale-values)."""
    boxes = {
        name: f
        for name, calc in CALCULATORS.items()
        for f in calc.fields
        if f.name == "units" and {value for value, _ in f.options} == {"km", "mi"}
    }
    assert {"vdot", "planner", "readiness", "profile"} <= boxes.keys()  # vdot: the race calculator
    assert all(f.locale_values == REGION_UNITS for f in boxes.values()), boxes
    assert 'data-locale-values="{&quot;US&quot;: &quot;mi&quot;}"' in str(render_calculator(RACE))


def test_every_unit_choice_starts_from_the_readers_units() -> None:
    """Every drop-down that offers km and miles starts where every page's units do: the profile's, or with none
    saved the region's (miles on a US browser). The race calculator's unit for another distance and the planner's
    "Volume in" are settings started from the profile's units (a unit chosen there is kept); the others are the
    profile's units themselves. A kg/lb choice starts on "as in my profile", never on a fixed kg."""
    fields = {(name, f.name): f for name, calc in CALCULATORS.items() for f in (*calc.fields, *calc.inputs)}
    distances = {key: f for key, f in fields.items() if {"km", "mi"} <= {value for value, _ in f.options}}
    assert {("vdot", "custom_unit"), ("planner", "volume_unit")} < distances.keys()
    for key, f in distances.items():
        assert f.locale_values == REGION_UNITS, key
        assert f.profile == "units" or (f.profile_start, f.keep_choice) == ("units", True), key
    weights = [f for f in fields.values() if {"kg", "lb"} <= {value for value, _ in f.options}]
    assert weights and all(f.default not in ("kg", "lb") for f in weights)
    unit = str(render_calculator(RACE)).split('name="custom_unit"', 1)[1].split(">", 1)[0]
    assert 'data-profile-start="units"' in unit and "data-keep-choice" in unit and "data-locale-values" in unit


def test_saving_a_race_with_no_profile_keeps_the_miles_the_reader_was_shown() -> None:
    """A US reader's first saved race makes a profile on miles: one without units would turn every page to km."""
    values = RACE.read({"distance": "5k", "time": "24:30", "units": "mi"})
    context = Context(today=date(2026, 12, 7), store={}, profile={}, region="US")
    (op,) = RACE.action("save_race")(values, context).ops
    assert op["value"]["units"] == "mi"
    values = RACE.read({"distance": "5k", "time": "24:30", "units": "km"})
    for region in ("GB", None):
        (op,) = RACE.action("save_race")(values, Context(today=date(2026, 12, 7), profile={}, region=region)).ops
        assert "units" not in op["value"]  # anywhere else: km, as a profile without units reads


def _today(store: dict[str, Any], day: date, **payload: Any) -> str:
    base = {"values": {}, "args": {}, "today": day.isoformat(), "store": store, "profile": {}}
    reply = handle({"id": 1, "calculator": "today", "action": "compute", "payload": base | payload})
    assert reply["ok"], reply
    return str(reply["html"])


def test_today_and_the_calendar_show_pounds_to_a_us_reader_with_no_profile() -> None:
    """Today's strength prescription and the calendar's weekly volume: lb on a US browser, kg without a region."""
    tempo = planned("tempo")
    lift: dict[str, Any] = {"id": "11111111-1111-4111-8111-111111111111", "kind": "A", "duration_min": 45}
    lift |= {"date": (tempo - timedelta(days=7)).isoformat(), "rpe": 7}
    lift["exercises"] = [{"exercise": "romanian_deadlift", "sets": [{"reps": 5, "load_kg": 61.23, "rpe": 7}] * 4}]
    store = stored(strength={lift["id"]: lift})
    assert "4 × 5 × 140 lb" in _today(store, tempo, region="US")
    assert "4 × 5 × 63.5 kg" in _today(store, tempo, region="GB")

    week = {"values": {}, "args": {}, "today": (tempo - timedelta(days=7)).isoformat(), "store": store, "profile": {}}
    for region, volume in (("US", "1 session, 2,700 lb"), ("GB", "1 session, 1,225 kg")):
        page = handle({"id": 1, "calculator": "calendar", "action": "compute", "payload": week | {"region": region}})
        assert re.search(rf'data-label="Strength" class="sl-num">{volume}</td>', page["html"]), page


def test_the_strength_log_takes_loads_in_pounds_from_a_us_reader_with_no_profile() -> None:
    """A US reader who has saved no profile types a load in lb; a saved profile without units keeps kg."""
    payload = {"values": {"session": "A"}, "args": {}, "today": "2026-11-23", "store": empty(), "profile": {}}
    us = handle({"id": 1, "calculator": "strength", "action": "start", "payload": payload | {"region": "US"}})
    assert "<span>Load (lb)</span>" in us["html"]
    saved = ask_strength("start", empty(), {"session": "A"}, profile={"sex": "female"})
    assert "<span>Load (kg)</span>" in saved["html"]
