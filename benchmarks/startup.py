"""How fast Python answers, and what a page costs, measured side by side with a bare Pyodide page.

    python benchmarks/startup.py            # prints one JSON report

Builds the site into a temporary folder, adds a reference page (a module worker that runs
``loadPyodide()`` then ``import json``, served by the same server from the same runtime files),
serves both on loopback, and drives the system Chromium:

- navigation → first Python-computed result after an input change, cold (a fresh persistent
  profile) and returning (the same profile again, its service worker and caches in place), for the
  race calculator and for the reference page, with their ratio;
- bytes the server sent for a calculator page cold, and for a guide page before any interaction;
- the site build time against a plain MkDocs build of the same content without our hooks.

Numbers only: nothing here passes or fails. Record them in the README's performance table.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build import build, make_server  # noqa: E402
from tests.e2e.conftest import chromium_executable  # noqa: E402

REFERENCE = Path(__file__).parent / "reference"
RUNS = 3


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


def first_result_s(context: Any, url: str, *, reference: bool) -> float:
    """Seconds from navigation start to the first Python result shown after an input change."""
    page = context.new_page()
    page.goto(url)
    if reference:
        page.wait_for_selector("#result[data-done]", timeout=120_000)
        value = page.evaluate("() => Number(document.querySelector('#result').dataset.done)")
    else:
        page.get_by_label("Finish time").fill("19:30")
        page.wait_for_selector("[data-calculator][data-computed]", timeout=120_000)
        value = page.evaluate("() => performance.now()")
    page.close()
    return value / 1000


def visit(browser_type: Any, profile: Path, url: str, *, reference: bool) -> float:
    context = browser_type.launch_persistent_context(
        str(profile), executable_path=chromium_executable(), headless=True
    )
    try:
        return first_result_s(context, url, reference=reference)
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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        ours = [timed_build(site_dir=site) for _ in range(RUNS)]
        plain = [timed_build(site_dir=Path(tmp) / "plain", hooks=[]) for _ in range(RUNS)]
        build(site_dir=site)
        shutil.copytree(REFERENCE, site / "_reference")
        counter = Counter()
        server = serve(site, counter)
        base = f"http://127.0.0.1:{server.server_port}/"
        report: dict[str, Any] = {
            "build_s": {"ours": statistics.median(ours), "plain_mkdocs": statistics.median(plain)},
        }
        report["build_s"]["ratio"] = report["build_s"]["ours"] / report["build_s"]["plain_mkdocs"]
        with sync_playwright() as playwright:
            chromium = playwright.chromium
            for name, url, reference in (
                ("calculator", base + "tools/race-performance/", False),
                ("reference", base + "_reference/", True),
            ):
                cold, returning = [], []
                for _ in range(RUNS):
                    with tempfile.TemporaryDirectory() as profile:
                        cold.append(visit(chromium, Path(profile), url, reference=reference))
                        returning.append(visit(chromium, Path(profile), url, reference=reference))
                report[f"first_result_s_{name}"] = {
                    "cold": statistics.median(cold),
                    "returning": statistics.median(returning),
                }
            ours_s, ref_s = report["first_result_s_calculator"], report["first_result_s_reference"]
            report["first_result_ratio"] = {k: ours_s[k] / ref_s[k] for k in ("cold", "returning")}
            report["bytes_calculator_page_cold"] = bytes_for(
                chromium, base + "tools/race-performance/", counter, wait_for_result=True
            )
            report["bytes_guide_page_cold"] = bytes_for(
                chromium, base + "guides/strength-training-for-runners/", counter, wait_for_result=False
            )
        server.shutdown()
        server.server_close()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
