"""What a screen reader is given to say by the calculators: every text their live regions receive after the page has
opened. The offline panel's ("Saved for offline") is left out: it speaks when the service worker has saved the site,
which a test of a calculator cannot time."""

from __future__ import annotations

from playwright.sync_api import Page

#: Records, in order, the text of each live region a change lands in (the same words twice when they are set
#: twice). From DOMContentLoaded: a page's own first text is read as the page, not announced.
RECORD_SPOKEN = """
window.slSpoken = [];
document.addEventListener("DOMContentLoaded", () => {
  const live = "[aria-live], [role=status], [role=alert]";
  new MutationObserver((records) => {
    const regions = new Set();
    for (const record of records) {
      const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      const region = node?.closest(live);
      const calculators = region?.closest("[data-calculator]");
      if (calculators && region.getAttribute("aria-live") !== "off") regions.add(region);
    }
    for (const region of regions) if (region.textContent.trim()) window.slSpoken.push(region.textContent.trim());
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
});
"""


def listen(page: Page) -> None:
    """Record what ``page`` gives a screen reader to say, from its next page on."""
    page.add_init_script(RECORD_SPOKEN)


def spoken(page: Page) -> list[str]:
    """What was given to say since the last call (or since the page opened)."""
    said: list[str] = page.evaluate("() => window.slSpoken.splice(0)")
    return said
