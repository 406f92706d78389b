"""The error model: one base class, specific subclasses that also inherit the matching builtin.

Library code always raises; it never returns ``""`` or ``None`` to mean failure. The command line
turns any of these into a one-line message on stderr and a non-zero exit code.
"""

from __future__ import annotations

__all__ = [
    "ConflictMapError",
    "InputError",
    "InputNotFoundError",
    "FormatError",
    "RecordError",
    "SchemaError",
    "RegionsError",
    "MapError",
    "TilesError",
    "OutputError",
]


class ConflictMapError(Exception):
    """Base class of every error raised by conflict-map."""


class InputError(ConflictMapError, ValueError):
    """An input (file, option value, record) cannot be used."""


class InputNotFoundError(InputError, FileNotFoundError):
    """An input path does not exist."""


class FormatError(InputError):
    """A file exists but its format is unknown or it cannot be parsed."""


class RecordError(InputError):
    """One record inside an input is malformed; batch readers report it instead of raising."""


class SchemaError(InputError):
    """An events table lacks required columns or has values of the wrong kind."""


class RegionsError(InputError):
    """Admin boundaries cannot be read or their name fields cannot be found."""


class MapError(ConflictMapError, RuntimeError):
    """A map cannot be built (for instance a required asset is not installed)."""


class TilesError(MapError, InputError):
    """The background tiles asked for cannot be used (unknown provider, a URL without attribution)."""


class OutputError(ConflictMapError, OSError):
    """An output cannot be written."""
