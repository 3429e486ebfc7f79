// The small fixed vocabulary of effects a calculator's reply may ask for. A calculator never needs
// its own JavaScript: it names an effect, and this module performs it.

/** Save text as a file on the reader's device (a backup, an export). */
function download({ filename, mime, text }) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Ask a yes/no question in a modal dialog (not window.confirm); resolves true when confirmed. */
export function confirm({ message, confirm_label: confirmLabel }) {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    dialog.className = "sl-dialog";
    const text = document.createElement("p");
    text.id = `sl-dialog-${crypto.randomUUID()}`;
    text.textContent = message;
    dialog.setAttribute("aria-describedby", text.id);
    dialog.setAttribute("aria-label", "Please confirm");
    const yes = document.createElement("button");
    yes.className = "md-button md-button--primary";
    yes.textContent = confirmLabel || "Yes";
    const no = document.createElement("button");
    no.className = "md-button";
    no.textContent = "Cancel";
    const buttons = document.createElement("div");
    buttons.className = "sl-dialog__buttons";
    buttons.append(no, yes);
    dialog.append(text, buttons);
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener("click", () => close(true));
    no.addEventListener("click", () => close(false));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus(); // the safe answer is the default one
  });
}

let timer = null;

/** A rest timer after a logged set: a countdown on screen, then a vibration and an announcement. */
function restTimer({ seconds, label }) {
  clearInterval(timer?.interval);
  timer?.element.remove();
  const element = document.createElement("div");
  element.className = "sl-timer";
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", "Rest timer");
  const text = document.createElement("p");
  text.setAttribute("role", "timer");
  const done = document.createElement("p");
  done.setAttribute("role", "status");
  const stop = document.createElement("button");
  stop.className = "md-button";
  stop.textContent = "Stop timer";
  element.append(text, done, stop);
  (document.querySelector("main") ?? document.body).append(element);
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    text.textContent = `${label || "Rest"}: ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    if (left === 0) {
      clearInterval(timer.interval);
      done.textContent = "Rest over: time for the next set.";
      navigator.vibrate?.([200, 100, 200]);
    }
  };
  timer = { element, interval: setInterval(tick, 250) };
  stop.addEventListener("click", () => {
    clearInterval(timer.interval);
    element.remove();
  });
  tick();
}

/** Perform the reply's downloads and timers now; return the confirmations still to ask. */
export function perform(effects) {
  for (const effect of effects) {
    if (effect.type === "download") download(effect);
    else if (effect.type === "timer") restTimer(effect);
  }
  return effects.filter((effect) => effect.type === "confirm");
}
