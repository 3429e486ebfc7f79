"""The guides as a reader and a search engine see them: structure, structured data, links, feed."""

from __future__ import annotations

import html as markup
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from calculators.exercises import session_exercises
from calculators.planner import WEEKDAY_NAMES, WeekPrefs, plan_week
from calculators.progression import next_prescription
from calculators.ui.strength_view import describe
from calculators.week_plan import RUN_NAMES
from theme.hooks.structured_data import faq_items
from theme.hooks.table_regions import add_table_regions

GUIDES = sorted(p.stem for p in (Path(__file__).parents[2] / "content" / "guides").glob("*.md"))


class _Page(HTMLParser):
    """Links, ids, JSON-LD and meta tags of one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.json_ld: list[dict[str, object]] = []
        self.meta: dict[str, str] = {}
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a["property"]] = a.get("content", "")
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def guide_html(site: Path, slug: str) -> Path:
    return site / "guides" / slug / "index.html"


def test_there_are_at_least_eight_guides() -> None:
    assert len(GUIDES) >= 8


@pytest.mark.parametrize("slug", GUIDES)
def test_each_guide_has_a_description_an_faq_references_and_related_guides(built_site: Path, slug: str) -> None:
    html = guide_html(built_site, slug).read_text(encoding="utf-8")
    page = parse(guide_html(built_site, slug))
    front = yaml.safe_load(
        (Path(__file__).parents[2] / "content" / "guides" / f"{slug}.md").read_text().split("---")[1]
    )
    assert page.meta["description"] == front["description"]  # front matter that does not parse is silently ignored
    assert 50 <= len(page.meta["description"]) <= 200
    assert page.meta["og:title"] and page.meta["og:type"] == "article"
    assert len(faq_items(html)) >= 4
    assert re.search(r'<h2 id="references">.*?</h2>\s*<ol>', html, re.DOTALL), "a numbered references list"
    assert 'id="related-guides"' in html
    assert '<p class="admonition-title">Short answer</p>' in html
    words = len(
        re.sub(r"<[^>]+>", " ", html.split('<article class="md-content__inner')[1].split("</article>")[0]).split()
    )
    assert words >= 1000, f"{slug}: {words} words"


@pytest.mark.parametrize("slug", GUIDES)
def test_faq_json_ld_matches_the_questions_on_the_page(built_site: Path, slug: str) -> None:
    path = guide_html(built_site, slug)
    rendered = [item["question"] for item in faq_items(path.read_text(encoding="utf-8"))]
    data = {item["@type"]: item for item in parse(path).json_ld}
    assert data["Article"]["headline"]
    assert [q["name"] for q in data["FAQPage"]["mainEntity"]] == rendered
    assert all(q["acceptedAnswer"]["text"] for q in data["FAQPage"]["mainEntity"])
    assert all(q.endswith("?") for q in rendered)


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            base = built_site if parts.path.startswith("/") else path.parent  # the 404 page links from the root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} → {href}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site)} → {href} (no such anchor)")
    assert broken == []


def test_faq_hub_links_every_guide_question(built_site: Path) -> None:
    hub = parse(built_site / "faq" / "index.html")
    for slug in GUIDES:
        questions = faq_items(guide_html(built_site, slug).read_text(encoding="utf-8"))
        for item in questions:
            assert f"../guides/{slug}/#{item['id']}" in hub.links


def test_feed_lists_every_guide(built_site: Path) -> None:
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(GUIDES)


def test_sitemap_and_404_exist(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text()
    assert all(f"guides/{slug}/" in sitemap for slug in GUIDES)
    assert "Page not found" in (built_site / "404.html").read_text()


def _article_text(path: Path) -> str:
    """The visible words of a built page's article, tags stripped and whitespace folded."""
    html = path.read_text(encoding="utf-8").split('<article class="md-content__inner')[1].split("</article>")[0]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_page_that_writes_au_says_what_it_is_at_its_first_use(built_site: Path) -> None:
    """Rule: load in AU is explained where a page first writes it, in words a reader sees (not only a tooltip)."""
    unexplained = []
    for path in sorted(built_site.rglob("index.html")):
        text = _article_text(path) if '<article class="md-content__inner' in path.read_text(encoding="utf-8") else ""
        first = re.search(r"\bAU\b", text)
        if first and "arbitrary units" not in text[max(0, first.start() - 40) : first.end() + 40]:
            unexplained.append(f"{path.relative_to(built_site)}: …{text[max(0, first.start() - 60) : first.end()]}")
    assert not unexplained


@pytest.mark.parametrize("page", ["calendar", "strength-log"])
def test_tools_that_show_load_in_au_explain_it_and_link_the_guide(built_site: Path, page: str) -> None:
    """The calendar's weekly totals and the strength log's session loads are in AU (calculators/ui: ``AU``). The
    tool comes first on a phone, so the page's words are in "How this works" after it; the result's own first AU is
    said in words (``load_au.explain_first_au``)."""
    html = (built_site / "tools" / page / "index.html").read_text(encoding="utf-8")
    assert "in AU, arbitrary units:" in html and "× its minutes" in html
    assert 'href="../../guides/training-load/#why-one-currency"' in html


