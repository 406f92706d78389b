"""Reading boundaries: any GDAL format, any CRS, invalid geometries repaired, several layers."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import Polygon, box

from conflict_map.errors import InputNotFoundError, RegionsError
from conflict_map.regions import read_regions, regions_from_frame


def _two_regions(crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    g = gpd.GeoDataFrame({"admin1Name": ["West", "East"], "admin1Pcod": ["W1", "E1"],
                          "admin0Name": ["Xland", "Xland"]},
                         geometry=[box(-1, 10, 0, 11), box(0, 10, 1, 11)], crs="EPSG:4326")
    return g.to_crs(crs)


@pytest.mark.parametrize("ext,driver", [(".gpkg", "GPKG"), (".shp", "ESRI Shapefile"),
                                        (".fgb", "FlatGeobuf"), (".geojson", "GeoJSON")])
def test_any_gdal_format(tmp_path: Path, ext: str, driver: str) -> None:
    p = tmp_path / f"adm1{ext}"
    pyogrio.write_dataframe(_two_regions(), p, driver=driver)
    r = read_regions(p)
    assert r.levels == (1,)
    f = r.layers[0].frame
    f = f.sort_values("admin1_pcode", ascending=False)  # FlatGeobuf reorders features spatially
    assert f["admin1"].tolist() == ["West", "East"] and f["admin1_pcode"].tolist() == ["W1", "E1"]
    assert f["country"].tolist() == ["Xland", "Xland"]


def test_projected_crs_is_reprojected(tmp_path: Path) -> None:
    p = tmp_path / "utm.gpkg"
    pyogrio.write_dataframe(_two_regions("EPSG:32630"), p, driver="GPKG")
    f = read_regions(p).layers[0].frame
    assert f.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = f.total_bounds
    assert minx == pytest.approx(-1, abs=1e-6) and maxy == pytest.approx(11, abs=1e-6)


def test_invalid_geometry_is_repaired() -> None:
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    assert not bowtie.is_valid
    g = gpd.GeoDataFrame({"NAME_1": ["Bow"]}, geometry=[bowtie], crs="EPSG:4326")
    r = regions_from_frame(g)
    geom = r.layers[0].frame.geometry[0]
    assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon")
    assert geom.area == pytest.approx(0.5)
    assert r.sources[0]["repaired_geometries"] == 1


def test_several_files_and_levels(tmp_path: Path) -> None:
    a1 = tmp_path / "country_adm1.geojson"
    _two_regions().to_file(a1)
    a2 = tmp_path / "geoBoundaries-XLD-ADM2.geojson"
    gpd.GeoDataFrame({"shapeName": ["W-a", "W-b"], "shapeID": ["W1a", "W1b"]},
                     geometry=[box(-1, 10, -0.5, 11), box(-0.5, 10, 0, 11)], crs="EPSG:4326").to_file(a2)
    r = read_regions([a1, a2])
    assert r.levels == (1, 2)
    assert [s["convention"] for s in r.sources] == ["OCHA COD-AB", "geoBoundaries"]


def test_multi_layer_geopackage(tmp_path: Path) -> None:
    p = tmp_path / "gadm.gpkg"
    g = gpd.GeoDataFrame({"GID_0": ["XLD"], "COUNTRY": ["Xland"], "GID_1": ["XLD.1_1"], "NAME_1": ["One"]},
                         geometry=[box(0, 0, 1, 1)], crs="EPSG:4326")
    pyogrio.write_dataframe(g, p, layer="ADM_ADM_1", driver="GPKG")
    g2 = g.assign(GID_2=["XLD.1.1_1"], NAME_2=["OneOne"])
    pyogrio.write_dataframe(g2, p, layer="ADM_ADM_2", driver="GPKG", append=True)
    r = read_regions(p)
    assert r.levels == (1, 2) and len(r.layers) == 2
    assert {s["layer"] for s in r.sources} == {"ADM_ADM_1", "ADM_ADM_2"}


def test_explicit_name_fields(tmp_path: Path) -> None:
    p = tmp_path / "districts.geojson"
    gpd.GeoDataFrame({"DIST": ["D"], "DCODE": ["7"]}, geometry=[box(0, 0, 1, 1)],
                     crs="EPSG:4326").to_file(p)
    with pytest.raises(RegionsError, match="name_fields"):
        read_regions(p)
    r = read_regions(p, {2: ("DIST", "DCODE")}, licence="CC BY 4.0")
    assert r.layers[0].frame.loc[0, "admin2_pcode"] == "7"
    assert r.sources[0]["licence"] == "CC BY 4.0" and "disputed" in r.sources[0]["note"]


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        read_regions(tmp_path / "missing.gpkg")
    bad = tmp_path / "bad.geojson"
    bad.write_text("this is not geojson")
    with pytest.raises(RegionsError):
        read_regions(bad)
    pts = tmp_path / "points.geojson"
    gpd.GeoDataFrame({"NAME_1": ["P"]}, geometry=gpd.points_from_xy([0], [0]), crs="EPSG:4326").to_file(pts)
    with pytest.raises(RegionsError, match="polygon"):
        read_regions(pts)


def test_zipped_shapefiles_with_a_country_layer(tmp_path: Path) -> None:
    """A COD-AB style zip: adm0, adm1 and adm2 shapefiles side by side; the country layer is skipped."""
    import zipfile

    g = gpd.GeoDataFrame({"ADM0_EN": ["Xland"], "ADM0_PCODE": ["XL"]}, geometry=[box(0, 0, 2, 1)],
                         crs="EPSG:4326")
    g1 = g.assign(ADM1_EN=["One"], ADM1_PCODE=["XL01"])
    g2 = gpd.GeoDataFrame({"ADM0_EN": ["Xland"] * 2, "ADM1_EN": ["One"] * 2, "ADM1_PCODE": ["XL01"] * 2,
                           "ADM2_EN": ["A", "B"], "ADM2_PCODE": ["XL0101", "XL0102"]},
                          geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs="EPSG:4326")
    folder = tmp_path / "shp"
    folder.mkdir()
    for name, frame in (("xld_adm0", g), ("xld_adm1", g1), ("xld_adm2", g2)):
        pyogrio.write_dataframe(frame, folder / f"{name}.shp")
    z = tmp_path / "xld_cod_ab.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in sorted(folder.iterdir()):
            zf.write(f, f.name)
    r = read_regions(z)
    assert r.levels == (1, 2)
    assert sorted(s["layer"] for s in r.sources) == ["xld_adm1", "xld_adm2"]
