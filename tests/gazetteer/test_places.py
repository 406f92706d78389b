"""The user's own places and events tables (ACLED-like) as gazetteer sources."""

from pathlib import Path

import pytest

from gazetteer import Gazetteer, SourceError


def test_places_csv_with_aliases(tiny_dir: Path, tmp_path: Path) -> None:
    p = tmp_path / "my_places.csv"
    p.write_text("name,aliases,lat,lon,country,admin1\n"
                 "Camp Alpha,Alpha Base|Base Alpha,14.9,-1.5,ML,Mopti\n", encoding="utf-8")
    gaz = Gazetteer.from_sources(geonames=[tiny_dir], places=[p], embedded=False, cache_dir=tmp_path / "c")
    best = gaz.resolve("Base Alpha")[0]
    assert (best.name, best.country, best.admin1, best.source, best.geonameid) == (
        "Camp Alpha", "ML", "Mopti", "places:my_places.csv", None)
    assert [m.text for m in gaz.spot("near Alpha Base")] == ["Alpha Base"]
    assert any(s["name"] == "places:my_places.csv" and s["records"] == 1 for s in gaz.sources)


def test_events_table_fills_gaps_and_infers_country(tiny_dir: Path, tmp_path: Path) -> None:
    # ACLED export columns; no country column: the country comes from the nearest known places
    p = tmp_path / "events.csv"
    p.write_text(
        "event_id_cnty,event_date,admin1,admin2,admin3,location,latitude,longitude,geo_precision,notes\n"
        'X1,1 May 2018,Kaya,Kaya,Kaya,Bourkessi,14.95,-9.45,1,"attack"\n'
        'X2,2 May 2018,Kaya,Kaya,Kaya,Bourkessi,14.95,-9.45,1,"again"\n'
        'X3,3 May 2018,Kaya,Kaya,Kaya,Nowhere,bad,-9.45,1,"bad row"\n', encoding="utf-8")
    gaz = Gazetteer.from_sources(geonames=[tiny_dir], places=[p], embedded=False, cache_dir=tmp_path / "c")
    best = gaz.resolve("Bourkessi", country="ML")[0]
    assert (best.lat, best.lon, best.country, best.admin1) == (14.95, -9.45, "ML", "Kaya")
    assert best.source == "places:events.csv"
    assert [s["records"] for s in gaz.sources if s["kind"] == "places"] == [1]  # one place, two events


def test_events_table_country_hint(tmp_path: Path) -> None:
    p = tmp_path / "ev.csv"
    p.write_text("location,latitude,longitude\nSomewhere,10.0,10.0\n", encoding="utf-8")
    gaz = Gazetteer.from_sources(places=[p], embedded=False, cache_dir=tmp_path / "c", country="ng")
    assert gaz.resolve("Somewhere")[0].country == "NG"


def test_places_without_coordinates_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("name,country\nA,ML\n", encoding="utf-8")
    with pytest.raises(SourceError, match="latitude"):
        Gazetteer.from_sources(places=[p], embedded=False, cache_dir=tmp_path / "c").build()
