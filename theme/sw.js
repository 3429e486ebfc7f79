// Stridelab's service worker: after one visit the site works with no network, and a new version is
// offered, never forced.
//
// The build (theme/hooks/service_worker.py) writes the precache manifest below: every file with its
// revision, a prefix of its sha256. Each file is cached under a key that carries its revision, so a
// new version downloads only the files whose revision changed, and this worker only ever serves the
// revisions it was built with: pages and assets of two versions never mix. Every download is checked
// against its revision before it is kept.
//
// "shell" (pages, search index, styles, scripts, icons) is cached on install. "runtime" (Pyodide,
// the calculators wheel, the lock, the FIT decoder, the memory snapshot) only when the reader first uses
// a calculator, presses "Save for offline" or installs the app; once saved, each new version keeps it
// up to date.

const PRECACHE = self.__STRIDELAB_PRECACHE;

const BASE = new URL("./", self.location.href); // the site root, also under a sub-path
const CACHE = `stridelab:${BASE.pathname}:files`;
const PARALLEL = 6;
// A file not saved yet comes from the network, where a deploy may already have replaced it. One up to
// this size (a page, the lock, the snapshot's description, the calculators wheel) is served only once
// its bytes prove to be this version's, so this version's pages never run the next version's Python.
// Larger runtime files stream as they arrive: whether they are used is decided by the checked lock and
// snapshot description (Pyodide checks each package against the lock; the snapshot is named after its
// content, and used only when the description names this runtime and wheel).
const CHECKED_BEFORE_SERVING = 1_000_000; // bytes

const FILES = new Map(); // path → {revision, group}
for (const group of ["shell", "runtime"]) {
  for (const [path, revision] of Object.entries(PRECACHE[group])) FILES.set(path, { revision, group });
}
const RUNTIME = [...FILES].filter(([, file]) => file.group === "runtime").map(([path]) => path);
const ON_DEMAND = new Set(PRECACHE.onDemand); // libraries a page fetches only when a reader needs one

// Stored responses get the type their extension calls for: a .wasm must be application/wasm for
// WebAssembly.instantiateStreaming, a module script must be JavaScript, whatever the host sent.
const TYPES = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json",
  webmanifest: "application/manifest+json",
  wasm: "application/wasm",
  zip: "application/zip",
  whl: "application/zip",
  bin: "application/octet-stream",
  png: "image/png",
  svg: "image/svg+xml",
  ico: "image/x-icon",
  xml: "application/xml",
  txt: "text/plain; charset=utf-8",
};

const keyOf = (path) => new URL(`${encodeURI(path)}?__rev=${FILES.get(path).revision}`, BASE).href;
// Pages are fetched at the address readers use (hosts with "pretty URLs" redirect …/index.html).
const urlOf = (path) => new URL(encodeURI(path.replace(/(^|\/)index\.html$/, "$1")), BASE).href;

/** The manifest path a same-origin URL stands for ("guides/x/" → "guides/x/index.html"), or null. */
function pathOf(url) {
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(BASE.pathname.length));
  } catch {
    return null;
  }
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

async function sha256Hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** `response`'s bytes if they are this version's `path`, else null. */
async function checked(path, response) {
  if (!response.ok) return null;
  const body = await response.arrayBuffer();
  return (await sha256Hex(body)).startsWith(FILES.get(path).revision) ? body : null;
}

/** The Response kept and served for `path` with these checked bytes. */
function asStored(path, response, body) {
  const headers = new Headers(response.headers);
  // The body is stored decoded; a fresh Response also drops `redirected`, which navigations refuse.
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(name);
  const type = TYPES[path.split(".").pop()];
  if (type) headers.set("content-type", type);
  return new Response(body, { status: 200, statusText: "OK", headers });
}

/** Keep `response` as `path` if its bytes are this version's; resolves to whether it was kept. */
async function keep(cache, path, response) {
  const body = await checked(path, response);
  if (body === null) return false;
  await cache.put(keyOf(path), asStored(path, response, body));
  return true;
}

const saving = new Map(); // path → promise of a download under way, so no file is fetched twice at once

function once(path, task) {
  if (!saving.has(path)) saving.set(path, task().finally(() => saving.delete(path)));
  return saving.get(path);
}

/** Download `path` and keep it; a copy that is not this version's fails (a deploy under way). */
async function download(cache, path) {
  await saving.get(path)?.catch(() => {}); // a page's request for it may be under way
  if (await cache.match(keyOf(path))) return;
  const kept = await once(path, async () => {
    // The HTTP cache first (a 304 costs nothing), then past it, in case it held an older copy.
    for (const mode of ["no-cache", "reload"]) {
      let response;
      try {
        response = await fetch(urlOf(path), { cache: mode });
      } catch {
        throw new Error("the site could not be reached.");
      }
      if (await keep(cache, path, response)) return true;
    }
    return false;
  });
  if (!kept) throw new Error(`${path} on the server is not the file this version of Stridelab expects.`);
}

