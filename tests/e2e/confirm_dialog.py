"""What every confirmation on the site must be: readable, easy to tap, safe by default, accessible."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

TOUCH_TARGET_PX = 44  # WCAG 2.5.5: a target at least 44 x 44 CSS pixels


def check_confirm_dialog(page: Page, dialog: Locator) -> None:
    """The open dialog's text is the article's body size, its answers are Material buttons a thumb can
    hit, Cancel (the safe answer) has the focus, and axe finds nothing wrong with the page as it is."""
    expect(dialog).to_be_visible()
    body_size = page.locator("article p").first.evaluate("p => getComputedStyle(p).fontSize")
    assert dialog.locator("p").evaluate("p => getComputedStyle(p).fontSize") == body_size
    buttons = dialog.get_by_role("button")
    for index in range(buttons.count()):
        button = buttons.nth(index)
        box = button.bounding_box()
        assert box is not None and box["width"] >= TOUCH_TARGET_PX and box["height"] >= TOUCH_TARGET_PX, box
        # Material's look: a bordered button in the article's type, not bare text.
        assert button.evaluate("b => parseFloat(getComputedStyle(b).borderTopWidth)") > 0
        assert button.evaluate("b => getComputedStyle(b).fontSize") == body_size
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    dialog.evaluate("d => Promise.all(d.getAnimations({subtree: true}).map((a) => a.finished))")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Tab")  # and with the focus on the other answer, so Cancel is seen unfocused too
    expect(dialog.get_by_role("button", name="Cancel")).not_to_be_focused()
    # Material's buttons fade to their focus colours: judge the colours the reader is left with, not a mid-fade.
    dialog.evaluate("d => Promise.all(d.getAnimations({subtree: true}).map((a) => a.finished))")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Shift+Tab")
