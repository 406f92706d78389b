"""Read admin boundaries (any GDAL format, any CRS) into :class:`Regions`.

Boundaries are political and may be disputed; conflict-map uses whatever boundaries the user
brings and names them (file, convention, licence when known) in every output that uses them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..errors import InputNotFoundError, RegionsError
from .fields import LevelFields, NameFields, detect_fields

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["Regions", "RegionLayer", "read_regions", "regions_from_frame", "DISPUTED_NOTE"]

#: Said wherever boundaries are credited.
DISPUTED_NOTE = ("Admin boundaries are political and may be disputed; their use implies no "
                 "position on any border or name.")

_POLYGONAL = ("Polygon", "MultiPolygon")


@dataclass(eq=False)
class RegionLayer:
    """One table of admin polygons, normalised.

    ``frame`` has the columns ``admin{k}`` and ``admin{k}_pcode`` for each level ``k`` in
    ``levels``, ``country`` and ``country_code`` (possibly empty strings), and valid polygonal
    geometries in EPSG:4326. ``source`` describes where it came from.
    """

    frame: "gpd.GeoDataFrame"
    levels: tuple[int, ...]
    source: dict[str, Any]
    #: derived data the join reuses (prepared outlines), keyed by what they were built with
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def deepest(self) -> int:
        return max(self.levels, default=0)


@dataclass
class Regions:
    """Admin boundaries at one or several levels, ready for :func:`~conflict_map.regions.join_regions`."""

    layers: list[RegionLayer] = field(default_factory=list)

    @property
    def levels(self) -> tuple[int, ...]:
        """Admin levels available, ascending."""
        return tuple(sorted({lvl for layer in self.layers for lvl in layer.levels}))

    @property
    def sources(self) -> list[dict[str, Any]]:
        """One description (name, path, convention, licence, note) per layer."""
        return [layer.source for layer in self.layers]

    def __add__(self, other: "Regions") -> "Regions":
        return Regions(self.layers + other.layers)


def read_regions(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]",
                 name_fields: NameFields | None = None, *, licence: str | None = None) -> Regions:
    """Read admin boundaries from one or several files in any format GDAL reads, any CRS.

    Every polygonal layer of each file is read, reprojected to EPSG:4326, its invalid geometries
    repaired (``shapely.make_valid``), and its admin name, code and level fields detected (see
    :mod:`conflict_map.regions.fields`) or taken from ``name_fields``.

    Parameters
    ----------
    paths
        One path or several (one per level, or files with several levels each).
    name_fields
        Explicit ``{level: "name_field"}`` or ``{level: ("name_field", "code_field")}``, applied to
        every file given.
    licence
        The boundaries' licence, recorded with the source (it cannot be read from most files).

    Raises
    ------
    InputNotFoundError
        A path does not exist.
    RegionsError
        A file cannot be read, has no polygons, or its name fields cannot be found.

    Examples
    --------
    >>> import tempfile, os, geopandas as gpd
    >>> from shapely.geometry import box
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "toy_adm1.geojson")
    >>> gpd.GeoDataFrame({"shapeName": ["A"], "shapeID": ["X-1"]}, geometry=[box(0, 0, 1, 1)],
    ...                  crs="EPSG:4326").to_file(p)
    >>> r = read_regions(p)
    >>> r.levels, r.layers[0].frame.loc[0, "admin1"], r.sources[0]["convention"]
    ((1,), 'A', 'geoBoundaries')
    """
    import pyogrio

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    layers: list[RegionLayer] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputNotFoundError(f"{path}: no such file (regions)")
        try:
            listed = pyogrio.list_layers(path)
        except Exception as exc:  # pyogrio raises DataSourceError and others
            raise RegionsError(f"{path}: GDAL cannot read it as boundaries ({exc})") from exc
        names = [str(row[0]) for row in listed
                 if row[1] is None or "polygon" in str(row[1]).lower() or "unknown" in str(row[1]).lower()]
        if not names:
            raise RegionsError(f"{path}: no polygon layer")
        for layer_name in names:
            try:
                gdf = pyogrio.read_dataframe(path, layer=layer_name)
            except Exception as exc:
                raise RegionsError(f"{path} (layer {layer_name}): cannot be read ({exc})") from exc
            if not len(gdf) or gdf.geometry.isna().all():
                if len(names) == 1:
                    raise RegionsError(f"{path}: no features with geometry")
                continue
            hint = f"{path.name} {layer_name}" if len(names) > 1 else path.name
            try:
                found = regions_from_frame(gdf, name=path.name, path=str(path), hint=hint,
                                           layer=layer_name if len(names) > 1 else None,
                                           name_fields=name_fields, licence=licence)
            except RegionsError:
                if len(names) == 1:
                    raise
                # a multi-layer file (a COD-AB zip, a GADM GeoPackage) may hold layers without
                # admin levels (country outline, points); skip them, the admin layers are enough
                continue
            if not found.layers[0].levels and len(names) > 1:
                continue
            layers.append(found.layers[0])
        if not any(lay.source["path"] == str(path) for lay in layers):
            raise RegionsError(f"{path}: no layer with admin names found")
    if not layers:
        raise RegionsError("no boundaries given")
    return Regions(layers)


def regions_from_frame(gdf: "gpd.GeoDataFrame", *, name: str = "boundaries", path: str = "",
                       hint: str = "", layer: str | None = None, name_fields: NameFields | None = None,
                       licence: str | None = None, fields: LevelFields | None = None) -> Regions:
    """Admin polygons already in memory (a GeoDataFrame, any CRS) as :class:`Regions`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> g = gpd.GeoDataFrame({"NAME_1": ["A"], "GID_1": ["XYZ.1_1"], "NAME_2": ["B"], "GID_2": ["XYZ.1.1_1"]},
    ...                      geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    >>> r = regions_from_frame(g)
    >>> r.levels, r.layers[0].frame.loc[0, "admin2_pcode"]
    ((1, 2), 'XYZ.1.1_1')
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180.5 <= minx <= maxx <= 180.5 and -90.5 <= miny <= maxy <= 90.5):
            raise RegionsError(f"{name}: no CRS and coordinates are not longitude/latitude")
        gdf = gdf.set_crs(4326)
    elif gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    shape_type = None
    st_col = next((c for c in gdf.columns if c.lower() == "shapetype"), None)
    if st_col is not None and gdf[st_col].notna().any():
        shape_type = str(gdf[st_col].dropna().iloc[0])
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    f = fields or detect_fields(cols, hint=hint or name, shape_type=shape_type, name_fields=name_fields)
    if not f.levels and not f.country:
        raise RegionsError(f"{name}: no admin level found")

    geoms = np.asarray(gdf.geometry.array, dtype=object)
    keep = ~shapely.is_missing(geoms)
    keep &= ~shapely.is_empty(np.where(keep, geoms, shapely.Point()))
    invalid = keep & ~shapely.is_valid(np.where(keep, geoms, shapely.Point()))
    repaired = int(invalid.sum())
    if repaired:
        geoms = geoms.copy()
        geoms[invalid] = [_polygonal(g) for g in shapely.make_valid(geoms[invalid])]
    types = shapely.get_type_id(np.where(keep, geoms, shapely.Point()))
    keep &= np.isin(types, (3, 6))  # Polygon, MultiPolygon
    data: dict[str, Any] = {}
    for lvl, (name_field, code_field) in sorted(f.levels.items()):
        data[f"admin{lvl}"] = _text(gdf[name_field])
        data[f"admin{lvl}_pcode"] = _text(gdf[code_field]) if code_field else [""] * len(gdf)
    data["country"] = _text(gdf[f.country]) if f.country else [""] * len(gdf)
    data["country_code"] = _text(gdf[f.country_code]) if f.country_code else [""] * len(gdf)
    out = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
    deepest = f"admin{f.deepest}" if f.levels else "country"
    keep &= out[deepest].to_numpy() != ""
    out = out[keep].reset_index(drop=True)
    if not len(out):
        raise RegionsError(f"{name}: no polygons with an admin name")
    source = {
        "name": name,
        "path": path,
        "layer": layer or "",
        "convention": f.convention,
        "levels": list(sorted(f.levels)),
        "fields": {str(k): list(v) for k, v in sorted(f.levels.items())},
        "features": int(len(out)),
        "repaired_geometries": repaired,
        "licence": licence or "not stated in the file; see the provider's terms",
        "note": DISPUTED_NOTE,
    }
    return Regions([RegionLayer(out, tuple(sorted(f.levels)), source)])


