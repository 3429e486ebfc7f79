// The offline app, seen from the page: registers the service worker (sw.js at the site root), offers
// a new version with a button and never reloads on its own, says plainly when the reader is offline
// and what still works, and offers "Save for offline" and, where the browser allows it, "Install".
// All text goes in through textContent; the notices sit in a polite live region.

import * as engine from "./engine.js";

const ROOT = new URL("../../", import.meta.url); // the site root, also under a sub-path
const sw = navigator.serviceWorker;

const TEXT = {
  preparing: "Getting this site ready to work offline on this device…",
  pages: (mb) =>
    `Every page and the search already work offline on this device. To use the calculators offline too, ` +
    `save their engine (about ${mb} MB) while you have a connection.`,
  saving: (mb) => `Saving the calculator engine (about ${mb} MB)…`,
  saved: "Saved for offline: every page, the search and the calculators work on this device with no connection.",
  failed: (message) => `The calculator engine could not be saved: ${message} Press the button again to continue.`,
  offlineAll:
    "You are offline. Everything still works: the guides, the search, the calculators and your data, " +
    "which stays on this device.",
  // Nothing it suggests needs the connection now: "Save for offline" is hidden until the reader is back online.
  offlinePages:
    "You are offline. The guides and the search still work, and your data is safe on this device. The " +
    "calculators need a connection until their engine is saved here: once you are back online, open a " +
    "calculator page or press “Save for offline”.",
  offlineNothing: "You are offline. This page works; other pages need a connection until this site is saved.",
  update: "Update available — a new version of Stridelab is ready. Your data stays as it is.",
  notPrepared:
    "This site could not be saved on this device for offline use (the connection dropped, storage is full, " +
    "or a new version is being published). Everything works online; reload the page later to try again.",
};

