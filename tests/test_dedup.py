"""dedup_events: one event per actors, place and day across reports."""

from __future__ import annotations

import dataclasses

from conflict_map.dedup import dedup_events
from conflict_map.model import Event


def _ev(**kw) -> Event:
    base = dict(event_type="Battles", sub_event_type="Armed clash", event_date="2025-07-01", time_precision=1,
                actor1="JNIM", actor2="Military Forces of Mali", location="Kayes", latitude=14.4,
                longitude=-11.4, geonameid=1, fatalities=10, fatalities_low=10, fatalities_high=12,
                source="A", source_id="a", evidence="one")
    base.update(kw)
    return Event(**base)


def test_same_event_two_sources_merged_conservatively() -> None:
    out = dedup_events([_ev(), _ev(source="B", source_id="b", fatalities=8, fatalities_low=8, evidence="two")])
    assert len(out) == 1
    e = out[0]
    assert (e.source, e.source_id, e.fatalities) == ("A; B", "a; b", 8)
    assert "one" in e.evidence and "two" in e.evidence


def test_same_report_twice_is_one_event() -> None:
    e = _ev()
    assert len(dedup_events([e, dataclasses.replace(e)])) == 1


def test_different_actor_pairs_stay_separate() -> None:
    out = dedup_events([_ev(), _ev(actor1="Islamic State (Greater Sahara)", source_id="b")])
    assert len(out) == 2


def test_different_days_or_places_stay_separate() -> None:
    assert len(dedup_events([_ev(), _ev(event_date="2025-07-02")])) == 2
    assert len(dedup_events([_ev(), _ev(geonameid=2, location="Diboli")])) == 2


def test_outlets_typing_one_attack_differently_are_merged() -> None:
    a = _ev()
    b = _ev(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
            source="B", source_id="b")
    out = dedup_events([b, a])
    assert len(out) == 1 and (out[0].event_type, out[0].source_id) == ("Battles", "b; a")


def test_merged_notes_tell_every_reports_figure_and_keep_the_lowest() -> None:
    a = _ev(notes="Armed clash at Kayes on 2025-07-01; 10 fatalities (range 10-12).")
    b = _ev(source="B", source_id="b", fatalities=15, fatalities_low=15, fatalities_high=15,
            notes="Armed clash at Kayes on 2025-07-01; 15 fatalities.")
    e = dedup_events([a, b])[0]
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (10, 10, 15)
    assert e.notes == ("Armed clash at Kayes on 2025-07-01. Reported by 2 reports (fatalities reported: 10, 15; "
                       "the lowest, 10, is kept).")
