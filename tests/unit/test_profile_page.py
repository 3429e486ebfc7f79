"""The profile page (issue 9): save checks every field, merges into the stored entry, and every tool reads it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from calculators.profile import Profile
from calculators.registry import CALCULATORS, handle
from calculators.ui.calculator import Context, render_calculator
from calculators.ui.data import COLLECTION_NAMES
from calculators.ui.profile_page import KEYS
from calculators.ui.strength_screens import week_start
from calculators.units import format_pace
from calculators.vdot import training_paces, vdot_from_race

CALC = CALCULATORS["profile"]
TODAY = "2026-06-01"
GOOD = {
    "units": "km",
    "recent_distance": "5000",
    "recent_time": "20:00",
    "run_weekdays": "0,2,4,6",
    "hard_days": "0,4",
    "long_run_day": "6",
    "week_start": "6",
    "race_date": "2026-09-20",
    "race_distance": "21097.5",
    "hr_rest": "48",
    "hr_max": "188",
    "sex": "female",
}


def ask(
    values: dict[str, str], action: str = "save", profile: dict[str, Any] | None = None, touched: tuple[str, ...] = ()
) -> dict[str, Any]:
    payload = {
        "values": {**CALC.defaults(), **values},
        "today": TODAY,
        "profile": profile or {},
        "store": {"profile": {"profile": profile} if profile else {}},
        **({"touched": list(touched)} if touched else {}),
    }
    return handle({"id": 1, "calculator": "profile", "action": action, "payload": payload})


def test_save_stores_one_checked_entry_merged_with_what_other_tools_stored() -> None:
    stored = {"units": "mi", "vdot": "40", "bodyweight_kg": "61", "future_key": {"kept": True}}
    reply = ask(GOOD, profile=stored)
    assert reply["ok"] is True
    [op] = reply["ops"]
    assert (op["op"], op["collection"], op["id"]) == ("put", "profile", "profile")
    value = op["value"]
    assert value["bodyweight_kg"] == "61" and value["future_key"] == {"kept": True}
    assert value["units"] == "km"  # the form wins over the stored value
    assert value["vdot"] == f"{round(vdot_from_race(5000, 1200), 1):g}"  # the recent race sets the VDOT
    expected = Profile.from_form({**GOOD, "vdot": "40"}, today=date.fromisoformat(TODAY))
    assert Profile.from_dict(value) == Profile.from_dict({**expected.to_dict(), **stored, **expected.to_dict()})
    assert (
        "Profile saved: VDOT 49.8 (Daniels' fitness score from your race time, which sets your paces), 4 days you can "
        "run, race on Sunday 20 September." in reply["html"]
    )


def test_without_a_recent_race_the_vdot_typed_elsewhere_is_kept() -> None:
    values = {**GOOD, "recent_distance": "", "recent_time": ""}
    reply = ask(values, profile={"vdot": "45"})
    assert reply["ops"][0]["value"]["vdot"] == "45"
    assert "45, as entered in another tool" in reply["html"]
    assert "VDOT 45.0" in reply["html"]


# The reviewer's case: a race saved on this page, then VDOT 50 typed under readiness → "My numbers".
HAND_SET = {**GOOD, "recent_time": "22:30", "vdot": "50"}


def test_a_vdot_set_by_hand_elsewhere_is_shown_as_stored_and_called_saved() -> None:
    html = ask(HAND_SET, "compute", profile=HAND_SET)["html"]
    assert "VDOT 50.0" in html and "Training paces for VDOT 50.0" in html
    assert "50, as entered in another tool (your 5 km in 22:30 gives 43.4)" in html
    assert "from your 5 km" not in html and "VDOT 43.4" not in html
    assert "This is your saved profile" in html
    assert 'data-action="use_race_vdot"' in html and "Use 43.4 from your race" in html


def test_saving_an_unrelated_change_keeps_a_vdot_set_by_hand() -> None:
    reply = ask({**HAND_SET, "hr_max": "190", "more": "yes"}, profile=HAND_SET)
    value = reply["ops"][0]["value"]
    assert (value["vdot"], value["hr_max"], value["recent_time"]) == ("50", "190", "22:30")


def test_a_race_changed_on_the_form_sets_the_vdot_over_one_set_by_hand() -> None:
    reply = ask({**HAND_SET, "recent_time": "20:00"}, profile=HAND_SET)
    assert reply["ops"][0]["value"]["vdot"] == f"{round(vdot_from_race(5000, 1200), 1):g}"
    assert "use_race_vdot" not in reply["html"]


def test_the_races_vdot_is_stored_only_when_asked_for_and_alone() -> None:
    stored = {**HAND_SET, "other_tool": "x"}
    reply = ask(HAND_SET, "use_race_vdot", profile=stored)
    [op] = reply["ops"]
    assert op["value"] == {**stored, "vdot": "43.4"}
    assert "43.4, from your 5 km in 22:30" in reply["html"] and "use_race_vdot" not in reply["html"]
    assert "This is your saved profile" not in reply["html"]  # the headline says it was stored
    no_race = {"vdot": "50"}
    assert ask({**GOOD, "recent_distance": "", "recent_time": ""}, "use_race_vdot", no_race)["ok"] is False


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"recent_time": "2:00"}, "recent_time", "for 5 km. Enter a finish time between 12:01 and 42:38"),
        ({"recent_time": "abc"}, "recent_time", "abc"),
        # One rule in every time box: a bare number is not read as seconds here either.
        ({"recent_time": "1350"}, "recent_time", "“1350” could be seconds or minutes. Type it as mm:ss or h:mm:ss"),
        (
            {"recent_time": "22.30"},
            "recent_time",
            "“22.30” has a point where a time has a colon. Type mm:ss or h:mm:ss: 22:30.",
        ),
        ({"recent_time": ""}, "recent_time", "both its distance and its finish time"),
        ({"recent_distance": ""}, "recent_distance", "both its distance and its finish time"),
        ({"run_weekdays": "0,4"}, "run_weekdays", "at least 3 days you can run"),
        ({"hard_days": "0,1", "more": "yes"}, "hard_days", "Tuesday is not one of your run days"),
        ({"long_run_day": "0", "more": "yes"}, "long_run_day", "not a hard day"),
        (
            {"race_date": "2026-05-31"},
            "race_date",
            "The race date has passed: choose today (Monday 1 June) or later, or leave it empty.",
        ),
        ({"race_distance": ""}, "race_distance", "“No race” is chosen but a race date is given"),
        ({"race_distance": "999"}, "race_distance", "Choose one of"),
        ({"units": "furlong"}, "units", "Choose one of"),
        ({"hr_rest": "130", "more": "yes"}, "hr_rest", "between 25 and 120 beats per minute"),
        ({"hr_max": "300", "more": "yes"}, "hr_max", "between 100 and 230 beats per minute"),
        ({"hr_max": "fast", "more": "yes"}, "hr_max", "“fast” is not a number"),
        ({"hr_max": "1.9e2", "more": "yes"}, "hr_max", "“1.9e2” is not a number"),
        (
            {"hr_max": "1e20", "more": "yes"},
            "hr_max",
            "HR max: “1e20” is too large. Enter a number between 100 and 230",
        ),
        ({"hr_max": "1e308", "more": "yes"}, "hr_max", "“1e308” is too large. Enter a number between 100 and 230"),
        (
            {"hr_rest": "120", "hr_max": "110", "more": "yes"},
            "hr_rest",
            "120 beats per minute must be below your HR max, 110 beats per minute",
        ),
    ],
)
def test_each_bad_field_is_named_with_its_range_and_nothing_is_stored(
    change: dict[str, str], field: str, words: str
) -> None:
    for action in ("save", "compute"):
        reply = ask({**GOOD, **change}, action, profile={"units": "mi"})
        assert reply["ok"] is False and "ops" not in reply
        assert (reply["error"]["field"], reply["error"]["code"]) == (field, "input")
        assert words in reply["error"]["message"]


def test_a_race_today_is_saved_and_shown() -> None:
    reply = ask({**GOOD, "race_date": TODAY})
    assert reply["ok"] is True and reply["ops"][0]["value"]["race_date"] == TODAY
    assert "race on Monday 1 June" in reply["html"]


def test_a_race_next_year_is_shown_with_its_year() -> None:
    """A date in a sentence reads "Sunday 18 April 2027": the year only when it is not the reader's."""
    reply = ask({**GOOD, "race_date": "2027-04-18"})
    assert "race on Sunday 18 April 2027." in reply["html"]
    assert "Half marathon on Sunday 18 April 2027" in reply["html"]


