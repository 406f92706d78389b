"""CSV events tables: format detection, our own CSV read back, and generic CSV.

:func:`read_csv` (the ``.csv`` reader) recognises, in order: conflict-map's own CSV (ACLED's columns
plus ours, :mod:`conflict_map.io.csv`), an ACLED export (:mod:`conflict_map.io.acled`), UCDP GED
(:mod:`conflict_map.io.ucdp`), and a generic table with latitude/longitude columns or a place-name
column resolved with a gazetteer. Every row that cannot be used is reported with its line and reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..errors import FormatError, RecordError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_csv", "detect_csv_kind", "CsvTable", "read_csv_table", "Collector", "parse_date",
           "parse_int", "parse_float", "ON_ERROR", "LAT_COLUMNS", "LON_COLUMNS", "PLACE_COLUMNS"]
ON_ERROR = ("report", "raise", "ignore")


@dataclass
class CsvTable:
    """A CSV file as text cells: ``header`` (stripped), ``rows`` and each row's first line number."""

    path: str
    header: list[str]
    rows: list[list[str]]
    lines: list[int]

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        n = len(self.header)
        for line, row in zip(self.lines, self.rows):
            if len(row) < n:
                row = row + [""] * (n - len(row))
            yield line, dict(zip(self.header, row))


