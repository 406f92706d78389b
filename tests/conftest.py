"""Shared fixtures: paths to the real data in ../shared (skipping with a reason when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", REPO.parent / "shared")).resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"real data not available: {p} is absent (../shared is not beside the checkout)")
    return p


@pytest.fixture(scope="session")
def geonames_dir() -> Path:
    return shared_path("data", "geonames")


@pytest.fixture(scope="session")
def ml_dump() -> Path:
    return shared_path("data", "geonames", "ML.txt")


@pytest.fixture(scope="session")
def seeds_jsonl() -> Path:
    return shared_path("seeds", "articles.jsonl")


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    import json

    return json.loads(shared_path("seeds", "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def acled_dev() -> Path:
    return shared_path("data", "acled", "acled_mali_2017-2018_dev.csv")


@pytest.fixture(scope="session")
def mali_admin2() -> Path:
    return shared_path("data", "boundaries", "mali_admin2_ocha.geojson")


@pytest.fixture(scope="session")
def ne_admin1() -> Path:
    return shared_path("data", "boundaries", "ne_admin1_west_africa.geojson")
