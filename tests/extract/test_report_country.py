"""Reports that do not say which country they are about, and names that are people, not places.

Invented places only (nothing depends on GeoNames): the shared table of tests/conftest.py, plus two
places named like things a report writes that are not places: a village called "Ousmane Diallo" and
a town called "Les Habitants", both in another country.
"""

from __future__ import annotations

from datetime import date

import pytest

from conflict_map.extract import extract_events
from conflict_map.model import Article

EXTRA = """Ousmane Diallo,7.50,-5.50,CI,PPL,2000
Les Habitants,16.10,-61.70,GP,PPL,5000
Kelta,14.60,-1.40,BF,PPL,40000
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    from gazetteer import Gazetteer

    from tests.conftest import INVENTED_PLACES

    d = tmp_path_factory.mktemp("report-country")
    (d / "places.csv").write_text(INVENTED_PLACES + EXTRA, encoding="utf-8")
    return Gazetteer.from_sources(places=[d / "places.csv"], embedded=False, cache_dir=d / "cache")


def _events(gaz, text: str, country=None):
    return extract_events([Article(id="t", text=text, published=date(2025, 7, 3))], gaz, country=country).events


def test_a_country_named_to_orient_does_not_move_the_event_abroad(gaz) -> None:
    # "Niger" makes the report look Nigerien; Talbi is in Mali and stays there, with Malian actors
    evs = _events(gaz, "Gunmen attacked a checkpoint near Talbi, close to the border with Niger, on Tuesday, "
                       "killing two soldiers.")
    assert [(e.location, e.country_code) for e in evs] == [("Talbi", "ML")]
    assert evs[0].actor2 == "Military Forces of Mali"


def test_the_country_the_report_names_its_forces_by_is_kept(gaz) -> None:
    # Talbi is in Mali; the report says the soldiers are Burkinabe (a cross-border operation)
    evs = _events(gaz, "Burkinabe soldiers killed four jihadists near Talbi on Monday.")
    assert evs[0].location == "Talbi" and evs[0].country_code == "ML"
    assert "Military Forces of Burkina Faso" in (evs[0].actor1, evs[0].actor2)


def test_a_place_in_a_country_neither_given_nor_named_is_refused(gaz) -> None:
    evs = _events(gaz, "Gunmen killed three civilians in Ousmane Diallo village on Monday.", country="ML")
    assert all(e.country_code in ("ML", "") for e in evs)
    assert all(not e.located for e in evs)


def test_a_name_after_a_given_name_is_a_person(gaz) -> None:
    evs = _events(gaz, "Amadou Kelta's fighters killed five civilians in Talbi on Monday.")
    assert [e.location for e in evs] == ["Talbi"]


def test_a_two_word_name_starting_with_a_given_name_is_a_person(gaz) -> None:
    evs = _events(gaz, "Ousmane Diallo, a trader from Wadi Karo, was abducted near Tobali on Monday.")
    assert "Ousmane Diallo" not in [e.location for e in evs]
    assert [e.location for e in evs] == ["Tobali"]


def test_an_apposition_after_a_place_introduced_by_in_keeps_the_place(gaz) -> None:
    evs = _events(gaz, "In Talbi, a trader was shot dead on Monday.")
    assert [e.location for e in evs] == ["Talbi"]


def test_an_article_and_common_nouns_are_not_a_place(gaz) -> None:
    evs = _events(gaz, "Les habitants de Talbi ont fui après l'attaque de mardi qui a fait 10 morts.")
    assert [(e.location, e.country_code) for e in evs] == [("Talbi", "ML")]


@pytest.mark.parametrize("text, country", [
    # the country given is a hint: a place in a country the report names is taken there
    ("Gunmen killed five civilians in Kelta, Burkina Faso, on Monday.", "BF"),
    ("Gunmen killed five civilians in Kelta on Monday.", "ML"),
    # a country named only as a border does not take the place abroad
    ("Gunmen killed five civilians in Kelta near the Burkina Faso border on Monday.", "ML"),
])
def test_the_countries_given_are_a_hint_the_report_can_extend(gaz, text: str, country: str) -> None:
    evs = _events(gaz, text, country="ML")
    assert [(e.location, e.country_code) for e in evs] == [("Kelta", country)]


def test_a_part_of_a_report_that_names_its_country_first_is_looked_for_there(tmp_path) -> None:
    # two towns named Kaya, one per country: the digest's paragraph says which
    from gazetteer import Gazetteer

    (tmp_path / "p.csv").write_text(
        "name,latitude,longitude,country_code,feature_code,population\n"
        "Kaya,13.09,-1.08,BF,PPLA,60000\nKaya,13.31,12.69,NE,PPL,0\nDiffa,13.32,12.61,NE,PPLA,40000\n"
        "Gao,16.27,-0.04,ML,PPLA,80000\n", encoding="utf-8")
    gaz = Gazetteer.from_sources(places=[tmp_path / "p.csv"], embedded=False, cache_dir=tmp_path / "c")
    text = ("BURKINA FASO. In Kaya, gunmen killed two traders on 22 November.\n\n"
            "NIGER. On 23 November, soldiers clashed with militants near Diffa, killing four.")
    ev = extract_events([Article(id="d", text=text, published=date(2025, 11, 27))], gaz, country="ML").events
    assert [(e.location, e.country_code) for e in ev] == [("Kaya", "BF"), ("Diffa", "NE")]
    # the forces and gunmen of the country where it happened (the report's hint was Mali)
    assert ev[1].actor2 == "Military Forces of Niger" and ev[0].actor1 == "Unidentified Armed Group (Burkina Faso)"
