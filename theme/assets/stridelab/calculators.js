// Binds every calculator on a page. Knows no calculator by name: it reads the data-* attributes the
// Python renderer wrote (data-calculator, data-module, data-result, data-status, data-error-for, data-profile,
// data-profile-start, data-profile-values, data-locale-values, data-keep-choice, data-not-kept, data-show-when, data-reads, data-live), sends the
// form to the worker and swaps in the HTML Python sends back, then applies the reply's store operations and
// performs its effects.

import * as effects from "./effects.js";
import * as engine from "./engine.js";
import * as store from "./store.js";
import { bindTableRegions, releaseTableRegions } from "./table_regions.js";

const DEBOUNCE_MS = 150; // a pause in typing; a call takes a few milliseconds
const ECHO_MS = 7000; // how long a spoken sentence stays in the live region (see speak)
const SLOW_START_MS = 5000; // see engine.onProgress in bind
// A pause in typing long enough to speak an error (see showError): longer than the gap between keys of a
// reader typing by touch with VoiceOver (find the key, then double-tap: about a second a key), short enough
// that a reader who stops to listen hears the problem before moving on. Leaving the field speaks it at once.
const SPEAK_ERROR_AFTER_MS = 1500;
const STAGES = {
  runtime: "Starting the calculator engine (the first time it downloads about 13 MB; after that it is cached)…",
  calculators: "Loading the calculators…",
};

const CHANGED_ELSEWHERE =
  "Your data changed in another tab while this was being worked out, so nothing was saved here. " +
  "Check what this page now shows, then try again.";

const NOT_DONE =
  "The calculator engine has started now, but what you asked for before it had (a save, an import) " +
  "was not done. Do it again if you still want it.";

/** The reader's local date as YYYY-MM-DD (not UTC: a run at 23:30 belongs to today). */
function localDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The reader's time zone for Python, which has no time-zone database in the browser: the offset from
 * UTC in minutes from each local date on where it changes, over the past year and a bit. */
function utcOffsets(days = 400) {
  const table = [];
  const day = new Date();
  day.setHours(12, 0, 0, 0);
  day.setDate(day.getDate() - days);
  for (let i = 0; i <= days + 1; i++) {
    const minutes = -day.getTimezoneOffset();
    if (!table.length || table.at(-1)[1] !== minutes) table.push([localDate(day), minutes]);
    day.setDate(day.getDate() + 1);
  }
  return table;
}

/** The country of the browser's first language ("US" for en-US, "TW" for zh-Hant-TW), or undefined: it picks a
 * field's start value from its data-locale-values while nothing is stored for it. */
function languageRegion() {
  const tag = navigator.languages?.[0] ?? navigator.language ?? "";
  return tag.split("-").slice(1).find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
}

/** What the page can tell Python about the browser (for the data page's advice). */
async function environment() {
  const standalone = matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
  let persisted = null;
  try {
    persisted = (await navigator.storage?.persisted?.()) ?? null; // the store asks for it (store.js)
  } catch {
    persisted = null;
  }
  const safari = /Safari\//.test(navigator.userAgent) && !/Chrome\/|Chromium\/|Android/.test(navigator.userAgent);
  return { persisted, installed: standalone, safari };
}

/** Whether the reader can see `control`: not a hidden input, nor inside anything not rendered (a
 * `data-show-when` wrapper not shown). `checkVisibility` is missing before Safari 17.4. */
function shown(control) {
  if (control.type === "hidden") return false;
  return control.checkVisibility?.() ?? control.getClientRects().length > 0;
}

/** A field's message as the status line says it: with the field's name in front (its label, or its group's
 * legend, without "(optional)"), unless the message starts with it already ("HR max: 250 beats per minute…").
 * The status line is read out after the focus has moved on, so "the highlighted field" alone names nothing. */
/** A label's own words: a label wrapped round its control (an imported run's effort box) holds the control's
 * text too, every option of a select. */
function labelWords(label) {
  if (!label) return "";
  const words = label.cloneNode(true);
  for (const control of words.querySelectorAll("input, select, textarea, button")) control.remove();
  return words.textContent;
}

function namedMessage(control, message) {
  const group = control.closest("fieldset[data-multiple], fieldset[data-choice]");
  const label = group ? (group.querySelector(":scope > legend")?.textContent ?? "") : labelWords(control.labels?.[0]);
  const name = label.replace(/\s*\(.*?\)\s*/g, " ").trim();
  if (!name || message.toLowerCase().startsWith(name.toLowerCase())) return message;
  return `${name}: ${message}`;
}

function setValue(control, value) {
  if (value === undefined || value === null || control.type === "file") return false;
  if (control.type === "checkbox") {
    const checked = String(value).split(",").includes(control.value);
    if (control.checked === checked) return false;
    control.checked = checked;
    return true;
  }
  if (control.type === "radio") {
    // One of a group: checked when it is the value; a value no button of the group has leaves the group as it is.
    const found = control.form?.elements.namedItem(control.name);
    const group = found instanceof RadioNodeList ? [...found] : [control];
    if (!group.some((one) => one.value === String(value))) return false;
    const checked = control.value === String(value);
    if (control.checked === checked) return false;
    control.checked = checked;
    return true;
  }
  if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === String(value))) return false;
  if (control.value === String(value)) return false;
  control.value = String(value);
  return true;
}

