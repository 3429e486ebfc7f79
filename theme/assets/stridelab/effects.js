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
export function confirm({ message, confirm_label: confirmLabel, destructive = false }) {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    // The dialog lives on <body>, outside the article: md-typeset gives it the article's type and
    // Material's buttons, which it would otherwise lose (10 px text, 11 px tall buttons).
    dialog.className = "sl-dialog md-typeset";
    const text = document.createElement("p");
    text.id = `sl-dialog-${crypto.randomUUID()}`;
    text.textContent = message;
    dialog.setAttribute("aria-describedby", text.id);
    dialog.setAttribute("aria-label", "Please confirm");
    const yes = document.createElement("button");
    // An answer that deletes or replaces the reader's data looks like every destructive button (stridelab.css).
    yes.className = destructive ? "md-button sl-button--destructive" : "md-button md-button--primary";
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
let audio = null; // one AudioContext for every beep (browsers cap how many a page may open)
let wake = null; // the screen wake lock's promise while a timer runs

/** Made only after the reader has tapped something: browsers block sound before a user gesture. */
function audioContext() {
  try {
    if (!audio && navigator.userActivation?.hasBeenActive !== false) {
      const Context = window.AudioContext ?? window.webkitAudioContext;
      audio = Context ? new Context() : null;
    }
    audio?.resume?.().catch(() => {});
  } catch {
    audio = null;
  }
  return audio;
}

/** A short beep from an oscillator (no audio file, no network); silent where audio is unavailable. */
function beep() {
  try {
    if (!audio || audio.state === "closed") return;
    const now = audio.currentTime;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.25, now);
    volume.gain.exponentialRampToValueAtTime(0.001, now + 0.4);
    tone.connect(volume).connect(audio.destination);
    tone.start(now);
    tone.stop(now + 0.4);
  } catch {
    // no sound: the vibration and the message still say the rest is over
  }
}

/** Keep the screen on while the timer runs, where the Screen Wake Lock API exists. */
function keepAwake() {
  try {
    wake ??= navigator.wakeLock?.request("screen").catch(() => null) ?? null;
  } catch {
    wake = null;
  }
}

function letSleep() {
  wake?.then((lock) => lock?.release().catch(() => {}));
  wake = null;
}

// The browser drops the lock when the tab is hidden: take it again on return while a timer runs.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") wake = null;
  else if (timer?.running) keepAwake();
});

/** Stop the rest timer and take it off the page (a session saved or discarded: no set is left to rest for). The
 * focus, if it was on the timer, goes to the answer's headline rather than to the top of the page. */
function stopTimer() {
  if (!timer) return;
  const { element } = timer;
  clearInterval(timer.interval);
  timer.running = false;
  timer = null;
  letSleep();
  const focused = element.contains(document.activeElement);
  const headline = element.parentElement?.querySelector("[data-result] [data-summary]");
  element.remove();
  if (focused && headline) {
    headline.tabIndex = -1; // script only
    headline.focus({ preventScroll: true });
  }
}

const REST_STEP_S = 30; // what −30 s and +30 s change the rest by

const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** A rest timer after a logged set: a countdown on screen, then a beep, a vibration and an announcement.
 * `over` is what a screen reader hears when the rest ends (the countdown itself is not read out); its start is said
 * with the answer that started it (calculators.js), in one announcement.
 * −30 s and +30 s change the rest while it runs (a heavy single wants more than the exercise's usual rest), each
 * saying the time now left; +30 s after the rest is over starts 30 s more. With `change` ({action, args}), each press
 * also asks `act` for that action with the rest the presses made (`seconds`), so Python keeps it for the next set. */
function restTimer({ seconds, label, over, change }, act) {
  // The calculator whose button logged the set: the timer goes in it, and Stop gives the focus back to it.
  const section = document.activeElement?.closest("[data-calculator]") ?? document.querySelector("[data-calculator]");
  stopTimer();
  audioContext(); // the tap that logged the set counts as the gesture
  keepAwake();
  const element = document.createElement("div");
  element.className = "sl-timer";
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", "Rest timer");
  const text = document.createElement("p");
  text.setAttribute("role", "timer");
  const done = document.createElement("p");
  done.setAttribute("role", "status");
  const button = (words, name) => {
    const made = document.createElement("button");
    made.className = "md-button";
    made.textContent = words;
    if (name) made.setAttribute("aria-label", name);
    return made;
  };
  const less = button("−30 s", "30 seconds less rest");
  const more = button("+30 s", "30 seconds more rest");
  const stop = button("Stop timer");
  const buttons = document.createElement("div");
  buttons.className = "sl-timer__buttons";
  buttons.append(less, more, stop);
  element.append(text, done, buttons);
  // Shown floating at the bottom right, but read where the reader is: just before the answer with the set just
  // logged and the next one, not at the end of the page after its sources. Not inside the answer, which each
  // new answer replaces.
  const result = section?.querySelector("[data-result]");
  if (result) result.before(element);
  else (document.querySelector("main") ?? document.body).append(element);
  let end = Date.now() + seconds * 1000;
  const mine = { element, running: true };
  const finish = () => {
    clearInterval(mine.interval);
    mine.running = false;
    letSleep();
  };
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    text.textContent = `${label || "Rest"}: ${clock(left)}`;
    if (left === 0 && mine.running) {
      finish();
      done.textContent = over || "Rest over: time for the next set.";
      beep();
      navigator.vibrate?.([200, 100, 200]);
    }
  };
  mine.interval = setInterval(tick, 250);
  timer = mine;
  // The rest as the buttons make it, for the next set: never under one step, as a rest cut to nothing is no rest.
  let chosen = seconds;
  const adjust = (step) => {
    if (timer !== mine) return;
    chosen = Math.max(REST_STEP_S, chosen + step);
    if (change && act) act(change.action, { ...change.args, seconds: chosen });
    end = Math.max(end, Date.now()) + step * 1000;
    if (!mine.running && end > Date.now()) {
      mine.running = true; // more rest once it was over: the countdown goes on, and ends as before
      keepAwake();
      mine.interval = setInterval(tick, 250);
    }
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    tick();
    if (mine.running) done.textContent = `Rest: ${clock(left)} left.`; // said, as the countdown is not
  };
  less.addEventListener("click", () => adjust(-REST_STEP_S));
  more.addEventListener("click", () => adjust(REST_STEP_S));
  stop.addEventListener("click", () => {
    finish();
    timer = null;
    // Removed with the focus on it, the focus would fall to the page's top: it goes on to the next set's
    // button (the answer's `data-focus`), else to the answer's headline.
    const next = result?.querySelector("[data-focus]") ?? result?.querySelector("[data-summary]");
    element.remove();
    if (!next) return;
    if (!next.matches("button, input, select, textarea, a[href], summary")) next.tabIndex = -1; // script only
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "center" });
  });
  tick();
}

/** Open another page of the site once the answer's change is stored (Today's Start opens the strength log, where
 * the session it started is logged set by set). Only a page of this site: another origin's address is ignored. */
export function go(effects) {
  const to = effects.find((effect) => effect.type === "go");
  if (!to) return;
  const url = new URL(to.href, location.href);
  if (url.origin === location.origin) location.assign(url);
}

/** Perform the reply's downloads and timers now; return the confirmations still to ask. `act(action, args)` sends
 * an action of the calculator that answered (a rest timer's change). */
export function perform(effects, act) {
  for (const effect of effects) {
    if (effect.type === "download") download(effect);
    else if (effect.type === "timer") restTimer(effect, act);
    else if (effect.type === "stop_timer") stopTimer();
  }
  return effects.filter((effect) => effect.type === "confirm");
}
