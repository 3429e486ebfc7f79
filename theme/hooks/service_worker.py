"""Write the service worker's precache manifest into ``sw.js``: every built file with its own revision.

A revision is a prefix of the sha256 of the file exactly as it is served, so the service worker's
bytes change whenever any file changes, and a new version re-downloads only the files whose
revision changed. It runs after every hook that changes a file (``security_headers.py`` writes each
page's policy ``<meta>``), so the revisions are those of the files exactly as they ship.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from pathlib import Path
from typing import Any

from build_files import sha256_file
from mkdocs.exceptions import PluginError

SERVICE_WORKER = "sw.js"
#: Replaced, once, by the manifest (a JSON object, so the built file stays plain JavaScript).
PLACEHOLDER = "self.__STRIDELAB_PRECACHE"
_ASSIGNMENT = "const PRECACHE = "
REVISION_CHARS = 16
#: The Pyodide runtime, the wheel and the lock: cached on first calculator use, never on install.
RUNTIME_DIR = "assets/pyodide/"
#: What the service worker saves last, after the rest of the runtime: the libraries the worker installs
#: only when a reader needs one (every wheel but ours: the FIT decoder) and the memory snapshot (18 MB,
#: downloaded at start-up only by a first visit over a fast connection).
ON_DEMAND = (f"{RUNTIME_DIR}*.whl", f"{RUNTIME_DIR}snapshot-*.bin")
NOT_ON_DEMAND = (f"{RUNTIME_DIR}calculators-*.whl",)
# Never cached: host configuration, the service worker itself (the browser fetches it on its own),
# source maps (only developer tools read them) and precompressed copies (alternates of cached files,
# which some hosts serve with a Content-Encoding that would change the bytes fetch() returns).
NOT_CACHED = ("_headers", SERVICE_WORKER, "*.map", "*.gz", "*.br")
# Material's extra lunr languages: the search worker loads them only for a language other than English.
LUNR_DIR = "assets/javascripts/lunr/"


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:REVISION_CHARS]


def _cached(path: str, search_languages: list[str]) -> bool:
    if any(fnmatch.fnmatchcase(path.rsplit("/", 1)[-1], pattern) for pattern in NOT_CACHED):
        return False
    return not (path.startswith(LUNR_DIR) and set(search_languages) <= {"en"})


def precache_manifest(site: Path, search_languages: list[str]) -> dict[str, Any]:
    """``{"version", "shell": {path: revision}, "runtime": {path: revision}, "onDemand": [path],
    "runtimeBytes"}`` for ``site``.

    Paths are relative to the site root, in POSIX form, as the service worker resolves them against
    its own URL.
    """
    shell: dict[str, str] = {}
    runtime: dict[str, str] = {}
    runtime_bytes = 0
    for file in sorted(site.rglob("*")):
        path = file.relative_to(site).as_posix()
        if not file.is_file() or not _cached(path, search_languages):
            continue
        digest = sha256_file(file)[:REVISION_CHARS]
        if path.startswith(RUNTIME_DIR):
            runtime[path] = digest
            runtime_bytes += file.stat().st_size
        else:
            shell[path] = digest
    on_demand = [
        path
        for path in runtime
        if any(fnmatch.fnmatchcase(path, p) for p in ON_DEMAND)
        and not any(fnmatch.fnmatchcase(path, p) for p in NOT_ON_DEMAND)
    ]
    manifest: dict[str, Any] = {
        "shell": shell,
        "runtime": runtime,
        "onDemand": on_demand,
        "runtimeBytes": runtime_bytes,
    }
    manifest["version"] = revision(json.dumps(manifest, sort_keys=True).encode())
    return manifest


def inject(worker: str, manifest: dict[str, Any]) -> str:
    """The service worker's source with the manifest in place of the placeholder."""
    if worker.count(PLACEHOLDER) != 1:
        raise PluginError(
            f"{SERVICE_WORKER} must contain {PLACEHOLDER} exactly once (the precache manifest goes there)"
        )
    return worker.replace(PLACEHOLDER, json.dumps(manifest, sort_keys=True, separators=(",", ":")))


def read_manifest(worker: str) -> dict[str, Any]:
    """The manifest a built ``sw.js`` carries (for tests and for debugging a deployed site)."""
    start = worker.index(_ASSIGNMENT) + len(_ASSIGNMENT)
    manifest: dict[str, Any] = json.JSONDecoder().raw_decode(worker, start)[0]
    return manifest


def _search_languages(config: Any) -> list[str]:
    plugins = config["plugins"]
    search = plugins.get("material/search") or plugins.get("search")
    languages = getattr(getattr(search, "config", None), "lang", None) or ["en"]
    return [languages] if isinstance(languages, str) else list(languages)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    worker = site / SERVICE_WORKER
    if not worker.is_file():
        raise PluginError(f"theme/{SERVICE_WORKER} was not copied into the site")
    manifest = precache_manifest(site, _search_languages(config))
    worker.write_text(inject(worker.read_text(encoding="utf-8"), manifest), encoding="utf-8")
