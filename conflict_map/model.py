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
    import geopandas as gpd
    import pandas as pd
    from shapely import points

    data: dict[str, Any] = {}
    extra = [k for r in rows for k in r if k not in COLUMN_KINDS and k != "geometry"]
    extra = list(dict.fromkeys(extra))
    for col in EVENT_COLUMNS:
        kind = COLUMN_KINDS[col]
        values = [_clean(r.get(col), kind) for r in rows]
        if kind == "int":
            data[col] = pd.array(values, dtype="Int64")
        elif kind == "float":
            data[col] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
        else:
            data[col] = pd.array(["" if v is None else v for v in values], dtype=object)
    for col in extra:
        data[col] = pd.array([r.get(col) for r in rows], dtype=object)
    df = pd.DataFrame(data)
    lat = df["latitude"].to_numpy(dtype="float64")
    lon = df["longitude"].to_numpy(dtype="float64")
    geom = points(lon, lat)  # NaN coordinates give empty points; make them missing instead
    import numpy as np

    geom = np.where(np.isnan(lat) | np.isnan(lon), None, geom)
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs="EPSG:4326"), crs="EPSG:4326")


def conform_frame(frame: Any) -> "gpd.GeoDataFrame":
    """Any events table (DataFrame or GeoDataFrame) brought to the full schema, in WGS84.

    Missing columns are added empty; values are coerced to each column's kind; latitude and longitude
    are taken from the geometry when it is present (points, or representative points otherwise).

    Raises
    ------
    SchemaError
        When a value cannot be coerced to its column's kind.
    """
    import geopandas as gpd

    from .errors import SchemaError

    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        gdf = frame
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
            gdf = gdf.to_crs(4326)
        geom = gdf.geometry
        pts = geom.where(geom.isna() | (geom.geom_type == "Point"), geom.representative_point())
        frame = gdf.drop(columns=[gdf.geometry.name]).copy()
        has = ~(pts.isna() | pts.is_empty)
        if has.any():
            frame.loc[has.to_numpy(), "latitude"] = pts[has].y.to_numpy()
            frame.loc[has.to_numpy(), "longitude"] = pts[has].x.to_numpy()
    records = frame.to_dict(orient="records")
    try:
        return _rows_to_frame(records)
    except (TypeError, ValueError) as exc:
        raise SchemaError(f"events table has a value of the wrong kind: {exc}") from exc


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
