"""``report.json``: what happened to every input, and which data sources were used.

The report holds no timestamps, so the same command on the same machine gives the same bytes. Paths
(inputs, outputs, gazetteer files, the cached default boundaries) are written as they were used, so a
report names exactly which files a run read; they differ between machines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from .model import Article

__all__ = ["Report", "REPORT_VERSION"]

REPORT_VERSION = 1


@dataclass
class Report:
    """Accumulates counts, rejected records, non-events, unresolved names and sources during a run."""

    inputs: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    non_events: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    unlocated: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)

    def add_input(self, path: Path, kind: str, records: int) -> None:
        self.inputs.append({"path": str(path), "kind": kind, "records": records})

    def add_extraction(self, extraction: Any, articles: Iterable["Article"]) -> None:
        stats = dict(getattr(extraction, "stats", {}) or {})
        for key in ("articles", "sentences", "words"):
            if key in stats:
                self.counts[key] = int(stats[key])
        self.counts.setdefault("articles", len(list(articles)))
        self.non_events.extend(getattr(extraction, "non_events", []) or [])
        self.unresolved.extend(getattr(extraction, "unresolved", []) or [])

    def finish(self, events: "gpd.GeoDataFrame") -> None:
        """Count the final events and list the unlocated ones."""
        located = events["latitude"].notna() & events["longitude"].notna() if len(events) else []
        n_located = int(sum(located)) if len(events) else 0
        self.counts["inputs"] = len(self.inputs)
        self.counts["records"] = sum(i["records"] for i in self.inputs)
        self.counts["events"] = len(events)
        self.counts["located"] = n_located
        # placed at a place named beside their own, which the gazetteer lacks (see location_flags)
        self.counts["located_nearby"] = (int(events["location_flags"].fillna("").astype(str)
                                             .str.contains("nearby_place", regex=False).sum())
                                         if len(events) else 0)
        self.counts["unlocated"] = len(events) - n_located
        self.counts["rejected"] = len(self.rejected)
        self.counts["non_events"] = len(self.non_events)
        self.counts["unresolved_names"] = len(self.unresolved)
        if len(events):
            for rec in events.loc[~located, ["event_id", "event_type", "sub_event_type",
                                             "place_mention", "country", "source_id",
                                             "location_flags"]].to_dict(orient="records"):
                self.unlocated.append({k: ("" if v is None else v) for k, v in rec.items()})

    def to_dict(self) -> dict[str, Any]:
        order = ("inputs", "records", "articles", "sentences", "words", "events_before_dedup",
                 "events", "located", "located_nearby", "unlocated", "non_events", "rejected", "unresolved_names")
        counts = {k: self.counts[k] for k in order if k in self.counts}
        counts.update({k: v for k, v in sorted(self.counts.items()) if k not in counts})
        return {
            "conflict_map_version": __version__,
            "report_version": REPORT_VERSION,
            "counts": counts,
            "inputs": self.inputs,
            "rejected": self.rejected,
            "non_events": self.non_events,
            "unresolved": self.unresolved,
            "unlocated_events": self.unlocated,
            "warnings": self.warnings,
            "sources": self.sources,
            "outputs": self.outputs,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=_jsonable) + "\n"


def _jsonable(v: Any) -> Any:
    if hasattr(v, "item"):
        return v.item()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, (set, frozenset, tuple)):
        return list(v)
    if isinstance(v, Path):
        return str(v)
    return str(v)
