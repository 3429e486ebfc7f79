// The page's side of the Python worker: starts it once, on demand, and correlates replies by id.

const START_TIMEOUT_MS = 90_000;
const RUNTIME = new URL("../pyodide/", import.meta.url);

// Offline, with the engine not saved on this device (no page of it in the caches), a start fails with the
// browser's words ("Failed to fetch dynamically imported module: …"): what the reader gets instead.
const NOT_SAVED_OFFLINE =
  "The calculators cannot start offline on this device yet: they need one visit to a calculator page with a " +
  "connection first. Nothing is lost: what you typed is still in the form. Once you are online, reload this " +
  "page; from then on the calculators work offline too.";

/** What to tell the reader about a start that failed with `message`: offline and never saved, why in plain
 * words; otherwise `message`. */
async function startFailure(message) {
  if (navigator.onLine) return message;
  const file = new URL("pyodide.mjs", RUNTIME).href;
  const saved = await globalThis.caches?.match(file, { ignoreSearch: true }).catch(() => null);
  return saved ? message : NOT_SAVED_OFFLINE;
}

class EngineError extends Error {}

let worker = null;
let ready = null;
let nextId = 1;
const pending = new Map();
const progressListeners = new Set();
let announceStarted;
let announceWanted;

// Settles once start() has been called: calls made before it (a calculator far down a guide computing the
// reader's saved inputs) wait for the reader to reach it, not start the 13 MB engine on their own.
const wanted = new Promise((resolve) => {
  announceWanted = resolve;
});

/** Resolves once the engine has started or failed to, without starting it: the offline app waits for it
 * before saving the runtime, so it keeps what the start downloaded rather than downloading it again. */
export const started = new Promise((resolve) => {
  announceStarted = resolve;
});

/** Call `listener(stage)` as the engine starts: "runtime", "calculators", "ready". */
export function onProgress(listener) {
  progressListeners.add(listener);
}

function progress(stage) {
  for (const listener of progressListeners) listener(stage);
}

/** Run `task` once the page has loaded and, if it started the engine, once the engine has started: for
 * work that would compete with the start for the CPU or the connection. */
export function afterStart(task) {
  const now = () => (ready ? started.then(task) : task());
  if (document.readyState === "complete") now();
  else window.addEventListener("load", now, { once: true });
}

/** Start the worker (once); resolves when Python can answer, rejects with a message a reader can act on. */
export function start() {
  announceWanted();
  ready ??= new Promise((resolve, reject) => {
    const fail = async (reason) => {
      clearTimeout(timer);
      const message = await startFailure(reason);
      announceStarted();
      reject(new EngineError(message));
      for (const [, { resolve: answer }] of pending) {
        answer({ ok: false, error: { code: "engine", message, field: null } });
      }
      pending.clear();
    };
    const timer = setTimeout(
      () =>
        fail(
          "The calculator engine did not start within 90 seconds. Check your connection and reload the page; " +
            "the results shown are the ones computed when the page was built.",
        ),
      START_TIMEOUT_MS,
    );
    worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail("The calculator engine could not be loaded. Reload the page to try again.");
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "progress") progress(data.stage);
      else if (data.type === "ready") {
        clearTimeout(timer);
        document.documentElement.dataset.slEngineStart = data.start; // "snapshot" or "normal": for tests and benchmarks
        progress("ready");
        resolve();
        ready = Promise.resolve(); // also when it comes after the time limit (a slow connection): calls now work
        announceStarted();
      } else if (data.type === "warmed") {
        document.documentElement.dataset.slEngineWarmed = ""; // for tests and benchmarks: see warmUp in worker.mjs
      } else if (data.type === "fatal") {
        fail(`The calculator engine could not start: ${data.message}`);
      } else if (data.type === "reply") {
        pending.get(data.id)?.resolve(data);
        pending.delete(data.id);
      }
    });
  });
  return ready;
}

/** Send {calculator, module, action} with the payload `payload()` gives, once the engine has been started;
 * resolves to the reply {ok, html, ops, effects} or {ok: false, error}. The payload is made only then, so
 * what it reads of the store is as it is when Python answers, not as it was seconds before, at the start. */
export async function call(request, payload) {
  await wanted;
  try {
    await start();
  } catch (error) {
    return { ok: false, error: { code: "engine", message: error.message, field: null } };
  }
  const body = { ...request, payload: await payload(), id: nextId++ };
  return new Promise((resolve) => {
    pending.set(body.id, { resolve });
    worker.postMessage(body);
  });
}
