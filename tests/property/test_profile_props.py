"""Properties of the reader's profile (issue 9): what is stored reads back as the same profile."""

from __future__ import annotations

import json

from hypothesis import given

from calculators.profile import Profile, read_profile

from .strategies_calendar import profiles


@given(profiles())
def test_round_trip_through_the_store(profile: Profile) -> None:
    """ "Validation and migrations … keeping unknown fields": to_dict → JSON → from_dict is the same profile."""
    stored = json.loads(json.dumps(profile.to_dict()))
    again = Profile.from_dict(stored)
    assert again == profile
    assert again.to_dict() == profile.to_dict()
    assert read_profile(stored).problems == ()


@given(profiles())
def test_stored_values_are_form_text(profile: Profile) -> None:
    """Shared keys hold text, as the glue stores form fields; week_start is the int the strength log reads."""
    stored = profile.to_dict()
    for key in ("units", "vdot", "hr_rest", "hr_max", "sex", "hard_days", "long_run_day", "race_date"):
        assert isinstance(stored[key], str)
    assert stored["week_start"] in (0, 6)