/** A file's bytes as base64 (JSON carries text only). */
async function base64(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The form's values as text: a group of check boxes as its checked values joined by commas (""
 * when none is checked); a chosen file as its text, the files of a `data-binary` picker as JSON
 * `[{name, base64}]`; with `files: false`, files are left out. */
async function formValues(form, submitter = null, { files = true } = {}) {
  const values = {};
  const binary = new Set([...form.querySelectorAll("input[data-binary]")].map((input) => input.name));
  for (const group of form.querySelectorAll("[data-multiple]")) values[group.dataset.multiple] = [];
  for (const [key, value] of new FormData(form, submitter)) {
    if (!(value instanceof File)) {
      if (Array.isArray(values[key])) values[key].push(value);
      else values[key] = value;
    } else if (files && binary.has(key)) {
      // A picker with nothing chosen still sends one empty, nameless file.
      if (value.name) (values[key] ??= { files: [] }).files.push({ name: value.name, base64: await base64(value) });
    } else if (files) values[key] = await value.text();
  }
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) values[key] = value.join(",");
    else if (value?.files) values[key] = JSON.stringify(value.files);
  }
  delete values.action;
  return values;
}

/** Where the focus is inside `result`, as something the result Python sends next may hold again: a
 * button's action and arguments, a control's name, or a table's box by its name; null when the focus is
 * elsewhere. */
function focusedIn(result) {
  const focused = document.activeElement;
  if (!focused || focused === result || !result.contains(focused)) return null;
  return {
    action: focused.dataset.action,
    args: focused.dataset.args,
    name: focused.getAttribute("name"),
    region: focused.dataset.regionName,
  };
}

/** Put the focus back where it was (`was`, from focusedIn) once `result` holds a new answer: on the same
 * button; else where the answer says the reader goes on (`data-focus`: the next set's "Done"); else the
 * same control; else the answer's summary. So a keyboard or screen-reader user goes on from there, not
 * from the top of the page, and never lands on another entry's button of the same kind (another Undo).
 * An answer that opens what the reader asked for (`data-opened`: a day's details, which may show far above
 * the button pressed) takes them there instead, focus and view, so it is read out and seen: the button
 * pressed is still there, and staying on it would leave them none the wiser. */
function refocus(result, was) {
  const opened = result.querySelector("[data-opened]");
  if (opened) {
    if (!opened.matches("button, input, select, textarea, a[href], summary")) opened.tabIndex = -1; // script only
    opened.focus({ preventScroll: true });
    opened.scrollIntoView({ block: "center" }); // centred: not under the sticky header, with what it opened below
    return;
  }
  if (!was) return;
  const q = (selector) => result.querySelector(selector);
  let target =
    (was.action && q(`[data-action="${CSS.escape(was.action)}"][data-args="${CSS.escape(was.args ?? "")}"]`)) ||
    q("[data-focus]") ||
    (was.name && q(`[name="${CSS.escape(was.name)}"]`)) ||
    (was.region && q(`[data-region-name="${CSS.escape(was.region)}"]`)) ||
    q("[data-summary]") ||
    result;
  // Inside a box that is closed now (a correction saved closes it): the box's own summary, which opens it.
  const closed = target.closest("details:not([open])");
  if (closed && !target.matches("summary")) target = closed.querySelector(":scope > summary") ?? target;
  if (!target.matches("button, input, select, textarea, a[href], summary")) target.tabIndex = -1; // script only
  target.focus();
}

