"""Fail the build if any built page or stylesheet of ours would load a resource from another origin."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# A URL with a scheme or a protocol-relative one leaves the site's origin; data: URLs do not.
_OFFSITE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
# <link rel=…> values that make the browser fetch the href (canonical, alternate, author do not).
_LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "apple-touch-icon", "manifest"}
_SRC_ATTRS = {"src", "data", "poster", "srcset", "action", "formaction"}


def _offsite(url: str) -> bool:
    return bool(_OFFSITE.match(url)) and not url.strip().lower().startswith(("data:", "blob:"))


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in _SRC_ATTRS:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.found += [f"<{tag} {name}={url}>" for url in urls if _offsite(url)]
            if name == "style":
                self.found += [f"<{tag} style> {url}" for url in _css_urls(value) if _offsite(url)]
        if (
            tag == "link"
            and set(values.get("rel", "").lower().split()) & _LOADING_RELS
            and _offsite(values.get("href", ""))
        ):
            self.found.append(f"<link rel={values['rel']} href={values['href']}>")


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


# Start tags that could load something: those with one of the attributes above, or a <link>. Only they
# go to the HTML parser; a page is mostly text and links, and parsing all of it is most of the build's
# extra time. Quoted values may hold ">".
_ATTRS = "|".join(sorted(_SRC_ATTRS | {"style"}))
_CANDIDATE_TAGS = re.compile(
    rf"""<(?:link\b|[a-z][^\s/>]*\s(?:[^>"']|"[^"]*"|'[^']*')*?\b(?:{_ATTRS})\s*=)(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.IGNORECASE,
)

_NAME = re.compile(r"[^\s/>]+")


def offsite_loads(site: Path) -> list[str]:
    """Every off-origin load in the built HTML and CSS, as ``file: what``."""
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Loads()
            for tag in _CANDIDATE_TAGS.findall(path.read_text(encoding="utf-8")):
                # Closed at once: after <script …> the parser would read everything up to </script> as code.
                parser.feed(f"{tag}</{_NAME.match(tag, 1).group()}>")  # type: ignore[union-attr]  # a tag has a name
            problems += [f"{path.relative_to(site)}: {item}" for item in parser.found]
        elif path.suffix == ".css":
            problems += [
                f"{path.relative_to(site)}: url({url})"
                for url in _css_urls(path.read_text(encoding="utf-8"))
                if _offsite(url)
            ]
    return problems


def on_post_build(config: Any, **_: Any) -> None:
    problems = offsite_loads(Path(config["site_dir"]))
    if problems:
        raise PluginError("Pages must load nothing from another origin:\n  " + "\n  ".join(problems))
