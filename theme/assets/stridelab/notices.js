// Tells the reader, in words, when their browser storage fails: one banner, text through textContent.

import * as store from "./store.js";

export function showStoreProblems() {
  let banner = null;
  store.subscribe((event) => {
    if (event.type !== "problem") return;
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "sl-notice";
      banner.setAttribute("role", "alert");
      document.querySelector(".md-content__inner")?.prepend(banner);
    }
    const line = document.createElement("p");
    line.dataset.storeProblem = event.error.code;
    line.textContent = event.error.message;
    if (event.error.code === "newer") {
      const reload = document.createElement("button");
      reload.className = "md-button";
      reload.textContent = "Reload";
      reload.addEventListener("click", () => location.reload());
      line.append(" ", reload);
    }
    banner.append(line);
  });
}
