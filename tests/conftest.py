"""Test-suite settings and the one site build every site and browser test shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from build import build

# Timing varies on shared CI machines; a slow example is not a failing one.
settings.register_profile("stridelab", deadline=None, max_examples=150)
settings.load_profile("stridelab")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session into a temporary folder (site/ is left alone)."""
    return build(site_dir=tmp_path_factory.mktemp("site"))
