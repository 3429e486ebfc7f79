// Material fetches and builds its search index as soon as a page loads: about a quarter of a second of
// CPU on a 2-core machine, and main-thread work Lighthouse counts as blocking time, taken from the page's
// own start (measured: it delayed a calculator's first answer by 0.1–0.15 s). Here its request waits
// until the reader reaches for the search, as Material itself does for a site opened from disk; the
// search shows "Initializing search" for that moment. Material 9 asks with XMLHttpRequest; were it to
// ask otherwise, this holds nothing back. A classic script, run before Material's.
(() => {
  const INDEX = new URL("../../search/search_index.json", document.currentScript.src).href;
  const { open, send } = XMLHttpRequest.prototype;
  const urls = new WeakMap();
  let release;
  const needed = new Promise((resolve) => {
    release = resolve;
  });

  // Its worker (its script alone is 30 ms of CPU) is made then too: Material gets a stand-in that passes
  // messages both ways once the real worker exists.
  const SearchWorker = window.Worker;
  window.Worker = function Worker(url, options) {
    if (!new URL(url, document.baseURI).pathname.includes("/workers/search.")) return new SearchWorker(url, options);
    const standIn = new EventTarget();
    const worker = needed.then(() => {
      const real = new SearchWorker(url, options);
      for (const type of ["message", "messageerror", "error"]) {
        real.addEventListener(type, (event) => standIn.dispatchEvent(new event.constructor(type, event)));
      }
      return real;
    });
    worker.catch((error) => standIn.dispatchEvent(new ErrorEvent("error", { error, message: String(error) })));
    standIn.postMessage = (...message) => worker.then((real) => real.postMessage(...message), () => {});
    standIn.terminate = () => worker.then((real) => real.terminate(), () => {});
    return standIn;
  };
  window.Worker.prototype = SearchWorker.prototype; // `instanceof Worker` still holds for real workers

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    urls.set(this, new URL(url, document.baseURI).href);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (urls.get(this) !== INDEX) return send.apply(this, args);
    needed.then(() => send.apply(this, args));
  };

  // The reader reaches for the search: the toggle, the field (also through Material's keyboard shortcuts).
  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search") release();
  });
})();