function bind(section) {
  const name = section.dataset.calculator;
  const form = section.querySelector("form");
  const result = section.querySelector("[data-result]");
  const status = section.querySelector("[data-status]");
  const reads = section.dataset.reads?.split(" ") ?? [];
  const live = section.dataset.live !== "false";
  const settingsId = `form:${name}`;
  let sequence = 0;
  let timer = null;
  let fieldError = false; // while a field message shows, engine progress does not replace the status
  let missed = null; // answered "the engine did not start": "compute", or "action" when one was not done

  const controls = () => [...form.elements].filter((c) => c.name && c.name !== "action");

  const showWhen = () => {
    // "field=value", or several separated by spaces: shown only while each holds.
    for (const wrapper of form.querySelectorAll("[data-show-when]")) {
      const conditions = wrapper.dataset.showWhen.split(" ").map((condition) => condition.split("="));
      wrapper.hidden = !conditions.every(([field, value]) => form.elements[field]?.value === value);
    }
  };

  const clearErrors = () => {
    fieldError = false;
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = "";
    for (const slot of result.querySelectorAll("[data-box-error]")) slot.remove();
    for (const control of [...controls(), ...result.querySelectorAll("[aria-invalid]")]) {
      control.removeAttribute("aria-invalid");
    }
  };

  // What is shown and what is spoken are kept apart: the status line (Python's [data-status]) shows, and a
  // visually hidden live region next to it speaks, so that a message can show at once and be spoken only when
  // a screen reader should hear it.
  // A spoken sentence is emptied once announced: it always shows too (in the status line or as the
  // result's summary), and a screen reader's browse mode should meet it once. Emptying is not announced (a
  // live region speaks additions), and the delay leaves a busy screen reader time to take the words first,
  // as React Aria's LiveAnnouncer (7 s) does.
  const announcer = document.createElement("p");
  announcer.className = "sl-announce";
  announcer.setAttribute("role", "status");
  announcer.dataset.announce = "";
  status.after(announcer);
  let spokenTimer = null;
  let lastSummary = null; // the summary last spoken: an answer that leaves it as it was is not spoken again
  let lastMessage = null; // the message last spoken in front of it: pressed again, changing nothing, it is not
  const speak = (text) => {
    clearTimeout(spokenTimer);
    if (!text) return;
    // Emptied first, so that the same words said again (a second press of Save) are spoken again.
    announcer.textContent = "";
    announcer.textContent = text;
    spokenTimer = setTimeout(() => (announcer.textContent = ""), ECHO_MS);
  };
  const show = (text) => {
    status.textContent = text;
  };
  const setStatus = (text) => {
    show(text);
    speak(text);
  };

  // Start-up progress shows at once but is spoken only if the start is slow: a returning reader's engine
  // starts in a few seconds, while the page's title and heading are still being read, and the result's summary
  // then says it has started. Still starting after this long (a first visit's download, a slow phone), the
  // reader is told why nothing answers yet.
  let slowStart = null;
  let spokeStart = false;
  engine.onProgress(async (stage) => {
    section.dataset.engine = stage;
    clearTimeout(slowStart);
    if (stage === "ready" && missed) {
      // Started after the time limit (a slow connection): show what the reader has, not the built-in
      // example; and say that what they asked for meanwhile (a save) was not done, rather than redo it.
      const was = missed;
      missed = null;
      await run();
      if (was === "action") say(NOT_DONE);
      return;
    }
    if (fieldError) return;
    if (STAGES[stage]) {
      show(STAGES[stage]);
      slowStart = setTimeout(() => {
        if (section.dataset.engine !== stage) return; // failed meanwhile: its message was said instead
        spokeStart = true;
        speak(STAGES[stage]);
      }, SLOW_START_MS);
    } else if (stage === "ready" && !("computed" in section.dataset) && live) {
      // A page with nothing to type into (Today) has no "as you type". Spoken only after a slow start was:
      // otherwise the summary that follows says as much.
      const ready = controls().some(shown) ? "Ready: results update as you type." : "Ready.";
      show(ready);
      if (spokeStart) speak(ready);
    }
  });

  // A word on what happened to the reader's last request, ahead of a field's message if one shows (not over it).
  const say = (words) => {
    setStatus(fieldError ? `${words} ${status.textContent}` : words);
  };

  // Until Python has answered once, the result is the one built with the page: an example, not the reader's.
  const shownExample = () => !("computed" in section.dataset);
  const markStale = () => {
    result.dataset.stale = shownExample() ? "example" : "";
  };

  // An error shows, and its field is marked, as soon as Python answers, but it is spoken only once the reader
  // has paused typing for SPEAK_ERROR_AFTER_MS, leaves the field (or the group of check boxes) it is about, or
  // presses a button: typing "1:45:00" passes through "1", "1:" and "1:4", each an error of its own, and each
  // read out would talk over the typing. A field the reader has not reached yet (not changed, nor been in and
  // left: the planner's weekly volume on a first visit, the finish time while its distance is being chosen)
  // shows its message, which is the field's description, but is neither marked invalid nor spoken until a
  // button is pressed: a screen reader otherwise reads out a mistake the reader has had no chance to make.
  let lastInput = 0; // performance.now() of the reader's last keystroke or tick in the form
  let pending = null; // the error shown and not yet spoken: {say, timer}
  let held = new Set(); // the fields whose message shows but is not spoken, as not reached yet
  let shownError = null; // the error showing while some of its fields are held
  let pressedOnce = false; // once a button has been pressed, every field's message counts
  const visited = new Set(); // fields the reader has been in and left, changed or not
  const reached = (name) => pressedOnce || touched.has(name) || visited.has(name);
  const unsay = () => {
    clearTimeout(pending?.timer);
    pending = null;
    held = new Set();
    shownError = null;
  };

  const showError = (error, box = null, pressed = false, action = "compute") => {
    clearErrors();
    unsay();
    if (pressed) pressedOnce = true;
    // A button's action refused: said first, so the reader knows that what they pressed did nothing.
    const refused = (words) => (pressed && action !== "compute" && live ? `Not saved: ${words}` : words);
    // A field in the box of inputs the action came from (a set being corrected): the message goes there.
    const control = box?.querySelector(`[name="${CSS.escape(error.field ?? "")}"]`);
    if (control) {
      fieldError = true;
      // Said under the box already (Python marked the box that needs filling as it showed it: a lone imported
      // run's effort), the message is not shown a second time.
      const describedBy = control.getAttribute("aria-describedby") ?? "";
      const said = describedBy
        .split(" ")
        .some((id) => id && document.getElementById(id)?.textContent === error.message);
      if (!said) {
        const slot = document.createElement("p");
        slot.className = "sl-field__error";
        slot.id = `sl-box-error-${crypto.randomUUID()}`;
        slot.dataset.boxError = "";
        slot.textContent = error.message;
        (control.closest("label") ?? control).after(slot); // after the label: not part of the control's name
        control.setAttribute("aria-describedby", `${describedBy} ${slot.id}`.trim());
      }
      control.setAttribute("aria-invalid", "true");
      control.focus();
      lastSummary = null;
      setStatus(refused(namedMessage(control, error.message)));
      return;
    }
    // Each field's own message on it: a form that checks every value sends them all (`fields`).
    const unshown = [];
    const marked = []; // [{controls, message, reached}]: the fields shown with their message
    for (const problem of error.fields ?? [error]) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(problem.field ?? "")}"]`);
      const target = slot ? form.elements[problem.field] : null; // a check-box group is a list of controls
      const controls = target instanceof RadioNodeList ? [...target] : target ? [target] : [];
      // Only a control the reader can see is highlighted: a field hidden with its part of the form (a
      // data-show-when wrapper not shown) is not, so the status line says the message itself instead.
      if (!controls.some(shown)) {
        unshown.push(problem.message);
        continue;
      }
      slot.textContent = problem.message;
      const mine = reached(problem.field);
      if (mine) for (const one of controls) one.setAttribute("aria-invalid", "true");
      marked.push({ controls, message: problem.message, reached: mine });
    }
    fieldError = marked.length > 0;
    // The first field's own message, named, then how many more: a screen reader hears the status line once
    // the reader has tabbed on, so it has to say which field and what is wrong, not point at a highlight.
    const sentence = (problems) => {
      if (!problems.length) return "";
      const named = namedMessage(problems[0].controls.find(shown), problems[0].message).trim();
      const n = problems.length - 1;
      const more = n > 1 ? ` ${n} more fields are highlighted.` : n === 1 ? " 1 more field is highlighted." : "";
      const check = `${named}${/[.!?]$/.test(named) ? "" : "."}${more}`;
      // A form that acts on stored data (data-live="false": a restore) has no result of its inputs: what
      // shows is what is stored, and a refused action stored nothing.
      return !live
        ? `Nothing was changed. ${check}`
        : shownExample()
          ? `${check} Until ${n ? "they are" : "it is"} corrected, the result below is the built-in example, not yours.`
          : `${check} The result below is still for your last valid input.`;
    };
    const full = [...unshown, sentence(marked)].filter(Boolean).join(" ");
    const spoken = [...unshown, sentence(marked.filter((p) => p.reached))].filter(Boolean).join(" ");
    show(refused(full));
    if (live || shownExample()) markStale();
    const first = marked.find((p) => p.reached)?.controls.find(shown);
    // A button pressed far below the field it needs (a set's "Done" under the form's Load box, on a phone):
    // without this the message shows off screen and nothing seems to happen. Typing keeps its focus.
    if (pressed && first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" }); // centred: not under the sticky header, with its message below
    }
    held = new Set(marked.filter((p) => !p.reached).map((p) => p.controls[0].name));
    shownError = held.size ? error : null;
    if (!spoken) return;
    const sayNow = () => {
      clearTimeout(pending?.timer);
      pending = null;
      lastSummary = null; // the valid result that follows is spoken, even if it is the one before
      speak(refused(spoken));
    };
    if (pressed) return sayNow();
    // Ticking run days one by one passes through "you chose 1", "you chose 2": said once the reader leaves
    // the group (focusout, in bind), not at each pause in it.
    const group = document.activeElement?.closest("fieldset[data-multiple], fieldset[data-choice]");
    const inGroup = group && marked.some((p) => p.reached && p.controls.some((c) => group.contains(c)));
    const wait = lastInput + SPEAK_ERROR_AFTER_MS - performance.now();
    pending = { say: sayNow, timer: inGroup ? null : setTimeout(sayNow, wait) };
  };

  // Inputs are kept as typed, at once: nothing the reader enters waits for Python (a plan's weekly volume
  // survives a reload), except a dated entry's own numbers (data-not-kept, below). Chosen files are never kept. The `changed` control's
  // shared value is to go into the profile too, unless this calculator stores the profile on save only;
  // the form's other shared fields, untouched, leave the profile as it is.
  // Shared values typed here and not yet in the profile (control name → {key, value}), kept with the
  // form's inputs: a reload shows them as typed, not the profile's older value.
  const typed = new Map(Object.entries(store.get("settings", settingsId)?.pending ?? {}));
  // The profile's values the `data-profile-start` fields last started from (control name → value).
  let started = store.get("settings", settingsId)?.started ?? {};
  // The fields the reader has changed here, sent to Python (Context.touched): a form still as built shows an
  // example, not the reader's own (the race calculator's 5 km in 20:00), even where a value typed equals it.
  // Inputs kept without this list (kept before it was, or only started from the profile) count as all changed.
  const kept = store.get("settings", settingsId);
  const touched = new Set(kept?.touched ?? Object.keys(kept?.values ?? {}));
  const keep = (values) => {
    const entry = {
      values,
      ...(touched.size ? { touched: [...touched] } : {}),
      ...(typed.size ? { pending: Object.fromEntries(typed) } : {}),
      ...(Object.keys(started).length ? { started } : {}),
    };
    if (JSON.stringify(entry) === JSON.stringify(store.get("settings", settingsId) ?? { values: {} })) return true;
    return store.apply([{ op: "put", collection: "settings", id: settingsId, value: entry }]);
  };
  // A field that names the day of the entry being logged (data-not-kept: a strength session's date) is never
  // kept: left from an earlier visit, it would date today's entry on that day without the reader seeing it.
  const notKept = () => new Set(controls().filter((c) => "notKept" in c.dataset).map((c) => c.name));
  const save = async (changed) => {
    const values = await formValues(form, null, { files: false });
    for (const name of notKept()) delete values[name];
    if (changed?.name in values) touched.add(changed.name); // not a chosen file: files are never kept
    if (changed?.dataset.profile && changed.name in values && !("profileOnSave" in section.dataset)) {
      typed.set(changed.name, { key: changed.dataset.profile, value: values[changed.name] });
    }
    return keep(values);
  };

  // A shared value goes into the profile once Python has answered a form holding it with no error, so a
  // half-typed HR max ("19" on the way to 190) or a slip ("1e2") stays in this form and reaches no other tool.
  const shareAccepted = (sent) => {
    const kept = store.get("profile", "profile");
    const profile = kept ?? {};
    const shared = {};
    for (const [name, { key, value }] of typed) {
      if (sent[name] !== value) continue; // typed on since: the answer to that will share it
      typed.delete(name);
      if (profile[key] !== value) shared[key] = value;
    }
    if (Object.keys(shared).length) {
      // A profile made here also keeps the units this form started on from the browser's region (miles in the
      // US): without them it would read as km on every page, and the reader's first shared value would switch them.
      const region = {};
      for (const control of kept === undefined ? controls() : []) {
        const regional = control.dataset.localeValues && JSON.parse(control.dataset.localeValues)[languageRegion()];
        if (regional !== undefined && control.dataset.profile) region[control.dataset.profile] = control.value;
      }
      store.apply([{ op: "put", collection: "profile", id: "profile", value: { ...region, ...profile, ...shared } }]);
    }
    keep(store.get("settings", settingsId)?.values ?? {}); // what is shared is pending no more
  };

  let acting = false; // an action that stores something is under way: a second tap must not repeat it
  let actingForEffect = false; // that action is one an effect asked for (a rest timer's +30 s kept for the next set)
  let computeAfter = false; // the reader changed the form meanwhile: compute once the action has answered
  const queued = []; // actions waiting for the one under way, in order: {action, submitter, extra, args, box, effect}

  const run = async (action = "compute", submitter = null, extra = {}, args = {}, box = null, effect = false) => {
    if (action === "compute" && acting) {
      // Sent now, a compute would read the store before the action's operations are in it, and its
      // answer would replace the action's (a run saved, but shown neither in the log nor as saved).
      computeAfter = true;
      return;
    }
    if (action !== "compute") {
      if (acting) {
        const waiting = { action, submitter, extra, args, box, effect };
        if (effect) {
          // An effect's action carries its whole change (the rest the presses made): only the latest is sent.
          const at = queued.findIndex((item) => item.effect && item.action === action);
          if (at >= 0) queued[at] = waiting;
          else queued.push(waiting);
          return;
        }
        if ((actingForEffect || queued.length) && !queued.some((item) => !item.effect)) {
          // A tap ("Log set 2") just after a rest change waits for that change to be stored, then reads it; a
          // second tap meanwhile is not queued, as below.
          queued.push(waiting);
          return;
        }
        // Not queued: a second tap on Save must not store the run twice. Said, so it is not a dead button.
        setStatus("Still working on your last request. Try again once it has answered.");
        return;
      }
      acting = true;
      actingForEffect = effect;
    }
    try {
      await answer(action, submitter, extra, args, box);
    } finally {
      if (action !== "compute") {
        acting = false;
        actingForEffect = false;
        const next = queued.shift();
        if (next) {
          // The page was answered meanwhile: a box the tap came from may be gone, and its message goes to the field.
          const from = next.box?.isConnected ? next.box : null;
          run(next.action, next.submitter, next.extra, next.args, from, next.effect);
        } else if (computeAfter) {
          computeAfter = false;
          run();
        }
      }
    }
  };

  // An action an effect asks for: the rest timer's −30 s / +30 s keep the rest they make for the next set.
  const act = (action, args) => run(action, null, {}, args, null, true);

  const answer = async (action, submitter, extra, args, box = null, returnTo = focusedIn(result)) => {
    clearTimeout(timer);
    const mine = ++sequence;
    // A compute sends no files: a watch export chosen for importing would be read again at every key.
    const values = { ...(await formValues(form, submitter, { files: action !== "compute" })), ...extra };
    // A button pressed: from now on every field counts as reached, for Python too (Context.pressed), which then
    // calls an empty box wrong where before it only asked for it.
    if (action !== "compute" || submitter !== null) pressedOnce = true;
    section.setAttribute("aria-busy", "true");
    let basis = {}; // the stored entries the answer is worked out from
    const request = { calculator: name, module: section.dataset.module, action }; // one module: Python imports no other
    const reply = await engine.call(request, async () => {
      const about = reads.length ? await environment() : undefined;
      const profile = store.get("profile", "profile");
      const stored = reads.length ? store.snapshot(reads) : undefined;
      basis = { profile: profile === undefined ? {} : { profile }, ...stored, "*": reads.includes("*") };
      return {
        values,
        args,
        today: localDate(),
        now: new Date().toISOString(),
        new_id: crypto.randomUUID(),
        touched: [...touched],
        pressed: pressedOnce,
        profile: profile ?? {},
        region: profile === undefined ? languageRegion() : undefined, // a saved profile's units win
        dates: languageRegion(), // dates in the browser's order ("March 7" in the US), whatever the profile's units
        store: stored,
        environment: about,
        utc_offsets: reads.length ? utcOffsets() : undefined,
        titled_by_page: "titledByPage" in section.dataset, // the answer's headings follow the page's h1
      };
    });
    const current = mine === sequence; // else a newer request is on its way, and its answer shows the page
    if (!reply.ok) {
      if (reply.error.code === "internal") console.error(reply.error.detail);
      if (reply.error.code === "engine") missed = action === "compute" && missed !== "action" ? "compute" : "action";
      if (current) {
        section.removeAttribute("aria-busy");
        showError(reply.error, box, action !== "compute" || submitter !== null, action);
      }
      return;
    }
    if (action !== "compute" && store.changedSince(basis, reply.ops)) {
      // Another tab changed what this answer would write over (a set logged there while this one was
      // worked out): stored now, it would throw that away. Nothing is stored; the reader sees the latest.
      // (A compute stores nothing, so the compute below cannot come back here.)
      if (!current) return;
      await answer("compute", null, {}, {}, null, returnTo);
      say(CHANGED_ELSEWHERE);
      return;
    }
    // What an answer stores, and the files it saves, count even when a newer request overtook it.
    const questions = effects.perform(reply.effects, act); // downloads (e.g. a safety backup) before any change
    const saved = store.apply(reply.ops);
    if (!current) return;
    section.removeAttribute("aria-busy");
    if (!saved) {
      // The answer describes a change that was not stored (the store says why, at the top of the page):
      // the result stays as it was, marked out of date, and nothing is asked about that change.
      markStale();
      setStatus("This change could not be saved; see the message at the top of the page.");
      return;
    }
    clearErrors();
    unsay();
    shareAccepted(values);
    // Boxes whose numbers went into the entry just stored (a set's reps and load) are emptied, as Python says
    // ("clear"): left filled, they would go unseen into the next entry, where an empty box means "as planned".
    const emptied = new Set(reply.effects.filter((e) => e.type === "clear").flatMap((e) => e.fields));
    if (emptied.size) {
      for (const control of controls()) if (emptied.has(control.name)) setValue(control, "");
      save();
    }
    // Boxes the reader asked Python to fill ("fill": the planner's weekly volume from the run log), kept as if typed.
    for (const effect of reply.effects.filter((e) => e.type === "fill")) {
      for (const control of controls()) {
        if (control.name in effect.fields && setValue(control, effect.fields[control.name])) await save(control);
      }
    }
    releaseTableRegions(result);
    result.innerHTML = reply.html; // built by Python's escaping HTML builder, never from reader text
    bindTableRegions(result); // a table that fits takes no Tab stop
    delete result.dataset.stale;
    // Back where the reader was, unless they have gone elsewhere meanwhile (a slow start: the search box):
    // where the focus went in the result while Python worked (Tab from a field typed in, onto a table).
    // Still on the form's button they pressed, they are taken to what its answer opened (data-opened: the effort
    // box an import needs, far below Save on a phone).
    const now = document.activeElement;
    if (!now || now === document.body || now === submitter || result.contains(now)) {
      refocus(result, focusedIn(result) ?? returnTo);
    }
    // Each answer is spoken once. Not when the focus has just been put on the summary (a run saved from
    // its edit box, a delete undone): the screen reader reads it there. Not when it is the summary last
    // spoken (a day's details opened: the focus is on them, and the week's summary is as it was). Not when
    // the answer asks a question first (Delete): the dialog's words come next, and the answer to it is spoken.
    // A message about what the reader just did holds the result's own summary back (data-summary-held). Below the
    // message (a run saved, above the readiness verdict), the summary shows, and is said with the message if it
    // changed, in one announcement. In the message's place ("Plan saved."; html.summary_line, the attribute's value),
    // the message says what changed, and is said alone. Either way the summary then counts as said, so the next
    // answer that shows it as it was (a form section switched, the week planned again) says nothing; and the same
    // message over the same summary (Save pressed again, nothing changed) says nothing either.
    const summary = result.querySelector("[data-summary]");
    const holder = result.querySelector("[data-summary-held]");
    const below = holder && holder !== summary;
    const words = summary?.textContent ?? "Updated.";
    show(summary ? "" : words); // a summary shows in the result
    const read = summary && document.activeElement && summary.contains(document.activeElement);
    const message = holder ? words : null;
    const state = below ? holder.textContent : (holder?.dataset.summaryHeld ?? words);
    const changed = !summary || state !== lastSummary;
    const news =
      message === null
        ? changed && words
        : below && changed
          ? `${message} ${state}`
          : (changed || message !== lastMessage) && message;
    // A rest timer this answer started is said in the same announcement (a set logged, then the rest it starts):
    // said apart, the second would cut the first off or queue behind it.
    const rest = reply.effects.find((effect) => effect.type === "timer");
    const said = [!read && news, rest && (rest.started || "Rest timer started.")].filter(Boolean).join(" ");
    if (said && !questions.length) speak(said);
    if (summary) [lastSummary, lastMessage] = [state, message];
    section.dataset.computed = String(mine);
    effects.go(reply.effects); // after the store has the change the next page shows
    for (const question of questions) {
      if (await effects.confirm(question)) {
        await answer(question.action, null, { confirmed: "yes" }, question.args ?? {}, null, returnTo);
      }
    }
  };

  // Fields that start from the profile (the race calculator's from the recent race) take its values
  // when they are new there, all together, and otherwise keep what the reader tried here: the
  // profile's race is the one they saved, not the last one typed into this form. A field whose value here
  // is a setting (data-keep-choice: the planner's volume unit, the race calculator's unit for another distance, both
  // from the profile's km or miles) starts on its own, not with the race, and follows only while it holds what it last
  // started from: a value the reader chose here, or one saved before the field started from the profile,
  // is theirs, and a new profile value is only noted, so that choosing it here later follows the profile again.
  const worded = (control, value) =>
    control.dataset.profileValues ? JSON.parse(control.dataset.profileValues)[value] : value;
  const startGroup = (group, profile, saved) => {
    const now = {};
    const values = {};
    for (const control of group) {
      const value = profile[control.dataset.profileStart];
      const word = worded(control, value);
      if (value === undefined || value === "" || word === undefined) return {}; // no race, or one not offered here
      now[control.name] = value;
      values[control.name] = word;
    }
    if (group.every((c) => now[c.name] === started[c.name])) return {};
    const chosen = group.some(
      (c) => "keepChoice" in c.dataset && c.name in saved && saved[c.name] !== worded(c, started[c.name]),
    );
    started = { ...started, ...now };
    return chosen ? {} : values;
  };
  const startFrom = (profile, saved) => {
    const starting = controls().filter((c) => c.dataset.profileStart);
    const settings = starting.filter((c) => "keepChoice" in c.dataset);
    const groups = [starting.filter((c) => !settings.includes(c)), ...settings.map((c) => [c])];
    return Object.assign({}, ...groups.map((group) => startGroup(group, profile, saved)));
  };

  const restore = () => {
    // The reader's last inputs, and shared profile values such as km or miles.
    const saved = store.get("settings", settingsId)?.values ?? {};
    const kept = store.get("profile", "profile");
    const profile = kept ?? {};
    const fromStart = startFrom(profile, saved);
    let changed = false;
    for (const control of controls()) {
      if ("notKept" in control.dataset) continue; // as built: empty, the day of the visit
      const fromProfile = control.dataset.profile ? profile[control.dataset.profile] : undefined;
      // Only while no profile is stored: a saved one, even without this value, is read with the built default (km)
      // on every page, and must not show another here.
      const fromLocale =
        kept === undefined && control.dataset.localeValues
          ? JSON.parse(control.dataset.localeValues)[languageRegion()]
          : undefined;
      const own = typed.get(control.name)?.value ?? fromProfile ?? fromStart[control.name] ?? saved[control.name];
      // Started on the region's value (a US reader's miles), a field that starts from the profile has started from
      // what the profile would say: a profile saved later in other units is followed, as it would be from the profile.
      if (own === undefined && fromLocale !== undefined && control.dataset.profileStart) {
        const words = JSON.parse(control.dataset.profileValues ?? "{}");
        const value = Object.keys(words).find((key) => words[key] === fromLocale) ?? fromLocale;
        started = { ...started, [control.name]: value };
      }
      changed = setValue(control, own ?? fromLocale) || changed;
    }
    showWhen();
    if (Object.keys(fromStart).length) save(); // kept with what they started from, so a reload keeps them
    return changed;
  };

  form.addEventListener("input", (event) => {
    lastInput = performance.now();
    clearTimeout(pending?.timer); // the answer to this keystroke says what is wrong now
    save(event.target);
    showWhen();
    if (!live) return; // forms that act on stored data compute only when a button asks
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener("change", (event) => {
    save(event.target);
    showWhen();
    if (live) run();
  });
  // Leaving a field (or a group of check boxes) speaks its error at once, and makes a message held on it as
  // not reached yet (see showError) count. Not when the focus goes on to one of this calculator's buttons:
  // its press speaks for itself, and a message said just before would be cut off by it.
  form.addEventListener("focusout", (event) => {
    const to = event.relatedTarget;
    if (event.target.closest("fieldset[data-multiple], fieldset[data-choice]")?.contains(to)) return; // still in the group
    if (event.target.name && event.target.name !== "action") visited.add(event.target.name);
    if (to instanceof HTMLButtonElement && section.contains(to)) return;
    if (shownError && [...held].some(reached)) showError(shownError);
    pending?.say();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(event.submitter?.value || "compute", event.submitter);
  });
  // Buttons Python put in the result (e.g. "log this set") run their action with their arguments, and
  // with the values of the named controls around them (the closest [data-inputs] box, e.g. a row
  // being edited), which take the place of the form's values of the same name. Controls marked
  // data-collect="NAME" (one effort per imported run: as many as the files held) travel together as one
  // value, NAME, a JSON object of their names and values; each keeps its own name, so an error names it.
  result.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const box = button.closest("[data-inputs]");
    const extra = {};
    const collected = {};
    for (const control of box?.querySelectorAll("input[name], select[name], textarea[name]") ?? []) {
      if (["checkbox", "radio"].includes(control.type) && !control.checked) continue;
      const into = control.dataset.collect;
      if (into) (collected[into] ??= {})[control.name] = control.value;
      else extra[control.name] = control.value;
    }
    for (const [name, group] of Object.entries(collected)) extra[name] = JSON.stringify(group);
    run(button.dataset.action, null, extra, JSON.parse(button.dataset.args || "{}"), box);
  });
  // Enter presses the button a field names (`data-enter`: a set's numbers → "Log my numbers"), or in a
  // box of inputs in the result (a run for a day) that box's first button; never, by accident, the
  // form's first button (as a browser would: "Start session" while logging a set).
  section.addEventListener("keydown", (event) => {
    const field = event.target;
    if (event.key !== "Enter" || event.isComposing || !(field instanceof HTMLInputElement)) return;
    const named = field.dataset.enter;
    const box = field.closest("[data-inputs]");
    if (!named && !box) return;
    event.preventDefault();
    const escaped = named && CSS.escape(named);
    const buttons = named
      ? section.querySelectorAll(`button[value="${escaped}"], [data-result] button[data-action="${escaped}"]`)
      : [box.querySelector("button[data-action]")].filter(Boolean);
    // One button: press it. Several (each exercise's "Log my numbers"): go to the session's next one and
    // let the reader press it, or Tab on to the exercise they mean; never log to one they did not choose.
    if (buttons.length === 1) buttons[0].click();
    else if (buttons.length) ([...buttons].find((b) => b.hasAttribute("data-focus")) ?? buttons[0]).focus();
  });
  // Another tab changed what this calculator shows: follow it.
  store.subscribe((event) => {
    if (event.type !== "change") return;
    // Debounced: a restore in another tab changes hundreds of entries at once. A profile change reaches the
    // form's shared fields first (km or miles), whether or not the calculator also reads the profile.
    const shared = event.collection === "profile" && restore();
    if (reads.includes("*") || reads.includes(event.collection) || shared) {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    }
  });

  if (restore() || reads.length) {
    // The page was built with the default inputs (or, for stored data, an empty example): the reader's
    // own need Python. Shown, not spoken: it is how the page opens, and the summary follows.
    markStale();
    show(
      reads.length
        ? "Reading what this browser holds…"
        : "These are your saved inputs; the result below is the built-in example until the engine has started.",
    );
    run();
  }
  return section;
}

