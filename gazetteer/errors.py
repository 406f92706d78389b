"""Errors raised by the gazetteer package (it never imports ``conflict_map``)."""

from __future__ import annotations

__all__ = ["GazetteerError", "SourceError", "NotACountryError"]


class GazetteerError(LookupError):
    """Base class of every error raised by the gazetteer."""


class SourceError(GazetteerError, ValueError):
    """A gazetteer source (GeoNames dump, places CSV, events table) cannot be found or read."""


class NotACountryError(GazetteerError, KeyError):
    """A name asked for as a country is not a known country name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not a country"