const ui = {};
// `answered` stays false until the page knows what this device has saved: the service worker's own reply,
// or the browser's word that there is no service worker yet. Until then the page says nothing about it:
// a guess ("not saved") on a page opened offline from a saved site would be wrong.
const known = { answered: false, active: false, runtime: false, runtimeBytes: 0 };

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function button(text, onClick) {
  const node = element("button", "md-button md-button--primary sl-app__button", text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function buildUi() {
  const article = document.querySelector(".md-content__inner") ?? document.body;
  // One polite live region at the top for the offline and update notices; it exists before any text
  // goes in, so screen readers announce what appears.
  ui.notices = element("div", "sl-app-notices");
  ui.notices.setAttribute("aria-live", "polite");
  article.prepend(ui.notices);

  ui.panel = element("section", "sl-offline");
  ui.panel.setAttribute("aria-label", "Use Stridelab offline");
  // What is saved shows in the status line and is spoken (ui.spoken, a live region for screen readers only)
  // only when it changes while the page is open: "Saved for offline" once, when it becomes true, not on
  // every page a returning reader opens.
  ui.status = element("p", "sl-offline__status");
  ui.spoken = element("p", "sl-announce");
  ui.spoken.setAttribute("aria-live", "polite");
  ui.save = button("Save for offline", () => saveRuntime("download"));
  ui.save.disabled = true; // until the service worker is there to save it (showState)
  ui.install = button("Install Stridelab", install);
  ui.install.hidden = true;
  const actions = element("p", "sl-offline__actions");
  actions.append(ui.save, " ", ui.install);
  ui.panel.append(ui.status, ui.spoken, actions);
  article.append(ui.panel);
}

/** Show `text` in the status line; speak it too unless it is the first this page shows (how it opens). */
function setStatus(text) {
  if (ui.status.textContent && ui.status.textContent !== text) {
    ui.spoken.textContent = text;
    setTimeout(() => (ui.spoken.textContent = ""), 7000); // spoken, it is in the status line once for browse mode
  }
  ui.status.textContent = text;
}

function megabytes() {
  return Math.max(1, Math.round(known.runtimeBytes / 1_000_000));
}

function showState() {
  if (!known.answered) return;
  document.documentElement.dataset.slOffline = known.runtime ? "all" : known.active ? "pages" : "none";
  if (!known.active) setStatus(ui.status.textContent || TEXT.preparing);
  else {
    setStatus(known.runtime ? TEXT.saved : TEXT.pages(megabytes()));
    ui.save.hidden = known.runtime || !navigator.onLine; // offline it could only fail
    ui.save.disabled = false;
  }
  showConnection();
}

function notice(name, text, action) {
  let node = ui.notices.querySelector(`[data-notice="${name}"]`);
  if (!text) {
    node?.remove();
    return;
  }
  if (!node) {
    node = element("p", "sl-app-notice");
    node.dataset.notice = name;
    node.append(element("span"));
    if (action) node.append(" ", action);
    ui.notices.append(node);
  }
  node.firstChild.textContent = text;
}

function showConnection() {
  if (!known.answered) return;
  const text = !known.active ? TEXT.offlineNothing : known.runtime ? TEXT.offlineAll : TEXT.offlinePages;
  notice("offline", navigator.onLine ? null : text);
}

/** Send `message` to a service worker; resolves to its reply (or null if it does not answer in time). */
function ask(worker, message, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), timeoutMs);
    channel.port1.onmessage = ({ data }) => {
      clearTimeout(timer);
      resolve(data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

function learn(reply) {
  if (reply?.type !== "state") return;
  known.answered = true;
  known.active = true;
  known.runtime = reply.runtime;
  known.runtimeBytes = reply.runtimeBytes;
  showState();
}

async function saveRuntime(how) {
  const { active } = await sw.ready;
  if (how === "download") {
    ui.save.disabled = true;
    setStatus(TEXT.saving(megabytes()));
  }
  const reply = await ask(active, { type: "save-runtime", how }, 10 * 60_000);
  if (how === "download" && reply?.type !== "state") {
    // Files already saved stay saved: pressing again continues where this stopped.
    ui.save.disabled = false;
    setStatus(TEXT.failed(reply?.message ?? "it took longer than ten minutes."));
  } else learn(reply);
}

let installPrompt = null;

async function install() {
  if (!installPrompt) return;
  const prompt = installPrompt;
  installPrompt = null;
  ui.install.hidden = true;
  await prompt.prompt().catch(() => {}); // already shown, or dismissed
}

function offerUpdate(registration) {
  const accept = button("Reload to update", () => {
    accept.disabled = true;
    // The waiting worker takes over; every tab then reloads once, on controllerchange.
    registration.waiting?.postMessage({ type: "skip-waiting" });
  });
  notice("update", TEXT.update, accept);
  document.documentElement.dataset.slUpdate = "waiting";
}

function watchForUpdates(registration) {
  const track = (worker) => {
    if (!worker) return;
    const check = () => {
      // With no controller this is the first install: it takes over by itself, nothing to offer.
      if (worker.state === "installed" && sw.controller) offerUpdate(registration);
    };
    check();
    worker.addEventListener("statechange", check);
  };
  track(registration.waiting);
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  // Look for a new version on every page a returning reader opens (Chromium's own check after a
  // navigation can come late), when the connection comes back, and hourly while the app stays open.
  const update = () => registration.update().catch(() => {}); // offline: the next chance will do
  if (sw.controller) update();
  setInterval(update, 60 * 60_000);
  window.addEventListener("online", update);
}

/** A first install that fails leaves no service worker: say so, instead of "getting ready" for ever. */
function reportFailedInstall(registration) {
  const worker = registration.installing;
  worker?.addEventListener("statechange", () => {
    if (worker.state !== "redundant" || registration.active) return;
    setStatus(TEXT.notPrepared);
    ui.save.hidden = true;
  });
}

async function start() {
  let registration;
  try {
    registration = await sw.register(new URL("sw.js", ROOT), { scope: ROOT.pathname, updateViaCache: "none" });
  } catch (error) {
    registration = null;
    setStatus(`This browser did not let the site work offline (${error.message}).`);
  }
  if (!registration) {
    // Service workers blocked (a policy, some private modes): the site works, just not offline.
    known.answered = true;
    setStatus(ui.status.textContent || "This browser does not let the site work offline.");
    ui.save.hidden = true;
    return;
  }
  watchForUpdates(registration);
  if (!registration.active) {
    reportFailedInstall(registration);
    // A first visit: nothing is saved yet and the worker is installing, so "getting ready" is true. With an
    // active worker, only its reply says what is saved.
    known.answered = true;
    showState();
  }
  const { active } = await sw.ready;
  learn(await ask(active, { type: "state" }));
  // The engine may have downloaded the runtime before the service worker was there to see it (a first
  // visit): once it has started, the worker takes that from the browser's HTTP cache rather than
  // downloading it again.
  if (document.querySelector("[data-calculator]") && !known.runtime) engine.started.then(() => saveRuntime("adopt"));
}

/** What is saved, asked of the worker already there as the page opens, not once its engine has started
 * (start, above): a page opened offline says so within moments, and only what is true. With no worker at all,
 * nothing is saved yet, and that is true too; a worker still installing is start's to report. */
async function askAtOnce() {
  const registration = await sw.getRegistration(ROOT.href).catch(() => undefined);
  if (registration?.active) learn(await ask(registration.active, { type: "state" }));
  else if (!registration && !known.answered) {
    known.answered = true;
    showState();
  }
}

export function startOffline() {
  if (!sw || !window.isSecureContext) return;
  buildUi();
  // Online, a page with a calculator asks once its engine has started (start): the worker's look through its
  // cache would otherwise compete with the engine's start, which the same worker serves.
  if (!navigator.onLine || !document.querySelector("[data-calculator]")) askAtOnce();
  window.addEventListener("online", showState);
  window.addEventListener("offline", showState);

  let controlled = Boolean(sw.controller);
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    // The first worker taking over a page changes nothing on it; a new version does: reload once.
    if (!controlled) controlled = true;
    else if (!reloading) {
      reloading = true;
      window.location.reload();
    }
  });
  sw.addEventListener("message", ({ data }) => learn(data));
  sw.startMessages();

  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault(); // our own button instead of the browser's banner
    installPrompt = event;
    ui.install.hidden = false;
  });
  window.addEventListener("appinstalled", () => {
    ui.install.hidden = true;
    saveRuntime("download");
  });

  // Registering after the page has loaded, and after its calculator engine has started, keeps the first
  // visit's bandwidth and CPU for the page itself (the service worker's install downloads every page).
  engine.afterStart(start);
}
