// The module worker that runs Python. A returning visit restores the build's memory snapshot (an
// interpreter with the calculators already imported) from the browser's caches; any other start
// loads the self-hosted Pyodide, installs the calculators wheel through the site-local lock (its
// sha256 is checked) and confirms the import. Then it answers requests: JSON in, JSON out, one
// whitelisted entry point; errors travel back as data.

import { loadPyodide, version } from "../pyodide/pyodide.mjs";

const RUNTIME = new URL("../pyodide/", import.meta.url);
// The site's lock, fetched once: the snapshot check reads it, and Pyodide gets it from here.
const lock = fetch(new URL("pyodide-lock.json", RUNTIME)).then((response) => response.json());
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

/** The snapshot, when this browser already holds it (never downloaded here: on a first visit it
 * costs more than it saves) and it was made from this exact runtime and wheel; else null. */
async function savedSnapshot() {
  try {
    const about = await (await fetch(new URL("snapshot.json", RUNTIME))).json();
    if (about.pyodide !== version || about.calculators !== (await lock).packages.calculators?.sha256) return null;
    const saved = await fetch(new URL(about.file, RUNTIME), { cache: "only-if-cached", mode: "same-origin" });
    return saved.ok ? new Uint8Array(await saved.arrayBuffer()) : null;
  } catch {
    return null; // no snapshot in this build, or not saved yet
  }
}

async function fromSnapshot() {
  const snapshot = await savedSnapshot();
  if (!snapshot) return null;
  try {
    pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
    return pyodide.pyimport("calculators.registry");
  } catch (error) {
    console.info("The saved snapshot did not restore; starting normally.", error); // the reader sees nothing
    return null;
  }
}

async function boot() {
  post({ type: "progress", stage: "runtime" });
  let registry = await fromSnapshot();
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
