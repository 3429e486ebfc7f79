"""Guides on a phone: what a reader needs is on the screen, not behind a sideways scroll."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from calculators.exercises import session_exercises

STRENGTH_GUIDE = "guides/strength-training-for-runners/"


def test_the_strength_sessions_fit_a_phone_with_every_exercise_s_cues_and_no_gym_version(
    page: Page, site_url: str
) -> None:
    """At 375 px no table of the strength guide scrolls sideways, and each exercise of Sessions A and B has its
    cues and its home version in words below its table, where a phone shows them whole."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + STRENGTH_GUIDE)
    wider = page.evaluate(
        """() => [...document.querySelectorAll('article .md-typeset__scrollwrap')]
            .filter(box => box.scrollWidth > box.clientWidth)
            .map(box => box.querySelector('th')?.textContent)"""
    )
    assert wider == []
    for session in ("A", "B"):
        heading = page.get_by_role("heading", name=f"Session {session}:")
        items = heading.locator("xpath=following-sibling::ul[1]/li")
        expect(items).to_have_count(len(session_exercises(session)))
        for item in items.all():
            expect(item).to_contain_text("No gym:")
            box = item.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 375
