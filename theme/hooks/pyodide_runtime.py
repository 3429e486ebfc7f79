"""Ship Python to the browser: vendor the pinned Pyodide core, build our wheel, write the site-local lock."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import time
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from build_files import link_or_copy, sha256_file

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PINS = ROOT / "pyodide.sha256"
PACKAGE = ROOT / "calculators"
WHEELS = ROOT / ".cache" / "wheels"
#: Where the runtime lands in the built site; the worker finds it relative to itself.
RUNTIME_DIR = "assets/pyodide"
#: Pure-Python libraries the browser installs on demand (never at start-up), pinned to one release;
#: keep pyproject.toml's pin the same. fitdecode reads FIT files (MIT licence, shipped with it).
BROWSER_LIBRARIES = {"fitdecode": "0.11.0"}
# Zip entries need a timestamp; SOURCE_DATE_EPOCH (reproducible builds) or the zip epoch.
_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


class RuntimeMismatch(Exception):
    """The pinned runtime is missing or is not the file we pinned."""


def pinned_files() -> dict[str, str]:
    """File name → sha256, from ``pyodide.sha256`` (``sha256sum`` format)."""
    pins = {}
    for line in PINS.read_text().splitlines():
        if line.strip():
            digest, name = line.split()
            pins[name] = digest
    return pins


def vendor_runtime(dest: Path) -> dict[str, Any]:
    """Copy the pinned core files into ``dest``, refusing any whose hash differs from the pin."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, digest in pinned_files().items():
        source = PYODIDE_NPM / name
        if not source.is_file():
            raise RuntimeMismatch(f"{source} is missing: run `npm ci` to install the pinned Pyodide.")
        actual = sha256_file(source)
        if actual != digest:
            raise RuntimeMismatch(
                f"{source} has sha256 {actual}, but pyodide.sha256 pins {digest}. "
                "If you upgraded Pyodide on purpose, update the pins (see the README)."
            )
        if name != "pyodide-lock.json":  # the site writes its own lock
            link_or_copy(source, dest / name)
    upstream: dict[str, Any] = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())
    return upstream["info"]


def _version() -> str:
    match = re.search(r'^__version__ = "([^"]+)"$', (PACKAGE / "__init__.py").read_text(), re.MULTILINE)
    if match is None:
        raise RuntimeMismatch("calculators/__init__.py has no __version__ line")
    return match.group(1)


def _write_wheel(dest: Path, name: str, version: str, files: list[tuple[str, bytes]]) -> Path:
    """Write ``<name>-<version>-py3-none-any.whl`` (PEP 427): sorted entries, fixed timestamps, so the
    same files always give the same bytes and the same sha256."""
    dist_info = f"{name}-{version}.dist-info"
    files = [
        *sorted(files),
        (f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()),
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: stridelab\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
    ]
    record = "".join(
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}\n"
        for path, data in files
    )
    files.append((f"{dist_info}/RECORD", f"{record}{dist_info}/RECORD,,\n".encode()))
    wheel = dest / f"{name}-{version}-py3-none-any.whl"
    # The same entries make the same wheel, so wheels are kept in WHEELS under their RECORD (every entry's
    # sha256) and date: compressing the entries is most of this step's time.
    key = hashlib.sha256(files[-1][1] + repr(_zip_time()).encode()).hexdigest()[:24]
    cached = WHEELS / f"{key}-{wheel.name}"
    if not cached.is_file():
        WHEELS.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # two builds at once do not collide
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path, data in files:
                info = zipfile.ZipInfo(path, date_time=_zip_time())
                info.external_attr = 0o644 << 16
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        partial.replace(cached)
        for old in sorted(WHEELS.glob(f"*-{wheel.name}"), key=lambda p: p.stat().st_mtime)[:-8]:
            old.unlink()  # keep the last few, for switching branches
    dest.mkdir(parents=True, exist_ok=True)
    link_or_copy(cached, wheel)
    return wheel


def build_wheel(dest: Path) -> Path:
    """Our ``calculators`` package as a wheel, from the sources in this repository."""
    files = [
        (path.relative_to(ROOT).as_posix(), path.read_bytes())
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".typed"} and "__pycache__" not in path.parts
    ]
    return _write_wheel(dest, "calculators", _version(), files)


def library_wheel(dest: Path, name: str) -> Path:
    """A pinned pure-Python library (see ``BROWSER_LIBRARIES``) as a wheel, from its installed files.

    Each file is checked against the hash pip recorded when it installed the
    pinned release, so what ships is that release (with its licence), unmodified.
    """
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise RuntimeMismatch(f"{name} is not installed: run `pip install -e '.[site]'`.") from None
    if dist.version != BROWSER_LIBRARIES[name]:
        raise RuntimeMismatch(f"{name} {dist.version} is installed, but the site ships {BROWSER_LIBRARIES[name]}.")
    files = []
    for entry in dist.files or ():
        path = entry.as_posix()
        shipped = path.startswith(f"{name}/") and path.endswith(".py") and f"{name}/cmd/" not in path
        if not (shipped or "/licenses/" in path or path.endswith(("/LICENSE", "/LICENSE.txt"))):
            continue
        data = entry.read_binary()
        recorded = entry.hash
        actual = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        if recorded is None or recorded.value != actual:
            raise RuntimeMismatch(f"{name}: the installed {path} differs from the release pip installed.")
        files.append((path, data))
    return _write_wheel(dest, name, dist.version, files)


def _zip_time() -> tuple[int, int, int, int, int, int]:
    stamp = time.gmtime(max(_EPOCH, 315532800))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


def write_lock(dest: Path, info: dict[str, Any], wheels: list[Path]) -> Path:
    """The site-local ``pyodide-lock.json``: only the packages this site ships, each with its sha256,
    which ``loadPackage`` checks before installing."""
    packages = {}
    for wheel in wheels:
        name, version = wheel.name.split("-")[:2]
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": sha256_file(wheel),
            "package_type": "package",
            "imports": [name],
            "depends": [],
            "unvendored_tests": False,
            "tool": {},
        }
    lock = dest / "pyodide-lock.json"
    lock.write_text(json.dumps({"info": info, "packages": packages}, indent=1, sort_keys=True))
    return lock


def on_post_build(config: Any, **_: Any) -> None:
    runtime = Path(config["site_dir"]) / RUNTIME_DIR
    info = vendor_runtime(runtime)
    wheels = [build_wheel(runtime), *(library_wheel(runtime, name) for name in BROWSER_LIBRARIES)]
    write_lock(runtime, info, wheels)
