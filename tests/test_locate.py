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


def test_rows_with_coordinates_decide_between_same_named_places(tmp_path) -> None:
    from gazetteer import Gazetteer

    (tmp_path / "p.csv").write_text("name,latitude,longitude,country_code\nSirako,13.0,-10.0,ML\n"
                                    "Sirako,15.55,-1.15,ML\n", encoding="utf-8")
    gaz = Gazetteer.from_sources(places=[tmp_path / "p.csv"], embedded=False, cache_dir=tmp_path / "c")
    alone = locate(events_to_frame([_ev(location="Sirako")]), gaz, country="ML")
    assert alone.loc[0, "longitude"] == -10.0  # nothing to tell them apart: the gazetteer's order
    rows = [_ev(location="Talbi", latitude=15.5 + k / 100, longitude=-1.2) for k in range(3)]
    out = locate(events_to_frame([*rows, _ev(location="Sirako")]), gaz, country="ML")
    assert (out.loc[3, "latitude"], out.loc[3, "longitude"]) == (15.55, -1.15)