/** Take `path` from the browser's HTTP cache, where a page's start left it, else download it. */
async function adopt(cache, path) {
  if (await cache.match(keyOf(path))) return;
  try {
    const copy = await fetch(urlOf(path), { cache: "only-if-cached", mode: "same-origin" });
    if (await keep(cache, path, copy)) return;
  } catch {
    // not in the HTTP cache: this start did not need it (a snapshot start installs no wheel)
  }
  await download(cache, path);
}

async function pool(items, task) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length) await task(queue.shift());
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function missing(cache, paths) {
  const have = new Set((await cache.keys()).map((request) => request.url));
  return paths.filter((path) => !have.has(keyOf(path)));
}

async function runtimeSaved(cache) {
  return (await missing(cache, RUNTIME)).length === 0;
}

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

async function state(cache) {
  return { type: "state", version: PRECACHE.version, runtime: await runtimeSaved(cache), runtimeBytes: PRECACHE.runtimeBytes };
}

/** Cache the runtime: from the network (`how` "download") or first from what a page's start has just
 * fetched ("adopt", sent once the page's engine has started); the libraries loaded on demand and the
 * snapshot come last, so they never compete with what a start needs. */
async function saveRuntime(how) {
  const cache = await caches.open(CACHE);
  const todo = await missing(cache, RUNTIME);
  const save = how === "download" ? download : adopt;
  for (const last of [false, true]) {
    await pool(
      todo.filter((path) => ON_DEMAND.has(path) === last),
      (path) => save(cache, path),
    );
  }
  const now = await state(cache);
  if (todo.length && now.runtime) await tellPages(now);
  return now;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const have = (await cache.keys()).map((request) => pathOf(new URL(request.url)));
      // A reader who saved the runtime with an earlier version keeps it: its changed files come now.
      const keepRuntime = RUNTIME.some((path) => have.includes(path));
      const wanted = [...FILES].filter(([, file]) => file.group === "shell" || keepRuntime).map(([path]) => path);
      await pool(await missing(cache, wanted), (path) => download(cache, path));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([...FILES.keys()].map(keyOf));
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) {
        if (!current.has(request.url)) await cache.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const reply = (message) => event.ports[0]?.postMessage(message);
  switch (event.data?.type) {
    case "skip-waiting": // the reader pressed "Reload to update"
      self.skipWaiting();
      break;
    case "state":
      event.waitUntil(caches.open(CACHE).then(state).then(reply));
      break;
    case "save-runtime":
      event.waitUntil(
        saveRuntime(event.data.how).then(reply, (error) => reply({ type: "error", message: String(error.message ?? error) })),
      );
      break;
  }
});

async function respond(event, path) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(keyOf(path));
  if (hit) return hit;
  if (saving.has(path)) {
    await saving.get(path).catch(() => {});
    const saved = await cache.match(keyOf(path));
    if (saved) return saved;
  }
  // Not saved yet (the runtime before its first use) or evicted: the network, kept if it is ours.
  const kept = (response) =>
    event.waitUntil(
      once(path, () => keep(cache, path, response))
        .then(async (ok) => {
          if (ok && FILES.get(path).group === "runtime" && (await runtimeSaved(cache))) await tellPages(await state(cache));
        })
        .catch(() => {}), // not kept (storage full): served all the same, and asked for again next time
    );
  const response = await fetch(event.request);
  const length = response.headers.get("content-length");
  if (!response.ok || length === null || Number(length) > CHECKED_BEFORE_SERVING) {
    if (response.ok) kept(response.clone());
    return response;
  }
  // Small: served only once its bytes prove to be this version's; the HTTP cache's copy first, then past it.
  for (const attempt of [response, () => fetch(urlOf(path), { cache: "no-cache" })]) {
    const candidate = typeof attempt === "function" ? await attempt() : attempt;
    const body = await checked(path, candidate);
    if (body !== null) {
      kept(asStored(path, candidate, body));
      return asStored(path, candidate, body);
    }
  }
  const text = "This file on the server is from a newer version of Stridelab than this page.";
  return new Response(text, { status: 503, statusText: "Service Unavailable" });
}

async function navigate(event, url, path) {
  if (path !== null && FILES.has(path)) return respond(event, path);
  if (path !== null && FILES.has(`${path}/index.html`)) {
    return Response.redirect(new URL(`${url.pathname}/${url.search}`, url).href, 301);
  }
  try {
    return await fetch(event.request);
  } catch (error) {
    const notFound = FILES.has("404.html") && (await (await caches.open(CACHE)).match(keyOf("404.html")));
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const url = new URL(request.url);
  const path = pathOf(url);
  if (request.mode === "navigate" && url.origin === BASE.origin) event.respondWith(navigate(event, url, path));
  else if (path !== null && FILES.has(path)) event.respondWith(respond(event, path));
});
