"""The event model: one typed record, its column schema, and conversion to and from GeoDataFrames.

The output data model is a contract (GeoJSON properties and CSV columns): change it deliberately.
ACLED's column order comes first (EVENTS.md); our extra columns follow in a fixed order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = [
    "Event",
    "Article",
    "Rejected",
    "ACLED_COLUMNS",
    "EXTRA_COLUMNS",
    "EVENT_COLUMNS",
    "COLUMN_KINDS",
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "DISORDER_TYPES",
    "INTER_CODES",
    "make_event_id",
    "events_to_frame",
    "frame_to_events",
    "empty_events_frame",
    "conform_frame",
]

#: ACLED's current export columns, in order (EVENTS.md). ``event_id_cnty`` carries our ``event_id``.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

#: Columns conflict-map adds after ACLED's, in order.
EXTRA_COLUMNS: tuple[str, ...] = (
    "fatalities_low", "fatalities_high", "country_code", "admin1_pcode", "admin2_pcode",
    "admin3_pcode", "geonameid", "place_mention", "source_id", "source_url", "evidence",
    "date_expression", "location_flags",
)

#: Every column of an events frame, in output order (``event_id`` stands for ``event_id_cnty``).
EVENT_COLUMNS: tuple[str, ...] = ("event_id",) + ACLED_COLUMNS[1:] + EXTRA_COLUMNS

_INT = {"year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
        "fatalities_low", "fatalities_high", "geonameid", "timestamp", "iso"}
_FLOAT = {"latitude", "longitude"}
#: column -> "int" | "float" | "str" (``event_date`` is an ISO ``YYYY-MM-DD`` string).
COLUMN_KINDS: dict[str, str] = {
    c: ("int" if c in _INT else "float" if c in _FLOAT else "str") for c in EVENT_COLUMNS
}

#: ACLED's event types and sub-types in precedence order (higher first).
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)

#: ACLED's disorder type for each event type (Strategic developments are their own).
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

#: ACLED inter codes.
INTER_CODES: dict[int, str] = {
    0: "", 1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}


@dataclass(frozen=True)
class Article:
    """One input text record (an article or report).

    ``origin`` says where it came from (``path`` or ``path:line``) so rejections and provenance can
    point back at the input.
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: date | None = None
    source: str = ""
    lang: str = ""
    origin: str = ""


@dataclass(frozen=True)
class Rejected:
    """An input record that could not be used, and why. It is listed in ``report.json``."""

    origin: str
    reason: str
    record_id: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "record_id": self.record_id, "reason": self.reason}


