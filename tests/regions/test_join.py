"""The spatial join: point in polygon, nearest polygon within a tolerance, levels and sources."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from conflict_map.model import Event, events_to_frame
from conflict_map.regions import Regions, join_regions, regions_from_frame
from conflict_map.regions.join import locate_points


def _ev(lat: float | None, lon: float | None, **kw: object) -> Event:
    return Event("Battles", "Armed clash", "2025-07-01", 1, latitude=lat, longitude=lon, **kw)


def _admin2() -> gpd.GeoDataFrame:
    # two admin-1 regions, each split into two admin-2 districts; a triangle makes it less boxy
    return gpd.GeoDataFrame(
        {"admin1Name": ["West", "West", "East", "East"], "admin1Pcod": ["W", "W", "E", "E"],
         "admin2Name": ["W-north", "W-south", "E-north", "E-south"],
         "admin2Pcod": ["W1", "W2", "E1", "E2"], "admin0Name": ["Xland"] * 4, "admin0Pcod": ["XL"] * 4},
        geometry=[box(-1, 10.5, 0, 11), box(-1, 10, 0, 10.5),
                  Polygon([(0, 10.5), (1, 10.5), (1, 11), (0, 11)]), box(0, 10, 1, 10.5)],
        crs="EPSG:4326")


def test_fills_admin1_admin2_codes_and_country() -> None:
    ev = events_to_frame([_ev(10.75, -0.5), _ev(10.25, 0.5), _ev(None, None)])
    out = join_regions(ev, _admin2())
    assert out["admin1"].tolist() == ["West", "East", ""]
    assert out["admin2"].tolist() == ["W-north", "E-south", ""]
    assert out["admin2_pcode"].tolist() == ["W1", "E2", ""]
    assert out["country"].tolist() == ["Xland", "Xland", ""]
    assert out["country_code"].tolist() == ["XL", "XL", ""]
    assert out.attrs["regions"]["unlocated"] == 1
    assert out.geometry[2] is None


def test_existing_country_is_kept_and_points_on_boundaries_are_inside() -> None:
    ev = events_to_frame([_ev(10.5, 0.0, country="Yland")])
    out = join_regions(ev, _admin2())
    assert out.loc[0, "country"] == "Yland"
    assert out.loc[0, "admin2"] in {"W-north", "W-south", "E-north", "E-south"}
    assert out.loc[0, "location_flags"] == ""


def test_just_outside_goes_to_nearest_within_tolerance_and_is_flagged() -> None:
    # 0.05 degrees east of the eastern edge at latitude 10.25: about 5.5 km
    ev = events_to_frame([_ev(10.25, 1.05), _ev(10.25, 2.0, location_flags="approximate")])
    out = join_regions(ev, _admin2(), max_distance_km=10)
    assert out.loc[0, "admin2"] == "E-south"
    assert out.loc[0, "location_flags"].startswith("nearest_region:5.")
    assert out.loc[1, "admin2"] == ""
    assert out.loc[1, "location_flags"] == "approximate;outside_regions"
    tight = join_regions(ev, _admin2(), max_distance_km=2)
    assert tight.loc[0, "admin2"] == "" and "outside_regions" in tight.loc[0, "location_flags"]
    again = join_regions(out, _admin2(), max_distance_km=10)  # flags are not accumulated
    assert again["location_flags"].tolist() == out["location_flags"].tolist()


def test_overwrite_false_keeps_existing_admin_names() -> None:
    ev = events_to_frame([_ev(10.75, -0.5, admin1="Own", admin2="Own-2"), _ev(10.25, 0.5)])
    out = join_regions(ev, _admin2(), overwrite=False)
    assert out["admin1"].tolist() == ["Own", "East"]
    assert out["admin2"].tolist() == ["Own-2", "E-south"]
    replaced = join_regions(ev, _admin2())
    assert replaced["admin1"].tolist() == ["West", "East"]


def test_a_level_comes_from_its_own_layer_first() -> None:
    adm2 = regions_from_frame(_admin2(), name="adm2")
    adm1 = gpd.GeoDataFrame({"NAME_1": ["Big"], "GID_1": ["B"]}, geometry=[box(-2, 9, 2, 12)],
                            crs="EPSG:4326")
    both = adm2 + regions_from_frame(adm1, name="adm1")
    out = join_regions(events_to_frame([_ev(10.75, -0.5), _ev(9.5, 1.5)]), both)
    assert out["admin1"].tolist() == ["Big", "Big"]
    assert out["admin2"].tolist() == ["W-north", ""]
    assert [s["name"] for s in out.attrs["sources"]] == ["adm2", "adm1"]
    assert all(s["kind"] == "boundaries" and "disputed" in s["note"] for s in out.attrs["sources"])


def test_projected_boundaries_and_attrs_kept() -> None:
    ev = events_to_frame([_ev(10.75, -0.5)])
    ev.attrs["rejected"] = [{"origin": "x:2", "reason": "r"}]
    out = join_regions(ev, _admin2().to_crs("EPSG:3857"))
    assert out.loc[0, "admin2"] == "W-north"
    assert out.attrs["rejected"] == [{"origin": "x:2", "reason": "r"}]


def test_empty_events() -> None:
    out = join_regions(events_to_frame([]), _admin2())
    assert len(out) == 0 and out.attrs["regions"]["joined"] == 0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-1.5, 1.5), st.floats(9.5, 11.5)), min_size=1, max_size=60))
def test_agrees_with_geopandas_sjoin(points: list[tuple[float, float]]) -> None:
    polys = _admin2()
    x = np.array([p[0] for p in points])
    y = np.array([p[1] for p in points])
    ours = locate_points(x, y, np.asarray(polys.geometry.array, dtype=object))
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y), crs="EPSG:4326")
    ref = gpd.sjoin(pts, polys, predicate="intersects", how="left")
    for i in range(len(points)):
        hits = set(ref.loc[[i], "index_right"].dropna().astype(int))
        if ours[i] < 0:
            assert not hits
        else:
            assert ours[i] in hits


def test_regions_object_is_reusable() -> None:
    r = regions_from_frame(_admin2())
    assert isinstance(r, Regions) and r.levels == (1, 2)
    a = join_regions(events_to_frame([_ev(10.25, -0.5)]), r)
    b = join_regions(events_to_frame([_ev(10.25, -0.5)]), r)
    assert a["admin2"].tolist() == b["admin2"].tolist() == ["W-south"]


@pytest.mark.shared
def test_mali_admin2_agrees_with_acled(acled_dev, mali_admin2) -> None:
    """Done-when of issue 5: OCHA admin-2 joined to ACLED's points agrees with ACLED's admin2 >= 95 %."""
    import unicodedata

    from conflict_map.io import read_events

    ev = read_events(acled_dev)
    acled_admin2 = ev["admin2"].tolist()
    out = join_regions(ev, mali_admin2)

    def norm(s: str) -> str:
        return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().casefold().strip()

    same = sum(norm(a) == norm(b) for a, b in zip(acled_admin2, out["admin2"]))
    assert len(out) == 1224
    assert (out["admin1"] != "").all() and (out["admin2"] != "").all()
    assert same / len(out) >= 0.95, same / len(out)


def test_the_callers_frame_is_left_as_it_was() -> None:
    ev = events_to_frame([_ev(10.75, -0.5), _ev(10.25, 5.0)])
    before = ev.copy()
    join_regions(ev, _admin2())
    assert ev.drop(columns="geometry").astype(str).equals(before.drop(columns="geometry").astype(str))
    assert ev.attrs == before.attrs


def test_event_of_a_known_country_prefers_its_own_countrys_polygon_near_a_border() -> None:
    import geopandas as gpd
    from shapely.geometry import box

    from conflict_map.model import Event, events_to_frame
    from conflict_map.regions import join_regions

    # a coarse border at x=1: the village at x=0.98 lies "in" B's polygon but belongs to A
    polys = gpd.GeoDataFrame({"name": ["Aregion", "Bregion"], "iso_a2": ["AA", "BB"],
                              "adm1_code": ["A-1", "B-1"], "admin": ["Aland", "Bland"]},
                             geometry=[box(0, 0, 0.97, 1), box(0.97, 0, 2, 1)], crs="EPSG:4326")
    ev = events_to_frame([
        Event("Battles", "Armed clash", latitude=0.5, longitude=0.98, country_code="AA"),
        Event("Battles", "Armed clash", latitude=0.5, longitude=1.5, country_code="AA"),
        Event("Battles", "Armed clash", latitude=0.5, longitude=0.98),
    ])
    out = join_regions(ev, polys)
    assert out["admin1"].tolist() == ["Aregion", "Bregion", "Bregion"]
    assert out.loc[0, "location_flags"].startswith("own_country_region:")
    assert out.loc[1, "location_flags"] == "other_country_region"
    assert out.loc[2, "location_flags"] == ""