def _text(series: Any) -> list[str]:
    out = []
    for v in series.tolist():
        if v is None or (isinstance(v, float) and v != v) or type(v).__name__ == "NAType":
            out.append("")
        else:
            out.append(str(v).strip())
    return out


def _polygonal(geom: Any) -> Any:
    """The polygonal part of a repaired geometry (make_valid may add lines or points)."""
    import shapely

    if geom is None:
        return None
    if geom.geom_type in _POLYGONAL:
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in _POLYGONAL]
    polys = [q for p in parts for q in shapely.get_parts(p)]
    if not polys:
        return shapely.Polygon()
    return shapely.MultiPolygon(polys) if len(polys) > 1 else polys[0]


def _as_regions(regions: Any, name_fields: NameFields | None = None) -> Regions:
    """Whatever callers pass as regions (Regions, a GeoDataFrame, a path or paths) as Regions."""
    import geopandas as gpd

    if isinstance(regions, Regions):
        return regions
    if isinstance(regions, gpd.GeoDataFrame):
        return regions_from_frame(regions, name_fields=name_fields)
    if isinstance(regions, (str, os.PathLike)):
        return read_regions(regions, name_fields)
    if isinstance(regions, Sequence) or hasattr(regions, "__iter__"):
        items = list(regions)
        if items and all(isinstance(r, Regions) for r in items):
            return Regions([lay for r in items for lay in r.layers])
        return read_regions(items, name_fields)
    raise RegionsError(f"cannot use {type(regions).__name__} as regions")
