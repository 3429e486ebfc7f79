"""Every calculator by name, and the one JSON entry point the browser's worker calls.

Request: ``{"id", "calculator", "module", "action", "payload": {"values", "args", "today", "now", "new_id",
"touched", "pressed", "profile", "region", "dates", "store", "environment", "utc_offsets", "titled_by_page"}}``.
``module`` is the module of ``calculators.ui`` that declares the calculator, so Python imports only that one; ``store``,
``environment`` and ``utc_offsets`` come only for a calculator that ``reads`` collections, ``region`` only while no
profile is stored; ``args`` from a result button's ``data-args``. ``dates`` is the same region, always sent: the order
dates are said in (:func:`calculators.date_words.date_order`) is the browser's, whatever units a saved profile chose.
``titled_by_page`` (true on the calculator's tool page, whose h1 is its heading) lifts the answer's headings a level
(:func:`calculators.ui.html.lift_headings`).
Reply: ``{"id", "ok": true, "html", "ops", "effects"}`` or
``{"id", "ok": false, "error": {"code", "message", "field"}}``; when several fields are bad at once
(:class:`calculators.errors.InputErrors`), the error also has ``"fields"``: ``[{"field", "message"}, …]``, each
field's own message (``field`` and ``message`` are the first). With code ``package``, the reply also has
``"package"``: a library to install before asking again (see ``calculators.errors.MissingPackage``).
Errors are data: nothing raised here reaches the browser console as an uncaught exception.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import traceback
from datetime import date
from typing import Any

from calculators import ui
from calculators.date_words import date_order
from calculators.errors import InputError, InputErrors, MissingPackage
from calculators.ui.calculator import Calculator, Context
from calculators.ui.html import lift_headings
from calculators.ui.load_au import explain_first_au

__all__ = ["CALCULATORS", "MODULES", "dispatch", "handle", "rehearsal"]  # noqa: F822 - the first two come from __getattr__


#: The modules of ``calculators.ui``, listed without importing them.
_MODULES = frozenset(info.name for info in pkgutil.iter_modules(ui.__path__))


def _declared(module: str) -> Calculator | None:
    calc = getattr(importlib.import_module(f"calculators.ui.{module}"), "CALCULATOR", None)
    return calc if isinstance(calc, Calculator) else None


def _discover() -> tuple[dict[str, Calculator], dict[str, str]]:
    """Every ``CALCULATOR`` declared in a module of ``calculators.ui`` (adding a calculator is adding a
    module), and the module each one lives in."""
    found: dict[str, Calculator] = {}
    modules: dict[str, str] = {}
    for module in sorted(_MODULES):
        calc = _declared(module)
        if calc is not None:
            if calc.name in found:
                raise RuntimeError(f"two calculators are named {calc.name!r}")
            found[calc.name], modules[calc.name] = calc, module
    return found, modules


_discovered: tuple[dict[str, Calculator], dict[str, str]] | None = None


def __getattr__(name: str) -> Any:
    """``CALCULATORS`` (name → calculator) and ``MODULES`` (name → module), found on first use: importing
    every calculator costs a first visit in the browser about a second, so a request that names its
    module imports only that one (see :func:`handle`)."""
    global _discovered
    if name in ("CALCULATORS", "MODULES"):
        _discovered = _discovered or _discover()
        return _discovered[0] if name == "CALCULATORS" else _discovered[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _find(name: object, module: object) -> Calculator | None:
    """The calculator ``name``, from the module the page named when that module declares it, else from all."""
    if isinstance(module, str) and module in _MODULES:
        calc = _declared(module)
        if calc is not None and calc.name == name:
            return calc
    calculators: dict[str, Calculator] = __getattr__("CALCULATORS")
    return calculators.get(str(name))


def _mapping(container: dict[str, Any], key: str) -> dict[str, Any]:
    """The object under ``key`` (empty when there is none); anything else is a message naming ``key``."""
    value = container.get(key) or {}
    if not isinstance(value, dict):
        raise InputError(key, f"The page sent an unreadable “{key}”.")
    return value


def _offsets(value: object) -> tuple[tuple[date, int], ...]:
    """``[["2026-03-29", 120], …]`` from the page, checked: a malformed table is a message, not a crash."""
    if value is None:
        return ()
    try:
        table = tuple((date.fromisoformat(day), int(minutes)) for day, minutes in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise InputError("utc_offsets", "The page sent an unreadable time-zone table.") from None
    if any(not -16 * 60 <= minutes <= 16 * 60 for _, minutes in table) or list(table) != sorted(table):
        raise InputError("utc_offsets", "The page sent an impossible time-zone table.")
    return table


def _context(calc: Calculator, payload: dict[str, Any]) -> Context:
    today = payload.get("today")
    try:
        day = date.fromisoformat(today) if isinstance(today, str) else None
    except ValueError:
        raise InputError("today", f"“{today}” is not a date (YYYY-MM-DD).") from None
    now = payload.get("now")
    new_id = payload.get("new_id")
    args = _mapping(payload, "args")
    offsets = _offsets(payload.get("utc_offsets"))
    store = _mapping(payload, "store") if calc.reads else None
    touched = payload.get("touched")
    touched = touched if isinstance(touched, list) else []  # the field names the reader changed in this form
    region = payload.get("region")  # sent only while no profile is stored
    return Context(
        today=day,
        now=now if isinstance(now, str) else None,
        new_id=new_id if isinstance(new_id, str) else None,
        args=args,
        utc_offsets=offsets,
        profile=_mapping(payload, "profile"),
        store=store,
        environment=_mapping(payload, "environment"),
        touched=frozenset(name for name in touched if isinstance(name, str)),
        pressed=payload.get("pressed") is True,
        region=region if isinstance(region, str) else None,
    )


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Answer one request (already decoded from JSON)."""
    ident = request.get("id")
    try:
        calc = _find(request.get("calculator"), request.get("module"))
        if calc is None:
            raise InputError("calculator", f"There is no calculator called “{request.get('calculator')}”.")
        action = calc.action(str(request.get("action") or "compute"))
        payload = _mapping(request, "payload")
        dates = payload.get("dates")
        with date_order(dates if isinstance(dates, str) else None):
            reply = action(calc.read(_mapping(payload, "values")), _context(calc, payload))
    except InputError as error:
        reported: dict[str, Any] = {"code": "input", "message": error.message, "field": error.field}
        if isinstance(error, InputErrors):  # each field's own message, for the glue to show them all
            reported["fields"] = [{"field": e.field, "message": e.message} for e in error.errors]
        return {"id": ident, "ok": False, "error": reported}
    except MissingPackage as missing:
        message = f"The {missing.package} package is needed for this and is not loaded yet."
        return {
            "id": ident,
            "ok": False,
            "error": {"code": "package", "message": message, "field": None},
            "package": missing.package,
        }
    except Exception:  # a bug in a calculator: report it as data, with the traceback for the console
        return {
            "id": ident,
            "ok": False,
            "error": {
                "code": "internal",
                "message": "Something went wrong inside the calculator. Your data is safe; please report this.",
                "field": None,
                "detail": traceback.format_exc(),
            },
        }
    html = explain_first_au(reply.html)  # every page's first load says what AU means
    html = lift_headings(html) if payload.get("titled_by_page") is True else html
    return {"id": ident, "ok": True, "html": str(html), "ops": list(reply.ops), "effects": list(reply.effects)}