@pytest.mark.parametrize("guide", sorted((Path(__file__).parents[2] / "content" / "guides").glob("*.md")), ids=str)
def test_each_guide_cites_only_published_sources_and_each_one_it_lists(guide: Path) -> None:
    """REFERENCES.md: a guide cites what a reader can look up; Stridelab's own rules are said in words, not cited
    as a project file the reader cannot open."""
    text = guide.read_text(encoding="utf-8")
    body, references = text.split("## References", 1)
    references = references.split("\n## ", 1)[0]
    listed = [int(n) for n in re.findall(r"^(\d+)\. ", references, flags=re.MULTILINE)]
    assert listed == list(range(1, len(listed) + 1))
    assert "shared/science" not in references and "project document" not in references
    cited = {int(n) for group in re.findall(r"\[(\d+(?:, \d+)*)\]", body) for n in group.split(", ")}
    assert cited == set(listed)


def _table_rows(path: Path) -> dict[str, list[str]]:
    """Each table row of a built page by its first cell: the cells' visible text."""
    html = path.read_text(encoding="utf-8")
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.DOTALL):
        cells = [
            " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in re.findall(r"<td>(.*?)</td>", row)
        ]
        if cells:
            rows.setdefault(cells[0], cells[1:])
    return rows


SESSION_ROWS = {
    "Romanian deadlift": "romanian_deadlift",
    "Hip thrust": "hip_thrust",
    "Bulgarian split squat": "bulgarian_split_squat",
    "Nordic hamstring curl": "nordic_curl",
    "Heavy calf raise": "calf_raise",
    "Pogo hops": "pogo_hops",
    "Box jumps": "box_jump",
    "Bounding": "bounding",
    "Single-leg squat to a box": "single_leg_squat",
    "Single-leg calf raise on a step": "single_leg_calf_raise",
    "Copenhagen adductor plank": "copenhagen_plank",
    "Hip abduction": "hip_abduction",
}


def test_the_strength_guide_prescribes_what_the_strength_log_prescribes(built_site: Path) -> None:
    """The guide's session tables give the sets × reps (or contacts, or hold) the log shows for a first session,
    and the rest its timer counts down."""
    rows = _table_rows(guide_html(built_site, "strength-training-for-runners"))
    for name, exercise in SESSION_ROWS.items():
        sets_reps, _, rest = rows[name][:3]
        p = next_prescription(exercise, (), today=date(2026, 11, 23))
        in_log = describe(p, unit="kg")  # "3 × 3, bodyweight", "4 × 5 contacts onto a 30 cm box"
        assert re.match(re.escape(sets_reps.split(" each ")[0]) + r"(?![\d.])", in_log), (name, sets_reps, in_log)
        amount, unit = rest.split()
        assert int(amount) * {"min": 60, "s": 1}[unit] == p.rest_s, (name, rest, p.rest_s)


def test_the_strength_guide_lists_session_b_in_the_log_s_order(built_site: Path) -> None:
    rows = list(_table_rows(guide_html(built_site, "strength-training-for-runners")))
    names = {exercise: name for name, exercise in SESSION_ROWS.items()}
    in_log = [names[ex.id] for ex in session_exercises("B")]
    assert [name for name in rows if name in in_log] == in_log


def test_no_page_shows_an_unfilled_catalogue_number(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("index.html") if '<article class="md-content__inner' in p.read_text()]
    assert pages and not [p for p in pages if "{{" in _article_text(p)]


@pytest.mark.parametrize(
    ("page", "term", "explained"),
    [
        ("guides/strength-training-for-runners", "posterior", "the muscles along the back of your body"),
        ("guides/periodising-strength", "posterior", "the muscles along the back of the body"),
        ("tools/strength-log", "posterior chain", "hamstrings, glutes, calves"),
        ("tools/strength-log", "CR-10", "effort rated from 1 to 10"),
    ],
)
def test_strength_jargon_is_explained_in_plain_words_where_a_page_first_uses_it(
    built_site: Path, page: str, term: str, explained: str
) -> None:
    text = _article_text(built_site / page / "index.html")
    first = text.index(term)
    assert explained in text[first : first + len(term) + 80], text[first : first + 120]


@pytest.mark.parametrize("slug", ["strength-training-for-runners", "periodising-strength"])
def test_the_three_week_rule_is_presented_as_stridelab_s_rule_of_thumb_not_a_finding(
    built_site: Path, slug: str
) -> None:
    """No source in REFERENCES.md measures how soon an unchanging routine stops working."""
    text = _article_text(guide_html(built_site, slug))
    first = next(s for s in re.split(r"(?<=[.;])\s", text) if "three weeks" in s)
    assert re.search(r"Stridelab's rule of thumb[^.;]* three weeks", first), first


