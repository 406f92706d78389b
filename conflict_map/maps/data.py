"""The event data of a map, encoded once and compactly as columns, and embedded safely in HTML.

Numbers travel as flat arrays (latitude, longitude, type index, fatalities, day number, precisions);
repeated strings as a table of distinct values plus an index array; the long per-event texts
(actors, places, sources, evidence) as a second block that is deflate-compressed and base64-encoded
when it is large. Every JSON block is made safe to sit inside ``<script type="application/json">``:
``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes, so no report text can close
the element or be read as markup.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import EVENT_TYPES

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import numpy as np

__all__ = ["EncodedEvents", "encode_events", "json_for_html", "TYPE_STYLE", "MISSING_DAY",
           "TEXT_COLUMNS"]

#: Day number written for events without a usable date (JavaScript tests ``d > -1e8``).
MISSING_DAY = -999_999_999

#: Colour and marker shape of each ACLED event type (the same on the canvas and in the legend).
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Battles": ("#d7191c", "diamond"),
    "Explosions/Remote violence": ("#ff7f00", "star"),
    "Violence against civilians": ("#7b3294", "triangle"),
    "Protests": ("#2b83ba", "circle"),
    "Riots": ("#1a9641", "square"),
    "Strategic developments": ("#737373", "hexagon"),
}
_EXTRA_STYLE = [("#a6611a", "cross"), ("#e7298a", "circle"), ("#66a61e", "square"), ("#1b9e77", "triangle")]

#: Text shown in popups: output key -> source columns (the first non-empty one is used).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "actor1": ("actor1",),
    "assoc_actor_1": ("assoc_actor_1",),
    "actor2": ("actor2",),
    "assoc_actor_2": ("assoc_actor_2",),
    "location": ("location", "place_mention"),
    "admin1": ("admin1",),
    "admin2": ("admin2",),
    "admin3": ("admin3",),
    "country": ("country",),
    "source": ("source",),
    "source_url": ("source_url",),
    "evidence": ("evidence", "notes"),
}


def json_for_html(obj: Any) -> str:
    """Compact JSON that is safe inside a ``<script type="application/json">`` element.

    Examples
    --------
    >>> json_for_html({"a": "</script><img src=x onerror=alert(1)>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass
class EncodedEvents:
    """An events table encoded for the page.

    ``core`` is the JSON block the first drawing needs, ``text`` the popup texts (JSON, or base64 of
    deflated JSON when ``text_compressed``), ``bounds`` the ``[[south, west], [north, east]]`` of
    located events (``None`` when there are none).
    """

    core: str
    text: str
    text_compressed: bool
    total: int
    located: int
    bounds: list[list[float]] | None
    types: list[str] = field(default_factory=list)
    lat: "np.ndarray | None" = None
    lon: "np.ndarray | None" = None


def _strings(frame: "gpd.GeoDataFrame", col: str) -> "np.ndarray":
    import numpy as np
    import pandas as pd

    if col not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    s = frame[col]
    s = s.astype(object).where(pd.notna(s), "")
    return np.asarray([v if isinstance(v, str) else str(v) for v in s.tolist()], dtype=object)


def _ints(frame: "gpd.GeoDataFrame", col: str, missing: int) -> "np.ndarray":
    import numpy as np
    import pandas as pd

    from ..errors import SchemaError

    if col not in frame.columns:
        return np.full(len(frame), missing, dtype=np.int64)
    try:
        s = pd.to_numeric(frame[col], errors="raise")
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"column {col!r} holds values that are not numbers: {exc}") from exc
    arr = s.to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isnan(arr), missing, np.round(arr)).astype(np.int64)


