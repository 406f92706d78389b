"""Reading and writing events tables; the format is chosen from the file extension.

Registries, not if-chains: :data:`READERS` and :data:`WRITERS` map an extension to a function.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..errors import FormatError, InputNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["read_events", "write_events", "READERS", "WRITERS", "register_reader", "register_writer"]

Reader = Callable[..., "gpd.GeoDataFrame"]
Writer = Callable[["gpd.GeoDataFrame", "str | os.PathLike[str]"], None]

#: extension -> "module:function", imported on first use so importing conflict_map stays light.
READERS: dict[str, str] = {
    ".geojson": "conflict_map.io.geojson:read_geojson",
    ".json": "conflict_map.io.geojson:read_geojson",
    ".csv": "conflict_map.io.table:read_csv",
    ".gpkg": "conflict_map.io.gdal:read_gdal",
    ".parquet": "conflict_map.io.gdal:read_parquet",
    ".geoparquet": "conflict_map.io.gdal:read_parquet",
    ".fgb": "conflict_map.io.gdal:read_gdal",
    ".shp": "conflict_map.io.gdal:read_gdal",
    ".kml": "conflict_map.io.gdal:read_gdal",
}
WRITERS: dict[str, str] = {
    ".geojson": "conflict_map.io.geojson:write_geojson",
    ".json": "conflict_map.io.geojson:write_geojson",
    ".csv": "conflict_map.io.csv:write_csv",
    ".gpkg": "conflict_map.io.gdal:write_gpkg",
    ".parquet": "conflict_map.io.gdal:write_parquet",
    ".geoparquet": "conflict_map.io.gdal:write_parquet",
}


def register_reader(ext: str, target: str) -> None:
    """Register ``"module:function"`` as the reader for files ending in ``ext``."""
    READERS[ext.lower()] = target


def register_writer(ext: str, target: str) -> None:
    """Register ``"module:function"`` as the writer for files ending in ``ext``."""
    WRITERS[ext.lower()] = target


def _resolve(target: str) -> Callable[..., Any]:
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _ext(path: str | os.PathLike[str], table: dict[str, str]) -> str:
    name = Path(path).name.lower()
    for ext in sorted(table, key=len, reverse=True):
        if name.endswith(ext):
            return ext
    known = ", ".join(sorted(table))
    raise FormatError(f"{path}: unknown format (expected one of {known})")


def read_events(path: str | os.PathLike[str], **kwargs: Any) -> "gpd.GeoDataFrame":
    """Read an events table (format from the extension) as a GeoDataFrame in the event schema.

    Raises
    ------
    InputNotFoundError
        When ``path`` does not exist.
    FormatError
        When the extension is unknown or the file cannot be parsed.
    """
    from ..model import conform_frame

    if not Path(path).exists():
        raise InputNotFoundError(f"{path}: no such file")
    reader = _resolve(READERS[_ext(path, READERS)])
    raw = reader(path, **kwargs)
    out = conform_frame(raw)
    out.attrs.update(getattr(raw, "attrs", {}) or {})  # rejected rows, warnings, sources
    return out


def write_events(events: "gpd.GeoDataFrame", path: str | os.PathLike[str]) -> None:
    """Write events to ``path`` atomically, in the format its extension names."""
    writer = _resolve(WRITERS[_ext(path, WRITERS)])
    writer(events, path)
