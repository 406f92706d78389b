"""gazetteer: resolve place names as written in reports to ranked places with coordinates, offline.

Importing the package loads no data and opens no index; the index is built or opened on first use.

Examples
--------
>>> from gazetteer import normalize_name
>>> normalize_name("Nioro-du-Sahel")
'nioro du sahel'
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Gazetteer", "Candidate", "Mention", "GazetteerError", "SourceError", "normalize_name",
           "resolve_batch", "variant_key"]

_LAZY = {
    "Gazetteer": "gazetteer.core",
    "Candidate": "gazetteer.model",
    "Mention": "gazetteer.model",
    "GazetteerError": "gazetteer.errors",
    "SourceError": "gazetteer.errors",
    "normalize_name": "gazetteer.normalize",
    "variant_key": "gazetteer.normalize",
    "resolve_batch": "gazetteer.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
