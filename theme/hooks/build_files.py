"""What several hooks do with the site's large files: hash them, and put them in place.

The runtime is about 50 MB (the WebAssembly, the snapshot, their compressed copies). Reading and
hashing it in each of four hooks, and copying it into the site, was most of the time a build
spends beyond plain MkDocs. So large files are linked into the site rather than copied, and their
sha256 is remembered in ``.cache/digests.json`` under the file's identity (device, inode, size,
modification time): a link shares its source's identity, and any change to the bytes changes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = ROOT / ".cache" / "digests.json"
#: Below this, hashing costs less than looking the digest up.
REMEMBER_FROM_BYTES = 1 << 20
#: Digests remembered: a few builds' worth of large files.
KEEP = 64

_digests: dict[str, str] | None = None


def _known() -> dict[str, str]:
    global _digests
    if _digests is None:
        try:
            _digests = dict(json.loads(DIGESTS.read_text()))
        except (OSError, ValueError):
            _digests = {}
    return _digests


def sha256_file(path: Path) -> str:
    """The file's sha256 (hex), remembered across builds for large files."""
    stat = path.stat()
    identity = f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"
    known = _known() if stat.st_size >= REMEMBER_FROM_BYTES else {}
    if identity in known:
        return known[identity]
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if stat.st_size >= REMEMBER_FROM_BYTES:
        known[identity] = digest.hexdigest()
        for old in list(known)[:-KEEP]:
            del known[old]  # files long since changed or gone
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        partial = DIGESTS.with_name(f"{DIGESTS.name}.{os.getpid()}.part")  # two builds at once do not collide
        partial.write_text(json.dumps(known, indent=0, sort_keys=True))
        partial.replace(DIGESTS)
    return digest.hexdigest()


def link_or_copy(source: Path, dest: Path) -> None:
    """Put ``source``'s bytes at ``dest``: a hard link (no megabytes copied; nothing in the build writes
    these files in place), or a copy on another file system."""
    dest.unlink(missing_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)