def test_no_race_with_a_date_stores_nothing_and_shows_no_race() -> None:
    """A date left in its box under "No race" is never saved, so no tool can read it as a race."""
    for action in ("save", "compute"):
        reply = ask({**GOOD, "race_distance": ""}, action)
        assert reply["ok"] is False and "ops" not in reply
        assert reply["error"]["field"] == "race_distance"
    reply = ask({**GOOD, "race_date": "", "race_distance": ""})
    assert reply["ops"][0]["value"]["race_date"] == "" and "race on" not in reply["html"]


def test_a_bad_optional_value_is_named_beside_the_visible_more_settings_switch() -> None:
    """An error slot inside the hidden optional settings would not be seen: the message goes to "more"."""
    reply = ask({**GOOD, "hr_max": "300"})
    assert reply["error"]["field"] == "more"
    assert reply["error"]["message"].startswith(
        "HR max: 300 beats per minute is out of range. Enter a number between 100 and 230 beats per minute."
    )
    assert "Show them" in reply["error"]["message"]


def test_save_flags_every_bad_field_at_once_each_with_its_own_message() -> None:
    """ "Save profile checks every value": a bad time, resting HR and HR max are all named in one answer,
    in the form's order, each on its own field, and nothing is stored."""
    bad = {**GOOD, "recent_time": "4530", "hr_rest": "abc", "hr_max": "9999", "more": "yes"}
    for action in ("save", "compute"):
        reply = ask(bad, action)
        assert reply["ok"] is False and "ops" not in reply
        fields = reply["error"]["fields"]
        assert [f["field"] for f in fields] == ["recent_time", "hr_rest", "hr_max"]
        assert "“4530” could be seconds or minutes" in fields[0]["message"]
        assert fields[1]["message"].startswith("Resting heart rate: “abc” is not a number.")
        assert fields[2]["message"].startswith("HR max: 9999 beats per minute is out of range.")
        assert (reply["error"]["field"], reply["error"]["message"]) == ("recent_time", fields[0]["message"])


