"""RFC 7946 GeoJSON for events, written by hand for byte-identical, compact, spec-exact output.

WGS84 longitude/latitude, no ``crs`` member, coordinates rounded to 6 decimals, a stable ``id`` per
feature (the ``event_id``), ``geometry: null`` for unlocated events.
"""

from __future__ import annotations

import json
import math
import os
from typing import TYPE_CHECKING, Any

from ..errors import FormatError
from ..model import COLUMN_KINDS, EVENT_COLUMNS, conform_frame
from ._atomic import atomic_open

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

COORD_DECIMALS = 6


def _value(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if type(v).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(v, "item"):  # numpy scalars
        return _value(v.item())
    return v


def feature_collection(events: "gpd.GeoDataFrame") -> dict[str, Any]:
    """Events as an RFC 7946 FeatureCollection (a plain ``dict``)."""
    gdf = conform_frame(events)
    props_cols = list(EVENT_COLUMNS) + [c for c in gdf.columns if c not in COLUMN_KINDS and c != "geometry"]
    features = []
    records = gdf.drop(columns="geometry").to_dict(orient="records")
    for rec in records:
        props = {c: _value(rec.get(c)) for c in props_cols}
        lat, lon = props.get("latitude"), props.get("longitude")
        if lat is not None and lon is not None:
            lat = round(float(lat), COORD_DECIMALS)
            lon = round(float(lon), COORD_DECIMALS)
            props["latitude"], props["longitude"] = lat, lon
            geometry: dict[str, Any] | None = {"type": "Point", "coordinates": [lon, lat]}
        else:
            geometry = None
        features.append({"type": "Feature", "id": props["event_id"], "geometry": geometry,
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def dumps(events: "gpd.GeoDataFrame") -> str:
    """Serialise events as GeoJSON text: one feature per line, deterministic."""
    fc = feature_collection(events)
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, allow_nan=False) for f in fc["features"])
    body = f"\n{lines}\n" if lines else ""
    return '{"type": "FeatureCollection", "features": [' + body + "]}\n"


def write_geojson(events: "gpd.GeoDataFrame", path: str | os.PathLike[str]) -> None:
    """Write events to ``path`` as RFC 7946 GeoJSON, atomically."""
    text = dumps(events)
    with atomic_open(path, "w", newline="") as fh:
        fh.write(text)


def read_geojson(path: str | os.PathLike[str]) -> "gpd.GeoDataFrame":
    """Read events from a GeoJSON FeatureCollection written by conflict-map or any other tool.

    Properties become columns; point geometries give latitude/longitude; other geometries give their
    representative point; features without geometry stay unlocated.
    """
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text") from exc
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        raise FormatError(f"{path}: not a GeoJSON FeatureCollection")
    feats = data.get("features", []) if data["type"] == "FeatureCollection" else [data]
    rows, geoms = [], []
    for i, f in enumerate(feats):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise FormatError(f"{path}: feature {i} is not a GeoJSON Feature")
        props = dict(f.get("properties") or {})
        if "event_id" not in props and f.get("id") is not None:
            props["event_id"] = str(f["id"])
        rows.append(props)
        g = f.get("geometry")
        try:
            geoms.append(shape(g) if g else None)
        except Exception as exc:  # shapely raises several kinds for bad geometry
            raise FormatError(f"{path}: feature {i} has an invalid geometry ({exc})") from exc
    df = pd.DataFrame(rows)
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
