// The module worker that runs Python. It restores the build's memory snapshot (an interpreter with the
// calculators already imported): from the browser's caches on a returning visit, downloaded on a first
// visit over a fast connection. Any other start loads the self-hosted Pyodide, installs the calculators
// wheel through the site-local lock (its sha256 is checked) and confirms the import. Then it answers
// requests: JSON in, JSON out, one whitelisted entry point; errors travel back as data.

const RUNTIME = new URL("../pyodide/", import.meta.url);
// Everything the start needs is asked for at once, before Pyodide's own module has loaded: the site's
// lock (the snapshot check reads it, and Pyodide gets it from here), the snapshot's description, and
// Pyodide's module.
const lock = fetch(new URL("pyodide-lock.json", RUNTIME)).then((response) => {
  if (!response.ok) throw new Error("the site has been updated since this page was saved. Reload to update.");
  return response.json();
});
lock.catch(() => {}); // reported by the start (boot), not also as an unhandled rejection
const about = fetch(new URL("snapshot.json", RUNTIME))
  .then((response) => response.json())
  .catch(() => null); // no snapshot in this build
const runtime = import("../pyodide/pyodide.mjs");
// Pyodide's interpreter module (1.2 MB), which loadPyodide imports from this same address once it is
// called: asked for now, it arrives while the snapshot is checked or downloaded. Its errors are
// loadPyodide's to report.
import("../pyodide/pyodide.asm.mjs").catch(() => {});
const options = {
  indexURL: RUNTIME.href,
  lockFileContents: lock,
  packageBaseUrl: RUNTIME.href,
  stdout: () => {},
  stderr: () => {},
};
const post = (message) => self.postMessage(message);

let pyodide;

/** Install a package from the site's lock; throws with the reasons when it does not import. */
async function install(name) {
  const problems = [];
  await pyodide.loadPackage(name, { messageCallback: () => {}, errorCallback: (message) => problems.push(message) });
  try {
    pyodide.pyimport(name); // loadPackage resolves even when the wheel is missing: only the import proves it
  } catch (error) {
    throw new Error(`The ${name} package did not install. ${problems.join(" ")} ${error.message ?? error}`);
  }
}

// A first visit downloads the snapshot only while the connection proves fast enough. Measured here
// (2-core machine, Chromium's network emulation, 40 ms latency, first visits), a normal start answered
// after 9.3 s at 9 Mbit/s, 5.7 s at 25, 5–6 s at 40 and 60; one from a downloaded snapshot after 12.0,
// 5.8, 4.3 and 3.7 s (on loopback: 3.8–4.3 s against 1.2–1.4 s). So it pays from about 30 Mbit/s. The
// download is given up as soon as its pace, judged after PACE_AFTER_MS (its first moments are slow even
// on a fast connection, while the page itself loads), shows it will not end within DOWNLOAD_BUDGET_MS:
// with these values the worker chose a normal start at 25 Mbit/s and below, the snapshot from 40.
const DOWNLOAD_BUDGET_MS = 2500;
const PACE_AFTER_MS = 500;

/** The snapshot this start can use, made from this exact runtime and wheel, or null when there is none:
 * `memory`, a buffer the size of the interpreter's memory, and `complete`, which resolves to whether it
 * holds the whole snapshot. On a returning visit the browser's caches fill the buffer while Pyodide loads
 * its module and compiles its WebAssembly; on a first visit it is downloaded beforehand, if the connection
 * is fast enough. */
async function snapshot() {
  let info;
  try {
    const [described, { version }, { packages }] = await Promise.all([about, runtime, lock]);
    if (described?.pyodide !== version || described.calculators !== packages.calculators?.sha256) return null;
    if (!Array.isArray(described.parts)) return null; // a description this worker cannot read
    info = described;
    // Read straight from the browser's caches, not through the service worker that saved it there (side by side
    // here, twelve returning visits each: the first answer 0.12 s sooner, 0.82 s against 0.94 s). Its name
    // carries a hash of its content: any copy found is this one.
    const saved = await caches.match(new URL(info.file, RUNTIME).href, { ignoreSearch: true });
    if (saved?.ok) {
      const memory = new Uint8Array(info.size);
      return { memory, complete: readInto(saved, memory, info.parts) };
    }
  } catch {
    if (!info) return null; // no usable snapshot; or the lock did not load, which the normal start reports
  }
  const memory = await download(new URL(info.file, RUNTIME), info);
  return memory && { memory, complete: Promise.resolve(true) };
}

/** Read `response`'s body, the snapshot's non-zero pages back to back, into their `parts` ([offset,
 * length] runs) of `memory`; resolves to whether it held exactly those. `keepGoing(received)` may end the
 * read early by returning false. */
async function readInto(response, memory, parts, keepGoing = () => true) {
  let reader;
  let part = 0; // the run being filled
  let filled = 0; // how much of that run is
  let received = 0;
  try {
    reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return part === parts.length;
      for (let at = 0; at < value.length; ) {
        if (part === parts.length) return false; // longer than snapshot.json says
        const [offset, length] = parts[part];
        const taken = Math.min(length - filled, value.length - at);
        memory.set(value.subarray(at, at + taken), offset + filled); // throws outside the buffer
        at += taken;
        filled += taken;
        if (filled === length) [part, filled] = [part + 1, 0];
      }
      received += value.length;
      if (!keepGoing(received)) return false;
    }
  } catch {
    return false; // the connection dropped, the read was stopped, or a run lies outside the memory
  } finally {
    reader?.cancel().catch(() => {});
  }
}

