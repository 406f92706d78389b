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


#: a places table of invented names (nothing here depends on GeoNames): towns, an admin area, and two
#: villages named Sirako far apart (one beside Talbi, Tobali and Kelta) for the tie-breaking tests
INVENTED_PLACES = """name,latitude,longitude,country_code,feature_code,population
Wadi Karo,16.10,-0.50,ML,PPLA2,20000
Talbi,15.50,-1.20,ML,PPL,3000
Tobali,15.45,-1.25,ML,PPLA2,0
Kelta,15.60,-1.10,ML,PPLA2,0
Koura,15.00,-2.00,ML,ADM2,0
Bamako,12.65,-8.00,ML,PPLC,2000000
Sirako,13.00,-10.00,ML,PPL,0
Sirako,15.55,-1.15,ML,PPL,0
"""


@pytest.fixture(scope="session")
def invented_gaz(tmp_path_factory):
    """A gazetteer of :data:`INVENTED_PLACES` only."""
    from gazetteer import Gazetteer

    d = tmp_path_factory.mktemp("invented-places")
    (d / "places.csv").write_text(INVENTED_PLACES, encoding="utf-8")
    return Gazetteer.from_sources(places=[d / "places.csv"], embedded=False, cache_dir=d / "cache")
