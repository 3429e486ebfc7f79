import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href });
self.postMessage(pyodide.runPython("import json; json.dumps({'ok': True})"));
