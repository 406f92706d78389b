"""A generic CSV with place names and no coordinates: its names are resolved together (the invented
places table of tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_map.io import read_events


@pytest.fixture(scope="module")
def gaz(invented_gaz):
    return invented_gaz


def _table(tmp_path: Path, places: list[str]) -> Path:
    src = tmp_path / "events.csv"
    src.write_text("event_date,place,fatalities\n" + "".join(f"2024-03-0{i + 1},{p},1\n" for i, p in enumerate(places)),
                   encoding="utf-8")
    return src


def test_same_named_villages_go_to_the_table_s_area(gaz, tmp_path: Path) -> None:
    alone = read_events(_table(tmp_path, ["Sirako"]), gazetteer=gaz, country="ML")
    assert alone.loc[0, "longitude"] == -10.0  # nothing to tell them apart: the gazetteer's order
    frame = read_events(_table(tmp_path, ["Talbi", "Tobali", "Kelta", "Sirako", "Nowhere Qzx"]),
                        gazetteer=gaz, country="ML")
    assert frame["location"].tolist()[:4] == ["Talbi", "Tobali", "Kelta", "Sirako"]
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