def test_bad_hidden_settings_are_all_said_on_the_more_settings_switch() -> None:
    """With the optional settings hidden, each bad one is still said, in one message beside "More settings"."""
    reply = ask({**GOOD, "recent_time": "4530", "hr_rest": "abc", "hr_max": "9999"})
    fields = reply["error"]["fields"]
    assert [f["field"] for f in fields] == ["recent_time", "more"]
    assert fields[1]["message"] == (
        "Resting heart rate: “abc” is not a number. Enter a number between 25 and 120 beats per minute. "
        "HR max: 9999 beats per minute is out of range. Enter a number between 100 and 230 beats per minute. "
        "They are among the optional settings: choose “Show them”."
    )


def test_a_race_left_out_for_its_bad_distance_is_not_flagged_twice() -> None:
    """A recent race is its distance and time together, and a next race's date goes with its distance: one bad
    half is flagged alone, not the other half "missing" as well."""
    reply = ask({**GOOD, "recent_time": "abc", "race_distance": ""})
    assert [f["field"] for f in reply["error"]["fields"]] == ["recent_time", "race_distance"]


def test_the_settings_table_is_a_card_per_setting_on_a_phone() -> None:
    """Three columns of words were wider than a 320 px screen, which scrolled sideways: on a phone each setting is a
    card, its value and the tools that use it named by their column."""
    html = ask(GOOD, "compute")["html"]
    table = html[html.index('aria-label="Your profile, and the tools that use it"') :].split("</table>")[0]
    assert 'class="sl-table sl-table--stack"' in table
    assert '<td role="cell" data-label="Yours">kilometres</td>' in table
    assert '<td role="cell" data-label="Used by">Planner</td>' in table


@pytest.mark.parametrize("time", ["0:00", "999:00", "99999999999999999999:00"])
def test_a_recent_race_time_out_of_range_gives_the_range_for_its_distance_in_minutes(time: str) -> None:
    reply = ask({**GOOD, "recent_time": time})
    assert reply["error"]["field"] == "recent_time"
    assert "for 5 km. Enter a finish time between" in reply["error"]["message"]
    assert "seconds" not in reply["error"]["message"] and "inf" not in reply["error"]["message"]


