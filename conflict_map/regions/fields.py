"""Detect which fields of a boundary table hold admin names, codes and levels.

Conventions recognised (case-insensitive):

- OCHA COD-AB: ``admin2Name`` / ``admin2Pcod`` (or ``admin2Pcode``), ``ADM2_EN`` / ``ADM2_FR`` /
  ``ADM2_PCODE``; country from ``admin0Name`` / ``ADM0_EN`` and ``admin0Pcod`` / ``ADM0_PCODE``.
- GADM: ``NAME_1`` / ``GID_1`` ... ``NAME_3`` / ``GID_3``; country from ``COUNTRY`` or ``NAME_0``.
- geoBoundaries: ``shapeName`` / ``shapeID``; the level from ``shapeType`` (``ADM2``) or the file
  name (``geoBoundaries-MLI-ADM2.geojson``); country from ``shapeGroup`` (ISO3).
- Natural Earth admin-1: ``name`` with ``iso_a2`` and ``adm1_code`` (or ``fips`` in the copy Debian's
  ``qgis-common`` ships); country from ``admin``.

Anything else can be named explicitly with ``name_fields={level: "field"}`` or
``{level: ("name_field", "code_field")}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..errors import RegionsError

__all__ = ["LevelFields", "detect_fields", "NameFields"]

#: user-given field names: level -> name field, or level -> (name field, code field or None)
NameFields = Mapping[int, "str | tuple[str, str | None]"]


@dataclass(frozen=True)
class LevelFields:
    """Where a boundary table keeps its admin names and codes.

    ``levels`` maps an admin level (1-3) to ``(name_field, code_field or None)``; ``country`` and
    ``country_code`` name the country fields when there are any; ``convention`` says which naming
    convention was recognised.
    """

    levels: dict[int, tuple[str, str | None]]
    country: str | None = None
    country_code: str | None = None
    convention: str = "explicit"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def deepest(self) -> int:
        """The finest admin level the table carries (0 when it has countries only)."""
        return max(self.levels, default=0)


# (pattern, convention, preference): lower preference wins when several fields give one level
_NAME_PATTERNS: tuple[tuple[str, str, int], ...] = (
    (r"admin([0-3])name", "OCHA COD-AB", 0),
    (r"admin([0-3])name_en", "OCHA COD-AB", 1),
    (r"adm([0-3])_en", "OCHA COD-AB", 1),
    (r"adm([0-3])_name", "OCHA COD-AB", 2),
    (r"admin([0-3])name_fr", "OCHA COD-AB", 3),
    (r"adm([0-3])_fr", "OCHA COD-AB", 3),
    (r"admin([0-3])name_\w+", "OCHA COD-AB", 4),
    (r"name_([0-3])", "GADM", 0),
)
_CODE_PATTERNS: tuple[tuple[str, int], ...] = (
    (r"admin([0-3])pcod", 0),
    (r"admin([0-3])pcode", 0),
    (r"adm([0-3])_pcode", 0),
    (r"adm([0-3])_code", 1),
    (r"gid_([0-3])", 0),
    (r"adm([0-3])_id", 2),
)
_LEVEL_IN_TEXT = re.compile(r"(?:^|[^a-z])adm(?:in)?[_ -]?([0-3])(?:[^0-9]|$)", re.IGNORECASE)


def _match(columns: Iterable[str], patterns: Iterable[tuple[str, int]]) -> dict[int, str]:
    best: dict[int, tuple[int, str]] = {}
    for col in columns:
        low = col.lower()
        for pat, pref in patterns:
            m = re.fullmatch(pat, low)
            if m:
                level = int(m.group(1))
                if level not in best or pref < best[level][0]:
                    best[level] = (pref, col)
                break
    return {lvl: col for lvl, (_, col) in best.items()}


def level_from_text(text: str) -> int | None:
    """An admin level written in a file name or a ``shapeType`` value (``ADM2``, ``admin1``).

    Examples
    --------
    >>> level_from_text("geoBoundaries-MLI-ADM2.geojson"), level_from_text("mali_admin1.shp")
    (2, 1)
    >>> level_from_text("boundaries.gpkg") is None
    True
    """
    m = _LEVEL_IN_TEXT.search(text)
    return int(m.group(1)) if m else None


def detect_fields(columns: Iterable[str], *, hint: str = "", shape_type: str | None = None,
                  name_fields: NameFields | None = None) -> LevelFields:
    """Find the admin name, code and country fields of a boundary table.

    Parameters
    ----------
    columns
        The table's field names.
    hint
        Text that may carry the level (the file or layer name), for single-level conventions.
    shape_type
        geoBoundaries' ``shapeType`` value when the table has one (``"ADM2"``).
    name_fields
        Explicit fields, ``{level: "name"}`` or ``{level: ("name", "code")}``; detection is skipped
        for levels given here.

    Raises
    ------
    RegionsError
        When no admin name field can be found.

    Examples
    --------
    >>> f = detect_fields(["admin1Name", "admin1Pcod", "admin2Name", "admin2Pcod", "admin0Name"])
    >>> f.levels, f.country, f.convention
    ({1: ('admin1Name', 'admin1Pcod'), 2: ('admin2Name', 'admin2Pcod')}, 'admin0Name', 'OCHA COD-AB')
    >>> detect_fields(["shapeName", "shapeID", "shapeType"], shape_type="ADM2").levels
    {2: ('shapeName', 'shapeID')}
    >>> detect_fields(["name", "iso_a2", "adm1_code", "admin"]).levels
    {1: ('name', 'adm1_code')}
    """
    cols = list(columns)
    lower = {c.lower(): c for c in cols}
    if name_fields:
        levels: dict[int, tuple[str, str | None]] = {}
        for lvl, spec in name_fields.items():
            name, code = (spec, None) if isinstance(spec, str) else (spec[0], spec[1])
            for f in (name, code):
                if f is not None and f not in cols:
                    raise RegionsError(f"field {f!r} is not in the boundaries (fields: {', '.join(cols)})")
            levels[int(lvl)] = (name, code)
        country = _first(lower, ("admin0name", "adm0_en", "country", "name_0", "admin"))
        return LevelFields(levels, country, _first(lower, ("admin0pcod", "adm0_pcode", "iso_a2")))

    names: dict[int, str] = {}
    convention = ""
    for pat, conv, pref in _NAME_PATTERNS:
        found = _match(cols, [(pat, pref)])
        for lvl, col in found.items():
            if lvl not in names:
                names[lvl] = col
                convention = convention or conv
    codes = _match(cols, _CODE_PATTERNS)
    if any(lvl > 0 for lvl in names):
        country = names.pop(0, None) or _first(lower, ("country",))
        country_code = codes.get(0)
        levels = {lvl: (col, codes.get(lvl)) for lvl, col in sorted(names.items())}
        return LevelFields(levels, country, country_code, convention)

    if "shapename" in lower:  # geoBoundaries: one level per file
        level = level_from_text(shape_type or "") or level_from_text(hint)
        if level is None:
            raise RegionsError(
                "geoBoundaries-style boundaries (shapeName) without a level in shapeType or the file "
                "name: pass the level explicitly, e.g. name_fields={2: 'shapeName'}")
        return LevelFields({level: (lower["shapename"], lower.get("shapeid"))} if level else {},
                           lower.get("shapegroup"), None, "geoBoundaries")
    if "name" in lower and ("iso_a2" in lower or "adm1_code" in lower or "adm0_a3" in lower):
        code = lower.get("adm1_code") or lower.get("fips")
        return LevelFields({1: (lower["name"], code)}, lower.get("admin"), lower.get("iso_a2"),
                           "Natural Earth admin-1")
    level = level_from_text(hint)
    name = _first(lower, ("name", "nom", "shapename", "name_en"))
    if level and name:
        return LevelFields({level: (name, _first(lower, ("pcode", "code", "id")))}, None, None,
                           "generic (level from file name)")
    raise RegionsError(
        "cannot tell which fields hold admin names (fields: " + ", ".join(cols) + "); name them, "
        "e.g. name_fields={1: 'REGION', 2: ('DISTRICT', 'DIST_CODE')}")


def _first(lower: Mapping[str, str], candidates: Iterable[str]) -> str | None:
    for c in candidates:
        if c in lower:
            return lower[c]
    return None
