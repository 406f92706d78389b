"""A generic CSV with place names and no coordinates: its names are resolved together (places table
written here; the names are invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_map.io import read_events

PLACES = """name,latitude,longitude,country_code,feature_code
Sirako,13.00,-10.00,ML,PPL
Sirako,15.55,-1.15,ML,PPL
Talbi,15.50,-1.20,ML,PPLA2
Tobali,15.45,-1.25,ML,PPLA2
Wadi Karo,15.60,-1.10,ML,PPLA2
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    from gazetteer import Gazetteer

    d = tmp_path_factory.mktemp("generic")
    (d / "p.csv").write_text(PLACES, encoding="utf-8")
    return Gazetteer.from_sources(places=[d / "p.csv"], embedded=False, cache_dir=d / "cache")


def _table(tmp_path: Path, places: list[str]) -> Path:
    src = tmp_path / "events.csv"
    src.write_text("event_date,place,fatalities\n" + "".join(f"2024-03-0{i + 1},{p},1\n" for i, p in enumerate(places)),
                   encoding="utf-8")
    return src


def test_same_named_villages_go_to_the_table_s_area(gaz, tmp_path: Path) -> None:
    alone = read_events(_table(tmp_path, ["Sirako"]), gazetteer=gaz, country="ML")
    assert alone.loc[0, "longitude"] == -10.0  # nothing to tell them apart: the gazetteer's order
    frame = read_events(_table(tmp_path, ["Talbi", "Tobali", "Wadi Karo", "Sirako", "Nowhere Qzx"]),
                        gazetteer=gaz, country="ML")
    assert frame["location"].tolist()[:4] == ["Talbi", "Tobali", "Wadi Karo", "Sirako"]
    assert (frame.loc[3, "latitude"], frame.loc[3, "longitude"]) == (15.55, -1.15)
    assert frame.loc[4, "location_flags"] == "unresolved"
    assert any("Nowhere Qzx" in w["message"] for w in frame.attrs["warnings"])


def test_any_object_with_resolve_still_works(tmp_path: Path) -> None:
    class One:
        def resolve(self, name, country=None):
            from gazetteer import Candidate

            return [Candidate(None, name, 14.0, -4.0, "ML", None, None, None, "P", "PPL", 0, 1.0, (), "mine", name)]

    frame = read_events(_table(tmp_path, ["Anywhere"]), gazetteer=One())
    assert (frame.loc[0, "latitude"], frame.loc[0, "country_code"]) == (14.0, "ML")