@pytest.mark.parametrize(("units", "per"), [("km", "km"), ("mi", "mi")])
def test_the_vdot_and_paces_shown_are_calculators_vdot(units: str, per: Any) -> None:
    """The unit is named once, in the column's header, and each cell is figures only ("9:54–11:10"), a card per pace on
    a phone as on the race calculator: a unit in every cell made the table wider than a 375 px phone."""
    html = ask({**GOOD, "units": units}, "compute")["html"]
    score = round(vdot_from_race(5000, 20 * 60), 1)
    paces = training_paces(score)
    table = html[html.index(f"Training paces for VDOT {score:.1f}") :].split("</table>")[0]
    assert 'class="sl-table sl-table--stack' in table
    column = f'data-label="per {"mile" if per == "mi" else "km"}" class="sl-num">'
    figures = [format_pace(p, per).removesuffix(f" /{per}") for p in (*paces.easy, paces.marathon, paces.threshold)]
    assert f"{column}{figures[0]}–{figures[1]}<" in table
    assert f"{column}{figures[2]}<" in table and f"{column}{figures[3]}<" in table
    assert f"/{per}" not in table
    assert f"{score:.1f}, from your 5 km in 20:00" in html


def test_the_profile_shows_in_words_with_the_tools_that_use_it() -> None:
    html = ask(GOOD, "compute")["html"]
    for words in (
        "Monday, Wednesday, Friday, Sunday",
        "Monday, Friday",
        "Half marathon on Sunday 20 September",
        "rest 48, max 188 beats per minute",
        "Weekly totals on the strength log and readiness pages",
        "nothing leaves your device",
    ):
        assert words in html


def test_a_named_recent_race_reads_as_a_runner_says_it() -> None:
    html = ask({**GOOD, "recent_distance": "21097.5", "recent_time": "1:45:00"}, "compute")["html"]
    assert "from your half marathon in 1:45:00" in html and ">Half marathon in 1:45:00<" in html
    html = ask({**GOOD, "recent_distance": "1609.344", "recent_time": "6:00", "race_date": ""}, "compute")["html"]
    assert "from your mile in 6:00" in html and ">Mile in 6:00<" in html and ">No race<" in html


# The glue stores each shared field as the form holds it: text, "" for an empty box, a check-box
# group as its ticked values joined by commas. Those are read back, and the page calls them saved.
GLUE_WRITTEN = {**GOOD, "vdot": "49.8", "other_tool": "x"}


def test_what_the_glue_writes_reads_back_as_the_saved_profile() -> None:
    profile = Profile.from_dict(GLUE_WRITTEN)
    assert (profile.week_start, profile.run_weekdays, profile.race_distance_m) == (6, (0, 2, 4, 6), 21097.5)
    reply = ask(GOOD, "compute", profile=GLUE_WRITTEN)
    assert "This is your saved profile" in reply["html"]
    assert "Not saved yet" in ask({**GOOD, "hr_max": "190"}, "compute", profile=GLUE_WRITTEN)["html"]


def test_what_save_stores_fits_the_form_fields_so_every_page_can_show_it() -> None:
    """The glue puts a stored value back in a drop-down only when it is one of its options."""
    value = ask(GOOD, touched=("hard_runs",))["ops"][0]["value"]
    forms = [CALC, CALCULATORS["planner"], CALCULATORS["readiness"], CALCULATORS["vdot"]]
    for f in (f for calc in forms for f in calc.fields if f.profile and f.options):
        allowed = {v for v, _ in f.options}
        stored = str(value[f.profile])
        assert set(stored.split(",") if f.multiple else [stored]) <= allowed, (f.name, stored)
    assert set(KEYS) <= set(value)


def test_the_planners_shared_fields_are_the_profile_keys_its_count_of_runs_under_its_own() -> None:
    """The count of runs is not the days you can run: one key for each, so neither form misreads the other's."""
    shared = {f.name: f.profile for f in CALCULATORS["planner"].fields if f.profile}
    assert shared == {
        "run_days": "runs_per_week",
        "available_days": "run_weekdays",
        "hard_days": "hard_days",
        "long_run_day": "long_run_day",
        "race_date": "race_date",
        "race_distance": "race_distance",
        "vdot": "vdot",
        "units": "units",
        "hard_runs": "hard_runs",
    }
    assert all(f.profile == f.name for f in CALC.fields if f.name != "more")


