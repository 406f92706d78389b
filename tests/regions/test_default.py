"""The embedded admin-1 default (Natural Earth via Debian's qgis-common), built on first use."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_map.errors import RegionsError
from conflict_map.model import Event, events_to_frame
from conflict_map.regions import default as default_mod
from conflict_map.regions import join_regions


def _need_qgis() -> Path:
    if not default_mod.QGIS_WORLD_MAP.exists():
        pytest.skip("Debian's qgis-common is not installed (apt-get install qgis-common)")
    return default_mod.QGIS_WORLD_MAP


def test_absent_source_raises_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICT_MAP_NE_WORLD_MAP", str(tmp_path / "absent.gpkg"))
    monkeypatch.setattr(default_mod, "_CACHE", {})
    ev = events_to_frame([Event("Battles", "Armed clash", latitude=14.45, longitude=-11.44)])
    with pytest.raises(RegionsError, match="qgis-common.*--regions"):
        join_regions(ev)


def test_build_is_cached_and_reproducible(tmp_path: Path) -> None:
    src = _need_qgis()
    a = default_mod.build_default_admin1(src, tmp_path / "a.gpkg")
    b = default_mod.build_default_admin1(src, tmp_path / "b.gpkg")
    assert a.read_bytes() == b.read_bytes()
    cached = default_mod.build_default_admin1()
    assert cached.parent == default_mod.cache_dir() / "regions"
    assert default_mod.build_default_admin1() == cached


def test_default_join_credits_natural_earth() -> None:
    _need_qgis()
    ev = events_to_frame([Event("Battles", "Armed clash", latitude=14.4469, longitude=-11.4456),
                          Event("Battles", "Armed clash", latitude=48.8566, longitude=2.3522)])
    out = join_regions(ev)
    assert out.loc[0, "admin1"] == "Kayes" and out.loc[0, "country"] == "Mali"
    assert out.loc[0, "country_code"] == "ML" and out.loc[0, "admin1_pcode"] == "ML03"
    assert out.loc[1, "country"] == "France"
    src = out.attrs["sources"][0]
    assert src["licence"] == "public domain" and "Natural Earth" in src["name"]
    assert "qgis-common" in src["provider"] and "disputed" in src["note"]


def test_default_does_not_replace_admin_names_events_carry() -> None:
    _need_qgis()
    ev = events_to_frame([Event("Battles", "Armed clash", latitude=14.4469, longitude=-11.4456,
                                admin1="Kayes Region (own)"),
                          Event("Battles", "Armed clash", latitude=14.4469, longitude=-11.4456)])
    out = join_regions(ev)
    assert out["admin1"].tolist() == ["Kayes Region (own)", "Kayes"]
    assert join_regions(ev, overwrite=True)["admin1"].tolist() == ["Kayes", "Kayes"]


def test_geonames_admin1_names(geonames_dir: Path) -> None:
    _need_qgis()
    regions = default_mod.default_regions(geonames_dir / "admin1CodesASCII.txt")
    ev = events_to_frame([Event("Battles", "Armed clash", latitude=16.7735, longitude=-3.0074)])
    out = join_regions(ev, regions)
    # Natural Earth calls it Timbuktu; GeoNames (whose admin1 code ML.08 is NE's FIPS ML08) Tombouctou
    assert out.loc[0, "admin1"] == "Tombouctou"
    assert "GeoNames" in out.attrs["sources"][0]["admin1_names"]


def test_geonames_names_from_the_environment(geonames_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _need_qgis()
    monkeypatch.setenv("CONFLICT_MAP_GEONAMES", str(geonames_dir / "ML.txt"))
    ev = events_to_frame([Event("Battles", "Armed clash", latitude=16.7735, longitude=-3.0074)])
    assert join_regions(ev).loc[0, "admin1"] == "Tombouctou"
    monkeypatch.delenv("CONFLICT_MAP_GEONAMES")
    assert join_regions(ev).loc[0, "admin1"] == "Timbuktu"
