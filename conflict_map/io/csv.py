"""Events as CSV in ACLED's column order, extra columns after (EVENTS.md)."""

from __future__ import annotations

import csv
import io
import math
import os
from typing import TYPE_CHECKING, Any

from ..model import ACLED_COLUMNS, COLUMN_KINDS, EXTRA_COLUMNS, conform_frame
from ._atomic import atomic_open
from ._columns import column_lists

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

#: CSV header: ACLED's columns, then ours.
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS


def _cell(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if type(v).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(v, float):
        return repr(round(v, 6))
    return str(v)


def dumps(events: "gpd.GeoDataFrame") -> str:
    """Serialise events as CSV text (deterministic, ``\\n`` line ends, UTF-8)."""
    gdf = conform_frame(events)
    extra = [c for c in gdf.columns if c not in COLUMN_KINDS and c != "geometry"]
    header = list(CSV_COLUMNS) + extra
    source = ["event_id" if c == "event_id_cnty" else c for c in header]
    columns = [[_cell(v) for v in col] for col in column_lists(gdf, source)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(zip(*columns))
    return buf.getvalue()


def write_csv(events: "gpd.GeoDataFrame", path: str | os.PathLike[str]) -> None:
    """Write events to ``path`` as ACLED-ordered CSV, atomically."""
    text = dumps(events)
    with atomic_open(path, "w", newline="") as fh:
        fh.write(text)
