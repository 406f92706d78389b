"""Events in GIS formats: GeoPackage and GeoParquet (and anything else GDAL reads).

Writers conform the frame to the event schema first, so every format carries the same columns in the
same order as the CSV and GeoJSON outputs. GeoPackage goes through GDAL (pyogrio), layer
``events``; GeoParquet through pyarrow (GeoParquet 1.0 metadata), since GDAL builds often lack the
Parquet driver. Both are written atomically and deterministically (GeoPackage timestamps are pinned).
Boundary and gazetteer sources in ``attrs["sources"]`` are written into the file's metadata.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FormatError, OutputError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["read_gdal", "read_parquet", "write_gpkg", "write_parquet", "EVENTS_LAYER"]

#: The GeoPackage layer events are written to (and read from, when a file has several).
EVENTS_LAYER = "events"
_FIXED_DATE = "2000-01-01T00:00:00.000Z"


def _prepare(events: "gpd.GeoDataFrame") -> "gpd.GeoDataFrame":
    from ..model import conform_frame

    attrs = dict(getattr(events, "attrs", {}) or {})
    gdf = conform_frame(events)
    if gdf is events:  # conform_frame returns a conforming frame itself: never mutate the caller's
        gdf = gdf.copy(deep=False)
    gdf.attrs.update(attrs)
    return gdf


def _metadata(gdf: "gpd.GeoDataFrame") -> dict[str, str]:
    sources = gdf.attrs.get("sources")
    meta = {"generator": "conflict-map"}
    if sources:
        meta["sources"] = json.dumps(sources, ensure_ascii=False, sort_keys=True, default=str)
    return meta


def write_gpkg(events: "gpd.GeoDataFrame", path: str | os.PathLike[str]) -> None:
    """Write events to a GeoPackage (layer ``events``), atomically and deterministically.

    Examples
    --------
    >>> import tempfile, pathlib, pyogrio
    >>> from conflict_map.model import Event, events_to_frame
    >>> p = pathlib.Path(tempfile.mkdtemp(), "ev.gpkg")
    >>> write_gpkg(events_to_frame([Event("Battles", "Armed clash", "2025-07-01", 1,
    ...                                   latitude=14.45, longitude=-11.44)]), p)
    >>> pyogrio.read_dataframe(p, layer="events").loc[0, "event_date"]
    '2025-07-01'
    """
    import pyogrio

    from ._atomic import atomic_path

    gdf = _prepare(events)
    try:
        with atomic_path(path) as tmp:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _FIXED_DATE})
            try:
                pyogrio.write_dataframe(gdf, tmp, layer=EVENTS_LAYER, driver="GPKG",
                                        layer_metadata=_metadata(gdf))
            finally:
                pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    except (OSError, RuntimeError) as exc:  # pyogrio's errors derive from RuntimeError
        raise OutputError(f"{path}: cannot write GeoPackage ({exc})") from exc


def write_parquet(events: "gpd.GeoDataFrame", path: str | os.PathLike[str]) -> None:
    """Write events to GeoParquet (pyarrow), atomically and deterministically.

    Examples
    --------
    >>> import tempfile, pathlib, geopandas as gpd
    >>> from conflict_map.model import Event, events_to_frame
    >>> p = pathlib.Path(tempfile.mkdtemp(), "ev.parquet")
    >>> write_parquet(events_to_frame([Event("Battles", "Armed clash", latitude=1.0, longitude=2.0)]), p)
    >>> gpd.read_parquet(p).geometry[0].x
    2.0
    """
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pyarrow is in the parquet extra
        raise OutputError("writing GeoParquet needs pyarrow: pip install 'conflict-map[parquet]'") from exc
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ._atomic import atomic_path

    gdf = _prepare(events)
    meta_extra = _metadata(gdf)
    gdf.attrs = {}  # pandas would store attrs (old rejections, warnings) in the file
    buf = io.BytesIO()
    gdf.to_parquet(buf, index=False, compression="zstd")  # GeoParquet "geo" metadata
    buf.seek(0)
    table = pq.read_table(buf)
    meta = dict(table.schema.metadata or {})
    meta.update({k.encode(): v.encode() for k, v in meta_extra.items()})
    table = table.replace_schema_metadata(meta)
    try:
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp, compression="zstd")
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(f"{path}: cannot write GeoParquet ({exc})") from exc


def read_parquet(path: str | os.PathLike[str], **_: Any) -> "gpd.GeoDataFrame":
    """Read events from GeoParquet (ours or any tool's); plain Parquet needs latitude/longitude."""
    import geopandas as gpd
    import pandas as pd
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
        if b"geo" in meta:
            gdf = gpd.read_parquet(path)
        else:
            gdf = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises many kinds for a bad file
        raise FormatError(f"{path}: not a readable (Geo)Parquet file ({exc})") from exc
    return _normalise(gdf, path, meta.get(b"sources"))


def read_gdal(path: str | os.PathLike[str], layer: str | None = None, **_: Any) -> "gpd.GeoDataFrame":
    """Read events from any vector format GDAL reads (GeoPackage, FlatGeobuf, Shapefile, KML...).

    A GeoPackage with several layers is read from its ``events`` layer, or its only point layer.

    Raises
    ------
    FormatError
        When GDAL cannot read the file or the layer to read is ambiguous.
    """
    import pyogrio

    try:
        layers = pyogrio.list_layers(path)
    except Exception as exc:
        raise FormatError(f"{path}: GDAL cannot read it ({exc})") from exc
    if layer is None and len(layers) > 1:
        names = [str(n) for n, _ in layers]
        if EVENTS_LAYER in names:
            layer = EVENTS_LAYER
        else:
            points = [str(n) for n, t in layers if t and "point" in str(t).lower()]
            if len(points) != 1:
                raise FormatError(f"{path}: several layers ({', '.join(names)}); name the events layer")
            layer = points[0]
    try:
        gdf = pyogrio.read_dataframe(path, layer=layer)
        meta = pyogrio.read_info(path, layer=layer).get("layer_metadata") or {}
    except Exception as exc:
        raise FormatError(f"{path}: GDAL cannot read it ({exc})") from exc
    src = meta.get("sources")
    return _normalise(gdf, path, src.encode() if src else None)


def _normalise(gdf: Any, path: str | os.PathLike[str], sources: bytes | None) -> Any:
    cols = {c: c.lower() for c in gdf.columns if c.lower() in ("event_id_cnty", "latitude", "longitude")}
    gdf = gdf.rename(columns=cols)
    if "event_id_cnty" in gdf.columns:
        if "event_id" not in gdf.columns:
            gdf = gdf.rename(columns={"event_id_cnty": "event_id"})
        else:
            gdf = gdf.drop(columns=["event_id_cnty"])
    if "fid" in gdf.columns and "event_id" not in gdf.columns:
        gdf = gdf.rename(columns={"fid": "event_id"})
    if not hasattr(gdf, "geometry") and not {"latitude", "longitude"} <= set(gdf.columns):
        raise FormatError(f"{path}: no geometry and no latitude/longitude columns")
    gdf.attrs["format"] = Path(path).suffix.lstrip(".").lower()
    gdf.attrs["rejected"] = []
    if sources:
        try:
            gdf.attrs["sources"] = json.loads(sources.decode())
        except ValueError:
            pass
    return gdf
