"""The embedded admin-1 default: Natural Earth 1:10m admin-1 polygons (public domain).

Built reproducibly on first use from the copy that Debian's ``qgis-common`` package installs
(``/usr/share/qgis/resources/data/world_map.gpkg``, layer ``states_provinces``): the name, code and
country fields are kept, the polygons are repaired and simplified modestly (about 1 km), and the
result is cached under the user cache folder keyed by the content of the source file. Nothing of it
is committed to the repository.

Build it by hand with ``python -m conflict_map.regions.default`` (prints the cached file).

Natural Earth's boundaries show de facto control as Natural Earth sees it; they are political and
may be disputed. Pass your own boundaries (``--regions``) when they matter.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RegionsError
from .read import DISPUTED_NOTE, Regions, regions_from_frame
from .fields import LevelFields

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["default_regions", "build_default_admin1", "find_admin1_codes", "QGIS_WORLD_MAP",
           "DEFAULT_SOURCE", "cache_dir"]

#: Where Debian's qgis-common installs Natural Earth (override with $CONFLICT_MAP_NE_WORLD_MAP).
QGIS_WORLD_MAP = Path("/usr/share/qgis/resources/data/world_map.gpkg")
_LAYER = "states_provinces"
_KEEP = ("name", "iso_a2", "adm1_code", "fips", "admin", "adm0_a3", "gn_name")
#: Simplification tolerance in degrees (about 1 km): keeps border towns on the right side.
_SIMPLIFY_DEG = 0.01
_BUILD_VERSION = "1"

#: How outputs credit the default boundaries.
DEFAULT_SOURCE: dict[str, Any] = {
    "name": "Natural Earth 1:10m admin-1 states and provinces",
    "provider": "Natural Earth (naturalearthdata.com), via Debian package qgis-common (world_map.gpkg)",
    "licence": "public domain",
    "convention": "Natural Earth admin-1",
    "levels": [1],
    "note": DISPUTED_NOTE,
}


def cache_dir() -> Path:
    """The cache folder: ``$CONFLICT_MAP_CACHE_DIR`` or the platform's user cache folder."""
    env = os.environ.get("CONFLICT_MAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflict-map"))


def _source_path(source: str | os.PathLike[str] | None) -> Path:
    if source is not None:
        return Path(source)
    return Path(os.environ.get("CONFLICT_MAP_NE_WORLD_MAP", QGIS_WORLD_MAP))


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    h.update(_BUILD_VERSION.encode())
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def build_default_admin1(source: str | os.PathLike[str] | None = None,
                         out: str | os.PathLike[str] | None = None) -> Path:
    """Build (or find in the cache) the admin-1 default from Natural Earth; return its path.

    Parameters
    ----------
    source
        Natural Earth ``world_map.gpkg`` (default: the one Debian's ``qgis-common`` installs).
    out
        Where to write the GeoPackage; default: the cache folder, named by the source's content.

    Raises
    ------
    RegionsError
        The source is not installed (``apt-get install qgis-common``) or cannot be read.
    """
    import pyogrio
    import shapely

    from ..io._atomic import atomic_path

    src = _source_path(source)
    if not src.exists():
        raise RegionsError(
            f"the embedded admin-1 default needs Natural Earth from Debian's qgis-common ({src} is "
            "absent): install it (apt-get install qgis-common) or pass boundaries with --regions")
    target = Path(out) if out is not None else cache_dir() / "regions" / f"ne_admin1_{_digest(src)}.gpkg"
    if target.exists():
        return target
    try:
        gdf = pyogrio.read_dataframe(src, layer=_LAYER)
    except Exception as exc:
        raise RegionsError(f"{src}: cannot read layer {_LAYER} ({exc})") from exc
    keep = [c for c in _KEEP if c in gdf.columns]
    gdf = gdf[keep + [gdf.geometry.name]]
    geom = shapely.make_valid(gdf.geometry.array)
    geom = shapely.simplify(geom, _SIMPLIFY_DEG, preserve_topology=True)
    gdf = gdf.set_geometry(geom)
    gdf = gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]
    sort_cols = [c for c in ("iso_a2", "name", "fips") if c in gdf.columns]
    gdf = gdf.sort_values(sort_cols, kind="stable").reset_index(drop=True)
    with atomic_path(target) as tmp:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
        try:
            pyogrio.write_dataframe(gdf, tmp, layer="admin1", driver="GPKG",
                                    layer_options={"SPATIAL_INDEX": "NO"})
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    return target


