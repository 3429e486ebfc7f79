"""Write a memory snapshot of Pyodide with the calculators already imported, for fast returning visits.

A normal start instantiates the interpreter, then installs and imports our wheel (about 2 s on a
2-core machine before the first answer). Restoring a snapshot of that state skips both. The
snapshot is made here, in Node, from the exact runtime files and wheel the site ships, and
``snapshot.json`` names them: the worker uses the snapshot only when the Pyodide version it loaded
and the wheel's sha256 in the site's lock match it, and falls back to a normal start on any failure.

The interpreter's memory is 30 MB, over 40 % of it zero pages (stack and heap not yet used): the
file holds only the other pages, back to back (18 MB, about 6 MB compressed), and ``snapshot.json``
says where each run of them goes (``parts``, byte offsets and lengths) in a memory of ``size`` bytes.
A returning visit reads it from the service worker's cache while the page and Pyodide load; the
reader's device keeps 13 MB less. On a first visit it is more than a first start costs on a slow
connection, so the worker downloads it only while the connection proves fast enough, and gives up
for a normal start otherwise (``bytes``, the file's length, lets it judge the pace); the service
worker keeps it for later visits (see ``theme/sw.js``). Making one takes several seconds,
so snapshots are kept in ``.cache/snapshots/`` under the hash of their inputs: a content-only
rebuild reuses it. The file itself is named after its content, as two runs from the same inputs do not
write the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from build_files import link_or_copy, sha256_file

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "snapshots"
RUNTIME_DIR = "assets/pyodide"
#: What the snapshot depends on: the interpreter, its standard library, its loader, and our wheel.
INPUTS = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide.mjs")
#: Zero pages are left out at WebAssembly's page size; part of the cache key, as it is of the file's format.
PAGE = 65536
log = logging.getLogger("mkdocs.hooks.runtime_snapshot")

# Run by Node with the runtime folder as its working directory: start Pyodide in snapshot-making
# mode, unpack the wheel into site-packages, import every calculator, write the snapshot.
_MAKE = """
import { loadPyodide } from "./pyodide.mjs";
import { readFileSync, writeFileSync } from "node:fs";
// Paths come by environment, not argv: Emscripten copies argv into the interpreter (sys.argv, $_),
// and the snapshot is public.
const { STRIDELAB_WHEEL: wheel, STRIDELAB_SNAPSHOT: out } = process.env;
const quiet = { stdout: () => {}, stderr: () => {} };
const pyodide = await loadPyodide({ indexURL: process.cwd() + "/", _makeSnapshot: true, ...quiet });
const extractDir = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir });
pyodide.runPython("import calculators.registry; calculators.registry.CALCULATORS");  // every calculator imported
writeFileSync(out, pyodide.makeMemorySnapshot());
"""


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256(f"non-zero pages of {PAGE} bytes\n".encode())
    for path in paths:
        digest.update(f"{path.name}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def pack(memory: bytes) -> tuple[bytes, list[list[int]]]:
    """``memory`` without its zero pages, and where each run of the pages kept goes: [offset, length]."""
    parts: list[list[int]] = []
    for offset in range(0, len(memory), PAGE):
        page = memory[offset : offset + PAGE]
        if page.count(0) != len(page):
            if parts and sum(parts[-1]) == offset:
                parts[-1][1] += len(page)
            else:
                parts.append([offset, len(page)])
    return b"".join(memory[offset : offset + length] for offset, length in parts), parts


def make_snapshot(runtime: Path, wheel: Path, out: Path) -> None:
    """Make a snapshot in Node from the runtime in ``runtime`` and ``wheel``, written to ``out``."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is not installed")
    done = subprocess.run(
        [node, "--input-type=module", "-e", _MAKE],
        cwd=runtime,
        env={**os.environ, "STRIDELAB_WHEEL": str(wheel), "STRIDELAB_SNAPSHOT": str(out)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no snapshot written")


def on_post_build(config: Any, **_: Any) -> None:
    runtime = Path(config["site_dir"]) / RUNTIME_DIR
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    package = lock["packages"]["calculators"]
    wheel = runtime / package["file_name"]
    key = _digest([*(runtime / name for name in INPUTS), wheel])[:24]
    cached = CACHE / f"snapshot-{key}"  # the file and its layout.json, made and kept together
    if not cached.is_dir():
        try:
            _make_cached(runtime, wheel, cached)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            # The site still works without one: every visit makes a normal start.
            log.info("No memory snapshot this build (%s); the calculators start normally.", error)
            return
    layout = json.loads((cached / "layout.json").read_text())
    snapshot = cached / layout["file"]
    link_or_copy(snapshot, runtime / snapshot.name)
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    about = {"bytes": snapshot.stat().st_size, **layout, "pyodide": version, "calculators": package["sha256"]}
    (runtime / "snapshot.json").write_text(json.dumps(about, sort_keys=True))


def _make_cached(runtime: Path, wheel: Path, cached: Path) -> None:
    """Make the snapshot into the folder ``cached``: the packed file, named after its content (a browser's
    HTTP cache can never pair another build's file with this layout), and ``layout.json``. Both are written
    in a folder of their own, renamed into place at once: two builds at once never mix theirs."""
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        make_snapshot(runtime, wheel, partial / "memory")
        memory = (partial / "memory").read_bytes()
        stored, parts = pack(memory)
        name = f"snapshot-{hashlib.sha256(stored).hexdigest()[:24]}.bin"
        (partial / name).write_bytes(stored)
        (partial / "memory").unlink()
        (partial / "layout.json").write_text(json.dumps({"file": name, "size": len(memory), "parts": parts}))
        with contextlib.suppress(OSError):  # another build finished first: its snapshot is as good
            partial.rename(cached)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    if not (cached / "layout.json").is_file():  # the rename failed, and not for another build's copy
        raise OSError(f"the snapshot could not be kept in {cached.parent}")
    kept = [path for path in CACHE.glob("snapshot-*") if path.is_dir() and not path.name.endswith(".part")]
    for old in sorted(kept, key=lambda path: path.stat().st_mtime)[:-4]:
        shutil.rmtree(old)  # keep the last few, for switching branches
