// The benchmark's floor: our engine (worker.mjs and its saved snapshot) on a page with nothing else, asked
// what the race calculator is asked when a reader types a time. The calculator page's time minus this
// one is what the page itself costs. The request is written beside this file by benchmarks/startup.py.
import * as engine from "../assets/stridelab/engine.js";

const result = document.querySelector("#result");
engine.start();
const request = fetch(new URL("request.json", import.meta.url)).then((response) => response.json());
const { payload, ...call } = await request;
const reply = await engine.call(call, () => payload);
result.textContent = reply.ok ? "Done." : reply.error.message;
result.dataset[reply.ok ? "done" : "error"] = String(performance.now());
