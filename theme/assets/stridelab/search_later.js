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
