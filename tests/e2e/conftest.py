"""Browser tests: the built site served on loopback with its production headers, driven in Chromium.

Every test is watched: a console error, an uncaught page error, a Content-Security-Policy
violation (Chromium reports those as console errors) or a request that leaves 127.0.0.1 fails it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request


def chromium_executable() -> str | None:
    """The system Chromium (CHROMIUM_PATH, else the usual paths); None lets Playwright use its own."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    executable = chromium_executable()
    return {**browser_type_launch_args, **({"executable_path": executable} if executable else {})}


#: A browser in the United Kingdom: a reader with no profile meets km (a US browser meets miles), as the tests expect
#: unless they say otherwise (the US browser tests). For every context, the fixture's and the persistent ones.
LOCALE = "en-GB"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": LOCALE}


class Watch:
    """What went wrong in the browser during one test."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.allowed: list[str] = []  # substrings of console errors a test expects

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not any(text in message.text for text in self.allowed):
            self.problems.append(f"console error: {message.text}")

    def request(self, request: Request) -> None:
        if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            self.problems.append(f"request off 127.0.0.1: {request.url}")

    def attach(self, page: Page) -> None:
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught error: {error}"))


@pytest.fixture
def watch(context: BrowserContext) -> Iterator[Watch]:
    watch = Watch()
    context.on("request", watch.request)
    context.on("page", watch.attach)
    yield watch
    assert watch.problems == []


@pytest.fixture
def page(context: BrowserContext, watch: Watch) -> Page:
    """pytest-playwright's page, watched."""
    return context.new_page()
