"""The issue's acceptance checks on the real GeoNames dumps in ../shared (skipped when absent)."""

import csv
from pathlib import Path

import pytest

from gazetteer import Gazetteer

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def gaz(geonames_dir: Path) -> Gazetteer:
    g = Gazetteer.from_sources(geonames=[geonames_dir])  # embedded cities500 too, as users get it
    g.build()
    return g


def top(cands: list) -> int | None:
    assert cands, "unresolved"
    return cands[0].geonameid


def test_spelling_variants_in_a_malian_report(gaz: Gazetteer) -> None:
    assert top(gaz.resolve("Sandere", country="ML")) == 2451711
    assert top(gaz.resolve("Sandere", context="JNIM attacked army posts in Sandere (Nioro, Kayes)")) == 2451711
    assert top(gaz.resolve("Gogoui")) == 2457077
    assert top(gaz.resolve("Gogoui", country="ML")) == 2457077


def test_nioro(gaz: Gazetteer) -> None:
    assert top(gaz.resolve("Nioro du Sahel")) == 2452651
    assert top(gaz.resolve("Nioro\u2011du\u2011Sahel")) == 2452651
    assert top(gaz.resolve("Nioro", context="JNIM attacked army posts in Kayes, Nioro and Diboli, Mali")) == 2452651
    assert top(gaz.resolve("Nioro", country="ML")) == 2452651


def test_kidira_senegal(gaz: Gazetteer) -> None:
    assert top(gaz.resolve("Kidira", context="Kidira, the Senegalese town across the border, in Senegal")) == 2249892
    assert top(gaz.resolve("Kidira", country="SN")) == 2249892


def test_boulkessi_unresolved_never_a_far_look_alike(gaz: Gazetteer) -> None:
    for kw in ({}, {"country": "ML"}, {"context": "a Malian army convoy was ambushed in Boulkessi (Douentza, Mopti)"}):
        assert gaz.resolve("Boulkessi", **kw) == [], kw
        assert "no place named 'Boulkessi'" in gaz.explain("Boulkessi", **kw)


def test_boulkessi_from_an_events_table(geonames_dir: Path, acled_dev: Path, tmp_path: Path) -> None:
    # a user's own events table with coordinates fills the gap (the ACLED file spells it Boulikessi)
    with open(acled_dev, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["location"] == "Boulikessi"]
    table = tmp_path / "mine.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["location", "latitude", "longitude", "admin1", "admin2"])
        w.writeheader()
        w.writerow({"location": "Boulkessi", "latitude": rows[0]["latitude"], "longitude": rows[0]["longitude"],
                    "admin1": rows[0]["admin1"], "admin2": rows[0]["admin2"]})
    g = Gazetteer.from_sources(geonames=[geonames_dir], places=[table], embedded=False, cache_dir=tmp_path / "c")
    best = g.resolve("Boulkessi", country="ML")[0]
    assert (best.lat, best.lon) == (float(rows[0]["latitude"]), float(rows[0]["longitude"]))
    assert best.country == "ML" and best.source == "places:mine.csv"


def test_spot_seed_sentence_names(gaz: Gazetteer) -> None:
    text = ("JNIM attacked army posts in Diboli, Kayes, Sandere, Nioro du Sahel, Gogoui, Molodo and Niono; "
            "the army says it killed 80 fighters")
    spotted = [m.text for m in gaz.spot(text)]
    for name in ("Diboli", "Kayes", "Nioro du Sahel", "Molodo", "Niono"):
        assert name in spotted
    assert "Gogoui" not in spotted  # not an indexed name...
    spotted = [m.text for m in gaz.spot(text, variants=True)]
    assert "Gogoui" in spotted and "Nioro du Sahel" in spotted  # ...but a spelling variant of one
    assert gaz.is_country("Mauritanie") and gaz.country_code("Senegal") == "SN"


def test_context_reranks_and_does_not_empty_a_look_alike_in_the_given_country(gaz: Gazetteer) -> None:
    # places named far away in the text do not veto a look-alike inside the caller's country
    alone = gaz.resolve("Almoustarat", country="ML")
    far = gaz.resolve("Almoustarat", country="ML",
                      context="The Kayes region and Tombouctou were calm; Almoustarat was attacked.")
    assert alone and far and top(far) == top(alone) == 2596476


def test_own_name_and_names_inside_proper_names_are_not_admin_context(gaz: Gazetteer) -> None:
    # "Katiba Macina" names a group, not the Macina district; "in Kenieba" is the mention itself
    assert top(gaz.resolve("Diema", country="ML", context="Katiba Macina militants attacked customs in Diema.")) \
        == 2458881
    why = gaz.explain("Bourem", country="ML", context="Gunmen attacked a checkpoint in Bourem.")
    assert "district seat 'bourem' named" not in why


def test_a_camp_named_in_the_text_prefers_the_camp_record(gaz: Gazetteer) -> None:
    best = gaz.resolve("Omo", country="ML", context="Militiamen killed two herders near Omo camp in Koro.")[0]
    assert best.feature_code == "CMP"
    assert gaz.resolve("Omo", country="ML", context="Militiamen killed two herders in Omo.")[0].feature_code == "PPL"


def test_admin_context_written_with_the_name_outweighs_another_place_of_the_report(gaz: Gazetteer) -> None:
    text = "Clashes in Koro, Mopti Region; hunters from Ke-Macina were said to be coming to help."
    best = gaz.resolve("Koro", country="ML", context=text)[0]
    assert best.geonameid == 2454674
    assert any("written right after the name" in r for r in best.reasons)


def test_a_place_of_your_own_table_outranks_same_named_geonames_records(geonames_dir: Path, tmp_path: Path) -> None:
    # several Malian villages are named Mamba and nothing in the query tells them apart; the user's
    # table (an events export, say) has one of them: that one comes first, with the reason
    alone = Gazetteer.from_sources(geonames=[geonames_dir]).resolve("Mamba", country="ML")
    assert len([c for c in alone if c.name == "Mamba" and c.feature_class == "P"]) >= 2
    table = tmp_path / "my_places.csv"
    table.write_text("location,latitude,longitude\nMamba,14.0778,-4.9807\n", encoding="utf-8")
    gaz = Gazetteer.from_sources(geonames=[geonames_dir], places=[table], cache_dir=tmp_path / "c")
    best = gaz.resolve("Mamba", country="ML")[0]
    assert (best.lat, best.lon) == (14.0778, -4.9807) and best.source == "places:my_places.csv"
    assert "in your own places (places:my_places.csv)" in best.reasons
