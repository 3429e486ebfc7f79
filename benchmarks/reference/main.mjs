// The benchmark's reference: the plainest way to get a Python result in a page, for comparison.
const result = document.querySelector("#result");
const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.addEventListener("message", ({ data }) => {
  result.textContent = data;
  result.dataset.done = String(performance.now());
});
