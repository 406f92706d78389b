"""conflict-map: reporting on political violence as typed, dated, geolocated events.

Importing this package loads no data, opens no index, touches no network and does not import
folium or geopandas: the public names below are loaded on first use.

Examples
--------
>>> import conflict_map
>>> conflict_map.__version__
'0.1.0'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_names

from ._version import __version__
from .errors import (
    ConflictMapError,
    FormatError,
    InputError,
    InputNotFoundError,
    MapError,
    OutputError,
    RecordError,
    RegionsError,
    SchemaError,
)

# public name -> module that defines it (loaded lazily, PEP 562)
_LAZY = {
    "Event": "conflict_map.model",
    "Article": "conflict_map.model",
    "events_to_frame": "conflict_map.model",
    "read_articles": "conflict_map.io.articles",
    "read_events": "conflict_map.io",
    "write_events": "conflict_map.io",
    "extract_events": "conflict_map.extract",
    "dedup_events": "conflict_map.dedup",
    "locate": "conflict_map.locate",
    "join_regions": "conflict_map.regions",
    "read_regions": "conflict_map.regions",
    "make_map": "conflict_map.maps",
    "save_map": "conflict_map.maps",
    "run": "conflict_map.pipeline",
    "RunResult": "conflict_map.pipeline",
}

__all__ = [
    "__version__",
    "ConflictMapError",
    "FormatError",
    "InputError",
    "InputNotFoundError",
    "MapError",
    "OutputError",
    "RecordError",
    "RegionsError",
    "SchemaError",
    *_LAZY,
]


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


if TYPE_CHECKING:  # pragma: no cover
    from .dedup import dedup_events
    from .extract import extract_events
    from .io import read_events, write_events
    from .io.articles import read_articles
    from .locate import locate
    from .maps import make_map, save_map
    from .model import Article, Event, events_to_frame
    from .pipeline import RunResult, run
    from .regions import join_regions, read_regions
