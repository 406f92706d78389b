"""The event model: validation, ids, and the GeoDataFrame round trip."""

from __future__ import annotations

import pytest

from conflict_map.model import (
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    Event,
    conform_frame,
    events_to_frame,
    frame_to_events,
    interaction_code,
    make_event_id,
)


def _event(**kw):
    base = dict(event_type="Battles", sub_event_type="Armed clash", event_date="2025-07-01",
                time_precision=1, location="Kayes", latitude=14.45, longitude=-11.44,
                source_id="a1", actor1="JNIM", actor2="Military Forces of Mali")
    base.update(kw)
    return Event(**base)


def test_unknown_types_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown event_type"):
        _event(event_type="Skirmish")
    with pytest.raises(ValueError, match="does not belong"):
        _event(sub_event_type="Arrests")


def test_derived_fields() -> None:
    e = _event(inter1=2, inter2=1)
    assert (e.year, e.disorder_type, e.interaction) == (2025, "Political violence", 12)
    assert interaction_code(7, 1) == 17 and interaction_code(6, 0) == 60


def test_event_id_is_deterministic_and_content_based() -> None:
    assert _event().event_id == _event().event_id == make_event_id(_event().to_dict())
    assert _event().event_id != _event(location="Niono", latitude=14.25, longitude=-5.99).event_id
    assert _event().event_id != _event(source_id="a2").event_id


def test_frame_round_trip_keeps_values_and_unlocated_rows() -> None:
    events = [_event(fatalities=11), _event(latitude=None, longitude=None, location="",
                                            event_type="Strategic developments",
                                            sub_event_type="Arrests")]
    gdf = events_to_frame(events)
    assert list(gdf.columns[:-1]) == list(EVENT_COLUMNS)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.isna().tolist() == [False, True]
    back = frame_to_events(gdf)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in events]


def test_conform_takes_coordinates_from_projected_geometry() -> None:
    gdf = events_to_frame([_event()]).to_crs(3857)
    out = conform_frame(gdf.drop(columns=["latitude", "longitude"]))
    assert out.loc[0, "latitude"] == pytest.approx(14.45)
    assert out.loc[0, "longitude"] == pytest.approx(-11.44)


def test_acled_column_order_is_the_published_one() -> None:
    assert ACLED_COLUMNS[:6] == ("event_id_cnty", "event_date", "year", "time_precision",
                                 "disorder_type", "event_type")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
