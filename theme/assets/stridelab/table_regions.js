// A Markdown table sits in a box (theme/hooks/table_regions.py) that scrolls sideways when the table is wider
// than the page. A box that scrolls must take focus, or the keyboard cannot scroll it (axe:
// scrollable-region-focusable); a box that does not would be a Tab stop with nothing to scroll. Whether it
// scrolls depends on the screen and the text size, so it is decided here, and again whenever the box or its
// table changes size: only a box that scrolls is a region, named by the build, in the Tab order. The name waits in
// data-region-name: ARIA allows no aria-label on a box with no role.
//
// A tool's table (calculators/ui/html.py) sits in the same kind of box. Every box is built a region (scrollable
// without JavaScript): it is one no longer while its table fits. A calculator's new result brings new boxes,
// bound here.
//
// A guide's box is not laid out until it nears the screen (content-visibility: auto in stridelab.css): until
// then its table has no width, so the box cannot tell whether it scrolls and stays as it was, built a region or
// as last decided. It is decided when it is shown: the observer reports its table's new size, or, if the table
// kept its size, the box itself (contentvisibilityautostatechange).

// Whether each box scrolls is read for every box before any is changed: an attribute written between two reads
// would make the browser lay the page out again for the second read, once per table (long tasks on a guide
// with many tables).
function fit(boxes) {
  const changes = [];
  for (const box of boxes) {
    // false while the table is not laid out (far from the screen, or hidden), when the box reads as not scrolling.
    // Missing before Safari 17.4, which lays every table out (no content-visibility before Safari 18).
    if (box.querySelector("table").checkVisibility?.({ contentVisibilityAuto: true }) === false) continue;
    const scrolls = box.scrollWidth > box.clientWidth;
    if (scrolls !== box.hasAttribute("role")) changes.push([box, scrolls]);
  }
  for (const [box, scrolls] of changes) {
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.dataset.regionName);
    } else if (box === document.activeElement) {
      // It has the focus (Tabbed onto before it was shown, or the text made smaller): without its tabindex the
      // browser would drop the focus to the page, and the next Tab would start from the top. It stays a Tab stop
      // until the focus leaves it.
      box.addEventListener("blur", refit, { once: true });
    } else {
      for (const name of ["tabindex", "role", "aria-label"]) box.removeAttribute(name);
    }
  }
}

function refit({ currentTarget }) {
  fit([currentTarget]);
}

const BOX = "[data-region-name]";

const resized = new ResizeObserver((entries) => {
  // none while Material moves the table into its own box
  const boxes = new Set(entries.map(({ target }) => target.closest(BOX)));
  boxes.delete(null);
  fit(boxes);
});

// A box shown again after the screen changed width may hold a table of the same size, which the observer would
// not report. Observing the box anew reports it at the next rendering, read with every other box shown then.
function shown({ target, skipped }) {
  if (!skipped) resized.observe(target);
}

// The page's boxes, or those of a calculator's new result (root).
export function bindTableRegions(root = document) {
  if (root === document) resized.disconnect(); // the boxes of the page before, after instant navigation
  for (const box of root.querySelectorAll(BOX)) {
    resized.observe(box); // a narrower screen
    resized.observe(box.querySelector("table")); // a wider table: larger text, a font loaded late
    box.addEventListener("contentvisibilityautostatechange", shown);
  }
}

// Before a calculator replaces its result: an observer holds on to what it observes, removed from the page or not.
export function releaseTableRegions(root) {
  for (const box of root.querySelectorAll(BOX)) {
    resized.unobserve(box);
    resized.unobserve(box.querySelector("table"));
  }
}
