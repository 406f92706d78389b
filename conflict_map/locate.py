"""Geocoding events that carry a place name but no coordinates, with the gazetteer.

This is the step between reading an events table (or a user's hand-coded list) and mapping it:
every row with a ``location`` (or ``place_mention``) and no coordinates gets the best gazetteer
candidate, or stays unlocated with the reason in ``location_flags``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Sequence

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from gazetteer import Candidate, Gazetteer

__all__ = ["locate", "candidate_fields", "precision_of"]

#: GeoNames feature codes of areas: an event coded to one of them is region-level (precision 3).
_AREA_CODES = frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "ADMD", "PCLI", "PCLD", "RGN", "ZN"})


def precision_of(candidate: "Candidate") -> int:
    """ACLED's ``geo_precision`` for an event placed at ``candidate``: 1 town, 3 region.

    Examples
    --------
    >>> from gazetteer import Candidate
    >>> town = Candidate(1, "Kayes", 14.45, -11.44, "ML", "Kayes", None, "03", "P", "PPLA", 0,
    ...                  0.9, (), "test", "Kayes")
    >>> region = Candidate(2, "Kayes Region", 14.0, -10.5, "ML", "Kayes", None, "03", "A", "ADM1", 0,
    ...                    0.9, (), "test", "Kayes")
    >>> precision_of(town), precision_of(region)
    (1, 3)
    """
    if candidate.feature_class == "A" or candidate.feature_code in _AREA_CODES:
        return 3
    if candidate.feature_class == "P":
        return 1
    return 2  # a natural feature or a site named near a town


def candidate_fields(candidate: "Candidate") -> dict[str, Any]:
    """The event fields a resolved place fills: coordinates, ids, names, country and precision."""
    from gazetteer.countries import country_name

    return {
        "latitude": round(float(candidate.lat), 6),
        "longitude": round(float(candidate.lon), 6),
        "geonameid": candidate.geonameid,
        "location": candidate.name,
        "country_code": candidate.country,
        "country": country_name(candidate.country),
        "admin1": candidate.admin1 or "",
        "admin2": candidate.admin2 or "",
        "geo_precision": precision_of(candidate),
    }


def locate(
    events: "gpd.GeoDataFrame",
    gazetteer: "Gazetteer | None" = None,
    *,
    country: str | Sequence[str] | None = None,
    overwrite: bool = False,
    on_unresolved: Literal["keep", "raise"] = "keep",
) -> "gpd.GeoDataFrame":
    """Give coordinates to events that have a place name and none, with the gazetteer.

    Parameters
    ----------
    events
        An events table (any frame :func:`conflict_map.model.conform_frame` accepts).
    gazetteer
        The resolver; the embedded default when ``None``.
    country
        Country focus (ISO codes) for rows that do not carry their own ``country_code``.
    overwrite
        Also re-resolve rows that already have coordinates.
    on_unresolved
        ``"keep"``: leave the row unlocated and flag it ``unresolved`` in ``location_flags``;
        ``"raise"``: raise :class:`gazetteer.GazetteerError` naming the place.

    Returns
    -------
    GeoDataFrame
        A new frame; rows that were located have ``geonameid``, admin names and ``geo_precision``.

    Examples
    --------
    >>> from conflict_map.model import Event, events_to_frame
    >>> ev = events_to_frame([Event("Battles", "Armed clash", "2024-03-12", 1, location="Mopti")])
    >>> located = locate(ev, country="ML")
    >>> bool(located.loc[0, "latitude"] > 14), located.loc[0, "country_code"]
    (True, 'ML')
    """
    from gazetteer import Gazetteer
    from gazetteer.batch import resolve_queries

    from .model import conform_frame

    if on_unresolved not in ("keep", "raise"):
        raise InputError(f"on_unresolved must be 'keep' or 'raise', not {on_unresolved!r}")
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    frame = conform_frame(events)
    rows = frame.drop(columns="geometry").to_dict(orient="records")
    changed = False
    # rows to resolve, as batches (one per country hint); rows that keep their coordinates anchor them
    todo: list[tuple[dict[str, Any], str, Any, str]] = []
    anchors: list[tuple[float, float]] = []
    for row in rows:
        has_xy = row["latitude"] == row["latitude"] and row["longitude"] == row["longitude"]  # not NaN
        name = (row.get("location") or row.get("place_mention") or "").strip()
        if has_xy and not overwrite:
            anchors.append((float(row["latitude"]), float(row["longitude"])))
            continue
        if not name:
            continue
        context = " ".join(x for x in (row.get("notes"), row.get("evidence"), row.get("admin2"),
                                       row.get("admin1")) if x)
        todo.append((row, name, row.get("country_code") or country or None, context or None))
    results = resolve_queries(gaz, [(n, hint, c) for _, n, hint, c in todo], anchors=anchors, limit=1)
    for (row, name, _, _), found in zip(todo, results):
        changed |= _apply(row, name, found, on_unresolved)
    if not changed:
        return frame
    out = conform_frame(_frame(rows))
    out.attrs.update(frame.attrs)
    return out


def _apply(row: dict[str, Any], name: str, found: list[Any], on_unresolved: str) -> bool:
    """Write the best candidate into ``row`` (or flag it unresolved); whether the row changed."""
    from gazetteer import GazetteerError

    if not found:
        if on_unresolved == "raise":
            raise GazetteerError(f"place {name!r} could not be resolved")
        row["location_flags"] = _add_flag(row.get("location_flags"), "unresolved")
        return True
    fields = candidate_fields(found[0])
    for key, value in fields.items():
        if key in ("admin1", "admin2", "location", "country") and row.get(key):
            continue  # keep names the input already had
        row[key] = value
    if not row.get("place_mention"):
        row["place_mention"] = name
    return True


def _frame(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    return pd.DataFrame(rows)


def _add_flag(flags: Any, flag: str) -> str:
    parts = [f for f in str(flags or "").split(";") if f]
    if flag not in parts:
        parts.append(flag)
    return ";".join(parts)
