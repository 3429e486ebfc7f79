"""Test-suite settings and the one site build every site and browser test shares."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from build import build, make_server

# Timing varies on shared CI machines; a slow example is not a failing one.
settings.register_profile("stridelab", deadline=None, max_examples=150)
settings.load_profile("stridelab")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session into a temporary folder (site/ is left alone)."""
    return build(site_dir=tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on loopback, with its production headers (build.py serve's handler)."""
    server = make_server(built_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
