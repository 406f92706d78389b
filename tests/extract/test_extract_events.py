"""extract_events end to end: on texts written here (with a tiny in-memory gazetteer stand-in) and on
the seed reports with the real gazetteer (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_map.dedup import dedup_events
from conflict_map.extract import extract_events
from conflict_map.model import Article


def test_without_gazetteer_events_are_unlocated() -> None:
    art = Article(id="a", text="Hier, des hommes armés ont tué trois civils à Boni.", published=date(2025, 7, 2))
    ex = extract_events([art], None)
    assert len(ex.events) == 1
    e = ex.events[0]
    assert (e.event_type, e.sub_event_type, e.event_date, e.fatalities) == (
        "Violence against civilians", "Attack", "2025-07-01", 3)
    assert e.latitude is None and e.source_id == "a" and e.evidence
    assert ex.stats["articles"] == 1 and ex.stats["unlocated"] == 1


def test_no_cue_is_a_non_event() -> None:
    ex = extract_events([Article(id="x", text="The minister visited a school.", published=date(2025, 1, 1))], None)
    assert ex.events == [] and ex.non_events[0]["reason"] == "no event cue"


@pytest.fixture(scope="module")
def gaz(geonames_dir):
    from gazetteer import Gazetteer

    return Gazetteer.from_sources(geonames=[geonames_dir])


@pytest.fixture(scope="module")
def seed_extraction(gaz, seeds_jsonl):
    from conflict_map.io.articles import read_articles

    arts, rej = read_articles([seeds_jsonl])
    assert not rej
    return arts, extract_events(arts, gaz)


def test_seed_2_seven_events(seed_extraction, seeds_gold) -> None:
    _, ex = seed_extraction
    gold = seeds_gold["seed-2-western-mali-attacks"]
    evs = [e for e in ex.events if e.source_id == "seed-2-western-mali-attacks"]
    assert sorted(e.geonameid for e in evs) == sorted(gold["event_places"].values())
    assert {e.event_date for e in evs} == {gold["event_date"]}
    assert all(e.event_type in gold["event_types"] for e in evs)
    assert sum(e.fatalities for e in evs) == gold["fatalities_total"]
    assert any("split" in e.notes for e in evs)
    starts = [e.evidence for e in evs]
    assert all(starts)
    assert {e.actor1 for e in evs} | {e.actor2 for e in evs} >= {
        "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali"}
    admin1 = {e.location: e.admin1 for e in evs}
    assert admin1["Molodo"] == "Ségou" and admin1["Kayes"] == "Kayes"


def test_seed_nothing_at_orientation_places_or_persons(seed_extraction) -> None:
    _, ex = seed_extraction
    bad = {"Bamako", "Senegal", "Mauritania", "Mopti", "Dembele", "Sagara", "Mara", "Maiga", "Goïta"}
    assert not [e for e in ex.events if any(b in (e.location + e.place_mention) for b in bad)]


def test_seed_1_arrests_and_seed_3_not_violent(seed_extraction) -> None:
    _, ex = seed_extraction
    s1 = [e for e in ex.events if e.source_id == "seed-1-coup-plot-arrests"]
    assert any(e.sub_event_type == "Arrests" for e in s1)
    s3 = [e for e in ex.events if e.source_id == "seed-3-ecowas-withdrawal"]
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
    assert s3 and not [e for e in s3 if e.event_type in violent]
    assert all(e.latitude is None for e in s3)


def test_seed_twice_gives_one_event_per_town(gaz, seeds_jsonl) -> None:
    from dataclasses import replace

    from conflict_map.io.articles import read_articles

    arts, _ = read_articles([seeds_jsonl])
    s2 = [a for a in arts if a.id == "seed-2-western-mali-attacks"][0]
    other = replace(s2, id="copy", source="Other outlet")
    ex = extract_events([s2, other], gaz)
    merged = dedup_events(ex.events)
    located = [e for e in merged if e.located]
    assert len(located) == 7
    assert all(e.source_id == "seed-2-western-mali-attacks; copy" for e in located)


def test_events_ordered_by_evidence(seed_extraction) -> None:
    arts, ex = seed_extraction
    text = {a.id: a.text for a in arts}
    for sid in text:
        evs = [e for e in ex.events if e.source_id == sid]
        pos = [text[sid].find(e.evidence[:60]) for e in evs]
        assert all(p >= 0 for p in pos), "evidence is a sentence of its report"
        assert pos == sorted(pos)  # several events may share their lead sentence (equal positions)


class _Cand:
    def __init__(self, gid: int, name: str, lat: float, lon: float) -> None:
        self.geonameid, self.name, self.lat, self.lon = gid, name, lat, lon
        self.country, self.admin1, self.admin2 = "ML", "Mopti", None
        self.feature_class, self.feature_code, self.score, self.reasons = "P", "PPL", 0.9, ("exact name",)


class _TinyGazetteer:
    """A two-town stand-in with the gazetteer's interface (the real one is tested with ../shared)."""

    towns = {"Boni": _Cand(1, "Boni", 15.07, -2.22), "Hombori": _Cand(2, "Hombori", 15.28, -1.70)}

    def spot(self, text, capitalized=False):
        return []

    def is_country(self, name):
        return name == "Mali"

    def resolve_all(self, names, country=None, context=None):
        return [[self.towns[n]] if n in self.towns else [] for n in names]

    def resolve(self, name, country=None, context=None):
        return [self.towns[name]] if name in self.towns else []