@pytest.mark.parametrize(("stored", "start"), [(6, 6), ("6", 6), ("sun", 6), ("0", 0), ("mon", 0), ("3", 0), (None, 0)])
def test_the_strength_log_reads_the_week_start_as_stored(stored: Any, start: int) -> None:
    assert week_start(Context(profile={"week_start": stored})) == start


def test_the_first_screen_is_short_and_the_optional_settings_are_hidden() -> None:
    html = render_calculator(CALC)
    # hard days, long run, week start, the two heart rates and sex
    assert html.count('data-show-when="more=yes" hidden') == 6
    assert "Example for an empty profile" in html


def test_the_data_page_names_the_calendars_collections() -> None:
    assert COLLECTION_NAMES["calendar_links"] == "Links between logged and planned sessions"
    assert COLLECTION_NAMES["plan_changes"] == "Changes to your season plan"


@pytest.mark.parametrize(
    ("weights", "stored", "row"),
    [
        ("kg", "kg", "Lifting weights kg Strength log"),
        ("", "", "Lifting weights lb, as your distances are in miles Strength log"),
    ],
)
def test_the_lifting_unit_is_saved_and_said_with_why(weights: str, stored: str, row: str) -> None:
    """A reader in miles who lifts in kg chooses it; left "as my distances", miles mean lb."""
    (field,) = [f for f in CALC.fields if f.name == "weights"]
    assert (field.label, field.default, field.profile) == ("Lifting weights in", "", "weights")
    assert [value for value, _ in field.options] == ["", "kg", "lb"]
    reply = ask({**GOOD, "units": "mi", "weights": weights})
    assert reply["ops"][0]["value"]["weights"] == stored
    assert row in " ".join(re.sub(r"<[^>]+>", " ", reply["html"]).split())


def test_the_recent_race_help_says_what_to_do_without_a_race() -> None:
    """A beginner has no race: the help says the planner then goes by feel, and how to get a race (a time trial)."""
    (field,) = (f for f in CALCULATORS["profile"].fields if f.name == "recent_distance")
    assert "No race yet? Leave it empty: the planner then says how hard each run is by feel." in field.help
    assert "A solo 5 km time trial after an easy week gives you one." in field.help


def test_saving_a_new_race_says_the_saved_plan_needs_saving_again_for_its_paces() -> None:
    """A race saved here changed the VDOT, but the saved plan kept its paces: Today said so days later. The save's
    own message says it, while the saved plan's paces are not the new VDOT's."""
    planner_values = {**CALCULATORS["planner"].defaults(), "race_date": "2026-09-20", "race_distance": "21097.5"}
    request = {"values": planner_values, "today": TODAY, "now": "2026-06-01T10:00:00Z", "store": {}, "profile": {}}
    plan = handle({"id": 1, "calculator": "planner", "action": "save", "payload": request})["ops"][0]["value"]

    def save(store: dict[str, Any]) -> str:
        payload = {"values": {**CALC.defaults(), **GOOD}, "today": TODAY, "profile": {}, "store": store}
        return str(handle({"id": 1, "calculator": "profile", "action": "save", "payload": payload})["html"])

    note = save({"profile": {}, "plan": {"season": plan}}).split("data-plan-paces>")[1].split("</p>")[0]
    score = vdot_from_race(5000, 1200)
    assert note == (
        f"Your saved plan uses no VDOT, so no paces; your profile now has VDOT {score:.1f}. Today and the training "
        "calendar follow the saved plan, tomorrow's easy run too: save the plan again on the planner to use the new "
        "paces."
    )
    with_paces = {**plan, "prefs": {**plan["prefs"], "vdot": round(score, 1)}}
    assert "data-plan-paces" not in save({"profile": {}, "plan": {"season": with_paces}})
    assert "data-plan-paces" not in save({"profile": {}})  # no plan saved: nothing to save again


def test_a_new_profile_starts_on_miles_in_the_united_states_only() -> None:
    """The units box tells the glue its start value by the browser language's region, used only while no profile
    is stored (test_profile.py checks the browser side)."""
    html = str(render_calculator(CALCULATORS["profile"], context=Context()))
    units = re.search(r'<select[^>]*name="units"[^>]*>', html)
    assert units is not None and 'data-locale-values="{&quot;US&quot;: &quot;mi&quot;}"' in units.group(0)


