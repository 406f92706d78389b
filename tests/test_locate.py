"""locate(): events with a place name and no coordinates get the gazetteer's best candidate."""

from __future__ import annotations

import pytest

from conflict_map.locate import locate
from conflict_map.model import Event, events_to_frame


def _ev(**kw):
    return Event("Battles", "Armed clash", "2024-03-12", 1, **kw)


def test_rows_without_coordinates_are_located_and_others_kept() -> None:
    frame = events_to_frame([
        _ev(location="Mopti"),
        _ev(location="Somewhere", latitude=10.0, longitude=-5.0),
        _ev(location="Xqzvlkk Nowhere"),
    ])
    out = locate(frame, country="ML")
    assert out.loc[0, "country_code"] == "ML" and out.loc[0, "country"] == "Mali"
    assert out.loc[0, "geo_precision"] == 1 and out.loc[0, "geonameid"] > 0
    assert (out.loc[1, "latitude"], out.loc[1, "longitude"]) == (10.0, -5.0)
    assert out.loc[2, "latitude"] != out.loc[2, "latitude"]  # still NaN: unlocated
    assert "unresolved" in out.loc[2, "location_flags"]
    assert out.geometry.notna().tolist() == [True, True, False]


def test_unresolved_can_raise() -> None:
    from gazetteer import GazetteerError

    with pytest.raises(GazetteerError, match="Xqzvlkk"):
        locate(events_to_frame([_ev(location="Xqzvlkk")]), on_unresolved="raise")
