"""Let a page embed a calculator with one block: ``/// calculator | vdot`` followed by ``///``."""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError

# A plain `mkdocs build` from a checkout must find the calculators package too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from calculators.registry import CALCULATORS, MODULES
from calculators.ui.calculator import render_calculator

_OPEN = re.compile(r"^///\s*calculator\s*\|\s*(?P<name>[\w-]+)\s*$")
_CLOSE = re.compile(r"^///\s*$")
_HEADING = re.compile(r"^(#{1,6})\s")  # an ATX heading's opening hashes


def embedded_calculators(markdown: str) -> list[str]:
    """The names of the calculators a page's Markdown embeds, in order: what its built page must show."""
    return [match.group("name") for line in markdown.splitlines() if (match := _OPEN.match(line))]


class UnknownCalculator(PluginError):
    """A page names a calculator that does not exist: the build stops and says which."""


@functools.cache
def _rendered(name: str, prefix: str, titled_by_page: bool) -> str:
    """A calculator with its built-in example, as HTML: one rendering per build for a calculator that several
    pages show (the season planner's example plan takes a noticeable part of the build)."""
    return render_calculator(CALCULATORS[name], prefix=prefix, module=MODULES[name], titled_by_page=titled_by_page)


class _CalculatorBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        seen: dict[str, int] = {}
        level = 0  # of the last heading above: a block right under the page's h1 is its tool page's subject
        index = 0
        while index < len(lines):
            match = _OPEN.match(lines[index])
            if match is None:
                if heading := _HEADING.match(lines[index]):
                    level = len(heading.group(1))
                out.append(lines[index])
                index += 1
                continue
            name = match.group("name")  # on_page_markdown has checked the name and the closing line
            seen[name] = seen.get(name, 0) + 1
            prefix = f"sl-{name}" if seen[name] == 1 else f"sl-{name}-{seen[name]}"
            html = _rendered(name, prefix, level == 1)
            out.extend(["", self.md.htmlStash.store(html), ""])
            index += 2
        return out


class CalculatorExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), which would strip the stash placeholder's markers,
        # and before fenced code (25) and the block parsers, so the block never reaches them.
        md.preprocessors.register(_CalculatorBlocks(md), "stridelab_calculators", 27)


def on_config(config: Any, **_: Any) -> Any:
    _rendered.cache_clear()  # a build renders with its own date: nothing carries over from the last one
    config.markdown_extensions.append(CalculatorExtension())
    return config


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Stop the build, naming the page, when a block names no calculator or is not closed."""
    lines = markdown.splitlines()
    for number, line in enumerate(lines):
        match = _OPEN.match(line)
        if match is None:
            continue
        where = f"{page.file.src_path}, line {number + 1}"
        if match.group("name") not in CALCULATORS:
            known = ", ".join(sorted(CALCULATORS))
            raise UnknownCalculator(f"{where}: no calculator named {match.group('name')!r} (known: {known})")
        if number + 1 >= len(lines) or not _CLOSE.match(lines[number + 1]):
            raise UnknownCalculator(f"{where}: close the calculator block with a line '///' right after it")
    return markdown
