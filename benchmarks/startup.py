"""How fast Python answers, and what a page costs, measured side by side with a bare Pyodide page.

    python benchmarks/startup.py            # prints one JSON report (5–10 minutes)

Builds the site into a temporary folder, adds a reference page (a module worker that runs
``loadPyodide()`` then ``import json``, served by the same server from the same runtime files) and a
page with nothing but our engine, serves them on loopback, and drives the system Chromium:

- navigation → first Python-computed result after an input change, cold (a fresh persistent
  profile), returning (the same profile again, its service worker and caches in place) and later (the
  visit after a returning one the reader stayed on until the engine had warmed up, see ``warmUp`` in
  worker.mjs), for the race calculator and for the reference page, with their ratio, and how our engine started
  (``snapshot`` or ``normal``); and, returning, our engine alone on a bare page asked the same
  question (``engine_only/``): the calculator page's time minus this one is what the page costs;
- a first visit to the calculator over emulated 9, 25, 40 and 60 Mbit/s connections: the time, and whether the
  worker chose to download the snapshot;
- bytes the server sent for a calculator page cold, and for a guide page with no calculator before
  any interaction (and how many of them were Pyodide's);
- milliseconds per call in the browser for the heaviest calls: a 24-week season plan, and a year
  of runs and HRV into the readiness page;
- the site build time against a plain MkDocs build of the same content without our hooks;
- Lighthouse (``npx lighthouse``, mobile preset, the system Chromium) for the home page, the
  strength guide and a calculator page, median of three runs each; skipped with a note when npm cannot
  fetch it.

Numbers only: nothing here passes or fails. Record them in the README's performance table.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build import build, make_server  # noqa: E402
from calculators.registry import CALCULATORS, MODULES  # noqa: E402
from tests.e2e.conftest import chromium_executable  # noqa: E402

BARE_PAGE = Path(__file__).parent / "bare.html"  # the page of both: its main.mjs asks, #result shows the answer
REFERENCE = Path(__file__).parent / "reference"
ENGINE_ONLY = Path(__file__).parent / "engine_only"
RUNS = 5  # medians of five: single visits move by 10–20 % on this machine
SLOW_CONNECTIONS = (9, 25, 40, 60)  # Mbit/s: Fast 4G, and around where the snapshot starts to pay
LIGHTHOUSE = "12.8.2"  # pinned: scores move between releases


def timed_build(**overrides: Any) -> float:
    start = time.perf_counter()
    build(**overrides)
    return time.perf_counter() - start


class Counter:
    """Bytes the server sent, per path, while counting is on."""

    def __init__(self) -> None:
        self.sent: dict[str, int] = {}
        self.lock = threading.Lock()

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent[path] = self.sent.get(path, 0) + size

    def take(self) -> dict[str, int]:
        with self.lock:
            sent, self.sent = self.sent, {}
        return sent


def serve(site: Path, counter: Counter) -> Any:
    server = make_server(site, port=0)
    bound = server.RequestHandlerClass  # a partial binding the handler class to the folder

    class Counting(bound.func):  # type: ignore[misc, name-defined]
        def copyfile(self, source: Any, outputfile: Any) -> None:
            start = source.tell()
            super().copyfile(source, outputfile)
            counter.add(self.path.split("?")[0], source.tell() - start)

    server.RequestHandlerClass = partial(Counting, *bound.args, **bound.keywords)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Recorded in the page as it happens, so Playwright's polling does not add to the time: the first input
# event, and each time a calculator shows a result Python computed.
_TIMING = """
addEventListener("input", () => { window.__inputAt ??= performance.now(); }, true);
new MutationObserver((changes) => {
  if (changes.some((change) => change.attributeName === "data-computed")) {
    (window.__computedAt ??= []).push(performance.now());
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-computed"] });
"""


def first_result_s(
    context: Any, url: str, *, bare: bool, settle: bool = False, linger: bool = False, mbit_s: float | None = None
) -> tuple[float, str]:
    """Seconds from navigation start to the first Python result shown after an input change (on a ``bare``
    page, one that asks by itself and marks ``#result[data-done]``), and how the engine started. With
    ``settle``, waits until the service worker has saved everything before leaving; with ``linger``, until
    our engine has warmed up; with ``mbit_s``, the page and its workers download at that speed (Chromium's
    emulation, 40 ms latency)."""
    page = context.new_page()
    if mbit_s is not None:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        conditions = {"offline": False, "latency": 40, "downloadThroughput": mbit_s * 1e6 / 8, "uploadThroughput": 1e6}
        cdp.send("Network.emulateNetworkConditions", conditions)
    page.add_init_script(_TIMING)
    page.goto(url)
    if bare:
        page.wait_for_selector("#result[data-done], #result[data-error]", timeout=120_000)
        if page.evaluate("() => 'error' in document.querySelector('#result').dataset"):
            raise RuntimeError(f"{url} answered: {page.text_content('#result')}")
        value = page.evaluate("() => Number(document.querySelector('#result').dataset.done)")
        start = page.evaluate("() => document.documentElement.dataset.slEngineStart ?? 'reference'")
    else:
        page.get_by_label("Finish time").fill("19:30")
        page.wait_for_function("() => (window.__computedAt ?? []).some((t) => t >= window.__inputAt)", timeout=120_000)
        value = page.evaluate("() => window.__computedAt.find((t) => t >= window.__inputAt)")
        start = page.evaluate("() => document.documentElement.dataset.slEngineStart")
        if settle:  # a reader who stays a moment: the runtime and the snapshot are saved for next time
            page.wait_for_function("() => document.documentElement.dataset.slOffline === 'all'", timeout=300_000)
    if linger:  # a reader who stays a little longer: the browser keeps the compiled interpreter for next time
        page.wait_for_selector("html[data-sl-engine-warmed]", state="attached", timeout=120_000)
    page.close()
    return value / 1000, start


def visit(
    browser_type: Any,
    profile: Path,
    url: str,
    *,
    bare: bool,
    settle: bool = False,
    linger: bool = False,
    mbit_s: float | None = None,
) -> tuple[float, str]:
    context = browser_type.launch_persistent_context(str(profile), executable_path=chromium_executable(), headless=True)
    try:
        return first_result_s(context, url, bare=bare, settle=settle, linger=linger, mbit_s=mbit_s)
    finally:
        context.close()


def bytes_for(browser_type: Any, url: str, counter: Counter, *, wait_for_result: bool) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(profile, executable_path=chromium_executable(), headless=True)
        counter.take()
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        if wait_for_result:
            page.get_by_label("Finish time").fill("19:30")
            page.wait_for_selector("[data-calculator][data-computed]", timeout=120_000)
        page.wait_for_timeout(1000)
        context.close()
    sent = counter.take()
    return {
        "total": sum(sent.values()),
        "pyodide": sum(n for path, n in sent.items() if "/assets/pyodide/" in path),
    }


def heaviest_calls_ms(browser_type: Any, base: str, today: date) -> dict[str, float]:
    """Milliseconds per call, in the browser, for the heaviest requests a reader can make."""
    planner = {
        **CALCULATORS["planner"].defaults(),
        "race_date": (today + timedelta(weeks=24)).isoformat(),
        "race_distance": "42195",
    }
    year = [today - timedelta(days=n) for n in range(365)]
    runs = {
        f"run-{day}": {"date": day.isoformat(), "duration_s": 2700.0, "distance_m": 9000.0, "rpe": 4.0 + day.day % 4}
        for day in year
        if day.weekday() != 0
    }
    hrv = {day.isoformat(): {"rmssd_ms": 55.0 + (day.toordinal() % 9)} for day in year}
    requests = {
        "season_plan_24_weeks": {"calculator": "planner", "action": "compute", "payload": {"values": planner}},
        "readiness_one_year": {
            "calculator": "readiness",
            "action": "compute",
            "payload": {"values": CALCULATORS["readiness"].defaults(), "store": {"runs": runs, "hrv": hrv}},
        },
    }
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(profile, executable_path=chromium_executable(), headless=True)
        page = context.new_page()
        page.goto(base + "tools/race-performance/")
        page.wait_for_selector("html[data-sl-engine-start]", state="attached", timeout=120_000)
        timings = page.evaluate(
            """async ([requests, today, base]) => {
                const engine = await import(base + "assets/stridelab/engine.js");
                const out = {};
                for (const [name, request] of Object.entries(requests)) {
                    const { payload, ...call } = request;
                    payload.today = today;
                    const times = [];
                    for (let i = 0; i < 5; i++) {
                        const start = performance.now();
                        const reply = await engine.call(call, () => payload);
                        if (!reply.ok) throw new Error(JSON.stringify(reply.error));
                        times.push(performance.now() - start);
                    }
                    out[name] = times.sort((a, b) => a - b)[2];
                }
                return out;
            }""",
            [requests, today.isoformat(), base],
        )
        context.close()
    return {name: round(ms, 1) for name, ms in timings.items()}


def lighthouse(url: str) -> dict[str, Any]:
    """Lighthouse's category scores (0–100, mobile preset) for ``url``, the median of three runs (its
    performance score moves by a few points from run to run), or why there are none."""
    runs = [lighthouse_once(url) for _ in range(3)]
    if any("error" in run for run in runs):
        return next(run for run in runs if "error" in run)
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def lighthouse_once(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "npx", "--yes", f"lighthouse@{LIGHTHOUSE}", url, "--output=json", f"--output-path={tmp}/report.json",
            "--quiet", "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": chromium_executable() or ""}
        try:
            subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)
            report = json.loads(Path(tmp, "report.json").read_text())
        except (OSError, subprocess.SubprocessError, ValueError) as error:
            return {"error": f"lighthouse did not run: {error}"}
    return {name: round(100 * (category["score"] or 0)) for name, category in report["categories"].items()}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site_dir=site)  # fills the snapshot and compression caches, as a developer's machine has them
        ours, plain = [], []
        for _ in range(RUNS):  # alternately, so a machine that slows down weighs on both
            ours.append(timed_build(site_dir=site))
            plain.append(timed_build(site_dir=Path(tmp) / "plain", hooks=[]))
        build(site_dir=site)
        for folder, name in ((REFERENCE, "_reference"), (ENGINE_ONLY, "_engine_only")):
            shutil.copytree(folder, site / name)
            shutil.copy(BARE_PAGE, site / name / "index.html")
        race = {"calculator": "vdot", "module": MODULES["vdot"], "action": "compute"}
        values = {**CALCULATORS["vdot"].defaults(), "time": "19:30"}  # as the calculator page is asked
        payload = {"values": values, "args": {}, "today": date.today().isoformat(), "profile": {}}
        (site / "_engine_only" / "request.json").write_text(json.dumps({**race, "payload": payload}))
        counter = Counter()
        server = serve(site, counter)
        base = f"http://127.0.0.1:{server.server_port}/"
        report: dict[str, Any] = {
            "build_s": {"ours": statistics.median(ours), "plain_mkdocs": statistics.median(plain)},
        }
        report["build_s"]["ratio"] = report["build_s"]["ours"] / report["build_s"]["plain_mkdocs"]
        with sync_playwright() as playwright:
            chromium = playwright.chromium
            calculator, reference = base + "tools/race-performance/", base + "_reference/"
            # Each page's first visit and returning visit. Our engine alone is timed returning to a profile
            # the calculator page filled, so that it starts from the same saved runtime and snapshot.
            pages = {
                "calculator": (calculator, calculator),
                "engine_only": (calculator, base + "_engine_only/"),
                "reference": (reference, reference),
            }
            seen: dict[str, dict[str, list[Any]]] = {
                name: {"cold": [], "returning": [], "later": [], "starts": []} for name in pages
            }
            for _ in range(RUNS):  # the pages in turn, so a machine that slows down weighs on each
                for name, (first, then) in pages.items():
                    with tempfile.TemporaryDirectory() as profile:
                        cold = visit(chromium, Path(profile), first, bare=first != calculator, settle=True)
                        ours = name != "reference"  # the reference has no warm-up to wait for
                        returning = visit(chromium, Path(profile), then, bare=then != calculator, linger=ours)
                        later = visit(chromium, Path(profile), then, bare=then != calculator)
                    seen[name]["cold"].append(cold[0])
                    seen[name]["returning"].append(returning[0])
                    seen[name]["later"].append(later[0])
                    seen[name]["starts"].append((cold[1], returning[1]))
            for name, runs in seen.items():
                report[f"first_result_s_{name}"] = {
                    "cold": statistics.median(runs["cold"]),
                    "returning": statistics.median(runs["returning"]),
                    "later": statistics.median(runs["later"]),
                    "cold_start": sorted({cold for cold, _ in runs["starts"]}),
                    "returning_start": sorted({returning for _, returning in runs["starts"]}),
                }
            for key in ("cold", "cold_start"):  # that visit was the calculator page's
                del report["first_result_s_engine_only"][key]
            # A first visit over slower connections, where the worker decides between downloading the
            # snapshot and a normal start (worker.mjs): the time, and what it chose.
            report["first_visit_by_connection"] = {}
            for mbit_s in SLOW_CONNECTIONS:
                with tempfile.TemporaryDirectory() as profile:
                    seconds, start = visit(chromium, Path(profile), calculator, bare=False, mbit_s=mbit_s)
                report["first_visit_by_connection"][f"{mbit_s:g} Mbit/s"] = {"seconds": seconds, "start": start}
            ours_s, ref_s = report["first_result_s_calculator"], report["first_result_s_reference"]
            report["first_result_ratio"] = {k: ours_s[k] / ref_s[k] for k in ("cold", "returning", "later")}
            report["bytes_calculator_page_cold"] = bytes_for(chromium, calculator, counter, wait_for_result=True)
            report["bytes_guide_page_cold"] = bytes_for(
                chromium, base + "guides/long-run-fueling/", counter, wait_for_result=False
            )
            report["call_ms"] = heaviest_calls_ms(chromium, base, date.today())
        report["lighthouse_mobile"] = {
            page: lighthouse(base + path)
            for page, path in (
                ("home", ""),
                ("strength_guide", "guides/strength-training-for-runners/"),
                ("calculator", "tools/race-performance/"),
            )
        }
        server.shutdown()
        server.server_close()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
