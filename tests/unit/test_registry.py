"""The worker's one entry point: JSON in, JSON out, errors as data."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators.registry import CALCULATORS, dispatch, handle
from calculators.ui.calculator import Calculator, Context, Reply, action_button


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


def test_every_calculator_module_is_discovered() -> None:
    assert set(CALCULATORS) == {"vdot", "data", "planner", "strength", "readiness", "profile"}


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
