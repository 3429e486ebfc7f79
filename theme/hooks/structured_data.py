"""Describe each page to search engines and feed readers from its own Markdown: Article and FAQPage
JSON-LD, Open Graph, the FAQ hub, and an Atom feed of the guides — nothing maintained twice."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

_FAQ_SECTION = re.compile(r'<h2 id="faq">.*?</h2>(?P<body>.*?)(?=<h2[ >]|\Z)', re.DOTALL)
_QUESTION = re.compile(r"<h3 id=\"(?P<id>[^\"]+)\">(?P<q>.*?)</h3>(?P<a>.*?)(?=<h3[ >]|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
FAQ_HUB_MARKER = "<!-- stridelab:faq-hub -->"


def visible_text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", _PERMALINK.sub("", fragment))).split()).replace(" ,", ",")


def faq_items(content: str) -> list[dict[str, str]]:
    """The questions under a page's ``## FAQ`` heading, each with its answer text and anchor."""
    section = _FAQ_SECTION.search(content)
    if section is None:
        return []
    return [
        {"id": m.group("id"), "question": visible_text(m.group("q")), "answer": visible_text(m.group("a"))}
        for m in _QUESTION.finditer(section.group("body"))
    ]


def title(page: Any) -> str:
    """The page's full title (front matter), not its shorter navigation label."""
    return str(page.meta.get("title") or page.title)


def json_ld(page: Any, config: Any) -> list[dict[str, Any]]:
    """schema.org Article (guides) and FAQPage (pages with an FAQ), from what the page already says."""
    data: list[dict[str, Any]] = []
    url = page.canonical_url
    if page.file.src_uri.startswith("guides/"):
        article: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": title(page),
            "description": page.meta.get("description", ""),
            "url": url,
            "publisher": {"@type": "Organization", "name": config["site_name"]},
            "inLanguage": "en",
        }
        if page.meta.get("date"):
            article["datePublished"] = str(page.meta["date"])
        data.append(article)
    if page.meta.get("faq"):
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": item["question"],
                        "acceptedAnswer": {"@type": "Answer", "text": item["answer"]},
                    }
                    for item in page.meta["faq"]
                ],
            }
        )
    return data


_guides: dict[str, Any] = {}


def on_pre_build(**_: Any) -> None:
    _guides.clear()


def on_page_content(content: str, page: Any, **_: Any) -> str:
    page.meta["faq"] = faq_items(content)
    if page.file.src_uri.startswith("guides/"):
        _guides[page.file.src_uri] = page
    return content


def _hub(page: Any) -> str:
    """Every guide's FAQ as a list of links: the hub is built from the guides, never copied."""
    parts = []
    for uri in sorted(_guides, key=lambda u: title(_guides[u])):
        guide = _guides[uri]
        if not guide.meta.get("faq"):
            continue
        link = guide.file.url_relative_to(page.file)
        items = "".join(
            f'<li><a href="{html.escape(link)}#{html.escape(item["id"])}">{html.escape(item["question"])}</a></li>'
            for item in guide.meta["faq"]
        )
        parts.append(f"<h2>{html.escape(title(guide))}</h2>\n<ul>{items}</ul>")
    return "\n".join(parts)


def on_page_context(context: dict[str, Any], page: Any, config: Any, **_: Any) -> dict[str, Any]:
    # All pages are converted before any is rendered, so every guide's FAQ is known here.
    if FAQ_HUB_MARKER in page.content:
        page.content = page.content.replace(FAQ_HUB_MARKER, _hub(page))
    page.meta["json_ld"] = json_ld(page, config)
    return context


def _day(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def atom_feed(config: Any) -> str:
    """An Atom feed of the guides, newest first (by the ``date`` in their front matter)."""
    site = config["site_url"] or ""
    dated = sorted(
        (p for p in _guides.values() if _day(p.meta.get("date"))),
        key=lambda p: (p.meta["date"], title(p)),
        reverse=True,
    )
    updated = max((_day(p.meta["date"]) for p in dated), default=date(2026, 1, 1))
    stamp = datetime.combine(updated, datetime.min.time(), UTC).isoformat().replace("+00:00", "Z")
    entries = "".join(
        "  <entry>\n"
        f"    <title>{escape(title(p))}</title>\n"
        f'    <link href="{escape(p.canonical_url)}"/>\n'
        f"    <id>{escape(p.canonical_url)}</id>\n"
        f"    <updated>{p.meta['date'].isoformat()}T00:00:00Z</updated>\n"
        f"    <summary>{escape(p.meta.get('description', ''))}</summary>\n"
        "  </entry>\n"
        for p in dated
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(config['site_name'])}: new guides</title>\n"
        f'  <link href="{escape(site)}"/>\n  <link rel="self" href="{escape(site)}feed.xml"/>\n'
        f"  <id>{escape(site)}</id>\n  <updated>{stamp}</updated>\n{entries}</feed>\n"
    )


def on_post_build(config: Any, **_: Any) -> None:
    (Path(config["site_dir"]) / "feed.xml").write_text(atom_feed(config), encoding="utf-8")