/** Download the snapshot `info` describes from `url` within the budget, or give up (null) as soon as it
 * cannot. */
async function download(url, info) {
  const connection = navigator.connection;
  if (connection?.saveData || /(^|-)[23]g$/.test(connection?.effectiveType ?? "")) return null;
  const stop = new AbortController();
  const late = new Promise((resolve) => setTimeout(resolve, DOWNLOAD_BUDGET_MS, null)); // also when nothing arrives
  const received = async () => {
    const began = performance.now();
    const response = await fetch(url, { signal: stop.signal });
    if (!response.ok) return null;
    const memory = new Uint8Array(info.size);
    const onPace = (count) => {
      const spent = performance.now() - began;
      return spent <= PACE_AFTER_MS || (spent * info.bytes) / count <= DOWNLOAD_BUDGET_MS;
    };
    return (await readInto(response, memory, info.parts, onPace)) ? memory : null;
  };
  try {
    return await Promise.race([received().catch(() => null), late]);
  } finally {
    stop.abort(); // a download given up on stops using the connection
  }
}

async function fromSnapshot(loadPyodide) {
  const found = await snapshot();
  if (!found) return null;
  const { memory, complete } = found;
  try {
    // Pyodide takes the buffer at once (its size sets the interpreter's memory) but copies from it only
    // once its file-system hook has resolved, after the read. A read that fails blanks the snapshot's
    // header first, so Pyodide refuses it, and the start falls back.
    const fsInit = async () => {
      if (!(await complete)) memory.fill(0, 0, 4);
    };
    pyodide = await loadPyodide({ ...options, _loadSnapshot: memory, fsInit });
    return pyodide.pyimport("calculators.registry");
  } catch (error) {
    console.info("The snapshot did not restore; starting normally.", error); // the reader sees nothing
    return null;
  }
}

async function boot() {
  post({ type: "progress", stage: "runtime" });
  const { loadPyodide } = await runtime;
  await lock; // a lock that did not load ends the start here, with its reason, before Pyodide is given it
  let registry = await fromSnapshot(loadPyodide);
  const start = registry ? "snapshot" : "normal";
  if (!registry) {
    pyodide = await loadPyodide(options);
    post({ type: "progress", stage: "calculators" });
    await install("calculators");
    registry = pyodide.pyimport("calculators.registry");
  }
  return { dispatch: registry.dispatch, rehearsal: registry.rehearsal, start };
}

const ready = boot();
ready.then(
  ({ start }) => post({ type: "ready", start }),
  (error) => post({ type: "fatal", message: String(error?.message ?? error) }),
);

// Chromium keeps a WebAssembly module's compiled code beside its entry in the service worker's cache, but
// writes it only once V8 has optimised enough of the module, which a start and a few answers never reach:
// every visit then compiles the interpreter again (measured here: about 0.1 s on this worker's thread before
// the first answer, and 0.6 s of optimising on the other cores; with the code kept, 0.01 s). So once per
// Pyodide version, after the first answer of a start whose interpreter came from that cache, the worker
// answers every calculator's example request WARM_UP_ROUNDS times, one at a time between the reader's
// requests: a count, not a time, so that a busy or slow device does as much of the work as a quick one.
const WARM_UP_ROUNDS = 10;
const WARMED = "stridelab:engine-warmed"; // a cache of its own: the service worker's holds only the site's files
// V8 writes the code about 2 s after its last optimisation: a page closed sooner warms up on a later visit.
const WRITE_WAIT_MS = 5000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let warming = null;

async function warmUp(dispatch, rehearsal, today) {
  const wasm = performance.getEntriesByName(new URL("pyodide.asm.wasm", RUNTIME).href)[0];
  if (wasm?.deliveryType !== "cache-storage") return; // from the network, or a browser that does not say
  const marks = await caches.open(WARMED);
  const key = new URL(`warmed-${pyodide.version}`, RUNTIME).href;
  if (await marks.match(key)) return;
  const list = rehearsal(today ?? null); // the reader's date, from the page's request: Python has no clock here
  const requests = list.toJs(); // Python's str copied into JS strings
  list.destroy();
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const request of requests) {
      await pause(0); // the reader's own requests go first
      JSON.parse(dispatch(request)); // the whole path of an answer, as the page's requests take it
    }
  }
  await pause(WRITE_WAIT_MS);
  await marks.put(key, new Response(""));
  post({ type: "warmed" });
}

self.onmessage = async ({ data }) => {
  let dispatch, rehearsal;
  try {
    ({ dispatch, rehearsal } = await ready);
  } catch {
    return; // the page already has the "fatal" message
  }
  try {
    const request = JSON.stringify(data);
    let reply = JSON.parse(dispatch(request));
    warming ??= warmUp(dispatch, rehearsal, data.payload?.today).catch(() => {}); // no cache storage (private mode): no warm-up
    // A library loaded on demand (the FIT decoder): install it, then ask once more.
    if (reply.error?.code === "package") {
      try {
        await install(reply.package);
        reply = JSON.parse(dispatch(request));
      } catch (error) {
        console.error(error);
        const message = `This needs the ${reply.package} library, which could not be loaded. Reload the page to try again.`;
        reply = { id: data.id, ok: false, error: { code: "input", message, field: null } };
      }
    }
    post({ type: "reply", ...reply });
  } catch (error) {
    // A reply Python could not encode: still answer, so the page is never left waiting.
    const message = "Something went wrong inside the calculator. Your data is safe; please report this.";
    post({ type: "reply", id: data.id, ok: false, error: { code: "internal", message, field: null, detail: String(error) } });
  }
};
