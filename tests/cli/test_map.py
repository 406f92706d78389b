"""``conflict-map map``: events file (+ boundaries) to one standalone HTML map."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conflict_map", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)


@pytest.fixture()
def events_file(tmp_path: Path) -> Path:
    from conflict_map.io import write_events
    from conflict_map.model import Event, events_to_frame

    events = [
        Event("Battles", "Armed clash", "2024-03-01", 1, location="Gao", latitude=16.27, longitude=-0.04,
              fatalities=4, actor1="<script>window.__pwned=1</script>"),
        Event("Riots", "Mob violence", "2024-03-02", 1, location="Kayes", latitude=14.45, longitude=-11.44),
        Event("Protests", "Peaceful protest", "2024-03-03", 1, location="Nowhere"),
    ]
    path = tmp_path / "events.geojson"
    write_events(events_to_frame(events), path)
    return path


def test_map_writes_a_standalone_page(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "map.html"
    res = cli("map", str(events_file), "-o", str(out), "--tiles", "none", "--title", "Test <b>map</b>")
    assert res.returncode == 0, res.stderr
    assert "3 events (1 unlocated, 0 rejected rows)" in res.stderr and str(out) in res.stderr
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link\b", page)
    assert "tile.openstreetmap" not in page
    assert "<title>Test &lt;b&gt;map&lt;/b&gt;</title>" in page
    assert "<script>window.__pwned" not in page


def test_map_with_regions_and_default_tiles(events_file: Path, tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    regions = tmp_path / "toy_adm1.geojson"
    gpd.GeoDataFrame({"shapeName": ["North", "South"], "shapeID": ["N-1", "S-1"]},
                     geometry=[box(-12, 15, 5, 25), box(-12, 10, 5, 15)], crs="EPSG:4326").to_file(regions)
    out = tmp_path / "map.html"
    res = cli("map", str(events_file), "-o", str(out), "--regions", str(regions))
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in page  # online tiles by default (loaded by the browser, not here)
    assert '"names":["North","South"]' in page
    assert "toy_adm1.geojson" in page  # boundary source credited


def test_missing_events_file_fails_cleanly(tmp_path: Path) -> None:
    res = cli("map", str(tmp_path / "nope.geojson"), "-o", str(tmp_path / "m.html"))
    assert res.returncode == 2
    assert not (tmp_path / "m.html").exists()


def test_tile_url_needs_attribution(events_file: Path, tmp_path: Path) -> None:
    res = cli("map", str(events_file), "-o", str(tmp_path / "m.html"), "--tiles",
              "https://tiles.example.org/{z}/{x}/{y}.png")
    assert res.returncode == 2
    assert "attribution" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_map_is_written_as_html_only(events_file: Path, tmp_path: Path) -> None:
    res = cli("map", str(events_file), "-o", str(tmp_path / "m.png"))
    assert res.returncode == 2 and "HTML" in res.stderr and not (tmp_path / "m.png").exists()
