// The one module that touches localStorage. Everything the reader keeps goes through here.
//
// One key per collection ("profile", "settings", later "runs", "strength", …), namespaced by the
// site's path and the schema major version, so two Stridelab sites on one origin, or two schema
// versions, never share a key. A collection is {schema, entries: {id: value}}; every change is an
// operation on one entry, applied under a Web Lock after re-reading the key, so two tabs (or two
// calculators on one page) never overwrite each other's entries.

export const SCHEMA = 1;

const SCOPE = new URL("../../", import.meta.url).pathname;
const PREFIX = `stridelab:${SCOPE}:`;
const keyOf = (collection) => `${PREFIX}v${SCHEMA}:${collection}`;

export class StoreError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code; // "unavailable" | "quota" | "newer" | "corrupt"
  }
}

const MESSAGES = {
  unavailable:
    "Your browser is not letting this site store anything (private browsing or blocked site data), " +
    "so your inputs will not be remembered. Everything still calculates.",
  quota:
    "Your browser's storage for this site is full, so this change was not saved. " +
    "Nothing already stored was changed.",
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
let problem = null; // the first StoreError met, shown to the reader once

function report(error) {
  problem ??= error;
  for (const listener of listeners) listener({ type: "problem", error });
}

/** Call `listener({type: "change", collection})` when another tab changes a collection, and
 * `listener({type: "problem", error})` when storage fails. Returns the unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  if (problem) listener({ type: "problem", error: problem });
  return () => listeners.delete(listener);
}

window.addEventListener("storage", (event) => {
  if (!event.key?.startsWith(PREFIX)) return;
  const collection = event.key.slice(PREFIX.length).split(":")[1];
  for (const listener of listeners) listener({ type: "change", collection });
});

function load(ls, collection) {
  const key = keyOf(collection);
  const raw = ls.getItem(key);
  if (raw === null) return { schema: SCHEMA, entries: {} };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    data = null;
  }
  if (data === null || typeof data !== "object" || typeof data.entries !== "object" || data.entries === null) {
    // Never overwrite what we cannot read: move it aside where a backup or a bug report can find it.
    const aside = `${PREFIX}quarantine:${collection}:${Date.now()}`;
    ls.setItem(aside, raw);
    ls.removeItem(key);
    report(
      new StoreError(
        "corrupt",
        `Some stored ${collection} data could not be read. It has been kept aside (not deleted) ` +
          "and this page starts from empty for that part.",
      ),
    );
    return { schema: SCHEMA, entries: {} };
  }
  if (data.schema > SCHEMA) throw new StoreError("newer", MESSAGES.newer);
  return data;
}

/** The entries of a collection as {id: value}; empty when storage is unavailable. */
export function entries(collection) {
  const ls = storage();
  if (!ls) {
    report(new StoreError("unavailable", MESSAGES.unavailable));
    return {};
  }
  try {
    return load(ls, collection).entries;
  } catch (error) {
    report(error instanceof StoreError ? error : new StoreError("unavailable", MESSAGES.unavailable));
    return {};
  }
}

export function get(collection, id) {
  return entries(collection)[id];
}

function withLock(name, task) {
  return navigator.locks ? navigator.locks.request(name, task) : Promise.resolve().then(task);
}

/** Apply operations {op: "put"|"delete", collection, id, value} and resolve to true when all were saved.
 * Each collection is re-read inside its lock, so concurrent writers from other tabs are kept. */
export async function apply(ops) {
  const ls = storage();
  if (!ls) {
    report(new StoreError("unavailable", MESSAGES.unavailable));
    return false;
  }
  const byCollection = Map.groupBy(ops, (op) => op.collection);
  let saved = true;
  for (const [collection, group] of byCollection) {
    const key = keyOf(collection);
    await withLock(key, () => {
      try {
        const data = load(ls, collection);
        for (const op of group) {
          if (op.op === "put") data.entries[op.id] = op.value;
          else if (op.op === "delete") delete data.entries[op.id];
        }
        ls.setItem(key, JSON.stringify(data));
      } catch (error) {
        saved = false;
        const quota = error?.name === "QuotaExceededError";
        report(error instanceof StoreError ? error : new StoreError(quota ? "quota" : "unavailable", MESSAGES[quota ? "quota" : "unavailable"]));
      }
    });
  }
  return saved;
}
