"""Checks on the built site: the runtime we ship, the policy it runs under, and the build's own guards."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from build import ROOT, build
from theme.hooks import pyodide_runtime
from theme.hooks.offsite_loads import offsite_loads
from theme.hooks.security_headers import inline_script_hashes

RUNTIME = "assets/pyodide"


def test_runtime_files_are_the_pinned_ones(built_site: Path) -> None:
    for name, digest in pyodide_runtime.pinned_files().items():
        if name != "pyodide-lock.json":
            assert pyodide_runtime.sha256_of(built_site / RUNTIME / name) == digest, name


def test_site_lock_pins_the_wheel_it_ships(built_site: Path) -> None:
    lock = json.loads((built_site / RUNTIME / "pyodide-lock.json").read_text())
    entry = lock["packages"]["calculators"]
    wheel = built_site / RUNTIME / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["calculators"]
    assert lock["info"]["python"].startswith("3.14")


def test_wheel_holds_every_module_and_imports_on_its_own(built_site: Path, tmp_path: Path) -> None:
    wheel = next((built_site / RUNTIME).glob("calculators-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "calculators").rglob("*.py")}
    assert sources <= names
    # A pure wheel is importable straight from the zip: prove the shipped file works without the checkout.
    code = (
        "import calculators.registry as r, json;"
        "print(json.loads(r.dispatch(json.dumps({'id': 1, 'calculator': 'vdot'})))['ok'])"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); {code}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.strip() == "True"


def test_wheel_is_reproducible(tmp_path: Path) -> None:
    first = pyodide_runtime.build_wheel(tmp_path / "a").read_bytes()
    second = pyodide_runtime.build_wheel(tmp_path / "b").read_bytes()
    assert first == second


def test_a_tampered_runtime_file_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pyodide"
    shutil.copytree(pyodide_runtime.PYODIDE_NPM, fake)
    (fake / "pyodide.mjs").write_text("// not the pinned file\n")
    monkeypatch.setattr(pyodide_runtime, "PYODIDE_NPM", fake)
    with pytest.raises(pyodide_runtime.RuntimeMismatch, match=r"pyodide\.mjs"):
        pyodide_runtime.vendor_runtime(tmp_path / "out")


def test_calculator_page_ships_a_real_result(built_site: Path) -> None:
    html = (built_site / "tools/race-performance/index.html").read_text()
    assert 'data-calculator="vdot"' in html
    assert "VDOT 49.8" in html and "3:11:49" in html  # Riegel's marathon from 5 km in 20:00


def test_every_inline_script_is_allowed_by_the_policy(built_site: Path) -> None:
    headers = (built_site / "_headers").read_text()
    policy = re.search(r"Content-Security-Policy: (.+)", headers).group(1)
    assert "unsafe-eval" not in policy.replace("wasm-unsafe-eval", "")
    assert "unsafe-inline" not in policy
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        assert '<meta http-equiv="Content-Security-Policy"' in html, page
        for source in inline_script_hashes(html):
            assert source in policy, f"{page}: inline script {source} is not in the policy"
        assert not re.search(r"\son[a-z]+=", html), f"{page} has an inline event handler"


def test_built_pages_load_nothing_from_another_origin(built_site: Path) -> None:
    assert offsite_loads(built_site) == []


def test_offsite_check_finds_loads_and_ignores_links(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="https://example.org/paper">source</a><link rel="canonical" href="https://x.org/">'
        '<script src="https://cdn.example/x.js"></script><img srcset="/a.png 1x, //cdn.example/b.png 2x">'
        '<link rel="stylesheet" href="http://fonts.example/css"><div style="background:url(https://x/y.png)"></div>'
        '<img src="data:image/png;base64,AAAA">'
    )
    (tmp_path / "b.css").write_text("@import 'https://x/y.css'; .a{background:url(/ok.png)}")
    found = "\n".join(offsite_loads(tmp_path))
    assert "cdn.example/x.js" in found and "//cdn.example/b.png" in found and "fonts.example" in found
    assert "x/y.png" in found and "x/y.css" in found
    assert "example.org/paper" not in found and "x.org/" not in found.replace("x/y", "") and "data:" not in found


def build_page(tmp_path: Path, markdown: str) -> Path:
    """Build the real configuration over a one-page site."""
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "index.md").write_text(markdown)
    return build(docs_dir=docs, site_dir=tmp_path / "site", nav=["index.md"])


def test_an_external_image_fails_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        build_page(tmp_path, "# Hi\n\n![chart](https://cdn.example/chart.png)\n")
    assert "index.html: <img src=https://cdn.example/chart.png>" in caplog.text


@pytest.mark.parametrize("block", ["/// calculator | nope\n///\n", "/// calculator | vdot\n\nno closing line\n"])
def test_a_bad_calculator_block_fails_the_build_naming_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, block: str
) -> None:
    with pytest.raises(Abort):
        build_page(tmp_path, f"# Hi\n\n{block}")
    assert re.search(r"index\.md, line 3: (no calculator named 'nope'|close the calculator block)", caplog.text)


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        (f"{RUNTIME}/pyodide.asm.wasm", "application/wasm"),
        (f"{RUNTIME}/pyodide.mjs", "text/javascript"),
        ("assets/stridelab/worker.mjs", "text/javascript"),
        ("tools/race-performance/", "text/html"),
    ],
)
def test_serve_sends_the_right_types_and_the_policy(site_url: str, path: str, mime: str) -> None:
    with urllib.request.urlopen(site_url + path) as response:
        assert response.headers["Content-Type"].startswith(mime)
        assert "wasm-unsafe-eval" in response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
