// The one module that touches localStorage. Everything the reader keeps goes through here.
//
// Every entry has its own key: stridelab:<site path>:v<schema>:<collection>:<entry id>. Changes are
// operations on one entry ({op: "put"|"delete", collection, id, value}), each a single synchronous
// setItem or removeItem, so:
// - two tabs adding entries at once can never drop each other's: they never write the same key.
//   (A whole collection under one key, even re-read inside a Web Lock, lost entries in Chromium:
//   each tab reads a cached copy that other tabs' writes reach only later.)
// - nothing waits: an operation is stored before apply() returns, so there is nothing to flush
//   when the page is hidden or closed.
// A value that does not parse is moved aside (quarantined), never overwritten; keys of a newer
// schema make this tab read-only, so an older page never writes over newer data.

const SCHEMA = 1;

const SCOPE = new URL("../../", import.meta.url).pathname;
const PREFIX = `stridelab:${SCOPE}:`;
const DATA = `${PREFIX}v${SCHEMA}:`;
const keyOf = (collection, id) => `${DATA}${collection}:${id}`;

class StoreError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code; // "unavailable" | "quota" | "newer" | "corrupt"
  }
}

const MESSAGES = {
  unavailable:
    "Your browser is not letting this site store anything (private browsing or blocked site data), " +
    "so nothing you enter will be remembered. Everything still calculates.",
  quota:
    "Your browser's storage for this site is full, so your last change was not saved. " +
    "Nothing already stored was changed. Download a backup, then delete data you no longer need.",
  newer:
    "Your data was saved by a newer version of Stridelab, so this page will not change it. " +
    "Reload to get the newer version.",
};