def dispatch(request_json: str) -> str:
    """JSON in, JSON out: the worker's only entry point into Python."""
    try:
        request = json.loads(request_json)
    except ValueError:
        request = None
    if not isinstance(request, dict):
        return json.dumps(
            {"id": None, "ok": False, "error": {"code": "request", "message": "Malformed request.", "field": None}}
        )
    return json.dumps(handle(request), ensure_ascii=False)


def rehearsal(today: str | None = None) -> list[str]:
    """A request for every calculator with its built-in example, as a page sends it on the reader's ``today``
    (YYYY-MM-DD, from the page's request that started the warm-up; Python in the browser has no clock).

    The worker answers them for a moment once per Pyodide version, so that the browser's WebAssembly engine
    optimises enough of the interpreter to keep its compiled code for the next visits (see ``warmUp`` in
    worker.mjs): the whole path of an answer, JSON in and out, not the calculators alone.
    """
    calculators: dict[str, Calculator] = __getattr__("CALCULATORS")
    modules: dict[str, str] = __getattr__("MODULES")
    payload = {"today": today} if today else {}  # without one, each answers as at build time
    return [
        json.dumps({"calculator": name, "module": modules[name], "payload": payload | {"values": calc.defaults()}})
        for name, calc in calculators.items()
    ]
