"""Admin regions: read boundaries in any GDAL format and join events to them.

Admin boundaries are political and often disputed. The boundaries used are the user's choice
(``--regions``); the embedded admin-1 default (Natural Earth, public domain) is a convenience, not a
statement on any border. Every frame joined here names its boundary source in ``attrs["sources"]``.

Importing this package does not import geopandas or load any boundary: the names below are loaded on
first use.

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import box
>>> from conflict_map.model import Event, events_to_frame
>>> from conflict_map.regions import join_regions, regions_from_frame
>>> polys = gpd.GeoDataFrame({"admin1Name": ["East", "West"], "admin1Pcod": ["E1", "W1"]},
...                          geometry=[box(0, 0, 1, 1), box(-1, 0, 0, 1)], crs="EPSG:4326")
>>> ev = events_to_frame([Event("Battles", "Armed clash", latitude=0.5, longitude=0.5)])
>>> out = join_regions(ev, regions_from_frame(polys, name="toy"))
>>> out.loc[0, "admin1"], out.loc[0, "admin1_pcode"]
('East', 'E1')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

__all__ = [
    "Regions",
    "RegionLayer",
    "read_regions",
    "regions_from_frame",
    "join_regions",
    "default_regions",
    "build_default_admin1",
    "detect_fields",
    "LevelFields",
]

_LAZY = {
    "Regions": "conflict_map.regions.read",
    "RegionLayer": "conflict_map.regions.read",
    "read_regions": "conflict_map.regions.read",
    "regions_from_frame": "conflict_map.regions.read",
    "join_regions": "conflict_map.regions.join",
    "default_regions": "conflict_map.regions.default",
    "build_default_admin1": "conflict_map.regions.default",
    "detect_fields": "conflict_map.regions.fields",
    "LevelFields": "conflict_map.regions.fields",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


if TYPE_CHECKING:  # pragma: no cover
    from .default import build_default_admin1, default_regions
    from .fields import LevelFields, detect_fields
    from .join import join_regions
    from .read import RegionLayer, Regions, read_regions, regions_from_frame
