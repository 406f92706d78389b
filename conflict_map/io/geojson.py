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
from ._columns import column_lists

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
    names = list(EVENT_COLUMNS) + [c for c in gdf.columns if c not in COLUMN_KINDS and c != "geometry"]
    columns = column_lists(gdf, names)
    ilat, ilon = names.index("latitude"), names.index("longitude")
    columns[ilat] = [None if v is None else round(v, COORD_DECIMALS) for v in columns[ilat]]
    columns[ilon] = [None if v is None else round(v, COORD_DECIMALS) for v in columns[ilon]]
    for i, name in enumerate(names):
        if name not in COLUMN_KINDS:  # extra columns may hold numpy scalars or NaN
            columns[i] = [_value(v) for v in columns[i]]
    features = []
    for values in zip(*columns):
        props = dict(zip(names, values))
        lat, lon = values[ilat], values[ilon]
        geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        features.append({"type": "Feature", "id": props["event_id"], "geometry": geometry,
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


#: What a source entry may say in an output file (no machine-specific paths or counts).
_SOURCE_KEYS = ("kind", "name", "provider", "licence", "note")


def _credits(events: Any) -> list[dict[str, str]]:
    """The data sources behind the events (``attrs["sources"]``), as short credits."""
    out: list[dict[str, str]] = []
    for src in (getattr(events, "attrs", {}) or {}).get("sources", []) or []:
        if not isinstance(src, dict):
            continue
        entry = {k: str(src[k]) for k in _SOURCE_KEYS if src.get(k)}
        if entry and entry not in out:
            out.append(entry)
    return out


def dumps(events: "gpd.GeoDataFrame") -> str:
    """Serialise events as GeoJSON text: one feature per line, deterministic.

    The data sources in ``events.attrs["sources"]`` (gazetteer, boundaries, with their licences)
    are written as a top-level ``"sources"`` member, a foreign member RFC 7946 allows.
    """
    fc = feature_collection(events)
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, allow_nan=False) for f in fc["features"])
    body = f"\n{lines}\n" if lines else ""
    credits = _credits(events)
    head = '{"type": "FeatureCollection", '
    if credits:
        head += '"sources": ' + json.dumps(credits, ensure_ascii=False) + ", "
    return head + '"features": [' + body + "]}\n"


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
    import numpy as np
    import pandas as pd
    from shapely import points
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
    if not isinstance(feats, list):
        raise FormatError(f"{path}: 'features' is not a list")
    rows: list[dict[str, Any]] = []
    geoms: list[Any] = [None] * len(feats)
    xs = np.full(len(feats), np.nan)
    ys = np.full(len(feats), np.nan)
    for i, f in enumerate(feats):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise FormatError(f"{path}: feature {i} is not a GeoJSON Feature")
        props = f.get("properties") or {}
        if not isinstance(props, dict):
            raise FormatError(f"{path}: feature {i} has properties that are not an object")
        if "event_id" not in props and f.get("id") is not None:
            props = {**props, "event_id": str(f["id"])}
        rows.append(props)
        g = f.get("geometry")
        if not g:
            continue
        coords = g.get("coordinates") if isinstance(g, dict) else None
        if g.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2 \
                and all(isinstance(c, (int, float)) for c in coords[:2]):
            xs[i], ys[i] = coords[0], coords[1]  # the common case, vectorised below
            continue
        try:
            geoms[i] = shape(g)
        except Exception as exc:  # shapely raises several kinds for bad geometry
            raise FormatError(f"{path}: feature {i} has an invalid geometry ({exc})") from exc
    pts = points(xs, ys)
    is_pt = ~np.isnan(xs)
    geometry = np.where(is_pt, pts, np.array(geoms, dtype=object))
    df = pd.DataFrame(_columns(rows)) if rows else pd.DataFrame()
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"), crs="EPSG:4326")


def _columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Property dictionaries as columns (faster than ``DataFrame.from_records`` for wide rows);
    a property missing from a feature is ``None`` there."""
    keys = list(dict.fromkeys(k for r in rows[:1] for k in r))
    same = all(len(r) == len(keys) for r in rows) and all(list(r) == keys for r in rows[:: max(1, len(rows) // 64)])
    if same:
        try:
            return {k: [r[k] for r in rows] for k in keys}
        except KeyError:
            pass  # a row with other keys slipped past the sample: take the general path
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return {k: [r.get(k) for r in rows] for k in keys}