def test_a_browser_with_no_profile_is_told_it_is_not_saved_though_its_form_holds_the_defaults() -> None:
    """A new runner in the UK, whose untouched form holds the defaults a missing profile reads as (km, kg), was told
    "This is your saved profile" with nothing stored, and might never press Save."""
    html = ask({}, "compute")["html"]
    assert "Not saved yet" in html and "This is your saved profile" not in html


def test_easy_weeks_chosen_in_the_profile_are_stored_as_the_planners_value_and_shown() -> None:
    """A beginner says once, on the profile, that they want no hard runs yet: the planner's own value is stored,
    the field the planner starts from, and the table says so."""
    reply = ask({**GOOD, "hard_runs": "none"}, touched=("hard_runs",))
    value = reply["ops"][0]["value"]
    assert value["hard_runs"] == "none"
    (planner_field,) = (f for f in CALCULATORS["planner"].fields if f.name == "hard_runs")
    assert planner_field.profile == "hard_runs" and "none" in dict(planner_field.options)
    assert "Hard runs</th><td>None: easy weeks</td><td>Planner" in re.sub(
        r"\s*<(/?)t([hd])[^>]*>\s*", r"<\1t\2>", reply["html"]
    )


def test_a_profile_from_before_the_choice_saved_untouched_keeps_no_choice() -> None:
    """Stored before the choice and saved with the field untouched, the profile still has no choice: written as
    "Tempo and intervals", it would override easy weeks a runner had chosen on the planner before."""
    old = {**GOOD, "units": "km"}
    value = ask(GOOD, profile=old)["ops"][0]["value"]
    assert "hard_runs" not in value
    html = ask(GOOD, "compute", profile=old)["html"]
    assert "This is your saved profile" in html
    chosen = ask({**GOOD, "hard_runs": ""}, profile=old, touched=("hard_runs",))["ops"][0]["value"]
    assert chosen["hard_runs"] == ""  # chosen here: "Tempo and intervals" is a choice


def hard_runs_row(html: str) -> str:
    """The summary table's Hard runs row, as text: "Hard runs | Tempo and intervals | Planner"."""
    row = html[html.index(">Hard runs<") + 1 :]
    row = row[: row.index("</tr>")]
    return " | ".join(part.strip() for part in re.sub(r"<[^>]+>", "|", row).split("|") if part.strip())


def test_hard_runs_not_chosen_reads_as_the_form_shows_it_and_as_the_planner_uses_it() -> None:
    """A runner saw "Hard runs: Not chosen…" in the summary beside a form showing "Tempo and intervals", for a profile
    saved before the choice existed and for one never saved. With no choice stored, the form shows "Tempo and
    intervals" and the planner opens on it, unless the planner's own form keeps easy weeks: then the row says that,
    and that the form shows the other until the runner chooses here."""
    old = {**GOOD, "units": "km"}
    for profile in (old, None):
        assert (
            hard_runs_row(ask(GOOD, "compute", profile=profile)["html"]) == "Hard runs | Tempo and intervals | Planner"
        )
    planner = {"form:planner": {"values": {"hard_runs": "none", "volume": "30"}}}
    payload = {"values": {**CALC.defaults(), **GOOD}, "today": TODAY, "profile": old}
    store = {"profile": {"profile": old}, "settings": planner}
    reply = handle({"id": 1, "calculator": "profile", "action": "compute", "payload": payload | {"store": store}})
    assert hard_runs_row(reply["html"]) == (
        "Hard runs | None: easy weeks, as chosen on the planner (the form above shows Tempo and intervals until you "
        "choose here and save) | Planner"
    )
    # A choice in the profile is what the planner opens on, whatever its own form kept.
    chosen = payload | {
        "profile": {**old, "hard_runs": ""},
        "store": store | {"profile": {"profile": {**old, "hard_runs": ""}}},
    }
    reply = handle({"id": 1, "calculator": "profile", "action": "compute", "payload": chosen})
    assert hard_runs_row(reply["html"]) == "Hard runs | Tempo and intervals | Planner"
