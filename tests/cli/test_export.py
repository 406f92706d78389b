"""``conflict-map export``: the done-when of issue 5 and the command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ..conftest import REPO


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conflict_map", "export", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=300)


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().casefold().strip()


@pytest.mark.shared
def test_acled_to_geojson_keeps_acled_coordinates_and_fields(tmp_path: Path, acled_dev: Path) -> None:
    import csv

    out = tmp_path / "x.geojson"
    res = cli(str(acled_dev), "-o", str(out), "--no-default-regions")
    assert res.returncode == 0, res.stderr
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert len(fc["features"]) == 1224
    with open(acled_dev, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for f, row in zip(fc["features"], rows):
        p = f["properties"]
        assert f["id"] == p["event_id"] == row["event_id_cnty"]
        assert f["geometry"]["coordinates"] == [float(row["longitude"]), float(row["latitude"])]
        for k in ("event_type", "sub_event_type", "admin1", "admin2", "admin3", "location", "source",
                  "notes"):
            assert p[k] == row[k], k
        assert p["fatalities"] == int(row["fatalities"]) and p["interaction"] == int(row["interaction"])


@pytest.mark.shared
def test_acled_without_regions_keeps_acled_admin_names(tmp_path: Path, acled_dev: Path) -> None:
    out = tmp_path / "x.geojson"
    assert cli(str(acled_dev), "-o", str(out)).returncode == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["features"][0]["properties"]["admin1"] == "Koulikoro"
    assert all(f["properties"]["admin1_pcode"] == "" for f in fc["features"])


@pytest.mark.shared
def test_regions_fill_admin1_and_admin2_agreeing_with_acled(tmp_path: Path, acled_dev: Path,
                                                           mali_admin2: Path) -> None:
    import csv

    out = tmp_path / "x.geojson"
    res = cli(str(acled_dev), "-o", str(out), "--regions", str(mali_admin2))
    assert res.returncode == 0, res.stderr
    assert "mali_admin2_ocha.geojson" in res.stderr and "disputed" in res.stderr
    props = [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]
    with open(acled_dev, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(props) == 1224
    assert all(p["admin1"] and p["admin2"] and p["admin2_pcode"].startswith("ML") for p in props)
    same = sum(_fold(p["admin2"]) == _fold(r["admin2"]) for p, r in zip(props, rows))
    assert same / len(rows) >= 0.95


@pytest.mark.shared
def test_gpkg_parquet_csv_exports_read_back_the_same(tmp_path: Path, acled_dev: Path,
                                                     mali_admin2: Path) -> None:
    from conflict_map.io import read_events

    frames = {}
    for ext in ("geojson", "gpkg", "parquet", "csv"):
        out = tmp_path / f"x.{ext}"
        res = cli(str(acled_dev), "-o", str(out), "--regions", str(mali_admin2))
        assert res.returncode == 0, res.stderr
        frames[ext] = read_events(out).drop(columns="geometry")
    ref = frames.pop("geojson")
    for ext, df in frames.items():
        assert len(df) == 1224, ext
        assert df.astype(str).equals(ref.astype(str)), ext


@pytest.mark.parametrize("first,second", [("geojson", "gpkg"), ("gpkg", "parquet"), ("parquet", "csv"),
                                          ("csv", "geojson")])
def test_every_format_converts_to_every_other(tmp_path: Path, first: str, second: str) -> None:
    src = tmp_path / "points.csv"
    src.write_text("id,name,lat,lon,date,fatalities\na,A,14.5,-4.2,2025-07-01,3\nb,B,,,2025-07-02,0\n",
                   encoding="utf-8")
    a, b = tmp_path / f"a.{first}", tmp_path / f"b.{second}"
    assert cli(str(src), "-o", str(a), "--no-default-regions").returncode == 0
    res = cli(str(a), "-o", str(b), "--no-default-regions")
    assert res.returncode == 0, res.stderr
    from conflict_map.io import read_events

    back = read_events(b)
    assert back["event_id"].tolist() == ["a", "b"] and back["fatalities"].tolist() == [3, 0]
    assert back.geometry[0].x == -4.2 and back.geometry[1] is None


def test_rejected_rows_are_listed(tmp_path: Path) -> None:
    src = tmp_path / "points.csv"
    src.write_text("name,lat,lon\nA,14.5,-4.2\nB,95,0\n", encoding="utf-8")
    res = cli(str(src), "-o", str(tmp_path / "o.csv"), "--no-default-regions")
    assert res.returncode == 0, res.stderr
    assert "points.csv:3" in res.stderr and "out of range" in res.stderr
    assert "1 events (1 rejected rows)" in res.stderr


def test_bad_inputs_are_one_line_and_nonzero(tmp_path: Path) -> None:
    src = tmp_path / "points.csv"
    src.write_text("name,lat,lon\nA,14.5,-4.2\n", encoding="utf-8")
    res = cli(str(src), "-o", str(tmp_path / "o.xlsx"))
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1 and "xlsx" in res.stderr
    res = cli(str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv"))
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1
    bad = tmp_path / "b.geojson"
    bad.write_text("not regions", encoding="utf-8")
    res = cli(str(src), "-o", str(tmp_path / "o.csv"), "--regions", str(bad))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.csv").exists()
    res = cli(str(src), "-o", str(tmp_path / "o.csv"), "--regions-field", "nonsense")
    assert res.returncode != 0


def test_generic_csv_gets_default_admin1(tmp_path: Path) -> None:
    from conflict_map.regions.default import QGIS_WORLD_MAP

    if not QGIS_WORLD_MAP.exists():
        pytest.skip("Debian's qgis-common is not installed")
    src = tmp_path / "points.csv"
    src.write_text("name,lat,lon\nKayes,14.4469,-11.4456\n", encoding="utf-8")
    out = tmp_path / "o.gpkg"
    res = cli(str(src), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "Natural Earth" in res.stderr and "public domain" in res.stderr
    import pyogrio

    back = pyogrio.read_dataframe(out)
    assert back.loc[0, "admin1"] == "Kayes" and back.loc[0, "country"] == "Mali"
    assert "Natural Earth" in pyogrio.read_info(out)["layer_metadata"]["sources"]


def test_several_countries_are_hints_not_every_row_s_country(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,latitude,longitude,country_code,population\nTalbi,15.5,-1.2,ML,0\n"
                      "Korsimoro,13.1,-1.1,BF,0\nKorsimoro,13.5,2.1,NE,90000\n", encoding="utf-8")
    src = tmp_path / "events.csv"
    src.write_text("event_date,place,fatalities\n2024-03-01,Talbi,1\n2024-03-02,Korsimoro,2\n"
                   "2024-03-03,Nowhere Qzx,0\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    res = cli(str(src), "-o", str(out), "--places", str(places), "--country", "ML", "--country", "BF",
              "--no-default-regions")
    assert res.returncode == 0, res.stderr
    import csv

    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["country_code"] for r in rows] == ["ML", "BF", ""]  # the second code is a hint too: not NE
    res = cli(str(src), "-o", str(out), "--places", str(places), "--country", "ML", "--no-default-regions")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["country_code"] for r in rows] == ["ML", "NE", "ML"]  # a resolved place keeps its own country
