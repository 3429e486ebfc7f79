// Tells the reader, in words, when their browser storage fails: a banner through textContent.

import * as store from "./store.js";

export function showStoreProblems() {
  let banner = null;
  store.subscribe((event) => {
    if (event.type !== "problem") return;
    if (!banner) {
      banner = document.createElement("p");
      banner.className = "sl-notice";
      banner.setAttribute("role", "alert");
      banner.dataset.storeProblem = event.error.code;
      document.querySelector(".md-content__inner")?.prepend(banner);
    }
    banner.textContent = event.error.message;
  });
}
