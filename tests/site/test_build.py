"""Checks on the built site: the runtime we ship, the policy it runs under, and the build's own guards."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import brotli
import build_files
import pytest
from mkdocs.exceptions import Abort

from build import ROOT, build
from theme.hooks import pyodide_runtime
from theme.hooks.offsite_loads import offsite_loads
from theme.hooks.security_headers import inline_script_hashes
from theme.hooks.service_worker import read_manifest

RUNTIME = "assets/pyodide"


def test_runtime_files_are_the_pinned_ones(built_site: Path) -> None:
    for name, digest in pyodide_runtime.pinned_files().items():
        if name != "pyodide-lock.json":
            assert build_files.sha256_file(built_site / RUNTIME / name) == digest, name


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


def test_the_fit_decoder_ships_as_a_pinned_wheel_loaded_on_demand(built_site: Path, tmp_path: Path) -> None:
    """fitdecode is in the site lock (sha256-checked by loadPackage), carries its licence, decodes a FIT file
    from the wheel alone, and is marked for the service worker as a library no page fetches at start-up."""
    lock = json.loads((built_site / RUNTIME / "pyodide-lock.json").read_text())
    entry = lock["packages"]["fitdecode"]
    wheel = built_site / RUNTIME / entry["file_name"]
    assert entry["version"] == pyodide_runtime.BROWSER_LIBRARIES["fitdecode"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert any(name.endswith("LICENSE.txt") for name in zipfile.ZipFile(wheel).namelist())
    fit = ROOT / "tests" / "fixtures" / "activity" / "run.fit"
    code = (
        "import fitdecode, pathlib;"
        f"frames = list(fitdecode.FitReader(pathlib.Path({str(fit)!r}).read_bytes()));"
        "print(any(getattr(f, 'name', '') == 'session' for f in frames))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); {code}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.strip() == "True"
    manifest = read_manifest((built_site / "sw.js").read_text())
    assert f"{RUNTIME}/{entry['file_name']}" in manifest["onDemand"]
    assert not any("calculators-" in path for path in manifest["onDemand"])


def test_the_snapshot_names_what_it_was_made_from_and_leaks_no_build_path(built_site: Path) -> None:
    """The worker trusts a snapshot only when snapshot.json matches the runtime and wheel it loads; the
    snapshot is public, so it must not carry the build machine's paths."""
    runtime = built_site / RUNTIME
    about = json.loads((runtime / "snapshot.json").read_text())
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    package = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    assert about["calculators"] == lock["packages"]["calculators"]["sha256"]
    assert about["pyodide"] == package["version"]
    data = (runtime / about["file"]).read_bytes()
    assert len(data) == about["bytes"] > 1_000_000  # a first visit's download is checked against it
    assert about["file"] == f"snapshot-{hashlib.sha256(data).hexdigest()[:24]}.bin"  # no stale copy fits its name
    # The file's runs of pages, in order, fill part of the memory: the header's page first.
    ends = [0] + [offset + length for offset, length in about["parts"]]
    assert about["parts"][0][0] == 0
    assert all(offset >= end for (offset, _), end in zip(about["parts"], ends, strict=False))
    assert ends[-1] <= about["size"] and sum(length for _, length in about["parts"]) == about["bytes"]
    assert about["bytes"] < 0.8 * about["size"]  # the zero pages are left out
    for path in (ROOT, built_site):
        assert str(path).encode() not in data


def test_wheel_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    for run in ("a", "b"):  # each made afresh, not taken from the build's cache of wheels
        monkeypatch.setattr(pyodide_runtime, "WHEELS", tmp_path / run / "cache")
        built.append(pyodide_runtime.build_wheel(tmp_path / run).read_bytes())
    assert built[0] == built[1]


def test_a_tampered_runtime_file_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pyodide"
    shutil.copytree(pyodide_runtime.PYODIDE_NPM, fake)
    (fake / "pyodide.mjs").write_text("// not the pinned file\n")
    monkeypatch.setattr(pyodide_runtime, "PYODIDE_NPM", fake)
    with pytest.raises(pyodide_runtime.RuntimeMismatch, match=r"pyodide\.mjs"):
        pyodide_runtime.vendor_runtime(tmp_path / "out")


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
    ("token", "words"),
    [
        ("{{ dose: deadlift }}", "“deadlift” is not in the exercise catalogue"),
        ("{{ sets: nordic_curl }}", "no number called 'sets'"),
        ("{{ top: romanian_deadlift }}", "Romanian deadlift keeps its reps"),
    ],
)
def test_a_catalogue_number_the_catalogue_does_not_have_fails_the_build_naming_the_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, token: str, words: str
) -> None:
    with pytest.raises(Abort):
        build_page(tmp_path, f"# Hi\n\n| exercise | sets |\n|---|---|\n| one | {token} |\n")
    assert f"index.md, line 5: {token}: " in caplog.text and words in caplog.text


def test_a_catalogue_number_is_filled_in_from_the_catalogue(tmp_path: Path) -> None:
    site = build_page(
        tmp_path, "# Hi\n\nNordic curls start at {{ dose: nordic_curl }} with {{ rest:nordic_curl }} rest.\n"
    )
    assert "Nordic curls start at 3 × 3 with 2 min rest." in (site / "index.html").read_text(encoding="utf-8")


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


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("", None)],
)
@pytest.mark.parametrize("path", [f"{RUNTIME}/pyodide.asm.wasm", "tools/race-performance/"])
def test_serve_sends_the_precompressed_copy_the_browser_accepts(
    site_url: str, built_site: Path, path: str, accept: str, encoding: str | None
) -> None:
    """Large files go out compressed with the right Content-Encoding, the type of the file itself, and the
    exact bytes once decoded; a browser that accepts no encoding gets the file as it is."""
    request = urllib.request.Request(site_url + path, headers={"Accept-Encoding": accept})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == encoding
        assert response.headers["Content-Type"].startswith(
            "application/wasm" if path.endswith(".wasm") else "text/html"
        )
        assert "wasm-unsafe-eval" in response.headers["Content-Security-Policy"]
    decoded = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert decoded == (built_site / path / ("index.html" if path.endswith("/") else "")).read_bytes()


def test_only_large_compressible_files_get_compressed_copies(built_site: Path) -> None:
    copies = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.br")}
    assert f"{RUNTIME}/pyodide.asm.wasm.br" in copies and "index.html.br" in copies
    assert not any(name.endswith((".whl.br", ".zip.br", ".png.br")) for name in copies)
    for copy in built_site.rglob("*.br"):
        assert copy.with_suffix("").stat().st_size >= 1024
        assert copy.with_suffix(".gz").is_file()
