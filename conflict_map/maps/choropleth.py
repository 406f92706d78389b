"""Admin regions for a map: the name of each region, the region of each event, light outlines.

Regions are drawn as the base of the map (it stays readable with no tiles) and shaded by the number
of events or fatalities per region, recomputed in the page as filters change: the page only needs
each event's region index, worked out here once with a spatial index.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..errors import RegionsError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np

__all__ = ["region_name_column", "assign_regions", "prepare_regions"]

_LEVEL_NAME = re.compile(r"^(?:admin|adm)_?(\d)_?(?:name|nm)(?:_?en)?$", re.IGNORECASE)
_PLAIN = ("admin3", "admin2", "admin1", "name", "shapename", "name_en", "nom")


def region_name_column(regions: "gpd.GeoDataFrame") -> str:
    """The column holding region names: the finest ``adminN`` name, else ``name``, else the first text column.

    Raises
    ------
    RegionsError
        When no column holds text.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> g = gpd.GeoDataFrame({"admin1Name": ["Kayes"], "admin2Name": ["Bafoulabe"]},
    ...                      geometry=[box(0, 0, 1, 1)], crs=4326)
    >>> region_name_column(g)
    'admin2Name'
    """
    cols = [c for c in regions.columns if c != regions.geometry.name]
    levels = sorted(((int(m.group(1)), c) for c in cols if (m := _LEVEL_NAME.match(str(c)))), reverse=True)
    if levels:
        return levels[0][1]
    lower = {str(c).lower(): c for c in cols}
    for name in _PLAIN:
        if name in lower:
            return lower[name]
    for c in cols:
        if regions[c].dtype == object or str(regions[c].dtype).startswith("str"):
            return c
    raise RegionsError("the regions have no text column to name them by; pass region_name=")


def assign_regions(geoms: "np.ndarray", lat: "np.ndarray", lon: "np.ndarray") -> "np.ndarray":
    """For each point, the index of the first region containing it (``-1`` for none or NaN).

    Examples
    --------
    >>> import numpy as np, shapely
    >>> squares = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
    >>> assign_regions(squares, np.array([0.5, 0.5, 5.0, np.nan]), np.array([0.5, 1.5, 5.0, 0.0])).tolist()
    [0, 1, -1, -1]
    """
    import numpy as np
    import shapely

    out = np.full(len(lat), -1, dtype=np.int64)
    ok = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if not len(ok) or not len(geoms):
        return out
    tree = shapely.STRtree(geoms)
    pts = shapely.points(lon[ok], lat[ok])
    pi, gi = tree.query(pts, predicate="intersects")
    if len(pi):
        order = np.lexsort((gi, pi))
        pi, gi = pi[order], gi[order]
        first = np.ones(len(pi), dtype=bool)
        first[1:] = pi[1:] != pi[:-1]
        out[ok[pi[first]]] = gi[first]
    return out


def prepare_regions(regions: "gpd.GeoDataFrame", lat: "np.ndarray", lon: "np.ndarray",
                    name_column: str | None = None, label: str | None = None,
                    tolerance: float | None = None, crop: bool = True) -> tuple[dict[str, Any], "np.ndarray"]:
    """The regions block of the page and each event's region index.

    Parameters
    ----------
    regions
        Admin boundaries (any CRS; assumed WGS84 when it has none) with a name column.
    lat, lon
        Event coordinates (NaN where unlocated).
    name_column
        The column naming the regions (found by :func:`region_name_column` when ``None``).
    label
        What the boundaries are, for the legend and attribution (default: ``regions.attrs["source"]``
        or the name column).
    tolerance
        Simplification tolerance in degrees (default: 1/2000 of the extent).
    crop
        Keep only regions near the located events (their extent padded by a tenth, at least one
        degree), so a world or continental boundary file does not weigh on a national map.

    Returns
    -------
    (dict, numpy.ndarray)
        ``{"names", "label", "geojson"}`` and an ``int`` array of region indices (``-1``: none).

    Raises
    ------
    RegionsError
        When ``regions`` is not a GeoDataFrame of polygons or its name column is missing.

    Examples
    --------
    >>> import geopandas as gpd, numpy as np
    >>> from shapely.geometry import box
    >>> g = gpd.GeoDataFrame({"name": ["A", "B"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    >>> block, index = prepare_regions(g, np.array([0.5]), np.array([1.5]))
    >>> block["names"], index.tolist(), len(block["geojson"]["features"])
    (['A', 'B'], [1], 2)
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    if not isinstance(regions, gpd.GeoDataFrame):
        raise RegionsError("regions must be a GeoDataFrame of admin boundaries")
    if regions.crs is None:
        regions = regions.set_crs(4326)
    elif regions.crs.to_epsg() != 4326:
        regions = regions.to_crs(4326)
    geoms = regions.geometry.to_numpy()
    keep = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    keep &= np.isin(shapely.get_type_id(geoms), (3, 6, 7))  # Polygon, MultiPolygon, GeometryCollection
    if not keep.any():
        raise RegionsError("the regions hold no polygons")
    located = np.isfinite(lat) & np.isfinite(lon)
    if crop and located.any():
        x0, x1 = float(lon[located].min()), float(lon[located].max())
        y0, y1 = float(lat[located].min()), float(lat[located].max())
        pad = max(1.0, 0.1 * max(x1 - x0, y1 - y0))
        near = keep.copy()
        near[keep] = shapely.intersects(geoms[keep], shapely.box(x0 - pad, y0 - pad, x1 + pad, y1 + pad))
        if near.any():
            keep = near
    regions = regions[keep]
    geoms = geoms[keep]
    col = name_column or region_name_column(regions)
    if col not in regions.columns:
        raise RegionsError(f"the regions have no column {col!r}")
    names = ["" if v is None or v != v else str(v) for v in regions[col].tolist()]
    index = assign_regions(geoms, lat, lon)
    if tolerance is None:
        x0, y0, x1, y1 = shapely.total_bounds(geoms)
        tolerance = max(x1 - x0, y1 - y0) / 2000.0
    simple = shapely.simplify(geoms, tolerance, preserve_topology=True) if tolerance > 0 else geoms
    simple = shapely.transform(simple, lambda c: np.round(c, 4))
    features = [{"type": "Feature", "properties": {"i": i}, "geometry": json.loads(g)}
                for i, g in enumerate(shapely.to_geojson(simple).tolist())]
    text = label or str(regions.attrs.get("source") or "") or f"admin boundaries ({col})"
    return {"names": names, "label": text, "geojson": {"type": "FeatureCollection", "features": features}}, index