def _days(frame: "gpd.GeoDataFrame") -> "np.ndarray":
    import numpy as np
    import pandas as pd

    if "event_date" not in frame.columns:
        return np.full(len(frame), MISSING_DAY, dtype=np.int64)
    s = frame["event_date"].astype(object).where(pd.notna(frame["event_date"]), None)
    dt = pd.to_datetime(s.astype(str).str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    vals = dt.to_numpy(dtype="datetime64[D]")
    days = vals.astype("int64")
    return np.where(np.isnat(vals), MISSING_DAY, days).astype(np.int64)


def _table(values: "np.ndarray") -> dict[str, Any] | None:
    import pandas as pd

    if len(values) == 0 or not any(values):
        return None
    codes, uniques = pd.factorize(values, sort=False)
    if len(uniques) * 2 <= len(values):
        return {"v": list(uniques), "k": codes.tolist()}
    return {"v": values.tolist()}


def coordinates(frame: "gpd.GeoDataFrame") -> tuple["np.ndarray", "np.ndarray"]:
    """Latitude and longitude arrays of an events frame (NaN where unlocated); geometry wins."""
    import numpy as np
    import shapely

    n = len(frame)
    lat = frame["latitude"].to_numpy(dtype="float64", na_value=np.nan) if "latitude" in frame else np.full(n, np.nan)
    lon = frame["longitude"].to_numpy(dtype="float64", na_value=np.nan) if "longitude" in frame else np.full(n, np.nan)
    geom = getattr(frame, "geometry", None)
    if geom is not None and n:
        g = geom.to_numpy()
        has = ~shapely.is_missing(g) & ~shapely.is_empty(g)
        if has.any():
            x = shapely.get_x(g[has])
            y = shapely.get_y(g[has])
            lat = lat.copy()
            lon = lon.copy()
            lat[has] = y
            lon[has] = x
    ok = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    return np.where(ok, lat, np.nan), np.where(ok, lon, np.nan)


def encode_events(frame: "gpd.GeoDataFrame", region_index: "np.ndarray | None" = None,
                  regions: dict[str, Any] | None = None, compress_text: bool | str = "auto", compress_above: int = 512 * 1024) -> EncodedEvents:
    """Encode an events frame (already in the event schema, points only) for the page.

    Parameters
    ----------
    frame
        Events in the schema of :mod:`conflict_map.model` (see :func:`conflict_map.model.conform_frame`).
    region_index
        For each row, the index of its region in the choropleth (``-1`` for none), or ``None``.
    regions
        The regions block (names, label, GeoJSON) from :func:`conflict_map.maps.choropleth.prepare_regions`.
    compress_text
        ``True``, ``False`` or ``"auto"`` (compress when the text block exceeds ``compress_above`` bytes).

    Examples
    --------
    >>> from conflict_map.model import Event, events_to_frame
    >>> enc = encode_events(events_to_frame([
    ...     Event("Riots", "Mob violence", "2024-05-02", latitude=12.6, longitude=-8.0),
    ...     Event("Protests", "Peaceful protest", "2024-05-03")]))
    >>> enc.total, enc.located, enc.bounds
    (2, 1, [[12.6, -8.0], [12.6, -8.0]])
    """
    import numpy as np

    lat, lon = coordinates(frame)
    located = ~np.isnan(lat)
    idx = np.flatnonzero(located)
    sub = frame.iloc[idx]
    n = len(idx)

    etype = _strings(sub, "event_type")
    etype = np.where(etype == "", "(no event type)", etype).astype(object)
    order = [t for t in EVENT_TYPES if t in set(etype.tolist())]
    order += [t for t in dict.fromkeys(etype.tolist()) if t not in order]
    if not order:
        order = list(EVENT_TYPES)
    tindex = {t: i for i, t in enumerate(order)}
    styles = [TYPE_STYLE.get(t) or _EXTRA_STYLE[i % len(_EXTRA_STYLE)] for i, t in enumerate(order)]
    subtype_codes, subtypes = _factorize(_strings(sub, "sub_event_type"))

    ids = _strings(sub, "event_id")
    missing_id = ids == ""
    if missing_id.any():
        ids = ids.copy()
        ids[missing_id] = [f"row{int(i)}" for i in idx[missing_id]]

    fat = _ints(sub, "fatalities", -1)
    low = _ints(sub, "fatalities_low", -1)
    high = _ints(sub, "fatalities_high", -1)
    core: dict[str, Any] = {
        "total": int(len(frame)),
        "unlocated": int(len(frame) - n),
        "types": order,
        "colors": [s[0] for s in styles],
        "shapes": [s[1] for s in styles],
        "subtypes": subtypes,
        "id": ids.tolist(),
        "lat": np.round(lat[idx], 5).tolist(),
        "lon": np.round(lon[idx], 5).tolist(),
        "t": [tindex[t] for t in etype.tolist()],
        "st": subtype_codes,
        "f": fat.tolist(),
        "d": _days(sub).tolist(),
        "tp": _ints(sub, "time_precision", 0).tolist(),
        "gp": _ints(sub, "geo_precision", 0).tolist(),
    }
    if region_index is not None:
        core["reg"] = np.asarray(region_index)[idx].astype(int).tolist()
    if regions is not None:
        core["regions"] = regions

    text: dict[str, Any] = {}
    for key, cols in TEXT_COLUMNS.items():
        vals = _strings(sub, cols[0])
        for alt in cols[1:]:
            empty = vals == ""
            if empty.any():
                vals = np.where(empty, _strings(sub, alt), vals)
        table = _table(vals)
        if table is not None:
            text[key] = table
    rng = np.where((low >= 0) & (high >= 0) & (low != high),
                   np.char.add(np.char.add(low.astype(str), "\u2013"), high.astype(str)).astype(object), "")
    table = _table(np.asarray(rng, dtype=object))
    if table is not None:
        text["fatalities_range"] = table

    text_json = json_for_html(text)
    compressed = bool(compress_text) if compress_text != "auto" else len(text_json) > compress_above
    if compressed:
        raw = json.dumps(text, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        text_out = base64.b64encode(zlib.compress(raw, 6)).decode("ascii")
    else:
        text_out = text_json
    bounds = None
    if n:
        la, lo = lat[idx], lon[idx]
        bounds = [[float(la.min()), float(lo.min())], [float(la.max()), float(lo.max())]]
    return EncodedEvents(core=json_for_html(core), text=text_out, text_compressed=compressed,
                         total=int(len(frame)), located=n, bounds=bounds, types=order, lat=lat, lon=lon)


def _factorize(values: "np.ndarray") -> tuple[list[int], list[str]]:
    import pandas as pd

    codes, uniques = pd.factorize(values, sort=False)
    return codes.tolist(), [str(u) for u in uniques]