def test_the_strength_guide_s_three_run_week_is_the_planner_s() -> None:
    """The guide's three-run table is the week the planner gives three runs on any day ("choose for me"): both
    hard runs with their strength sessions, the long run, rest between (TRAINING-RULES.md: the strength sessions
    stay on the two hard-run days whatever the number of runs)."""
    text = (Path(__file__).parents[2] / "content" / "guides" / "strength-training-for-runners.md").read_text()
    section = text.split("### The three-run week", 1)[1].split("\n#", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")][1:]
    guide = [tuple(cell.strip().lower() for cell in row) for row in rows]
    week = plan_week(WeekPrefs(run_days=3)).days
    planned = [
        (WEEKDAY_NAMES[d.weekday], RUN_NAMES[d.run] + (f" + Session {d.strength}" if d.strength else ""), d.intent)
        for d in week
    ]
    assert guide == [tuple(cell.lower() for cell in row) for row in planned]


def test_the_80_percent_of_easy_sessions_is_said_of_athletes_who_train_10_to_13_times_a_week(built_site: Path) -> None:
    """Seiler (2010) counts sessions of athletes training 10 to 13 times a week; with three or four runs and two
    hard ones no runner reaches it, so the guide must not present it as a share of a three- or four-run week."""
    text = _article_text(guide_html(built_site, "how-to-run-easy"))
    sentences = [s for s in re.split(r"(?<=[.;])\s", text) if "80 %" in s and "sessions" in s]
    assert sentences and all("10 to 13 times a week" in s for s in sentences), sentences


class _TableRegions(HTMLParser):
    """Each Markdown table of a page (a bare <table>) with the attributes of the element around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, str]] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "table" and "class" not in a:
            self.tables.append(self._open[-1] if self._open else {})
        if tag not in {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}:
            self._open.append({"tag": tag, **a})

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()["tag"] != tag:
            pass


@pytest.mark.parametrize("slug", GUIDES)
def test_every_guide_table_is_built_as_a_named_region_the_keyboard_can_scroll_without_javascript(
    built_site: Path, slug: str
) -> None:
    """Without JavaScript a table wider than the screen must still scroll from the keyboard, so the page as built
    makes its box a region in the Tab order, named in aria-label and again in data-region-name, from which
    table_regions.js gives the name back when a box that fitted scrolls. No name says it scrolls, and each is its
    own on the page, so a reader moving between regions knows one from another (axe: landmark-unique)."""
    regions = _TableRegions()
    regions.feed(guide_html(built_site, slug).read_text(encoding="utf-8"))
    assert regions.tables, f"{slug} has no Markdown table"
    for region in regions.tables:
        assert region.get("tag") == "div" and "sl-table-region" in region.get("class", "")
        name = region.get("data-region-name", "")
        assert name.startswith("Table: ") and "scrolls" not in name, region
        assert (region.get("tabindex"), region.get("role"), region.get("aria-label")) == ("0", "region", name), region
    names = [region["data-region-name"] for region in regions.tables]
    assert len(set(names)) == len(names), names


def _region_names(site: Path, slug: str) -> list[str]:
    regions = _TableRegions()
    regions.feed(guide_html(site, slug).read_text(encoding="utf-8"))
    return [region["data-region-name"] for region in regions.tables]


def test_a_table_region_is_named_by_the_table_s_header_row(built_site: Path) -> None:
    """The header row says what is in the table. Named by the heading above, the HRV guide's second table under
    "Tomorrow's easy run" was "Table: Tomorrow's easy run (2)"."""
    assert "Table: Day, Session, Minutes, RPE, Load (AU)" in _region_names(built_site, "training-load")
    hrv = _region_names(built_site, "hrv-and-readiness")
    assert "Table: Verdict, Duration, Pace, Heart-rate cap" in hrv
    assert not any("(2)" in name for name in hrv), hrv
    # Only a page's second table with the same header row is numbered: Sessions A and B list the same columns.
    strength = _region_names(built_site, "strength-training-for-runners")
    assert strength.count("Table: exercise, sets × reps, load, rest") == 1
    assert "Table: exercise, sets × reps, load, rest (2)" in strength


def test_a_table_without_a_header_row_is_named_by_its_caption_or_else_the_heading_above_it() -> None:
    page = add_table_regions(
        '<h2 id="week">The <em>week</em></h2><table><thead><tr><th></th><th></th></tr></thead></table>'
        "<table><caption>Paces at VDOT 50</caption><thead><tr><th>pace</th></tr></thead></table>"
    )
    assert re.findall(r'data-region-name="([^"]*)"', page) == ["Table: The week", "Table: Paces at VDOT 50"]
