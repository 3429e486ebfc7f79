// On a page whose calculator is on the first screen (a tool page), the calculator engine starts from
// <head>, before the page's other scripts run: a worker's start waits for the page's main thread,
// which Material's scripts then keep busy for about 0.3 s (measured: the first answer came 0.1–0.15 s
// sooner, on a first visit and a returning one). engine.js adopts this worker with the messages it
// sent meanwhile. A classic script, run as soon as it arrives (async), unlike a module.
(() => {
  if (window.stridelabEarlyEngine !== undefined) return; // engine.js has started the engine already
  const worker = new Worker(new URL("worker.mjs", document.currentScript.src), { type: "module" });
  const early = [];
  const keep = ({ data }) => early.push(data);
  const failed = (event) => {
    event.preventDefault(); // reported by engine.js, in words for the reader
    early.push({ type: "load-error" });
  };
  worker.addEventListener("message", keep);
  worker.addEventListener("error", failed);
  window.stridelabEarlyEngine = {
    worker,
    /** Stop keeping what the worker sends; what it sent so far, in order. */
    adopt() {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", failed);
      return early;
    },
  };
})();