_CACHE: dict[tuple[str, str], Regions] = {}


def find_admin1_codes(paths: "list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...] | None" = None
                      ) -> Path | None:
    """GeoNames ``admin1CodesASCII.txt`` in or beside the given GeoNames paths (default: the paths in
    ``$CONFLICT_MAP_GEONAMES``), or ``None``.

    Examples
    --------
    >>> find_admin1_codes([]) is None
    True
    """
    if paths is None:
        env = os.environ.get("CONFLICT_MAP_GEONAMES", "")
        paths = [p for p in env.split(os.pathsep) if p]
    for p in paths:
        p = Path(p)
        folder = p if p.is_dir() else p.parent
        table = folder / "admin1CodesASCII.txt"
        if table.exists():
            return table
    return None


def default_regions(admin1_codes: str | os.PathLike[str] | None = None) -> Regions:
    """The embedded admin-1 default as :class:`~conflict_map.regions.Regions` (built on first use).

    Parameters
    ----------
    admin1_codes
        GeoNames ``admin1CodesASCII.txt``: when given, admin-1 names come from GeoNames (matched by
        the FIPS code Natural Earth and GeoNames share), so they agree with the gazetteer's names.

    Raises
    ------
    RegionsError
        Debian's ``qgis-common`` is not installed: install it or pass boundaries (``--regions``).
    """
    path = build_default_admin1()
    key = (str(path), str(admin1_codes or ""))
    if key in _CACHE:
        return _CACHE[key]
    import pyogrio

    gdf = pyogrio.read_dataframe(path)
    code = "adm1_code" if "adm1_code" in gdf.columns else "fips"
    fields = LevelFields({1: ("name", code)}, "admin", "iso_a2", "Natural Earth admin-1")
    source = dict(DEFAULT_SOURCE, path=str(path))
    if admin1_codes is not None:
        gdf, renamed = _geonames_names(gdf, code, Path(admin1_codes))
        source["admin1_names"] = f"GeoNames admin1CodesASCII.txt (CC BY 4.0), {renamed} names"
    regions = regions_from_frame(gdf, name=DEFAULT_SOURCE["name"], path=str(path), fields=fields,
                                 licence=DEFAULT_SOURCE["licence"])
    regions.layers[0].source.update(source)
    _CACHE[key] = regions
    return regions


def _geonames_names(gdf: "gpd.GeoDataFrame", code: str, table: Path) -> tuple["gpd.GeoDataFrame", int]:
    """Admin-1 names from GeoNames' code table, where Natural Earth's FIPS code (``ML03``) matches
    GeoNames' admin-1 code (``ML.03``)."""
    if not table.exists():
        raise RegionsError(f"{table}: no such GeoNames admin1 code table")
    names: dict[str, str] = {}
    with open(table, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                names[parts[0]] = parts[1]
    gdf = gdf.copy()
    renamed = 0
    new = []
    for iso, fips, name in zip(gdf["iso_a2"].fillna(""), gdf[code].fillna(""), gdf["name"].fillna("")):
        key = f"{iso}.{fips[2:]}" if len(fips) > 2 and fips[:2].isalpha() else ""
        if key in names:
            new.append(names[key])
            renamed += 1
        else:
            new.append(name)
    gdf["name"] = new
    return gdf, renamed


if __name__ == "__main__":  # pragma: no cover
    print(build_default_admin1())
