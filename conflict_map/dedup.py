"""One event per actors, place and day: reports of the same event from several sources are merged.

The merged event lists every source (``source`` and ``source_id`` joined with ``"; "``), keeps the
evidence of each, and takes the conservative figures (the lowest fatalities). Different actor pairs
at the same place and day stay separate events (EVENTS.md).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterable

from .model import SUB_EVENT_TYPES, Event, make_event_id

__all__ = ["dedup_events", "dedup_key"]


def dedup_key(event: Event) -> tuple[object, ...]:
    """What identifies an event across reports: actors (unordered), place and day.

    Outlets may type one attack differently (an assault "struck by shellfire"): the type is not part
    of the key; the merged event takes the type that ranks first in ACLED's precedence.

    The place is the gazetteer id when known, else the location name, else the place mention.
    """
    place: object = event.geonameid if event.geonameid is not None else (
        (event.location or event.place_mention or "").strip().lower()
        if event.located or event.location or event.place_mention else ("unlocated", event.source_id))
    actors = tuple(sorted(a for a in (event.actor1, event.actor2) if a))
    return (event.event_date, place, actors)


def _precedence(event: Event) -> tuple[int, int]:
    types = list(SUB_EVENT_TYPES)
    return (types.index(event.event_type), SUB_EVENT_TYPES[event.event_type].index(event.sub_event_type))


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    known_a = {x for x in a if not x.startswith("Unidentified")}
    known_b = {x for x in b if not x.startswith("Unidentified")}
    return known_a <= known_b or known_b <= known_a


def _join(values: Iterable[str]) -> str:
    out: list[str] = []
    for v in values:
        for part in (v or "").split("; "):
            if part and part not in out:
                out.append(part)
    return "; ".join(out)


def dedup_events(events: Iterable[Event]) -> list[Event]:
    """Merge events that share actors, place, day and type; the first one's position is kept.

    Examples
    --------
    >>> from conflict_map.model import Event
    >>> a = Event("Battles", "Armed clash", "2025-07-01", 1, actor1="JNIM", actor2="FAMa", location="Kayes",
    ...           latitude=14.4, longitude=-11.4, geonameid=1, fatalities=10, source="A", source_id="a")
    >>> b = dataclasses.replace(a, fatalities=8, source="B", source_id="b", event_id="")
    >>> [(e.source, e.source_id, e.fatalities) for e in dedup_events([a, b])]
    [('A; B', 'a; b', 8)]
    """
    groups: dict[tuple[object, ...], list[Event]] = {}
    order: list[tuple[object, ...]] = []
    for e in events:
        k = dedup_key(e)
        base = k[:2] + k[3:]
        target = k
        if k not in groups:
            # another report may name fewer actors (or "unidentified" ones) for the same event
            for other in order:
                if other[:2] + other[3:] == base and _compatible(other[2], k[2]):
                    target = other
                    break
        if target not in groups:
            groups[target] = []
            order.append(target)
        groups[target].append(e)
    out: list[Event] = []
    for k in order:
        g = groups[k]
        if len(g) == 1:
            out.append(g[0])
            continue
        first = g[0]
        fats = [e.fatalities for e in g if e.fatalities is not None]
        lows = [e.fatalities_low for e in g if e.fatalities_low is not None]
        highs = [e.fatalities_high for e in g if e.fatalities_high is not None]
        precs = [e.time_precision for e in g if e.time_precision is not None]
        geo = [e.geo_precision for e in g if e.geo_precision is not None]
        evidence = []
        for e in g:
            if e.evidence and e.evidence not in evidence:
                evidence.append(e.evidence)
        best = min(g, key=_precedence)
        merged = dataclasses.replace(
            first,
            event_type=best.event_type,
            sub_event_type=best.sub_event_type,
            disorder_type=best.disorder_type,
            event_id="",
            source=_join(e.source for e in g),
            source_id=_join(e.source_id for e in g),
            source_url=_join(e.source_url for e in g),
            source_scale=_join(e.source_scale for e in g),
            evidence=" | ".join(evidence),
            fatalities=min(fats) if fats else first.fatalities,
            fatalities_low=min(lows) if lows else None,
            # the range covers every report's account: the lowest is kept, the highest is told
            fatalities_high=max(highs) if highs else None,
            time_precision=min(precs) if precs else None,
            geo_precision=min(geo) if geo else None,
            notes=_merged_notes(first.notes, g, fats),
        )
        merged.event_id = make_event_id(merged)
        out.append(merged)
    return out


_FATALITIES_NOTE = re.compile(r";\s*\d+ fatalities(?: \(range \d+-\d+\))?")


def _merged_notes(notes: str, group: list[Event], fats: list[int]) -> str:
    """The first report's notes with its own figure replaced by what the reports say together."""
    base = _FATALITIES_NOTE.sub("", notes or "").rstrip(". ")
    told = ", ".join(str(f) for f in fats)
    if fats and min(fats) != max(fats):
        figures = f" (fatalities reported: {told}; the lowest, {min(fats)}, is kept)"
    elif fats and fats[0]:
        figures = f" ({fats[0]} fatalities in each)"
    else:
        figures = ""
    return f"{base}. Reported by {len(group)} reports{figures}." if base else f"Reported by {len(group)} reports{figures}."
