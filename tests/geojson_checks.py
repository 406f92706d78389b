"""RFC 7946 checks shared by tests (imported by path: the tests folder is on sys.path via conftest)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any


def assert_rfc7946(path: Path) -> dict[str, Any]:
    """Parse ``path`` and assert it is an RFC 7946 FeatureCollection of events; return it."""
    text = path.read_text(encoding="utf-8")
    fc = json.loads(text, parse_float=Decimal)
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc, "RFC 7946 has no crs member"
    ids = []
    for f in fc["features"]:
        assert f["type"] == "Feature"
        assert isinstance(f["id"], (str, int)) and f["id"] != ""
        ids.append(f["id"])
        assert isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] == "Point"
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for c in (lon, lat):
            assert -c.as_tuple().exponent <= 6, f"coordinate {c} has more than 6 decimals"
    assert len(ids) == len(set(ids)), "feature ids are not unique"
    return json.loads(text)
