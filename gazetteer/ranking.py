"""Ranking: features of each candidate place and the score that combines them.

Each candidate gets a utility, a weighted sum of features, each with a human-readable reason:

- how the name matched (primary name, alternate name, spelling variant, fuzzy similarity);
- what kind of place it is (towns and admin areas before streams, hills and airports, unless the
  query says "airport");
- population;
- the report's country focus (a hint, never a filter);
- admin context written next to the name ("Sandare (Nioro, Kayes)", "in the Kayes region");
- distance to the other places of the same report;
- whether it comes from the user's own places or events table (``--places``): a place a user or an
  earlier dataset already located is more likely than a same-named record of GeoNames;
- whether it is a national capital: "Niamey" in a report that also names Tillabéri is the capital, not
  the dry riverbed named Niamèy beside Tillabéri that the report's other places would otherwise pull to;
- when neither the caller nor the context gives a country: whether it lies in a country whose full
  GeoNames dump is loaded. A user who loaded Mali's dump reads about Mali: "Koro" is the Malian town,
  not Coro in Venezuela (a large city of the embedded world data with "Koro" as an alternate name).

Scores are a softmax over the candidates plus a "none of these" option of fixed utility (as in
Mordecai 3's ranker), so a lone weak match scores low and several equally good ones share the mass.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

__all__ = ["Features", "feature_prior", "score", "haversine_km", "nearest_km", "NULL_UTILITY", "WEIGHTS"]

WEIGHTS = {
    "match": 4.0,       # x match quality in 0..1
    "feature": 2.0,     # x feature prior in 0..1
    "population": 1.2,  # x log10(population) / 6, capped at 1
    "country": 1.5,     # candidate in the focus countries
    "off_country": -1.0,  # focus countries known and the candidate is elsewhere
    "admin1": 1.5,      # the candidate's admin-1 name is written in the context
    "admin2": 1.2,      # the candidate's admin-2 name is written in the context
    "district": 1.0,    # the candidate's nearest district seat is named in the context
    "beside": 1.0,      # that admin name is written right after the name ("X (Bankass, Mopti)")
    "seat": 0.8,        # the candidate is named like the district it lies in (the seat that names it)
    "near": 2.5,        # x exp(-d / 40 km) to the nearest other place of the report
    "own": 1.0,         # the place comes from the user's own places or events table (--places)
    "loaded": 1.5,      # no country known: the candidate is in a country whose full GeoNames dump is loaded
    "capital": 1.5,     # a national capital named exactly: the capital, whatever else the report names nearby
}
NULL_UTILITY = 4.5
# Inverse softmax temperature: the one parameter fitted for calibration (lowest log-loss of the top
# candidate being within 5 km on the ACLED Mali development file; see BENCHMARKS.md).
SHARPNESS = 1.5
_NEAR_SCALE_KM = 40.0
_NEAR_FLAT_KM = 30.0

# GeoNames feature codes (and classes as a fallback) -> prior in 0..1
_CODE_PRIOR = {
    "PPLC": 1.0, "PPLA": 0.97, "PPLA2": 0.95, "PPLA3": 0.93, "PPLA4": 0.9, "PPL": 0.88, "PPLL": 0.8,
    "PPLX": 0.75, "PPLS": 0.8, "PPLQ": 0.5, "PPLH": 0.5, "PPLW": 0.45, "PPLF": 0.6, "PPLR": 0.6,
    "PCLI": 1.0, "PCLD": 0.9, "PCLS": 0.9, "PCLF": 0.9, "ADM1": 0.85, "ADM2": 0.7, "ADM3": 0.65,
    "ADM4": 0.6, "ADMD": 0.6, "RGN": 0.6, "AIRP": 0.3, "AIRF": 0.3, "AIRB": 0.35, "MILB": 0.55,
    "CMP": 0.5, "CMPRF": 0.6, "FT": 0.5, "RUIN": 0.3, "CAMP": 0.5,
}
_CLASS_PRIOR = {"P": 0.85, "A": 0.75, "L": 0.5, "S": 0.4, "T": 0.4, "H": 0.3, "R": 0.3, "V": 0.3, "U": 0.2}
_AIRPORT = {"AIRP", "AIRF", "AIRB", "AIRH", "AIRQ"}
_CAMP = {"CMP", "MILB", "INSM", "BRKS", "FT"}  # a camp, base or barracks, when the text says so


def feature_prior(fclass: str, fcode: str, wants_airport: bool = False, wants_area: bool = False,
                  wants_camp: bool = False) -> float:
    """Prior that a place of this kind is the one a report names.

    Examples
    --------
    >>> feature_prior("P", "PPL") > feature_prior("H", "STM")
    True
    >>> feature_prior("S", "AIRP", wants_airport=True)
    1.0
    >>> feature_prior("S", "CMP", wants_camp=True) > feature_prior("P", "PPLA2")
    True
    """
    if (fcode in _AIRPORT and wants_airport) or (wants_area and fclass == "A") or (fcode in _CAMP and wants_camp):
        return 1.0
    p = _CODE_PRIOR.get(fcode)
    return p if p is not None else _CLASS_PRIOR.get(fclass, 0.3)


def haversine_km(lat1: float | np.ndarray, lon1: float | np.ndarray,
                 lat2: float | np.ndarray, lon2: float | np.ndarray) -> np.ndarray:
    """Great-circle distance in km (vectorised).

    Examples
    --------
    >>> round(float(haversine_km(0, 0, 0, 1)))
    111
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