def read_csv_table(path: str | os.PathLike[str]) -> CsvTable:
    """Read a CSV file (UTF-8 with or without a byte-order mark; Latin-1 as a fallback).

    Raises
    ------
    FormatError
        When the file is empty or not CSV text.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        with open(path, encoding="latin-1", newline="") as fh:
            text = fh.read()
    if not text.strip():
        raise FormatError(f"{path}: empty file")
    try:
        dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    first = text.split("\n", 1)[0]
    if delimiter != "," and first.count(",") > first.count(delimiter):
        delimiter = ","
    # a stream, not str.splitlines: CSV records end only at \n, \r or \r\n outside quotes
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    try:
        start = 1
        for row in reader:
            if header is None:
                header = [h.strip() for h in row]
                start = reader.line_num + 1
                continue
            if not any(c.strip() for c in row):
                start = reader.line_num + 1
                continue
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(f"{path}: not valid CSV ({exc})") from exc
    if not header or not any(header):
        raise FormatError(f"{path}: no header row")
    return CsvTable(str(path), header, rows, lines)


@dataclass
class Collector:
    """Rejected rows and warnings of one read, with the ``on_error`` policy."""

    path: str
    on_error: str = "report"
    rejected: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {ON_ERROR}, not {self.on_error!r}")

    def reject(self, line: int, reason: str, record_id: str = "") -> None:
        origin = f"{self.path}:{line}"
        if self.on_error == "raise":
            raise RecordError(f"{origin}: {reason}")
        if self.on_error == "report":
            self.rejected.append({"origin": origin, "record_id": record_id, "reason": reason})

    def warn(self, line: int, message: str, **extra: Any) -> None:
        self.warnings.append({"origin": f"{self.path}:{line}", "message": message, **extra})

    def attach(self, frame: Any) -> Any:
        frame.attrs["rejected"] = list(self.rejected)
        frame.attrs["warnings"] = list(self.warnings)
        return frame


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%m-%Y", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%Y",
                 "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%d %B, %Y")
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")


@lru_cache(maxsize=65536)  # exports repeat the same few thousand dates
def parse_date(text: str) -> date:
    """A date in any of the forms ACLED and UCDP exports use.

    Examples
    --------
    >>> [parse_date(s).isoformat() for s in ("31 December 2020", "2020-12-31", "31-12-2020",
    ...                                      "16-Feb-21", "2017-01-03 00:00:00.000")]
    ['2020-12-31', '2020-12-31', '2020-12-31', '2021-02-16', '2017-01-03']
    """
    s = " ".join(text.split())
    m = _ISO_PREFIX.match(s)
    if m:
        s = m.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r}")


def parse_int(text: str) -> int | None:
    """An integer cell (``"3"``, ``"3.0"``); ``None`` when empty; ``ValueError`` otherwise."""
    s = text.strip()
    if not s:
        return None
    v = float(s)
    if v != v or v != int(v):
        raise ValueError(f"not a whole number: {text!r}")
    return int(v)


def parse_float(text: str, column: str = "") -> float | None:
    """A float cell (a decimal comma is accepted); ``None`` when empty.

    Raises
    ------
    ValueError
        Naming the column (when given) and the value: "longitude 'abc' is not a number".
    """
    s = text.strip().replace(",", ".") if text.count(",") == 1 and "." not in text else text.strip()
    if not s:
        return None
    try:
        v = float(s)
    except ValueError:
        raise ValueError(f"{column or 'value'} {text.strip()!r} is not a number") from None
    if v != v:
        return None
    return v


#: Column names (lower case) taken as latitude, longitude and place name in a generic CSV.
LAT_COLUMNS = ("latitude", "lat", "y", "lat_dd", "decimallatitude", "latitude_dd")
LON_COLUMNS = ("longitude", "lon", "lng", "long", "x", "lon_dd", "decimallongitude", "longitude_dd")
PLACE_COLUMNS = ("place", "location", "place_name", "placename", "place_mention", "town", "city",
                 "village", "locality", "settlement", "site", "name")
_DATE_COLUMNS = ("event_date", "date", "day", "date_start")
_FATALITY_COLUMNS = ("fatalities", "deaths", "killed", "dead", "best")
_COUNTRY_CODE_COLUMNS = ("country_code", "iso2", "cc", "country_iso")


def detect_csv_kind(columns: list[str]) -> str:
    """Which kind of events CSV has these columns: ``"conflict-map"``, ``"acled"``, ``"ucdp"``,
    ``"generic"``.

    Examples
    --------
    >>> detect_csv_kind(["id", "type_of_violence", "side_a", "side_b", "best", "latitude", "longitude"])
    'ucdp'
    >>> detect_csv_kind(["name", "lat", "lon"])
    'generic'
    """
    from ..model import ACLED_COLUMNS, EXTRA_COLUMNS
    from .acled import is_acled
    from .ucdp import is_ucdp

    cols = {c.strip().lower() for c in columns}
    if set(ACLED_COLUMNS) <= cols and set(EXTRA_COLUMNS) <= cols:
        return "conflict-map"
    if is_acled(cols):
        return "acled"
    if is_ucdp(cols):
        return "ucdp"
    return "generic"


def read_csv(path: str | os.PathLike[str], on_error: str = "report", gazetteer: Any = None,
             country: str | Sequence[str] | None = None, **_: Any) -> "pd.DataFrame":
    """Read an events CSV of any kind :func:`detect_csv_kind` recognises.

    Parameters
    ----------
    path
        The CSV file (UTF-8 with or without BOM; comma, semicolon or tab separated).
    on_error
        ``"report"`` (unusable rows in ``attrs["rejected"]``), ``"raise"`` or ``"ignore"``.
    gazetteer
        For a generic CSV with a place-name column and no coordinate columns (a table that has
        coordinate columns is taken as it is: rows without coordinates stay unlocated): a
        :class:`gazetteer.Gazetteer` (anything with ``resolve(name, country=None)``) or a function
        of no arguments returning one (built only when needed).
    country
        ISO country code(s) the table is about: a hint for place names; with one code, also the
        ``country_code`` of rows that have none.

    Returns
    -------
    DataFrame
        Events in the model's columns with ``attrs["rejected"]``, ``attrs["warnings"]`` and
        ``attrs["format"]``.

    Raises
    ------
    FormatError
        The file is not CSV, or a generic CSV has neither coordinates nor place names, or needs a
        gazetteer and none was given.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp(), "points.csv")
    >>> _ = p.write_text("name,lat,lon,date\\nA,14.5,-11.4,2025-07-01\\nB,91,0,2025-07-01\\n")
    >>> df = read_csv(p)
    >>> df.loc[0, ["location", "latitude", "event_date"]].astype(str).tolist()
    ['A', '14.5', '2025-07-01']
    >>> df.attrs["rejected"][0]["origin"][-2:], df.attrs["rejected"][0]["reason"]
    (':3', 'coordinates out of range: latitude 91.0, longitude 0.0')
    """
    import pandas as pd

    table = read_csv_table(path)
    kind = detect_csv_kind(table.header)
    col = Collector(str(path), on_error)
    if kind == "conflict-map":
        recs = _own_records(table, col)
    elif kind == "acled":
        from .acled import acled_records

        recs = acled_records(table, col, geocode=gazetteer is not None)
        # rows that name a place and give no coordinates are placed with the gazetteer
        countries = tuple(c.strip().upper() for c in ((country,) if isinstance(country, str) else (country or ()))
                          if c and c.strip())
        _geocode_rows([(r, r.pop("_line"), r["location"], r.get("country_code", "")) for r in recs if "_line" in r],
                      gazetteer, countries, countries[0] if len(countries) == 1 else "", col)
    elif kind == "ucdp":
        from .ucdp import ucdp_records

        recs = ucdp_records(table, col)
    else:
        recs = _generic_records(table, col, gazetteer, country)
    df = pd.DataFrame.from_records(recs) if recs else pd.DataFrame({"event_id": []})
    col.attach(df)
    df.attrs["format"] = kind
    return df


def _own_records(table: CsvTable, col: Collector) -> list[dict[str, Any]]:
    """conflict-map's own CSV: every value checked against its column's kind, row by row."""
    from ..model import COLUMN_KINDS

    header = [h.lower() if h.lower() in COLUMN_KINDS or h.lower() == "event_id_cnty" else h
              for h in table.header]
    table = CsvTable(table.path, header, table.rows, table.lines)
    out = []
    for line, rec in table.records():
        rec["event_id"] = rec.pop("event_id_cnty", "") or rec.get("event_id", "")
        try:
            r: dict[str, Any] = {}
            for k, v in rec.items():
                kind = COLUMN_KINDS.get(k, "str")
                if kind == "int":
                    r[k] = parse_int(v)
                elif kind == "float":
                    r[k] = parse_float(v)
                else:
                    r[k] = v
            lat, lon = r.get("latitude"), r.get("longitude")
            if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"coordinates out of range: latitude {lat}, longitude {lon}")
        except ValueError as exc:
            col.reject(line, str(exc), rec.get("event_id", ""))
            continue
        out.append(r)
    return out


def _pick(lower: dict[str, str], names: tuple[str, ...]) -> str | None:
    for n in names:
        if n in lower:
            return lower[n]
    return None


def _generic_records(table: CsvTable, col: Collector, gazetteer: Any,
                     country: str | Sequence[str] | None) -> list[dict[str, Any]]:
    from ..model import COLUMN_KINDS

    lower = {h.lower(): h for h in table.header}
    lat_c, lon_c = _pick(lower, LAT_COLUMNS), _pick(lower, LON_COLUMNS)
    place_c = _pick(lower, PLACE_COLUMNS)
    date_c = _pick(lower, _DATE_COLUMNS)
    fat_c = _pick(lower, _FATALITY_COLUMNS)
    cc_c = _pick(lower, _COUNTRY_CODE_COLUMNS)
    has_xy = lat_c is not None and lon_c is not None
    if not has_xy and place_c is None:
        raise FormatError(
            f"{table.path}: neither latitude/longitude columns ({', '.join(LAT_COLUMNS[:3])} ...) nor a "
            f"place-name column ({', '.join(PLACE_COLUMNS[:4])} ...); columns are: "
            + ", ".join(table.header))
    if not has_xy and gazetteer is None:
        raise FormatError(f"{table.path}: place names in column {place_c!r} need a gazetteer to be "
                          "located (pass gazetteer=... or --geonames)")
    countries = (country,) if isinstance(country, str) else tuple(country or ())
    countries = tuple(c.strip().upper() for c in countries if c and c.strip())
    default_cc = countries[0] if len(countries) == 1 else ""
    used = {c for c in (lat_c, lon_c, date_c, fat_c, cc_c) if c}
    out = []
    pending: list[tuple[dict[str, Any], int, str, str]] = []  # rows whose place name needs the gazetteer
    for line, rec in table.records():
        try:
            r: dict[str, Any] = {}
            for h, v in rec.items():
                k = h.lower()
                if h in used:
                    continue
                if k in COLUMN_KINDS:
                    kind = COLUMN_KINDS[k]
                    r[k] = parse_int(v) if kind == "int" else parse_float(v) if kind == "float" else v.strip()
                elif k == "id":
                    r["event_id"] = v.strip()
                else:
                    r[h] = v
            if date_c and rec[date_c].strip():
                d = parse_date(rec[date_c])
                r["event_date"], r["year"] = d.isoformat(), d.year
            if fat_c:
                r["fatalities"] = parse_int(rec[fat_c])
                if r["fatalities"] is not None and r["fatalities"] < 0:
                    raise ValueError(f"negative fatalities {r['fatalities']}")
            own_cc = rec[cc_c].strip().upper() if cc_c else ""
            cc = own_cc or default_cc
            if cc:
                r["country_code"] = cc
            place = rec[place_c].strip() if place_c else ""
            if place:
                r["location"] = r.get("location") or place
                r["place_mention"] = place
            lat = lon = None
            if has_xy:
                lat, lon = parse_float(rec[lat_c], lat_c), parse_float(rec[lon_c], lon_c)
                if (lat is None) != (lon is None):
                    raise ValueError("only one of latitude and longitude is given")
                if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError(f"coordinates out of range: latitude {lat}, longitude {lon}")
            if not has_xy and place and gazetteer is not None:
                pending.append((r, line, place, own_cc))  # resolved together below
            elif lat is None:
                col.warn(line, "no coordinates: the event is kept unlocated", field="latitude")
            r["latitude"], r["longitude"] = lat, lon
            if not r.get("event_id"):
                digest = hashlib.sha1("\x1f".join(table.header + list(rec.values())).encode()).hexdigest()
                r["event_id"] = "CSV" + digest[:12].upper()
        except (ValueError, LookupError) as exc:
            col.reject(line, str(exc), rec.get("id", ""))
            continue
        out.append(r)
    _geocode_rows(pending, gazetteer, countries, default_cc, col)
    return out


def _geocode_rows(pending: list[tuple[dict[str, Any], int, str, str]], gazetteer: Any,
                  countries: tuple[str, ...], default_cc: str, col: Collector) -> None:
    """Give coordinates to rows that name a place and have none: (record, line, place, own country)."""
    if not pending:
        return
    found = _resolve_places(gazetteer, [(p, own_cc or countries or None, r.get("notes") or None)
                                        for r, _, p, own_cc in pending])
    for (r, line, place, own_cc), cands in zip(pending, found):
        if cands:
            c = cands[0]
            r["latitude"], r["longitude"] = float(c.lat), float(c.lon)
            r["geonameid"] = getattr(c, "geonameid", None)
            r["country_code"] = own_cc or getattr(c, "country", "") or default_cc
            for k in ("admin1", "admin2"):
                if not r.get(k):
                    r[k] = getattr(c, k, "") or ""
            fclass = getattr(c, "feature_class", "")
            if not r.get("geo_precision"):
                r["geo_precision"] = 3 if fclass == "A" else 1
        else:
            r["location_flags"] = "unresolved"
            col.warn(line, f"place {place!r} not found in the gazetteer: event kept unlocated",
                     field="location")


def _resolve_places(gazetteer: Any, queries: list[tuple[str, Any, str | None]]) -> list[list[Any]]:
    """Candidates for each (name, country hint, notes) of a table. A :class:`gazetteer.Gazetteer` resolves
    them as batches (one per hint, notes as context), so same-named villages go to the table's area;
    anything else with ``resolve(name, country=None)`` resolves them one by one."""
    g = gazetteer
    if g is not None and not hasattr(g, "resolve") and callable(g):
        g = g()
    from gazetteer import Gazetteer

    if not isinstance(g, Gazetteer):
        return [list(g.resolve(name, country=hint)) for name, hint, _ in queries]
    from gazetteer.batch import resolve_queries

    return resolve_queries(g, queries, limit=1)
