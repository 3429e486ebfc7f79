// Material's navigation drawer, from the keyboard. Its menu button, a section's opener in it and each panel's
// back title are <label>s for hidden checkboxes: a mouse can use them, Tab reaches only some. stridelab.css
// hides what the drawer does not show (the closed drawer, the panels not open, the menu under an open panel),
// because their links took Tab stops no one could see; these labels are then the keyboard's way around.
// The menu button opens the drawer with focus on its first link; opening a panel puts focus
// on its back title, going back puts it on the panel's opener again; Escape closes the drawer with focus back
// on the menu button, and Tab out of it (past its last link, or back to the header) closes it as a tap beside it
// does.

// A section's opener and a panel's back title stay labels, as Material's own section labels are: Material
// clicks whatever label has focus when Enter is pressed; Space is added.
function operable(label) {
  label.tabIndex = 0;
  label.addEventListener("keydown", (event) => {
    if (event.key !== " ") return;
    event.preventDefault(); // Space would scroll the page
    label.click(); // Material follows the checkbox's change event
  });
}

// The menu button becomes a real button: a label cannot be one (ARIA allows no role on it), and a button is
// reached by Tab, named and announced as expanded or not.
function menuButton(label, toggle) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `${label.className} sl-menu-button`;
  button.setAttribute("aria-label", "Site menu");
  button.append(...label.childNodes);
  button.addEventListener("click", () => toggle.click());
  label.replaceWith(button);
  return button;
}

function firstStop(container) {
  const stops = container.querySelectorAll("a[href], [tabindex='0']");
  return [...stops].find((el) => el.checkVisibility({ visibilityProperty: true }));
}

function bindPanels(drawer, toggle) {
  for (const title of drawer.querySelectorAll(".md-nav__title:not([for='__drawer'])")) {
    const panel = title.control;
    // The opener of the current page's section, or of its contents, has no Tab stop in Material: the drawer
    // starts with that panel open. Given one here, it is the way back in.
    const opener = drawer.querySelector(`label.md-nav__link[for='${panel.id}']`);
    operable(title);
    title.setAttribute("aria-label", `${title.textContent.trim()}: back to the menu`);
    if (opener && opener.tabIndex !== 0) operable(opener); // Material's own section labels already have it
    panel.addEventListener("change", () => {
      if (!toggle.checked) return; // a wide screen's sections, not the drawer's panels
      (panel.checked ? title : opener)?.focus();
    });
  }
}

export function bindDrawer() {
  const toggle = document.getElementById("__drawer");
  const label = document.querySelector(".md-header label[for='__drawer']");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;

  const button = menuButton(label, toggle);
  const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
  showState();
  let panelsBound = false; // only once the drawer is used: on a wide screen the openers are section headings
  toggle.addEventListener("change", () => {
    showState();
    if (!toggle.checked) return;
    if (!panelsBound) bindPanels(drawer, toggle);
    panelsBound = true;
    if (document.activeElement === button) firstStop(drawer)?.focus();
  });
  // Left open, the drawer and its shade covered the page link or button Tab had moved to: focus out of sight.
  document.addEventListener("focusin", (event) => {
    if (!toggle.checked || drawer.contains(event.target) || event.target === button) return;
    toggle.click();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !toggle.checked) return;
    toggle.click();
    button.focus();
  });
}
