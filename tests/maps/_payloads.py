"""Events built in code for map tests: ordinary ones and ones whose text carries HTML/script payloads."""

from __future__ import annotations

from typing import Any

from conflict_map.model import Event, events_to_frame

#: Each payload sets window.__pwned if it ever runs.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    "</script><script>window.__pwned=3</script>",
    '"><svg onload="window.__pwned=4">',
    "{{ 7*7 }} {% raw %} ${window.__pwned=5}",
    "\u2028\u2029 line separators & <b>bold</b>",
)


def plain_events() -> list[Event]:
    """Seven events: six located (two at the same spot), one unlocated."""
    return [
        Event("Battles", "Armed clash", "2024-03-01", 1, location="Gao", latitude=16.27, longitude=-0.04,
              fatalities=12, actor1="Military Forces of Mali", actor2="JNIM", geo_precision=1,
              admin1="Gao", admin2="Gao", country="Mali", source="Studio Tamani",
              source_url="https://example.org/news/1", evidence="Soldiers and JNIM fighters clashed near Gao."),
        Event("Protests", "Peaceful protest", "2024-03-05", 1, location="Bamako", latitude=12.65,
              longitude=-8.0, actor1="Protesters (Mali)", fatalities=0, geo_precision=1, admin1="Bamako",
              country="Mali", source="RFI", source_url="https://example.org/news/2"),
        Event("Explosions/Remote violence", "Air/drone strike", "2024-04-10", 1, location="Kidal",
              latitude=18.44, longitude=1.41, fatalities=5, fatalities_low=5, fatalities_high=8,
              geo_precision=2, admin1="Kidal", source="AFP"),
        Event("Violence against civilians", "Attack", "2024-05-02", 2, location="Mopti", latitude=14.49,
              longitude=-4.19, fatalities=3, admin1="Mopti", source="Local source"),
        Event("Violence against civilians", "Abduction/forced disappearance", "2024-05-20", 1,
              location="Mopti", latitude=14.49, longitude=-4.19, fatalities=0, admin1="Mopti",
              source="Local source", actor1="Unidentified Armed Group (Mali)"),
        Event("Riots", "Mob violence", "2024-06-01", 3, location="Kayes", latitude=14.45, longitude=-11.44,
              fatalities=None, admin1="Kayes", source="Le Republicain"),
        Event("Strategic developments", "Agreement", "2024-06-15", 1, location="Somewhere unknown",
              source="Radio"),
    ]


def payload_events() -> list[Event]:
    """Located events whose every text field carries a payload (one payload per event)."""
    out = []
    for i, p in enumerate(PAYLOADS):
        out.append(Event(
            "Battles" if i % 2 else "Riots", "Armed clash" if i % 2 else "Violent demonstration",
            f"2024-01-{i + 1:02d}", 1, location=f"Town {p}", latitude=12.0 + i * 0.7, longitude=-8.0 + i,
            actor1=f"Group {p}", assoc_actor_1=p, actor2=p, admin1=p, admin2=p, country=p, source=p,
            source_url="javascript:window.__pwned=9" if i % 2 else f"https://example.org/?q={p}",
            notes=p, evidence=f"Evidence {p}", fatalities=i,
        ))
    return out


def frame(events: list[Event]) -> Any:
    return events_to_frame(events)
