"""The opt-in online fallback: Nominatim through geopy, cached on disk and rate-limited.

Used only when the user asks for it (``online=True`` / ``--online``) and only for names nothing local
matches. Answers are cached in a JSON file in the cache folder, so a name is asked once; requests are
spaced by ``min_delay`` seconds (Nominatim's usage policy asks for at most one per second).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import Candidate
from .normalize import normalize_name

__all__ = ["OnlineGeocoder"]

log = logging.getLogger(__name__)

# OSM class -> (GeoNames-like feature class, default code)
_CLASSES = {"place": ("P", "PPL"), "boundary": ("A", "ADMD"), "natural": ("T", "TRRN"), "waterway": ("H", "STM"),
            "aeroway": ("S", "AIRP"), "military": ("S", "MILB"), "landuse": ("L", "AREA")}
_PLACE_CODES = {"city": "PPLA", "town": "PPL", "village": "PPL", "hamlet": "PPL", "locality": "PPLL",
                "suburb": "PPLX", "neighbourhood": "PPLX", "state": "ADM1", "county": "ADM2", "country": "PCLI"}


class OnlineGeocoder:
    """Nominatim via geopy with a disk cache and a minimum delay between requests.

    Parameters
    ----------
    cache_file : path
        JSON file holding past answers.
    domain, scheme : str
        The Nominatim server (default the public OpenStreetMap one; tests use a local server).
    user_agent : str
        Sent with every request, as Nominatim's policy requires.
    min_delay : float
        Seconds between two requests.
    timeout : float
        Seconds to wait for an answer.
    """

    def __init__(self, cache_file: Path, domain: str = "nominatim.openstreetmap.org", scheme: str = "https",
                 user_agent: str = "conflict-map-gazetteer", min_delay: float = 1.0, timeout: float = 10.0,
                 limit: int = 5) -> None:
        self.cache_file = Path(cache_file)
        self.domain, self.scheme, self.user_agent = domain, scheme, user_agent
        self.min_delay, self.timeout, self.limit = min_delay, timeout, limit
        self.last_error: str | None = None
        self._cache: dict[str, list[dict[str, Any]]] | None = None
        self._client: Any = None
        self._last = 0.0
        self._lock = threading.Lock()

    def _load(self) -> dict[str, list[dict[str, Any]]]:
        if self._cache is None:
            try:
                self._cache = json.loads(self.cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save(self) -> None:
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".online-", dir=self.cache_file.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._cache, fh, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, self.cache_file)
        except OSError as exc:
            log.warning("online geocoder cache not written: %s", exc)

    def _query(self, name: str, countries: list[str]) -> list[dict[str, Any]]:
        from geopy.exc import GeopyError
        from geopy.geocoders import Nominatim

        if self._client is None:
            self._client = Nominatim(user_agent=self.user_agent, domain=self.domain, scheme=self.scheme,
                                     timeout=self.timeout)
        wait = self._last + self.min_delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            found = self._client.geocode(name, exactly_one=False, limit=self.limit, addressdetails=True,
                                         country_codes=[c.lower() for c in countries] or None, language="en")
        except GeopyError as exc:
            raise OSError(f"{type(exc).__name__}: {exc}") from None
        finally:
            self._last = time.monotonic()
        return [loc.raw for loc in (found or [])]

    def geocode(self, name: str, countries: Iterable[str] = ()) -> list[Candidate]:
        """Candidates from the online geocoder (cached); ``[]`` with :attr:`last_error` set on failure."""
        ccs = sorted({c.upper() for c in countries})
        key = f"{normalize_name(name)}|{','.join(ccs)}"
        with self._lock:
            cache = self._load()
            raws = cache.get(key)
            if raws is None:
                try:
                    raws = self._query(name, ccs)
                except OSError as exc:
                    self.last_error = str(exc)
                    log.warning("online geocoder failed for %r: %s", name, exc)
                    return []
                self.last_error = None
                cache[key] = raws
                self._save()
        return [_candidate(raw, name) for raw in raws]


def _candidate(raw: dict[str, Any], query: str) -> Candidate:
    address = raw.get("address") or {}
    osm_class, osm_type = raw.get("class", ""), raw.get("type", "")
    fclass, fcode = _CLASSES.get(osm_class, ("S", "OSM"))
    if osm_class in ("place", "boundary"):
        fcode = _PLACE_CODES.get(osm_type, fcode)
    importance = float(raw.get("importance") or 0.3)
    name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0]
    return Candidate(
        geonameid=None, name=name, lat=float(raw["lat"]), lon=float(raw["lon"]),
        country=str(address.get("country_code", "")).upper(), admin1=address.get("state") or address.get("region"),
        admin2=address.get("county") or address.get("state_district"), admin1_code=None, feature_class=fclass,
        feature_code=fcode, population=0, score=round(min(0.9, 0.3 + 0.6 * importance), 4),
        reasons=("online geocoder (Nominatim)", f"OSM {osm_class}.{osm_type}", str(raw.get("display_name", ""))),
        source="online:nominatim", matched=query)