_R2 = 2 * 6371.0088


class PointSet:
    """Points ready for :func:`nearest_km`: latitudes in radians, their cosines, longitudes (lists)."""

    __slots__ = ("phi", "cos", "lon")

    def __init__(self, lats: Iterable[float], lons: Iterable[float]) -> None:
        self.phi = [math.radians(float(a)) for a in lats]
        self.cos = [math.cos(p) for p in self.phi]
        self.lon = [float(b) for b in lons]


def nearest_km(lat: float, lon: float, pts: PointSet) -> float:
    """The distance in km from one point to the nearest of ``pts``: the same number as
    ``float(np.min(haversine_km(lat, lon, lats, lons)))``, in plain Python, which is several times
    faster than numpy for the few points a report names. (The arcsine and square root are taken
    once, of the smallest haversine term: both are monotonic.)

    Examples
    --------
    >>> round(nearest_km(0.0, 0.0, PointSet([0.0, 5.0], [1.0, 0.0])))
    111
    """
    p1 = math.radians(lat)
    c1 = math.cos(p1)
    sin, rad = math.sin, math.radians
    best = 2.0
    for p2, c2, lo in zip(pts.phi, pts.cos, pts.lon):
        a = sin((p2 - p1) / 2) ** 2 + c1 * c2 * sin(rad(lo - lon) / 2) ** 2
        if a < best:
            best = a
    return _R2 * math.asin(math.sqrt(min(max(best, 0.0), 1.0)))


def near_weight(km: float) -> float:
    """1 within :data:`_NEAR_FLAT_KM` (places of one district are equally "near"), then decaying.

    Examples
    --------
    >>> near_weight(10.0), round(near_weight(70.0), 2)
    (1.0, 0.37)
    """
    return 1.0 if km <= _NEAR_FLAT_KM else math.exp(-(km - _NEAR_FLAT_KM) / _NEAR_SCALE_KM)


@dataclass(slots=True)
class Features:
    """The features of one candidate and the reasons they give."""

    match: float
    match_reason: str
    feature: float
    feature_reason: str
    population: int
    in_focus: bool | None = None  # None when no focus is known
    admin1_in_context: str | None = None
    admin2_in_context: str | None = None
    district_in_context: str | None = None  # the nearest district seat's name (a guessed admin-2)
    admin_beside: str | None = None  # an admin name of the context written right after the name
    seat: bool = False  # named like its (guessed) district: the town the district is named after
    near_km: float | None = None
    near_what: str | None = None
    own: str | None = None  # the user's places source it comes from
    # no focus known: whether it lies in a country whose full dump the user loaded (None: no such dump)
    in_loaded: bool | None = None
    capital: bool = False  # a national capital (PPLC) matched by one of its names
    extra: tuple[str, ...] = ()  # further reasons, appended as they are

    def utility(self) -> float:
        w = WEIGHTS
        u = w["match"] * self.match + w["feature"] * self.feature
        u += w["population"] * min(1.0, math.log10(1 + self.population) / 6)
        if self.in_focus is True:
            u += w["country"]
        elif self.in_focus is False:
            u += w["off_country"]
        if self.admin1_in_context:
            u += w["admin1"]
        if self.admin2_in_context:
            u += w["admin2"]
        elif self.district_in_context:
            u += w["district"]
        if self.admin_beside:
            u += w["beside"]
        if self.seat:
            u += w["seat"]
        if self.near_km is not None:
            u += w["near"] * near_weight(self.near_km)
        if self.own:
            u += w["own"]
        if self.in_loaded:
            u += w["loaded"]
        if self.capital:
            u += w["capital"]
        return u

    def reasons(self, country: str) -> tuple[str, ...]:
        r = [self.match_reason, self.feature_reason]
        if self.population:
            r.append(f"population {self.population:,}")
        if self.in_focus is True:
            r.append(f"in the report's country ({country})")
        elif self.in_focus is False:
            r.append(f"outside the report's countries ({country or 'unknown'})")
        if self.admin1_in_context:
            r.append(f"admin-1 {self.admin1_in_context!r} named in the context")
        if self.admin2_in_context:
            r.append(f"admin-2 {self.admin2_in_context!r} named in the context")
        elif self.district_in_context:
            r.append(f"nearest district seat {self.district_in_context!r} named in the context")
        if self.admin_beside:
            r.append(f"{self.admin_beside!r} written right after the name")
        if self.seat:
            r.append("named like its district (the district seat)")
        if self.near_km is not None and self.near_km < 200:
            r.append(f"{self.near_km:.0f} km from {self.near_what}")
        if self.own:
            r.append(f"in your own places ({self.own})")
        if self.in_loaded:
            r.append(f"no country given: in a country whose full GeoNames dump is loaded ({country})")
        if self.capital:
            r.append("a national capital")
        r.extend(self.extra)
        return tuple(r)


def score(utilities: list[float]) -> list[float]:
    """Softmax (sharpened by :data:`SHARPNESS`) over the candidates and a "none of these" option of
    utility :data:`NULL_UTILITY`.

    Examples
    --------
    >>> [round(s, 2) for s in score([6.0, 6.0])]
    [0.47, 0.47]
    >>> round(score([4.5])[0], 2)
    0.5
    """
    if not utilities:
        return []
    us = [u * SHARPNESS for u in utilities]
    null = NULL_UTILITY * SHARPNESS
    top = max(max(us), null)
    ex = [math.exp(u - top) for u in us]
    total = sum(ex) + math.exp(null - top)
    return [e / total for e in ex]
