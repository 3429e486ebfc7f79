// Binds every calculator on a page. Knows no calculator by name: it reads the data-* attributes the
// Python renderer wrote (data-calculator, data-result, data-status, data-error-for, data-profile,
// data-show-when), sends the form to the worker and swaps in the HTML Python sends back.

import * as engine from "./engine.js";
import * as store from "./store.js";

const DEBOUNCE_MS = 350;
const STAGES = {
  runtime: "Starting the calculator engine (the first time it downloads about 13 MB; after that it is cached)…",
  calculators: "Loading the calculators…",
};

/** The reader's local date as YYYY-MM-DD (not UTC: a run at 23:30 belongs to today). */
function localDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function setValue(control, value) {
  if (value === undefined || value === null) return false;
  if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === String(value))) return false;
  if (control.value === String(value)) return false;
  control.value = String(value);
  return true;
}

function bind(section) {
  const name = section.dataset.calculator;
  const form = section.querySelector("form");
  const result = section.querySelector("[data-result]");
  const status = section.querySelector("[data-status]");
  const settingsId = `form:${name}`;
  let sequence = 0;
  let timer = null;

  const controls = () => [...form.elements].filter((c) => c.name);

  const showWhen = () => {
    for (const wrapper of form.querySelectorAll("[data-show-when]")) {
      const [field, value] = wrapper.dataset.showWhen.split("=");
      wrapper.hidden = form.elements[field]?.value !== value;
    }
  };

  const clearErrors = () => {
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = "";
    for (const control of controls()) control.removeAttribute("aria-invalid");
  };

  let fieldError = false; // while a field message shows, engine progress does not replace the status

  engine.onProgress((stage) => {
    section.dataset.engine = stage;
    if (fieldError) return;
    if (STAGES[stage]) status.textContent = STAGES[stage];
    else if (stage === "ready" && !("computed" in section.dataset)) status.textContent = "Ready: results update as you type.";
  });

  const showError = (error) => {
    clearErrors();
    fieldError = Boolean(error.field);
    const slot = form.querySelector(`[data-error-for="${CSS.escape(error.field ?? "")}"]`);
    if (slot) {
      slot.textContent = error.message;
      form.elements[error.field]?.setAttribute("aria-invalid", "true");
      status.textContent = "Check the highlighted field. The result below is still for your last valid input.";
    } else {
      status.textContent = error.message;
    }
    result.dataset.stale = "";
  };

  // Inputs are kept as typed, at once: nothing the reader enters waits for Python.
  const save = () => {
    const values = Object.fromEntries(new FormData(form));
    const ops = [{ op: "put", collection: "settings", id: settingsId, value: { values } }];
    const profile = store.get("profile", "profile") ?? {};
    const shared = Object.fromEntries(controls().filter((c) => c.dataset.profile).map((c) => [c.dataset.profile, c.value]));
    if (Object.entries(shared).some(([key, value]) => profile[key] !== value)) {
      ops.push({ op: "put", collection: "profile", id: "profile", value: { ...profile, ...shared } });
    }
    return store.apply(ops);
  };

  const compute = async () => {
    clearTimeout(timer);
    const mine = ++sequence;
    const values = Object.fromEntries(new FormData(form));
    section.setAttribute("aria-busy", "true");
    const reply = await engine.call({
      calculator: name,
      action: "compute",
      payload: { values, today: localDate(), profile: store.get("profile", "profile") ?? {} },
    });
    if (mine !== sequence) return; // a newer input has been sent meanwhile
    section.removeAttribute("aria-busy");
    if (!reply.ok) {
      if (reply.error.code === "internal") console.error(reply.error.detail);
      showError(reply.error);
      return;
    }
    clearErrors();
    fieldError = false;
    result.innerHTML = reply.html; // built by Python's escaping HTML builder, never from reader text
    delete result.dataset.stale;
    status.textContent = result.querySelector("[data-summary]")?.textContent ?? "Updated.";
    section.dataset.computed = String(mine);
    await store.apply(reply.ops);
  };

  // Restore the reader's last inputs, and shared profile values such as km or miles.
  const saved = store.get("settings", settingsId)?.values ?? {};
  const profile = store.get("profile", "profile") ?? {};
  let changed = false;
  for (const control of controls()) {
    const fromProfile = control.dataset.profile ? profile[control.dataset.profile] : undefined;
    changed = setValue(control, fromProfile ?? saved[control.name]) || changed;
  }
  showWhen();

  form.addEventListener("input", () => {
    save();
    showWhen();
    clearTimeout(timer);
    timer = setTimeout(compute, DEBOUNCE_MS);
  });
  form.addEventListener("change", () => {
    save();
    compute();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    compute();
  });

  if (changed) {
    // The page was built with the default inputs; the reader's own need Python.
    result.dataset.stale = "";
    status.textContent = "These are your saved inputs; the result below is the built-in example until the engine has started.";
    compute();
  }
  return section;
}

function startEngine(sections) {
  engine.start().catch((error) => {
    for (const section of sections) section.querySelector("[data-status]").textContent = error.message;
  });
}

export function bindCalculators(root = document) {
  const sections = [...root.querySelectorAll("[data-calculator]")].map(bind);
  if (!sections.length) return; // no calculator, no Python
  // Start Python as soon as a calculator is on screen (or touched), never on pages without one.
  const observer = new IntersectionObserver((seen) => {
    if (seen.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      startEngine(sections);
    }
  });
  for (const section of sections) {
    observer.observe(section);
    section.addEventListener("focusin", () => startEngine(sections), { once: true });
  }
}