def test_one_attack_several_place_names_is_one_event() -> None:
    art = Article(id="b", text="Gunmen abducted a trader in Boni on the road towards Hombori.",
                  published=date(2025, 7, 2))
    ex = extract_events([art], _TinyGazetteer())
    assert [e.location for e in ex.events] == ["Boni"]


def test_attacks_on_several_towns_split_fatalities() -> None:
    art = Article(id="c", text="Simultaneous attacks on army posts in Boni and Hombori on Tuesday killed 9 soldiers.",
                  published=date(2025, 7, 2))
    ex = extract_events([art], _TinyGazetteer())
    assert [(e.location, e.fatalities, e.event_date) for e in ex.events] == [
        ("Boni", 5, "2025-07-01"), ("Hombori", 4, "2025-07-01")]
    assert "split" in ex.events[0].notes


def test_french_report() -> None:
    art = Article(id="f", text="Mardi 1er juillet, des jihadistes ont attaqué le camp militaire de Boni, "
                               "faisant quatre-vingts morts.", published=date(2025, 7, 3))
    ex = extract_events([art], _TinyGazetteer())
    e = ex.events[0]
    assert (e.event_type, e.event_date, e.fatalities, e.location) == ("Battles", "2025-07-01", 80, "Boni")


def test_two_outlets_en_fr_one_event_per_town() -> None:
    en = Article(id="en", source="Outlet A", published=date(2025, 7, 2),
                 text="JNIM militants attacked army posts in Boni and Hombori on Tuesday, killing 6 soldiers.")
    fr = Article(id="fr", source="Outlet B", published=date(2025, 7, 2),
                 text="Mardi, les jihadistes du JNIM ont attaqué les postes de l'armée à Boni et Hombori, "
                      "tuant quatre soldats.")
    ex = extract_events([en, fr], _TinyGazetteer())
    merged = dedup_events(ex.events)
    assert sorted(e.location for e in merged) == ["Boni", "Hombori"]
    assert all(e.source == "Outlet A; Outlet B" for e in merged)
    assert sum(e.fatalities for e in merged) == 4  # the lower report, split across the two towns


@pytest.mark.shared
def test_a_report_is_placed_the_same_alone_or_in_a_run(gaz, acled_dev) -> None:
    # nothing of one report's text may decide another report's places; the one thing a run adds is
    # the tie-break between same-named villages, and the notes say when it did
    import csv
    from datetime import datetime

    with open(acled_dev, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:400]
    arts = [Article(id=r["event_id_cnty"], text=r["notes"],
                    published=datetime.strptime(r["event_date"], "%d %B %Y").date()) for r in rows]
    together = extract_events(arts, gaz, country="ML").events
    alone = [e for a in arts for e in extract_events([a], gaz, country="ML").events]
    assert len(together) == len(alone)
    moved = 0
    for t, a in zip(together, alone):
        assert (t.source_id, t.event_date, t.event_type) == (a.source_id, a.event_date, a.event_type)
        if "does not tell them apart" in t.notes:
            moved += 1
            continue
        assert (t.location, t.latitude, t.longitude) == (a.location, a.latitude, a.longitude), t.evidence
    assert moved < len(together) // 20
