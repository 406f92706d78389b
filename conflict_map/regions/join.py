"""Join events to admin polygons: ``admin1``/``admin2``/``admin3`` and their codes.

Point in polygon is vectorised: the points are sorted by longitude once, each polygon takes the
points inside its bounding box by binary search, and ``shapely.intersects_xy`` tests them against the
prepared polygon. Points outside every polygon (a coastal town, a border town on a coarse
boundary) go to the nearest polygon within ``max_distance_km`` and are flagged in
``location_flags`` (``nearest_region:1.2km``).
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from .fields import NameFields
from .read import Regions, RegionLayer, _as_regions

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np

__all__ = ["join_regions", "locate_points", "DEFAULT_MAX_DISTANCE_KM"]

log = logging.getLogger(__name__)

#: Tolerance for points just outside every polygon (coasts, border towns, coarse boundaries).
DEFAULT_MAX_DISTANCE_KM = 10.0
_EARTH_KM = 6371.0088


def locate_points(x: "np.ndarray", y: "np.ndarray", polygons: "np.ndarray") -> "np.ndarray":
    """Index of the polygon containing each point (first polygon wins), ``-1`` for none.

    Points on a boundary count as inside. NaN coordinates give ``-1``.

    Examples
    --------
    >>> import numpy as np
    >>> from shapely.geometry import box
    >>> polys = np.array([box(0, 0, 1, 1), box(1, 0, 2, 1)], dtype=object)
    >>> locate_points(np.array([0.5, 1.5, 5.0]), np.array([0.5, 0.5, 0.5]), polys).tolist()
    [0, 1, -1]
    """
    import numpy as np
    import shapely

    n = len(x)
    result = np.full(n, -1, dtype=np.int64)
    ok = ~(np.isnan(x) | np.isnan(y))
    idx = np.flatnonzero(ok)
    order = idx[np.argsort(x[idx], kind="stable")]
    xs = x[order]
    bounds = shapely.bounds(polygons)
    shapely.prepare(polygons)
    for i, poly in enumerate(polygons):
        minx, miny, maxx, maxy = bounds[i]
        if math.isnan(minx):
            continue
        lo = int(np.searchsorted(xs, minx, "left"))
        hi = int(np.searchsorted(xs, maxx, "right"))
        if lo >= hi:
            continue
        cand = order[lo:hi]
        yc = y[cand]
        cand = cand[(yc >= miny) & (yc <= maxy)]
        cand = cand[result[cand] < 0]
        if not len(cand):
            continue
        inside = shapely.intersects_xy(poly, x[cand], y[cand])
        result[cand[inside]] = i
    return result


def _nearest(x: "np.ndarray", y: "np.ndarray", polygons: "np.ndarray", max_km: float,
             zone: Any = None, edges: tuple[Any, "np.ndarray"] | None = None
             ) -> tuple["np.ndarray", "np.ndarray"]:
    """Nearest polygon within ``max_km`` of each point (great-circle distance), ``-1`` if none.

    For a point outside every polygon the nearest polygon is the one with the nearest boundary
    segment, so the search runs over a tree of segments (a few distance computations per point)
    rather than whole polygons. ``zone`` (the polygons' union grown by the tolerance) discards far
    points cheaply first.
    """
    import numpy as np
    import shapely

    n = len(x)
    out = np.full(n, -1, dtype=np.int64)
    dist = np.full(n, np.nan)
    if not n or max_km <= 0:
        return out, dist
    deg = _degrees(max_km, y)
    cand = np.arange(n)
    if zone is not None:
        cand = cand[locate_points(x, y, np.array([zone], dtype=object)) == 0]
        if not len(cand):
            return out, dist
    tree, owner = edges if edges is not None else _edges(polygons)
    pts = shapely.points(x[cand], y[cand])
    pi, si = tree.query_nearest(pts, max_distance=deg, all_matches=False)
    if not len(pi):
        return out, dist
    lines = shapely.shortest_line(pts[pi], tree.geometries[si])
    c = shapely.get_coordinates(lines).reshape(-1, 2, 2)
    km = _haversine(c[:, 0, 0], c[:, 0, 1], c[:, 1, 0], c[:, 1, 1])
    good = km <= max_km
    out[cand[pi[good]]] = owner[si[good]]
    dist[cand[pi[good]]] = km[good]
    return out, dist


def _edges(polygons: "np.ndarray") -> tuple[Any, "np.ndarray"]:
    """An STRtree of every boundary segment and the polygon each belongs to."""
    import numpy as np
    import shapely

    parts, pidx = shapely.get_parts(polygons, return_index=True)
    rings, ridx = shapely.get_rings(parts, return_index=True)
    coords, cidx = shapely.get_coordinates(rings, return_index=True)
    same = cidx[:-1] == cidx[1:]
    segs = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    owner = pidx[ridx[cidx[:-1][same]]]
    return shapely.STRtree(segs), owner


def _degrees(max_km: float, lat: Any) -> float:
    """A search radius in degrees that covers ``max_km`` at every latitude in ``lat``."""
    import numpy as np

    top = float(np.nanmax(np.abs(lat))) if len(lat) else 0.0
    coslat = max(math.cos(math.radians(min(top, 89.0))), 0.01)
    return max_km / 111.0 / coslat


def _zone(layer: RegionLayer, polygons: "np.ndarray", max_km: float) -> Any:
    """The layer's polygons grown by ``max_km`` (cached): points outside it have no polygon near."""
    import numpy as np
    import shapely

    lat_extent = shapely.bounds(polygons)[:, [1, 3]].ravel()
    deg = _degrees(max_km, lat_extent[~np.isnan(lat_extent)]) * 1.05 + 1e-9
    key = ("zone", round(deg, 9))
    if key not in layer.cache:
        zone = shapely.buffer(shapely.union_all(polygons), deg, quad_segs=4)
        shapely.prepare(zone)
        layer.cache[key] = zone
    return layer.cache[key]


def _haversine(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> Any:
    import numpy as np

    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _layer_order(regions: Regions, level: int) -> list[RegionLayer]:
    """Layers that carry ``level``: a layer whose own level it is first, then coarser-to-finer."""
    have = [lay for lay in regions.layers if level in lay.levels]
    return sorted(have, key=lambda lay: (lay.deepest != level, lay.deepest))


def join_regions(events: "gpd.GeoDataFrame", regions: Any = None, *,
                 max_distance_km: float = DEFAULT_MAX_DISTANCE_KM, overwrite: bool | None = None,
                 name_fields: NameFields | None = None) -> "gpd.GeoDataFrame":
    """Fill ``admin1``/``admin2``/``admin3`` and ``admin*_pcode`` (and an empty ``country``) by
    spatial join of the events' points to admin polygons.

    Boundaries are political and may be disputed: the source used is recorded in
    ``attrs["sources"]`` (name, licence, note) so reports and maps can credit it.

    Parameters
    ----------
    events
        An events GeoDataFrame (see :mod:`conflict_map.model`); unlocated events are left as they are.
    regions
        :class:`~conflict_map.regions.Regions`, a GeoDataFrame of polygons, a path or a list of
        paths; ``None`` uses the embedded Natural Earth admin-1 default (named as GeoNames names
        them when ``$CONFLICT_MAP_GEONAMES`` leads to ``admin1CodesASCII.txt``).
    max_distance_km
        Points outside every polygon go to the nearest one within this distance, flagged
        ``nearest_region:<km>km`` in ``location_flags``; farther points are flagged
        ``outside_regions`` and keep their admin fields.
    overwrite
        ``True``: the levels the boundaries carry replace the events' own values for every event
        that falls in a polygon. ``False``: only events whose admin fields are all empty are filled
        (an ACLED export keeps ACLED's admin names, the gazetteer's GeoNames admin names stay).
        ``None`` (default): ``True`` for boundaries the caller gives, ``False`` for the embedded
        default.
    name_fields
        Explicit admin name fields when ``regions`` is a path or a frame (see ``read_regions``).

    Returns
    -------
    GeoDataFrame
        A copy of ``events`` with the admin columns filled.

    Raises
    ------
    RegionsError
        ``regions`` is None and the embedded default is not available (install Debian's
        ``qgis-common`` or pass boundaries), or the boundaries cannot be used.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> from conflict_map.model import Event, events_to_frame
    >>> polys = gpd.GeoDataFrame({"NAME_1": ["North"], "GID_1": ["X.1_1"], "NAME_0": ["Xland"]},
    ...                          geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    >>> ev = events_to_frame([Event("Battles", "Armed clash", latitude=0.5, longitude=1.02),
    ...                       Event("Battles", "Armed clash", latitude=0.5, longitude=0.5)])
    >>> out = join_regions(ev, polys)
    >>> out[["admin1", "country", "location_flags"]].values.tolist()
    [['North', 'Xland', 'nearest_region:2.2km'], ['North', 'Xland', '']]
    """
    import numpy as np

    from ..model import EVENT_COLUMNS, conform_frame

    if regions is None:
        from .default import default_regions, find_admin1_codes

        # GeoNames admin-1 names when $CONFLICT_MAP_GEONAMES points at the code tables
        regs = default_regions(find_admin1_codes())
        overwrite = bool(overwrite)
    else:
        regs = _as_regions(regions, name_fields)
        overwrite = True if overwrite is None else overwrite
    attrs = dict(getattr(events, "attrs", {}) or {})
    if _conformed(events, EVENT_COLUMNS):
        gdf = events.copy()  # already an events frame: skip the row-by-row conform (1M rows)
    else:
        gdf = conform_frame(events)
        if gdf is events:  # conform_frame may hand back a frame that already conforms
            gdf = events.copy()
    gdf.attrs.update(attrs)
    n = len(gdf)
    lat = gdf["latitude"].to_numpy(dtype="float64")
    lon = gdf["longitude"].to_numpy(dtype="float64")
    located = ~(np.isnan(lat) | np.isnan(lon))
    levels = regs.levels
    fill_mask = located.copy()
    if not overwrite:
        cols = [f"admin{lvl}" for lvl in levels if lvl > 0]
        empty = np.ones(n, dtype=bool)
        for c in cols:
            empty &= gdf[c].fillna("").astype(str).to_numpy() == ""
        fill_mask &= empty
    flags: dict[int, list[str]] = {}
    event_cc = gdf["country_code"].fillna("").astype(str).str.upper().to_numpy(dtype=object)
    hits: dict[int, tuple["np.ndarray", "np.ndarray"]] = {}  # id(layer) -> (polygon index, hit)
    any_hit = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(fill_mask)
    for layer in regs.layers:
        polys = np.asarray(layer.frame.geometry.array, dtype=object)
        found = np.full(n, -1, dtype=np.int64)
        if len(rows):
            found[rows] = locate_points(lon[rows], lat[rows], polys)
            _keep_own_country(found, rows, event_cc, layer, polys, lon, lat, max_distance_km, flags)
        miss = rows[found[rows] < 0]
        if len(miss):
            zone = _zone(layer, polys, max_distance_km) if len(miss) > 1000 else None
            if "edges" not in layer.cache:
                layer.cache["edges"] = _edges(polys)
            near, km = _nearest(lon[miss], lat[miss], polys, max_distance_km, zone, layer.cache["edges"])
            got = near >= 0
            found[miss[got]] = near[got]
            for r, d in zip(miss[got].tolist(), km[got].tolist()):
                tag = f"nearest_region:{d:.1f}km"
                if tag not in flags.setdefault(r, []):
                    flags[r].append(tag)
        hits[id(layer)] = (found, found >= 0)
        any_hit |= found >= 0

    out_cols: dict[str, Any] = {}
    for lvl in (lv for lv in levels if lv > 0):
        for suffix in ("", "_pcode"):
            col = f"admin{lvl}{suffix}"
            values = gdf[col].fillna("").astype(str).to_numpy(dtype=object).copy()
            done = np.zeros(n, dtype=bool)
            for layer in _layer_order(regs, lvl):
                found, ok = hits[id(layer)]
                take = ok & ~done
                if take.any():
                    src = layer.frame[col].to_numpy(dtype=object)
                    values[take] = src[found[take]]
                    done |= take
            out_cols[col] = values
    # country only where the event has none (ACLED and the gazetteer know it better)
    for col in ("country", "country_code"):
        values = gdf[col].fillna("").astype(str).to_numpy(dtype=object).copy()
        for layer in sorted(regs.layers, key=lambda lay: lay.deepest):
            found, ok = hits[id(layer)]
            src = layer.frame[col].to_numpy(dtype=object)
            take = ok & (values == "")
            if take.any():
                values[take] = src[found[take]]
        out_cols[col] = values
    for col, values in out_cols.items():
        gdf[col] = values
    outside = fill_mask & ~any_hit
    old = gdf["location_flags"].fillna("").astype(str).to_numpy(dtype=object)
    new_flags = old.copy()
    has_old = old != ""
    # the common cases vectorised: no earlier flags, and only "outside_regions" to add
    plain_out = outside & ~has_old
    new_flags[plain_out] = "outside_regions"
    redo = set(flags) | set(np.flatnonzero((outside | fill_mask) & has_old).tolist())
    for i in sorted(redo):
        add = list(flags.get(i, []))
        if outside[i]:
            add.append("outside_regions")
        new_flags[i] = _merge_flags(old[i], add)
    gdf["location_flags"] = new_flags
    sources = list(gdf.attrs.get("sources", []))
    for s in regs.sources:
        entry = dict(s, kind="boundaries")
        if entry not in sources:
            sources.append(entry)
    gdf.attrs["sources"] = sources
    gdf.attrs["regions"] = {
        "levels": list(levels),
        "joined": int((fill_mask & any_hit).sum()),
        "nearest": int(sum(1 for f in flags.values() if any(t.startswith("nearest_region") for t in f))),
        "outside": int(outside.sum()),
        "unlocated": int((~located).sum()),
        "max_distance_km": max_distance_km,
    }
    if outside.any():
        log.info("%d located events fall outside every admin polygon (beyond %.1f km)",
                 int(outside.sum()), max_distance_km)
    return gdf


def _keep_own_country(found: "np.ndarray", rows: "np.ndarray", event_cc: "np.ndarray",
                      layer: RegionLayer, polys: "np.ndarray", lon: "np.ndarray", lat: "np.ndarray",
                      max_km: float, flags: dict[int, list[str]]) -> None:
    """Events whose country is known, found in another country's polygon, move to the nearest
    polygon of their own country within ``max_km`` (flagged ``own_country_region:<km>km``).

    Simplified boundaries (Natural Earth's, say) put border villages on the wrong side; the
    gazetteer's country is the better witness. With no own-country polygon that near, the
    containing polygon stays and the event is flagged ``other_country_region``.
    """
    import numpy as np

    if "country_code" not in layer.frame.columns:
        return
    layer_cc = layer.frame["country_code"].fillna("").astype(str).str.upper().to_numpy(dtype=object)
    hit = rows[found[rows] >= 0]
    if not len(hit) or not (layer_cc != "").any():
        return
    theirs = layer_cc[found[hit]]
    bad = hit[(event_cc[hit] != "") & (theirs != "") & (event_cc[hit] != theirs)]
    for cc in sorted(set(event_cc[bad].tolist())):
        sel = bad[event_cc[bad] == cc]
        own = np.flatnonzero(layer_cc == cc)
        if not len(own):
            continue  # the boundaries do not cover the event's country: nothing to prefer
        key = ("edges", cc)
        if key not in layer.cache:
            layer.cache[key] = _edges(polys[own])
        near, km = _nearest(lon[sel], lat[sel], polys[own], max_km, None, layer.cache[key])
        for r, j, d in zip(sel.tolist(), near.tolist(), km.tolist()):
            if j >= 0:
                found[r] = own[j]
                flags.setdefault(r, []).append(f"own_country_region:{d:.1f}km")
            else:
                flags.setdefault(r, []).append("other_country_region")


def _conformed(events: Any, columns: tuple[str, ...]) -> bool:
    """Whether ``events`` is already a WGS84 events GeoDataFrame with every schema column."""
    crs = getattr(events, "crs", None)
    return (hasattr(events, "geometry") and crs is not None and crs.to_epsg() == 4326
            and all(c in events.columns for c in columns))


def _merge_flags(old: str, new: list[str]) -> str:
    parts = [p for p in old.split(";") if p]
    # flags from an earlier join are replaced, not accumulated
    parts = [p for p in parts if not (p.startswith("nearest_region:") or p == "outside_regions")]
    for f in new:
        if f not in parts:
            parts.append(f)
    return ";".join(parts)