function storage() {
  // The getter itself throws where storage is blocked.
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const listeners = new Set();
const problems = [];

function report(code, message = MESSAGES[code]) {
  if (problems.some((p) => p.code === code && p.message === message)) return;
  const error = new StoreError(code, message);
  problems.push(error);
  for (const listener of listeners) listener({ type: "problem", error });
}

/** Call `listener({type: "change", collection})` when another tab changes a collection, and
 * `listener({type: "problem", error})` when storage fails. Returns the unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  for (const error of problems) listener({ type: "problem", error });
  return () => listeners.delete(listener);
}

window.addEventListener("storage", (event) => {
  if (!event.key?.startsWith(DATA)) return;
  const collection = event.key.slice(DATA.length).split(":", 1)[0];
  for (const listener of listeners) listener({ type: "change", collection });
});

/** Every key of ours at this schema, split into [collection, id]; [] when storage is unavailable. */
function ownKeys(ls) {
  const found = [];
  for (let i = 0; i < ls.length; i++) {
    const key = ls.key(i);
    if (!key?.startsWith(DATA)) continue;
    const rest = key.slice(DATA.length);
    const cut = rest.indexOf(":");
    if (cut > 0) found.push([rest.slice(0, cut), rest.slice(cut + 1)]);
  }
  return found;
}

function isNewer(ls) {
  for (let i = 0; i < ls.length; i++) {
    const match = ls.key(i)?.startsWith(PREFIX) && ls.key(i).slice(PREFIX.length).match(/^v(\d+):/);
    if (match && Number(match[1]) > SCHEMA) return true;
  }
  return false;
}

const unreadable = new Set(); // keys holding what could not be read nor moved aside: never written over

function readEntry(ls, collection, id) {
  const key = keyOf(collection, id);
  const raw = ls.getItem(key);
  try {
    return JSON.parse(raw);
  } catch {
    // Never overwrite what we cannot read: move it aside where a backup or a bug report can find it.
  }
  try {
    ls.setItem(`${PREFIX}quarantine:${Date.now()}:${collection}:${id}`, raw);
    ls.removeItem(key);
    unreadable.delete(key); // storage was freed since: the key is free to write again
    report(
      "corrupt",
      `A stored entry (${collection}) could not be read. It has been kept aside, not deleted, ` +
        "and the rest of your data is unaffected.",
    );
  } catch {
    // No room to move it aside (storage full): it stays where it is, and this page never writes over it.
    unreadable.add(key);
    report(
      "corrupt",
      `A stored entry (${collection}) could not be read, and storage is too full to keep a copy aside, ` +
        "so it is left as it is and this page will not change it. The rest of your data is unaffected.",
    );
  }
  return undefined;
}

/** {collection: {id: value}} for the names given ("*" for every collection). */
export function snapshot(names) {
  const ls = storage();
  if (!ls) {
    report("unavailable");
    return Object.fromEntries(names.filter((n) => n !== "*").map((n) => [n, {}]));
  }
  const all = names.includes("*");
  const result = Object.fromEntries(names.filter((n) => n !== "*").map((n) => [n, {}]));
  try {
    if (isNewer(ls)) report("newer");
    for (const [collection, id] of ownKeys(ls)) {
      if (!all && !(collection in result)) continue;
      const value = readEntry(ls, collection, id);
      if (value !== undefined) (result[collection] ??= {})[id] = value;
    }
  } catch {
    report("unavailable");
  }
  return result;
}

/** One entry, or undefined. */
export function get(collection, id) {
  const ls = storage();
  if (!ls) {
    report("unavailable");
    return undefined;
  }
  try {
    return ls.getItem(keyOf(collection, id)) === null ? undefined : readEntry(ls, collection, id);
  } catch {
    report("unavailable");
    return undefined;
  }
}

/** Stored text as JSON.stringify writes it (a value stored by hand may have spaces), or as it is if unreadable. */
function canonical(raw) {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}

/** Whether an entry that `ops` change now differs from `basis` ({collection: {id: value}}, the entries
 * the ops were worked out from): another tab, or another calculator on the page, changed it meanwhile,
 * and storing the ops would throw that change away (a set logged there, dropped from the session here).
 * Collections not in `basis` are not checked, unless it holds `"*": true` (every collection was read). */
export function changedSince(basis, ops) {
  const ls = storage();
  if (!ls) return false; // apply() says why nothing can be stored
  try {
    return ops.some((op) => {
      if (unreadable.has(keyOf(op.collection, op.id))) return false; // apply() refuses it, and the reader was told
      const entries = basis[op.collection] ?? (basis["*"] ? {} : null); // "*": a collection not there was empty
      if (!entries) return false;
      const was = Object.hasOwn(entries, op.id) ? JSON.stringify(entries[op.id]) : null;
      const raw = ls.getItem(keyOf(op.collection, op.id));
      return (raw === null ? null : canonical(raw)) !== was;
    });
  } catch {
    return false; // storage blocked: apply() says so
  }
}

// Ask once per page, when the reader first stores something of their own (a log entry, a plan), that
// the browser keep this site's data under storage pressure. Form inputs alone do not warrant it.
let persistAsked = false;
function askToPersist(ops) {
  if (persistAsked || ops.every((op) => op.collection === "settings" || op.collection === "profile")) return;
  persistAsked = true;
  navigator.storage?.persist?.().catch(() => {});
}

/** Apply operations now; true when every one was stored. A failure is reported to the reader and
 * leaves what was stored before as it was. */
export function apply(ops) {
  if (!ops.length) return true;
  const ls = storage();
  if (!ls) {
    report("unavailable");
    return false;
  }
  try {
    if (isNewer(ls)) {
      report("newer");
      return false;
    }
    if (ops.some((op) => unreadable.has(keyOf(op.collection, op.id)))) return false; // reported when read
    for (const op of ops) {
      if (op.op === "put") ls.setItem(keyOf(op.collection, op.id), JSON.stringify(op.value));
      else if (op.op === "delete") ls.removeItem(keyOf(op.collection, op.id));
    }
    askToPersist(ops);
    return true;
  } catch (error) {
    report(error?.name === "QuotaExceededError" ? "quota" : "unavailable");
    return false;
  }
}

// Say so at once when a newer Stridelab has stored data here, before the reader types anything.
try {
  const ls = storage();
  if (ls && isNewer(ls)) report("newer");
} catch {
  report("unavailable");
}
