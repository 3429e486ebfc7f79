// The module worker that runs Python. It restores the build's memory snapshot (an interpreter with the
// calculators already imported): from the browser's caches on a returning visit, downloaded on a first
// visit over a fast connection. Any other start loads the self-hosted Pyodide, installs the calculators
// wheel through the site-local lock (its sha256 is checked) and confirms the import. Then it answers
// requests: JSON in, JSON out, one whitelisted entry point; errors travel back as data.

const RUNTIME = new URL("../pyodide/", import.meta.url);
// Everything the start needs is asked for at once, before Pyodide's own module has loaded: the site's
// lock (the snapshot check reads it, and Pyodide gets it from here), the snapshot's description, and
// Pyodide's module.
const lock = fetch(new URL("pyodide-lock.json", RUNTIME)).then((response) => response.json());
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
// with these values the worker chose a normal start at 40 Mbit/s and below, the snapshot from 60.
const DOWNLOAD_BUDGET_MS = 2500;
const PACE_AFTER_MS = 500;

/** The snapshot this start can use, made from this exact runtime and wheel: from the browser's caches on
 * a returning visit (a Response, read while Pyodide loads), else downloaded if the connection is fast
 * enough (a Uint8Array); null when there is none. */
async function snapshot() {
  let info;
  try {
    const [described, { version }, { packages }] = await Promise.all([about, runtime, lock]);
    if (described?.pyodide !== version || described.calculators !== packages.calculators?.sha256) return null;
    info = described;
    const saved = await fetch(new URL(info.file, RUNTIME), { cache: "only-if-cached", mode: "same-origin" });
    if (saved.ok) return saved;
  } catch {
    if (!info) return null; // no usable snapshot; or the lock did not load, which the normal start reports
  }
  return download(new URL(info.file, RUNTIME), info.bytes);
}

/** Download `bytes` bytes from `url` within the budget, or give up (null) as soon as it cannot. */
async function download(url, bytes) {
  const connection = navigator.connection;
  if (!bytes || connection?.saveData || /(^|-)[23]g$/.test(connection?.effectiveType ?? "")) return null;
  const stop = new AbortController();
  const late = new Promise((resolve) => setTimeout(resolve, DOWNLOAD_BUDGET_MS, null)); // also when nothing arrives
  try {
    return await Promise.race([receive(url, bytes, stop.signal), late]);
  } finally {
    stop.abort(); // a download given up on stops using the connection
  }
}

async function receive(url, bytes, signal) {
  const began = performance.now();
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) return null;
    const reader = response.body.getReader();
    const buffer = new Uint8Array(bytes);
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.length > bytes) return null; // not the snapshot snapshot.json describes
      buffer.set(value, received);
      received += value.length;
      const spent = performance.now() - began;
      if (spent > PACE_AFTER_MS && (spent * bytes) / received > DOWNLOAD_BUDGET_MS) return null;
    }
    return received === bytes ? buffer : null;
  } catch {
    return null; // stopped, or the connection dropped: a normal start instead
  }
}

async function fromSnapshot(loadPyodide) {
  const found = await snapshot();
  if (!found) return null;
  try {
    // A saved snapshot's 30 MB are read while Pyodide loads its module and compiles its WebAssembly.
    const bytes = found instanceof Response ? found.arrayBuffer() : found;
    pyodide = await loadPyodide({ ...options, _loadSnapshot: bytes });
    return pyodide.pyimport("calculators.registry");
  } catch (error) {
    console.info("The snapshot did not restore; starting normally.", error); // the reader sees nothing
    return null;
  }
}

async function boot() {
  post({ type: "progress", stage: "runtime" });
  const { loadPyodide } = await runtime;
  let registry = await fromSnapshot(loadPyodide);
  const start = registry ? "snapshot" : "normal";
  if (!registry) {
    pyodide = await loadPyodide(options);
    post({ type: "progress", stage: "calculators" });
    await install("calculators");
    registry = pyodide.pyimport("calculators.registry");
  }
  return { dispatch: registry.dispatch, start };
}

const ready = boot();
ready.then(
  ({ start }) => post({ type: "ready", start }),
  (error) => post({ type: "fatal", message: String(error?.message ?? error) }),
);

self.onmessage = async ({ data }) => {
  let dispatch;
  try {
    ({ dispatch } = await ready);
  } catch {
    return; // the page already has the "fatal" message
  }
  try {
    const request = JSON.stringify(data);
    let reply = JSON.parse(dispatch(request));
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
