// The module worker that runs Python: loads the self-hosted Pyodide, installs the calculators wheel
// through the site-local lock (its sha256 is checked), confirms the import, then answers requests.
// JSON in, JSON out, one whitelisted entry point; errors travel back as data.

import { loadPyodide } from "../pyodide/pyodide.mjs";

const post = (message) => self.postMessage(message);

async function boot() {
  post({ type: "progress", stage: "runtime" });
  const pyodide = await loadPyodide({
    indexURL: new URL("../pyodide/", import.meta.url).href,
    stdout: () => {},
    stderr: () => {},
  });
  post({ type: "progress", stage: "calculators" });
  const problems = [];
  await pyodide.loadPackage("calculators", {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  // loadPackage resolves even when the wheel is missing: only the import proves it is there.
  let registry;
  try {
    registry = pyodide.pyimport("calculators.registry");
  } catch (error) {
    throw new Error(`The calculators package did not install. ${problems.join(" ")} ${error.message ?? error}`);
  }
  return registry.dispatch;
}

const ready = boot();
ready.then(
  () => post({ type: "ready" }),
  (error) => post({ type: "fatal", message: String(error?.message ?? error) }),
);

self.onmessage = async ({ data }) => {
  let dispatch;
  try {
    dispatch = await ready;
  } catch {
    return; // the page already has the "fatal" message
  }
  try {
    post({ type: "reply", ...JSON.parse(dispatch(JSON.stringify(data))) });
  } catch (error) {
    // A reply Python could not encode: still answer, so the page is never left waiting.
    const message = "Something went wrong inside the calculator. Your data is safe; please report this.";
    post({ type: "reply", id: data.id, ok: false, error: { code: "internal", message, field: null, detail: String(error) } });
  }
};
