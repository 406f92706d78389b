"""Extraction stages on small texts written for these tests (EN and FR); no ../shared data needed."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_map.extract.actors import assign_actors, find_actors
from conflict_map.extract.classify import classify, find_cues, is_history
from conflict_map.extract.dates import find_dateline, resolve_date
from conflict_map.extract.fatalities import count_deaths, parse_number, split_total
from conflict_map.extract.places import candidate_places
from conflict_map.extract.sentences import split_sentences

REF = date(2025, 7, 1)  # a Tuesday


@pytest.mark.parametrize("text,expected", [
    ("Heavy clashes broke out between the army and JNIM.", ("Battles", "Armed clash")),
    ("Gunmen attacked an army post, killing two soldiers.", ("Battles", "Armed clash")),
    ("Gunmen attacked the village, killing five civilians.", ("Violence against civilians", "Attack")),
    ("A MINUSMA vehicle struck an IED near the town.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("An airstrike hit a camp during the fighting.", ("Battles", "Armed clash")),
    ("Unknown gunmen kidnapped a trader.", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Militants kidnapped two traders and executed them.", ("Violence against civilians", "Attack")),
    ("Police arrested three men.", ("Strategic developments", "Arrests")),
    ("Hundreds of people took to the streets to protest.", ("Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse the protesters.", ("Protests", "Protest with intervention")),
    ("The protest turned violent as youths burned tyres.", ("Riots", "Violent demonstration")),
    ("The rebels seized the town of Ber.", ("Battles", "Non-state actor overtakes territory")),
    ("Des affrontements ont opposé l'armée aux jihadistes.", ("Battles", "Armed clash")),
    ("Des hommes armés ont enlevé un commerçant.", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Une frappe de drone a visé un véhicule.", ("Explosions/Remote violence", "Air/drone strike")),
    ("Des manifestants ont été dispersés à coups de gaz lacrymogène.", ("Protests", "Protest with intervention")),
    ("Un cessez-le-feu a été signé.", ("Strategic developments", "Agreement")),
])
def test_classify_en_fr(text: str, expected: tuple[str, str]) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize("text", [
    "JNIM threatened to attack the town.",
    "The group plans to attack army posts.",
    "Nothing happened today.",
])
def test_threats_plans_are_not_events(text: str) -> None:
    assert find_cues(text) == []


def test_background_history() -> None:
    assert is_history("In 2012, rebels seized Kidal.", 2025)
    assert is_history("The group has for more than a decade fought the army.", 2025)
    assert not is_history("On 3 May 2025, rebels seized Kidal.", 2025)


@pytest.mark.parametrize("text,expected,precision", [
    ("The attacks on Tuesday targeted the town.", date(2025, 7, 1), 1),
    ("Gunmen struck on Monday night.", date(2025, 6, 30), 1),
    ("yesterday", date(2025, 6, 30), 1),
    ("hier", date(2025, 6, 30), 1),
    ("dans la nuit de samedi à dimanche", date(2025, 6, 28), 1),
    ("mardi 1er juillet", date(2025, 7, 1), 1),
    ("le 3 septembre", date(2024, 9, 3), 1),
    ("on 3 September", date(2024, 9, 3), 1),
    ("December 30", date(2024, 12, 30), 1),
    ("30 December 2018", date(2018, 12, 30), 1),
    ("last week", date(2025, 6, 26), 2),
    ("last month", date(2025, 6, 15), 3),
    ("in May", date(2025, 5, 15), 3),
    ("early June", date(2025, 6, 1), 3),
    ("late June", date(2025, 6, 30), 3),
])
def test_dates(text: str, expected: date, precision: int) -> None:
    m = resolve_date(text, REF)
    assert m is not None and (m.date, m.precision) == (expected, precision)
    assert m.expression


def test_since_and_year_only() -> None:
    assert resolve_date("depuis le 1er juin", REF).since
    assert resolve_date("in 2012", REF) is None
    assert resolve_date("recently", REF) is None


def test_dateline() -> None:
    d, end = find_dateline("BAMAKO, July 3 (Reuters) – Gunmen attacked Boni.", date(2025, 7, 4))
    assert d == date(2025, 7, 3) and end > 0


@pytest.mark.parametrize("text,n", [("eighty", 80), ("quatre-vingts", 80), ("dozens", 12), ("twenty-one", 21),
                                    ("soixante-dix", 70), ("quatre-vingt-dix-neuf", 99), ("several", 3)])
def test_number_words(text: str, n: int) -> None:
    assert parse_number(text) == n


def test_deaths() -> None:
    assert count_deaths("Gunmen killed 12 civilians and wounded three others.").low == 12
    d = count_deaths("The toll ranges from about 20 to 50 dead.")
    assert (d.low, d.high) == (20, 50)
    assert count_deaths("Eighty fighters were killed.").low == 80
    assert count_deaths("L'attaque a fait quatre-vingts morts.").low == 80
    assert count_deaths("Ten people were wounded.").low == 0
    assert count_deaths("On December 27, militants killed nine civilians.").low == 9
    assert count_deaths("Casualties were reported.").low == 0
    assert split_total(80, 7) == [14, 11, 11, 11, 11, 11, 11]


def test_actors_and_inter_codes() -> None:
    acts = find_actors("An al-Qaeda affiliate attacked FAMa positions; JNIM claimed it.", "ML")
    assert [(a.name, a.inter) for a in acts][:2] == [
        ("JNIM: Group for Support of Islam and Muslims", 2), ("Military Forces of Mali", 1)]
    a1, a2 = assign_actors("Battles", "Armed clash", acts)
    assert a1.inter == 2 and a2.inter == 1
    a1, a2 = assign_actors("Violence against civilians", "Attack",
                           find_actors("Des hommes armés ont tué trois civils.", "ML"), "ML")
    assert a2.name == "Civilians (Mali)" and a2.inter == 7
    # no country given or named: the name leaves it out rather than guessing one
    a1, a2 = assign_actors("Violence against civilians", "Attack",
                           find_actors("Des hommes armés ont tué trois civils."))
    assert (a1.name, a2.name) == ("Unidentified Armed Group", "Civilians")


def test_sentences_keep_offsets() -> None:
    text = "Gen. Traoré arrived. Clashes broke out in Gao! Then calm.Elsewhere, M. Diarra spoke."
    sents = split_sentences(text)
    assert [s.text for s in sents][:2] == ["Gen. Traoré arrived.", "Clashes broke out in Gao!"]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert sents[-1].text.startswith("Elsewhere")


def test_places_drop_persons_orientation_and_parentheses() -> None:
    t = ("Gen Abass Dembele said gunmen attacked Diboli and Sandere, northwest of the capital Bamako "
         "near the border with Senegal; Moussa Mara was absent; a former governor of Mopti region spoke.")
    names = [p.text for p in candidate_places(t, 0, len(t), [], is_country=lambda n: n == "Senegal")]
    assert names == ["Diboli", "Sandere"]
    t2 = "Gunmen killed two herders in Sandare (Nioro, Kayes)."
    assert [p.text for p in candidate_places(t2, 0, len(t2), [])] == ["Sandare"]
    t3 = "A bus struck a mine 25 km north of Boni."
    p = candidate_places(t3, 0, len(t3), [])[0]
    assert p.text == "Boni" and p.precision == 2 and p.offset_km[0] == pytest.approx(25.0)


@pytest.mark.parametrize("text,expected", [
    ("A gendarmerie post was attacked by gunmen near the town.", ("Battles", "Armed clash")),
    ("Gendarmerie post attacked around 19h, one gendarme wounded.", ("Battles", "Armed clash")),
    ("Gunmen attacked a bus and stripped the passengers of their belongings.",
     ("Strategic developments", "Looting/property destruction")),
    ("Residents ransacked the town hall after the arrest of a youth.", ("Riots", "Mob violence")),
    ("Militants carried out a complex attack with an IED followed by small arms fire against an army convoy.",
     ("Battles", "Armed clash")),
    ("An IED struck an army vehicle.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Soldiers neutralized an IED planted on the road.", ("Strategic developments", "Disrupted weapons use")),
])
def test_classify_targets_and_precedence(text: str, expected: tuple[str, str]) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize("text,n", [
    ("Gunmen killed a trader and wounded another.", 1),
    ("A civilian was killed by the explosion.", 1),
    ("Dozos killed a father and his two sons.", 3),
    ("Sixteen militiamen and four civilians were killed.", 20),
    ("Militants burned three huts and killed two sheep.", 0),
    ("A 50-year-old man was killed by soldiers.", 1),
    ("At least one soldier was killed and four others wounded.", 1),
])
def test_deaths_more(text: str, n: int) -> None:
    assert count_deaths(text).low == n


def test_places_context_between_coded_and_apposition() -> None:
    t = "Gunmen abducted a man between Boni and Hombori."
    assert [p.text for p in candidate_places(t, 0, len(t), [])] == ["Boni"]
    t = "Gunmen abducted a man in Doro (coded as Tinkar 15km N at geoprecision 2)."
    p = candidate_places(t, 0, len(t), [])
    assert [x.text for x in p] == ["Tinkar"] and p[0].offset_km[0] == pytest.approx(15.0)
    t = "Dozos attacked Sewere, Djenne."
    assert [p.text for p in candidate_places(t, 0, len(t), [])] == ["Sewere"]
    t = "Fulani militiamen killed two Dogon civilians in Boni."
    assert [p.text for p in candidate_places(t, 0, len(t), [])] == ["Boni"]
