"""Checks on the built service worker, its precache manifest and the web app manifest."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import urllib.request
from pathlib import Path, PurePosixPath

import pytest
from mkdocs.exceptions import PluginError

from theme.hooks import service_worker
from theme.hooks.service_worker import PLACEHOLDER, inject, precache_manifest, read_manifest

RUNTIME = "assets/pyodide/"


@pytest.fixture(scope="module")
def manifest(built_site: Path) -> dict[str, object]:
    return read_manifest((built_site / "sw.js").read_text())


def test_every_served_file_is_precached_under_the_revision_of_its_bytes(
    built_site: Path, manifest: dict[str, dict[str, str]]
) -> None:
    """The revision is a prefix of the sha256 of the file as site_url (pages with their policy <meta>)."""
    files = {**manifest["shell"], **manifest["runtime"]}
    for path, revision in files.items():
        assert hashlib.sha256((built_site / path).read_bytes()).hexdigest()[: len(revision)] == revision, path
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    left_out = built - set(files)
    assert all(
        path in {"_headers", "sw.js"}
        or path.endswith((".map", ".gz", ".br"))
        or path.startswith("assets/javascripts/lunr/")
        for path in left_out
    ), left_out
    assert {"index.html", "404.html", "search/search_index.json", "manifest.webmanifest", "sw.js"} - set(files) == {
        "sw.js"
    }
    assert all(path.endswith("index.html") for path in files if path.endswith(".html") and path != "404.html")


def test_the_runtime_is_not_part_of_the_install(built_site: Path, manifest: dict[str, dict[str, str]]) -> None:
    """Guide pages fetch no Pyodide byte: the runtime, wheel and lock are their own group, cached on use."""
    assert not any(path.startswith(RUNTIME) for path in manifest["shell"])
    runtime = {
        p.relative_to(built_site).as_posix()
        for p in (built_site / RUNTIME).iterdir()
        if p.suffix not in {".map", ".br", ".gz"}  # compressed copies are alternates the server picks
    }
    assert set(manifest["runtime"]) == runtime
    assert {"assets/pyodide/pyodide.asm.wasm", "assets/pyodide/pyodide-lock.json"} <= runtime
    assert any(path.endswith(".whl") for path in runtime)
    assert manifest["runtimeBytes"] == sum((built_site / path).stat().st_size for path in runtime)


def test_the_built_service_worker_is_plain_javascript_with_its_manifest(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text()
    assert PLACEHOLDER not in worker
    if node := shutil.which("node"):
        subprocess.run([node, "--check", str(built_site / "sw.js")], check=True)
    assert "skipWaiting()" in worker.split('case "skip-waiting"')[1].split("break")[0]
    assert worker.count("skipWaiting(") == 1  # only when the reader accepts the update


def write_site(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_a_content_edit_changes_only_that_files_revision_and_the_version(tmp_path: Path) -> None:
    files = {
        "index.html": b"<p>home</p>",
        "guides/a/index.html": b"<p>a</p>",
        "assets/pyodide/pyodide.asm.wasm": b"\0asm",
        "assets/javascripts/lunr/min/lunr.de.min.js": b"//",
        "assets/javascripts/bundle.js.map": b"{}",
        "sitemap.xml.gz": b"gz",
        "_headers": b"/*",
        "sw.js": b"//",
    }
    before = precache_manifest(write_site(tmp_path / "one", files), ["en"])
    after = precache_manifest(
        write_site(tmp_path / "two", {**files, "guides/a/index.html": b"<p>a, edited</p>"}), ["en"]
    )
    assert set(before["shell"]) == {"index.html", "guides/a/index.html"}
    assert set(before["runtime"]) == {"assets/pyodide/pyodide.asm.wasm"}
    changed = {path for path in before["shell"] if before["shell"][path] != after["shell"][path]}
    assert changed == {"guides/a/index.html"}
    assert before["runtime"] == after["runtime"] and before["version"] != after["version"]
    # Search in another language needs lunr's extra languages, so then they are cached too.
    german = precache_manifest(tmp_path / "one", ["en", "de"])
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in german["shell"]


def test_the_manifest_goes_in_exactly_once() -> None:
    assert read_manifest(inject(f"const PRECACHE = {PLACEHOLDER};", {"a": 1})) == {"a": 1}
    for broken in ("const PRECACHE = {};", f"{PLACEHOLDER}; {PLACEHOLDER};"):
        with pytest.raises(PluginError, match="exactly once"):
            inject(broken, {})


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_web_app_manifest_makes_the_site_installable_under_any_sub_path(built_site: Path) -> None:
    app = json.loads((built_site / "manifest.webmanifest").read_text())
    assert app["name"] == "Stridelab" and app["short_name"]
    assert app["display"] == "standalone" and app["theme_color"] == "#00574b"
    # Relative to the manifest at the site root: the site's base, whatever sub-path it is site_url under.
    assert app["start_url"] == "./" and app["scope"] == "./"
    icons = {(icon["sizes"], icon["purpose"]): icon for icon in app["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= set(icons)
    for icon in app["icons"]:
        assert not icon["src"].startswith(("/", "http")), icon
        size = tuple(int(n) for n in icon["sizes"].split("x"))
        assert png_size(built_site / icon["src"]) == size and icon["type"] == "image/png"
    assert png_size(built_site / "assets/stridelab/icons/apple-touch-icon.png") == (180, 180)


@pytest.mark.parametrize("page", ["index.html", "guides/training-load/index.html", "404.html"])
def test_every_page_links_the_manifest_icon_and_theme_colour(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text()
    assert '<meta name="theme-color" content="#00574b">' in html
    for rel, target in (("manifest", "manifest.webmanifest"), ("apple-touch-icon", "apple-touch-icon.png")):
        href = html.split(f'<link rel="{rel}" href="')[1].split('"')[0]
        if page != "404.html":  # the 404 page links from the site root, as it is site_url at any depth
            resolved = PurePosixPath(page).parent / href
            assert (built_site / resolved).resolve().is_file(), resolved
        assert href.endswith(target)


def test_the_service_worker_is_served_at_the_root_never_from_a_stale_cache(site_url: str) -> None:
    with urllib.request.urlopen(site_url + "sw.js") as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
        assert response.headers["Cache-Control"] == "no-cache"
        assert "worker-src 'self'" in response.headers["Content-Security-Policy"]
    with urllib.request.urlopen(site_url + "manifest.webmanifest") as response:
        assert response.headers["Content-Type"] == "application/manifest+json"


def test_the_manifest_hook_runs_after_every_hook_that_changes_a_file() -> None:
    """A hook that changed a file after the manifest was written would leave a stale revision: only the
    compressed copies (of the files exactly as they ship, sw.js included, and never cached) come later."""
    config = Path(service_worker.__file__).parents[2] / "mkdocs.yml"
    hooks = [line.split()[1] for line in config.read_text().splitlines() if line.startswith("  - theme/hooks/")]
    assert hooks[-2:] == ["theme/hooks/service_worker.py", "theme/hooks/precompress.py"]
