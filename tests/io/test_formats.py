"""Every output format read back with GDAL (pyogrio) or pyarrow: same count, same values."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
import pytest

from conflict_map.io import read_events, write_events
from conflict_map.model import EVENT_COLUMNS, Event, events_to_frame

FORMATS = ("geojson", "gpkg", "parquet", "csv")


def _events() -> gpd.GeoDataFrame:
    gdf = events_to_frame([
        Event("Battles", "Armed clash", "2025-07-01", 1, actor1="JNIM", inter1=2,
              actor2="Military Forces of Mali (2021-)", inter2=1, location="Diboli", latitude=14.1472,
              longitude=-11.2253, geo_precision=1, fatalities=10, fatalities_low=10, fatalities_high=80,
              notes='Quotes "inside", commas, and\na new line; accents: Ségou, Tombouctou', geonameid=2458589,
              admin1="Kayes", admin1_pcode="ML01", location_flags="nearest_region:1.2km"),
        Event("Violence against civilians", "Attack", "2025-07-02", 2, actor1="Unidentified Armed Group (Mali)",
              actor2="Civilians (Mali)", location="Somewhere", fatalities=0),
        Event("Protests", "Peaceful protest", None, None, latitude=-33.123456789, longitude=151.0),
    ])
    gdf["extra_note"] = ["x", "", "z"]
    return gdf


def _norm(v: Any) -> Any:
    if v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ == "NAType":
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float):
        return round(v, 6)
    return v


def _rows(gdf: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    cols = list(EVENT_COLUMNS) + ["extra_note"]
    return [{c: _norm(r.get(c)) for c in cols} for r in gdf.drop(columns="geometry").to_dict("records")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_through_our_readers(tmp_path: Path, fmt: str) -> None:
    ev = _events()
    p = tmp_path / f"events.{fmt}"
    write_events(ev, p)
    back = read_events(p)
    assert len(back) == len(ev)
    assert _rows(back) == _rows(ev)
    assert back.geometry[1] is None
    assert back.geometry[0].x == pytest.approx(-11.2253)


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_gdal_reads_every_format_back(tmp_path: Path, fmt: str) -> None:
    ev = _events()
    p = tmp_path / f"events.{fmt}"
    write_events(ev, p)
    opts = {"X_POSSIBLE_NAMES": "longitude", "Y_POSSIBLE_NAMES": "latitude"} if fmt == "csv" else {}
    back = pyogrio.read_dataframe(p, **opts)
    assert len(back) == 3
    id_col = "event_id_cnty" if fmt == "csv" else "event_id"
    assert back[id_col].tolist() == ev["event_id"].tolist()
    assert str(back.loc[0, "notes"]) == ev.loc[0, "notes"]
    assert int(back.loc[0, "fatalities"]) == 10
    assert back.geometry[0].x == pytest.approx(-11.2253) and back.geometry[0].y == pytest.approx(14.1472)
    if fmt == "gpkg":
        info = pyogrio.read_info(p, layer="events")
        assert info["crs"] == "EPSG:4326" and info["geometry_type"] == "Point"


def test_geoparquet_metadata(tmp_path: Path) -> None:
    import json

    import pyarrow.parquet as pq

    p = tmp_path / "events.parquet"
    write_events(_events(), p)
    meta = pq.read_schema(p).metadata
    geo = json.loads(meta[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    back = gpd.read_parquet(p)
    assert back.crs.to_epsg() == 4326 and len(back) == 3


@pytest.mark.parametrize("fmt", ["gpkg", "parquet"])
def test_writes_are_deterministic_and_atomic(tmp_path: Path, fmt: str) -> None:
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    write_events(_events(), a)
    write_events(_events(), b)
    assert a.read_bytes() == b.read_bytes()
    assert sorted(x.name for x in tmp_path.iterdir()) == [f"a.{fmt}", f"b.{fmt}"]  # no temporary left


@pytest.mark.parametrize("fmt", ["gpkg", "parquet"])
def test_boundary_sources_are_written_into_the_file(tmp_path: Path, fmt: str) -> None:
    ev = _events()
    ev.attrs["sources"] = [{"kind": "boundaries", "name": "toy", "licence": "public domain"}]
    p = tmp_path / f"events.{fmt}"
    write_events(ev, p)
    back = read_events(p)
    assert back.attrs["sources"] == ev.attrs["sources"]


@pytest.mark.shared
@pytest.mark.parametrize("fmt", FORMATS)
def test_acled_dev_exports_read_back_identically(tmp_path: Path, acled_dev: Path, mali_admin2: Path,
                                                 fmt: str) -> None:
    from conflict_map.regions import join_regions

    ev = join_regions(read_events(acled_dev), mali_admin2)
    p = tmp_path / f"events.{fmt}"
    write_events(ev, p)
    back = read_events(p)
    assert len(back) == 1224
    assert _rows(back.assign(extra_note=None)) == _rows(ev.assign(extra_note=None))
