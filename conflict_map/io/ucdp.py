"""UCDP Georeferenced Event Dataset (GED) CSV as events, coded in ACLED's terms where they map.

Mapping (ours, documented so users can undo it): ``type_of_violence`` 1 (state-based) and 2
(non-state) become Battles / Armed clash, 3 (one-sided) Violence against civilians / Attack with
civilians as actor 2; ``best`` gives ``fatalities`` (``low``/``high`` the range); ``date_start`` the
date and ``date_prec`` the time precision (1 → 1, 2–3 → 2, 4–5 → 3); ``where_prec`` the geo
precision (1 → 1, 2–3 → 2, 4–5 → 3; 6–7, country or wider, are kept unlocated as EVENTS.md asks).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable

from .table import Collector, CsvTable, parse_date, parse_float, parse_int, read_csv_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_ucdp", "ucdp_records", "is_ucdp"]

_TIME_PREC = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
_GEO_PREC = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
_TYPES = {1: ("Battles", "Armed clash"), 2: ("Battles", "Armed clash"),
          3: ("Violence against civilians", "Attack")}
_TYPE_NAMES = {1: "state-based conflict", 2: "non-state conflict", 3: "one-sided violence"}


def is_ucdp(columns: Iterable[str]) -> bool:
    """Whether CSV columns look like UCDP GED.

    Examples
    --------
    >>> is_ucdp(["id", "type_of_violence", "side_a", "side_b", "best", "date_start"])
    True
    """
    cols = {c.strip().lower() for c in columns}
    return {"type_of_violence", "side_a", "side_b", "best"} <= cols


def ucdp_records(table: CsvTable, col: Collector) -> list[dict[str, Any]]:
    """UCDP GED rows as event records, rejecting unusable rows into ``col``."""
    header = [h.lower() for h in table.header]
    table = CsvTable(table.path, header, table.rows, table.lines)
    out = []
    for line, rec in table.records():
        try:
            out.append(_record(rec, col, line))
        except ValueError as exc:
            col.reject(line, str(exc), rec.get("id", ""))
    return out


def _record(rec: dict[str, str], col: Collector, line: int) -> dict[str, Any]:
    uid = rec.get("id", "").strip() or rec.get("relid", "").strip()
    if not uid:
        raise ValueError("no id")
    tov = parse_int(rec.get("type_of_violence", ""))
    if tov not in _TYPES:
        raise ValueError(f"type_of_violence {rec.get('type_of_violence')!r} is not 1, 2 or 3")
    raw = rec.get("date_start", "").strip() or rec.get("date_end", "").strip()
    if not raw:
        raise ValueError("no date_start")
    d = parse_date(raw)
    et, st = _TYPES[tov]
    country = rec.get("country", "").strip()
    side_b = rec.get("side_b", "").strip()
    r: dict[str, Any] = {
        "event_id": f"UCDP{uid}",
        "event_date": d.isoformat(),
        "year": d.year,
        "time_precision": _TIME_PREC.get(parse_int(rec.get("date_prec", "")) or 1, 3),
        "event_type": et,
        "sub_event_type": st,
        "actor1": rec.get("side_a", "").strip(),
        "actor2": (f"Civilians ({country})" if country else "Civilians") if tov == 3 else side_b,
        "country": country,
        "region": rec.get("region", "").strip(),
        "admin1": rec.get("adm_1", "").strip(),
        "admin2": rec.get("adm_2", "").strip(),
        "location": rec.get("where_coordinates", "").strip(),
        "source": rec.get("source_office", "").strip(),
        "source_id": rec.get("source_article", "").strip()[:500],
        "notes": "; ".join(x for x in (rec.get("dyad_name", "").strip(),
                                       _TYPE_NAMES[tov],
                                       rec.get("where_description", "").strip()) if x),
    }
    if tov == 3:
        r["inter2"] = 7
        r["civilian_targeting"] = "Civilian targeting"
    best, low, high = (parse_int(rec.get(k, "")) for k in ("best", "low", "high"))
    if best is None:
        raise ValueError("no best fatality estimate")
    if best < 0:
        raise ValueError(f"negative fatalities {best}")
    r["fatalities"] = best
    r["fatalities_low"], r["fatalities_high"] = low, high
    given_year = parse_int(rec.get("year", ""))
    if given_year is not None and given_year != d.year:
        col.warn(line, f"year {given_year} disagrees with date_start {d.isoformat()}", field="year",
                 given=given_year, computed=d.year)
    wp = parse_int(rec.get("where_prec", "")) or 1
    lat, lon = parse_float(rec.get("latitude", ""), "latitude"), parse_float(rec.get("longitude", ""), "longitude")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: latitude {lat}, longitude {lon}")
    if wp >= 6 or lat is None or lon is None:
        col.warn(line, f"where_prec {wp}: located at country level or wider, kept unlocated",
                 field="geo_precision")
        lat = lon = None
        r["location_flags"] = "country_level"
    r["latitude"], r["longitude"] = lat, lon
    r["geo_precision"] = _GEO_PREC.get(wp) if lat is not None else None
    return r


def read_ucdp(path: str | os.PathLike[str], on_error: str = "report", **_: Any) -> "pd.DataFrame":
    """Read a UCDP GED CSV as an events table (``attrs["rejected"]``, ``attrs["warnings"]``).

    Examples
    --------
    >>> import tempfile, os, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp(), "ged.csv")
    >>> _ = p.write_text("id,year,type_of_violence,side_a,side_b,best,low,high,date_start,date_prec,"
    ...                  "where_prec,latitude,longitude,country\\n"
    ...                  "5,2017,3,JNIM,Civilians,4,4,6,2017-01-03 00:00:00.000,1,1,14.5,-4.2,Mali\\n")
    >>> df = read_ucdp(p)
    >>> df.loc[0, ["event_id", "event_type", "actor2", "fatalities"]].astype(str).tolist()
    ['UCDP5', 'Violence against civilians', 'Civilians (Mali)', '4']
    """
    import pandas as pd

    table = read_csv_table(path)
    col = Collector(str(path), on_error)
    recs = ucdp_records(table, col)
    return col.attach(pd.DataFrame.from_records(recs) if recs else pd.DataFrame({"event_id": []}))
