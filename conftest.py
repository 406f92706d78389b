"""Suite-wide: caches (gazetteer index, default boundaries) go to a temporary folder for the whole
session, tests and doctests alike, never to the user's own cache."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    os.environ.setdefault("CONFLICT_MAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
