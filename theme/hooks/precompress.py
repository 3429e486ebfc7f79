"""Write brotli (``.br``) and gzip (``.gz``) copies of every large compressible file, for hosts that serve them.

``build.py serve`` sends the copy the browser accepts with its ``Content-Encoding``; the README's
deploy section says how other hosts use them. Compressing the runtime (a 9 MB ``.wasm``, an 18 MB
snapshot) takes seconds, so copies are kept in ``.cache/compressed/`` under the sha256 of the file
they were made from: a content-only rebuild only compresses the pages that changed.
"""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path
from typing import Any

import brotli
from build_files import link_or_copy, sha256_file

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "compressed"
#: Smaller files gain too little to be worth a second request header and a file on disk.
MIN_BYTES = 1024
#: Types that compress well; archives, wheels and images are compressed already.
SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest", ".wasm", ".bin"}
#: Above this size the highest settings cost seconds for about 4 % more: use faster ones.
LARGE = 1 << 20


def _brotli(data: bytes) -> bytes:
    return bytes(brotli.compress(data, quality=11 if len(data) < LARGE else 7))


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9 if len(data) < LARGE else 6, mtime=0)


def compressed_copies(file: Path) -> tuple[dict[str, Path], bool]:
    """``{".br": file, ".gz": file}``, the copies of ``file`` in the cache, and whether they had to be made
    (its bytes are new)."""
    key = sha256_file(file)
    copies = {}
    made = False
    for suffix, compress in ((".br", _brotli), (".gz", _gzip)):
        cached = CACHE / f"{key}{suffix}"
        if not cached.is_file():
            CACHE.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # two builds at once do not collide
            partial.write_bytes(compress(file.read_bytes()))
            partial.replace(cached)
            made = True
        else:
            cached.touch()  # still in use: kept by the clean-up below
        copies[suffix] = cached
    return copies, made


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    changed = False
    for file in list(site.rglob("*")):  # a list: the loop adds files
        if file.suffix not in SUFFIXES or not file.is_file() or file.stat().st_size < MIN_BYTES:
            continue
        copies, made = compressed_copies(file)
        changed = changed or made
        for suffix, cached in copies.items():
            link_or_copy(cached, file.with_name(file.name + suffix))
    if changed:  # new copies for edited pages: the ones no build has used for a week are for older versions
        for cached in CACHE.glob("*"):
            if cached.stat().st_mtime < time.time() - 7 * 86400:
                cached.unlink(missing_ok=True)