@dataclass
class Event:
    """One event, coded like ACLED, with provenance.

    Only ``event_type`` and ``sub_event_type`` are required; the rest defaults to empty. An event that
    could not be located has ``latitude``/``longitude`` of ``None`` and becomes ``geometry: null``.
    """

    event_type: str
    sub_event_type: str
    event_date: str | None = None
    time_precision: int | None = None
    event_id: str = ""
    year: int | None = None
    disorder_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int | None = 0
    tags: str = ""
    timestamp: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    country_code: str = ""
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""
    geonameid: int | None = None
    place_mention: str = ""
    source_id: str = ""
    source_url: str = ""
    evidence: str = ""
    date_expression: str = ""
    location_flags: str = ""

    def __post_init__(self) -> None:
        if self.event_type not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.sub_event_type not in SUB_EVENT_TYPES[self.event_type]:
            raise ValueError(
                f"sub_event_type {self.sub_event_type!r} does not belong to {self.event_type!r}"
            )
        if not self.disorder_type:
            self.disorder_type = DISORDER_TYPES[self.event_type]
        if self.event_date and self.year is None:
            self.year = int(self.event_date[:4])
        if self.inter1 is not None and self.inter2 is not None and self.interaction is None:
            self.interaction = interaction_code(self.inter1, self.inter2)
        if self.iso is None and self.country_code:
            from gazetteer.countries import country_numeric

            self.iso = country_numeric(self.country_code)  # ACLED's iso: the numeric code
        if not self.event_id:
            self.event_id = make_event_id(self)

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def to_dict(self) -> dict[str, Any]:
        return {c: getattr(self, c) for c in EVENT_COLUMNS}


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the lower inter code first (``1, 7 -> 17``; ``2, 0 -> 20``)."""
    a, b = sorted((int(inter1), int(inter2)))
    if a == 0:
        return b * 10
    return a * 10 + b


def make_event_id(event: Event | Mapping[str, Any], prefix: str = "CM") -> str:
    """A stable id from what identifies an event: actors, place, day, type and its sources.

    The same inputs always give the same id, whatever the machine or the run.
    """
    get = event.get if isinstance(event, Mapping) else lambda k, d=None: getattr(event, k, d)
    lat, lon = get("latitude"), get("longitude")
    place = (
        f"{float(lat):.4f},{float(lon):.4f}" if lat is not None and lon is not None else ""
    ) + "|" + str(get("location") or get("place_mention") or "")
    key = "\x1f".join(
        str(x or "")
        for x in (
            get("source_id"), get("event_date"), get("event_type"), get("sub_event_type"),
            get("actor1"), get("actor2"), place,
        )
    )
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()
    return f"{prefix}{digest}"


def _clean(value: Any, kind: str) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if kind == "int":
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            return int(float(value))
        return int(value)
    if kind == "float":
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        return float(value)
    if isinstance(value, (date,)):
        return value.isoformat()
    return str(value)


def empty_events_frame() -> "gpd.GeoDataFrame":
    """An events GeoDataFrame with every column and no rows."""
    return events_to_frame([])


def events_to_frame(events: Iterable[Event | Mapping[str, Any]]) -> "gpd.GeoDataFrame":
    """Events (dataclasses or mappings) as a GeoDataFrame in WGS84 with the full column schema.

    Unlocated events get an empty (``None``) geometry.

    Examples
    --------
    >>> from conflict_map.model import Event, events_to_frame
    >>> gdf = events_to_frame([Event("Battles", "Armed clash", "2025-07-01", 1,
    ...                              location="Kayes", latitude=14.45, longitude=-11.44)])
    >>> gdf.loc[0, "location"], gdf.crs.to_epsg(), gdf.geometry[0].x
    ('Kayes', 4326, -11.44)
    """
    rows = [e.to_dict() if isinstance(e, Event) else dict(e) for e in events]
    return _rows_to_frame(rows)


def _rows_to_frame(rows: list[dict[str, Any]]) -> "gpd.GeoDataFrame":
    import pandas as pd

    return _conform_columns(pd.DataFrame.from_records(rows) if rows else pd.DataFrame())


def _to_str(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, str):
        return v
    if type(v).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(v, date):
        return v.isoformat()[:10] if not hasattr(v, "hour") or not (v.hour or v.minute) else v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _coerce(series: Any, kind: str, name: str) -> Any:
    """One column coerced to its kind, vectorised (whole-column operations, no per-row Python for
    numbers already stored as numbers)."""
    import numpy as np
    import pandas as pd

    if kind == "str":
        if pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
            return series.fillna("").astype(object)
        if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
            return series.fillna("").astype(object)  # only strings and missing values
        return series.map(_to_str).astype(object)
    values = series
    if values.dtype == bool:
        values = values.astype("float64")
    try:
        num = pd.to_numeric(values, errors="raise").astype("float64")
    except (TypeError, ValueError):
        # text cells: blanks are missing values, surrounding spaces do not count
        values = values.map(lambda v: v.strip() if isinstance(v, str) else v).replace({"": np.nan})
        try:
            num = pd.to_numeric(values, errors="raise").astype("float64")
        except (TypeError, ValueError) as exc:
            raise ValueError(f"column {name!r}: {exc}") from None
    if kind == "float":
        return num
    finite = num.dropna()
    if len(finite) and not np.all(np.mod(finite.to_numpy(), 1) == 0):
        bad = finite[np.mod(finite.to_numpy(), 1) != 0].iloc[0]
        raise ValueError(f"column {name!r}: {bad!r} is not a whole number")
    return num.astype("Int64")


def _conform_columns(df: Any) -> "gpd.GeoDataFrame":
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    from shapely import points

    n = len(df)
    data: dict[str, Any] = {}
    for col in EVENT_COLUMNS:
        kind = COLUMN_KINDS[col]
        if col in df.columns:
            data[col] = _coerce(df[col].reset_index(drop=True), kind, col)
        elif kind == "int":
            data[col] = pd.array([None] * n, dtype="Int64")
        elif kind == "float":
            data[col] = np.full(n, np.nan)
        else:
            data[col] = pd.Series([""] * n, dtype=object)
    for col in df.columns:
        if col not in COLUMN_KINDS and col != "geometry" and col not in data:
            data[col] = df[col].reset_index(drop=True)
    out = pd.DataFrame(data)
    lat = out["latitude"].to_numpy(dtype="float64")
    lon = out["longitude"].to_numpy(dtype="float64")
    missing = np.isnan(lat) | np.isnan(lon)
    geom = points(np.where(missing, 0.0, lon), np.where(missing, 0.0, lat))
    geom[missing] = None
    return gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geom, crs="EPSG:4326"), crs="EPSG:4326")


def conform_frame(frame: Any) -> "gpd.GeoDataFrame":
    """Any events table (DataFrame or GeoDataFrame) brought to the full schema, in WGS84.

    Missing columns are added empty; values are coerced to each column's kind, column by column;
    latitude and longitude are taken from the geometry when it is present (points, or representative
    points of other shapes). Extra columns are kept after the schema's; ``attrs`` are kept.
    A frame that already conforms (columns, dtypes, CRS, coordinates in step with its geometry) is
    returned as it is, not copied: copy it before changing it in place.

    Raises
    ------
    SchemaError
        When a value cannot be coerced to its column's kind.
    """
    import geopandas as gpd

    from .errors import SchemaError

    if _conforms(frame) and _coordinates_in_sync(frame):
        return frame
    attrs = dict(getattr(frame, "attrs", {}) or {})
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        gdf = frame
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
            gdf = gdf.to_crs(4326)
        geom = gdf.geometry
        is_point = (geom.geom_type == "Point").to_numpy()
        frame = gdf.drop(columns=[gdf.geometry.name]).copy()
        has = ~(geom.isna() | geom.is_empty).to_numpy()
        if has.any():
            pts = geom[has]
            if not is_point[has].all():
                pts = pts.where(pts.geom_type == "Point", pts.representative_point())
            if "latitude" not in frame.columns:
                frame["latitude"] = float("nan")
                frame["longitude"] = float("nan")
            import pandas as pd

            frame["latitude"] = pd.to_numeric(frame["latitude"], errors="coerce").astype("float64")
            frame["longitude"] = pd.to_numeric(frame["longitude"], errors="coerce").astype("float64")
            frame.loc[has, "latitude"] = pts.y.to_numpy()
            frame.loc[has, "longitude"] = pts.x.to_numpy()
    try:
        out = _conform_columns(frame)
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"events table has a value of the wrong kind: {exc}") from exc
    out.attrs.update(attrs)
    return out


_KIND_OF_DTYPE = {"Int64": "int", "float64": "float"}


def _conforms(frame: Any) -> bool:
    """Whether ``frame`` already has the schema's columns, in order, with the schema's dtypes."""
    import geopandas as gpd

    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name != "geometry":
        return False
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        return False
    if tuple(frame.columns[: len(EVENT_COLUMNS)]) != EVENT_COLUMNS:
        return False
    dtypes = frame.dtypes
    for col in EVENT_COLUMNS:
        kind = COLUMN_KINDS[col]
        name = str(dtypes[col])
        if _KIND_OF_DTYPE.get(name, "str") != kind:
            return False
        if kind == "str" and name not in ("object", "str", "string"):
            return False
    return True


def _coordinates_in_sync(frame: "gpd.GeoDataFrame") -> bool:
    """Whether every geometry is a point at (longitude, latitude), or missing with both NaN."""
    import numpy as np
    import shapely

    geom = frame.geometry.to_numpy()
    lat = frame["latitude"].to_numpy(dtype="float64")
    lon = frame["longitude"].to_numpy(dtype="float64")
    missing = shapely.is_missing(geom)
    if not np.array_equal(missing, np.isnan(lat) | np.isnan(lon)):
        return False
    present = geom[~missing]
    if len(present) == 0:
        return True
    if (shapely.get_type_id(present) != 0).any() or shapely.is_empty(present).any():
        return False
    return bool(np.array_equal(shapely.get_x(present), lon[~missing])
                and np.array_equal(shapely.get_y(present), lat[~missing]))


def frame_to_events(frame: "gpd.GeoDataFrame") -> list[Event]:
    """The rows of an events frame as :class:`Event` records (extra columns are dropped)."""
    gdf = conform_frame(frame)
    names = {f.name for f in dataclasses.fields(Event)}
    out = []
    for rec in gdf.drop(columns="geometry").to_dict(orient="records"):
        kw = {k: _clean(v, COLUMN_KINDS[k]) for k, v in rec.items() if k in names}
        kw = {k: ("" if v is None and COLUMN_KINDS[k] == "str" else v) for k, v in kw.items()}
        out.append(Event(**kw))
    return out