function startEngine(sections) {
  engine.start().catch((error) => {
    // Shown and spoken (data-announce: the live region bind adds), whether or not a calculation was waiting.
    for (const section of sections) {
      section.dataset.engine = "failed";
      for (const node of section.querySelectorAll("[data-status], [data-announce]")) node.textContent = error.message;
    }
  });
}

export function bindCalculators(root = document) {
  const sections = [...root.querySelectorAll("[data-calculator]")].map(bind);
  if (!sections.length) return; // no calculator, no Python
  // Start Python at once for a calculator that is the page's subject (it comes before the page's first
  // section heading, as on every tool page: it may sit below a long introduction on a phone, or an offline
  // notice) or one already near; otherwise when one is touched or about to scroll into view (a screen
  // ahead of it), never on pages without one, nor while a reader of a long guide is still far from it:
  // the 13 MB runtime would compete with the page. Started now, not after the first layout, what waits
  // for the start (engine.afterStart) knows there is one.
  const headings = [...document.querySelectorAll("article h2")];
  const subject = (section) =>
    !headings.some((heading) => heading.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING);
  const near = (section) => section.getBoundingClientRect().top < 2 * window.innerHeight;
  if (sections.some((section) => subject(section) || near(section))) {
    startEngine(sections);
    return;
  }
  const observer = new IntersectionObserver(
    (seen) => {
      if (seen.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        startEngine(sections);
      }
    },
    { rootMargin: "100% 0px" },
  );
  for (const section of sections) {
    observer.observe(section);
    section.addEventListener("focusin", () => startEngine(sections), { once: true });
  }
}
