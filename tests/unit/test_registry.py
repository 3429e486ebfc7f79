"""The worker's one entry point: JSON in, JSON out, errors as data."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from calculators.registry import CALCULATORS, MODULES, dispatch, handle, rehearsal
from calculators.ui.calculator import Calculator, Context, Reply, action_button

ROOT = Path(__file__).parents[2]


def ask(values: dict[str, str], **extra: Any) -> dict[str, Any]:
    request = {"id": 7, "calculator": "vdot", "action": "compute", "payload": {"values": values, **extra}}
    return json.loads(dispatch(json.dumps(request)))


def test_a_valid_request_returns_html_ops_and_effects() -> None:
    reply = ask({"distance": "5k", "time": "19:57", "units": "km"})
    assert reply["id"] == 7 and reply["ok"] is True
    assert "VDOT 50.0" in reply["html"]
    assert reply["ops"] == [] and reply["effects"] == []


def test_missing_fields_take_their_defaults() -> None:
    assert "VDOT 49.8" in ask({})["html"]  # 5 km in 20:00


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"distance": "5k", "time": "1:75"}, "time"),
        ({"distance": "5k", "time": "abc"}, "time"),
        ({"distance": "5k", "time": ""}, "time"),
        ({"distance": "5k", "time": "9:00"}, "time"),
        ({"distance": "marathon", "time": "9:00:00"}, "time"),
        ({"distance": "custom", "custom_distance": "0", "time": "20:00"}, "custom_distance"),
        ({"distance": "custom", "custom_distance": "-3", "time": "20:00"}, "custom_distance"),
        ({"distance": "custom", "custom_distance": "abc", "time": "20:00"}, "custom_distance"),
        ({"distance": "custom", "custom_distance": "60", "custom_unit": "mi", "time": "9:00:00"}, "custom_distance"),
        ({"distance": "10 miles", "time": "20:00"}, "distance"),
        ({"distance": "5k", "time": "20:00", "units": "furlong"}, "units"),
    ],
)
def test_bad_input_comes_back_as_a_field_message(values: dict[str, str], field: str) -> None:
    reply = ask(values)
    assert reply["ok"] is False
    assert reply["error"]["code"] == "input"
    assert reply["error"]["field"] == field
    assert reply["error"]["message"]


def test_unknown_calculator_and_action_are_refused_as_data() -> None:
    assert json.loads(dispatch(json.dumps({"id": 1, "calculator": "nope"})))["error"]["field"] == "calculator"
    reply = json.loads(dispatch(json.dumps({"id": 1, "calculator": "vdot", "action": "delete_everything"})))
    assert reply["error"]["field"] == "action"


@pytest.mark.parametrize("raw", ["", "not json", "[]", "null", '"text"'])
def test_malformed_requests_do_not_raise(raw: str) -> None:
    reply = json.loads(dispatch(raw))
    assert reply["ok"] is False and reply["error"]["code"] == "request"


def test_bad_today_is_a_field_message() -> None:
    reply = ask({}, today="23/11/2026")
    assert reply["error"]["field"] == "today"


def test_a_bug_in_a_calculator_is_reported_as_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(values: object, context: Context) -> Reply:
        raise ZeroDivisionError

    monkeypatch.setitem(
        CALCULATORS, "broken", Calculator(name="broken", title="t", intro="i", fields=(), compute=broken)
    )
    reply = handle({"id": 3, "calculator": "broken"})
    assert reply["ok"] is False and reply["error"]["code"] == "internal"
    assert "ZeroDivisionError" in reply["error"]["detail"]


#: Every file under calculators/ui, sub-packages included: the registry lists only the package's own modules.
UI_MODULES = sorted((ROOT / "calculators" / "ui").rglob("*.py"))


def _module(path: Path) -> ModuleType:
    return importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))


def _calculators_in(path: Path) -> list[tuple[str, Calculator]]:
    """Every ``Calculator`` a module under calculators/ui holds at its top level, with the name it is held under."""
    return [(name, value) for name, value in vars(_module(path)).items() if isinstance(value, Calculator)]


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda path: path.relative_to(ROOT / "calculators" / "ui").as_posix())
def test_a_calculator_declared_in_any_module_of_calculators_ui_is_registered(path: Path) -> None:
    """Adding a calculator is adding a module that defines ``CALCULATOR`` (README, "Add a calculator"). One held
    under another name, in a sub-package the registry does not look into, or a ``CALCULATOR`` that is not a
    ``Calculator`` would be skipped without a word, and no page could embed it."""
    module = _module(path)
    if hasattr(module, "CALCULATOR"):
        assert isinstance(module.CALCULATOR, Calculator), f"{path.name}: CALCULATOR is not a Calculator"
    for held_as, calc in _calculators_in(path):
        assert held_as == "CALCULATOR", f"{path.name}: declare {calc.name!r} as CALCULATOR, not {held_as}"
        assert CALCULATORS.get(calc.name) is calc, f"{path.name}: {calc.name!r} is not registered"


def test_every_registered_calculator_names_the_module_that_declares_it_and_names_are_unique() -> None:
    """A page sends the module with each request, so Python imports only that one (``registry._find``)."""
    declared = [calc for path in UI_MODULES for held_as, calc in _calculators_in(path) if held_as == "CALCULATOR"]
    assert len({calc.name for calc in declared}) == len(declared)
    for name, calc in CALCULATORS.items():
        assert importlib.import_module(f"calculators.ui.{MODULES[name]}").CALCULATOR is calc


def test_result_buttons_carry_their_action_and_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def echo(values: object, context: Context) -> Reply:
        seen.update(context.args)
        return Reply(html=action_button("Log set 2", "log_set", {"set": 2, "name": "<b>"}))

    calc = Calculator(name="echo", title="t", intro="i", fields=(), compute=echo, actions={"log_set": echo})
    monkeypatch.setitem(CALCULATORS, "echo", calc)
    reply = handle({"id": 1, "calculator": "echo", "action": "log_set", "payload": {"args": {"set": 2}}})
    assert seen == {"set": 2}
    assert 'data-action="log_set"' in reply["html"]
    assert 'data-args="{&quot;name&quot;: &quot;&lt;b&gt;&quot;, &quot;set&quot;: 2}"' in reply["html"]


def test_a_request_naming_its_module_imports_only_that_calculator() -> None:
    """A first visit pays for the calculator on its page only: the race calculator does not import the logs."""
    code = (
        "import json, sys; import calculators.registry as r;"
        "reply = r.handle({'id': 1, 'calculator': 'vdot', 'module': 'race', 'payload': {'values': {}}});"
        "print(json.dumps([reply['ok'], sorted(m for m in sys.modules if m.startswith('calculators.ui.'))]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    ok, imported = json.loads(done.stdout)
    assert ok
    assert "calculators.ui.race" in imported
    assert not {"calculators.ui.strength_log", "calculators.ui.training_log", "calculators.ui.data"} & set(imported)


@pytest.mark.parametrize("module", ["strength_log", "../race", "nope", None])
def test_a_wrong_or_missing_module_still_finds_the_calculator_by_name(module: str | None) -> None:
    reply = handle({"id": 1, "calculator": "vdot", "module": module, "payload": {"values": {}}})
    assert reply["ok"], reply
    assert handle({"id": 2, "calculator": "nope", "module": "race"})["error"]["field"] == "calculator"


def test_every_calculator_is_rendered_with_its_module() -> None:
    for name, module in MODULES.items():
        assert CALCULATORS[name] is importlib.import_module(f"calculators.ui.{module}").CALCULATOR


def test_every_form_that_sets_the_shared_units_says_it_changes_every_page() -> None:
    """A km/miles choice on a tool is the profile's: the reader is told it is not for this form alone
    (the profile page itself is where units are set, so it needs no warning)."""
    from calculators.ui.calculator import SHARED_UNITS_HELP, render_calculator

    tools = [c for c in CALCULATORS.values() if c.name != "profile" and any(f.profile == "units" for f in c.fields)]
    assert {c.name for c in tools} >= {"vdot", "planner", "readiness"}
    for calc in tools:
        form = str(render_calculator(calc))
        select = form.split('name="units"', 1)[1].split(">", 1)[0]
        help_id = select.split('aria-describedby="', 1)[1].split(" ", 1)[0]
        assert f'<p id="{help_id}" class="sl-field__help">{SHARED_UNITS_HELP}</p>' in form, calc.name


def test_the_warm_up_asks_every_calculator_what_a_page_asks_and_each_answers() -> None:
    """The worker's warm-up (worker.mjs) answers these requests to make the browser keep its compiled engine: a
    calculator missing from them, or answering with an error, would leave its own path out of what is kept."""
    requests = [json.loads(request) for request in rehearsal("2026-12-07")]
    assert sorted(r["calculator"] for r in requests) == sorted(CALCULATORS)
    for request in requests:
        assert request["module"] == MODULES[request["calculator"]]
        assert request["payload"]["today"] == "2026-12-07"  # the page's date: Python in the browser has no clock
        reply = json.loads(dispatch(json.dumps(request)))
        assert reply["ok"], reply
        assert reply["html"]


def test_the_warm_up_without_the_readers_date_asks_as_the_build_does() -> None:
    assert all("today" not in json.loads(request)["payload"] for request in rehearsal())


@pytest.mark.parametrize(
    ("request_", "field", "words"),
    [
        ({"calculator": "vdot", "payload": ["5k"]}, "payload", "“payload”"),
        ({"calculator": "vdot", "payload": {"values": "5k"}}, "values", "“values”"),
    ],
)
def test_a_malformed_request_is_refused_naming_the_part_that_is_wrong(
    request_: dict[str, Any], field: str, words: str
) -> None:
    reply = handle({"id": 1, **request_})
    assert reply["ok"] is False and reply["error"]["field"] == field
    assert words in reply["error"]["message"]


def test_the_fields_the_reader_changed_reach_the_calculator() -> None:
    """``touched`` tells the built-in example from the same values typed (the race calculator's 5 km in 20:00)."""
    assert "Example: VDOT 49.8" in ask({}, store={})["html"]
    assert "Example" not in ask({"time": "20:00"}, store={}, touched=["time"])["html"]
    assert "Example: VDOT 49.8" in ask({}, store={}, touched="time")["html"]  # not a list: nothing touched


@pytest.mark.parametrize(
    ("calculator", "heading"),
    [("vdot", "Your VDOT and paces"), ("profile", "What your tools start from"), ("planner", "Your plan")],
)
def test_the_answer_starts_with_a_heading_a_screen_reader_jumps_to(calculator: str, heading: str) -> None:
    """With no heading in the answer, a screen-reader user pressing H skipped past it to the guide below: the
    race calculator's, the profile's and the planner's answers start with one, under the calculator's own h2."""
    values = {"distance": "5k", "time": "22:00", "units": "km"} if calculator == "vdot" else {}
    payload = {"values": values, "store": {}, "profile": {}, "today": "2026-12-07", "now": "2026-12-07T08:00:00Z"}
    reply = handle({"id": 1, "calculator": calculator, "payload": payload})
    assert reply["ok"] is True
    assert reply["html"].startswith(f'<div class="sl-result"><h3 class="sl-result__title">{heading}</h3>')


def test_on_its_tool_page_the_answers_headings_follow_the_pages_h1() -> None:
    """Asked from its tool page (``titled_by_page``: the page's h1 heads the calculator, which has no h2 of its own),
    an answer's headings are a level up, each one: no h3 straight under the h1, and the words as they were."""
    run = {"date": "2026-12-06", "duration_s": 2700, "distance_m": 9000, "rpe": 9}
    payload = {"values": {}, "store": {"runs": {"r1": run}}, "profile": {}, "today": "2026-12-07"}
    below = handle({"id": 1, "calculator": "readiness", "payload": payload})["html"]
    lifted = handle({"id": 2, "calculator": "readiness", "payload": payload | {"titled_by_page": True}})["html"]
    assert re.findall(r"<h(\d)", below) and not re.findall(r"<h[12]\b", below)
    assert [int(level) - 1 for level in re.findall(r"<h(\d)", below)] == [int(n) for n in re.findall(r"<h(\d)", lifted)]
    assert re.sub(r"<(/?)h\d", "", below) == re.sub(r"<(/?)h\d", "", lifted)
